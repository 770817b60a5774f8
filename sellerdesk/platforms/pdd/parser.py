"""Pinduoduo exports (platform-formats.md §3).

* Order export: one row per order, one goods line each (quantity may be > 1). Cells carry TABs
  (``\\t1\\t``), headers come with full-width parentheses or a leading space; the seller code column
  was renamed 商家编码-SKU维度 → 商家编码-规格维度. Ids look like ``260517-607198974342268``.
* After-sales export (售后列表): one row per after-sale case.
"""

from __future__ import annotations

from dataclasses import replace

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
    RowReader,
    aliases,
    header_set,
    money_aliases,
    parse_refund_rows,
    sum_known,
)
from sellerdesk.platforms.pdd.status import pdd_aftersale_state, pdd_status
from sellerdesk.sheets.reading import Table

# What the money columns mean (docs/amounts.md), checked on three real exports of one shop (June 2026).
AMOUNT_COLUMNS: tuple[AmountColumn, ...] = (
    AmountColumn(
        "用户实付金额(元)",
        "paid amount, gross: 商品总价 + 邮费 − 店铺优惠折扣 − 平台优惠折扣 (多多支付立减金额 not subtracted); "
        "unchanged by refunds",
        PROVED,
    ),
    AmountColumn("商品总价(元)", "goods of the order's one line, before discounts", PROVED),
    AmountColumn("邮费(元)", "shipping charged to the buyer", PROVED),
    AmountColumn("店铺优惠折扣(元)", "shop discount, taken off the paid amount", PROVED),
    AmountColumn("平台优惠折扣(元)", "platform discount, taken off the paid amount", PROVED),
    AmountColumn("多多支付立减金额(元)", "payment discount; not taken off 用户实付金额", PROVED),
    AmountColumn(
        "商家实收金额(元)", "merchant receivable, gross: 商品总价 + 邮费 − 店铺优惠折扣 (platform subsidy in)", PROVED
    ),
    AmountColumn(
        "退款金额(元)", "refunded amount, when the export has the column (none of the real files does)", GUESS
    ),
)


ORDER_ALIASES = aliases(
    {
        "order_id": ("订单号",),
        "status": ("订单状态",),
        "title": ("商品",),
        "goods": money_aliases(AMOUNT_COLUMNS, "商品总价(元)"),
        "shop_discount": money_aliases(AMOUNT_COLUMNS, "店铺优惠折扣(元)"),
        "platform_discount": money_aliases(AMOUNT_COLUMNS, "平台优惠折扣(元)"),
        "pay_discount": money_aliases(AMOUNT_COLUMNS, "多多支付立减金额(元)"),
        "shipping": money_aliases(AMOUNT_COLUMNS, "邮费(元)"),
        "paid": money_aliases(AMOUNT_COLUMNS, "用户实付金额(元)"),
        "qty": ("商品数量(件)",),
        "paid_at": ("支付时间",),
        "grouped_at": ("拼单成功时间", "订单成交时间"),
        "shipped_at": ("发货时间",),
        "completed_at": ("确认收货时间",),
        "product_id": ("商品id", "商品ID"),
        "spec": ("商品规格",),
        "sku_id": ("样式ID", "SKU-ID", "skuID"),
        "seller_code": ("商家编码-规格维度", "商家编码-SKU维度"),
        "item_code": ("商家编码-商品维度",),
        "tracking_no": ("快递单号",),
        "carrier": ("快递公司",),
        "province": ("省",),
        "city": ("市",),
        "district": ("区",),
        "street": ("街道", "街道/镇"),
        "receiver_name": ("收货人",),
        "phone": ("手机",),
        "memo": ("商家备注",),
        "aftersale": ("售后状态",),
        "buyer_message": ("买家留言",),
        "refund": money_aliases(AMOUNT_COLUMNS, "退款金额(元)"),
    }
)

AFTERSALE_ALIASES = aliases(
    {
        "refund_id": ("售后编号",),
        "order_id": ("订单编号", "订单号"),
        "status": ("售后状态",),
        "kind": ("售后类型", "类型"),
        "amount": ("退款金额(元)", "退款金额", "申请退款金额(元)", "申请退款金额"),
        "reason": ("售后原因", "申请原因", "退款原因"),
        "title": ("商品名称", "商品"),
        "seller_code": ("商家编码-规格维度", "商家编码-SKU维度", "商家编码"),
        "applied_at": ("申请时间",),
        "finished_at": ("退款成功时间", "同意退款时间"),
    }
)


def _generation(headers: frozenset[str]) -> str:
    """Named after the seller-code column: 商家编码-SKU维度 (older) or 商家编码-规格维度."""
    if "商家编码-SKU维度" in headers:
        return "SKU维度"
    return "规格维度" if "商家编码-规格维度" in headers else ""


# Discounts taken off the paid amount (AMOUNT_COLUMNS: 多多支付立减金额 is not).
_DISCOUNTS = ("shop_discount", "platform_discount")
# Plain text columns, read in one pass per row (see _order).
_TEXTS = (
    "status", "aftersale", "title", "spec", "receiver_name", "province", "city", "district", "street",
    "buyer_message", "memo", "carrier",
)  # fmt: skip

ORDERS = Layout(
    name="pdd_orders",
    kind=FileKind.ORDERS,
    aliases=ORDER_ALIASES,
    required=("order_id", "status", "paid", "qty", "paid_at"),
    signature=header_set(
        "订单号 商品数量(件) 用户实付金额(元) 商家实收金额(元) 商品总价(元) 邮费(元) 店铺优惠折扣(元) "
        "拼单成功时间 样式ID 商家编码-规格维度 商家编码-SKU维度"
    ),
    min_signature=3,
    generation=_generation,
    # A custom column set may leave out 支付时间: 订单成交时间 is within a second of it, and empty
    # on unpaid rows (platform-formats.md §3.x), so it is read in its place, with a note.
    fallbacks=(Fallback("paid_at", "grouped_at"),),
)

AFTERSALES = Layout(
    name="pdd_aftersales",
    kind=FileKind.REFUNDS,
    aliases=AFTERSALE_ALIASES,
    required=("refund_id", "order_id", "status"),
    signature=header_set("售后编号 订单编号 售后状态 售后类型 申请时间 同意退款时间"),
    min_signature=3,
)


class PddParser(LayoutParser):
    platform = Platform.PDD
    layouts = (ORDERS, AFTERSALES)

    def parse_rows(self, table: Table, match: LayoutMatch, reader: RowReader, result: ParsedFile) -> None:
        if match.layout is AFTERSALES:
            self._parse_aftersales(table, reader, result)
        else:
            self._parse_orders(table, reader, result)

    def _parse_orders(self, table: Table, r: RowReader, result: ParsedFile) -> None:
        seen: dict[str, OrderRecord] = {}
        discounts = tuple(name for name in _DISCOUNTS if r.has(name))
        for row_no, cells in table.rows():
            result.rows += 1
            r.load(row_no, cells)
            order = self._order(r, discounts)
            previous = seen.get(order.order_id) if order.order_id else None
            if previous is not None:
                if _same_order(previous, order):
                    continue  # an exact repeat: PDD exports sometimes list an order twice
                r.problem("order_id", "duplicate_order", f"Order {order.order_id} appears twice, with changes.")
            if r.problems or not order.order_id:
                result.bad_rows.add(row_no)
                continue
            seen[order.order_id] = order
            result.orders.append(order)
            result.final = len(result.orders)

    def _order(self, r: RowReader, discounts: tuple[str, ...]) -> OrderRecord:
        order_id = r.ident("order_id", dashes=True)
        paid_cents = r.money("paid")
        (status_raw, aftersale_raw, title, spec, receiver, province, city, district, street, message, memo, carrier) = (
            r.texts(_TEXTS)
        )
        status = pdd_status(status_raw)
        if status is None and status_raw:
            r.unknown_status("status")
        refund_state = pdd_aftersale_state(aftersale_raw)
        if status is OrderStatus.REFUNDED:
            refund_state = RefundState.REFUNDED
        refund = r.money("refund")
        if refund_state is RefundState.REFUNDED and not refund:
            refund = None  # "…，退款成功" without an amount: the service takes the paid amount
        item = ItemRecord(
            sub_order_id=order_id,
            title=title,
            spec=spec,
            seller_code=r.first_code("seller_code", "item_code"),
            platform_item_id=r.code("product_id"),
            platform_sku_id=r.code("sku_id"),
            qty=r.qty("qty"),
            payable_cents=r.money("goods"),
            paid_cents=paid_cents,
            refund_cents=refund,
            status=status,
            status_raw=status_raw,
            refund_state=refund_state,
            refund_status_raw=aftersale_raw,
            source_row=r.row_no,
        )
        if item.qty > 0 and item.payable_cents is not None:
            item.unit_price_cents = (item.payable_cents * 2 + item.qty) // (item.qty * 2)  # half up
        return OrderRecord(
            platform=Platform.PDD,
            order_id=order_id,
            status=status,
            status_raw=status_raw,
            refund_state=refund_state,
            paid_at=r.first_when("paid_at", "grouped_at"),
            shipped_at=r.when("shipped_at"),
            completed_at=r.when("completed_at"),
            goods_cents=item.payable_cents,
            shipping_cents=r.money("shipping"),
            discount_cents=sum_known([r.money(name) for name in discounts]) if discounts else None,
            paid_cents=paid_cents,
            refund_cents=refund,
            receiver_name=receiver,
            receiver_phone=r.code("phone"),
            receiver_province=province,
            receiver_city=city,
            receiver_district=district,
            receiver_address=street,
            buyer_message=message,
            seller_memo=memo,
            carrier=carrier,
            tracking_no=r.tracking("tracking_no"),
            items=[item],
            source_row=r.row_no,
        )

    def _parse_aftersales(self, table: Table, r: RowReader, result: ParsedFile) -> None:
        parse_refund_rows(table, r, result, Platform.PDD, pdd_aftersale_state, dashes=True)


def _same_order(a: OrderRecord, b: OrderRecord) -> bool:
    """Equal apart from where they were read."""
    items_b = [replace(i, source_row=j.source_row) for i, j in zip(b.items, a.items, strict=False)]
    return replace(b, source_row=a.source_row, items=items_b) == a
