"""Taobao's export files as its back end writes them (GB18030 CSV): the order file and the item file."""

from __future__ import annotations

from collections.abc import Iterator

from sellerdesk.domain.enums import OrderStatus, RefundState
from sellerdesk.domain.money import plain_yuan as _yuan
from sellerdesk.domain.sample_rows import SampleOrder
from sellerdesk.platforms.samples import Row, SampleExport
from sellerdesk.platforms.samples import china_time as _time

ORDER_HEADER = tuple(
    "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,"
    "买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话,联系手机,订单创建时间,订单付款时间,"
    "宝贝标题,宝贝种类,物流单号,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,退款金额,确认收货时间,"
    "打款商家金额".split(",")
)
ITEM_HEADER = tuple(
    "子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,"
    "买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间".split(",")
)

_STATUS = {
    OrderStatus.PENDING_PAYMENT: "等待买家付款",
    OrderStatus.PAID: "买家已付款，等待卖家发货",
    OrderStatus.REFUNDING: "买家已付款，等待卖家发货",
    OrderStatus.SHIPPED: "卖家已发货，等待买家确认",
    OrderStatus.COMPLETED: "交易成功",
    OrderStatus.CLOSED: "交易关闭",
    OrderStatus.REFUNDED: "交易关闭",
}
_REFUND = {
    RefundState.NONE: "没有申请退款",
    RefundState.REFUNDING: "买家已经申请退款，等待卖家同意",
    RefundState.REFUNDED: "退款成功",
    RefundState.REJECTED: "卖家拒绝退款",
    RefundState.CLOSED: "退款关闭",
}


def order_rows(order: SampleOrder) -> Iterator[Row]:
    """One ExportOrderList row as Taobao writes it: 总金额 is the gross payment, 买家实际支付金额 what stays paid
    after refunds (0.00 when unpaid or fully refunded), 退款金额 the difference (docs/amounts.md)."""
    closed_reason = "买家未付款" if order.status == OrderStatus.CLOSED else ("退款" if order.refund_cents else "")
    net = order.paid_cents - order.refund_cents if order.paid_at else 0
    yield [
        f'="{order.order_id}"', order.buyer_nick, "", _yuan(order.goods_cents),
        _yuan(order.shipping_cents), "0", _yuan(order.paid_cents), "0",
        _yuan(net), "0", _STATUS[order.status], order.buyer_message,
        order.receiver_name, f"{order.receiver_province} {order.receiver_city} {order.receiver_district} "
        f"{order.receiver_address}({order.receiver_zip or '000000'})", "快递", "", f"'{order.receiver_phone}",
        _time(order.created_at), _time(order.paid_at), "，".join(i.title for i in order.lines),
        str(len(order.lines)), f"No:{order.tracking_no}" if order.tracking_no else "", order.carrier,
        order.seller_memo, str(order.units), "1234567", order.shop_name, closed_reason, _yuan(order.refund_cents),
        _time(order.completed_at), f"{_yuan(order.paid_cents - order.refund_cents)}元",
    ]  # fmt: skip


def item_rows(order: SampleOrder) -> Iterator[Row]:
    for item in order.lines:
        yield [
            f'="{item.sub_order_id}"', f'="{order.order_id}"', item.title, _yuan(item.unit_price_cents),
            str(item.qty), "", item.spec, "", "", _STATUS[item.status or order.status],
            item.seller_code or "null", "", _yuan(item.payable_cents), _yuan(item.paid_cents),
            _REFUND[item.refund_state], _yuan(item.refund_cents), _time(order.created_at),
            _time(order.paid_at),
        ]  # fmt: skip


EXPORTS = (
    SampleExport("ExportOrderList", ORDER_HEADER, order_rows, "gb18030", stamped=True),
    SampleExport("ExportOrderDetailList", ITEM_HEADER, item_rows, "gb18030", stamped=True),
)
