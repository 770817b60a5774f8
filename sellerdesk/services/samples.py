"""Export files in each platform's own format, written from orders in the database.

``sellerdesk demo --export-samples DIR`` uses them so a new user can try an import at once, and the
import benchmark uses them to make 100,000-row files. They follow the real layouts (headers, encodings,
``="…"`` ids, ``No:`` tracking numbers, PDD tab quirks) that the importers read.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import datetime
from itertools import chain, islice
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.timeutil import CHINA_TZ, utc_to_local
from sellerdesk.models import Order, Shop

Row = list[str]

TAOBAO_ORDER_HEADER = (
    "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,"
    "买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话,联系手机,订单创建时间,订单付款时间,"
    "宝贝标题,宝贝种类,物流单号,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,退款金额,确认收货时间,"
    "打款商家金额"
).split(",")
TAOBAO_ITEM_HEADER = (
    "子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,"
    "买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间"
).split(",")
JD_HEADER = (
    "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,"
    "下单帐号,客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,"
    "商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,增值税发票,货号,订单完成时间,订单来源,订单渠道,商家SKUID"
).split(",")
PDD_HEADER = (
    "商品,订单号,订单状态,商品总价(元),店铺优惠折扣(元),平台优惠折扣(元),邮费(元),用户实付金额(元),商家实收金额(元),"
    "商品数量(件),支付时间,拼单成功时间,订单确认时间,承诺发货时间,发货时间,确认收货时间,商品id,商品规格,用户购买手机号,"
    "样式ID,商家编码-规格维度,商家编码-商品维度,快递单号,快递公司,省,市,区,街道,商家备注,售后状态,买家留言"
).split(",")
DOUYIN_HEADER = (
    "主订单编号,子订单编号,选购商品,商品规格,商品数量,商品ID,商家编码,商品单价,订单应付金额,运费,优惠总金额,支付方式,"
    "收件人,收件人手机号,省,市,区,街道,详细地址,买家留言,订单提交时间,支付完成时间,订单完成时间,发货时间,快递公司,"
    "快递单号,商家备注,订单状态,售后状态,取消原因"
).split(",")

_TAOBAO_STATUS = {
    OrderStatus.PENDING_PAYMENT: "等待买家付款",
    OrderStatus.PAID: "买家已付款，等待卖家发货",
    OrderStatus.REFUNDING: "买家已付款，等待卖家发货",
    OrderStatus.SHIPPED: "卖家已发货，等待买家确认",
    OrderStatus.COMPLETED: "交易成功",
    OrderStatus.CLOSED: "交易关闭",
    OrderStatus.REFUNDED: "交易关闭",
}
_TAOBAO_REFUND = {
    RefundState.NONE: "没有申请退款",
    RefundState.REFUNDING: "买家已经申请退款，等待卖家同意",
    RefundState.REFUNDED: "退款成功",
    RefundState.REJECTED: "卖家拒绝退款",
    RefundState.CLOSED: "退款关闭",
}
_JD_STATUS = {
    OrderStatus.PENDING_PAYMENT: "等待付款",
    OrderStatus.PAID: "等待出库",
    OrderStatus.REFUNDING: "(锁定)等待出库",
    OrderStatus.SHIPPED: "等待确认收货",
    OrderStatus.COMPLETED: "完成",
    OrderStatus.CLOSED: "已取消",
    OrderStatus.REFUNDED: "已取消",
}
_PDD_STATUS = {
    OrderStatus.PENDING_PAYMENT: "待支付",
    OrderStatus.PAID: "待发货",
    OrderStatus.REFUNDING: "待发货",
    OrderStatus.SHIPPED: "已发货，待签收",
    OrderStatus.COMPLETED: "已签收",
    OrderStatus.CLOSED: "已取消",
    OrderStatus.REFUNDED: "已发货，退款成功",
}
_DOUYIN_STATUS = {
    OrderStatus.PENDING_PAYMENT: "待支付",
    OrderStatus.PAID: "备货中",
    OrderStatus.REFUNDING: "备货中",
    OrderStatus.SHIPPED: "已发货",
    OrderStatus.COMPLETED: "已完成",
    OrderStatus.CLOSED: "已关闭",
    OrderStatus.REFUNDED: "已关闭",
}


def _yuan(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def _time(instant: datetime | None, sep: str = "-") -> str:
    if instant is None:
        return ""
    text = utc_to_local(instant, CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S")
    return text.replace("-", sep)


def _orders(session: Session, platform: Platform | None) -> Iterator[Order]:
    stmt = select(Order).options(selectinload(Order.items)).order_by(Order.id).execution_options(yield_per=2000)
    if platform is not None:
        stmt = stmt.where(Order.platform == platform.value)
    yield from session.scalars(stmt)


def taobao_order_rows(order: Order, shop_name: str) -> Iterator[Row]:
    """One ExportOrderList row as Taobao writes it: 总金额 is the gross payment, 买家实际支付金额 what stays paid
    after refunds (0.00 when unpaid or fully refunded), 退款金额 the difference (docs/amounts.md)."""
    closed_reason = "买家未付款" if order.status == OrderStatus.CLOSED else ("退款" if order.refund_cents else "")
    net = order.paid_cents - order.refund_cents if order.paid_at else 0
    yield [
        f'="{order.platform_order_id}"', order.buyer_nick, "", _yuan(order.goods_cents),
        _yuan(order.shipping_cents), "0", _yuan(order.paid_cents), "0",
        _yuan(net), "0", _TAOBAO_STATUS[OrderStatus(order.status)], order.buyer_message,
        order.receiver_name, f"{order.receiver_province} {order.receiver_city} {order.receiver_district} "
        f"{order.receiver_address}({order.receiver_zip or '000000'})", "快递", "", f"'{order.receiver_phone}",
        _time(order.created_at), _time(order.paid_at), "，".join(i.title for i in order.items),
        str(len(order.items)), f"No:{order.tracking_no}" if order.tracking_no else "", order.carrier,
        order.seller_memo, str(order.units), "1234567", shop_name, closed_reason, _yuan(order.refund_cents),
        _time(order.completed_at), f"{_yuan(order.paid_cents - order.refund_cents)}元",
    ]  # fmt: skip


def taobao_item_rows(order: Order, _shop: str) -> Iterator[Row]:
    for item in order.items:
        yield [
            f'="{item.sub_order_id}"', f'="{order.platform_order_id}"', item.title, _yuan(item.unit_price_cents),
            str(item.qty), "", item.spec, "", "", _TAOBAO_STATUS[OrderStatus(item.status or order.status)],
            item.seller_code or "null", "", _yuan(item.payable_cents), _yuan(item.paid_cents),
            _TAOBAO_REFUND[RefundState(item.refund_state)], _yuan(item.refund_cents), _time(order.created_at),
            _time(order.paid_at),
        ]  # fmt: skip


def jd_rows(order: Order, _shop: str) -> Iterator[Row]:
    order_id = order.platform_order_id.replace("-", "")  # JD ids are digits (other platforms' in benchmarks)
    for item in order.items:
        yield [
            order_id, item.platform_sku_id or item.platform_item_id, item.title, str(item.qty),
            "在线支付", _time(order.created_at), _yuan(item.unit_price_cents),
            _yuan(order.goods_cents + order.shipping_cents), _yuan(order.paid_cents), "0.00",
            _yuan(order.paid_cents), _JD_STATUS[OrderStatus(order.status)], "销售订单", order.buyer_nick,
            order.receiver_name, f"{order.receiver_province} {order.receiver_city} {order.receiver_district}"
            f"{order.receiver_address}", order.receiver_phone, order.buyer_message, "普通发票", "个人", "明细",
            order.seller_memo, "", _yuan(order.shipping_cents), _time(order.paid_at), "", item.seller_code[:7],
            _time(order.completed_at), "移动端订单", "", item.seller_code,
        ]  # fmt: skip


def pdd_rows(order: Order, _shop: str) -> Iterator[Row]:
    """PDD orders hold one SKU: a multi-line cart becomes one PDD order per line, as PDD itself does."""
    for n, item in enumerate(order.items):
        order_id = order.platform_order_id if n == 0 else f"{order.platform_order_id}-{n}"
        shipping = order.shipping_cents if n == 0 else 0
        refunded = item.refund_state == RefundState.REFUNDED or order.status == OrderStatus.REFUNDED
        status = _PDD_STATUS[OrderStatus(order.status)]
        if refunded and order.status != OrderStatus.REFUNDED:
            status = "已签收，退款成功" if order.status == OrderStatus.COMPLETED else "已发货，退款成功"
        paid = item.paid_cents + shipping
        yield [
            item.title, order_id, status, _yuan(item.payable_cents), _yuan(item.payable_cents - item.paid_cents),
            "0", _yuan(shipping), _yuan(paid), _yuan(paid), f"\t{item.qty}\t", f"\t{_time(order.paid_at)}",
            _time(order.paid_at), _time(order.paid_at), "", _time(order.shipped_at), _time(order.completed_at),
            item.platform_item_id, item.spec, "\t", item.platform_sku_id, f"{item.seller_code}\t",
            item.seller_code[:7], order.tracking_no, order.carrier, order.receiver_province, order.receiver_city,
            order.receiver_district, "某街道", order.seller_memo,
            "退款成功" if refunded else "无售后或售后取消", order.buyer_message,
        ]  # fmt: skip


def douyin_rows(order: Order, _shop: str) -> Iterator[Row]:
    per_line_shipping = order.shipping_cents
    for item in order.items:
        refunded = item.refund_state == RefundState.REFUNDED or order.status == OrderStatus.REFUNDED
        yield [
            order.platform_order_id, item.sub_order_id, item.title, item.spec, str(item.qty),
            item.platform_item_id, item.seller_code, _yuan(item.unit_price_cents),
            _yuan(item.paid_cents + (per_line_shipping if item is order.items[0] else 0)),
            _yuan(order.shipping_cents), _yuan(order.discount_cents), "微信", order.receiver_name,
            order.receiver_phone, order.receiver_province, order.receiver_city, order.receiver_district, "某街道",
            "***", order.buyer_message, _time(order.created_at, "/"), _time(order.paid_at, "/"),
            _time(order.completed_at, "/"), _time(order.shipped_at, "/"), order.carrier, order.tracking_no,
            order.seller_memo, _DOUYIN_STATUS[OrderStatus(order.status)], "退款成功" if refunded else "-", "",
        ]  # fmt: skip


Writer = Callable[[Order, str], Iterator[Row]]
EXPORTS: dict[str, tuple[Platform, list[str], Writer, str]] = {
    # file stem: platform, header, row writer, CSV encoding (as each platform's back end writes it)
    "ExportOrderList": (Platform.TAOBAO, TAOBAO_ORDER_HEADER, taobao_order_rows, "gb18030"),
    "ExportOrderDetailList": (Platform.TAOBAO, TAOBAO_ITEM_HEADER, taobao_item_rows, "gb18030"),
    "jd_orders": (Platform.JD, JD_HEADER, jd_rows, "gb18030"),
    "pdd_orders": (Platform.PDD, PDD_HEADER, pdd_rows, "utf-8-sig"),
    "douyin_orders": (Platform.DOUYIN, DOUYIN_HEADER, douyin_rows, "utf-8-sig"),
}


def write_export(
    session: Session, stem: str, path: Path, *, max_rows: int | None = None, every_platform: bool = False
) -> int:
    """Write one export (CSV, or xlsx when ``path`` ends in .xlsx); returns the number of data rows.

    ``every_platform`` renders all orders in this layout (benchmarks use it to make large files).
    """
    platform, header, writer, encoding = EXPORTS[stem]
    shops = dict(session.execute(select(Shop.id, Shop.name)).all())
    source = _orders(session, None if every_platform else platform)
    rows = islice((row for order in source for row in writer(order, shops[order.shop_id])), max_rows)
    if path.suffix.lower() == ".xlsx":
        return _write_xlsx(path, header, rows)
    count = 0
    with path.open("w", encoding=encoding, newline="", errors="replace") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for row in rows:
            out.writerow(row)
            count += 1
    return count


def _write_xlsx(path: Path, header: list[str], rows: Iterator[Row]) -> int:
    from sellerdesk.sheets.xlsx_package import write_text_sheet

    # xlsx keeps ids as text cells: no ="…" guard
    cells = ([c.strip('="') if c.startswith('="') else c for c in row] for row in rows)
    return write_text_sheet(path, "订单", chain([header], cells)) - 1
