"""The tabs' page queries (services/browse.py): sorting, paging, searching and the dashboard counts.

Runs on every backend of tests/conftest.py (SQLite always, PostgreSQL when reachable). No Qt here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy.orm import Session

from sellerdesk.domain.permissions import OWNER
from sellerdesk.domain.stock import StockLevel, is_low_stock
from sellerdesk.models import (
    Order,
    Product,
    Review,
    Shop,
    Sku,
    StaffUser,
    StockMovement,
    Task,
    Ticket,
    Warehouse,
)
from sellerdesk.services import browse, products
from sellerdesk.services.browse import PageRequest

NOW = datetime(2026, 8, 20, 12, 0, tzinfo=UTC)


def add_shop(session: Session, name: str = "旗舰店", platform: str = "taobao", hours: int = 48) -> Shop:
    shop = Shop(platform=platform, name=name, ship_deadline_hours=hours)
    session.add(shop)
    session.flush()
    return shop


def add_order(session: Session, shop: Shop, number: int, **fields: object) -> Order:
    values: dict[str, object] = {
        "status": "completed",
        "paid_at": NOW - timedelta(days=number),
        "paid_cents": 1000 * number,
    }
    values.update(fields)
    order = Order(shop_id=shop.id, platform=shop.platform, platform_order_id=f"OID{number:04d}", **values)
    session.add(order)
    session.flush()
    return order


def add_sku(session: Session, code: str, *, safety: int = 0, on_hand: int = 0, reserved: int = 0) -> Sku:
    product = Product(title=f"商品 {code}")
    session.add(product)
    session.flush()
    sku = Sku(product_id=product.id, seller_code=code, spec="红色", safety_stock=safety, price_cents=990)
    session.add(sku)
    session.flush()
    warehouse = session.query(Warehouse).first() or Warehouse(code="main", name="主仓")
    session.add(warehouse)
    session.flush()
    session.add(StockMovement(sku_id=sku.id, warehouse_id=warehouse.id, kind="receipt", on_hand_delta=on_hand))
    session.add(StockMovement(sku_id=sku.id, warehouse_id=warehouse.id, kind="sale_reserve", reserved_delta=reserved))
    session.flush()
    return sku


def add_staff(session: Session, login: str, name: str) -> StaffUser:
    staff = StaffUser(login=login, name=name, role="service")
    session.add(staff)
    session.flush()
    return staff


def test_empty_database_has_no_data(session: Session) -> None:
    assert not browse.has_data(session)
    assert browse.count_products(session) == 0
    assert browse.product_page(session, PageRequest("seller_code"), actor=OWNER) == ()
    add_sku(session, "A-1")
    assert browse.has_data(session)


def test_every_declared_sort_key_runs(session: Session) -> None:
    shop = add_shop(session)
    add_order(session, shop, 1)
    staff = add_staff(session, "a", "阿芳")
    add_sku(session, "SKU-1")
    session.add(Ticket(subject="物流慢", category="logistics", assignee_id=staff.id))
    session.add(Task(title="盘点", assignee_id=staff.id))
    session.add(Review(staff_id=staff.id, month="2026-07"))
    session.flush()
    pages = {
        "products": partial(browse.product_page, actor=OWNER),
        "tasks": browse.task_page,
        "reviews": partial(browse.review_page, actor=OWNER),
    }
    for name, keys in browse.sort_keys().items():
        page = pages[name]
        for key in keys:
            for descending in (False, True):
                assert len(page(session, PageRequest(key, descending))) == 1, (page.__name__, key)


def test_unknown_sort_key_is_a_bug(session: Session) -> None:
    with pytest.raises(ValueError, match="unknown sort key"):
        browse.product_page(session, PageRequest("cost_cents; drop table skus"), actor=OWNER)


def test_product_stock_is_the_ledger_sum_and_low_stock_is_flagged(session: Session) -> None:
    add_sku(session, "A-1", safety=10, on_hand=12, reserved=5)  # available 7 < 10: low
    add_sku(session, "A-2", safety=10, on_hand=30, reserved=5)
    add_sku(session, "A-3", safety=0, on_hand=0)  # nothing available: low, safety stock or not
    add_sku(session, "A-4", safety=0, on_hand=3)  # no safety stock set, some available: no alert
    rows = browse.product_page(session, PageRequest("seller_code"), actor=OWNER)
    assert [(r.seller_code, r.on_hand, r.available, r.low_stock) for r in rows] == [
        ("A-1", 12, 7, True),
        ("A-2", 30, 25, False),
        ("A-3", 0, 0, True),
        ("A-4", 3, 3, False),
    ]
    assert rows[0].title == "商品 A-1"  # the product's title when the SKU has none
    by_available = browse.product_page(session, PageRequest("available", descending=True), actor=OWNER)
    assert [r.seller_code for r in by_available] == ["A-2", "A-1", "A-4", "A-3"]


def test_product_search_contains_code_or_title_case_insensitively(session: Session) -> None:
    add_sku(session, "tee-white")
    add_sku(session, "CAP-50%")
    assert browse.count_products(session, "TEE") == 1
    assert browse.count_products(session, "商品") == 2
    assert browse.count_products(session, "50%") == 1
    assert browse.count_products(session, "%") == 1  # LIKE wildcards are matched literally


def test_tasks_and_reviews_show_names_and_sort_sensibly(session: Session) -> None:
    fang = add_staff(session, "fang", "阿芳")
    lei = add_staff(session, "lei", "小雷")
    session.add_all(
        [
            Ticket(subject="少发", category="quality", priority="low", assignee_id=lei.id),
            Ticket(subject="破损", category="quality", priority="urgent", assignee_id=None),
            Task(title="上新", status="done", due_date=date(2026, 8, 1)),
            Task(title="盘点", status="todo", due_date=None, assignee_id=fang.id),
            Task(title="改价", status="doing", due_date=date(2026, 8, 3)),
            Review(staff_id=fang.id, month="2026-07", grade="A", score_bp=9150, status="final"),
            Review(staff_id=lei.id, month="2026-07", score_bp=None),
        ]
    )
    session.flush()
    tasks = browse.task_page(session, PageRequest("due_date"))
    assert [t.title for t in tasks] == ["改价", "盘点", "上新"]  # open by due date, no date after, done last
    assert [t.title for t in browse.task_page(session, PageRequest("status"))] == ["盘点", "改价", "上新"]
    reviews = browse.review_page(session, PageRequest("score", descending=True), actor=OWNER)
    assert [(r.staff, r.score_bp) for r in reviews] == [("阿芳", 9150), ("小雷", None)]
    assert browse.count_reviews(session, "小雷", actor=OWNER) == 1
    assert browse.count_tasks(session, "阿芳") == 1


def test_low_stock_is_one_rule_in_python_and_in_sql(session: Session) -> None:
    """domain.stock.is_low_stock, the browse rows and the Products filter / home queue (SQL) agree."""
    cases = [(safety, on_hand, reserved) for safety in (0, 5) for on_hand in (0, 4, 5, 9) for reserved in (0, 4)]
    for i, (safety, on_hand, reserved) in enumerate(cases):
        add_sku(session, f"S-{i:02d}", safety=safety, on_hand=on_hand, reserved=reserved)
    expected = {f"S-{i:02d}" for i, (safety, held, out) in enumerate(cases) if is_low_stock(held - out, safety)}
    assert 0 < len(expected) < len(cases)
    rows = browse.product_page(session, PageRequest("seller_code", limit=100), actor=OWNER)
    assert {r.seller_code for r in rows if r.low_stock} == expected
    critical = products.SkuFilter(level=StockLevel.CRITICAL)
    in_sql = products.sku_page(session, PageRequest("seller_code", limit=100), critical, actor=OWNER)
    assert {r.seller_code for r in in_sql} == expected
    assert products.count_skus(session, filters=critical) == len(expected)
