"""The stock ledger: movements in, balances out; order events kept in step with the orders' states.

Stock is never a stored number: on hand is the sum of ``on_hand_delta``, reserved the sum of
``reserved_delta``, per SKU and warehouse. Every movement records who, when and why.

Order lines (``sync_order_stock``) — the rule, per linked order line, in the main warehouse unless said:
- paid, not shipped (also while a refund is pending) → reserved ``qty``;
- shipped / completed → nothing reserved, ``qty`` out (``sale_out``);
- closed / cancelled, or refunded before shipping → nothing reserved, nothing out;
- refunded after shipping (``shipped_at`` set) → still out, plus ``qty`` back into the **returns**
  warehouse (``return``); staff then move good units to main or defects with a transfer.
The desired totals are compared with the movements already linked to the line (``order_item_id``);
only the difference is posted, so re-running or importing an older export never double-counts.
A return received by hand on the line (a service ticket's, ``return_stock(order_item_id=…)``) counts
toward the units the rule sends back, and is never taken back by it: the buyer's parcel did arrive,
refunded or not (an exchange).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import Select, Table, and_, bindparam, case, func, insert, literal, or_, select, union_all, update
from sqlalchemy.orm import Session

from sellerdesk.db.tracking import acting, record_inserted
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import MovementKind, OrderStatus, RefundState
from sellerdesk.domain.errors import NotFoundError, ValidationError
from sellerdesk.domain.permissions import Action, require
from sellerdesk.domain.stock import available_of, check_negative_stock
from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models import Listing, Order, OrderItem, Sku, StockMovement, Warehouse

MAIN, RETURNS, DEFECTS = "main", "returns", "defects"
DEFAULT_WAREHOUSES = ((MAIN, "Main warehouse"), (RETURNS, "Returns"), (DEFECTS, "Defects"))
# Why the stock sync posts each kind of order-line movement (the demo writes the same texts).
RESERVE_REASON, RELEASE_REASON = "order paid", "reservation released"
OUT_REASON, RETURN_REASON = "order shipped", "refunded after shipping"
# The columns the sync fills in an order line's movement, in the order of its SELECTs.
LINE_MOVEMENT_COLUMNS = (
    "sku_id",
    "warehouse_id",
    "kind",
    "on_hand_delta",
    "reserved_delta",
    "at",
    "reason",
    "order_item_id",
    "ref",
)
_CHUNK = 1000  # ids per IN (...) list
_SHIPPED = {OrderStatus.SHIPPED, OrderStatus.COMPLETED}
_OPEN_REFUND = {RefundState.REFUNDING}


# ---------------------------------------------------------------- DTOs


@dataclass(frozen=True)
class WarehouseInfo:
    id: int
    code: str
    name: str
    active: bool


@dataclass(frozen=True)
class Balance:
    sku_id: int
    warehouse_id: int
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return available_of(self.on_hand, self.reserved)


@dataclass(frozen=True)
class MovementRow:
    id: int
    sku_id: int
    warehouse_code: str
    kind: str
    on_hand_delta: int
    reserved_delta: int
    at: datetime
    staff_id: int | None
    reason: str
    order_item_id: int | None
    ref: str


@dataclass(frozen=True)
class MovementResult:
    changes: Changes
    movement_ids: tuple[int, ...]
    negative_warnings: tuple[str, ...] = ()  # seller codes left negative (policy "warn")


@dataclass(frozen=True)
class StockDrift:
    """Where the ledger and the orders disagree: what a stock sync over every order would post."""

    movements: int
    lines: int
    skus: int

    @property
    def none(self) -> bool:
        return self.movements == 0


@dataclass(frozen=True)
class LinkResult:
    changes: Changes
    listing_id: int | None
    lines_linked: int


# ---------------------------------------------------------------- warehouses


def ensure_warehouses(session: Session) -> dict[str, int]:
    """Warehouse code → id; creates main, returns and defects when missing."""
    found = {w.code: w.id for w in session.scalars(select(Warehouse))}
    missing = [{"code": c, "name": n, "active": True} for c, n in DEFAULT_WAREHOUSES if c not in found]
    if missing:
        session.execute(insert(Warehouse), missing)
        found = {w.code: w.id for w in session.scalars(select(Warehouse))}
    return found


def list_warehouses(session: Session) -> tuple[WarehouseInfo, ...]:
    ensure_warehouses(session)
    rows = session.scalars(select(Warehouse).order_by(Warehouse.id))
    return tuple(WarehouseInfo(w.id, w.code, w.name, w.active) for w in rows)


def create_warehouse(session: Session, code: str, name: str) -> Changes:
    code = code.strip()
    if not code or session.scalar(select(Warehouse.id).where(Warehouse.code == code)) is not None:
        raise ValidationError(f"Warehouse code {code!r} is empty or taken.", code="warehouse_code", value=code)
    session.execute(insert(Warehouse), [{"code": code, "name": name.strip() or code, "active": True}])
    return Changes(stock=True)


# ---------------------------------------------------------------- balances


def stock_balances(session: Session, sku_ids: Sequence[int] | None = None) -> tuple[Balance, ...]:
    """On hand and reserved per SKU and warehouse (only pairs that have movements)."""
    stmt = select(
        StockMovement.sku_id,
        StockMovement.warehouse_id,
        func.sum(StockMovement.on_hand_delta),
        func.sum(StockMovement.reserved_delta),
    ).group_by(StockMovement.sku_id, StockMovement.warehouse_id)
    if sku_ids is None:
        return tuple(Balance(*map(int, r)) for r in session.execute(stmt))
    out: list[Balance] = []
    for chunk in _chunks(sku_ids):
        out.extend(Balance(*map(int, r)) for r in session.execute(stmt.where(StockMovement.sku_id.in_(chunk))))
    return tuple(out)


def sku_balance(session: Session, sku_id: int, warehouse_id: int | None = None) -> Balance:
    stmt = select(
        func.coalesce(func.sum(StockMovement.on_hand_delta), 0),
        func.coalesce(func.sum(StockMovement.reserved_delta), 0),
    ).where(StockMovement.sku_id == sku_id)
    if warehouse_id is not None:
        stmt = stmt.where(StockMovement.warehouse_id == warehouse_id)
    on_hand, reserved = session.execute(stmt).one()
    return Balance(sku_id, warehouse_id or 0, int(on_hand), int(reserved))


def sku_movements(session: Session, sku_id: int, limit: int = 200) -> tuple[MovementRow, ...]:
    """The SKU's latest movements, newest first (the ledger view in the editor)."""
    stmt = (
        select(StockMovement, Warehouse.code)
        .join(Warehouse, Warehouse.id == StockMovement.warehouse_id)
        .where(StockMovement.sku_id == sku_id)
        .order_by(StockMovement.at.desc(), StockMovement.id.desc())
        .limit(limit)
    )
    return tuple(
        MovementRow(
            m.id,
            m.sku_id,
            code,
            m.kind,
            m.on_hand_delta,
            m.reserved_delta,
            m.at,
            m.staff_id,
            m.reason,
            m.order_item_id,
            m.ref,
        )
        for m, code in session.execute(stmt)
    )


# ---------------------------------------------------------------- manual movements


def receive_stock(
    session: Session, sku_id: int, qty: int, *, warehouse: str = MAIN, staff_id: int | None, reason: str, ref: str = ""
) -> MovementResult:
    """Goods received (purchase arrival)."""
    if qty <= 0:
        raise ValidationError("Quantity must be positive.", code="qty_positive", value=qty)
    return _post(session, [(sku_id, warehouse, MovementKind.RECEIPT, qty)], staff_id=staff_id, reason=reason, ref=ref)


def correct_stock(
    session: Session,
    sku_id: int,
    delta: int,
    *,
    warehouse: str = MAIN,
    staff_id: int | None,
    reason: str,
    ref: str = "",
) -> MovementResult:
    """A manual correction (found, damaged, lost …); the reason is required."""
    if delta == 0:
        raise ValidationError("The correction is zero.", code="qty_nonzero")
    _require_reason(reason)
    return _post(
        session, [(sku_id, warehouse, MovementKind.CORRECTION, delta)], staff_id=staff_id, reason=reason, ref=ref
    )


def return_stock(
    session: Session,
    sku_id: int,
    qty: int,
    *,
    warehouse: str = RETURNS,
    staff_id: int | None,
    reason: str,
    ref: str = "",
    order_item_id: int | None = None,
) -> MovementResult:
    """Goods a buyer sent back, received by hand: of an order line (``order_item_id``: a service ticket's
    return, which the order sync then counts as returned), or of none (a walk-in return)."""
    if qty <= 0:
        raise ValidationError("Quantity must be positive.", code="qty_positive", value=qty)
    lines = [(sku_id, warehouse, MovementKind.RETURN, qty)]
    # A line's parcel is the after-sale work of whoever handles the ticket; other stock edits need stock rights.
    action = Action.EDIT_STOCK if order_item_id is None else Action.AFTER_SALE_STOCK
    return _post(session, lines, staff_id=staff_id, reason=reason, ref=ref, order_item_id=order_item_id, action=action)


def ship_resend(
    session: Session, sku_id: int, qty: int, *, staff_id: int | None, reason: str, ref: str
) -> MovementResult:
    """Units a service ticket's follow-up shipment (a resend, an exchange) sends out of the main warehouse.
    Tied to no order line: the order's own shipment stays what the order sync books."""
    if qty <= 0:
        raise ValidationError("Quantity must be positive.", code="qty_positive", value=qty)
    lines = [(sku_id, MAIN, MovementKind.SALE_OUT, -qty)]
    return _post(session, lines, staff_id=staff_id, reason=reason, ref=ref, action=Action.AFTER_SALE_STOCK)


def shipped_by_ticket(session: Session, ref: str) -> int:
    """Units ``ship_resend`` took out under ``ref`` (a ticket's)."""
    stmt = select(func.coalesce(func.sum(-StockMovement.on_hand_delta), 0)).where(
        StockMovement.ref == ref, StockMovement.kind == MovementKind.SALE_OUT, StockMovement.order_item_id.is_(None)
    )
    return int(session.execute(stmt).scalar_one())


def transfer_stock(
    session: Session,
    sku_id: int,
    qty: int,
    *,
    source: str,
    target: str,
    staff_id: int | None,
    reason: str,
    ref: str = "",
) -> MovementResult:
    """Move units between warehouses: one transfer_out and one transfer_in sharing a reference."""
    if qty <= 0:
        raise ValidationError("Quantity must be positive.", code="qty_positive", value=qty)
    if source == target:
        raise ValidationError("Source and target are the same warehouse.", code="same_warehouse")
    ref = ref or f"T{utcnow():%Y%m%d%H%M%S}"
    lines = [(sku_id, source, MovementKind.TRANSFER_OUT, -qty), (sku_id, target, MovementKind.TRANSFER_IN, qty)]
    return _post(session, lines, staff_id=staff_id, reason=reason, ref=ref)


def post_stocktake(
    session: Session, counts: Sequence[tuple[int, str, int]], *, staff_id: int | None, reason: str, ref: str
) -> MovementResult:
    """Post counted differences: ``(sku_id, warehouse code, difference)``; zero differences are skipped."""
    lines = [(sku, wh, MovementKind.STOCKTAKE, diff) for sku, wh, diff in counts if diff != 0]
    if not lines:
        return MovementResult(Changes(), ())
    return _post(session, lines, staff_id=staff_id, reason=reason or "stocktake", ref=ref, check=False)


def _require_reason(reason: str) -> None:
    if not reason.strip():
        raise ValidationError("A reason is required.", code="reason_required")


def _post(
    session: Session,
    lines: Sequence[tuple[int, str, MovementKind, int]],
    *,
    staff_id: int | None,
    reason: str,
    ref: str,
    check: bool = True,
    order_item_id: int | None = None,
    action: Action = Action.EDIT_STOCK,
) -> MovementResult:
    """Insert on-hand movements; outgoing ones first lock the SKU and apply its negative-stock policy.

    Receipts, corrections, transfers and stocktakes are people's edits: the acting staff member (the one the
    runner names on the session; the command line and tests act as the owner) needs ``action``: ``EDIT_STOCK``,
    or ``AFTER_SALE_STOCK`` for a ticket's return. The stock the orders book (``sync_order_stock``) does not
    come through here."""
    require(acting(session), action)
    warehouses = ensure_warehouses(session)
    warnings: list[str] = []
    for sku_id, code, _kind, delta in lines:
        if code not in warehouses:
            raise NotFoundError(f"No warehouse {code!r}.", code="warehouse_not_found", value=code)
        if check and delta < 0:
            warnings.extend(_check_outgoing(session, sku_id, warehouses[code], delta))
    now = utcnow()
    rows = [
        {
            "sku_id": sku_id,
            "warehouse_id": warehouses[code],
            "kind": str(kind),
            "on_hand_delta": delta,
            "reserved_delta": 0,
            "at": now,
            "staff_id": staff_id,
            "reason": reason.strip()[:300],
            "order_item_id": order_item_id,
            "ref": ref[:100],
        }
        for sku_id, code, kind, delta in lines
    ]
    ids = tuple(session.scalars(insert(StockMovement).returning(StockMovement.id), rows))
    record_inserted(session, StockMovement, ids, rows)  # people's stock movements, in the audit log
    return MovementResult(Changes(stock=True), ids, tuple(dict.fromkeys(warnings)))


def _check_outgoing(session: Session, sku_id: int, warehouse_id: int, delta: int) -> list[str]:
    # Row lock on PostgreSQL serialises concurrent writers of one SKU (SQLite has one writer anyway).
    sku = session.execute(
        select(Sku.seller_code, Sku.negative_stock_policy).where(Sku.id == sku_id).with_for_update()
    ).one_or_none()
    if sku is None:
        raise NotFoundError(f"No SKU {sku_id}.", code="sku_not_found", value=sku_id)
    balance = sku_balance(session, sku_id, warehouse_id)
    return (
        [sku.seller_code]
        if check_negative_stock(sku.negative_stock_policy, balance.available + delta, seller_code=sku.seller_code)
        else []
    )


# ---------------------------------------------------------------- order events


def desired_line_stock(status: str, refund_state: str, shipped: bool, qty: int) -> tuple[int, int, int]:
    """(reserved, out, returned) units one order line should hold in the ledger (module docstring)."""
    refunded = status == OrderStatus.REFUNDED or refund_state == RefundState.REFUNDED
    if refunded:
        return (0, qty, qty) if shipped else (0, 0, 0)
    if status in _SHIPPED or (shipped and status == OrderStatus.REFUNDING):
        return 0, qty, 0
    if status == OrderStatus.PAID or (status == OrderStatus.REFUNDING and not shipped) or refund_state in _OPEN_REFUND:
        return qty, 0, 0
    return 0, 0, 0


def line_stock_state(order_status: str, order_refund: str, line_status: str, line_refund: str) -> tuple[str, str]:
    """The (status, refund state) the rule reads for a line: the line's own, else the order's; an unpaid or
    closed order's status wins over its lines'. (``_line_differences`` says the same in SQL.)"""
    if order_status in (OrderStatus.CLOSED, OrderStatus.PENDING_PAYMENT) or not line_status:
        status = order_status
    else:
        status = line_status
    refund = order_refund if line_refund in ("", RefundState.NONE) else line_refund
    return status, refund


def sync_order_stock(session: Session, order_ids: Sequence[int]) -> None:
    """Make the ledger match the orders' states for every linked line; idempotent, set-based.

    Per chunk of orders, one INSERT … SELECT (reservation, out, return rows) posts the difference
    between what each line should hold (``desired_line_stock``, written as SQL) and what it holds.
    """
    warehouses = ensure_warehouses(session)
    ids = list(dict.fromkeys(order_ids))
    statement = _sync_statements(warehouses[MAIN], warehouses[RETURNS])
    now = utcnow()
    for chunk in _chunks(ids):
        session.execute(statement, {"ids": chunk, "now": now})


@cache
def _sync_statements(main: int, returns: int) -> Any:
    # One statement per chunk: the differences are computed once (a materialised CTE), then split by kind.
    diff = _line_differences(scoped=True).cte("diff").prefix_with("MATERIALIZED")
    now = bindparam("now", type_=StockMovement.at.type)
    table = cast(Table, StockMovement.__table__)
    up = diff.c.reserve > 0
    reserve = select(
        diff.c.sku_id, literal(main), case((up, str(MovementKind.SALE_RESERVE)), else_=str(MovementKind.SALE_RELEASE)),
        literal(0), diff.c.reserve, case((up, func.coalesce(diff.c.paid_at, now)), else_=now),
        case((up, RESERVE_REASON), else_=RELEASE_REASON), diff.c.item_id, diff.c.ref,
    ).where(diff.c.reserve != 0)  # fmt: skip
    out = select(
        diff.c.sku_id, literal(main), literal(str(MovementKind.SALE_OUT)), -diff.c.out, literal(0),
        case((diff.c.out > 0, func.coalesce(diff.c.shipped_at, now)), else_=now), literal(OUT_REASON),
        diff.c.item_id, diff.c.ref,
    ).where(diff.c.out != 0)  # fmt: skip
    back = select(
        diff.c.sku_id, literal(returns), literal(str(MovementKind.RETURN)), diff.c.back, literal(0), now,
        literal(RETURN_REASON), diff.c.item_id, diff.c.ref,
    ).where(diff.c.back != 0)  # fmt: skip
    return insert(table).from_select(LINE_MOVEMENT_COLUMNS, union_all(reserve, out, back))


def _line_differences(*, scoped: bool) -> Select[Any]:
    """Per linked line (of the orders in ``:ids`` when ``scoped``, else of every order): desired minus held
    (reserved, out, returned)."""
    kind = StockMovement.kind
    in_orders = OrderItem.order_id.in_(bindparam("ids", expanding=True))
    # Scoped: through the order_item_id index, never a scan of the whole ledger.
    held_lines = (
        StockMovement.order_item_id.in_(select(OrderItem.id).where(in_orders))
        if scoped
        else StockMovement.order_item_id.is_not(None)
    )
    # The rule's own returns carry its reason; any other return of the line was received by hand (a ticket).
    synced_return = and_(kind == MovementKind.RETURN, StockMovement.reason == RETURN_REASON)
    hand_return = and_(kind == MovementKind.RETURN, StockMovement.reason != RETURN_REASON)
    held = (
        select(
            StockMovement.order_item_id.label("item_id"),
            func.sum(StockMovement.reserved_delta).label("reserved"),
            func.sum(case((kind == MovementKind.SALE_OUT, -StockMovement.on_hand_delta), else_=0)).label("out"),
            func.sum(case((synced_return, StockMovement.on_hand_delta), else_=0)).label("back"),
            func.sum(case((hand_return, StockMovement.on_hand_delta), else_=0)).label("by_hand"),
        )
        .where(held_lines)
        .group_by(StockMovement.order_item_id)
        .subquery("held")
    )
    status = case(
        (Order.status.in_([OrderStatus.CLOSED, OrderStatus.PENDING_PAYMENT]), Order.status),
        else_=func.coalesce(func.nullif(OrderItem.status, ""), Order.status),
    )
    refund = case(
        (OrderItem.refund_state.in_(["", RefundState.NONE]), Order.refund_state), else_=OrderItem.refund_state
    )
    # Status and refund state worked out once per line, so the rule's CASEs read plain columns.
    line = (
        select(
            OrderItem.id.label("item_id"),
            OrderItem.sku_id,
            OrderItem.qty,
            Order.platform_order_id.label("ref"),
            Order.paid_at,
            func.coalesce(OrderItem.shipped_at, Order.shipped_at).label("shipped_at"),
            status.label("status"),
            refund.label("refund"),
        )
        .join(Order, Order.id == OrderItem.order_id)
        .where(OrderItem.sku_id.is_not(None), *([in_orders] if scoped else []))
        .cte("line")
        .prefix_with("MATERIALIZED")
    )
    want_reserved, want_out, want_back = _desired_sql(
        line.c.status, line.c.refund, line.c.shipped_at.is_not(None), line.c.qty
    )
    # Units received by hand count toward what the rule sends back, and the rule never takes them back.
    by_hand = func.coalesce(held.c.by_hand, 0)
    want_back = case((want_back > by_hand, want_back - by_hand), else_=0)
    return select(
        line.c.item_id,
        line.c.sku_id,
        line.c.ref,
        line.c.paid_at,
        line.c.shipped_at,
        (want_reserved - func.coalesce(held.c.reserved, 0)).label("reserve"),
        (want_out - func.coalesce(held.c.out, 0)).label("out"),
        (want_back - func.coalesce(held.c.back, 0)).label("back"),
    ).outerjoin(held, held.c.item_id == line.c.item_id)


def stock_drift(session: Session) -> StockDrift:
    """What ``sync_order_stock`` over every order would post, computed without writing anything.

    Zero when the ledger agrees with the orders; otherwise movements were deleted or changed by hand, or
    something wrote order stock outside the sync's rule.
    """
    diff = _line_differences(scoped=False).subquery("diff")
    posts = sum((case((column != 0, 1), else_=0) for column in (diff.c.reserve, diff.c.out, diff.c.back)), literal(0))
    movements, lines, skus = session.execute(
        select(func.coalesce(func.sum(posts), 0), func.count(), func.count(func.distinct(diff.c.sku_id))).where(
            or_(diff.c.reserve != 0, diff.c.out != 0, diff.c.back != 0)
        )
    ).one()
    return StockDrift(int(movements), int(lines), int(skus))


def _desired_sql(status: Any, refund: Any, shipped: Any, qty: Any) -> tuple[Any, Any, Any]:
    """``desired_line_stock`` as SQL expressions (kept side by side; tests check both)."""
    refunded = or_(status == OrderStatus.REFUNDED, refund == RefundState.REFUNDED)
    is_out = or_(status.in_(list(_SHIPPED)), and_(shipped, status == OrderStatus.REFUNDING))
    is_reserved = or_(
        status == OrderStatus.PAID, and_(status == OrderStatus.REFUNDING, ~shipped), refund.in_(list(_OPEN_REFUND))
    )
    reserved = case((refunded, 0), (is_out, 0), (is_reserved, qty), else_=0)
    out = case((refunded, case((shipped, qty), else_=0)), (is_out, qty), else_=0)
    back = case((and_(refunded, shipped), qty), else_=0)
    return reserved, out, back


# ---------------------------------------------------------------- linking platform items


def link_item(
    session: Session,
    sku_id: int,
    *,
    order_item_id: int | None = None,
    platform: str | None = None,
    platform_item_id: str | None = None,
    platform_sku_id: str = "",
    shop_id: int | None = None,
) -> LinkResult:
    """Bind a platform item/SKU to a catalog SKU, link every matching unlinked line, sync their stock.

    Give either ``order_item_id`` (its platform ids are used) or ``platform`` + ``platform_item_id``.
    Lines with no platform item id are linked by their seller code instead (one line or all with it).
    """
    if session.get(Sku, sku_id) is None:
        raise NotFoundError(f"No SKU {sku_id}.", code="sku_not_found", value=sku_id)
    seller_code = ""
    if order_item_id is not None:
        found = session.execute(
            select(
                Order.platform,
                Order.shop_id,
                OrderItem.platform_item_id,
                OrderItem.platform_sku_id,
                OrderItem.seller_code,
            )
            .join(Order, Order.id == OrderItem.order_id)
            .where(OrderItem.id == order_item_id)
        ).one_or_none()
        if found is None:
            raise NotFoundError(f"No order line {order_item_id}.", code="order_item_not_found", value=order_item_id)
        platform, shop_id, platform_item_id, platform_sku_id, seller_code = found
    if not platform:
        raise ValidationError("A platform is required.", code="platform_required")
    listing_id = _bind_listing(session, sku_id, platform, platform_item_id or "", platform_sku_id, shop_id)
    item_ids = _matching_lines(session, platform, platform_item_id or "", platform_sku_id, seller_code, order_item_id)
    if item_ids:
        for chunk in _chunks(item_ids):
            session.execute(
                update(OrderItem)
                .where(OrderItem.id.in_(chunk))
                .values(sku_id=sku_id)
                .execution_options(synchronize_session=False)
            )
        order_ids: list[int] = []
        for chunk in _chunks(item_ids):
            order_ids.extend(session.scalars(select(OrderItem.order_id).where(OrderItem.id.in_(chunk))))
        sync_order_stock(session, order_ids)
    return LinkResult(Changes(products=True, stock=True, orders=True), listing_id, len(item_ids))


def _bind_listing(
    session: Session, sku_id: int, platform: str, item_id: str, sku_part: str, shop_id: int | None
) -> int | None:
    if not item_id:
        return None  # nothing to remember but the seller code
    key = (Listing.platform == platform, Listing.platform_item_id == item_id, Listing.platform_sku_id == sku_part)
    listing = session.scalars(select(Listing).where(*key)).one_or_none()
    if listing is None:
        listing = Listing(
            platform=platform, platform_item_id=item_id, platform_sku_id=sku_part, sku_id=sku_id, shop_id=shop_id
        )
        session.add(listing)
    else:
        listing.sku_id = sku_id
    session.flush()
    return listing.id


def _matching_lines(
    session: Session, platform: str, item_id: str, sku_part: str, seller_code: str, order_item_id: int | None
) -> list[int]:
    stmt = select(OrderItem.id).join(Order, Order.id == OrderItem.order_id).where(OrderItem.sku_id.is_(None))
    if item_id:
        stmt = stmt.where(
            Order.platform == platform, OrderItem.platform_item_id == item_id, OrderItem.platform_sku_id == sku_part
        )
    elif seller_code:
        stmt = stmt.where(Order.platform == platform, OrderItem.seller_code == seller_code)
    elif order_item_id is not None:
        stmt = stmt.where(OrderItem.id == order_item_id)
    else:
        return []
    return list(session.scalars(stmt))


# ---------------------------------------------------------------- helpers


def _chunks(values: Iterable[int]) -> Iterable[list[int]]:
    values = list(values)
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
