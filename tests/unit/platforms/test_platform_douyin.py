"""Douyin: 商品维度 and 订单维度 exports, dates with - or /, thousands separators, ' and TAB in ids,
订单应付金额 summed per order, and 售后状态 as a per-line refund overlay."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from exportfiles import DY_LINES, DY_ORDERS, cols, write_csv

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.domain.records import FileKind
from sellerdesk.platforms import detect_path, parse_file


def _line(order_id: str, sub_id: str, payable: str, **values: str) -> dict[str, str]:
    base = {
        "主订单编号": order_id,
        "子订单编号": sub_id,
        "选购商品": "小林家居 纯棉四件套",
        "商品规格": "蓝色;XL",
        "商品数量": "1",
        "商品ID": "9769865255431114075",
        "商家编码": "LJ-1001-4XL",
        "商品单价": "174.00",
        "订单应付金额": payable,
        "运费": "6.00",
        "优惠总金额": "0.00",
        "收件人": "李**",
        "省": "广东省",
        "市": "深圳市",
        "区": "南山区",
        "街道": "某街道",
        "详细地址": "***",
        "订单提交时间": "2026-07-31 23:53:05",
        "支付完成时间": "2026-08-01 00:00:05",
        "订单状态": "已完成",
        "售后状态": "-",
    }
    return {**base, **values}


def test_item_dimension(tmp_path: Path) -> None:
    rows = [
        _line("6900221694608993659", "6900221694608993660", "525.40", 商品数量="3"),
        _line("6900221694608993659", "6900221694608993661", "400.60", 商品数量="2"),
        _line("6900368113977043205", "6900368113977043205", "238.00", 运费="0.00"),
    ]
    path = write_csv(tmp_path / "douyin_orders.csv", DY_LINES, rows, encoding="utf-8")
    detection = detect_path(path)
    assert (detection.platform, detection.kind, detection.generation) == (
        Platform.DOUYIN,
        FileKind.ORDER_LINES,
        "商品维度",
    )
    parsed = parse_file(path)
    assert parsed.problems == []
    first, second = parsed.orders
    assert first.paid_cents == 92600  # 525.40 + 400.60: summed over the order's rows
    assert first.shipping_cents == 600  # repeated on each row, taken once
    assert [(i.sub_order_id, i.qty, i.paid_cents) for i in first.items] == [
        ("6900221694608993660", 3, 52540),
        ("6900221694608993661", 2, 40060),
    ]
    assert (first.status, first.receiver_address) == (OrderStatus.COMPLETED, "某街道 ***")
    assert second.paid_cents == 23800


def test_order_dimension_slash_dates_and_thousands(tmp_path: Path) -> None:
    values = _line(
        "'6900221694608993659", "", "\t1,299.00\t", 支付完成时间="2026/8/1 0:00", 订单提交时间="2026/7/31 23:53"
    )
    del values["子订单编号"]
    path = write_csv(tmp_path / "抖店订单.csv", DY_ORDERS, [values], encoding="utf-8")
    detection = detect_path(path)
    assert (detection.kind, detection.generation) == (FileKind.ORDERS, "订单维度")
    (order,) = parse_file(path).orders
    assert order.order_id == "6900221694608993659"
    assert order.paid_cents == 129900
    assert order.paid_at == datetime(2026, 7, 31, 16, 0, tzinfo=UTC)
    assert [i.sub_order_id for i in order.items] == ["6900221694608993659"]


def test_aftersale_refund_overlay(tmp_path: Path) -> None:
    rows = [
        # closed after payment, both lines refunded: the order is refunded
        _line("1", "11", "100.00", 订单状态="已关闭", 售后状态="退款成功"),
        _line("1", "12", "50.00", 订单状态="已关闭", 售后状态="退款成功"),
        # one line refunded after completion: the order stays completed, the line is refunded
        _line("2", "21", "80.00", 售后状态="退款成功"),
        _line("2", "22", "20.00", 售后状态="售后中"),
        # closed without payment
        _line("3", "31", "10.00", 订单状态="已关闭", 支付完成时间="", 取消原因="超时未支付"),
    ]
    orders = parse_file(write_csv(tmp_path / "d.csv", DY_LINES, rows, encoding="utf-8")).orders
    assert [(o.status, o.refund_state, o.refund_cents) for o in orders] == [
        (OrderStatus.REFUNDED, RefundState.REFUNDED, None),  # no amount in the file: the service sums lines
        (OrderStatus.COMPLETED, RefundState.REFUNDING, None),
        (OrderStatus.CLOSED, RefundState.NONE, None),
    ]
    assert [(i.status, i.refund_state) for i in orders[1].items] == [
        (OrderStatus.REFUNDED, RefundState.REFUNDED),
        (OrderStatus.COMPLETED, RefundState.REFUNDING),
    ]
    assert orders[2].close_reason == "超时未支付"


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("待支付", OrderStatus.PENDING_PAYMENT),
        ("待确认", OrderStatus.PENDING_PAYMENT),
        ("备货中", OrderStatus.PAID),
        ("部分发货", OrderStatus.SHIPPED),
        ("已发货", OrderStatus.SHIPPED),
        ("已完成", OrderStatus.COMPLETED),
        ("已关闭", OrderStatus.CLOSED),
        ("已取消", OrderStatus.CLOSED),
    ],
)
def test_statuses(tmp_path: Path, raw: str, status: OrderStatus) -> None:
    (order,) = parse_file(write_csv(tmp_path / "d.csv", DY_LINES, [_line("1", "1", "1.00", 订单状态=raw)])).orders
    assert order.status is status


def test_custom_export_with_logistics_cell_and_item_number(tmp_path: Path) -> None:
    header = cols(
        "主订单编号|子订单编号|选购商品|商品数量|商家编码|货号|订单应付金额|支付完成时间|订单状态|售后状态|快递信息"
    )
    row = {
        "主订单编号": "\t7000000000000000001\t",
        "子订单编号": "7000000000000000002",
        "选购商品": "A",
        "商品数量": "1",
        "商家编码": "",
        "货号": "H-1",
        "订单应付金额": "9.90",
        "支付完成时间": "2026-08-03 10:00:00",
        "订单状态": "已发货",
        "售后状态": "",
        "快递信息": "中通快递 75312345678901",
    }
    (order,) = parse_file(write_csv(tmp_path / "d.csv", header, [row], encoding="utf-8")).orders
    assert (order.order_id, order.carrier, order.tracking_no) == ("7000000000000000001", "中通快递", "75312345678901")
    assert order.items[0].seller_code == "H-1"  # 商家编码 empty → 货号


# --- a file without 支付完成时间 --------------------------------------------------------------------------


def _without_paid_time(tmp_path: Path) -> Path:
    header = [h for h in DY_LINES if h != "支付完成时间"] + ["平台优惠", "商家优惠"]
    rows = [
        _line("6900000000000000001", "6900000000000000011", "238.00"),  # 已完成: paid
        _line("6900000000000000002", "6900000000000000012", "99.00", 订单状态="待支付"),
        _line(
            "6900000000000000003", "6900000000000000013", "99.00", 订单状态="已关闭", 取消原因="用户超时未支付自动取消"
        ),
        _line("6900000000000000004", "6900000000000000014", "120.00", 订单状态="已关闭", 售后状态="退款成功"),
    ]
    for values in rows:
        del values["支付完成时间"]
        values |= {"平台优惠": "平台大促限时优惠券-25.35", "商家优惠": "-"}  # text, never money
    return write_csv(tmp_path / "douyin_custom.csv", header, rows, encoding="utf-8")


def test_without_paid_time_the_order_time_is_offered_not_taken(tmp_path: Path) -> None:
    path = _without_paid_time(tmp_path)
    assert not detect_path(path).importable
    with pytest.raises(ImportFileError) as info:
        parse_file(path)
    assert (info.value.code, info.value.params["columns"], info.value.params["fallbacks"]) == (
        "fallback_unconfirmed",
        ["支付完成时间"],
        ["订单提交时间"],
    )


def test_without_paid_time_accepted_only_orders_showing_a_payment_are_paid(tmp_path: Path) -> None:
    parsed = parse_file(_without_paid_time(tmp_path), accept_fallbacks=True)
    assert parsed.problems == []
    (note,) = parsed.notes
    assert (note.code, note.column, note.stand_in) == ("fallback_column", "支付完成时间", "订单提交时间")
    placed = datetime(2026, 7, 31, 15, 53, 5, tzinfo=UTC)
    assert [(o.status, o.paid_at, o.paid_cents) for o in parsed.orders] == [
        (OrderStatus.COMPLETED, placed, 23800),
        (OrderStatus.PENDING_PAYMENT, None, 9900),  # waiting for payment: no sale
        (OrderStatus.CLOSED, None, 9900),  # closed without a refund: never paid
        (OrderStatus.REFUNDED, placed, 12000),  # closed after a refund: it was paid
    ]


def test_amounts_statement_and_text_discounts() -> None:
    from sellerdesk.platforms.douyin.parser import AMOUNT_COLUMNS, DOUYIN_ALIASES
    from sellerdesk.sheets.cleaning import normalize_header

    stated = {normalize_header(row.column) for row in AMOUNT_COLUMNS}
    for name in ("price", "payable", "shipping", "discount"):
        assert set(DOUYIN_ALIASES[name]) <= stated
    read = {alias for names in DOUYIN_ALIASES.values() for alias in names}
    assert not read & {"平台优惠", "商家优惠", "达人优惠"}  # discount texts like 平台大促限时优惠券-25.35


def test_a_line_listed_twice_counts_once_and_a_changed_repeat_is_a_problem(tmp_path: Path) -> None:
    """Found by the fuzz run: a repeated 子订单编号 reached the database's one-line-per-id constraint."""
    line = _line("6900221694608993659", "6900221694608993660", "525.40", 商品数量="3")
    other = _line("6900221694608993659", "6900221694608993661", "400.60", 商品数量="2")
    repeated = parse_file(write_csv(tmp_path / "douyin_orders.csv", DY_LINES, [line, other, line], encoding="utf-8"))
    assert repeated.problems == []
    (order,) = repeated.orders
    assert [i.sub_order_id for i in order.items] == ["6900221694608993660", "6900221694608993661"]
    assert sum(i.qty for i in order.items) == 5

    changed = {**line, "商品数量": "4"}
    path = write_csv(tmp_path / "douyin_changed.csv", DY_LINES, [line, other, changed], encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.orders == []  # which of the two lines is right cannot be told: the order is left out
    assert [p.code for p in parsed.problems][:1] == ["duplicate_line"]
    assert parsed.problems[0].row == 4
