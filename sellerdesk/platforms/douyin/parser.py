"""Douyin (抖店) order export (platform-formats.md §4).

The seller picks a dimension when exporting: 商品维度 gives one row per 子订单 (item line) with the
order columns repeated, 订单维度 one row per 主订单. Both are read the same way, grouped by
主订单编号: the order's paid amount is the sum of 订单应付金额 over its rows (metrics.md); order-level
columns (运费, times, address) come from the first row. 售后状态 is a per-line refund overlay.

A file without 支付完成时间 is offered 订单提交时间 in its place, used only once the user accepts it; then
orders waiting for payment or closed without a refund are taken as never paid (``_finish_order``).
"""

from __future__ import annotations

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.records import FileKind, ItemRecord, OrderRecord, ParsedFile
from sellerdesk.platforms.base import (
    GUESS,
    PROVED,
    AmountColumn,
    Fallback,
    Layout,
    LayoutMatch,
    LayoutParser,
    OrderGroups,
    RowReader,
    aliases,
    header_set,
    money_aliases,
    refund_state_from_lines,
    sum_known,
)
from sellerdesk.platforms.douyin.status import douyin_aftersale_state, douyin_status
from sellerdesk.sheets.reading import Table

# What the money columns mean (docs/amounts.md), checked on ~100 real rows (商品维度, June 2026).
AMOUNT_COLUMNS: tuple[AmountColumn, ...] = (
    AmountColumn(
        "订单应付金额",
        "paid amount of the row, gross: 商品单价 × 商品数量 + 运费 − 优惠总金额; unchanged by refunds "
        "(an order's paid amount is the sum over its rows)",
        PROVED,
    ),
    AmountColumn("商品单价", "unit price (older exports: 商品金额, also the unit price)", PROVED),
    AmountColumn("商品金额", "unit price, older name of 商品单价", GUESS),
    AmountColumn("运费", "shipping charged to the buyer", PROVED),
    AmountColumn("优惠总金额", "all discounts of the row, a number, taken off 订单应付金额", PROVED),
    AmountColumn(
        "平台优惠 / 商家优惠 / 达人优惠",
        "text naming the discounts (平台大促限时优惠券-25.35, or -), not amounts: never read as money",
        PROVED,
    ),
    AmountColumn(
        "平台实际承担优惠金额 / 商家实际承担优惠金额 / 达人实际承担优惠金额",
        "who bears the discounts, numbers; not read",
        GUESS,
    ),
)

DOUYIN_ALIASES = aliases(
    {
        "order_id": ("主订单编号",),
        "sub_order_id": ("子订单编号",),
        "title": ("选购商品", "商品名称"),
        "spec": ("商品规格",),
        "qty": ("商品数量",),
        "product_id": ("商品ID", "商品id"),
        "seller_code": ("商家编码",),
        "item_code": ("货号",),
        "price": money_aliases(AMOUNT_COLUMNS, "商品单价", "商品金额"),
        "payable": money_aliases(AMOUNT_COLUMNS, "订单应付金额"),
        "shipping": money_aliases(AMOUNT_COLUMNS, "运费"),
        "discount": money_aliases(AMOUNT_COLUMNS, "优惠总金额"),
        "receiver_name": ("收件人",),
        "phone": ("收件人手机号",),
        "province": ("省",),
        "city": ("市",),
        "district": ("区",),
        "street": ("街道",),
        "address": ("详细地址",),
        "buyer_message": ("买家留言",),
        "created_at": ("订单提交时间",),
        "paid_at": ("支付完成时间",),
        "completed_at": ("订单完成时间",),
        "shipped_at": ("发货时间",),
        "carrier": ("快递公司",),
        "tracking_no": ("快递单号",),
        "logistics": ("快递信息",),
        "memo": ("商家备注",),
        "status": ("订单状态",),
        "aftersale": ("售后状态",),
        "close_reason": ("取消原因",),
    }
)

_SIGNATURE = header_set(
    "主订单编号 选购商品 订单应付金额 商品数量 支付完成时间 订单提交时间 售后状态 优惠总金额 达人ID 流量来源"
)
_REQUIRED = ("order_id", "qty", "payable", "status", "paid_at")
# A custom export may leave out 支付完成时间. 订单提交时间 is when the order was placed, not paid: offered,
# used only once the user accepts it (and then only for orders that show a payment, _finish_order).
_FALLBACKS = (Fallback("paid_at", "created_at", confirm=True),)

LINES = Layout(
    name="douyin_lines",
    kind=FileKind.ORDER_LINES,
    aliases=DOUYIN_ALIASES,
    required=(*_REQUIRED, "sub_order_id"),
    signature=_SIGNATURE | {"子订单编号"},
    min_signature=3,
    generation=lambda headers: "商品维度",
    fallbacks=_FALLBACKS,
)

# 订单维度 has no 子订单编号; a 商品维度 file scores higher on LINES thanks to that column.
ORDERS = Layout(
    name="douyin_orders",
    kind=FileKind.ORDERS,
    aliases=DOUYIN_ALIASES,
    required=_REQUIRED,
    signature=_SIGNATURE,
    min_signature=3,
    generation=lambda headers: "订单维度",
    fallbacks=_FALLBACKS,
)


class DouyinParser(LayoutParser):
    platform = Platform.DOUYIN
    layouts = (LINES, ORDERS)

    def parse_rows(self, table: Table, match: LayoutMatch, reader: RowReader, result: ParsedFile) -> None:
        r = reader
        placed_as_paid = match.reads_in_place("paid_at")
        groups = OrderGroups(result, complete=lambda order: _finish_order(order, placed_as_paid))
        positions: dict[str, int] = {}
        has_line_id = r.has("sub_order_id")
        for row_no, cells in table.rows():
            result.rows += 1
            r.load(row_no, cells)
            order_id = r.ident("order_id")
            order = groups.get(order_id) or self._order(r, order_id)
            r.check_lengths(order, _JOINED)
            if has_line_id:
                sub_id = r.ident("sub_order_id")
            else:  # 订单维度: the order is its own line, as on PDD
                positions[order_id] = n = positions.get(order_id, 0) + 1
                sub_id = order_id if n == 1 else f"{order_id}#{n}"
            groups.add_line(r, order_id, order if order_id else None, self._item(r, sub_id, order))
        groups.finish(r)

    def _order(self, r: RowReader, order_id: str) -> OrderRecord:
        carrier, tracking = r.text("carrier"), r.tracking("tracking_no")
        if not carrier and not tracking:
            carrier, tracking = split_logistics(r.text("logistics"))
        status_raw = r.text("status")
        status = douyin_status(status_raw)
        if status is None and status_raw:
            r.unknown_status("status")
        return OrderRecord(
            platform=Platform.DOUYIN,
            order_id=order_id,
            status=status,
            status_raw=status_raw,
            created_at=r.when("created_at"),
            paid_at=r.when("paid_at"),
            shipped_at=r.when("shipped_at"),
            completed_at=r.when("completed_at"),
            shipping_cents=r.money("shipping"),
            discount_cents=r.money("discount"),
            receiver_name=r.text("receiver_name"),
            receiver_phone=r.code("phone"),
            receiver_province=r.text("province"),
            receiver_city=r.text("city"),
            receiver_district=r.text("district"),
            receiver_address=" ".join(p for p in (r.text("street"), r.text("address")) if p),
            buyer_message=r.text("buyer_message"),
            seller_memo=r.text("memo"),
            carrier=carrier,
            tracking_no=tracking,
            close_reason=r.text("close_reason"),
            source_row=r.row_no,
        )

    def _item(self, r: RowReader, sub_id: str, order: OrderRecord) -> ItemRecord:
        aftersale_raw = r.text("aftersale")
        refund_state = douyin_aftersale_state(aftersale_raw)
        refunded = refund_state is RefundState.REFUNDED
        payable = r.money("payable")
        return ItemRecord(
            sub_order_id=sub_id,
            title=r.text("title"),
            spec=r.text("spec"),
            seller_code=r.first_code("seller_code", "item_code"),
            platform_item_id=r.code("product_id"),
            qty=r.qty("qty"),
            unit_price_cents=r.money("price") or 0,
            payable_cents=payable,
            paid_cents=payable,  # 订单应付金额 is the line's share of what the buyer paid
            status=OrderStatus.REFUNDED if refunded else order.status,
            status_raw=order.status_raw,
            refund_state=refund_state,
            refund_status_raw=aftersale_raw,
            source_row=r.row_no,
        )


_JOINED = {"receiver_address": "address", "carrier": "logistics", "tracking_no": "logistics"}


def split_logistics(text: str) -> tuple[str, str]:
    """快递信息 ``圆通速递 YT123…`` / ``圆通速递:YT123…`` → (carrier, tracking number)."""
    parts = text.replace(":", " ").replace("：", " ").split()
    if len(parts) >= 2 and any(c.isdigit() for c in parts[-1]):
        return " ".join(parts[:-1]), parts[-1]
    return text, ""


def _finish_order(order: OrderRecord, placed_as_paid: bool = False) -> None:
    """Paid amount = sum of the rows' 订单应付金额; a closed paid order whose lines were all refunded
    is refunded. No refund amount in the file: the service derives it from the refunded lines.

    ``placed_as_paid``: the payment time is the order time (a file without 支付完成时间). An order waiting
    for payment, or closed with no refunded line (已关闭 is also an unpaid order's end), shows no payment:
    it gets none, so it is no sale."""
    order.paid_cents = sum_known([i.paid_cents for i in order.items])
    order.refund_state = refund_state_from_lines([i.refund_state for i in order.items])
    all_refunded = all(i.refund_state is RefundState.REFUNDED for i in order.items)
    if placed_as_paid and (
        order.status is OrderStatus.PENDING_PAYMENT or (order.status is OrderStatus.CLOSED and not all_refunded)
    ):
        order.paid_at = None
    if all_refunded and order.paid_at is not None and order.status in (OrderStatus.CLOSED, None):
        order.status = OrderStatus.REFUNDED
