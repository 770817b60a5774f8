"""Products service and pure rules: list filters and sorts, the editor, margin, replenishment, titles."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from sellerdesk.domain.errors import ConflictError, ValidationError
from sellerdesk.domain.permissions import OWNER
from sellerdesk.domain.stock import StockLevel, margin_of, replenishment_qty, stock_level
from sellerdesk.domain.titles import find_banned
from sellerdesk.models import Order, OrderItem, Shop
from sellerdesk.services import catalog, products, stock
from sellerdesk.services.browse import PageRequest
from sellerdesk.services.products import ProductData, SkuData, SkuFilter

NOW = datetime(2026, 8, 31, 12, 0, tzinfo=UTC)


# ---------------------------------------------------------------- pure rules, hand-computed


@pytest.mark.parametrize(
    ("sold", "window", "lead", "safety", "available", "moq", "want"),
    [
        (60, 30, 7, 10, 5, 1, 19),  # 2/day × 7 = 14, + 10 − 5 = 19
        (60, 30, 7, 10, 5, 50, 50),  # below the minimum order quantity: raised to 50
        (10, 30, 7, 0, 0, 1, 3),  # 10/30 × 7 = 2.33 → 3
        (60, 30, 7, 10, 40, 1, 0),  # enough on hand
        (0, 30, 7, 5, 5, 10, 0),  # nothing sold, at safety stock: nothing to order
        (0, 30, 7, 5, -3, 10, 10),  # negative available: 8 needed, MOQ 10
    ],
)
def test_replenishment_quantity(
    sold: int, window: int, lead: int, safety: int, available: int, moq: int, want: int
) -> None:
    assert (
        replenishment_qty(
            units_sold=sold,
            window_days=window,
            lead_time_days=lead,
            safety_stock=safety,
            available=available,
            min_order_qty=moq,
        )
        == want
    )


def test_margin_hand_computed() -> None:
    m = margin_of(9900, 5000, 500)  # ¥99, cost ¥50, fee 5% = ¥4.95 → ¥44.05, 44.49 %
    assert (m.fee_cents, m.margin_cents, m.margin_bp, m.below_cost) == (495, 4405, 4449, False)
    loss = margin_of(1000, 990, 200)  # fee ¥0.20 → −¥0.10
    assert (loss.margin_cents, loss.below_cost) == (-10, True)
    assert margin_of(0, 100, 500).margin_bp is None
    assert margin_of(333, 0, 25).fee_cents == 1  # 0.8325 rounds half up to 1


@pytest.mark.parametrize(
    ("available", "safety", "reorder", "want"),
    [
        (0, 0, 0, StockLevel.CRITICAL),
        (4, 5, 10, StockLevel.CRITICAL),
        (5, 5, 10, StockLevel.REORDER),
        (10, 5, 10, StockLevel.REORDER),
        (11, 5, 10, StockLevel.OK),
        (3, 0, 0, StockLevel.OK),
    ],
)
def test_stock_level(available: int, safety: int, reorder: int, want: StockLevel) -> None:
    assert stock_level(available, safety, reorder) == want


def test_banned_words_hits_longest_first_and_case_insensitive() -> None:
    words = ("最", "第一", "全网第一", "100%", "Best")
    hits = find_banned("全网第一 最新款 100%纯棉 BEST 选择", words)
    assert [(h.word, h.start, h.end) for h in hits] == [
        ("全网第一", 0, 4),
        ("最", 5, 6),
        ("100%", 9, 13),
        ("BEST", 16, 20),
    ]
    assert find_banned("纯棉T恤", words) == ()


# ---------------------------------------------------------------- service


def new_product(session: Session, code: str = "TS-1", **sku: object) -> ProductData:
    data = ProductData(title="纯棉T恤", category="上衣", skus=(SkuData(seller_code=code, spec="白 M", **sku),))  # type: ignore[arg-type]
    result = products.save_product(session, data, actor=OWNER)
    return products.get_product(session, result.product_id, actor=OWNER)


def test_save_and_update_product_with_versions(session: Session) -> None:
    data = new_product(session, price_cents=9900, cost_cents=4000)
    assert data.skus[0].price_cents == 9900 and data.version == 1
    changed = replace(data, title="纯棉T恤 夏季", skus=(replace(data.skus[0], safety_stock=5),))
    products.save_product(session, changed, actor=OWNER)
    again = products.get_product(session, data.id or 0, actor=OWNER)
    assert again.title == "纯棉T恤 夏季" and again.skus[0].safety_stock == 5
    with pytest.raises(ConflictError):
        products.save_product(session, changed, actor=OWNER)  # the old version


def test_save_refuses_bad_input_and_taken_codes(session: Session) -> None:
    new_product(session, "TS-1")
    with pytest.raises(ValidationError):
        products.save_product(session, ProductData(title="x", skus=(SkuData(seller_code="TS-1"),)), actor=OWNER)
    with pytest.raises(ValidationError):
        products.save_product(session, ProductData(title="", skus=(SkuData(seller_code="N"),)), actor=OWNER)
    with pytest.raises(ValidationError):
        products.save_product(
            session, ProductData(title="x", skus=(SkuData(seller_code="N", cost_cents=-1),)), actor=OWNER
        )


def test_banned_words_on_save_and_in_bulk_with_editable_list(session: Session) -> None:
    result = products.save_product(
        session, ProductData(title="全网最低价 顶级面料", skus=(SkuData(seller_code="B1"),)), actor=OWNER
    )
    assert [h.word for h in result.title_hits["全网最低价 顶级面料"]] == ["最", "顶级"]
    products.set_banned_words(session, ["面料", " ", "面料"], expected_version=0, actor=OWNER)
    assert products.banned_words(session) == ("面料",)
    issues = products.check_titles(session)
    assert [(i.seller_code, [h.word for h in i.hits]) for i in issues] == [("B1", ["面料"])]


def test_list_filters_sorts_and_stock_levels(session: Session) -> None:
    a = new_product(session, "A", safety_stock=5, reorder_point=10).skus[0]
    b = new_product(session, "B", safety_stock=5, reorder_point=10).skus[0]
    c = new_product(session, "C", safety_stock=5, reorder_point=10).skus[0]
    stock.receive_stock(session, a.id or 0, 3, staff_id=None, reason="in")
    stock.receive_stock(session, b.id or 0, 8, staff_id=None, reason="in")
    stock.receive_stock(session, c.id or 0, 50, staff_id=None, reason="in")
    page = products.sku_page(session, PageRequest("available", descending=True), actor=OWNER)
    assert [r.seller_code for r in page] == ["C", "B", "A"]
    assert [r.level for r in page] == [StockLevel.OK, StockLevel.REORDER, StockLevel.CRITICAL]
    for level, code in (("critical", "A"), ("reorder", "B"), ("ok", "C")):
        rows = products.sku_page(session, PageRequest("seller_code"), SkuFilter(level=level), actor=OWNER)
        assert [r.seller_code for r in rows] == [code]
        assert products.count_skus(session, "", SkuFilter(level=level)) == 1
    assert products.count_skus(session, "上衣", SkuFilter(role="profit", shelf_status="on_shelf")) == 3
    assert products.count_skus(session, "", SkuFilter(lifecycle="decline")) == 0
    for key in ("title", "category", "role", "lifecycle", "shelf_status", "price", "on_hand", "reorder_point"):
        assert len(products.sku_page(session, PageRequest(key), actor=OWNER)) == 3


def test_replenishment_and_margins_from_data(session: Session) -> None:
    shop = Shop(platform="taobao", name="旗舰店", fee_rate_bp=500)
    session.add(shop)
    sku = new_product(
        session, "R", lead_time_days=10, safety_stock=4, min_order_qty=6, cost_cents=5000, price_cents=9900
    )
    sku_id = sku.skus[0].id or 0
    stock.receive_stock(session, sku_id, 3, staff_id=None, reason="in")
    session.flush()
    for day, qty in ((1, 5), (10, 4), (40, 100)):  # the 40-days-ago order is outside the 30-day window
        order = Order(shop_id=shop.id, platform="taobao", platform_order_id=f"X{day}", status="completed",
                      paid_at=NOW - timedelta(days=day))  # fmt: skip
        session.add(order)
        session.flush()
        session.add(OrderItem(order_id=order.id, sub_order_id="1", sku_id=sku_id, qty=qty))
    session.flush()
    rows = products.replenishment(session, 30, as_of=NOW)
    # 9 sold in 30 days × 10 days lead = 3, + 4 safety − 3 available = 4 → MOQ 6
    assert [(r.seller_code, r.units_sold, r.suggested_qty, r.amount_cents) for r in rows] == [("R", 9, 6, 30000)]
    margin = products.sku_margins(session, [sku_id], actor=OWNER)[0]
    assert (margin.shop, margin.margin.margin_cents) == ("旗舰店", 4405)
    assert products.below_cost(session, actor=OWNER) == ()


def test_unlinked_items_are_grouped(session: Session) -> None:
    shop = Shop(platform="jd", name="京东店")
    session.add(shop)
    session.flush()
    for n in range(3):
        order = Order(shop_id=shop.id, platform="jd", platform_order_id=f"J{n}", status="paid", paid_at=NOW)
        session.add(order)
        session.flush()
        session.add(OrderItem(order_id=order.id, sub_order_id="1", platform_item_id="100", qty=2, title="未知商品"))
    session.flush()
    items = products.unlinked_items(session)
    assert [(i.platform, i.platform_item_id, i.lines, i.units) for i in items] == [("jd", "100", 3, 6)]
    sku_id = new_product(session, "L").skus[0].id or 0
    stock.link_item(session, sku_id, order_item_id=items[0].sample_order_item_id)
    assert products.unlinked_items(session) == ()
    assert stock.sku_balance(session, sku_id).reserved == 6


# ---------------------------------------------------------------- sheets


def test_stocktake_round_trip_and_purchase_list(session: Session, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    a = new_product(session, "ST-A", safety_stock=10).skus[0].id or 0
    new_product(session, "ST-B")
    stock.receive_stock(session, a, 7, staff_id=None, reason="in")
    sheet = tmp_path / "count.xlsx"
    assert products.export_count_sheet(session, sheet, "main") == 2
    book = load_workbook(sheet)
    rows = book.active
    assert [c.value for c in rows[2]] == ["ST-A", "纯棉T恤", "白 M", "main", 7, None]
    rows["F2"] = 5  # counted 5 of ST-A; ST-B left blank: not counted
    rows["A4"], rows["D4"], rows["F4"] = "NOPE", "main", 1
    book.save(sheet)
    review = products.read_count_sheet(session, sheet)
    assert [(x.seller_code, x.book, x.counted, x.difference) for x in review.differences] == [("ST-A", 7, 5, -2)]
    assert [p.value for p in review.problems] == ["NOPE"]
    products.post_count(session, review, staff_id=None, ref="ST-1")
    assert stock.sku_balance(session, a).on_hand == 5
    purchase = tmp_path / "purchase.xlsx"
    assert (
        products.export_purchase_list(session, purchase, 30, as_of=NOW, actor=OWNER) == 1
    )  # ST-A: 0 sold + 10 safety − 5
    catalog_file = tmp_path / "catalog.xlsx"
    assert catalog.export_catalog(session, catalog_file) == 2
    catalog.import_catalog(session, catalog_file)  # SKU titles filled from the product's
    result = catalog.import_catalog(session, catalog_file)
    assert (result.created, result.updated, result.unchanged, result.problems) == (0, 0, 2, [])


def test_catalog_import_links_waiting_lines_and_books_their_stock(session: Session, tmp_path: Path) -> None:
    from sellerdesk.sheets.catalog_sheets import CATALOG_HEADERS, write_sheet

    shop = Shop(platform="pdd", name="拼多多店")
    session.add(shop)
    session.flush()
    order = Order(shop_id=shop.id, platform="pdd", platform_order_id="W1", status="paid", paid_at=NOW)
    session.add(order)
    session.flush()
    session.add(OrderItem(order_id=order.id, sub_order_id="1", seller_code="NEW-1", qty=2))
    session.flush()
    sheet = tmp_path / "catalog.xlsx"
    write_sheet(sheet, "商品资料", CATALOG_HEADERS, [("NEW-1", "新品", "", "", "", 10, 5, "", 7, 1, 0, 0)])
    result = catalog.import_catalog(session, sheet)
    assert (result.created, result.relinked_lines) == (1, 1)
    sku_id = products.sku_page(session, PageRequest("seller_code"), actor=OWNER)[0].id
    assert stock.sku_balance(session, sku_id).reserved == 2
