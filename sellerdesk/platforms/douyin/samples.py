"""Douyin's order export as its back end writes it (UTF-8 CSV, 商品维度: one row per line)."""

from __future__ import annotations

from collections.abc import Iterator

from sellerdesk.domain.enums import OrderStatus, RefundState
from sellerdesk.domain.money import plain_yuan as _yuan
from sellerdesk.domain.sample_rows import SampleOrder
from sellerdesk.platforms.samples import Row, SampleExport
from sellerdesk.platforms.samples import china_time as _time

HEADER = tuple(
    "主订单编号,子订单编号,选购商品,商品规格,商品数量,商品ID,商家编码,商品单价,订单应付金额,运费,优惠总金额,支付方式,"
    "收件人,收件人手机号,省,市,区,街道,详细地址,买家留言,订单提交时间,支付完成时间,订单完成时间,发货时间,快递公司,"
    "快递单号,商家备注,订单状态,售后状态,取消原因".split(",")
)

_STATUS = {
    OrderStatus.PENDING_PAYMENT: "待支付",
    OrderStatus.PAID: "备货中",
    OrderStatus.REFUNDING: "备货中",
    OrderStatus.SHIPPED: "已发货",
    OrderStatus.COMPLETED: "已完成",
    OrderStatus.CLOSED: "已关闭",
    OrderStatus.REFUNDED: "已关闭",
}


def rows(order: SampleOrder) -> Iterator[Row]:
    per_line_shipping = order.shipping_cents
    for item in order.lines:
        refunded = item.refund_state == RefundState.REFUNDED or order.status == OrderStatus.REFUNDED
        yield [
            order.order_id, item.sub_order_id, item.title, item.spec, str(item.qty),
            item.platform_item_id, item.seller_code, _yuan(item.unit_price_cents),
            _yuan(item.paid_cents + (per_line_shipping if item is order.lines[0] else 0)),
            _yuan(order.shipping_cents), _yuan(order.discount_cents), "微信", order.receiver_name,
            order.receiver_phone, order.receiver_province, order.receiver_city, order.receiver_district, "某街道",
            "***", order.buyer_message, _time(order.created_at, "/"), _time(order.paid_at, "/"),
            _time(order.completed_at, "/"), _time(order.shipped_at, "/"), order.carrier, order.tracking_no,
            order.seller_memo, _STATUS[order.status], "退款成功" if refunded else "-", "",
        ]  # fmt: skip


EXPORTS = (SampleExport("douyin_orders", HEADER, rows, "utf-8-sig"),)
