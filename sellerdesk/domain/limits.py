"""What the database can hold, stated once: the range of amounts and quantities, and the length of every
text column an import fills. A value outside them is a row problem, the same on SQLite (which would store
it) and PostgreSQL (which would fail the whole import); tests compare the lengths with the models."""

from __future__ import annotations

MAX_CENTS = 10**11  # ¥1,000,000,000 for one amount: beyond any shop's order, far inside BIGINT
MAX_QTY = 999_999  # items on one order line; far inside INTEGER

# Record field -> the String(n) length of the column it is stored in.
TEXT_LIMITS: dict[str, int] = {
    "order_id": 64,
    "sub_order_id": 64,
    "refund_id": 64,
    "shop_name": 200,
    "buyer_nick": 200,
    "status_raw": 100,
    "receiver_name": 100,
    "receiver_phone": 64,
    "receiver_province": 50,
    "receiver_city": 50,
    "receiver_district": 50,
    "receiver_address": 500,
    "receiver_zip": 20,
    "carrier": 50,
    "tracking_no": 64,
    "seller_code": 100,
    "platform_item_id": 64,
    "platform_sku_id": 64,
    "title": 300,
    "spec": 200,
    "kind": 50,
    "reason": 300,
}
# Stored as unbounded text: no length limit, but like every text no NUL character (PostgreSQL has none).
UNBOUNDED_TEXT = ("buyer_message", "seller_memo")
