"""Taobao / Tmall: order-file generations L1–L4, item-file generations D1–D3, the refund export, and the
quirks of platform-formats.md §1 (="…" ids, ' phones, No: tracking, 元, null, trailing-space headers)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from exportfiles import TB_D1, TB_D2, TB_D3, TB_L1, TB_L2, TB_L3, TB_L4, TB_REFUNDS, write_csv, write_xlsx

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.records import FileKind
from sellerdesk.platforms import detect_path, parse_file

PAID = {
    "订单编号": '="2786218520199193598"',
    "买家会员名": "t***2",
    "买家应付货款": "128.00",
    "买家应付邮费": "0.00",
    "总金额": "118.00",  # gross paid (until 2025): the net below + 退款金额
    "买家实际支付金额": "118.00",  # what stays paid after refunds
    "订单状态": "卖家已发货，等待买家确认",
    "收货人姓名": "张**",
    "收货地址": "浙江省 杭州市 西湖区 文三路1号(310000)",
    "联系手机": "'138****1234",
    "订单创建时间": "2026-08-01 10:11:12",
    "订单付款时间": "2026-08-01 10:12:00",
    "宝贝标题": "A款T恤，B款短裤",
    "宝贝种类": "2",
    "物流单号": "No:YT1234567890123",
    "物流公司": "圆通速递",
}
UNPAID_CLOSED = {
    "订单编号": '="2786218520199193599"',
    "买家实际支付金额": "59.00",
    "订单状态": "交易关闭",
    "订单创建时间": "2026-08-02 09:00:00",
    "订单付款时间": "",
}
PAID_CLOSED = {
    "订单编号": '="2786218520199193600"',
    "买家实际支付金额": "0.00",  # fully refunded: nothing stays paid
    "订单状态": "交易关闭",
    "订单创建时间": "2026-08-03 09:00:00",
    "订单付款时间": "2026-08-03 09:01:00",
}


def _later(values: dict[str, str], **extra: str) -> dict[str, str]:
    return {**values, **extra}


@pytest.mark.parametrize(
    ("header", "generation", "extra"),
    [
        (TB_L1, "L1", {}),
        (TB_L2, "L2", {"退款金额": "0.00", "打款商家金额": "118.00元", "店铺名称": "小林家居旗舰店"}),
        (TB_L3, "L3", {"支付单号": "2026080122001", "退款金额": "0.00"}),
        (TB_L4, "L4", {"主订单编号": "2786218520199193598", "发货时间": "null", "商家备忘": "加急"}),
    ],
)
def test_order_file_generations(tmp_path: Path, header: list[str], generation: str, extra: dict[str, str]) -> None:
    path = write_csv(tmp_path / "ExportOrderList202608020915.csv", header, [_later(PAID, **extra)])
    detection = detect_path(path)
    assert (detection.platform, detection.kind, detection.generation) == (
        Platform.TAOBAO,
        FileKind.TAOBAO_ORDERS,
        generation,
    )
    parsed = parse_file(path)
    assert parsed.problems == []
    (order,) = parsed.orders
    assert order.order_id == "2786218520199193598"
    assert (order.paid_cents, order.goods_cents, order.shipping_cents) == (11800, 12800, 0)
    assert order.status is OrderStatus.SHIPPED
    assert order.paid_at == datetime(2026, 8, 1, 2, 12, tzinfo=UTC)
    assert order.receiver_phone == "138****1234"
    assert (order.carrier, order.tracking_no) == ("圆通速递", "YT1234567890123")
    assert (order.receiver_province, order.receiver_city, order.receiver_district) == ("浙江省", "杭州市", "西湖区")
    assert (order.receiver_address, order.receiver_zip) == ("文三路1号", "310000")
    assert order.items == []  # lines come from the item file
    assert order.shipped_at is None  # L4 writes a literal null
    if generation == "L4":
        assert order.seller_memo == "加急"
    if generation == "L2":
        assert parsed.shop_name == "小林家居旗舰店"


def test_l2_trailing_space_headers_are_read(tmp_path: Path) -> None:
    assert "收货地址 " in TB_L2 and "订单付款时间 " in TB_L2
    path = write_csv(tmp_path / "orders.csv", TB_L2, [PAID])  # no file-name hint
    assert detect_path(path).kind is FileKind.TAOBAO_ORDERS
    (order,) = parse_file(path).orders
    assert order.paid_at is not None and order.receiver_city == "杭州市" and order.tracking_no == "YT1234567890123"


def test_modified_address_wins(tmp_path: Path) -> None:
    row = _later(PAID, 修改后的收货地址="上海 上海市 浦东新区 世纪大道1号(200120)")
    (order,) = parse_file(write_csv(tmp_path / "ExportOrderList1.csv", TB_L2, [row])).orders
    assert (order.receiver_city, order.receiver_address, order.receiver_zip) == ("上海市", "世纪大道1号", "200120")


def test_closed_orders_and_refund_amounts(tmp_path: Path) -> None:
    rows = [
        _later(UNPAID_CLOSED, 订单关闭原因="买家未付款", 退款金额="0.00"),
        _later(PAID_CLOSED, 订单关闭原因="退款", 退款金额="88.00"),
        _later(PAID_CLOSED, 订单编号='="2786218520199193601"', 退款金额="0.00"),  # no amount: service derives
        _later(PAID, 订单状态="交易成功", 买家实际支付金额="77.07", 退款金额="40.93"),  # partial refund
    ]
    orders = parse_file(write_csv(tmp_path / "ExportOrderList1.csv", TB_L2, rows)).orders
    assert [(o.status, o.refund_cents, o.refund_state) for o in orders] == [
        (OrderStatus.CLOSED, 0, RefundState.NONE),
        (OrderStatus.REFUNDED, 8800, RefundState.REFUNDED),
        (OrderStatus.REFUNDED, None, RefundState.REFUNDED),
        (OrderStatus.COMPLETED, 4093, RefundState.REFUNDED),
    ]
    assert orders[0].close_reason == "买家未付款"


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("等待买家付款", OrderStatus.PENDING_PAYMENT),
        ("没有创建支付宝交易", OrderStatus.PENDING_PAYMENT),
        ("买家已付款，等待卖家发货", OrderStatus.PAID),
        ("等待卖家发货,即:买家已付款", OrderStatus.PAID),
        ("卖家部分发货", OrderStatus.SHIPPED),
        ("卖家已发货，等待买家确认", OrderStatus.SHIPPED),
        ("买家已签收", OrderStatus.SHIPPED),
        ("交易成功", OrderStatus.COMPLETED),
        ("国际信用卡支付付款确认中", OrderStatus.PENDING_PAYMENT),
    ],
)
def test_status_texts(tmp_path: Path, raw: str, status: OrderStatus) -> None:
    (order,) = parse_file(write_csv(tmp_path / "ExportOrderList1.csv", TB_L1, [_later(PAID, 订单状态=raw)])).orders
    assert (order.status, order.status_raw) == (status, raw)


def test_d1_item_file_synthesizes_line_ids(tmp_path: Path) -> None:
    first = {"订单编号": '="2786218520199193598"', "订单状态": "交易成功"}
    rows = [
        {**first, "标题": "A款T恤", "价格": "59.00", "购买数量": "1", "商家编码": "A1001-XL"}
        | {"商品属性": "颜色分类：白色;尺码：XL"},
        {**first, "标题": "B款短裤", "价格": "30.00", "购买数量": "2", "商家编码": "null", "外部系统编号": "B2002"},
        {"订单编号": '="2786218520199193700"', "标题": "C款", "价格": "10.00", "购买数量": "1", "订单状态": "交易关闭"}
        | {"商家编码": "null"},
    ]
    path = write_csv(tmp_path / "ExportOrderDetailList202608020915.csv", TB_D1, rows)
    detection = detect_path(path)
    assert (detection.kind, detection.generation) == (FileKind.TAOBAO_ITEMS, "D1")
    parsed = parse_file(path)
    assert parsed.problems == []
    first, second = parsed.orders
    assert [i.sub_order_id for i in first.items] == ["2786218520199193598#1", "2786218520199193598#2"]
    assert [i.seller_code for i in first.items] == ["A1001-XL", "B2002"]  # null → 外部系统编号
    assert [(i.qty, i.unit_price_cents) for i in first.items] == [(1, 5900), (2, 3000)]
    assert first.status is OrderStatus.COMPLETED
    assert second.items[0].seller_code == ""
    assert second.status is OrderStatus.CLOSED  # D1 has no payment time: closed, the order file decides
    assert first.paid_cents is None  # D1 gives no line amounts


def test_d1_line_ids_are_stable(tmp_path: Path) -> None:
    row = {"订单编号": '="1"', "标题": "A", "购买数量": "1", "订单状态": "交易成功"}
    once = parse_file(write_csv(tmp_path / "a.csv", TB_D1, [row, row]))
    again = parse_file(write_csv(tmp_path / "b.csv", TB_D1, [row, row]))
    assert [i.sub_order_id for i in once.orders[0].items] == [i.sub_order_id for i in again.orders[0].items]


def _d2_line(sub: str, main: str, **values: str) -> dict[str, str]:
    base = {
        "子订单编号": f'="{sub}"',
        "主订单编号": f'="{main}"',
        "标题": "小林家居 真丝眼罩",
        "价格": "159.00",
        "购买数量": "1",
        "订单状态": "交易成功",
        "商家编码": "LJ-1009-0S",
        "买家应付货款": "159.00",
        "买家实际支付金额": "150.00",
        "退款状态": "没有申请退款",
        "退款金额": "0.00",
        "订单创建时间": "2026-08-01 10:00:00",
        "订单付款时间": "2026-08-01 10:01:00",
    }
    return {**base, **values}


def test_d2_item_file_alone_makes_whole_orders(tmp_path: Path) -> None:
    rows = [
        _d2_line("11", "10"),
        _d2_line("12", "10", 订单状态="交易关闭", 退款状态="退款成功", 退款金额="150.00"),
        _d2_line("21", "20", 订单状态="卖家已发货，等待买家确认", 退款状态="买家已经申请退款，等待卖家同意"),
        _d2_line("22", "20", 订单状态="买家已付款，等待卖家发货"),
        _d2_line("31", "30", 订单状态="交易关闭"),  # closed after payment, no refund info
    ]
    path = write_csv(tmp_path / "ExportOrderDetailList202608020915.csv", TB_D2, rows)
    parsed = parse_file(path)
    assert (parsed.header_generation, parsed.problems) == ("D2", [])
    first, second, third = parsed.orders
    assert first.paid_cents == 30000  # sum of the lines' 买家实际支付金额
    assert first.refund_cents == 15000  # 退款金额 of the 退款成功 line
    assert first.status is OrderStatus.COMPLETED  # the refunded line does not hold the order back
    assert first.refund_state is RefundState.REFUNDED
    assert [(i.status, i.refund_state, i.paid_cents, i.refund_cents) for i in first.items] == [
        (OrderStatus.COMPLETED, RefundState.NONE, 15000, 0),
        (OrderStatus.REFUNDED, RefundState.REFUNDED, 15000, 15000),
    ]
    assert second.status is OrderStatus.PAID  # one line not shipped yet
    assert second.refund_state is RefundState.REFUNDING
    assert third.status is OrderStatus.REFUNDED
    assert third.refund_cents is None  # refunded by status, no amount: the service derives it
    assert first.paid_at == datetime(2026, 8, 1, 2, 1, tzinfo=UTC)


def test_d3_renamed_columns(tmp_path: Path) -> None:
    row = {
        "子订单编号": "4000000000000000001",
        "主订单编号": "4000000000000000000",
        "商品标题": "新款",
        "商品价格": "99.00",
        "购买数量": "2",
        "订单状态": "交易成功",
        "商家编码": "N-1",
        "买家应付货款": "198.00",
        "买家实付金额": "188.00",
        "退款状态": "没有申请退款",
        "退款金额": "0",
        "订单创建时间": "2026/8/1 10:00",
        "订单付款时间": "2026/8/1 10:01",
        "商品ID": "600000000001",
        "商家备注": "VIP",
    }
    path = write_xlsx(tmp_path / "宝贝报表.xlsx", TB_D3, [row])
    detection = detect_path(path)
    assert (detection.platform, detection.kind, detection.generation) == (Platform.TAOBAO, FileKind.TAOBAO_ITEMS, "D3")
    (order,) = parse_file(path).orders
    (item,) = order.items
    assert (item.title, item.unit_price_cents, item.qty, item.paid_cents) == ("新款", 9900, 2, 18800)
    assert (item.platform_item_id, order.seller_memo, order.paid_cents) == ("600000000001", "VIP", 18800)


def test_refund_export(tmp_path: Path) -> None:
    done = {
        "退款编号": "150000000001",
        "订单编号": '="2786218520199193600"',
        "买家实际支付金额": "88.00",
        "宝贝标题": "A款",
        "买家退款金额": "88.00",
        "是否需要退货": "否",
        "退款的申请时间": "2026-08-04 10:00:00",
        "退款状态": "退款成功",
        "退款完结时间": "2026-08-05 10:00:00",
        "买家退款原因": "不想要了",
        "商品编码": "A1001",
        "售中或售后": "售中",
    }
    rejected = {"退款编号": "150000000002", "订单编号": "2786218520199193601", "买家退款金额": "20.00"}
    rows = [done, rejected | {"退款状态": "卖家拒绝退款", "退款的申请时间": "2026-08-04 11:00:00"}]
    path = write_csv(tmp_path / "refunds.csv", TB_REFUNDS, rows)
    assert (detect_path(path).platform, detect_path(path).kind) == (Platform.TAOBAO, FileKind.REFUNDS)
    parsed = parse_file(path)
    assert parsed.problems == [] and parsed.orders == []
    refunded, rejected_refund = parsed.refunds
    assert (refunded.refund_id, refunded.order_id, refunded.amount_cents, refunded.state) == (
        "150000000001",
        "2786218520199193600",
        8800,
        RefundState.REFUNDED,
    )
    assert (refunded.kind, refunded.reason, refunded.seller_code, refunded.title) == ("否", "不想要了", "A1001", "A款")
    assert refunded.finished_at == datetime(2026, 8, 5, 2, 0, tzinfo=UTC)
    assert rejected_refund.state is RefundState.REJECTED


def test_excel_resaved_order_file_is_refused_row_by_row(tmp_path: Path) -> None:
    """Opened and saved in Excel: ids became 2.78621E+18 and dates yyyy/M/d H:mm."""
    rows = [
        _later(PAID, 订单编号="2.78621E+18", 订单创建时间="2026/8/1 10:11", 订单付款时间="2026/8/1 10:12"),
        _later(PAID, 订单编号="2.78621E+18", 订单创建时间="2026/8/2 10:11", 订单付款时间="2026/8/2 10:12"),
    ]
    name = "ExportOrderList202608020915.csv"
    parsed = parse_file(write_csv(tmp_path / name, TB_L2, rows))
    assert parsed.orders == []
    assert parsed.bad_rows == {2, 3}
    first = parsed.problems[0]
    assert (first.file, first.row, first.column, first.value, first.code) == (
        name,
        2,
        "订单编号",
        "2.78621E+18",
        "id_scientific",
    )
    assert "重新从后台下载原始文件" in first.message


def test_gross_paid_is_net_plus_refund_and_total_must_agree(tmp_path: Path) -> None:
    """§1.2.2: 买家实际支付金额 is what stays paid after refunds; 总金额 = it + 退款金额 on a paid order."""
    rows = [
        _later(PAID_CLOSED, 总金额="88.00", 订单关闭原因="退款", 退款金额="88.00"),  # fully refunded: net 0.00
        _later(PAID, 订单编号='="2786218520199193700"', 总金额="99.00", 退款金额="0.00"),  # 99 ≠ 118 + 0
    ]
    parsed = parse_file(write_csv(tmp_path / "ExportOrderList1.csv", TB_L2, rows))
    (refunded,) = parsed.orders
    assert (refunded.paid_cents, refunded.refund_cents, refunded.status) == (8800, 8800, OrderStatus.REFUNDED)
    (problem,) = parsed.problems
    assert (problem.row, problem.column, problem.value, problem.code) == (3, "总金额", "99.00", "amounts_disagree")
    assert "99.00" in problem.message and "118.00" in problem.message


def test_l1_without_refund_column_takes_the_refund_from_the_total(tmp_path: Path) -> None:
    row = _later(PAID, 总金额="118.00", 买家实际支付金额="100.00")
    (order,) = parse_file(write_csv(tmp_path / "ExportOrderList1.csv", TB_L1, [row])).orders
    assert (order.paid_cents, order.refund_cents, order.refund_state) == (11800, 1800, RefundState.REFUNDED)


def test_unpaid_order_is_no_sale_whatever_its_total(tmp_path: Path) -> None:
    row = _later(UNPAID_CLOSED, 总金额="59.00", 买家实际支付金额="0.00", 退款金额="0.00", 订单关闭原因="买家未付款")
    parsed = parse_file(write_csv(tmp_path / "ExportOrderList1.csv", TB_L2, [row]))
    assert parsed.problems == []
    (order,) = parsed.orders
    assert (order.paid_at, order.paid_cents, order.status) == (None, 0, OrderStatus.CLOSED)


TB_2026 = [
    "订单编号", "支付单号", "买家应付货款", "买家应付邮费", "总金额", "买家实付金额", "订单状态", "订单创建时间",
    "订单付款时间", "商品标题", "宝贝种类", "商家备注", "宝贝总数量", "店铺ID", "店铺名称", "订单关闭原因", "退款金额",
    "商品属性SKU", "预售订单", "总金额(旧版)", "商家编码",
]  # fmt: skip


def _tmall_2026(**values: str) -> dict[str, str]:
    base = {
        "订单编号": "5119030443240023201",
        "买家应付货款": "169.00",
        "买家应付邮费": "0.00",
        "总金额": "199.00",  # list price × quantity in 2026
        "买家实付金额": "169.00",
        "订单状态": "买家已付款,等待卖家发货",  # half-width comma
        "订单创建时间": "2026-06-09 14:13:40",
        "订单付款时间": "2026-06-09 14:13:43",
        "商品标题": "趣白全自动洗面奶打泡机",
        "宝贝种类": "1",
        "宝贝总数量": "1",
        "店铺ID": "0",
        "店铺名称": "趣白旗舰店",
        "订单关闭原因": "订单未关闭",
        "退款金额": "0.00",
        "商品属性SKU": "颜色分类:白色",
        "预售订单": "否'",  # flags carry a trailing quote
        "总金额(旧版)": "169.00",
        "商家编码": "QBPH004",
    }
    return {**base, **values}


def test_tmall_2026_xlsx_layout(tmp_path: Path) -> None:
    rows = [
        _tmall_2026(),
        _tmall_2026(订单编号="5119030443240023202", 订单状态="交易关闭", 买家实付金额="0.00", 退款金额="169.00"),
        _tmall_2026(订单编号="5119030443240023203", 宝贝种类="2", 宝贝总数量="3", 买家实付金额="300.00")
        | {"总金额(旧版)": "300.00", "买家应付货款": "300.00"},
        _tmall_2026(订单编号="5119030443240023204", 总金额="199.00", **{"总金额(旧版)": "150.00"}),
    ]
    path = write_xlsx(tmp_path / "ExportOrderList26594515418.xlsx", TB_2026, rows)
    detection = detect_path(path)
    assert (detection.platform, detection.kind) == (Platform.TAOBAO, FileKind.TAOBAO_ORDERS)
    parsed = parse_file(path)
    assert parsed.exported_at is None  # 26594515418 is no date: the newest time in the file says it
    first, refunded, several = parsed.orders
    assert (first.paid_cents, first.status, first.seller_memo, parsed.shop_name) == (
        16900,
        OrderStatus.PAID,
        "",
        "趣白旗舰店",
    )
    (line,) = first.items  # a one-product order's line, from the order-level columns
    assert (line.sub_order_id, line.seller_code, line.spec, line.qty, line.paid_cents) == (
        "5119030443240023201",
        "QBPH004",
        "颜色分类:白色",
        1,
        16900,
    )
    assert (refunded.paid_cents, refunded.refund_cents, refunded.status) == (16900, 16900, OrderStatus.REFUNDED)
    assert (several.units, several.items, several.paid_cents) == (3, [], 30000)  # the item file has the lines
    (problem,) = parsed.problems  # 总金额(旧版) 150.00 is not 169.00 + 0.00
    assert (problem.row, problem.column, problem.code) == (5, "总金额(旧版)", "amounts_disagree")


def test_unknown_status_is_a_warning_with_file_row_column_value(tmp_path: Path) -> None:
    row = _later(PAID, 订单状态="艏乙逊⒒酰")
    parsed = parse_file(write_csv(tmp_path / "ExportOrderList1.csv", TB_L1, [row]))
    assert parsed.problems == [] and len(parsed.orders) == 1
    (warning,) = parsed.warnings
    assert (warning.file, warning.row, warning.column, warning.value, warning.code) == (
        "ExportOrderList1.csv",
        2,
        "订单状态",
        "艏乙逊⒒酰",
        "unknown_status",
    )
