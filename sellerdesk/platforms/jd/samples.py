"""JD's order export as its back end writes it (GB18030 CSV, one row per line)."""

from __future__ import annotations

from collections.abc import Iterator

from sellerdesk.domain.enums import OrderStatus
from sellerdesk.domain.money import plain_yuan as _yuan
from sellerdesk.domain.sample_rows import SampleOrder
from sellerdesk.platforms.samples import Row, SampleExport
from sellerdesk.platforms.samples import china_time as _time

HEADER = tuple(
    "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,"
    "下单帐号,客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,"
    "商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,增值税发票,货号,订单完成时间,订单来源,订单渠道,商家SKUID".split(
        ","
    )
)

_STATUS = {
    OrderStatus.PENDING_PAYMENT: "等待付款",
    OrderStatus.PAID: "等待出库",
    OrderStatus.REFUNDING: "(锁定)等待出库",
    OrderStatus.SHIPPED: "等待确认收货",
    OrderStatus.COMPLETED: "完成",
    OrderStatus.CLOSED: "已取消",
    OrderStatus.REFUNDED: "已取消",
}


def rows(order: SampleOrder) -> Iterator[Row]:
    order_id = order.order_id.replace("-", "")  # JD ids are digits (other platforms' in benchmarks)
    for item in order.lines:
        yield [
            order_id, item.platform_sku_id or item.platform_item_id, item.title, str(item.qty),
            "在线支付", _time(order.created_at), _yuan(item.unit_price_cents),
            _yuan(order.goods_cents + order.shipping_cents), _yuan(order.paid_cents), "0.00",
            _yuan(order.paid_cents), _STATUS[order.status], "销售订单", order.buyer_nick,
            order.receiver_name, f"{order.receiver_province} {order.receiver_city} {order.receiver_district}"
            f"{order.receiver_address}", order.receiver_phone, order.buyer_message, "普通发票", "个人", "明细",
            order.seller_memo, "", _yuan(order.shipping_cents), _time(order.paid_at), "", item.seller_code[:7],
            _time(order.completed_at), "移动端订单", "", item.seller_code,
        ]  # fmt: skip


EXPORTS = (SampleExport("jd_orders", HEADER, rows, "gb18030"),)
