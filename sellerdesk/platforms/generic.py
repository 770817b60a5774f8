"""Files read through a user-confirmed column mapping: Kuaishou, Xiaohongshu (no public header lists,
platform-formats.md §5–§6) and any layout detection does not recognise.

The mapping is ``canonical field -> header as in the file``. Rows are grouped by order id, so one row
per order and one row per line both work; order-level fields are read from an order's first row.
A thin order-level file (no line columns at all) gives orders without lines; one without a status
column gets its status from the payment time and the amounts (``derived_status``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.errors import ImportFileError, ValidationError
from sellerdesk.domain.records import FileKind, ItemRecord, OrderRecord, ParsedFile
from sellerdesk.platforms.base import (
    Layout,
    LayoutMatch,
    LayoutParser,
    OrderGroups,
    RowReader,
    aliases,
    by_substring,
    map_headers,
    match_layout,
    order_status_from_lines,
    refund_state_from_lines,
    sum_known,
)
from sellerdesk.sheets.cleaning import normalize_header
from sellerdesk.sheets.reading import Table

# Status texts of layouts without a documented status list (Kuaishou API texts included). Cached: a file
# holds a handful of distinct texts in 100,000 rows.
S = OrderStatus

_GENERIC_STATUS: tuple[tuple[str, OrderStatus], ...] = (
    ("退款成功", S.REFUNDED),
    ("已退款", S.REFUNDED),
    ("退款中", S.REFUNDING),
    ("待付款", S.PENDING_PAYMENT),
    ("待支付", S.PENDING_PAYMENT),
    ("等待付款", S.PENDING_PAYMENT),
    ("等待买家付款", S.PENDING_PAYMENT),
    ("订单失败", S.CLOSED),
    ("交易关闭", S.CLOSED),
    ("已关闭", S.CLOSED),
    ("已取消", S.CLOSED),
    ("订单成功", S.COMPLETED),
    ("交易成功", S.COMPLETED),
    ("已完成", S.COMPLETED),
    ("已签收", S.SHIPPED),
    ("已发货", S.SHIPPED),
    ("待收货", S.SHIPPED),
    ("等待买家确认", S.SHIPPED),
    ("已付款", S.PAID),
    ("待发货", S.PAID),
    ("备货中", S.PAID),
    ("等待卖家发货", S.PAID),
)


@lru_cache(maxsize=512)
def generic_status(raw: str) -> OrderStatus | None:
    """Best effort for layouts without a documented status list (Kuaishou API texts included)."""
    return by_substring(raw, _GENERIC_STATUS)


@lru_cache(maxsize=512)
def generic_refund_state(raw: str) -> RefundState:
    if not raw or "无售后" in raw or "没有申请" in raw:
        return RefundState.NONE
    if "退款成功" in raw or "售后完成" in raw or "已退款" in raw:
        return RefundState.REFUNDED
    if "关闭" in raw or "取消" in raw or "撤销" in raw or "失败" in raw:
        return RefundState.NONE
    if "拒绝" in raw or "驳回" in raw:
        return RefundState.REJECTED
    return RefundState.REFUNDING


@dataclass(frozen=True)
class FieldDef:
    """A canonical field the mapping dialog offers; ``label`` is English (the UI translates it)."""

    name: str
    label: str
    level: str  # "order": read once per order; "line": read on every row
    required: bool = False


GENERIC_FIELDS: tuple[FieldDef, ...] = (
    FieldDef("order_id", "Order number", "order", required=True),
    FieldDef("paid_at", "Payment time", "order", required=True),
    FieldDef("qty", "Quantity", "line"),  # needed only when the file has line columns (see missing_fields)
    FieldDef("order_paid", "Paid amount (order, counted once)", "order"),
    FieldDef("order_paid_net", "Paid amount net of refunds (order; paid = this + refund amount)", "order"),
    FieldDef("line_paid", "Paid amount (line, summed per order)", "line"),
    FieldDef("sub_order_id", "Line / sub-order number", "line"),
    FieldDef("status", "Order status", "order"),
    FieldDef("refund_status", "After-sale / refund status", "line"),
    FieldDef("order_refund", "Refund amount (order, counted once)", "order"),
    FieldDef("line_refund", "Refund amount (line)", "line"),
    FieldDef("created_at", "Order time", "order"),
    FieldDef("shipped_at", "Shipping time", "order"),
    FieldDef("completed_at", "Completion time", "order"),
    FieldDef("shipping", "Shipping fee", "order"),
    FieldDef("title", "Product title", "line"),
    FieldDef("spec", "Specification", "line"),
    FieldDef("seller_code", "Seller SKU code (商家编码)", "line"),
    FieldDef("product_id", "Platform product id", "line"),
    FieldDef("sku_id", "Platform SKU id", "line"),
    FieldDef("price", "Unit price", "line"),
    FieldDef("buyer_nick", "Buyer", "order"),
    FieldDef("receiver_name", "Receiver", "order"),
    FieldDef("receiver_phone", "Receiver phone", "order"),
    FieldDef("province", "Province", "order"),
    FieldDef("city", "City", "order"),
    FieldDef("district", "District", "order"),
    FieldDef("address", "Address", "order"),
    FieldDef("buyer_message", "Buyer message", "order"),
    FieldDef("seller_memo", "Seller memo", "order"),
    FieldDef("carrier", "Carrier", "order"),
    FieldDef("tracking_no", "Tracking number", "order"),
)
FIELDS_BY_NAME = {f.name: f for f in GENERIC_FIELDS}
REQUIRED_FIELDS = tuple(f.name for f in GENERIC_FIELDS if f.required)
PAID_FIELDS = ("order_paid", "line_paid", "order_paid_net")  # one of them is required
# Fields that make the file one with item lines (then a quantity is needed); without any, orders have none.
LINE_FIELDS = frozenset(f.name for f in GENERIC_FIELDS if f.level == "line")

# Header names to pre-fill the mapping dialog with (Kuaishou/Xiaohongshu guesses included).
SUGGESTIONS = aliases(
    {
        "order_id": ("订单号", "订单编号", "主订单编号", "订单ID"),
        "sub_order_id": ("子订单号", "子订单编号", "子订单ID"),
        "paid_at": ("付款时间", "支付时间", "支付完成时间", "订单付款时间"),
        "qty": ("数量", "商品数量", "购买数量", "成交数量", "商品数量(件)", "订购数量"),
        "order_paid": ("实付款", "实付金额", "订单实付金额", "买家实付", "用户实付金额(元)", "应付金额"),
        # Taobao's: what stays paid after refunds (platform-formats.md §1.2.2)
        "order_paid_net": ("买家实际支付金额", "买家实付金额"),
        "line_paid": ("商品实付金额", "子订单实付金额", "订单应付金额"),
        "status": ("订单状态", "交易状态"),
        "refund_status": ("售后状态", "退款状态"),
        "order_refund": ("退款金额", "退款金额(元)"),
        "created_at": ("下单时间", "订单创建时间", "创建时间", "订单提交时间"),
        "shipped_at": ("发货时间",),
        "completed_at": ("完成时间", "确认收货时间", "订单完成时间", "成交时间"),
        "shipping": ("运费", "邮费", "邮费(元)"),
        "title": ("商品名称", "商品标题", "商品", "选购商品", "标题"),
        "spec": ("规格", "商品规格", "SKU规格", "商品属性"),
        "seller_code": ("商家编码", "SKU编码", "商家SKU编码", "货号", "商品编码"),
        "product_id": ("商品ID", "商品id"),
        "sku_id": ("SKUID", "SKU ID", "规格ID"),
        "price": ("单价", "商品单价", "商品价格", "价格"),
        "buyer_nick": ("买家昵称", "买家", "买家会员名"),
        "receiver_name": ("收货人", "收件人", "收货人姓名"),
        "receiver_phone": ("收货人电话", "收货人手机", "手机", "收件人手机号", "联系电话"),
        "province": ("省", "省份"),
        "city": ("市", "城市"),
        "district": ("区", "区县"),
        "address": ("详细地址", "收货地址", "地址"),
        "buyer_message": ("买家留言", "买家备注"),
        "seller_memo": ("商家备注", "卖家备注"),
        "carrier": ("快递公司", "物流公司"),
        "tracking_no": ("快递单号", "物流单号", "运单号"),
    }
)


def suggest_mapping(headers: Sequence[str]) -> dict[str, str]:
    """A first guess for the mapping dialog: canonical field -> header as in the file."""
    return {name: headers[index] for name, index in map_headers(headers, SUGGESTIONS).items()}


def missing_fields(mapping: Mapping[str, str]) -> list[str]:
    """Canonical fields the mapping still needs before a file can be imported: the order number, the
    payment time, a paid amount; the refund amount with a net paid amount (paid = net + refund); a
    quantity when any line column is mapped (a thin order-level file has lines of no one's units)."""
    mapped = {name for name, header in mapping.items() if header}
    missing = [name for name in REQUIRED_FIELDS if name not in mapped]
    if not mapped & set(PAID_FIELDS):
        missing.append(PAID_FIELDS[0])
    if "order_paid_net" in mapped and "order_refund" not in mapped:
        missing.append("order_refund")
    if mapped & LINE_FIELDS and "qty" not in mapped:
        missing.append("qty")
    return missing


def validate_mapping(mapping: Mapping[str, str], header: Sequence[str]) -> None:
    """Refuse a mapping that cannot read this file: unknown fields, headers the file lacks, a paid amount
    mapped both gross and net, required fields missing. Raises ``ValidationError`` with a code."""
    unknown = sorted(set(mapping) - set(FIELDS_BY_NAME))
    if unknown:
        raise ValidationError(
            f"Unknown fields in the column mapping: {', '.join(unknown)}.", code="mapping_unknown_field", fields=unknown
        )
    present = {normalize_header(h) for h in header}
    absent = [h for h in mapping.values() if h and normalize_header(h) not in present]
    if absent:
        raise ValidationError(
            f"Not columns of this file: {', '.join(absent)}.", code="mapping_bad_column", columns=absent
        )
    if mapping.get("order_paid") and mapping.get("order_paid_net"):
        raise ValidationError(
            "Map the order's paid amount either as paid (order_paid) or as net of refunds (order_paid_net), not both.",
            code="mapping_paid_twice",
        )
    missing = missing_fields(mapping)
    if missing:
        raise ValidationError(
            f"The mapping still needs: {', '.join(missing)}.", code="mapping_incomplete", fields=missing
        )


@dataclass(frozen=True)
class MappingSpec:
    """A column mapping as a file holds it (``import --mapping``) and the mapping dialog gives it:
    ``{"platform": "taobao", "shop": "…", "columns": {"order_id": "订单编号", …}}`` (docs/column-mapping.md)."""

    platform: Platform = Platform.OTHER
    columns: dict[str, str] = field(default_factory=dict)
    shop: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"platform": self.platform.value, "columns": dict(self.columns)}
        if self.shop:
            data["shop"] = self.shop
        return data

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def loads(cls, text: str, source: str = "") -> MappingSpec:
        """Parse and check the JSON shape; raises ``ImportFileError`` (``mapping_bad_json``) naming the problem."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise _bad_json(source, f"not JSON ({exc})") from None
        return cls.from_json(data, source)

    @classmethod
    def from_json(cls, data: object, source: str = "") -> MappingSpec:
        if not isinstance(data, dict):
            raise _bad_json(source, "not a JSON object")
        extra = sorted(set(data) - {"platform", "columns", "shop"})
        if extra:
            raise _bad_json(source, f"unknown keys {', '.join(extra)}")
        columns = data.get("columns")
        if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
            raise _bad_json(source, '"columns" must map field names to header texts')
        platform, shop = data.get("platform", Platform.OTHER.value), data.get("shop", "")
        if platform not in {p.value for p in Platform} or not isinstance(shop, str):
            raise _bad_json(source, f"unknown platform {platform!r}" if isinstance(shop, str) else '"shop" is text')
        unknown = sorted(set(columns) - set(FIELDS_BY_NAME))
        if unknown:
            raise ValidationError(
                f"Unknown fields in the column mapping: {', '.join(unknown)}.",
                code="mapping_unknown_field",
                fields=unknown,
            )
        return cls(Platform(platform), {k: v for k, v in columns.items() if v}, shop.strip())


def _bad_json(source: str, detail: str) -> ImportFileError:
    return ImportFileError(
        f"{source or 'The column mapping'}: not a column mapping: {detail}.",
        code="mapping_bad_json",
        file=source,
        detail=detail,
    )


class GenericParser(LayoutParser):
    """A parser driven by a user-supplied mapping (canonical field -> header)."""

    def __init__(self, mapping: Mapping[str, str], platform: Platform = Platform.OTHER) -> None:
        unknown = sorted(set(mapping) - set(FIELDS_BY_NAME))
        if unknown:
            raise ImportFileError(f"Unknown fields in the column mapping: {', '.join(unknown)}.", code="bad_mapping")
        self.mapping = {name: header for name, header in mapping.items() if header}
        self.platform = platform
        layout = Layout(
            name="generic",
            kind=FileKind.ORDER_LINES if LINE_FIELDS & set(self.mapping) else FileKind.ORDERS,
            aliases=aliases({name: (header,) for name, header in self.mapping.items()}),
            required=tuple(self.mapping),  # every header the user picked must be in the file
            signature=frozenset(normalize_header(h) for h in self.mapping.values()),
            min_signature=1,
        )
        self.layouts = (layout,)

    def detect(self, headers: Sequence[str], file_name: str = "") -> LayoutMatch | None:
        match = match_layout(self.layouts[0], headers, file_name)
        if match is None:
            return None
        # Fields the mapping does not name at all are missing too (shown by canonical name).
        missing = (*match.missing_required, *missing_fields(self.mapping))
        return replace(match, missing_required=missing)

    def parse_rows(self, table: Table, match: LayoutMatch, reader: RowReader, result: ParsedFile) -> None:
        r = reader
        groups = OrderGroups(result, complete=lambda order: self._finish(order, r))
        positions: dict[str, int] = {}
        has_lines = bool(LINE_FIELDS & set(self.mapping))
        for row_no, cells in table.rows():
            result.rows += 1
            r.load(row_no, cells)
            order_id = r.ident("order_id", dashes=True)
            order = groups.get(order_id) or self._order(r, order_id)
            if not has_lines:
                groups.add_row(r, order_id, order if order_id else None)
                continue
            positions[order_id] = n = positions.get(order_id, 0) + 1
            sub_id = r.code("sub_order_id") or (order_id if n == 1 else f"{order_id}#{n}")
            groups.add_line(r, order_id, order if order_id else None, self._item(r, sub_id, order))
        groups.finish(r)

    def _order(self, r: RowReader, order_id: str) -> OrderRecord:
        status_raw = r.text("status")
        status = generic_status(status_raw)
        if status is None and status_raw:
            r.unknown_status("status")
        return OrderRecord(
            platform=self.platform,
            order_id=order_id,
            status=status,
            status_raw=status_raw,
            created_at=r.when("created_at"),
            paid_at=r.when("paid_at"),
            shipped_at=r.when("shipped_at"),
            completed_at=r.when("completed_at"),
            shipping_cents=r.money("shipping"),
            paid_cents=_paid(r),
            refund_cents=r.money("order_refund"),
            buyer_nick=r.text("buyer_nick"),
            receiver_name=r.text("receiver_name"),
            receiver_phone=r.code("receiver_phone"),
            receiver_province=r.text("province"),
            receiver_city=r.text("city"),
            receiver_district=r.text("district"),
            receiver_address=r.text("address"),
            buyer_message=r.text("buyer_message"),
            seller_memo=r.text("seller_memo"),
            carrier=r.text("carrier"),
            tracking_no=r.tracking("tracking_no"),
            source_row=r.row_no,
        )

    def _item(self, r: RowReader, sub_id: str, order: OrderRecord) -> ItemRecord:
        refund_raw = r.text("refund_status")
        refund_state = generic_refund_state(refund_raw)
        return ItemRecord(
            sub_order_id=sub_id,
            title=r.text("title"),
            spec=r.text("spec"),
            seller_code=r.code("seller_code"),
            platform_item_id=r.code("product_id"),
            platform_sku_id=r.code("sku_id"),
            qty=r.qty("qty"),
            unit_price_cents=r.money("price") or 0,
            paid_cents=r.money("line_paid"),
            refund_cents=r.money("line_refund"),
            # Only line-level facts: an order-level status copied here would read as "this line refunded".
            status=OrderStatus.REFUNDED if refund_state is RefundState.REFUNDED else None,
            refund_state=refund_state,
            refund_status_raw=refund_raw,
            source_row=r.row_no,
        )

    def _finish(self, order: OrderRecord, r: RowReader) -> None:
        items = order.items
        order.refund_state = refund_state_from_lines([i.refund_state for i in items])
        if order.status is None:
            order.status = order_status_from_lines([i.status for i in items])
        if order.status is None and not r.has("status"):
            order.status, order.refund_state = derived_status(order)
        if order.paid_cents is None and r.has("line_paid"):
            order.paid_cents = sum_known([i.paid_cents for i in items])
        if order.refund_cents is None and r.has("line_refund"):
            refunded = [i.refund_cents or 0 for i in items if i.refund_state is RefundState.REFUNDED]
            order.refund_cents = sum(refunded) if sum(refunded) or not refunded else None
        if order.refund_state is RefundState.REFUNDED and not order.refund_cents:
            order.refund_cents = None  # refunded without an amount: the service derives it


def _paid(r: RowReader) -> int | None:
    """The order's paid amount: mapped as such, or net of refunds plus the refund (platform-formats.md
    §1.2.2: Taobao's 买家实际支付金额 is what stays paid after refunds)."""
    if not r.has("order_paid_net"):
        return r.money("order_paid")
    net, refund = r.money("order_paid_net"), r.money("order_refund")
    return None if net is None or refund is None else net + refund


def derived_status(order: OrderRecord) -> tuple[OrderStatus, RefundState]:
    """Status of an order from a file without a status column: unpaid (the earliest state, so a later
    export with a status moves it on), refunded in full, paid with a partial refund, or paid."""
    refund, paid = order.refund_cents or 0, order.paid_cents or 0
    if order.paid_at is None:
        return OrderStatus.PENDING_PAYMENT, order.refund_state
    if refund > 0 and refund >= paid:
        return OrderStatus.REFUNDED, RefundState.REFUNDED
    if refund > 0:
        return OrderStatus.PAID, RefundState.REFUNDED
    return OrderStatus.PAID, order.refund_state
