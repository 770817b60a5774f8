"""The Orders tab's use cases: filtered, sorted lists; one order's detail; late-to-ship; export.

Shipping (tracking numbers, marking shipped, batch-ship files) is services/shipping.py.

Lists are paged two ways (architecture.md, performance rules): the first page comes at once from an
index walk (LIMIT/OFFSET over ids only), and the whole id list of the view (8 bytes an order) is read
once afterwards, so any later jump is one ``WHERE id IN (…)`` of a page. Every sort ends with the id,
so the order is stable. A few sorts have no index of their own (refunded amount, buyer, receiver):
they cost one full scan per query, and the list pages them by id only.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, TypeAlias

from sqlalchemy import ColumnElement, Select, and_, case, false, func, select
from sqlalchemy.orm import Session

from sellerdesk.db.tracking import act_as
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import OrderStatus, Platform
from sellerdesk.domain.errors import NotFoundError, ValidationError
from sellerdesk.domain.orders import ship_deadline
from sellerdesk.domain.permissions import Action, Actor, can, mask_name, mask_phone, require
from sellerdesk.domain.timeutil import DEFAULT_TZ, zone_of
from sellerdesk.models import AppSetting, Order, OrderItem, Refund, Shop, Sku, Ticket
from sellerdesk.models.imports import ImportBatch, ImportChange
from sellerdesk.services.app_settings import store_setting
from sellerdesk.services.search import order_matches
from sellerdesk.services.tickets.cases import NewTicket, TicketDraft, create_ticket
from sellerdesk.services.zones import covering, day_windows

AnySelect: TypeAlias = Select[*tuple[Any, ...]]

DEFAULT_SHIP_HOURS = 48
_PLATFORM_VALUES = frozenset(p.value for p in Platform)
MAX_SHIP_HOURS = 30 * 24  # no platform gives more than a month; a larger figure is a typing slip
LATE_SHIP_SETTING = "late_ship_hours"  # app_settings: {"taobao": 48, "jd": 24, ...}
EXCEL_MAX_ROWS = 1_048_575  # Excel's 1,048,576 rows less the header row
DATE_FIELDS = ("created", "paid", "shipped")


# ---------------------------------------------------------------- what the list asks for


@dataclass(frozen=True)
class OrderFilter:
    """The list's filters; empty values filter nothing. Times are aware UTC, ``date_to`` exclusive.

    ``days`` (first, last; inclusive) are calendar days in each order's own shop's zone: with shops in several
    zones, an order matches when its time falls on those days where its shop is (``zones.day_windows``).
    """

    platform: str = ""
    shop_id: int | None = None
    status: str = ""
    refund_state: str = ""
    date_field: str = "paid"  # one of DATE_FIELDS
    date_from: datetime | None = None
    date_to: datetime | None = None
    days: tuple[date, date] | None = None  # on ``date_field``, shop-local days
    late_only: bool = False
    unlinked_only: bool = False
    incomplete_only: bool = False  # orders an item file brought without their order file
    search: str = ""


@dataclass(frozen=True)
class OrderSort:
    key: str = "paid_at"  # a key of sort_columns()
    descending: bool = True


@dataclass(frozen=True)
class OrderListRow:
    id: int
    version: int
    platform: str
    shop: str
    platform_order_id: str
    status: str
    refund_state: str
    created_at: datetime | None
    paid_at: datetime | None
    shipped_at: datetime | None
    paid_cents: int
    refund_cents: int
    buyer_nick: str
    receiver_name: str
    receiver_phone: str  # masked (last four digits) for roles that do not ship, like the name
    carrier: str
    tracking_no: str
    ship_by: datetime | None  # the shipping deadline while the order waits to be shipped
    late: bool  # paid, not shipped, past ship_by
    unlinked_items: int  # lines whose seller code matches no SKU
    timezone: str = DEFAULT_TZ  # the shop's: the list shows the order's times in it


def sort_columns() -> dict[str, tuple[Any, ...]]:
    """Sort key → ORDER BY columns (ending with the id). Those in ``INDEXED_SORTS`` follow an index."""
    return {
        "paid_at": (Order.paid_at, Order.id),
        "created_at": (Order.created_at, Order.id),
        "shipped_at": (Order.shipped_at, Order.id),
        "platform": (Order.platform, Order.paid_at, Order.id),
        "shop": (Order.shop_id, Order.paid_at, Order.id),  # groups a shop's orders, newest payment first
        "status": (Order.status, Order.paid_at, Order.id),
        "refund_state": (Order.refund_state, Order.id),
        "platform_order_id": (Order.shop_id, Order.platform_order_id, Order.id),
        "tracking_no": (Order.tracking_no, Order.id),
        "paid_cents": (Order.paid_cents, Order.id),
        # No index of their own: a full scan per query (~0.3 s at 1M orders for the first page). The list
        # pages these by id only (never OFFSET into the middle), once the id list is read on the worker.
        "refund_cents": (Order.refund_cents, Order.id),
        "buyer_nick": (Order.buyer_nick, Order.id),
        "receiver_name": (Order.receiver_name, Order.id),
    }


INDEXED_SORTS = frozenset(
    {
        "paid_at", "created_at", "shipped_at", "platform", "shop", "status", "refund_state", "platform_order_id",
        "tracking_no", "paid_cents",
    }
)  # fmt: skip


# ---------------------------------------------------------------- late to ship


def ship_hours_by_shop(session: Session) -> dict[int, int]:
    """Each shop's shipping deadline in hours after payment: the platform's setting, else the shop's own."""
    setting = session.get(AppSetting, LATE_SHIP_SETTING)
    by_platform: Mapping[str, Any] = setting.value if setting is not None and isinstance(setting.value, dict) else {}
    hours = {}
    for shop_id, platform, own in session.execute(select(Shop.id, Shop.platform, Shop.ship_deadline_hours)):
        value = by_platform.get(platform)
        hours[shop_id] = int(value) if isinstance(value, int) and value > 0 else int(own or DEFAULT_SHIP_HOURS)
    return hours


@dataclass(frozen=True)
class ShipDeadlines:
    """The shipping deadline, in hours after payment, per platform the shop sells on (the settings dialog)."""

    hours: Mapping[str, int]  # Platform value -> hours
    version: int  # of the stored setting; 0 when it was never saved


def ship_deadlines(session: Session) -> ShipDeadlines:
    """The stored hours per platform; a platform without one shows its shops' own figure, else 48."""
    setting = session.get(AppSetting, LATE_SHIP_SETTING)
    stored: Mapping[str, Any] = setting.value if setting is not None and isinstance(setting.value, dict) else {}
    own = dict(session.execute(select(Shop.platform, func.max(Shop.ship_deadline_hours)).group_by(Shop.platform)).all())
    hours = {}
    for platform in Platform:
        value = stored.get(platform.value)
        fallback = int(own.get(platform.value) or DEFAULT_SHIP_HOURS)
        hours[platform.value] = value if isinstance(value, int) and value > 0 else fallback
    return ShipDeadlines(hours=hours, version=setting.version if setting is not None else 0)


def set_ship_deadlines(session: Session, hours: Mapping[str, int], expected_version: int, *, actor: Actor) -> Changes:
    """Store the deadline per platform; refused when someone saved the setting meanwhile."""
    require(actor, Action.SHIP_ORDERS)
    act_as(session, actor)
    for platform, value in hours.items():
        if platform not in _PLATFORM_VALUES or not 1 <= value <= MAX_SHIP_HOURS:
            raise ValidationError(
                f"Shipping deadline for {platform} must be 1-{MAX_SHIP_HOURS} hours, not {value}.",
                code="ship_hours_invalid",
                platform=platform,
                hours=value,
                max=MAX_SHIP_HOURS,
            )
    stored = {platform: int(h) for platform, h in sorted(hours.items())}
    store_setting(session, LATE_SHIP_SETTING, stored, expected_version)
    return Changes(orders=True)


def _late_condition(hours_by_shop: Mapping[int, int], now: datetime) -> ColumnElement[bool]:
    # One range on ix_orders_status_paid_at (paid, before the nearest deadline), then each shop's own
    # deadline per row. A per-shop OR lets the planner walk a shop's whole (shop_id, paid_at) range.
    groups: dict[int, list[int]] = defaultdict(list)
    for shop_id, hours in hours_by_shop.items():
        groups[hours].append(shop_id)
    if not groups:
        return false()
    latest = now - timedelta(hours=min(groups))
    deadline = case(*((Order.shop_id.in_(ids), now - timedelta(hours=h)) for h, ids in groups.items()), else_=latest)
    return and_(Order.status == OrderStatus.PAID.value, Order.paid_at < latest, Order.paid_at < deadline)


def late_to_ship_count(session: Session, now: datetime) -> int:
    """Paid orders whose shipping deadline has passed at ``now`` (aware UTC): the dashboard's figure."""
    stmt = select(func.count()).select_from(Order).where(_late_condition(ship_hours_by_shop(session), now))
    return int(session.execute(stmt).scalar_one())


# ---------------------------------------------------------------- listing


@dataclass(frozen=True)
class _Context:
    """What a query needs besides the filter: resolved once per call."""

    now: datetime
    hours: Mapping[int, int] = field(default_factory=dict)


def _unlinked() -> ColumnElement[bool]:
    # From the unlinked lines (ix_order_items_sku_id) to their orders: 0.1 s at 1M orders, where a
    # correlated EXISTS per order takes 1.5 s.
    return Order.id.in_(select(OrderItem.order_id).where(OrderItem.sku_id.is_(None)))


def _date_column(name: str) -> Any:
    if name not in DATE_FIELDS:
        raise ValueError(f"unknown date field {name!r}")
    return {"created": Order.created_at, "paid": Order.paid_at, "shipped": Order.shipped_at}[name]


def _where(session: Session, flt: OrderFilter, ctx: _Context) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if flt.platform:
        conds.append(Order.platform == flt.platform)
    if flt.shop_id is not None:
        conds.append(Order.shop_id == flt.shop_id)
    if flt.status:
        conds.append(Order.status == flt.status)
    if flt.refund_state:
        conds.append(Order.refund_state == flt.refund_state)
    column = _date_column(flt.date_field)
    if flt.date_from is not None:
        conds.append(column >= flt.date_from)
    if flt.date_to is not None:
        conds.append(column < flt.date_to)
    if flt.days is not None:
        conds.append(covering(day_windows(session, *flt.days), column, Order.shop_id))
    if flt.late_only:
        conds.append(_late_condition(ctx.hours, ctx.now))
    if flt.unlinked_only:
        conds.append(_unlinked())
    if flt.incomplete_only:
        conds.append(Order.incomplete.is_(True))
    if flt.search.strip():
        conds.append(order_matches(session, flt.search.strip()))
    return conds


def _ids_query(session: Session, flt: OrderFilter, sort: OrderSort, ctx: _Context) -> AnySelect:
    columns = sort_columns()
    if sort.key not in columns:
        raise ValueError(f"unknown sort key {sort.key!r}")
    order = [c.desc() if sort.descending else c.asc() for c in columns[sort.key]]
    return select(Order.id).where(*_where(session, flt, ctx)).order_by(*order)


def count_orders(session: Session, flt: OrderFilter, now: datetime) -> int:
    ctx = _Context(now, ship_hours_by_shop(session) if flt.late_only else {})
    stmt = select(func.count()).select_from(Order).where(*_where(session, flt, ctx))
    return int(session.execute(stmt).scalar_one())


def order_ids(
    session: Session, flt: OrderFilter, sort: OrderSort, now: datetime, *, limit: int | None = None
) -> array[int]:
    """The view's ids in order (8 bytes each): what the list pages through after the first paint."""
    ctx = _Context(now, ship_hours_by_shop(session) if flt.late_only else {})
    stmt = _ids_query(session, flt, sort, ctx)
    if limit is not None:
        stmt = stmt.limit(limit)
    ids: array[int] = array("q")
    result = session.connection().execute(stmt)
    # Straight from the driver's cursor: plain integers need no result processing, and skipping it
    # makes a million ids 4x quicker (0.3 s instead of 1.2 s), on a worker that shares the GIL.
    cursor = result.cursor
    try:
        while chunk := cursor.fetchmany(50_000):
            ids.extend(r[0] for r in chunk)
    finally:
        result.close()
    return ids


def order_page(
    session: Session,
    flt: OrderFilter,
    sort: OrderSort,
    now: datetime,
    *,
    offset: int,
    limit: int,
    total: int,
    actor: Actor,
) -> tuple[OrderListRow, ...]:
    """A page by position before the id list is at hand: an index walk from the nearer end."""
    ctx = _Context(now, ship_hours_by_shop(session) if flt.late_only else {})
    if offset > total // 2:  # walk from the end in reverse: jumping to the last page is as quick as the first
        back = OrderSort(sort.key, not sort.descending)
        start = max(0, total - offset - limit)
        ids = list(session.scalars(_ids_query(session, flt, back, ctx).offset(start).limit(total - offset - start)))
        ids.reverse()
    else:
        ids = list(session.scalars(_ids_query(session, flt, sort, ctx).offset(offset).limit(limit)))
    return orders_by_ids(session, ids, now, actor=actor)


def orders_by_ids(session: Session, ids: Sequence[int], now: datetime, *, actor: Actor) -> tuple[OrderListRow, ...]:
    """These orders' list rows, in the order given (missing ones, deleted meanwhile, left out).

    Receivers' names and phones are masked for roles that do not ship (``Action.VIEW_BUYER_CONTACT``): the list,
    the detail and every export of the view read them here."""
    if not ids:
        return ()
    hours = ship_hours_by_shop(session)
    unlinked = (
        select(func.count())
        .select_from(OrderItem)
        .where(OrderItem.order_id == Order.id, OrderItem.sku_id.is_(None))
        .scalar_subquery()
    )
    stmt = (
        select(*_ROW_COLUMNS, Order.shop_id, unlinked, Shop.timezone)
        .join(Shop, Shop.id == Order.shop_id)
        .where(Order.id.in_(list(ids)))
    )
    rows = {r[0]: _to_row(r, hours, now) for r in session.execute(stmt)}
    if not can(actor, Action.VIEW_BUYER_CONTACT):
        rows = {
            i: replace(r, receiver_name=mask_name(r.receiver_name), receiver_phone=mask_phone(r.receiver_phone))
            for i, r in rows.items()
        }
    return tuple(rows[i] for i in ids if i in rows)


_ROW_COLUMNS = (
    Order.id,
    Order.version,
    Order.platform,
    Shop.name,
    Order.platform_order_id,
    Order.status,
    Order.refund_state,
    Order.created_at,
    Order.paid_at,
    Order.shipped_at,
    Order.paid_cents,
    Order.refund_cents,
    Order.buyer_nick,
    Order.receiver_name,
    Order.receiver_phone,
    Order.carrier,
    Order.tracking_no,
)


def _to_row(r: Any, hours: Mapping[int, int], now: datetime) -> OrderListRow:
    *values, shop_id, unlinked, tz = tuple(r)
    status, paid_at = values[5], values[8]
    waiting = status == OrderStatus.PAID.value and paid_at is not None
    ship_by = ship_deadline(paid_at, hours.get(shop_id, DEFAULT_SHIP_HOURS)) if waiting else None
    late = ship_by is not None and now > ship_by
    return OrderListRow(*values, ship_by, late, int(unlinked), zone_of(tz))  # type: ignore[call-arg]  # 17 + 4


@dataclass(frozen=True)
class ShopChoice:
    id: int
    platform: str
    name: str


def shop_choices(session: Session) -> tuple[ShopChoice, ...]:
    stmt = select(Shop.id, Shop.platform, Shop.name).order_by(Shop.platform, Shop.name)
    return tuple(ShopChoice(*r) for r in session.execute(stmt))


# ---------------------------------------------------------------- one order


@dataclass(frozen=True)
class ItemLine:
    id: int
    sku_id: int | None  # None: the seller code matches no SKU yet
    product_id: int | None  # the linked SKU's product (the catalog editor opens on it)
    seller_code: str
    title: str
    spec: str
    qty: int
    unit_price_cents: int
    paid_cents: int
    refund_cents: int
    refund_state: str


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    kind: str  # created / paid / shipped / completed / refund_applied / refund_finished / ticket / import
    detail: str = ""


@dataclass(frozen=True)
class BuyerOrder:
    id: int
    platform_order_id: str
    status: str
    paid_at: datetime | None
    paid_cents: int


@dataclass(frozen=True)
class OrderTicket:
    id: int
    subject: str
    category: str
    status: str
    created_at: datetime


@dataclass(frozen=True)
class OrderBatch:
    id: int
    file_name: str
    action: str  # created / updated
    started_at: datetime


@dataclass(frozen=True)
class OrderDetail:
    row: OrderListRow
    status_raw: str
    goods_cents: int
    discount_cents: int
    shipping_cents: int
    receiver_region: str
    receiver_phone: str  # masked (last four digits) for roles that do not ship
    receiver_address: str  # "" for roles that do not ship
    buyer_message: str
    seller_memo: str
    items: tuple[ItemLine, ...]
    timeline: tuple[TimelineEvent, ...]
    buyer_orders: tuple[BuyerOrder, ...]  # the buyer's other orders, newest first (at most 50)
    tickets: tuple[OrderTicket, ...]
    batches: tuple[OrderBatch, ...]


def order_detail(session: Session, order_id: int, now: datetime, *, actor: Actor) -> OrderDetail:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFoundError(f"Order {order_id} does not exist.", code="order_not_found", id=order_id)
    rows = orders_by_ids(session, [order_id], now, actor=actor)
    contact = can(actor, Action.VIEW_BUYER_CONTACT)
    lines = (
        select(OrderItem, Sku.product_id)
        .outerjoin(Sku, Sku.id == OrderItem.sku_id)
        .where(OrderItem.order_id == order_id)
        .order_by(OrderItem.id)
    )
    items = tuple(
        ItemLine(
            i.id, i.sku_id, product_id, i.seller_code, i.title, i.spec, i.qty, i.unit_price_cents, i.paid_cents,
            i.refund_cents, i.refund_state,
        )
        for i, product_id in session.execute(lines)
    )  # fmt: skip
    tickets = _tickets(session, order_id)
    batches = _batches(session, order_id)
    region = " ".join(p for p in (order.receiver_province, order.receiver_city, order.receiver_district) if p)
    return OrderDetail(
        row=rows[0],
        status_raw=order.status_raw,
        goods_cents=order.goods_cents,
        discount_cents=order.discount_cents,
        shipping_cents=order.shipping_cents,
        receiver_region=region,
        receiver_phone=order.receiver_phone if contact else mask_phone(order.receiver_phone),
        receiver_address=order.receiver_address if contact else "",
        buyer_message=order.buyer_message,
        seller_memo=order.seller_memo,
        items=items,
        timeline=_timeline(session, order, tickets, batches),
        buyer_orders=_buyer_orders(session, order),
        tickets=tickets,
        batches=batches,
    )


def _timeline(
    session: Session, order: Order, tickets: Sequence[OrderTicket], batches: Sequence[OrderBatch]
) -> tuple[TimelineEvent, ...]:
    events = [
        TimelineEvent(at, kind)
        for kind, at in (
            ("created", order.created_at),
            ("paid", order.paid_at),
            ("shipped", order.shipped_at),
            ("completed", order.completed_at),
        )
        if at is not None
    ]
    for refund in session.scalars(select(Refund).where(Refund.order_id == order.id)):
        if refund.applied_at is not None:
            events.append(TimelineEvent(refund.applied_at, "refund_applied", str(refund.amount_cents)))
        if refund.finished_at is not None:
            events.append(TimelineEvent(refund.finished_at, "refund_finished", refund.state))
    events += [TimelineEvent(t.created_at, "ticket", t.subject) for t in tickets]
    events += [TimelineEvent(b.started_at, "import", b.file_name) for b in batches]
    return tuple(sorted(events, key=lambda e: e.at))


def _buyer_orders(session: Session, order: Order) -> tuple[BuyerOrder, ...]:
    if order.buyer_id is not None:
        same = Order.buyer_id == order.buyer_id
    elif order.buyer_nick:
        same = and_(Order.platform == order.platform, Order.buyer_nick == order.buyer_nick)
    else:
        return ()
    stmt = (
        select(Order.id, Order.platform_order_id, Order.status, Order.paid_at, Order.paid_cents)
        .where(same, Order.id != order.id)
        .order_by(Order.paid_at.desc(), Order.id.desc())
        .limit(50)
    )
    return tuple(BuyerOrder(*r) for r in session.execute(stmt))


def _tickets(session: Session, order_id: int) -> tuple[OrderTicket, ...]:
    stmt = (
        select(Ticket.id, Ticket.subject, Ticket.category, Ticket.status, Ticket.created_at)
        .where(Ticket.order_id == order_id)
        .order_by(Ticket.created_at, Ticket.id)
    )
    return tuple(OrderTicket(*r) for r in session.execute(stmt))


def _batches(session: Session, order_id: int) -> tuple[OrderBatch, ...]:
    """The import batches that created or changed this order.

    Created orders are stored as id runs (row_id the first id, before["to"] the last): few rows. Updates
    are one row per order; finding them wants an index on import_changes (table_name, row_id).
    """
    cols = (ImportBatch.id, ImportBatch.file_name, ImportChange.action, ImportBatch.started_at)
    base = select(*cols, ImportChange.before).join(ImportBatch, ImportBatch.id == ImportChange.batch_id)
    created = base.where(
        ImportChange.table_name == "orders", ImportChange.action == "created", ImportChange.row_id <= order_id
    )
    updated = base.where(
        ImportChange.table_name == "orders", ImportChange.action == "updated", ImportChange.row_id == order_id
    )
    found: dict[int, OrderBatch] = {}
    for batch_id, name, action, started, before in [*session.execute(created), *session.execute(updated)]:
        last = (before or {}).get("to", order_id if action != "created" else None)
        if isinstance(last, int) and order_id <= last:
            found.setdefault(batch_id, OrderBatch(batch_id, name, action, started))
    return tuple(sorted(found.values(), key=lambda b: b.started_at))


# ---------------------------------------------------------------- tickets


def create_ticket_for_order(
    session: Session, order_id: int, subject: str, category: str, *, priority: str = "normal", actor: int | None = None
) -> NewTicket:
    """Open a new service ticket about this order (shop, platform and buyer copied; SLA deadlines set)."""
    draft = TicketDraft(subject=subject, category=category, priority=priority, order_id=order_id)
    return create_ticket(session, draft, actor=actor)


# ---------------------------------------------------------------- export


EXPORT_COLUMNS = (
    "platform", "shop", "platform_order_id", "status", "refund_state", "created_at", "paid_at", "shipped_at",
    "paid_cents", "refund_cents", "buyer_nick", "receiver_name", "receiver_phone", "carrier", "tracking_no", "ship_by",
    "late",
)  # fmt: skip


def iter_view(
    session: Session,
    flt: OrderFilter,
    sort: OrderSort,
    now: datetime,
    *,
    actor: Actor,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk: int = 2_000,
) -> Iterator[OrderListRow]:
    """Every row of the view in order (up to Excel's limit), a chunk at a time: nothing big in memory."""
    ids = order_ids(session, flt, sort, now, limit=EXCEL_MAX_ROWS)
    for start in range(0, len(ids), chunk):
        if cancelled is not None and cancelled():
            return
        yield from orders_by_ids(session, ids[start : start + chunk], now, actor=actor)
        if progress is not None:
            progress(min(start + chunk, len(ids)), len(ids))


__all__ = [
    "EXCEL_MAX_ROWS",
    "INDEXED_SORTS",
    "ItemLine",
    "OrderDetail",
    "OrderFilter",
    "OrderListRow",
    "OrderSort",
    "count_orders",
    "create_ticket_for_order",
    "iter_view",
    "late_to_ship_count",
    "order_detail",
    "order_ids",
    "order_page",
    "orders_by_ids",
]
