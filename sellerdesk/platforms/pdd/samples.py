"""Pinduoduo's order export as its back end writes it (UTF-8 CSV with its TAB quirks)."""

from __future__ import annotations

from collections.abc import Iterator

from sellerdesk.domain.enums import OrderStatus, RefundState
from sellerdesk.domain.money import plain_yuan as _yuan
from sellerdesk.domain.sample_rows import SampleOrder
from sellerdesk.platforms.samples import Row, SampleExport
from sellerdesk.platforms.samples import china_time as _time

HEADER = tuple(
    "商品,订单号,订单状态,商品总价(元),店铺优惠折扣(元),平台优惠折扣(元),邮费(元),用户实付金额(元),商家实收金额(元),"
    "商品数量(件),支付时间,拼单成功时间,订单确认时间,承诺发货时间,发货时间,确认收货时间,商品id,商品规格,用户购买手机号,"
    "样式ID,商家编码-规格维度,商家编码-商品维度,快递单号,快递公司,省,市,区,街道,商家备注,售后状态,买家留言".split(",")
)

_STATUS = {
    OrderStatus.PENDING_PAYMENT: "待支付",
    OrderStatus.PAID: "待发货",
    OrderStatus.REFUNDING: "待发货",
    OrderStatus.SHIPPED: "已发货，待签收",
    OrderStatus.COMPLETED: "已签收",
    OrderStatus.CLOSED: "已取消",
    OrderStatus.REFUNDED: "已发货，退款成功",
}


def rows(order: SampleOrder) -> Iterator[Row]:
    """PDD orders hold one SKU: a multi-line cart becomes one PDD order per line, as PDD itself does."""
    for n, item in enumerate(order.lines):
        order_id = order.order_id if n == 0 else f"{order.order_id}-{n}"
        shipping = order.shipping_cents if n == 0 else 0
        refunded = item.refund_state == RefundState.REFUNDED or order.status == OrderStatus.REFUNDED
        status = _STATUS[order.status]
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


EXPORTS = (SampleExport("pdd_orders", HEADER, rows, "utf-8-sig"),)
