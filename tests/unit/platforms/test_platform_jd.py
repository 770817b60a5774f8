"""JD: one row per SKU line with order columns repeated; (删除)/(锁定) prefixes; CSV (GBK) and xlsx."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from exportfiles import JD_BASE, JD_LATER, write_csv, write_xlsx

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.records import FileKind
from sellerdesk.platforms import detect_path, parse_file


def _line(order_id: str, sku: str, qty: str = "1", **values: str) -> dict[str, str]:
    base = {
        "订单号": order_id,
        "商品ID": sku,
        "商品名称": f"商品{sku}",
        "订购数量": qty,
        "支付方式": "在线支付",
        "下单时间": "2026-08-01 09:00:00",
        "京东价": "129.00",
        "订单金额": "",  # checked against the lines where a test sets it (test_goods_*)
        "结算金额": "298.00",
        "余额支付": "0.00",
        "应付金额": "298.00",
        "订单状态": "完成",
        "下单帐号": "jd_a**2",
        "客户姓名": "王**",
        "客户地址": "广东省 深圳市 南山区某路1号",
        "联系电话": "188****0000",
        "运费金额": "0.00",
        "付款确认时间": "2026-08-01 09:01:00",
        "货号": "1008",
        "订单完成时间": "2026-08-07 12:00:05",
    }
    return {**base, **values}


def test_base_columns_gbk_csv(tmp_path: Path) -> None:
    rows = [_line("386277118615", "5059391336"), _line("386277118615", "9335481053", "2", 货号="1001")]
    path = write_csv(tmp_path / "jd.csv", JD_BASE, rows, encoding="gbk")
    detection = detect_path(path)
    assert (detection.platform, detection.kind, detection.generation) == (Platform.JD, FileKind.ORDER_LINES, "货号")
    parsed = parse_file(path)
    assert parsed.problems == []
    (order,) = parsed.orders
    assert order.paid_cents == 29800  # 应付金额 once per order, not per row
    assert order.status is OrderStatus.COMPLETED
    assert order.paid_at == datetime(2026, 8, 1, 1, 1, tzinfo=UTC)
    assert [(i.sub_order_id, i.platform_sku_id, i.qty, i.seller_code) for i in order.items] == [
        ("386277118615#5059391336", "5059391336", 1, "1008"),
        ("386277118615#9335481053", "9335481053", 2, "1001"),
    ]
    assert order.items[0].status is None  # JD reports status per order


def test_seller_sku_id_preferred_over_item_number(tmp_path: Path) -> None:
    rows = [_line("1", "11", 商家SKUID="LJ-1008-4M"), _line("1", "12", 商家SKUID="")]
    (order,) = parse_file(write_csv(tmp_path / "jd.csv", JD_LATER, rows)).orders
    assert [i.seller_code for i in order.items] == ["LJ-1008-4M", "1008"]


@pytest.mark.parametrize(
    ("raw", "paid", "status", "locked", "deleted", "refund_state"),
    [
        ("等待付款", False, OrderStatus.PENDING_PAYMENT, False, False, RefundState.NONE),
        ("等待出库", True, OrderStatus.PAID, False, False, RefundState.NONE),
        ("等待确认收货", True, OrderStatus.SHIPPED, False, False, RefundState.NONE),
        ("完成", True, OrderStatus.COMPLETED, False, False, RefundState.NONE),
        ("已取消", False, OrderStatus.CLOSED, False, False, RefundState.NONE),
        ("已取消", True, OrderStatus.REFUNDED, False, False, RefundState.REFUNDED),  # cancelled after payment
        ("(锁定)等待出库", True, OrderStatus.PAID, True, False, RefundState.REFUNDING),
        ("(锁定)等待确认收货", True, OrderStatus.SHIPPED, True, False, RefundState.NONE),
        ("锁定", True, OrderStatus.REFUNDING, True, False, RefundState.REFUNDING),
        ("(删除)等待出库", True, OrderStatus.PAID, False, True, RefundState.NONE),
        ("(删除)等待付款", False, OrderStatus.PENDING_PAYMENT, False, True, RefundState.NONE),
        ("（删除）等待确认收货", True, OrderStatus.SHIPPED, False, True, RefundState.NONE),
        ("(删除)(锁定)等待出库", True, OrderStatus.PAID, True, True, RefundState.REFUNDING),
    ],
)
def test_statuses_and_prefixes(
    tmp_path: Path,
    raw: str,
    paid: bool,
    status: OrderStatus,
    locked: bool,
    deleted: bool,
    refund_state: RefundState,
) -> None:
    row = _line("1", "11", 订单状态=raw, 付款确认时间="2026-08-01 09:01:00" if paid else "")
    (order,) = parse_file(write_csv(tmp_path / "jd.csv", JD_BASE, [row])).orders
    assert (order.status, order.locked, order.deleted, order.refund_state) == (status, locked, deleted, refund_state)
    assert order.status_raw == raw
    assert order.refund_cents is None  # JD gives no refund amount: the service uses 应付金额


def test_cells_with_line_breaks_and_tabs(tmp_path: Path) -> None:
    row = _line("1", "11", "\t2\r\n", 订单状态="\r\n完成\t", 应付金额="\t258.00\t")
    (order,) = parse_file(write_csv(tmp_path / "jd.csv", JD_BASE, [row])).orders
    assert (order.status, order.paid_cents, order.items[0].qty) == (OrderStatus.COMPLETED, 25800, 2)


def test_repeated_sku_gets_numbered_line_ids(tmp_path: Path) -> None:
    rows = [_line("1", "11"), _line("1", "11", 京东价="0.00")]  # e.g. a gift of the same SKU
    (order,) = parse_file(write_csv(tmp_path / "jd.csv", JD_BASE, rows)).orders
    assert [i.sub_order_id for i in order.items] == ["1#11", "1#11#2"]


def test_xlsx_form(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {**_line("386277118615", "5059391336"), "商家SKUID": "LJ-1008-4M"},
        {**_line("399294932261", "7040467481"), "订单号": 399294932261, "订购数量": 2, "应付金额": 970.0},
    ]
    path = write_xlsx(tmp_path / "京东订单.xlsx", JD_LATER, rows)
    detection = detect_path(path)
    assert (detection.platform, detection.kind) == (Platform.JD, FileKind.ORDER_LINES)
    parsed = parse_file(path)
    assert parsed.problems == []
    assert [(o.order_id, o.paid_cents, o.items[0].qty) for o in parsed.orders] == [
        ("386277118615", 29800, 1),
        ("399294932261", 97000, 2),  # numbers in xlsx cells come back as exact text
    ]


def test_a_bad_row_leaves_its_whole_order_out(tmp_path: Path) -> None:
    rows = [_line("1", "11"), _line("1", "12", "两"), _line("2", "21")]
    parsed = parse_file(write_csv(tmp_path / "jd.csv", JD_BASE, rows))
    assert [o.order_id for o in parsed.orders] == ["2"]
    assert parsed.bad_rows == {2, 3}
    assert [(p.row, p.code, p.column, p.value) for p in parsed.problems] == [
        (3, "bad_qty", "订购数量", "两"),
        (2, "order_incomplete", "", "1"),
    ]


# --- 订单金额 against the lines -------------------------------------------------------------------------


def test_goods_stored_when_they_match_the_lines(tmp_path: Path) -> None:
    rows = [
        _line("1", "11", 订单金额="387.00", 京东价="129.00"),
        _line("1", "12", "2", 订单金额="387.00", 京东价="129.00"),
        # 订单金额 with the shipping counted in (as the sample files): the goods are the lines
        _line("2", "21", 订单金额="135.00", 京东价="129.00", 运费金额="6.00", 应付金额="130.00"),
    ]
    first, second = parse_file(write_csv(tmp_path / "jd.csv", JD_BASE, rows, encoding="gbk")).orders
    assert (first.goods_cents, first.paid_cents) == (38700, 29800)  # paid stays 应付金额
    assert (second.goods_cents, second.shipping_cents, second.paid_cents) == (12900, 600, 13000)


def test_goods_not_matching_the_lines_are_a_problem(tmp_path: Path) -> None:
    # the real 2015 row of platform-formats.md §2.x: 京东价 758.00, 订单金额 1097.00 (an order split in two)
    rows = [
        _line("11729300000", "1953800000", 订单金额="1097.00", 京东价="758.00", 应付金额="932.45"),
        _line("2", "21", 订单金额="129.00"),
    ]
    parsed = parse_file(write_csv(tmp_path / "jd.csv", JD_BASE, rows, encoding="gbk"))
    assert [o.order_id for o in parsed.orders] == ["2"]
    (problem,) = parsed.problems
    assert (problem.row, problem.column, problem.value, problem.code) == (
        2,
        "订单金额",
        "1097.00 ≠ 758.00",
        "amounts_disagree",
    )
    assert parsed.bad_rows == {2}


def test_amounts_statement_covers_every_money_field() -> None:
    from sellerdesk.platforms.jd.parser import AMOUNT_COLUMNS, JD_ALIASES

    stated = {row.column for row in AMOUNT_COLUMNS}
    assert {JD_ALIASES[name][0] for name in ("price", "goods", "paid", "shipping")} <= stated
