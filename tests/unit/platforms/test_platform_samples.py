"""The five sample exports: detection, zero problems, counts, spot checks against the raw files, and the
metrics.md figures for 2026-08 exactly as expected.json states them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from monthly import FIGURES, monthly_report

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.records import FileKind, ParsedFile
from sellerdesk.platforms import detect_path, parse_file
from sellerdesk.sheets.cleaning import normalize_header
from sellerdesk.sheets.reading import read_table

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
EXPECTED: dict[str, Any] = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
TB_ORDERS = "ExportOrderList202609030915.csv"
TB_ITEMS = "ExportOrderDetailList202609030915.csv"

CASES = [
    # file, platform, kind, generation, orders, rows
    (TB_ORDERS, Platform.TAOBAO, FileKind.TAOBAO_ORDERS, "L2", 400, 400),
    (TB_ITEMS, Platform.TAOBAO, FileKind.TAOBAO_ITEMS, "D2", 400, 806),
    ("jd_orders.csv", Platform.JD, FileKind.ORDER_LINES, "商家SKUID", 250, 513),
    ("pdd_orders.csv", Platform.PDD, FileKind.ORDERS, "规格维度", 300, 300),
    ("douyin_orders.csv", Platform.DOUYIN, FileKind.ORDER_LINES, "商品维度", 350, 534),
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedFile]:
    return {name: parse_file(SAMPLES / name) for name in EXPECTED["files"]}


@pytest.mark.parametrize(("name", "platform", "kind", "generation", "orders", "rows"), CASES)
def test_sample_detected_and_parsed_without_problems(
    parsed: dict[str, ParsedFile],
    name: str,
    platform: Platform,
    kind: FileKind,
    generation: str,
    orders: int,
    rows: int,
) -> None:
    detection = detect_path(SAMPLES / name)
    assert (detection.platform, detection.kind, detection.generation) == (platform, kind, generation)
    assert detection.importable
    result = parsed[name]
    assert (result.platform, result.kind, result.file_name) == (platform, kind, name)
    assert result.problems == []
    assert result.bad_rows == set()
    assert (len(result.orders), result.rows) == (orders, rows)
    assert len({o.order_id for o in result.orders}) == orders


def test_all_orders_in_files(parsed: dict[str, ParsedFile]) -> None:
    keys = {(o.platform, o.order_id) for p in parsed.values() for o in p.orders}
    assert len(keys) == EXPECTED["all_orders_in_files"]


def test_monthly_figures_match_expected(parsed: dict[str, ParsedFile]) -> None:
    catalog = read_table(SAMPLES / "catalog.xlsx")
    code_col = [normalize_header(h) for h in catalog.header].index("商家编码")
    codes = {cells[code_col].strip() for _, cells in catalog.rows()}
    report = monthly_report(parsed.values(), EXPECTED["month"], codes)
    for key in FIGURES:
        assert report[key] == EXPECTED[key], key
    assert report["by_platform"].keys() == EXPECTED["by_platform"].keys()
    for platform, expected in EXPECTED["by_platform"].items():
        for key in FIGURES:
            assert report["by_platform"][platform][key] == expected[key], (platform, key)
    assert report["unknown_code_lines"] == EXPECTED["unknown_code_lines"]
    assert report["all_orders_in_files"] == EXPECTED["all_orders_in_files"]


def _order(parsed: dict[str, ParsedFile], name: str, order_id: str) -> Any:
    return next(o for o in parsed[name].orders if o.order_id == order_id)


def test_taobao_order_file_spot_checks(parsed: dict[str, ParsedFile]) -> None:
    # Row 2: ="2786218520199193598", 229.00, 卖家已发货，等待买家确认, '138****6876, No:ST848087431240
    order = _order(parsed, TB_ORDERS, "2786218520199193598")
    assert order.paid_cents == 22900
    assert order.status is OrderStatus.SHIPPED
    assert order.status_raw == "卖家已发货，等待买家确认"
    assert order.receiver_phone == "138****6876"
    assert order.tracking_no == "ST848087431240"
    assert (order.receiver_province, order.receiver_city, order.receiver_district) == ("浙江省", "杭州市", "西湖区")
    assert (order.receiver_address, order.receiver_zip) == ("文三路148号", "310000")
    assert order.paid_at == datetime(2026, 7, 31, 16, 0, 5, tzinfo=UTC)  # 2026-08-01 00:00:05 China time
    assert order.shop_name == "小林家居旗舰店"
    assert order.source_row == 2
    statuses = {o.status for o in parsed[TB_ORDERS].orders}
    assert statuses == {
        OrderStatus.SHIPPED,
        OrderStatus.PAID,
        OrderStatus.COMPLETED,
        OrderStatus.REFUNDED,
        OrderStatus.CLOSED,
        OrderStatus.PENDING_PAYMENT,
    }
    closed = [o for o in parsed[TB_ORDERS].orders if o.status_raw == "交易关闭"]
    assert {o.status for o in closed if o.paid_at is None} == {OrderStatus.CLOSED}
    assert {o.status for o in closed if o.paid_at is not None} == {OrderStatus.REFUNDED}


def test_taobao_item_file_spot_checks(parsed: dict[str, ParsedFile]) -> None:
    order = _order(parsed, TB_ITEMS, "2786222518677808188")
    assert [i.sub_order_id for i in order.items] == ["2786222518677808189", "2786222518677808190"]
    assert [(i.seller_code, i.qty, i.paid_cents) for i in order.items] == [
        ("LJ-1009-0S", 3, 47700),
        ("LJ-1004-4S", 2, 7800),
    ]
    assert order.paid_cents == 55500  # the order file's 买家实际支付金额 for this order
    nulls = [i for o in parsed[TB_ITEMS].orders for i in o.items if i.seller_code == ""]
    assert len(nulls) == 21  # literal "null" in 商家编码
    refunded = [i for o in parsed[TB_ITEMS].orders for i in o.items if i.refund_state is RefundState.REFUNDED]
    assert len(refunded) == 102
    assert all(i.refund_status_raw == "退款成功" for i in refunded)


def test_jd_spot_checks(parsed: dict[str, ParsedFile]) -> None:
    # Rows 2–3: order 386277118615, 应付金额 298.00 on both rows: counted once.
    order = _order(parsed, "jd_orders.csv", "386277118615")
    assert order.paid_cents == 29800
    assert [(i.seller_code, i.platform_sku_id, i.qty) for i in order.items] == [
        ("LJ-1008-4M", "5059391336", 1),
        ("LJ-1001-4XL", "9335481053", 1),
    ]
    assert order.status is OrderStatus.COMPLETED
    cancelled = [o for o in parsed["jd_orders.csv"].orders if o.status_raw == "已取消"]
    assert {o.status for o in cancelled if o.paid_at} == {OrderStatus.REFUNDED}
    assert {o.status for o in cancelled if not o.paid_at} == {OrderStatus.CLOSED}
    # 商家SKUID empty → 货号
    codes = {i.seller_code for o in parsed["jd_orders.csv"].orders for i in o.items}
    assert "1009" in codes


def test_pdd_spot_checks(parsed: dict[str, ParsedFile]) -> None:
    order = _order(parsed, "pdd_orders.csv", "260731-216766565177693")
    (item,) = order.items
    assert (order.paid_cents, item.qty, item.seller_code) == (9900, 1, "LJ-1006-2S")  # "\t1\t", "LJ-1006-2S\t"
    assert order.status is OrderStatus.SHIPPED
    refunded = [o for o in parsed["pdd_orders.csv"].orders if "退款成功" in o.status_raw]
    assert len(refunded) == 26
    assert all(o.status is OrderStatus.REFUNDED and o.refund_cents is None for o in refunded)


def test_douyin_spot_checks(parsed: dict[str, ParsedFile]) -> None:
    order = _order(parsed, "douyin_orders.csv", "6900221694608993659")
    assert order.paid_cents == 52540 + 40060  # sum of 订单应付金额 over the order's rows
    assert order.shipping_cents == 600  # repeated on both rows, taken once
    assert [i.sub_order_id for i in order.items] == ["6900221694608993660", "6900221694608993661"]
    refunded = [o for o in parsed["douyin_orders.csv"].orders if o.status is OrderStatus.REFUNDED]
    assert len(refunded) == 19
    assert all(all(i.refund_state is RefundState.REFUNDED for i in o.items) for o in refunded)
