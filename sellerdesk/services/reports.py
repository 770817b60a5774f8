"""The figures of metrics.md, computed in one place for the dashboard, the workbook and ``--json``.

Money is integer cents, rates basis points or exact ratios (``Ratio``). A day or a month is a calendar day
or month in each shop's time zone: queries run once per group of shops sharing a zone (a ``_Window``).
"""

from __future__ import annotations

import heapq
import logging
from calendar import monthrange
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from statistics import median_low
from typing import Any, Literal, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    SQLColumnExpression,
    and_,
    case,
    cast,
    false,
    func,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import TicketCategory
from sellerdesk.domain.money import div_round_half_up, format_cents
from sellerdesk.domain.timeutil import CHINA_TZ, local_to_utc, month_bounds_utc, utc_to_local, utcnow
from sellerdesk.models import Order, OrderItem, Product, Refund, Review, Shop, Sku, StaffUser, Task, Ticket
from sellerdesk.services.rollup import (
    capped_refund,
    order_figure_columns,
    shop_ids_by_timezone,
    sum_orders_by_day,
    sum_rollup_by_day,
)
from sellerdesk.services.tickets.figures import ServiceMonth, agent_month_figures

log = logging.getLogger(__name__)

Kind = Literal["count", "money", "rate"]
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


# === DTOs ==================================================================================================


@dataclass(frozen=True)
class Figures:
    """One set of the monthly figures (for the whole shop or one platform)."""

    paid_orders: int = 0
    gmv_cents: int = 0
    refund_cents: int = 0
    refunded_orders: int = 0
    units: int = 0

    @property
    def net_sales_cents(self) -> int:
        return self.gmv_cents - self.refund_cents

    @property
    def aov_cents(self) -> int:
        return div_round_half_up(self.gmv_cents, self.paid_orders)

    @property
    def refund_rate_bp(self) -> int:
        """Refunded orders / paid orders in basis points (for display)."""
        return div_round_half_up(self.refunded_orders * 10_000, self.paid_orders)

    def __add__(self, other: Figures) -> Figures:
        return _add_fields(self, other)

    def to_json(self) -> dict[str, int | float]:
        return {
            "paid_orders": self.paid_orders,
            "gmv_cents": self.gmv_cents,
            "refund_cents": self.refund_cents,
            "refunded_orders": self.refunded_orders,
            "net_sales_cents": self.net_sales_cents,
            "units": self.units,
            "aov_cents": self.aov_cents,
            "refund_rate": self.refunded_orders / self.paid_orders if self.paid_orders else 0,
        }


_Summable = TypeVar("_Summable", "Figures", "GoodsFigures")


def _add_fields(a: _Summable, b: _Summable) -> _Summable:
    """Field by field (not ``asdict``: that deep-copies, and reports add thousands of these)."""
    return type(a)(*(getattr(a, f.name) + getattr(b, f.name) for f in fields(a)))


@dataclass(frozen=True)
class MonthlyFigures:
    month: str  # YYYY-MM
    total: Figures
    by_platform: dict[str, Figures] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "month": self.month,
            **self.total.to_json(),
            "by_platform": {p: f.to_json() for p, f in sorted(self.by_platform.items())},
        }

    def describe(self) -> str:
        lines = [f"{self.month}: {self.total.paid_orders} paid orders, GMV {format_cents(self.total.gmv_cents)}"]
        for platform, fig in sorted(self.by_platform.items()):
            lines.append(
                f"  {platform:12} {fig.paid_orders:7} orders  GMV {format_cents(fig.gmv_cents):>16}  "
                f"refunds {format_cents(fig.refund_cents):>14}"
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class Ratio:
    """An exact ratio (sell-through, repurchase, SLA hit rate); ``bp`` rounds it for display."""

    numerator: int = 0
    denominator: int = 0

    @property
    def bp(self) -> int:
        return div_round_half_up(self.numerator * 10_000, self.denominator)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)


@dataclass(frozen=True)
class GoodsFigures:
    """Order lines of paid orders: sales, refunds, cost and gross margin (docs/metrics.md, Gross margin).

    Each line carries its order's refunded share; cost is known when the line is linked to a SKU with a
    cost > 0. Lines without a known cost stay out of the margin and are counted in ``uncosted_*``.
    """

    lines: int = 0
    units: int = 0
    sales_cents: int = 0  # the lines' paid amounts
    refund_cents: int = 0  # the order's refund, shared over its lines by paid amount
    fee_cents: int = 0  # platform fees on the kept sales (the shop's fee_rate_bp)
    cost_cents: int = 0  # cost of the units not refunded, lines with a known cost
    uncosted_lines: int = 0
    uncosted_units: int = 0
    uncosted_net_cents: int = 0  # kept sales of lines without a known cost (not in the margin)
    uncosted_fee_cents: int = 0

    @property
    def net_sales_cents(self) -> int:
        return self.sales_cents - self.refund_cents

    @property
    def costed_net_cents(self) -> int:
        return self.net_sales_cents - self.uncosted_net_cents

    @property
    def gross_margin_cents(self) -> int:
        return self.costed_net_cents - self.cost_cents - (self.fee_cents - self.uncosted_fee_cents)

    @property
    def gross_margin_rate_bp(self) -> int:
        return div_round_half_up(self.gross_margin_cents * 10_000, self.costed_net_cents)

    def __add__(self, other: GoodsFigures) -> GoodsFigures:
        return _add_fields(self, other)


@dataclass(frozen=True)
class Change:
    """A figure in the month, the month before and the same month a year before (None: no paid order then)."""

    current: int
    previous_month: int | None
    previous_year: int | None

    @property
    def mom_bp(self) -> int | None:
        """Relative change against the month before, in basis points; None without a base."""
        return _relative_bp(self.current, self.previous_month)

    @property
    def yoy_bp(self) -> int | None:
        return _relative_bp(self.current, self.previous_year)

    @property
    def mom_diff(self) -> int | None:
        """The difference (for rates: in basis points, i.e. percentage points × 100)."""
        return None if self.previous_month is None else self.current - self.previous_month

    @property
    def yoy_diff(self) -> int | None:
        return None if self.previous_year is None else self.current - self.previous_year


def _relative_bp(current: int, base: int | None) -> int | None:
    return None if not base else div_round_half_up((current - base) * 10_000, abs(base))


@dataclass(frozen=True)
class SummaryLine:
    """One figure of the summary. Rates (kind "rate") are basis points; compare them by difference."""

    key: str
    kind: Kind
    change: Change


@dataclass(frozen=True)
class MonthSnapshot:
    figures: MonthlyFigures
    goods: GoodsFigures
    sell_through: Ratio  # active SKUs with a unit sold / active SKUs
    repurchase: Ratio  # buyers with 2+ paid orders / buyers with 1+ (orders linked to a buyer)


@dataclass(frozen=True)
class MonthComparison:
    current: MonthSnapshot
    previous_month: MonthSnapshot
    previous_year: MonthSnapshot

    @property
    def lines(self) -> tuple[SummaryLine, ...]:
        def known(snapshot: MonthSnapshot, get: Callable[[MonthSnapshot], int]) -> int | None:
            return get(snapshot) if snapshot.figures.total.paid_orders else None

        return tuple(
            SummaryLine(
                key, kind, Change(get(self.current), known(self.previous_month, get), known(self.previous_year, get))
            )
            for key, kind, get in _LINES
        )


_LINES: tuple[tuple[str, Kind, Callable[[MonthSnapshot], int]], ...] = (
    ("paid_orders", "count", lambda s: s.figures.total.paid_orders),
    ("gmv_cents", "money", lambda s: s.figures.total.gmv_cents),
    ("refund_cents", "money", lambda s: s.figures.total.refund_cents),
    ("refunded_orders", "count", lambda s: s.figures.total.refunded_orders),
    ("net_sales_cents", "money", lambda s: s.figures.total.net_sales_cents),
    ("units", "count", lambda s: s.figures.total.units),
    ("aov_cents", "money", lambda s: s.figures.total.aov_cents),
    ("refund_rate_bp", "rate", lambda s: s.figures.total.refund_rate_bp),
    ("gross_margin_cents", "money", lambda s: s.goods.gross_margin_cents),
    ("gross_margin_rate_bp", "rate", lambda s: s.goods.gross_margin_rate_bp),
    ("sell_through_bp", "rate", lambda s: s.sell_through.bp),
    ("repurchase_rate_bp", "rate", lambda s: s.repurchase.bp),
)


@dataclass(frozen=True)
class ShopFigures:
    shop_id: int
    name: str
    platform: str
    fee_rate_bp: int
    figures: Figures
    goods: GoodsFigures


@dataclass(frozen=True)
class PlatformFigures:
    platform: str
    figures: Figures
    goods: GoodsFigures


@dataclass(frozen=True)
class SkuFigures:
    """A catalog SKU (``sku_id``), or the unlinked lines of one seller code (``sku_id`` None)."""

    sku_id: int | None
    seller_code: str
    title: str
    spec: str
    product: str
    active: bool | None  # None: not in the catalog
    goods: GoodsFigures

    @property
    def sold(self) -> bool:
        """動销: at least one unit sold in the period."""
        return self.goods.units > 0


def top_sku_rank(sku: SkuFigures) -> tuple[int, int, str]:
    """How SKUs rank for "top SKUs": by net sales, then units, then seller code (stable for ties)."""
    return (-sku.goods.net_sales_cents, -sku.goods.units, sku.seller_code)


@dataclass(frozen=True)
class Breakdown:
    """A month by shop, platform and SKU; ``by_sku`` lists every active SKU, sold or not."""

    goods: GoodsFigures
    sell_through: Ratio
    by_shop: tuple[ShopFigures, ...]
    by_platform: tuple[PlatformFigures, ...]
    by_sku: tuple[SkuFigures, ...]

    def top_skus(self, limit: int = 10) -> tuple[SkuFigures, ...]:
        """By net sales, then units; catalog SKUs and unlinked codes alike."""
        ranked = sorted(self.by_sku, key=top_sku_rank)
        return tuple(s for s in ranked[:limit] if s.goods.lines)


@dataclass(frozen=True)
class DayFigures:
    day: date  # a local day (each shop's time zone)
    total: Figures
    by_platform: dict[str, Figures] = field(default_factory=dict)


@dataclass(frozen=True)
class MonthRefunds:
    """One month of the refund-rate trend."""

    month: str
    figures: Figures


@dataclass(frozen=True)
class RefundReason:
    """After-sale cases applied for in the month, by kind and reason (refunds table)."""

    kind: str
    reason: str
    cases: int
    refunded_cases: int
    refunded_cents: int


@dataclass(frozen=True)
class Durations:
    count: int = 0
    median_s: int | None = None
    average_s: int | None = None


@dataclass(frozen=True)
class AgentFigures:
    """Customer service of one agent (``staff_id`` None: unassigned, or the team total)."""

    staff_id: int | None
    name: str
    created: int
    solved: int
    first_response: Durations
    resolution: Durations
    first_response_sla: Ratio  # answered by first_response_due / tickets whose due time is known
    resolution_sla: Ratio
    satisfaction_sum: int
    satisfaction_count: int
    complaints: int  # quality tickets
    bad_reviews: int

    @property
    def satisfaction_avg(self) -> Decimal | None:
        if not self.satisfaction_count:
            return None
        return (Decimal(self.satisfaction_sum) / self.satisfaction_count).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass(frozen=True)
class ServiceFigures:
    agents: tuple[AgentFigures, ...] = ()
    total: AgentFigures | None = None  # None when there is no ticket in the month


@dataclass(frozen=True)
class PersonFigures:
    """Team figures of one staff member for a month: tasks and the monthly review."""

    staff_id: int
    name: str
    role: str
    tasks_completed: int
    tasks_due: int
    tasks_on_time: int
    tasks_overdue: int
    review_status: str
    review_score_bp: int | None
    review_grade: str

    @property
    def on_time(self) -> Ratio:
        return Ratio(self.tasks_on_time, self.tasks_due)


@dataclass(frozen=True)
class PeriodFigures:
    figures: Figures
    goods: GoodsFigures
    by_platform: dict[str, Figures] = field(default_factory=dict)


@dataclass(frozen=True)
class CardFigure:
    key: str  # gmv_cents, paid_orders, aov_cents, refund_rate_bp, net_sales_cents, gross_margin_cents
    kind: Kind
    current: int
    previous: int  # the same period of the month before
    previous_known: bool = True  # False: not a single paid order then (no comparison, metrics.md)

    @property
    def change_bp(self) -> int | None:
        """Relative change for amounts and counts; the difference in basis points for rates."""
        if not self.previous_known:
            return None
        if self.kind == "rate":
            return self.current - self.previous
        return _relative_bp(self.current, self.previous)


@dataclass(frozen=True)
class PeriodComparison:
    current: PeriodFigures
    previous: PeriodFigures

    @property
    def cards(self) -> tuple[CardFigure, ...]:
        known = self.previous.figures.paid_orders > 0
        return tuple(CardFigure(key, kind, get(self.current), get(self.previous), known) for key, kind, get in _CARDS)


_CARDS: tuple[tuple[str, Kind, Callable[[PeriodFigures], int]], ...] = (
    ("gmv_cents", "money", lambda p: p.figures.gmv_cents),
    ("paid_orders", "count", lambda p: p.figures.paid_orders),
    ("aov_cents", "money", lambda p: p.figures.aov_cents),
    ("refund_rate_bp", "rate", lambda p: p.figures.refund_rate_bp),
    ("net_sales_cents", "money", lambda p: p.figures.net_sales_cents),
    ("gross_margin_cents", "money", lambda p: p.goods.gross_margin_cents),
)


@dataclass(frozen=True)
class DashboardFigures:
    """Today and month to date, each against the same stretch of the month before."""

    as_of: datetime  # aware UTC
    today: PeriodComparison
    month_to_date: PeriodComparison
    top_skus: tuple[SkuFigures, ...] = ()  # month to date, by net sales (Breakdown.top_skus)


class PaidOrderRow(NamedTuple):
    """One paid order for the Orders sheet (a plain row: streamed, never all in memory)."""

    paid_at: datetime  # wall-clock time in the shop's time zone, naive
    platform: str
    shop: str
    platform_order_id: str
    status: str
    refund_state: str
    buyer_nick: str
    receiver_province: str
    receiver_city: str
    units: int
    paid_cents: int
    refund_cents: int
    buyer_message: str
    seller_memo: str


@dataclass(frozen=True)
class MonthReport:
    """Everything the monthly workbook shows; ``orders()`` streams the Orders sheet's rows."""

    year: int
    month: int
    generated_at: datetime  # aware UTC
    comparison: MonthComparison
    breakdown: Breakdown
    daily: tuple[DayFigures, ...]
    refund_trend: tuple[MonthRefunds, ...]
    refund_reasons: tuple[RefundReason, ...]
    service: ServiceMonth  # services.tickets.figures: the one definition (docs/metrics.md, Service desk)
    team: tuple[PersonFigures, ...]
    orders: Callable[[], Iterator[PaidOrderRow]]
    daily_from_rollup: bool = True

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def summary(self) -> tuple[SummaryLine, ...]:
        return self.comparison.lines

    @property
    def paid_orders(self) -> int:
        return self.comparison.current.figures.total.paid_orders

    @property
    def top_skus(self) -> tuple[SkuFigures, ...]:
        return self.breakdown.top_skus()


# === periods ===============================================================================================


@dataclass(frozen=True)
class _Window:
    """[start, end) in UTC for the shops of one time zone (``every_shop``: the only zone there is)."""

    tz: str
    shop_ids: tuple[int, ...]
    start: datetime
    end: datetime
    every_shop: bool = False

    @property
    def has_shops(self) -> bool:
        return self.every_shop or bool(self.shop_ids)

    def shops(self, shop_column: SQLColumnExpression[Any]) -> ColumnElement[bool]:
        """Rows of this zone's shops; rows without a shop (tickets) count in China time.

        ``+ 0`` keeps SQLite off the (shop_id, …) unique index: without ANALYZE statistics it prefers that
        index to the payment-time one and reads every order of the shop (2 s instead of 50 ms at 1M orders).
        """
        if self.every_shop:
            return true()
        clause: ColumnElement[bool] = (shop_column + 0).in_(self.shop_ids)
        return or_(clause, shop_column.is_(None)) if self.tz == CHINA_TZ else clause

    def covers(self, column: SQLColumnExpression[Any], shop_column: SQLColumnExpression[Any]) -> ColumnElement[bool]:
        return and_(self.shops(shop_column), column >= self.start, column < self.end)


def _zones(session: Session) -> list[tuple[str, tuple[int, ...], bool]]:
    """(time zone, its shops, whether that is every shop): one zone needs no shop filter at all."""
    groups = shop_ids_by_timezone(session)
    if len(groups) <= 1:
        return [(tz, tuple(ids), True) for tz, ids in groups.items()] or [(CHINA_TZ, (), True)]
    groups.setdefault(CHINA_TZ, [])
    return [(tz, tuple(ids), False) for tz, ids in groups.items()]


def _month_windows(session: Session, year: int, month: int) -> list[_Window]:
    return [_Window(tz, ids, *month_bounds_utc(year, month, tz), every) for tz, ids, every in _zones(session)]


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _covering(
    windows: Sequence[_Window], column: SQLColumnExpression[Any], shops: SQLColumnExpression[Any]
) -> ColumnElement[bool]:
    return or_(false(), *(w.covers(column, shops) for w in windows))


# === order figures =========================================================================================


def _order_figures(session: Session, windows: Sequence[_Window]) -> dict[tuple[int, str], Figures]:
    """The figures of metrics.md per (shop, platform), for orders paid inside the windows."""
    found: dict[tuple[int, str], Figures] = defaultdict(Figures)
    for w in windows:
        if not w.has_shops:
            continue
        stmt = (
            select(Order.shop_id, Order.platform, *order_figure_columns())
            .where(Order.paid_at >= w.start, Order.paid_at < w.end, w.shops(Order.shop_id))
            .group_by(Order.shop_id, Order.platform)
        )
        for shop_id, platform, *values in session.execute(stmt):
            found[(shop_id, platform)] = found[(shop_id, platform)] + Figures(*(int(v) for v in values))
    return dict(found)


def _by_platform(figures: dict[tuple[int, str], Figures]) -> dict[str, Figures]:
    platforms: dict[str, Figures] = defaultdict(Figures)
    for (_, platform), fig in figures.items():
        platforms[platform] = platforms[platform] + fig
    return dict(platforms)


def monthly_figures(session: Session, year: int, month: int) -> MonthlyFigures:
    """Figures of month M, counted on the payment date in each shop's time zone (metrics.md)."""
    by_platform = _by_platform(_order_figures(session, _month_windows(session, year, month)))
    total = sum(by_platform.values(), Figures())
    return MonthlyFigures(month=f"{year:04d}-{month:02d}", total=total, by_platform=by_platform)


# === goods: margin and sell-through ========================================================================


def _goods_columns() -> tuple[ColumnElement[int], ...]:
    """Per-line integer arithmetic, rounded half up per line: exact and the same on SQLite and PostgreSQL.

    (2a + b) / (2b) is a/b rounded half up for a >= 0, b > 0; products are BIGINT (INTEGER overflows).
    """
    paid = cast(Order.paid_cents, BigInteger)
    refund = cast(capped_refund(), BigInteger)
    line = cast(OrderItem.paid_cents, BigInteger)
    # Most orders have no refund: that test first saves SQLite the divisions (~40% of the query's time).
    no_refund = Order.refund_cents == 0
    line_refund = case((no_refund, 0), (paid > 0, (2 * line * refund + paid) // (2 * paid)), else_=0)
    kept = line - line_refund
    full_cost = cast(Sku.cost_cents, BigInteger) * OrderItem.qty
    costed = and_(OrderItem.sku_id.is_not(None), Sku.cost_cents > 0)
    cost = case(
        (no_refund, full_cost), (paid > 0, (2 * full_cost * (paid - refund) + paid) // (2 * paid)), else_=full_cost
    )
    fee = (2 * kept * Shop.fee_rate_bp + 10_000) // 20_000

    def total(value: SQLColumnExpression[int]) -> ColumnElement[int]:
        return func.coalesce(func.sum(value), 0)

    return (
        func.count(),
        total(OrderItem.qty),
        total(line),
        total(line_refund),
        total(fee),
        total(case((costed, cost), else_=0)),
        total(case((costed, 0), else_=1)),
        total(case((costed, 0), else_=OrderItem.qty)),
        total(case((costed, 0), else_=kept)),
        total(case((costed, 0), else_=fee)),
    )


_GoodsKey = tuple[int, str, int | None, str]  # shop, platform, SKU, seller code (unlinked lines only)


def _goods(session: Session, windows: Sequence[_Window]) -> dict[_GoodsKey, GoodsFigures]:
    """Goods figures of the lines of orders paid in the windows, per shop, platform and SKU."""
    unlinked_code = case((OrderItem.sku_id.is_(None), OrderItem.seller_code), else_="")
    keys = (Order.shop_id, Order.platform, OrderItem.sku_id, unlinked_code)
    found: dict[_GoodsKey, GoodsFigures] = defaultdict(GoodsFigures)
    for w in windows:
        if not w.has_shops:
            continue
        stmt = (
            select(*keys, *_goods_columns())
            .select_from(Order)
            .join(OrderItem, OrderItem.order_id == Order.id)
            .join(Shop, Shop.id == Order.shop_id)
            .outerjoin(Sku, Sku.id == OrderItem.sku_id)
            .where(*_selective(session, Order.paid_at >= w.start, Order.paid_at < w.end), w.shops(Order.shop_id))
            .group_by(*keys)
        )
        for shop_id, platform, sku_id, code, *values in session.execute(stmt):
            key = (shop_id, platform, sku_id, code)
            found[key] = found[key] + GoodsFigures(*(int(v) for v in values))
    return dict(found)


def _selective(session: Session, *conditions: ColumnElement[bool]) -> tuple[ColumnElement[bool], ...]:
    """Tell SQLite's planner that these conditions on orders are selective (without ANALYZE statistics it
    otherwise scans every order line and looks its order up: 0.75 s instead of 15 ms for two days of 1M orders).
    PostgreSQL keeps statistics of its own."""
    if session.get_bind().dialect.name != "sqlite":
        return conditions
    # Untyped: a Boolean-typed function would be rendered "likelihood(…) = 1", which hides the index again.
    return tuple(func.likelihood(c, literal_column("0.05")) for c in conditions)


def _active_sku_ids(session: Session) -> set[int]:
    return set(session.scalars(select(Sku.id).where(Sku.active.is_(True))))


def _sell_through(goods: dict[_GoodsKey, GoodsFigures], active: set[int]) -> Ratio:
    sold = {sku for (_, _, sku, _), g in goods.items() if sku is not None and g.units > 0}
    return Ratio(len(sold & active), len(active))


def compute_repurchase(session: Session, year: int, month: int) -> Ratio:
    """Buyers with 2+ paid orders in the month / buyers with 1+ (orders linked to a buyer only)."""
    windows = _month_windows(session, year, month)
    per_buyer = (
        select(Order.buyer_id, func.count().label("n"))
        .where(Order.buyer_id.is_not(None), _covering(windows, Order.paid_at, Order.shop_id))
        .group_by(Order.buyer_id)
        .subquery()
    )
    buyers, repeat = session.execute(
        select(func.count(), func.coalesce(func.sum(case((per_buyer.c.n >= 2, 1), else_=0)), 0))
    ).one()
    return Ratio(int(repeat), int(buyers))


@dataclass(frozen=True)
class _MonthRows:
    """The two grouped queries a month's figures come from (read once, used by summary and breakdown)."""

    year: int
    month: int
    orders: dict[tuple[int, str], Figures]
    goods: dict[_GoodsKey, GoodsFigures]


def _month_rows(session: Session, year: int, month: int) -> _MonthRows:
    windows = _month_windows(session, year, month)
    return _MonthRows(year, month, _order_figures(session, windows), _goods(session, windows))


def _snapshot(session: Session, rows: _MonthRows, active: set[int]) -> MonthSnapshot:
    by_platform = _by_platform(rows.orders)
    return MonthSnapshot(
        figures=MonthlyFigures(f"{rows.year:04d}-{rows.month:02d}", sum(by_platform.values(), Figures()), by_platform),
        goods=sum(rows.goods.values(), GoodsFigures()),
        sell_through=_sell_through(rows.goods, active),
        repurchase=compute_repurchase(session, rows.year, rows.month),
    )


def compare_month(session: Session, year: int, month: int) -> MonthComparison:
    """Month M with the month before and the same month a year before (the summary's figures)."""
    return _compare(session, _month_rows(session, year, month), _active_sku_ids(session))


def _compare(session: Session, current: _MonthRows, active: set[int]) -> MonthComparison:
    year, month = current.year, current.month
    return MonthComparison(
        current=_snapshot(session, current, active),
        previous_month=_snapshot(session, _month_rows(session, *_shift_month(year, month, -1)), active),
        previous_year=_snapshot(session, _month_rows(session, year - 1, month), active),
    )


def compute_breakdown(session: Session, year: int, month: int) -> Breakdown:
    """Month M by shop, by platform and by SKU, with gross margin and sell-through."""
    return _breakdown(session, _month_rows(session, year, month), _active_sku_ids(session))


def _breakdown(session: Session, rows: _MonthRows, active: set[int]) -> Breakdown:
    by_shop = _shop_rows(session, rows.orders, rows.goods)
    platforms = sorted({s.platform for s in by_shop})
    by_platform = tuple(
        PlatformFigures(
            p,
            sum((s.figures for s in by_shop if s.platform == p), Figures()),
            sum((s.goods for s in by_shop if s.platform == p), GoodsFigures()),
        )
        for p in platforms
    )
    return Breakdown(
        goods=sum(rows.goods.values(), GoodsFigures()),
        sell_through=_sell_through(rows.goods, active),
        by_shop=by_shop,
        by_platform=by_platform,
        by_sku=_sku_rows(session, rows.goods, active),
    )


def _shop_rows(
    session: Session, orders: dict[tuple[int, str], Figures], goods: dict[_GoodsKey, GoodsFigures]
) -> tuple[ShopFigures, ...]:
    lines: dict[tuple[int, str], GoodsFigures] = defaultdict(GoodsFigures)
    for (shop_id, platform, _, _), g in goods.items():
        lines[(shop_id, platform)] = lines[(shop_id, platform)] + g
    shops = {s.id: s for s in session.execute(select(Shop.id, Shop.name, Shop.fee_rate_bp))}
    return tuple(
        ShopFigures(shop_id, shops[shop_id].name, platform, shops[shop_id].fee_rate_bp, fig, lines[(shop_id, platform)])
        for (shop_id, platform), fig in sorted(orders.items(), key=lambda kv: (kv[0][1], shops[kv[0][0]].name))
    )


def _sku_rows(session: Session, goods: dict[_GoodsKey, GoodsFigures], active: set[int]) -> tuple[SkuFigures, ...]:
    per_sku: dict[int, GoodsFigures] = defaultdict(GoodsFigures)
    per_code: dict[str, GoodsFigures] = defaultdict(GoodsFigures)
    for (_, _, sku_id, code), g in goods.items():
        if sku_id is None:
            per_code[code] = per_code[code] + g
        else:
            per_sku[sku_id] = per_sku[sku_id] + g
    wanted = active | set(per_sku)
    stmt = (
        select(Sku.id, Sku.seller_code, Sku.title, Sku.spec, Product.title, Sku.active)
        .join(Product, Product.id == Sku.product_id)
        .order_by(Sku.seller_code)
    )
    rows = [
        SkuFigures(sku_id, code, title, spec, product, bool(is_active), per_sku.get(sku_id, GoodsFigures()))
        for sku_id, code, title, spec, product, is_active in session.execute(stmt)
        if sku_id in wanted
    ]
    titles = _unlinked_titles(session, list(per_code))
    rows.extend(SkuFigures(None, code, titles.get(code, ""), "", "", None, g) for code, g in sorted(per_code.items()))
    return tuple(rows)


def _unlinked_titles(session: Session, codes: Sequence[str]) -> dict[str, str]:
    """A title for each unknown seller code (the lines' own, as the platform gave it)."""
    if not codes:
        return {}
    stmt = (
        select(OrderItem.seller_code, func.min(OrderItem.title))
        .where(OrderItem.sku_id.is_(None), OrderItem.seller_code.in_(codes))
        .group_by(OrderItem.seller_code)
    )
    return {code: title or "" for code, title in session.execute(stmt)}


# === daily series and trend (the roll-up) ==================================================================


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def list_daily_figures(
    session: Session, first: date, last: date, *, from_orders: bool = False
) -> tuple[DayFigures, ...]:
    """Per local day from ``first`` to ``last`` (every day present): figures in total and by platform.

    Reads the ``daily_sales`` roll-up (a year: a few thousand rows); ``from_orders`` recomputes from orders.
    """
    rows = (sum_orders_by_day if from_orders else sum_rollup_by_day)(session, first, last)
    by_day: dict[date, dict[str, Figures]] = defaultdict(lambda: defaultdict(Figures))
    for day, _shop, platform, *values in rows:
        by_day[day][platform] = by_day[day][platform] + Figures(*values)
    return tuple(
        DayFigures(d, sum(by_day[d].values(), Figures()), dict(by_day[d])) if d in by_day else DayFigures(d, Figures())
        for d in _days(first, last)
    )


def _month_days(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def list_refund_trend(
    session: Session, year: int, month: int, months: int = 12, *, from_orders: bool = False
) -> tuple[MonthRefunds, ...]:
    """The figures (refund rate among them) of the ``months`` months ending with M, oldest first."""
    first_year, first_month = _shift_month(year, month, 1 - months)
    daily = list_daily_figures(
        session, date(first_year, first_month, 1), _month_days(year, month)[1], from_orders=from_orders
    )
    per_month: dict[str, Figures] = defaultdict(Figures)
    for day in daily:
        key = f"{day.day.year:04d}-{day.day.month:02d}"
        per_month[key] = per_month[key] + day.total
    return tuple(MonthRefunds(m, f) for m, f in sorted(per_month.items()))


# === today and month to date ===============================================================================


def _windows_between(
    session: Session, local_bounds: Callable[[datetime], tuple[datetime, datetime]], now: datetime
) -> list[_Window]:
    """Windows from local wall-clock bounds computed from each zone's local ``now``."""
    windows = []
    for tz, ids, every in _zones(session):
        start, end = local_bounds(utc_to_local(now, tz).replace(tzinfo=None))
        windows.append(_Window(tz, ids, local_to_utc(start, tz), local_to_utc(end, tz), every))
    return windows


def _same_stretch_last_month(start: datetime, end: datetime, month_start: bool) -> tuple[datetime, datetime]:
    """[start, end) moved one month back, with the same elapsed time, not beyond that month or day."""
    year, month = _shift_month(start.year, start.month, -1)
    last_day = monthrange(year, month)[1]
    moved = start.replace(year=year, month=month, day=1 if month_start else min(start.day, last_day))
    limit = datetime(year, month, last_day) + timedelta(days=1) if month_start else moved + timedelta(days=1)
    return moved, min(moved + (end - start), limit)


def _period(session: Session, windows: Sequence[_Window]) -> tuple[PeriodFigures, dict[_GoodsKey, GoodsFigures]]:
    by_platform = _by_platform(_order_figures(session, windows))
    goods = _goods(session, windows)
    figures = PeriodFigures(sum(by_platform.values(), Figures()), sum(goods.values(), GoodsFigures()), by_platform)
    return figures, goods


def _top_skus(session: Session, goods: dict[_GoodsKey, GoodsFigures], limit: int) -> tuple[SkuFigures, ...]:
    """The ``limit`` SKUs (or unlinked seller codes) with the highest net sales, as ``Breakdown.top_skus`` ranks
    them; only those rows are read from the catalog."""
    per_key: dict[tuple[int | None, str], GoodsFigures] = defaultdict(GoodsFigures)
    for (_, _, sku_id, code), g in goods.items():
        per_key[(sku_id, code)] = per_key[(sku_id, code)] + g
    keys = sorted((-g.net_sales_cents, -g.units) for g in per_key.values())
    if len(keys) > limit:  # the candidates: the first ``limit`` and whatever ties with the last of them
        cut = keys[limit - 1] if limit > 0 else (0, 0)
        per_key = {k: g for k, g in per_key.items() if limit > 0 and (-g.net_sales_cents, -g.units) <= cut}
    skus = {
        sku_id: (code, title, spec, product, bool(active))
        for sku_id, code, title, spec, product, active in session.execute(
            select(Sku.id, Sku.seller_code, Sku.title, Sku.spec, Product.title, Sku.active)
            .join(Product, Product.id == Sku.product_id)
            .where(Sku.id.in_([k for k, _ in per_key if k is not None]))
        )
    }
    rows = [
        SkuFigures(sku_id, *skus[sku_id], g) if sku_id is not None else SkuFigures(None, code, "", "", "", None, g)
        for (sku_id, code), g in per_key.items()
        if sku_id is None or sku_id in skus
    ]
    ranked = sorted(rows, key=top_sku_rank)[:limit]
    titles = _unlinked_titles(session, [s.seller_code for s in ranked if s.sku_id is None])
    return tuple(
        s
        if s.sku_id is not None
        else SkuFigures(None, s.seller_code, titles.get(s.seller_code, ""), "", "", None, s.goods)
        for s in ranked
    )


def compute_dashboard(session: Session, now: datetime | None = None, top: int = 10) -> DashboardFigures:
    """Today so far and the month so far, each against the same stretch of the month before; the month's
    ``top`` SKUs by net sales."""
    now = now or utcnow()

    def today(local: datetime) -> tuple[datetime, datetime]:
        return local.replace(hour=0, minute=0, second=0, microsecond=0), local

    def month(local: datetime) -> tuple[datetime, datetime]:
        return today(local)[0].replace(day=1), local

    def before(
        bounds: Callable[[datetime], tuple[datetime, datetime]], month_start: bool
    ) -> Callable[[datetime], tuple[datetime, datetime]]:
        return lambda local: _same_stretch_last_month(*bounds(local), month_start)

    month_to_date, month_goods = _period(session, _windows_between(session, month, now))
    return DashboardFigures(
        as_of=now,
        today=PeriodComparison(
            _period(session, _windows_between(session, today, now))[0],
            _period(session, _windows_between(session, before(today, False), now))[0],
        ),
        month_to_date=PeriodComparison(
            month_to_date, _period(session, _windows_between(session, before(month, True), now))[0]
        ),
        top_skus=_top_skus(session, month_goods, top),
    )


# === refunds ===============================================================================================


def list_refund_reasons(session: Session, year: int, month: int) -> tuple[RefundReason, ...]:
    """After-sale cases applied for in M (shop time zone), by kind and reason, most cases first."""
    done = Refund.state == "refunded"
    stmt = (
        select(
            Refund.kind,
            Refund.reason,
            func.count(),
            func.coalesce(func.sum(case((done, 1), else_=0)), 0),
            func.coalesce(func.sum(case((done, cast(Refund.amount_cents, BigInteger)), else_=0)), 0),
        )
        .where(_covering(_month_windows(session, year, month), Refund.applied_at, Refund.shop_id))
        .group_by(Refund.kind, Refund.reason)
    )
    rows = [RefundReason(k or "", r or "", int(n), int(d), int(c)) for k, r, n, d, c in session.execute(stmt)]
    return tuple(sorted(rows, key=lambda r: (-r.cases, -r.refunded_cents, r.kind, r.reason)))


# === service and team ======================================================================================


@dataclass
class _AgentTally:
    created: int = 0
    solved: int = 0
    first_response: list[int] = field(default_factory=list)
    resolution: list[int] = field(default_factory=list)
    first_response_sla: Ratio = Ratio()
    resolution_sla: Ratio = Ratio()
    satisfaction: Ratio = Ratio()
    complaints: int = 0
    bad_reviews: int = 0

    def freeze(self, staff_id: int | None, name: str) -> AgentFigures:
        return AgentFigures(
            staff_id=staff_id,
            name=name,
            created=self.created,
            solved=self.solved,
            first_response=_durations(self.first_response),
            resolution=_durations(self.resolution),
            first_response_sla=self.first_response_sla,
            resolution_sla=self.resolution_sla,
            satisfaction_sum=self.satisfaction.numerator,
            satisfaction_count=self.satisfaction.denominator,
            complaints=self.complaints,
            bad_reviews=self.bad_reviews,
        )


def _durations(seconds: list[int]) -> Durations:
    if not seconds:
        return Durations()
    return Durations(len(seconds), median_low(seconds), div_round_half_up(sum(seconds), len(seconds)))


def _sla(done_at: datetime | None, due: datetime | None, now: datetime) -> Ratio:
    """Hit (1/1), missed (0/1), or not counted yet (0/0: no due time, or still open and not yet due)."""
    if due is None or (done_at is None and due >= now):
        return Ratio()
    return Ratio(int(done_at is not None and done_at <= due), 1)


def _seconds(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds())


def _count_ticket(t: _AgentTally, row: tuple[object, ...], created_in: bool, resolved_in: bool, now: datetime) -> None:
    category, created, responded, response_due, resolved, resolution_due, satisfaction = row
    assert isinstance(created, datetime)
    if created_in:
        t.created += 1
        t.complaints += category == TicketCategory.QUALITY
        t.bad_reviews += category == TicketCategory.BAD_REVIEW
        if isinstance(responded, datetime):
            t.first_response.append(_seconds(created, responded))
        t.first_response_sla += _sla(responded, response_due, now)  # type: ignore[arg-type]
        t.resolution_sla += _sla(resolved, resolution_due, now)  # type: ignore[arg-type]
    if resolved_in and isinstance(resolved, datetime):
        t.solved += 1
        t.resolution.append(_seconds(created, resolved))
        if isinstance(satisfaction, int):
            t.satisfaction += Ratio(satisfaction, 1)


def compute_service_figures(session: Session, year: int, month: int, now: datetime | None = None) -> ServiceFigures:
    """Per agent: tickets created and solved in M, response and resolution times, SLA, satisfaction."""
    now = now or utcnow()
    windows = _month_windows(session, year, month)
    created_in = _covering(windows, Ticket.created_at, Ticket.shop_id)
    resolved_in = _covering(windows, Ticket.resolved_at, Ticket.shop_id)
    stmt = select(
        Ticket.assignee_id,
        case((created_in, 1), else_=0),
        case((resolved_in, 1), else_=0),
        Ticket.category,
        Ticket.created_at,
        Ticket.first_response_at,
        Ticket.first_response_due,
        Ticket.resolved_at,
        Ticket.resolution_due,
        Ticket.satisfaction,
    ).where(or_(created_in, resolved_in))
    tallies: dict[int | None, _AgentTally] = defaultdict(_AgentTally)
    total = _AgentTally()
    for assignee, c_in, r_in, *row in session.execute(stmt):
        for tally in (tallies[assignee], total):
            _count_ticket(tally, tuple(row), bool(c_in), bool(r_in), now)
    if not tallies:
        return ServiceFigures()
    names = dict(session.execute(select(StaffUser.id, StaffUser.name)).all())
    agents = sorted(
        (
            t.freeze(staff_id, names.get(staff_id, "") if staff_id is not None else "")
            for staff_id, t in tallies.items()
        ),
        key=lambda a: (a.staff_id is None, a.name, a.staff_id or 0),
    )
    return ServiceFigures(tuple(agents), total.freeze(None, ""))


@dataclass
class _TaskTally:
    completed: int = 0
    due: int = 0
    on_time: int = 0
    overdue: int = 0


def _task_tallies(session: Session, year: int, month: int, now: datetime) -> dict[int, _TaskTally]:
    first, last = _month_days(year, month)
    start, end = month_bounds_utc(year, month, CHINA_TZ)
    today = utc_to_local(now, CHINA_TZ).date()
    stmt = select(Task.assignee_id, Task.due_date, Task.completed_at).where(
        Task.assignee_id.is_not(None),
        or_(Task.due_date.between(first, last), and_(Task.completed_at >= start, Task.completed_at < end)),
    )
    tallies: dict[int, _TaskTally] = defaultdict(_TaskTally)
    for assignee, due, completed in session.execute(stmt):
        assert assignee is not None
        done_day = utc_to_local(completed, CHINA_TZ).date() if completed is not None else None
        t = tallies[assignee]
        t.completed += completed is not None and start <= completed < end
        if due is not None and first <= due <= last:
            on_time = done_day is not None and done_day <= due
            t.due += 1
            t.on_time += on_time
            t.overdue += not on_time and (done_day is not None or due < today)
    return tallies


def compute_team_figures(
    session: Session, year: int, month: int, now: datetime | None = None
) -> tuple[PersonFigures, ...]:
    """Per staff member: tasks completed in M, tasks due in M (on time / overdue), and M's review.

    Tasks have no shop: their days are China days. A task due in M and not done is overdue once its
    due date has passed (as of ``now``); one completed after its due date is overdue too.
    """
    tasks = _task_tallies(session, year, month, now or utcnow())
    reviews = {
        r.staff_id: r
        for r in session.execute(
            select(Review.staff_id, Review.status, Review.score_bp, Review.grade).where(
                Review.month == f"{year:04d}-{month:02d}"
            )
        )
    }
    staff = sorted(
        session.execute(select(StaffUser.name, StaffUser.id, StaffUser.role))
    )  # sorted in Python: collations differ
    people = []
    for name, sid, role in staff:
        if sid not in tasks and sid not in reviews:
            continue
        t, r = tasks.get(sid, _TaskTally()), reviews.get(sid)
        people.append(
            PersonFigures(
                sid,
                name,
                role,
                t.completed,
                t.due,
                t.on_time,
                t.overdue,
                review_status=r.status if r else "",
                review_score_bp=r.score_bp if r else None,
                review_grade=r.grade if r else "",
            )
        )
    return tuple(people)


# === orders of the month ===================================================================================


def iter_paid_orders(session: Session, year: int, month: int, batch: int = 2000) -> Iterator[PaidOrderRow]:
    """Every order paid in M, by payment time, streamed (``yield_per``): one plain row each."""
    streams = [_paid_orders_in(session, w, batch) for w in _month_windows(session, year, month) if w.has_shops]
    merged = streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda pair: pair[0])
    for _, row in merged:
        yield row


def _paid_orders_in(
    session: Session, window: _Window, batch: int
) -> Iterator[tuple[tuple[datetime, int], PaidOrderRow]]:
    stmt = (
        select(
            Order.paid_at,
            Order.id,
            Order.platform,
            Shop.name,
            Order.platform_order_id,
            Order.status,
            Order.refund_state,
            Order.buyer_nick,
            Order.receiver_province,
            Order.receiver_city,
            Order.units,
            Order.paid_cents,
            capped_refund(),
            Order.buyer_message,
            Order.seller_memo,
        )
        .join(Shop, Shop.id == Order.shop_id)
        .where(Order.paid_at >= window.start, Order.paid_at < window.end, window.shops(Order.shop_id))
        .order_by(Order.paid_at, Order.id)
        .execution_options(yield_per=batch)
    )
    zone = ZoneInfo(window.tz)
    for paid_at, order_id, *rest in session.execute(stmt):
        assert paid_at is not None
        yield (paid_at, order_id), PaidOrderRow(paid_at.astimezone(zone).replace(tzinfo=None), *rest)


# === the monthly report ====================================================================================


def build_monthly_report(session: Session, year: int, month: int, now: datetime | None = None) -> MonthReport:
    """Every figure of the monthly workbook, as DTOs; the orders are streamed later by ``orders()``."""
    now = now or utcnow()
    rows, active = _month_rows(session, year, month), _active_sku_ids(session)
    comparison = _compare(session, rows, active)
    first, last = _month_days(year, month)
    daily = list_daily_figures(session, first, last)
    current = sum((d.total for d in daily), Figures()) == comparison.current.figures.total
    if not current:  # a stale roll-up must not contradict the summary: count from the orders instead
        log.warning("daily_sales disagrees with the orders for %04d-%02d; reading the orders", year, month)
        daily = list_daily_figures(session, first, last, from_orders=True)
    return MonthReport(
        year=year,
        month=month,
        generated_at=now,
        comparison=comparison,
        breakdown=_breakdown(session, rows, active),
        daily=daily,
        refund_trend=list_refund_trend(session, year, month, from_orders=not current),
        refund_reasons=list_refund_reasons(session, year, month),
        service=agent_month_figures(session, year, month),
        team=compute_team_figures(session, year, month, now),
        orders=lambda: iter_paid_orders(session, year, month),
        daily_from_rollup=current,
    )


def export_monthly_workbook(
    session: Session,
    year: int,
    month: int,
    path: Path,
    lang: str = "zh_CN",
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> Path:
    """Write month M's workbook to ``path`` (replaced only when complete). Raises ``Cancelled`` when asked."""
    from sellerdesk.sheets.report_workbook import write_monthly_workbook

    report = build_monthly_report(session, year, month)
    return write_monthly_workbook(path, report, lang, progress=progress, cancelled=cancelled)
