"""Pinduoduo: both seller-code column names, full-width parentheses, a leading-space header, TAB cells,
YYMMDD-… ids, "…，退款成功" statuses, 退款金额(元), the after-sale overlay and the after-sales export."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from exportfiles import PDD_2023, PDD_AFTERSALES, PDD_NEW, PDD_OLD, write_csv, write_xlsx

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.records import FileKind
from sellerdesk.platforms import detect_path, parse_file


def _order(order_id: str = "260731-216766565177693", **values: str) -> dict[str, str]:
    base = {
        "商品": "小林家居 竹纤维毛巾",
        "订单号": order_id,
        "订单状态": "已发货，待签收",
        "商品总价(元)": "104.00",
        "店铺优惠折扣(元)": "5.00",
        "平台优惠折扣(元)": "0",
        "邮费(元)": "0.00",
        "用户实付金额(元)": "99.00",
        "商家实收金额(元)": "99.00",
        "商品数量(件)": "\t2\t",
        "支付时间": "\t2026-08-01 00:00:05",
        "拼单成功时间": "2026-08-01 00:00:05",
        "商品id": "96332662950",
        "商品规格": "灰色,S",
        "用户购买手机号": "\t",
        "样式ID": "5197958906",
        "商家编码-规格维度": "LJ-1006-2S\t",
        "商家编码-商品维度": "1006",
        "快递单号": "YT577498870779",
        "快递公司": "圆通速递",
        "省": "****",
        "市": "深圳市",
        "区": "南山区",
        "街道": "某街道",
        "售后状态": "无售后或售后取消",
    }
    return {**base, **values}


def test_current_export_with_tabs(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "orders_export.csv", PDD_NEW, [_order()], encoding="utf-8-sig")
    detection = detect_path(path)
    assert (detection.platform, detection.kind, detection.generation) == (Platform.PDD, FileKind.ORDERS, "规格维度")
    parsed = parse_file(path)
    assert parsed.problems == []
    (order,) = parsed.orders
    (item,) = order.items
    assert order.order_id == item.sub_order_id == "260731-216766565177693"
    assert (order.paid_cents, order.goods_cents, order.discount_cents, order.shipping_cents) == (9900, 10400, 500, 0)
    assert (item.qty, item.seller_code, item.platform_sku_id, item.unit_price_cents) == (
        2,
        "LJ-1006-2S",
        "5197958906",
        5200,
    )
    assert order.paid_at == datetime(2026, 7, 31, 16, 0, 5, tzinfo=UTC)
    assert (order.status, order.refund_state, order.refund_cents) == (OrderStatus.SHIPPED, RefundState.NONE, None)
    assert order.receiver_province == "****"  # masked: kept as opaque text
    assert (order.carrier, order.tracking_no) == ("圆通速递", "YT577498870779")


def test_older_export_full_width_parentheses_and_leading_space(tmp_path: Path) -> None:
    assert " 用户购买手机号" in PDD_OLD and "用户实付金额（元）" in PDD_OLD
    values = {k.replace("(", "（").replace(")", "）"): v for k, v in _order().items() if k != "商家编码-规格维度"}
    values.update({"商家编码-SKU维度": "\tLJ-1006-2S\t", "收货人": "张**", "手机": "138****0000"})
    path = write_csv(tmp_path / "pdd.csv", PDD_OLD, [values], encoding="utf-8-sig")
    detection = detect_path(path)
    assert (detection.platform, detection.generation) == (Platform.PDD, "SKU维度")
    (order,) = parse_file(path).orders
    assert (order.paid_cents, order.items[0].qty, order.items[0].seller_code) == (9900, 2, "LJ-1006-2S")
    assert (order.receiver_name, order.receiver_phone) == ("张**", "138****0000")


def test_2023_export_with_refund_amount(tmp_path: Path) -> None:
    values = {k: v for k, v in _order().items() if k in PDD_2023}
    values.update(
        {"订单状态": "已签收，退款成功", "支付时间": "", "订单成交时间": "2026-08-02 10:00:00", "退款金额(元)": "30.00"}
    )
    values.update({"多多支付立减金额(元)": "1.00", "街道/镇": "某镇"})
    parsed = parse_file(write_csv(tmp_path / "pdd.csv", PDD_2023, [values], encoding="utf-8-sig"))
    (order,) = parsed.orders
    assert order.paid_at == datetime(2026, 8, 2, 2, 0, tzinfo=UTC)  # 订单成交时间 when 支付时间 is blank
    assert (order.status, order.refund_cents, order.refund_state) == (
        OrderStatus.REFUNDED,
        3000,
        RefundState.REFUNDED,
    )
    # 多多支付立减金额 is not taken off 用户实付金额 (AMOUNT_COLUMNS), so it is no discount of the order's
    assert (order.discount_cents, order.receiver_address) == (500, "某镇")


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("待支付", OrderStatus.PENDING_PAYMENT),
        ("待发货", OrderStatus.PAID),
        ("已发货，待签收", OrderStatus.SHIPPED),
        ("已发货，待收货", OrderStatus.SHIPPED),
        ("已签收", OrderStatus.COMPLETED),
        ("已收货", OrderStatus.COMPLETED),
        ("已取消", OrderStatus.CLOSED),
        ("未发货，退款成功", OrderStatus.REFUNDED),
        ("已发货，退款成功", OrderStatus.REFUNDED),
        ("已签收，退款成功", OrderStatus.REFUNDED),
        ("已取消，退款成功", OrderStatus.REFUNDED),
    ],
)
def test_statuses(tmp_path: Path, raw: str, status: OrderStatus) -> None:
    (order,) = parse_file(write_csv(tmp_path / "p.csv", PDD_NEW, [_order(订单状态=raw)], encoding="utf-8-sig")).orders
    assert order.status is status
    if status is OrderStatus.REFUNDED:
        assert order.refund_cents is None  # no amount: the service takes the order's paid amount
        assert order.items[0].status is OrderStatus.REFUNDED


@pytest.mark.parametrize(
    ("raw", "state"),
    [
        ("无售后或售后取消", RefundState.NONE),
        ("退款成功", RefundState.REFUNDED),
        ("买家撤销", RefundState.NONE),
        ("售后取消，退款失败", RefundState.NONE),
        ("换货成功", RefundState.NONE),
        ("售后处理中", RefundState.REFUNDING),
        ("商家同意退货退款，待买家发货", RefundState.REFUNDING),
        ("用户已发货，待商家处理", RefundState.REFUNDING),
        ("", RefundState.NONE),
    ],
)
def test_aftersale_overlay(tmp_path: Path, raw: str, state: RefundState) -> None:
    path = write_csv(tmp_path / "p.csv", PDD_NEW, [_order(订单状态="已签收", 售后状态=raw)], encoding="utf-8-sig")
    (order,) = parse_file(path).orders
    assert (order.refund_state, order.items[0].refund_state, order.items[0].refund_status_raw) == (state, state, raw)
    assert order.status is OrderStatus.COMPLETED  # the overlay does not change the trade status


def test_duplicate_rows(tmp_path: Path) -> None:
    rows = [_order(), _order(), _order("260731-2", 订单状态="待发货"), _order("260731-2", 订单状态="已签收")]
    parsed = parse_file(write_csv(tmp_path / "p.csv", PDD_NEW, rows, encoding="utf-8-sig"))
    assert [o.order_id for o in parsed.orders] == ["260731-216766565177693", "260731-2"]  # exact repeat dropped
    assert [(p.row, p.code) for p in parsed.problems] == [(5, "duplicate_order")]
    assert parsed.bad_rows == {5}


def test_text_in_a_money_column(tmp_path: Path) -> None:
    rows = [_order(), _order("260731-3", **{"用户实付金额(元)": "九十九"})]
    parsed = parse_file(write_csv(tmp_path / "pdd_orders.csv", PDD_NEW, rows, encoding="utf-8-sig"))
    assert [o.order_id for o in parsed.orders] == ["260731-216766565177693"]
    (problem,) = parsed.problems
    assert (problem.file, problem.row, problem.column, problem.value, problem.code) == (
        "pdd_orders.csv",
        3,
        "用户实付金额(元)",
        "九十九",
        "bad_money",
    )
    assert parsed.bad_rows == {3}


def test_bad_date_missing_id_and_bad_qty(tmp_path: Path) -> None:
    rows = [
        _order("260731-4", 支付时间="2026-02-30 10:00:00"),
        _order("\t"),
        _order("260731-5", **{"商品数量(件)": "1.5"}),
    ]
    parsed = parse_file(write_csv(tmp_path / "p.csv", PDD_NEW, rows, encoding="utf-8-sig"))
    assert parsed.orders == []
    assert [(p.row, p.column, p.code) for p in parsed.problems] == [
        (2, "支付时间", "bad_date"),
        (3, "订单号", "missing_value"),
        (4, "商品数量(件)", "bad_qty"),
    ]


def test_xlsx_with_leading_space_header(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "拼多多订单数据.xlsx", PDD_OLD, [{"商品": "A", **{
        "订单号": "260801-1", "订单状态": "待发货", "用户实付金额（元）": 12.5, "商品数量（件）": 1,
        "支付时间": datetime(2026, 8, 1, 8, 0), "商家编码-SKU维度": "A-1", " 用户购买手机号": "\t"}}])  # fmt: skip
    parsed = parse_file(path)
    assert parsed.problems == []
    (order,) = parsed.orders
    assert (order.paid_cents, order.paid_at, order.items[0].seller_code) == (
        1250,
        datetime(2026, 8, 1, 0, 0, tzinfo=UTC),
        "A-1",
    )


def test_aftersales_export(tmp_path: Path) -> None:
    rows = [
        {"售后编号": "1001", "订单编号": "260731-216766565177693", "售后类型": "退货退款", "售后状态": "退款成功",
         "订单状态": "已签收", "申请时间": "2026-08-05 10:00:00", "同意退款时间": "2026-08-06 10:00:00",
         "退款金额(元)": "99.00", "商家编码": "LJ-1006-2S"},
        {"售后编号": "1002", "订单编号": "260731-2", "售后类型": "仅退款", "售后状态": "用户已发货，待商家处理"},
    ]  # fmt: skip
    path = write_csv(tmp_path / "售后列表.csv", PDD_AFTERSALES, rows, encoding="utf-8-sig")
    assert (detect_path(path).platform, detect_path(path).kind) == (Platform.PDD, FileKind.REFUNDS)
    parsed = parse_file(path)
    assert parsed.problems == []
    done, open_case = parsed.refunds
    assert (done.refund_id, done.order_id, done.amount_cents, done.state, done.kind) == (
        "1001",
        "260731-216766565177693",
        9900,
        RefundState.REFUNDED,
        "退货退款",
    )
    assert done.finished_at == datetime(2026, 8, 6, 2, 0, tzinfo=UTC)
    assert open_case.state is RefundState.REFUNDING
