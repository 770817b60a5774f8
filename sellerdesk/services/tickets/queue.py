"""The ticket queue: filtered, sorted pages in SQL, and one ticket's full view.

The Home page's "Overdue tickets" count is ``count_queue(TicketFilter(view="overdue"))``: the tab opens on
that very filter, so the two always agree. Paging walks ids first (an index walk), then loads those rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from sellerdesk.domain import tickets as rules
from sellerdesk.domain.enums import TicketStatus
from sellerdesk.domain.errors import NotFoundError
from sellerdesk.domain.timeutil import DEFAULT_TZ
from sellerdesk.models import Order, OrderItem, Shop, StaffUser, Ticket, TicketEvent
from sellerdesk.services.browse import PageRequest
from sellerdesk.services.zones import house_timezone

VIEWS = ("all", "mine", "unassigned", "soon", "overdue")
STATUS_OPEN = "open_any"  # the status filter "new, open or waiting" (the default)


@dataclass(frozen=True)
class TicketFilter:
    view: str = "all"  # one of VIEWS
    me: int | None = None  # the agent that "mine" means
    status: str = STATUS_OPEN  # "", STATUS_OPEN or one TicketStatus
    category: str = ""
    shop_id: int | None = None
    search: str = ""


@dataclass(frozen=True)
class QueueRow:
    id: int
    subject: str
    category: str
    priority: str
    status: str
    assignee: str  # "" when unassigned
    created_at: datetime
    platform: str
    shop: str
    buyer_nick: str
    platform_order_id: str
    first_response_due: datetime | None  # None once answered
    resolution_due: datetime | None  # None while the clock is stopped
    tags: str
    timezone: str = DEFAULT_TZ  # the ticket's shop's zone, else the house zone: times are shown in it

    def next_due(self) -> datetime | None:
        """The deadline that comes first among those still running (``overdue_condition``'s rule)."""
        if self.status not in rules.OPEN_STATUSES:
            return None
        resolution = self.resolution_due if self.status in rules.CLOCK_RUNNING else None
        dues = [d for d in (self.first_response_due, resolution) if d is not None]
        return min(dues) if dues else None

    def clock_state(self, now: datetime) -> str:
        """ "overdue", "soon", "ok", "paused" (waiting on the buyer) or "" (done)."""
        if self.status == TicketStatus.PENDING and self.first_response_due is None:
            return "paused"
        return rules.deadline_state(self.next_due(), now)


def _open() -> ColumnElement[bool]:
    return Ticket.status.in_([str(s) for s in rules.OPEN_STATUSES])


def _running() -> ColumnElement[bool]:
    return Ticket.status.in_([str(s) for s in rules.CLOCK_RUNNING])


def overdue_condition(now: datetime) -> ColumnElement[bool]:
    """Open and unanswered past the first-response deadline, or past the resolution deadline while its clock
    runs (waiting on the buyer is no breach of ours)."""
    late_answer = and_(_open(), Ticket.first_response_at.is_(None), Ticket.first_response_due < now)
    return or_(and_(_running(), Ticket.resolution_due < now), late_answer)


def soon_condition(now: datetime) -> ColumnElement[bool]:
    horizon = now + rules.BREACHING_SOON
    answer_soon = and_(_open(), Ticket.first_response_at.is_(None), Ticket.first_response_due.between(now, horizon))
    resolve_soon = and_(_running(), Ticket.resolution_due.between(now, horizon))
    return and_(~overdue_condition(now), or_(resolve_soon, answer_soon))


def _where(flt: TicketFilter, now: datetime) -> list[ColumnElement[bool]]:
    # Merged duplicates and the recycle bin are in no queue.
    where: list[ColumnElement[bool]] = [Ticket.merged_into_id.is_(None), Ticket.deleted_at.is_(None)]
    if flt.view == "mine":
        where.append(Ticket.assignee_id == flt.me if flt.me is not None else Ticket.id.is_(None))
    elif flt.view == "unassigned":
        where.append(Ticket.assignee_id.is_(None))
    elif flt.view == "soon":
        where.append(soon_condition(now))
    elif flt.view == "overdue":
        where.append(overdue_condition(now))
    elif flt.view != "all":
        raise ValueError(f"unknown queue view {flt.view!r}")
    if flt.status == STATUS_OPEN:
        where.append(_open())
    elif flt.status:
        where.append(Ticket.status == flt.status)
    if flt.category:
        where.append(Ticket.category == flt.category)
    if flt.shop_id is not None:
        where.append(Ticket.shop_id == flt.shop_id)
    term = flt.search.strip()
    if term:
        # One pattern over the three texts joined (a tab cannot be typed into the box), lower-cased on both
        # sides: a third of the work of three ILIKEs, and PostgreSQL's LIKE is cheaper than its ILIKE.
        text = func.lower(Ticket.subject + "\t" + Ticket.buyer_nick + "\t" + Ticket.tags)
        number = term.lstrip("#")
        matches = text.contains(term.lower(), autoescape=True)
        where.append(or_(matches, Ticket.id == (int(number) if number.isdigit() else -1)))
    return where


def _priority_rank() -> ColumnElement[int]:
    return case({"low": 0, "normal": 1, "high": 2, "urgent": 3}, value=Ticket.priority, else_=1)


def _sorts() -> dict[str, tuple[Any, ...]]:
    assignee = select(StaffUser.name).where(StaffUser.id == Ticket.assignee_id).scalar_subquery()
    return {
        "id": (Ticket.id,),
        "subject": (Ticket.subject, Ticket.id),
        "category": (Ticket.category, Ticket.id),
        "priority": (_priority_rank(), Ticket.id),
        "status": (Ticket.status, Ticket.id),
        "assignee": (func.coalesce(assignee, ""), Ticket.id),
        "created_at": (Ticket.created_at, Ticket.id),
        # NULLs (no running clock) last in both dialects.
        "due": (case((Ticket.resolution_due.is_(None), 1), else_=0), Ticket.resolution_due, Ticket.id),
        "buyer": (Ticket.buyer_nick, Ticket.id),
    }


SORT_KEYS = tuple(_sorts())


def count_queue(session: Session, flt: TicketFilter, now: datetime) -> int:
    stmt = select(func.count()).select_from(Ticket).where(*_where(flt, now))
    return int(session.execute(stmt).scalar_one())


def queue_page(session: Session, flt: TicketFilter, request: PageRequest, now: datetime) -> tuple[QueueRow, ...]:
    sorts = _sorts()
    if request.sort not in sorts:
        raise ValueError(f"unknown sort key {request.sort!r}")
    flt = replace(flt, search=request.search or flt.search)
    order = [c.desc() if request.descending else c.asc() for c in sorts[request.sort]]
    ids_stmt = select(Ticket.id).where(*_where(flt, now)).order_by(*order).offset(request.offset).limit(request.limit)
    ids = list(session.scalars(ids_stmt))
    return rows_by_ids(session, ids)


def rows_by_ids(session: Session, ids: Sequence[int]) -> tuple[QueueRow, ...]:
    if not ids:
        return ()
    assignee = aliased(StaffUser)
    stmt = (
        select(
            Ticket.id,
            Ticket.subject,
            Ticket.category,
            Ticket.priority,
            Ticket.status,
            func.coalesce(assignee.name, ""),
            Ticket.created_at,
            Ticket.platform,
            func.coalesce(Shop.name, ""),
            Ticket.buyer_nick,
            func.coalesce(Order.platform_order_id, ""),
            case((Ticket.first_response_at.is_(None), Ticket.first_response_due), else_=None),
            Ticket.resolution_due,
            Ticket.tags,
            func.coalesce(Shop.timezone, house_timezone(session)),
        )
        .outerjoin(assignee, assignee.id == Ticket.assignee_id)
        .outerjoin(Shop, Shop.id == Ticket.shop_id)
        .outerjoin(Order, Order.id == Ticket.order_id)
        .where(Ticket.id.in_(list(ids)))
    )
    rows = {r[0]: QueueRow(*tuple(r)) for r in session.execute(stmt)}
    return tuple(rows[i] for i in ids if i in rows)


# ---------------------------------------------------------------- one ticket


@dataclass(frozen=True)
class EventRow:
    at: datetime
    kind: str
    staff: str  # "" when nobody is known (an import, before sign-in existed)
    body: str
    old: str
    new: str


@dataclass(frozen=True)
class OrderLine:
    id: int
    seller_code: str
    title: str
    qty: int
    linked: bool  # has a SKU: can go back into stock


@dataclass(frozen=True)
class TicketDetail:
    id: int
    version: int
    subject: str
    category: str
    priority: str
    status: str
    assignee_id: int | None
    assignee: str
    platform: str
    shop: str
    buyer_nick: str
    description: str
    tags: str
    created_at: datetime
    first_response_at: datetime | None
    first_response_due: datetime | None
    resolution_due: datetime | None
    resolved_at: datetime | None
    clock_left_s: int | None
    response_breached: bool
    resolution_breached: bool
    reopen_count: int
    merged_into_id: int | None
    order_id: int | None
    platform_order_id: str
    order_paid_cents: int | None
    order_shipped: bool
    carrier: str
    tracking_no: str
    aftersale_type: str
    refund_cents: int
    return_carrier: str
    return_tracking: str
    return_received_at: datetime | None
    resend_carrier: str
    resend_tracking: str
    satisfaction: int | None
    review_outcome: str
    outcome: str
    events: tuple[EventRow, ...]
    lines: tuple[OrderLine, ...]
    timezone: str = DEFAULT_TZ  # the ticket's shop's zone, else the house zone


def ticket_detail(session: Session, ticket_id: int) -> TicketDetail:
    t = session.get(Ticket, ticket_id, populate_existing=True)
    if t is None:
        raise NotFoundError(f"Ticket {ticket_id} does not exist.", code="ticket_not_found", id=ticket_id)
    names = dict(session.execute(select(StaffUser.id, StaffUser.name)).all())
    order = session.get(Order, t.order_id) if t.order_id is not None else None
    shop = session.get(Shop, t.shop_id) if t.shop_id is not None else None
    events = tuple(
        EventRow(e.at, e.kind, names.get(e.staff_id, "") if e.staff_id else "", e.body, e.old_value, e.new_value)
        for e in session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket_id).order_by(TicketEvent.at, TicketEvent.id)
        )
    )
    lines: tuple[OrderLine, ...] = ()
    if order is not None:
        items = session.scalars(select(OrderItem).where(OrderItem.order_id == order.id).order_by(OrderItem.id))
        lines = tuple(OrderLine(i.id, i.seller_code, i.title, i.qty, i.sku_id is not None) for i in items)
    return TicketDetail(
        timezone=shop.timezone if shop else house_timezone(session),
        id=t.id, version=t.version, subject=t.subject, category=t.category, priority=t.priority, status=t.status,
        assignee_id=t.assignee_id, assignee=names.get(t.assignee_id, "") if t.assignee_id else "",
        platform=t.platform, shop=shop.name if shop else "", buyer_nick=t.buyer_nick, description=t.description,
        tags=t.tags, created_at=t.created_at, first_response_at=t.first_response_at,
        first_response_due=t.first_response_due, resolution_due=t.resolution_due, resolved_at=t.resolved_at,
        clock_left_s=t.clock_left_s, response_breached=t.response_breached,
        resolution_breached=t.resolution_breached, reopen_count=t.reopen_count, merged_into_id=t.merged_into_id,
        order_id=t.order_id, platform_order_id=order.platform_order_id if order else "",
        order_paid_cents=order.paid_cents if order else None,
        order_shipped=order is not None and order.shipped_at is not None,
        carrier=order.carrier if order else "", tracking_no=order.tracking_no if order else "",
        aftersale_type=t.aftersale_type, refund_cents=t.refund_cents, return_carrier=t.return_carrier,
        return_tracking=t.return_tracking, return_received_at=t.return_received_at,
        resend_carrier=t.resend_carrier, resend_tracking=t.resend_tracking, satisfaction=t.satisfaction,
        review_outcome=t.review_outcome, outcome=t.outcome, events=events, lines=lines,
    )  # fmt: skip


@dataclass(frozen=True)
class StaffChoice:
    id: int
    name: str


def list_agents(session: Session) -> tuple[StaffChoice, ...]:
    """Active staff, by name: who tickets can be assigned to."""
    stmt = select(StaffUser.id, StaffUser.name).where(StaffUser.active).order_by(StaffUser.name, StaffUser.id)
    return tuple(StaffChoice(*r) for r in session.execute(stmt))


@dataclass(frozen=True)
class ShopChoice:
    id: int
    platform: str
    name: str


def list_shops(session: Session) -> tuple[ShopChoice, ...]:
    stmt = select(Shop.id, Shop.platform, Shop.name).order_by(Shop.platform, Shop.name)
    return tuple(ShopChoice(*r) for r in session.execute(stmt))


# ---------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportRow:
    """A ticket with its stored figures, as the export writes it."""

    id: int
    created_at: datetime
    platform: str
    shop: str
    buyer_nick: str
    platform_order_id: str
    subject: str
    category: str
    priority: str
    status: str
    assignee: str
    handled_by: str
    tags: str
    first_response_at: datetime | None
    first_response_s: int | None
    response_breached: bool
    resolved_at: datetime | None
    resolution_s: int | None
    resolution_breached: bool
    reopen_count: int
    aftersale_type: str
    refund_cents: int
    satisfaction: int | None
    review_outcome: str
    timezone: str = DEFAULT_TZ  # the ticket's shop's zone, else the house zone


def iter_export(
    session: Session,
    flt: TicketFilter,
    now: datetime,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk: int = 2_000,
) -> Iterator[ExportRow]:
    """Every ticket of the filtered queue with its figures, by number, a chunk at a time (keyset on the id):
    no cap and nothing big in memory."""
    total = count_queue(session, flt, now)
    assignee, handler = aliased(StaffUser), aliased(StaffUser)
    columns = (
        Ticket.id, Ticket.created_at, Ticket.platform, func.coalesce(Shop.name, ""), Ticket.buyer_nick,
        func.coalesce(Order.platform_order_id, ""), Ticket.subject, Ticket.category, Ticket.priority, Ticket.status,
        func.coalesce(assignee.name, ""), func.coalesce(handler.name, ""), Ticket.tags, Ticket.first_response_at,
        Ticket.first_response_s, Ticket.response_breached, Ticket.resolved_at, Ticket.resolution_s,
        Ticket.resolution_breached, Ticket.reopen_count, Ticket.aftersale_type, Ticket.refund_cents,
        Ticket.satisfaction, Ticket.review_outcome, func.coalesce(Shop.timezone, house_timezone(session)),
    )  # fmt: skip
    done, last = 0, 0
    while True:
        if cancelled is not None and cancelled():
            return
        stmt = (
            select(*columns)
            .outerjoin(assignee, assignee.id == Ticket.assignee_id)
            .outerjoin(handler, handler.id == Ticket.handled_by_id)
            .outerjoin(Shop, Shop.id == Ticket.shop_id)
            .outerjoin(Order, Order.id == Ticket.order_id)
            .where(*_where(flt, now), Ticket.id > last)
            .order_by(Ticket.id)
            .limit(chunk)
        )
        rows = [ExportRow(*tuple(r)) for r in session.execute(stmt)]
        if not rows:
            return
        yield from rows
        done, last = done + len(rows), rows[-1].id
        if progress is not None:
            progress(done, max(total, done))
