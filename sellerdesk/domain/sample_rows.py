"""Orders as the sample export writers take them (``sellerdesk demo --export-samples``, benchmark files).

Plain frozen data, so each platform module can render its own export rows without knowing the database:
the samples service reads orders and converts them to these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sellerdesk.domain.enums import OrderStatus, RefundState


@dataclass(frozen=True, slots=True)
class SampleLine:
    sub_order_id: str
    title: str
    spec: str
    seller_code: str
    platform_item_id: str
    platform_sku_id: str
    qty: int
    unit_price_cents: int
    payable_cents: int
    paid_cents: int
    refund_cents: int
    status: OrderStatus | None  # None: the line has no status of its own (the order's applies)
    refund_state: RefundState


@dataclass(frozen=True, slots=True)
class SampleOrder:
    order_id: str  # the platform's order id
    shop_name: str
    status: OrderStatus
    created_at: datetime | None
    paid_at: datetime | None
    shipped_at: datetime | None
    completed_at: datetime | None
    goods_cents: int
    shipping_cents: int
    discount_cents: int
    paid_cents: int
    refund_cents: int
    units: int
    buyer_nick: str
    receiver_name: str
    receiver_phone: str
    receiver_province: str
    receiver_city: str
    receiver_district: str
    receiver_address: str
    receiver_zip: str
    buyer_message: str
    seller_memo: str
    carrier: str
    tracking_no: str
    lines: tuple[SampleLine, ...]
