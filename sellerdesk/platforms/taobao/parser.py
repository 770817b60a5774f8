"""Taobao / Tmall exports (platform-formats.md §1).

* Order file (ExportOrderList / 订单报表), one row per main order, generations L1–L4. It carries no
  item lines; the import service joins the item file's lines by order id.
* Item file (ExportOrderDetailList / 宝贝报表), one row per line, generations D1 (no line id), D2, D3.
  Imported alone it still yields complete orders (grouped by 主订单编号).
* Refund export (退款管理 → 导出), one row per refund.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.records import FileKind, ItemRecord, OrderRecord, ParsedFile
from sellerdesk.platforms.base import (
    GUESS,
    PROVED,
    AmountColumn,
    Layout,
    LayoutMatch,
    LayoutParser,
    OrderGroups,
    RowReader,
    aliases,
    header_set,
    order_status_from_lines,
    parse_refund_rows,
    refund_state_from_lines,
    sum_known,
)
from sellerdesk.platforms.taobao.status import taobao_refund_state, taobao_status
from sellerdesk.sheets.cleaning import NULL_TEXTS
from sellerdesk.sheets.reading import Table

ORDER_ALIASES = aliases(
    {
        "order_id": ("订单编号", "主订单编号"),
        "buyer_nick": ("买家会员名", "买家会员昵称"),
        "goods": ("买家应付货款",),
        "shipping": ("买家应付邮费",),
        "paid": ("买家实际支付金额", "买家实付金额"),  # net of refunds in every era (docs/amounts.md)
        "total": ("总金额",),  # gross paid until 2025; list price × quantity in the 2026 layout
        "total_old": ("总金额(旧版)",),  # 2026: the old meaning of 总金额
        "units": ("宝贝总数量",),
        "kinds": ("宝贝种类",),
        "title": ("商品标题",),  # 2026: order-level item fields, for the single line of a one-item order
        "spec": ("商品属性SKU",),
        "seller_code": ("商家编码",),
        "status": ("订单状态",),
        "buyer_message": ("买家留言",),
        "receiver_name": ("收货人姓名",),
        "address": ("收货地址",),
        "address_modified": ("修改后的收货地址",),
        "mobile": ("联系手机",),
        "phone": ("联系电话",),
        "created_at": ("订单创建时间",),
        "paid_at": ("订单付款时间",),
        "tracking_no": ("物流单号",),
        "carrier": ("物流公司",),
        "memo": ("商家备忘", "商家备注"),
        "memo_old": ("订单备注",),
        "shop_name": ("店铺名称",),
        "close_reason": ("订单关闭原因",),
        "refund": ("退款金额",),
        "completed_at": ("确认收货时间",),
        "shipped_at": ("发货时间",),
    }
)

ITEM_ALIASES = aliases(
    {
        "order_id": ("主订单编号", "订单编号"),
        "sub_order_id": ("子订单编号",),
        "title": ("标题", "商品标题", "宝贝标题"),
        "price": ("价格", "商品价格"),
        "qty": ("购买数量",),
        "outer_id": ("外部系统编号",),
        "spec": ("商品属性",),
        "status": ("订单状态",),
        "seller_code": ("商家编码",),
        "payable": ("买家应付货款",),
        "paid": ("买家实际支付金额", "买家实付金额"),
        "refund_status": ("退款状态",),
        "refund": ("退款金额",),
        "created_at": ("订单创建时间",),
        "paid_at": ("订单付款时间",),
        "product_id": ("商品ID", "商品id"),
        "memo": ("商家备注", "主订单备注"),
        "buyer_message": ("主订单买家留言",),
        "shipped_at": ("发货时间",),
        "tracking_no": ("物流单号",),
        "carrier": ("物流公司",),
    }
)

REFUND_ALIASES = aliases(
    {
        "refund_id": ("退款编号",),
        "order_id": ("订单编号",),
        "amount": ("买家退款金额", "退款金额"),
        "status": ("退款状态",),
        "kind": ("售后类型", "是否需要退货"),
        "reason": ("买家退款原因", "退款原因"),
        "seller_code": ("商品编码", "商家编码"),
        "title": ("宝贝标题", "商品标题"),
        "applied_at": ("退款的申请时间", "申请时间"),
        "finished_at": ("退款完结时间", "完结时间"),
    }
)


def _order_generation(headers: frozenset[str]) -> str:
    if headers & {"买家会员昵称", "虚拟号过期时间", "商家备忘"}:  # 主订单编号 is already in L3 (real 2019 files)
        return "L4"
    if headers & {"支付单号", "支付详情"}:
        return "L3"
    if headers & {"宝贝总数量", "店铺名称", "订单关闭原因", "退款金额"}:
        return "L2"
    return "L1"


def _item_generation(headers: frozenset[str]) -> str:
    if "子订单编号" not in headers:
        return "D1"
    if headers & {"商品标题", "商品价格", "买家实付金额"}:
        return "D3"
    return "D2"


ORDERS = Layout(
    name="taobao_orders",
    kind=FileKind.TAOBAO_ORDERS,
    aliases=ORDER_ALIASES,
    required=("order_id", "status", "paid", "created_at", "paid_at"),
    signature=header_set("买家会员名 收货地址 买家实际支付金额 宝贝标题 宝贝种类 订单付款时间 买家应付邮费 联系手机"),
    min_signature=3,
    file_hint="ExportOrderList",
    generation=_order_generation,
)

ITEMS = Layout(
    name="taobao_items",
    kind=FileKind.TAOBAO_ITEMS,
    aliases=ITEM_ALIASES,
    required=("order_id", "qty", "status"),
    signature=header_set("子订单编号 标题 商品标题 价格 商品价格 购买数量 商品属性 套餐信息 外部系统编号 退款状态"),
    min_signature=4,
    file_hint="ExportOrderDetailList",
    generation=_item_generation,
)

REFUNDS = Layout(
    name="taobao_refunds",
    kind=FileKind.REFUNDS,
    aliases=REFUND_ALIASES,
    required=("refund_id", "order_id", "status"),
    signature=header_set("退款编号 买家退款金额 退款的申请时间 退款完结时间 买家退款原因 售中或售后 是否需要退货"),
    min_signature=3,
)


# What each amount column means, in every era (docs/amounts.md states the same rows, with the evidence).
AMOUNT_COLUMNS: tuple[AmountColumn, ...] = (
    AmountColumn(
        "买家实际支付金额 / 买家实付金额",
        "what stays paid after refunds, net: a fully refunded order shows 0.00; gross paid = it + 退款金额",
        PROVED,
    ),
    AmountColumn("退款金额", "refunded amount of the order", PROVED),
    AmountColumn(
        "总金额 (until 2025)", "gross paid; must equal 买家实际支付金额 + 退款金额, else the row is refused", PROVED
    ),
    AmountColumn(
        "总金额(旧版) (2026)",
        "the old meaning of 总金额 (= 买家应付货款 + 买家应付邮费 on every paid row); checked like it",
        PROVED,
    ),
    AmountColumn("总金额 (2026)", "list price × quantity (199.00 on a 169.00 sale): never taken as paid", PROVED),
    AmountColumn("买家应付货款 / 买家应付邮费", "goods and shipping payable", PROVED),
    AmountColumn(
        "item file 买家实际支付金额 / 买家实付金额",
        "the line's paid amount, summed only while no order file is imported; whether it is net of refunds like"
        " the order file's is not known (no real D2/D3 item file yet)",
        GUESS,
    ),
)


@dataclass(frozen=True, slots=True)
class OrderAmounts:
    gross: int | None  # what the buyer paid, refunds not taken off (what GMV counts)
    refund: int | None


def order_amounts(r: RowReader, *, paid: bool) -> OrderAmounts:
    """The gross paid amount and the refund of an order-file row (AMOUNT_COLUMNS).

    买家实际支付金额 is net of refunds, so gross = it + 退款金额 on a paid order. 总金额 (or 2026's
    总金额(旧版)) must equal that sum; a row where it does not is refused with the values named. Files
    without 退款金额 (L1) take the refund as 总金额 − 买家实际支付金额.
    """
    net = r.money("paid")
    refund = r.money("refund")
    total = _gross_total(r)
    if net is None or not paid:  # unpaid orders are no sale: nothing to add up or check
        return OrderAmounts(net, refund)
    if refund is None and not r.has("refund"):  # L1: the refund is what 总金额 has beyond the net
        refund = max(0, (total if total is not None else net) - net)
        return OrderAmounts(net + refund, refund)
    gross = net + (refund or 0)
    if total is not None and total != gross:
        name = "total_old" if r.has("total_old") else "total"
        r.problem(
            name,
            "amounts_disagree",
            f"{r.header_of(name).strip()} {_yuan(total)} is not {r.header_of('paid').strip()} {_yuan(net)}"
            f" + {r.header_of('refund').strip()} {_yuan(refund or 0)}.",
        )
    return OrderAmounts(gross, refund)


def _gross_total(r: RowReader) -> int | None:
    """The column that repeats the gross paid amount, if the file has one (2026: 总金额 is a list price)."""
    if r.has("total_old"):
        return r.money("total_old")
    if r.has("total") and r.header_of("paid").strip() == "买家实际支付金额":
        return r.money("total")
    return None


def _yuan(cents: int) -> str:
    return f"{cents / 100:.2f}"


def _add_order_level_line(r: RowReader, order: OrderRecord) -> None:
    """The 2026 order file names a one-item order's product (商品标题, 商品属性SKU, 商家编码, 宝贝总数量):
    that makes its single line when no item file comes with it. The line id is the order id, which the
    item file gives a one-line order's 子订单编号, so a later item file updates this line, not adds one."""
    kinds = r.qty("kinds", required=False) if r.has("kinds") else 1
    units = order.units or 0
    if kinds != 1 or units <= 0:
        return  # several products (the item file has them) or none (closed before payment)
    goods = order.goods_cents
    order.items.append(
        ItemRecord(
            sub_order_id=order.order_id,
            title=r.text("title"),
            spec=r.text("spec"),
            seller_code=r.code("seller_code"),
            qty=units,
            unit_price_cents=goods // units if goods else 0,
            payable_cents=goods,
            paid_cents=order.paid_cents,
            refund_cents=order.refund_cents,
            status=order.status,
            status_raw=order.status_raw,
            refund_state=order.refund_state,
            source_row=r.row_no,
        )
    )


_SPLIT_ADDRESS = dict.fromkeys(
    ("receiver_province", "receiver_city", "receiver_district", "receiver_address", "receiver_zip"), "address"
)


def split_address(text: str) -> tuple[str, str, str, str, str]:
    """``浙江省 杭州市 西湖区 文三路1号(310000)`` → (province, city, district, address, zip).

    Real files also write ``省 市 区    街道 详细`` (a run of spaces before the street, no post code), with
    the city or district left out around runs of spaces (``新疆维吾尔自治区   石河子市    向阳街道 …``), a
    literal ``null`` district and ``(000000)`` for no post code. Anything else stays whole in ``address``.
    """
    s = text.strip()
    postcode = ""
    if s.endswith((")", "）")):
        start = max(s.rfind("("), s.rfind("（"))
        inner = s[start + 1 : -1].strip()
        if start >= 0 and inner.isdigit():
            postcode, s = inner, s[:start].strip()
    if postcode == "000000":
        postcode = ""  # Taobao's placeholder for "no post code"
    segments = _SPACE_RUN.split(s)
    if len(segments) >= 2:  # the admin part, then the street after a run of spaces
        admin = " ".join(segments[:-1]).split()
        if 1 <= len(admin) <= 3:
            province, city, district = (*admin, "", "")[:3]
            return province, city, _not_null(district), segments[-1], postcode
    parts = s.split()
    if len(parts) >= 4:
        return parts[0], parts[1], _not_null(parts[2]), " ".join(parts[3:]), postcode
    return "", "", "", s, postcode


_SPACE_RUN = re.compile(r"\s{2,}")


def _not_null(part: str) -> str:
    return "" if part in NULL_TEXTS else part  # a city without districts says null


class TaobaoParser(LayoutParser):
    platform = Platform.TAOBAO
    layouts = (ORDERS, ITEMS, REFUNDS)

    def parse_rows(self, table: Table, match: LayoutMatch, reader: RowReader, result: ParsedFile) -> None:
        handlers: dict[str, Callable[[Table, RowReader, ParsedFile], None]] = {
            ORDERS.name: self._parse_orders,
            ITEMS.name: self._parse_items,
            REFUNDS.name: self._parse_refunds,
        }
        handlers[match.layout.name](table, reader, result)

    # --- order file ---

    def _parse_orders(self, table: Table, r: RowReader, result: ParsedFile) -> None:
        seen: set[str] = set()
        for row_no, cells in table.rows():
            result.rows += 1
            r.load(row_no, cells)
            order = self._order(r)
            if order is not None:
                r.check_lengths(order, _SPLIT_ADDRESS)
            if order is not None and order.order_id in seen:
                r.problem("order_id", "duplicate_order", f"Order {order.order_id} appears twice in the file.")
            if r.problems or order is None:
                result.bad_rows.add(row_no)
                continue
            seen.add(order.order_id)
            if not result.shop_name:
                result.shop_name = order.shop_name
            result.orders.append(order)
            result.final = len(result.orders)

    def _order(self, r: RowReader) -> OrderRecord | None:
        order_id = r.ident("order_id")
        paid_at = r.when("paid_at")
        status_raw = r.text("status")
        close_reason = r.text("close_reason")
        status = taobao_status(status_raw, paid=paid_at is not None, close_reason=close_reason)
        if status is None and status_raw:
            r.unknown_status("status")
        amounts = order_amounts(r, paid=paid_at is not None)
        refund = amounts.refund
        if status is OrderStatus.REFUNDED and not refund:
            refund = None  # closed after payment but no amount given: the service derives it
        address = r.text("address_modified") or r.text("address")  # the buyer's change wins
        province, city, district, street, postcode = split_address(address)
        order = OrderRecord(
            platform=Platform.TAOBAO,
            order_id=order_id,
            shop_name=r.text("shop_name"),
            status=status,
            status_raw=status_raw,
            refund_state=_order_refund_state(status, refund),
            created_at=r.when("created_at"),
            paid_at=paid_at,
            shipped_at=r.when("shipped_at"),
            completed_at=r.when("completed_at"),
            goods_cents=r.money("goods"),
            shipping_cents=r.money("shipping"),
            paid_cents=amounts.gross,
            refund_cents=refund,
            units=r.qty("units", required=False) if r.has("units") else None,
            buyer_nick=r.text("buyer_nick"),
            receiver_name=r.text("receiver_name"),
            receiver_phone=r.first_code("mobile", "phone"),
            receiver_province=province,
            receiver_city=city,
            receiver_district=district,
            receiver_address=street,
            receiver_zip=postcode,
            buyer_message=r.text("buyer_message"),
            seller_memo=r.first_text("memo", "memo_old"),
            carrier=r.text("carrier"),
            tracking_no=r.tracking("tracking_no"),
            close_reason=close_reason,
            source_row=r.row_no,
        )
        if r.has("seller_code") or r.has("title"):
            _add_order_level_line(r, order)
        return order if order_id else None

    # --- item file ---

    def _parse_items(self, table: Table, r: RowReader, result: ParsedFile) -> None:
        has_refund_status = r.has("refund_status")
        groups = OrderGroups(
            result, complete=lambda order: _finish_item_order(order, has_refund_status=has_refund_status)
        )
        positions: dict[str, int] = {}
        has_line_id = r.has("sub_order_id")
        for row_no, cells in table.rows():
            result.rows += 1
            r.load(row_no, cells)
            order_id = r.ident("order_id")
            order = groups.get(order_id) or self._item_order(r, order_id)
            if has_line_id:
                line_id = r.ident("sub_order_id")
            else:  # D1 has no line id: number the lines by their position in the order
                positions[order_id] = positions.get(order_id, 0) + 1
                line_id = f"{order_id}#{positions[order_id]}"
            groups.add_line(
                r, order_id, order if order_id else None, self._item(r, line_id, paid=order.paid_at is not None)
            )
        groups.finish(r)

    def _item_order(self, r: RowReader, order_id: str) -> OrderRecord:
        return OrderRecord(
            platform=Platform.TAOBAO,
            order_id=order_id,
            created_at=r.when("created_at"),
            paid_at=r.when("paid_at"),
            seller_memo=r.text("memo"),
            buyer_message=r.text("buyer_message"),
            source_row=r.row_no,
        )

    def _item(self, r: RowReader, line_id: str, *, paid: bool) -> ItemRecord:
        refund_raw = r.text("refund_status")
        refund_state = taobao_refund_state(refund_raw)
        status_raw = r.text("status")
        status = taobao_status(status_raw, paid=paid, refunded=refund_state is RefundState.REFUNDED)
        if status is None and status_raw:
            r.unknown_status("status")
        if status is OrderStatus.REFUNDED:
            refund_state = RefundState.REFUNDED  # 交易关闭 after payment: the money went back
        return ItemRecord(
            sub_order_id=line_id,
            title=r.text("title"),
            spec=r.text("spec"),
            seller_code=r.first_code("seller_code", "outer_id"),
            platform_item_id=r.code("product_id"),
            qty=r.qty("qty"),
            unit_price_cents=r.money("price") or 0,
            payable_cents=r.money("payable"),
            paid_cents=r.money("paid"),
            refund_cents=r.money("refund"),
            status=status,
            status_raw=status_raw,
            refund_state=refund_state,
            refund_status_raw=refund_raw,
            carrier=r.text("carrier"),
            tracking_no=r.tracking("tracking_no"),
            shipped_at=r.when("shipped_at"),
            source_row=r.row_no,
        )

    # --- refund export ---

    def _parse_refunds(self, table: Table, r: RowReader, result: ParsedFile) -> None:
        parse_refund_rows(table, r, result, Platform.TAOBAO, taobao_refund_state)


def _order_refund_state(status: OrderStatus | None, refund: int | None) -> RefundState:
    if status is OrderStatus.REFUNDED or (refund or 0) > 0:
        return RefundState.REFUNDED
    return RefundState.NONE


def _finish_item_order(order: OrderRecord, *, has_refund_status: bool) -> None:
    """Order-level figures of an item-file order, from its lines."""
    items = order.items
    # D1 gives no times and no totals: until the order file describes the order, it is no sale.
    order.incomplete = order.paid_at is None and order.created_at is None
    order.status = order_status_from_lines([i.status for i in items])
    raws = list(dict.fromkeys(i.status_raw for i in items if i.status_raw))
    order.status_raw = "；".join(raws)
    order.refund_state = refund_state_from_lines([i.refund_state for i in items])
    order.paid_cents = sum_known([i.paid_cents for i in items])
    if has_refund_status:
        refunded = [i.refund_cents or 0 for i in items if i.refund_state is RefundState.REFUNDED]
        # Refunded by status but no amount given: leave None so the service derives it.
        order.refund_cents = sum(refunded) if sum(refunded) or not refunded else None
    order.shipped_at = min((i.shipped_at for i in items if i.shipped_at), default=None)
    order.carrier = next((i.carrier for i in items if i.carrier), "")
    order.tracking_no = next((i.tracking_no for i in items if i.tracking_no), "")
