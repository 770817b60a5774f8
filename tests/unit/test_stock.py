"""The stock ledger (services/stock.py): every movement kind and every order event, on each backend."""

from __future__ import annotations

import multiprocessing
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from sellerdesk.domain.errors import ValidationError
from sellerdesk.models import Listing, Order, OrderItem, Product, Shop, Sku, StockMovement
from sellerdesk.services import stock
from tests.conftest import PG_URL

T0 = datetime(2026, 8, 1, 8, 0, tzinfo=UTC)


def add_sku(session: Session, code: str = "A-1", *, policy: str = "warn") -> Sku:
    product = Product(title=f"商品 {code}")
    session.add(product)
    session.flush()
    sku = Sku(product_id=product.id, seller_code=code, negative_stock_policy=policy)
    session.add(sku)
    session.flush()
    return sku


def add_order(session: Session, sku: Sku | None, status: str, qty: int = 2, **fields: object) -> Order:
    shop = session.scalars(select(Shop)).first()
    if shop is None:
        shop = Shop(platform="taobao", name="旗舰店")
        session.add(shop)
        session.flush()
    number = session.scalar(select(func.count(Order.id))) or 0
    order = Order(
        shop_id=shop.id, platform="taobao", platform_order_id=f"O{number}", status=status, paid_at=T0, **fields
    )
    session.add(order)
    session.flush()
    item = OrderItem(
        order_id=order.id,
        sub_order_id="1",
        sku_id=sku.id if sku else None,
        seller_code="" if sku else "UNKNOWN",
        platform_item_id="9001",
        platform_sku_id="77",
        qty=qty,
    )
    session.add(item)
    session.flush()
    return order


def balances(session: Session, sku: Sku) -> dict[str, tuple[int, int]]:
    codes = {w.id: w.code for w in stock.list_warehouses(session)}
    return {codes[b.warehouse_id]: (b.on_hand, b.reserved) for b in stock.stock_balances(session, [sku.id])}


def movement_count(session: Session) -> int:
    return int(session.scalar(select(func.count(StockMovement.id))) or 0)


def set_status(session: Session, order: Order, status: str, **fields: object) -> None:
    order.status = status
    for key, value in fields.items():
        setattr(order, key, value)
    session.flush()


# ---------------------------------------------------------------- manual movements


def test_receipt_correction_return_transfer_and_who_when_why(session: Session) -> None:
    sku = add_sku(session)
    stock.receive_stock(session, sku.id, 10, staff_id=None, reason="PO-1 arrived", ref="PO-1")
    stock.correct_stock(session, sku.id, -1, staff_id=None, reason="damaged")
    stock.return_stock(session, sku.id, 2, staff_id=None, reason="walk-in return")
    stock.transfer_stock(session, sku.id, 2, source="returns", target="defects", staff_id=None, reason="inspected")
    assert balances(session, sku) == {"main": (9, 0), "returns": (0, 0), "defects": (2, 0)}
    rows = stock.sku_movements(session, sku.id)
    assert {r.kind for r in rows} == {"receipt", "correction", "return", "transfer_out", "transfer_in"}
    assert all(r.reason and r.at is not None for r in rows)
    assert stock.sku_balance(session, sku.id).available == 11


def test_correction_needs_a_reason_and_quantities_are_checked(session: Session) -> None:
    sku = add_sku(session)
    with pytest.raises(ValidationError):
        stock.correct_stock(session, sku.id, 3, staff_id=None, reason=" ")
    with pytest.raises(ValidationError):
        stock.receive_stock(session, sku.id, 0, staff_id=None, reason="x")
    with pytest.raises(ValidationError):
        stock.transfer_stock(session, sku.id, 1, source="main", target="main", staff_id=None, reason="x")


def test_negative_stock_warns_by_default_and_blocks_when_asked(session: Session) -> None:
    warn = add_sku(session, "W")
    result = stock.correct_stock(session, warn.id, -3, staff_id=None, reason="lost")
    assert result.negative_warnings == ("W",)
    block = add_sku(session, "B", policy="block")
    stock.receive_stock(session, block.id, 2, staff_id=None, reason="in")
    with pytest.raises(ValidationError) as info:
        stock.correct_stock(session, block.id, -3, staff_id=None, reason="lost")
    assert info.value.code == "negative_stock"
    assert stock.correct_stock(session, block.id, -2, staff_id=None, reason="lost").negative_warnings == ()


def test_stocktake_posts_only_differences(session: Session) -> None:
    sku = add_sku(session)
    other = add_sku(session, "B-2")
    stock.receive_stock(session, sku.id, 10, staff_id=None, reason="in")
    result = stock.post_stocktake(
        session, [(sku.id, "main", -2), (other.id, "main", 0)], staff_id=None, reason="Q3", ref="ST1"
    )
    assert len(result.movement_ids) == 1
    assert balances(session, sku)["main"] == (8, 0)


def test_more_warehouses_can_be_added(session: Session) -> None:
    stock.create_warehouse(session, "north", "北仓")
    sku = add_sku(session)
    stock.receive_stock(session, sku.id, 4, warehouse="north", staff_id=None, reason="in")
    assert balances(session, sku)["north"] == (4, 0)
    with pytest.raises(ValidationError):
        stock.create_warehouse(session, "north", "again")


# ---------------------------------------------------------------- order events


@pytest.mark.parametrize(
    ("status", "shipped", "refund", "want"),
    [
        ("pending_payment", False, "none", (0, 0, 0)),
        ("paid", False, "none", (3, 0, 0)),
        ("paid", False, "refunding", (3, 0, 0)),
        ("shipped", True, "none", (0, 3, 0)),
        ("completed", True, "none", (0, 3, 0)),
        ("closed", False, "none", (0, 0, 0)),
        ("refunded", False, "refunded", (0, 0, 0)),
        ("refunded", True, "refunded", (0, 3, 3)),
        ("refunding", True, "refunding", (0, 3, 0)),
    ],
)
def test_desired_line_stock_rule(status: str, shipped: bool, refund: str, want: tuple[int, int, int]) -> None:
    assert stock.desired_line_stock(status, refund, shipped, 3) == want


def test_order_paid_then_shipped(session: Session) -> None:
    sku = add_sku(session)
    stock.receive_stock(session, sku.id, 10, staff_id=None, reason="in")
    order = add_order(session, sku, "paid")
    stock.sync_order_stock(session, [order.id])
    assert balances(session, sku)["main"] == (10, 2)
    set_status(session, order, "shipped", shipped_at=T0)
    stock.sync_order_stock(session, [order.id])
    assert balances(session, sku)["main"] == (8, 0)


def test_order_cancelled_before_shipping_releases_reservation(session: Session) -> None:
    sku = add_sku(session)
    order = add_order(session, sku, "paid")
    stock.sync_order_stock(session, [order.id])
    set_status(session, order, "closed")
    stock.sync_order_stock(session, [order.id])
    assert balances(session, sku)["main"] == (0, 0)
    kinds = session.scalars(select(StockMovement.kind).order_by(StockMovement.id)).all()
    assert kinds == ["sale_reserve", "sale_release"]


def test_order_refunded_before_shipping_releases_reservation(session: Session) -> None:
    sku = add_sku(session)
    order = add_order(session, sku, "paid")
    stock.sync_order_stock(session, [order.id])
    set_status(session, order, "refunded", refund_state="refunded")
    stock.sync_order_stock(session, [order.id])
    assert balances(session, sku)["main"] == (0, 0)


def test_order_returned_after_shipping_goes_to_returns_warehouse(session: Session) -> None:
    sku = add_sku(session)
    stock.receive_stock(session, sku.id, 5, staff_id=None, reason="in")
    order = add_order(session, sku, "shipped", shipped_at=T0)
    stock.sync_order_stock(session, [order.id])
    set_status(session, order, "refunded", refund_state="refunded")
    stock.sync_order_stock(session, [order.id])
    assert balances(session, sku) == {"main": (3, 0), "returns": (2, 0)}


def test_stock_drift_is_what_a_sync_would_post_and_writes_nothing(session: Session) -> None:
    sku, other = add_sku(session), add_sku(session, "B-2")
    stock.receive_stock(session, sku.id, 10, staff_id=None, reason="in")  # not an order's: never drift
    paid, shipped = add_order(session, sku, "paid"), add_order(session, other, "shipped", qty=3, shipped_at=T0)
    add_order(session, None, "shipped", shipped_at=T0)  # unlinked lines move no stock
    assert stock.stock_drift(session) == stock.StockDrift(movements=2, lines=2, skus=2)
    assert movement_count(session) == 1
    stock.sync_order_stock(session, [paid.id, shipped.id])
    assert stock.stock_drift(session).none
    session.execute(text("DELETE FROM stock_movements WHERE kind = 'sale_out'"))  # a movement lost by hand
    set_status(session, paid, "refunded", refund_state="refunded")  # and an order changed without a sync
    assert stock.stock_drift(session) == stock.StockDrift(movements=2, lines=2, skus=2)


@pytest.mark.parametrize(
    ("order", "line", "want"),
    [
        (("paid", "none"), ("", ""), ("paid", "none")),
        (("shipped", "refunded"), ("refunded", "none"), ("refunded", "refunded")),  # the order's refund state
        (("shipped", "refunded"), ("shipped", "refund_closed"), ("shipped", "refund_closed")),  # the line's own wins
        (("closed", "none"), ("paid", "none"), ("closed", "none")),  # closed / unpaid orders: the order's status
        (("pending_payment", "none"), ("paid", "refunding"), ("pending_payment", "refunding")),
    ],
)
def test_line_stock_state(order: tuple[str, str], line: tuple[str, str], want: tuple[str, str]) -> None:
    assert stock.line_stock_state(*order, *line) == want


def test_sync_is_idempotent_and_an_older_export_does_not_double_count(session: Session) -> None:
    sku = add_sku(session)
    order = add_order(session, sku, "shipped", shipped_at=T0)
    stock.sync_order_stock(session, [order.id, order.id])
    stock.sync_order_stock(session, [order.id])
    count = movement_count(session)
    assert balances(session, sku)["main"] == (-2, 0)
    set_status(session, order, "paid", shipped_at=None)  # an older export says "paid" again
    stock.sync_order_stock(session, [order.id])
    stock.sync_order_stock(session, [order.id])
    set_status(session, order, "shipped", shipped_at=T0)
    stock.sync_order_stock(session, [order.id])
    assert balances(session, sku)["main"] == (-2, 0)
    assert movement_count(session) > count  # corrections posted, never duplicated totals


def test_unlinked_lines_are_ignored_and_link_item_moves_their_stock(session: Session) -> None:
    sku = add_sku(session)
    first = add_order(session, None, "paid")
    second = add_order(session, None, "shipped", shipped_at=T0)
    stock.sync_order_stock(session, [first.id, second.id])
    assert movement_count(session) == 0
    item = session.scalars(select(OrderItem).where(OrderItem.order_id == first.id)).one()
    result = stock.link_item(session, sku.id, order_item_id=item.id)
    assert result.lines_linked == 2
    assert balances(session, sku)["main"] == (-2, 2)
    listing = session.scalars(select(Listing)).one()
    assert (listing.platform_item_id, listing.platform_sku_id, listing.sku_id) == ("9001", "77", sku.id)
    assert (
        stock.link_item(session, sku.id, platform="taobao", platform_item_id="9001", platform_sku_id="77").lines_linked
        == 0
    )


# ---------------------------------------------------------------- bulk


def test_sync_of_many_orders_is_set_based(session: Session) -> None:
    sku = add_sku(session)
    shop = Shop(platform="pdd", name="拼多多店")
    session.add(shop)
    session.flush()
    orders = [
        {"shop_id": shop.id, "platform": "pdd", "platform_order_id": f"P{i}", "status": "paid", "paid_at": T0}
        for i in range(2500)
    ]
    session.execute(insert(Order), orders)
    ids = session.scalars(select(Order.id).where(Order.shop_id == shop.id)).all()
    session.execute(insert(OrderItem), [{"order_id": i, "sub_order_id": "1", "sku_id": sku.id, "qty": 1} for i in ids])
    stock.sync_order_stock(session, ids)
    stock.sync_order_stock(session, ids)
    assert balances(session, sku)["main"] == (0, 2500)


# ---------------------------------------------------------------- two processes on PostgreSQL


def _take_units(url: str, sku_id: int, times: int) -> int:
    engine = create_engine(url)
    blocked = 0
    for _ in range(times):
        with Session(engine) as session, session.begin():
            try:
                stock.correct_stock(session, sku_id, -1, staff_id=None, reason="pick")
            except ValidationError:
                blocked += 1
    engine.dispose()
    return blocked


@pytest.mark.pg
def test_two_processes_writing_one_sku_lose_nothing_on_postgresql() -> None:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:
        pytest.skip("PostgreSQL not reachable")
    name = f"sellerdesk_stock_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        _race(url)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _race(url: str) -> None:
    from sellerdesk.db.engine import make_engine
    from sellerdesk.db.migrate import ensure_schema

    engine = make_engine(url)
    ensure_schema(engine)
    with Session(engine) as session, session.begin():
        sku = add_sku(session, "RACE", policy="block")
        stock.receive_stock(session, sku.id, 100, staff_id=None, reason="in")
        sku_id = sku.id
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        blocked = pool.starmap(_take_units, [(url, sku_id, 60), (url, sku_id, 60)])
    with Session(engine) as session:
        balance = stock.sku_balance(session, sku_id)
        outs = session.scalar(
            select(func.count()).where(StockMovement.sku_id == sku_id, StockMovement.kind == "correction")
        )
    engine.dispose()
    assert balance.on_hand == 0  # 100 taken, none lost, never below zero
    assert outs == 100 and sum(blocked) == 20
