"""JD order export (platform-formats.md §2): one row per SKU line, order columns repeated on each row.

Order-level amounts (订单金额, 应付金额 …) are taken once per order, from its first row, and 订单金额 is
checked against the lines (Σ 京东价 × 订购数量): an order whose lines do not add up is reported, not
stored. JD gives no line id, so lines get ``{order_id}#{商品ID}`` (numbered if a SKU repeats), which
survives re-exports that reorder rows.
"""

from __future__ import annotations

from sellerdesk.domain.enums import Platform
from sellerdesk.domain.money import plain_yuan
from sellerdesk.domain.records import FileKind, ItemRecord, OrderRecord, ParsedFile, RowProblem
from sellerdesk.platforms.base import (
    API_DOCS,
    GUESS,
    AmountColumn,
    Layout,
    LayoutMatch,
    LayoutParser,
    OrderGroups,
    RowReader,
    aliases,
    header_set,
    line_id,
    money_aliases,
)
from sellerdesk.platforms.jd.status import jd_status
from sellerdesk.sheets.reading import Table

# What the money columns mean (docs/amounts.md). No real download yet: JD's open-API field texts, and one
# real 2015 row quoted in platform-formats.md §2.x.
AMOUNT_COLUMNS: tuple[AmountColumn, ...] = (
    AmountColumn(
        "订单金额", "goods: Σ 京东价 × 订购数量, before discounts and shipping (orderTotalPrice); order-level", API_DOCS
    ),
    AmountColumn("结算金额", "订单金额 − the seller's discounts (orderSellerPrice); order-level; not read", API_DOCS),
    AmountColumn(
        "应付金额",
        "paid amount: goods − buyer discounts − balance + shipping + tax + service fees (orderPayment); "
        "order-level, counted once per order",
        API_DOCS,
    ),
    AmountColumn("应付金额 after a refund", "unchanged (gross): the export has no refund column", GUESS),
    AmountColumn("京东价", "unit price of the line", API_DOCS),
    AmountColumn("运费金额", "shipping charged to the buyer; order-level", API_DOCS),
    AmountColumn("余额支付", "part paid from the buyer's JD balance (in 应付金额); not read", API_DOCS),
)

JD_ALIASES = aliases(
    {
        "order_id": ("订单号",),
        "sku_id": ("商品ID", "商品编号"),
        "title": ("商品名称",),
        "qty": ("订购数量",),
        "created_at": ("下单时间",),
        "price": money_aliases(AMOUNT_COLUMNS, "京东价"),
        "goods": money_aliases(AMOUNT_COLUMNS, "订单金额"),
        "paid": money_aliases(AMOUNT_COLUMNS, "应付金额"),
        "status": ("订单状态",),
        "buyer": ("下单帐号", "下单账号"),
        "receiver_name": ("客户姓名",),
        "address": ("客户地址",),
        "phone": ("联系电话",),
        "buyer_message": ("订单备注",),
        "memo": ("商家备注",),
        "shipping": money_aliases(AMOUNT_COLUMNS, "运费金额"),
        "paid_at": ("付款确认时间",),
        "item_code": ("货号",),
        "completed_at": ("订单完成时间",),
        "seller_sku": ("商家SKUID",),
        "zip": ("邮政编码",),
    }
)

# Plain text columns of an order, read in one pass (see _order).
_ORDER_TEXTS = ("status", "buyer", "receiver_name", "address", "buyer_message", "memo")

LINES = Layout(
    name="jd_lines",
    kind=FileKind.ORDER_LINES,
    aliases=JD_ALIASES,
    required=("order_id", "qty", "paid", "status", "paid_at"),
    signature=header_set("订单号 商品ID 订购数量 京东价 应付金额 下单帐号 付款确认时间 结算金额 余额支付 客户地址"),
    min_signature=3,
    generation=lambda headers: "商家SKUID" if "商家SKUID" in headers else "货号",
)


class JdParser(LayoutParser):
    platform = Platform.JD
    layouts = (LINES,)

    def parse_rows(self, table: Table, match: LayoutMatch, reader: RowReader, result: ParsedFile) -> None:
        r = reader
        groups = OrderGroups(result, check=lambda order: _goods_add_up(order, r))
        line_ids: dict[str, int] = {}
        for row_no, cells in table.rows():
            result.rows += 1
            r.load(row_no, cells)
            order_id = r.ident("order_id")
            order = groups.get(order_id) or self._order(r, order_id)
            item = self._item(r, order, line_ids)
            if groups.add_row(r, order_id, order if order_id else None):
                order.items.append(item)
        groups.finish(r)

    def _order(self, r: RowReader, order_id: str) -> OrderRecord:
        paid_at = r.when("paid_at")
        status_raw, buyer, receiver, address, message, memo = r.texts(_ORDER_TEXTS)
        status = jd_status(status_raw, paid=paid_at is not None)
        if status.status is None and status_raw:
            r.unknown_status("status")
        return OrderRecord(
            platform=Platform.JD,
            order_id=order_id,
            status=status.status,
            status_raw=status_raw,
            refund_state=status.refund_state,
            created_at=r.when("created_at"),
            paid_at=paid_at,
            completed_at=r.when("completed_at"),
            goods_cents=r.money("goods"),
            shipping_cents=r.money("shipping"),
            paid_cents=r.money("paid"),
            # 已取消 after payment: refunded in full, but JD's order file gives no amount (service derives).
            refund_cents=None,
            buyer_nick=buyer,
            receiver_name=receiver,
            receiver_phone=r.code("phone"),
            receiver_address=address,
            receiver_zip=r.code("zip"),
            buyer_message=message,
            seller_memo=memo,
            locked=status.locked,
            deleted=status.deleted,
            source_row=r.row_no,
        )

    def _item(self, r: RowReader, order: OrderRecord, line_ids: dict[str, int]) -> ItemRecord:
        sku_id = r.code("sku_id")
        return ItemRecord(
            sub_order_id=line_id(order.order_id, sku_id or "line", line_ids),
            title=r.text("title"),
            seller_code=r.first_code("seller_sku", "item_code"),  # 商家SKUID is the SKU-level code
            platform_sku_id=sku_id,
            qty=r.qty("qty"),
            unit_price_cents=r.money("price") or 0,
            # JD reports status per order, not per line: a line-level "refunded" would make the
            # service refund line prices instead of the order's 应付金额.
            source_row=r.row_no,
        )


def _goods_add_up(order: OrderRecord, r: RowReader) -> bool:
    """订单金额 against the lines (Σ 京东价 × 订购数量). Some exports count the shipping in (订单金额 =
    lines + 运费金额, as the sample files): then the goods are the lines. Any other difference (a split
    order, a changed price) is reported on the order's first row and the order left out."""
    if order.goods_cents is None:
        return True
    lines = sum(i.unit_price_cents * i.qty for i in order.items)
    if order.goods_cents == lines:
        return True
    if order.shipping_cents and order.goods_cents == lines + order.shipping_cents:
        order.goods_cents = lines
        return True
    stated, summed = plain_yuan(order.goods_cents), plain_yuan(lines)
    r.all_problems.append(
        RowProblem(
            r.file_name,
            order.source_row,
            r.header_of("goods"),
            f"{stated} ≠ {summed}",
            "amounts_disagree",
            f"Order {order.order_id}: 订单金额 {stated} is not the sum of its lines' 京东价 × 订购数量 ({summed}); "
            "the whole order is left out.",
        )
    )
    return False
