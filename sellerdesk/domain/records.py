"""Generic records that platform parsers produce and the import service writes.

A parser turns one export file into a ``ParsedFile``: orders (each with its item lines), refunds,
and per-row problems. Everything here is plain data: ids are text, money is integer cents,
times are aware UTC datetimes (exports give China time; parsers convert).

Records use ``__slots__``: an import holds 100,000+ of them at once, and without a ``__dict__`` each
takes about a third of the memory (measured: 100k orders with a line each, 198 MB → 58 MB).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState


class FileKind(StrEnum):
    """What an export file holds."""

    ORDERS = "orders"  # one row per order (may carry one item line, e.g. PDD, Douyin 订单维度)
    ORDER_LINES = "order_lines"  # one row per item line with order columns repeated (JD, Douyin 商品维度)
    TAOBAO_ORDERS = "taobao_orders"  # Taobao ExportOrderList: orders only, items come from the detail file
    TAOBAO_ITEMS = "taobao_items"  # Taobao ExportOrderDetailList / item report: lines only
    REFUNDS = "refunds"  # refund / after-sale export


@dataclass(slots=True)
class ItemRecord:
    """One order line (子订单)."""

    sub_order_id: str  # platform line id; a stable synthetic one where the platform has none
    title: str = ""
    spec: str = ""
    seller_code: str = ""  # 商家编码: the catalog link; "" when unset
    platform_item_id: str = ""
    platform_sku_id: str = ""
    qty: int = 0
    unit_price_cents: int = 0
    payable_cents: int | None = None
    paid_cents: int | None = None  # the line's share of what the buyer paid, when the file gives it
    refund_cents: int | None = None
    status: OrderStatus | None = None
    status_raw: str = ""
    refund_state: RefundState = RefundState.NONE
    refund_status_raw: str = ""
    carrier: str = ""
    tracking_no: str = ""
    shipped_at: datetime | None = None
    source_row: int = 0  # 1-based row number in the file (header = row 1)


@dataclass(slots=True)
class OrderRecord:
    """One order (主订单) with what the file says about it. ``None`` means "not in this file"."""

    platform: Platform
    order_id: str
    shop_name: str = ""
    status: OrderStatus | None = None
    status_raw: str = ""
    refund_state: RefundState = RefundState.NONE
    created_at: datetime | None = None
    paid_at: datetime | None = None
    shipped_at: datetime | None = None
    completed_at: datetime | None = None
    goods_cents: int | None = None
    shipping_cents: int | None = None
    discount_cents: int | None = None
    paid_cents: int | None = None
    refund_cents: int | None = None  # the refund amount the platform reports, when it gives one
    units: int | None = None  # the order's total quantity when the file states it without lines
    buyer_nick: str = ""
    receiver_name: str = ""
    receiver_phone: str = ""
    receiver_province: str = ""
    receiver_city: str = ""
    receiver_district: str = ""
    receiver_address: str = ""
    receiver_zip: str = ""
    buyer_message: str = ""
    seller_memo: str = ""
    carrier: str = ""
    tracking_no: str = ""
    close_reason: str = ""
    incomplete: bool = False  # an item file's order without the order's own times and totals (Taobao D1)
    locked: bool = False  # JD (锁定)
    deleted: bool = False  # JD (删除)
    items: list[ItemRecord] = field(default_factory=list)
    source_row: int = 0


@dataclass(slots=True)
class RefundRecord:
    """One row of a refund / after-sale export."""

    platform: Platform
    refund_id: str
    order_id: str
    amount_cents: int | None = None
    status_raw: str = ""
    state: RefundState = RefundState.NONE
    kind: str = ""  # refund only / return and refund, as the platform words it
    reason: str = ""
    seller_code: str = ""
    title: str = ""
    applied_at: datetime | None = None
    finished_at: datetime | None = None
    source_row: int = 0


@dataclass(frozen=True)
class RowProblem:
    """Why one cell or row cannot be imported. ``row`` is 1-based as a spreadsheet shows it."""

    file: str
    row: int
    column: str
    value: str
    code: str  # machine code: bad_money, bad_date, bad_id, id_scientific, missing_value, ...
    message: str  # English description; the UI translates by code


@dataclass(frozen=True)
class FileNote:
    """Something the user should know about how a whole file was read (not a row problem): a column
    that stands in for one the file lacks. ``message`` is English; the UI translates by code."""

    code: str  # stand_in_column: ``stand_in`` is read as ``column``; stand_in_unconfirmed: only if accepted
    message: str
    column: str = ""  # the header the file lacks
    stand_in: str = ""  # the header read in its place
    field: str = ""  # the canonical field the stand-in fills (e.g. paid_at)


@dataclass
class ParsedFile:
    """Everything a parser got from one file."""

    file_name: str
    platform: Platform
    kind: FileKind
    header_generation: str = ""  # e.g. "L2", "D3", "商品维度"
    shop_name: str = ""
    rows: int = 0
    orders: list[OrderRecord] = field(default_factory=list)
    refunds: list[RefundRecord] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    bad_rows: set[int] = field(default_factory=set)  # rows refused (their problems are listed)
    warnings: list[RowProblem] = field(default_factory=list)  # said about rows that import all the same
    # When the platform made the file (UTC): the stamp in its name, else (once parsed) its newest time.
    exported_at: datetime | None = None
    # Order fields this file gives only as a stand-in (e.g. a paid time taken from another column): they
    # fill a gap but never replace what another file stated.
    approximate: frozenset[str] = frozenset()
    notes: list[FileNote] = field(default_factory=list)  # how the file was read (stand-in columns)
    # Streaming: an import writes orders[:final] while the parser, on another thread, reads the rest of
    # the file; parsers never change an order after counting it final. ``stream`` asks multi-row parsers
    # to finish each order when the next one starts, instead of at the end of the file.
    stream: bool = False
    final: int = 0
