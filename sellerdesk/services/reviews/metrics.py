"""The metric table: one place that says, for every metric a KPI line can name, which roles use it, its
unit, its usual direction, and the function that reads its value for one person and month from the
shop's own data — together with the records behind it (docs/metrics.md, Reviews).

Sources read the same services as the figures shown elsewhere (the service desk's per-agent figures, the
monthly report's order figures, the team figures, the promotions' effect), so a review's actual equals
the figure the workbook shows for the same month. A month's data is read once (``MonthData``) and shared
by that month's reviews.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import MovementKind, Role
from sellerdesk.domain.figures import AgentMonth, MonthlyFigures, PersonFigures, PromotionFigures, Ratio, uplift_bp
from sellerdesk.domain.permissions import OWNER
from sellerdesk.domain.timeutil import month_bounds_utc, utcnow
from sellerdesk.models import AuditEntry, Sku, StockMovement, Task
from sellerdesk.services.products import check_titles
from sellerdesk.services.promotions import list_promotions_ended_in
from sellerdesk.services.reports.monthly import LateShipments, late_shipments, monthly_figures
from sellerdesk.services.reports.team import compute_team_figures, person_month_tasks
from sellerdesk.services.reviews.dto import Actual, MetricInfo, OrderScope, SourceRef
from sellerdesk.services.tickets.figures import agent_month_figures, agent_month_tickets
from sellerdesk.services.zones import house_timezone, month_days

MAX_SOURCE_IDS = 2_000  # ids a line keeps of the records behind it; the rest are counted


def parse_month(month: str) -> tuple[int, int]:
    """(year, month) of "YYYY-MM"; ValueError otherwise."""
    if len(month) != 7 or month[4] != "-":
        raise ValueError(month)
    year, number = int(month[:4]), int(month[5:])
    if not (2000 <= year <= 2200 and 1 <= number <= 12):
        raise ValueError(month)
    return year, number


def refs(kind: str, ids: Sequence[int], note: str = "") -> SourceRef:
    return SourceRef(kind, tuple(ids[:MAX_SOURCE_IDS]), max(0, len(ids) - MAX_SOURCE_IDS), None, note)


class MonthData:
    """Everything a month's metrics read, each part computed on first use and kept for the month's reviews.

    ``now``: the instant "still late", "overdue" and "ended" are judged at (a running month's figures move).
    """

    def __init__(self, session: Session, month: str, now: datetime | None = None) -> None:
        self.session = session
        self.month = month
        self.year, self.number = parse_month(month)
        self.now = now or utcnow()

    @cached_property
    def zone(self) -> str:
        return house_timezone(self.session)

    @cached_property
    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) of the month in the house zone (tasks, tickets, audit entries, stock movements)."""
        return month_bounds_utc(self.year, self.number, self.zone)

    @cached_property
    def order_scope(self) -> OrderScope:
        first, last = month_days(self.year, self.number)
        return OrderScope(first, last)

    # --- the services the figures come from ------------------------------------------------------------

    @cached_property
    def agents(self) -> dict[int | None, AgentMonth]:
        figures = agent_month_figures(self.session, self.year, self.number, self.zone)
        return {a.staff_id: a for a in figures.agents}

    @cached_property
    def orders(self) -> MonthlyFigures:
        return monthly_figures(self.session, self.year, self.number, actor=OWNER)

    @cached_property
    def late(self) -> LateShipments:
        return late_shipments(self.session, self.year, self.number, self.now)

    @cached_property
    def people(self) -> dict[int, PersonFigures]:
        return {p.staff_id: p for p in compute_team_figures(self.session, self.year, self.number, self.now)}

    @cached_property
    def promotions(self) -> tuple[tuple[PromotionFigures, int | None], ...]:
        """The promotions that ended in the month, with the assignee of their task."""
        ended = list_promotions_ended_in(self.session, self.year, self.number, self.now)
        ids = [p.task_id for p in ended]
        owners = dict(self.session.execute(select(Task.id, Task.assignee_id).where(Task.id.in_(ids))).all())
        return tuple((p, owners.get(p.task_id)) for p in ended)

    @cached_property
    def titles_failing(self) -> tuple[int, ...]:
        return tuple(issue.sku_id for issue in check_titles(self.session))

    @cached_property
    def active_skus(self) -> int:
        return int(self.session.scalar(select(func.count(Sku.id)).where(Sku.active)) or 0)

    def tickets(self, staff_id: int, *, recovered: bool = False) -> tuple[int, ...]:
        return agent_month_tickets(
            self.session, self.year, self.number, self.zone, staff_id, bad_reviews_recovered=recovered
        )

    def tasks(self, staff_id: int) -> tuple[tuple[int, bool, bool], ...]:
        return person_month_tasks(self.session, self.year, self.number, staff_id)


Source = Callable[[MonthData, int], Actual]  # (the month's data, staff id) → actual


@dataclass(frozen=True)
class Metric:
    info: MetricInfo
    source: Source


# ---------------------------------------------------------------- service (the service desk's figures)


def _agent(data: MonthData, staff_id: int) -> AgentMonth | None:
    return data.agents.get(staff_id)


def _ticket_actual(value: Callable[[AgentMonth], int | None]) -> Source:
    def source(data: MonthData, staff_id: int) -> Actual:
        agent = _agent(data, staff_id)
        if agent is None:
            return Actual(None)
        return Actual(value(agent), refs("tickets", data.tickets(staff_id), "tickets resolved in the month"))

    return source


def _tickets_handled(data: MonthData, staff_id: int) -> Actual:
    agent = _agent(data, staff_id)
    ids = data.tickets(staff_id) if agent is not None else ()
    return Actual(agent.handled if agent is not None else 0, refs("tickets", ids, "tickets resolved in the month"))


def _bad_reviews_recovered(data: MonthData, staff_id: int) -> Actual:
    agent = _agent(data, staff_id)
    if agent is None:
        return Actual(0)
    ids = data.tickets(staff_id, recovered=True)
    return Actual(agent.bad_reviews_recovered, refs("tickets", ids, "bad reviews removed"))


# ---------------------------------------------------------------- operations (the monthly report's figures)


def _gmv(data: MonthData, staff_id: int) -> Actual:
    return Actual(data.orders.total.gmv_cents, SourceRef("orders", scope=data.order_scope, note="orders paid"))


def _refund_rate(data: MonthData, staff_id: int) -> Actual:
    total = data.orders.total
    if not total.paid_orders:
        return Actual(None)
    return Actual(total.refund_rate_bp, SourceRef("orders", scope=data.order_scope, note="orders paid"))


def _late_rate(data: MonthData, staff_id: int) -> Actual:
    late = data.late
    if not late.ratio.denominator:
        return Actual(None)
    return Actual(late.ratio.bp, refs("orders", late.order_ids, "late shipments"))


# ---------------------------------------------------------------- product


def _stocktake_accuracy(data: MonthData, staff_id: int) -> Actual:
    """Active SKUs whose stocktake in the month found no difference / active SKUs; None without any
    stocktake movement in the month (the ledger keeps only differences)."""
    start, end = data.bounds
    stmt = (
        select(StockMovement.sku_id)
        .join(Sku, Sku.id == StockMovement.sku_id)
        .where(
            StockMovement.kind == MovementKind.STOCKTAKE,
            StockMovement.at >= start,
            StockMovement.at < end,
            StockMovement.on_hand_delta != 0,
            Sku.active,
        )
        .distinct()
    )
    differing = sorted(data.session.scalars(stmt))
    if not differing or not data.active_skus:
        return Actual(None)
    matched = Ratio(data.active_skus - len(differing), data.active_skus)
    return Actual(matched.bp, refs("skus", differing, "SKUs the stocktake corrected"))


def _out_of_stock(data: MonthData, staff_id: int) -> Actual:
    """Active SKUs with no available stock (on hand − reserved ≤ 0) at the month's end (or now, while it runs)."""
    at = min(data.bounds[1], data.now)
    available = func.coalesce(func.sum(StockMovement.on_hand_delta - StockMovement.reserved_delta), 0)
    ledger = (
        select(StockMovement.sku_id, available.label("available"))
        .where(StockMovement.at < at)
        .group_by(StockMovement.sku_id)
        .subquery()
    )
    stmt = (
        select(Sku.id)
        .outerjoin(ledger, ledger.c.sku_id == Sku.id)
        .where(Sku.active, func.coalesce(ledger.c.available, 0) <= 0)
        .order_by(Sku.id)
    )
    ids = list(data.session.scalars(stmt))
    return Actual(len(ids), refs("skus", ids, "SKUs out of stock"))


def _listings_updated(data: MonthData, staff_id: int) -> Actual:
    """Products the person created or changed in the month (their product and SKU edits in the audit log)."""
    start, end = data.bounds
    stmt = select(AuditEntry.entity, AuditEntry.entity_id).where(
        AuditEntry.staff_id == staff_id,
        AuditEntry.entity.in_(("products", "skus")),
        AuditEntry.action.in_(("create", "update")),
        AuditEntry.at >= start,
        AuditEntry.at < end,
        AuditEntry.entity_id.is_not(None),
    )
    products: set[int] = set()
    skus: set[int] = set()
    for entity, entity_id in data.session.execute(stmt):
        if entity_id is not None:
            (products if entity == "products" else skus).add(entity_id)
    if skus:
        products |= set(data.session.scalars(select(Sku.product_id).where(Sku.id.in_(sorted(skus)))))
    ids = sorted(products)
    return Actual(len(ids), refs("products", ids, "products changed"))


def _titles_failing(data: MonthData, staff_id: int) -> Actual:
    ids = data.titles_failing
    return Actual(len(ids), refs("skus", ids, "titles with a banned word"))


# ---------------------------------------------------------------- marketing


def _promo_uplift(data: MonthData, staff_id: int) -> Actual:
    """GMV uplift of the person's promotions that ended in the month, taken together."""
    mine = [p for p, owner in data.promotions if owner == staff_id]
    during = sum(p.effect.during.gmv_cents for p in mine)
    before = sum(p.effect.before.gmv_cents for p in mine)
    value = uplift_bp(during, before)
    return Actual(value, refs("tasks", [p.task_id for p in mine], "promotions ended in the month"))


# ---------------------------------------------------------------- everyone (team figures)


def _tasks_done(data: MonthData, staff_id: int) -> Actual:
    person = data.people.get(staff_id)
    ids = [tid for tid, completed, _ in data.tasks(staff_id) if completed]
    return Actual(person.tasks_completed if person else 0, refs("tasks", ids, "tasks completed in the month"))


def _tasks_on_time(data: MonthData, staff_id: int) -> Actual:
    person = data.people.get(staff_id)
    if person is None or not person.tasks_due:
        return Actual(None)
    ids = [tid for tid, _, due in data.tasks(staff_id) if due]
    return Actual(person.on_time.bp, refs("tasks", ids, "tasks due in the month"))


# ---------------------------------------------------------------- the table

SERVICE = frozenset({Role.SERVICE})
SALES = frozenset({Role.OPERATIONS, Role.MANAGER})
PRODUCT = frozenset({Role.PRODUCT})
MARKETING = frozenset({Role.MARKETING})
ALL_ROLES = frozenset({Role.SERVICE, Role.PRODUCT, Role.MARKETING, Role.OPERATIONS, Role.MANAGER})


def _m(key: str, roles: frozenset[Role], unit: str, higher: bool, name: str, definition: str, source: Source) -> Metric:
    return Metric(MetricInfo(key, frozenset(str(r) for r in roles), unit, higher, name, definition), source)


METRICS: Mapping[str, Metric] = {
    m.info.key: m
    for m in (
        _m("tickets_handled", SERVICE, "count", True, "Tickets handled",
           "Tickets the person handled that were resolved in the month (service figures).", _tickets_handled),
        _m("first_response_median_s", SERVICE, "seconds", False, "First response (median)",
           "Median first-response time of those tickets, seconds on the ticket's clock.",
           _ticket_actual(lambda a: a.first_response_median_s)),
        _m("resolution_median_s", SERVICE, "seconds", False, "Resolution time (median)",
           "Median resolution time of those tickets, waits on the buyer left out.",
           _ticket_actual(lambda a: a.resolution_median_s)),
        _m("sla_hit_rate_bp", SERVICE, "bp", True, "SLA hit rate",
           "Those tickets that missed neither deadline / tickets handled.",
           _ticket_actual(lambda a: a.sla_hit_rate_bp)),
        _m("satisfaction_x100", SERVICE, "score", True, "Satisfaction",
           "Average of the buyers' 1-5 ratings on those tickets, ×100.",
           _ticket_actual(lambda a: a.satisfaction_x100)),
        _m("bad_reviews_recovered", SERVICE, "count", True, "Bad reviews recovered",
           "Bad-review tickets among them whose review was removed.", _bad_reviews_recovered),
        _m("gmv_cents", SALES, "cents", True, "GMV",
           "The shop's GMV of the month (monthly figures: paid amounts of orders paid in the month).", _gmv),
        _m("refund_rate_bp", SALES, "bp", False, "Refund rate",
           "Refunded orders / paid orders of the month (monthly figures).", _refund_rate),
        _m("late_shipment_rate_bp", SALES, "bp", False, "Late-shipment rate",
           "Orders paid in the month shipped after their deadline or still late to ship / paid orders.",
           _late_rate),
        _m("stocktake_accuracy_bp", PRODUCT, "bp", True, "Stocktake accuracy",
           "Active SKUs the month's stocktakes found no difference on / active SKUs.", _stocktake_accuracy),
        _m("skus_out_of_stock", PRODUCT, "count", False, "SKUs out of stock",
           "Active SKUs with nothing available at the month's end.", _out_of_stock),
        _m("listings_updated", PRODUCT, "count", True, "Listings updated",
           "Products the person created or changed in the month.", _listings_updated),
        _m("titles_failing", PRODUCT, "count", False, "Titles failing the banned-word check",
           "SKUs whose title holds a banned word (as the titles are when filled).", _titles_failing),
        _m("promo_uplift_bp", MARKETING, "bp", True, "Promotion uplift",
           "GMV uplift of the person's promotions that ended in the month, together.", _promo_uplift),
        _m("tasks_done", ALL_ROLES, "count", True, "Tasks done",
           "Tasks assigned to the person completed in the month (team figures).", _tasks_done),
        _m("tasks_on_time_bp", ALL_ROLES, "bp", True, "Tasks done on time",
           "Tasks due in the month done on or before their due day / tasks due (team figures).",
           _tasks_on_time),
    )
}  # fmt: skip


def metric_table() -> tuple[MetricInfo, ...]:
    """Every metric, in the table's order."""
    return tuple(m.info for m in METRICS.values())


def metrics_for_role(role: str) -> tuple[MetricInfo, ...]:
    return tuple(m.info for m in METRICS.values() if role in m.info.roles)


def unit_of(metric: str, fallback: str = "") -> str:
    found = METRICS.get(metric)
    return found.info.unit if found is not None else fallback


def read_actual(data: MonthData, metric: str, staff_id: int) -> Actual:
    """The metric's value for the person, from ``data``; unknown metrics have none."""
    found = METRICS.get(metric)
    return found.source(data, staff_id) if found is not None else Actual(None)
