"""Turning parsed order records into column values and merging them with what the database holds.

Pure functions (no session): the import service loads current rows, asks these what to write.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from operator import attrgetter
from typing import Any

from sellerdesk.domain.enums import OrderStatus, RefundState
from sellerdesk.domain.orders import (
    Recency,
    cap_refund,
    is_older_snapshot,
    loses_precision,
    merged_refund_state,
    merged_status,
    status_rank,
)
from sellerdesk.domain.records import ItemRecord, OrderRecord

# Order columns an export can set. Amounts are kept apart: a Taobao item file only estimates them.
# Only what the product reads is stored: a record's close reason, JD's locked / deleted marks and a line's
# own status and refund texts, carrier and tracking number help the parsers decide statuses, no more.
ORDER_AMOUNT_FIELDS = ("goods_cents", "shipping_cents", "discount_cents", "paid_cents")
ORDER_TEXT_FIELDS = (
    "status_raw",
    "buyer_nick",
    "receiver_name",
    "receiver_phone",
    "receiver_province",
    "receiver_city",
    "receiver_district",
    "receiver_address",
    "receiver_zip",
    "buyer_message",
    "seller_memo",
    "carrier",
    "tracking_no",
)
ORDER_TIME_FIELDS = ("created_at", "paid_at", "shipped_at", "completed_at")
ORDER_COLUMNS = (
    "buyer_id",
    "status",
    "refund_state",
    "refund_cents",
    "units",
    "amounts_from_lines",
    "incomplete",
    *ORDER_AMOUNT_FIELDS,
    *ORDER_TEXT_FIELDS,
    *ORDER_TIME_FIELDS,
)
ITEM_COLUMNS = (
    "seller_code",
    "platform_item_id",
    "platform_sku_id",
    "title",
    "spec",
    "qty",
    "unit_price_cents",
    "payable_cents",
    "paid_cents",
    "refund_cents",
    "status",
    "refund_state",
    "shipped_at",
    "sku_id",
)

# Whole new rows (an import's first write of an order and its lines; the demo's too): the row's own columns,
# then ``new_order_row`` / ``item_row``'s.
NEW_ORDER_COLUMNS = ("id", "shop_id", "platform", "platform_order_id", "updated_at", "version", "exported_at",
                     *ORDER_COLUMNS)  # fmt: skip
NEW_ITEM_COLUMNS = ("id", "order_id", "sub_order_id", *ITEM_COLUMNS)


def line_paid_cents(item: ItemRecord) -> int:
    """What the buyer paid for a line: the file's figure, else payable, else price × quantity."""
    if item.paid_cents is not None:
        return item.paid_cents
    if item.payable_cents is not None:
        return item.payable_cents
    return item.unit_price_cents * item.qty


def order_paid_cents(record: OrderRecord) -> int:
    if record.paid_cents is not None:
        return record.paid_cents
    return sum(line_paid_cents(i) for i in record.items)


def order_refund_cents(record: OrderRecord) -> int:
    """metrics.md: the amount the platform reports; else the paid amount of the refunded lines;
    else the whole paid amount when the refund is order-level; never more than was paid."""
    paid = order_paid_cents(record)
    if record.refund_cents:
        return cap_refund(record.refund_cents, paid)
    from_lines = 0
    for item in record.items:
        if item.refund_state != RefundState.REFUNDED and item.status != OrderStatus.REFUNDED:
            continue  # a refund still in progress (or refused) has moved no money yet
        from_lines += item.refund_cents or line_paid_cents(item)
    if from_lines:
        return cap_refund(from_lines, paid)
    if record.status == OrderStatus.REFUNDED or record.refund_state == RefundState.REFUNDED:
        return paid
    return 0


def order_values(record: OrderRecord, *, amounts_from_lines: bool) -> dict[str, Any]:
    """Column values this record states. Empty text and unknown values are left out (not given)."""
    values: dict[str, Any] = {
        "status": (record.status or _status_from_lines(record)).value,
        "refund_state": record.refund_state.value,
        "refund_cents": order_refund_cents(record),
        "amounts_from_lines": amounts_from_lines,
        "incomplete": record.incomplete,
    }
    if record.items:
        values["units"] = sum(i.qty for i in record.items)
    elif record.units is not None:
        values["units"] = record.units
    if amounts_from_lines:
        values["paid_cents"] = order_paid_cents(record)
    else:
        values.update({f: getattr(record, f) for f in ORDER_AMOUNT_FIELDS if getattr(record, f) is not None})
        values.setdefault("paid_cents", order_paid_cents(record))
    values.update({f: getattr(record, f) for f in ORDER_TEXT_FIELDS if getattr(record, f)})
    values.update({f: getattr(record, f) for f in ORDER_TIME_FIELDS if getattr(record, f) is not None})
    return values


def _status_from_lines(record: OrderRecord) -> OrderStatus:
    """An order status when only lines carry one: the least advanced line decides."""
    statuses = [i.status for i in record.items if i.status is not None]
    if not statuses:
        return OrderStatus.PAID if record.paid_at else OrderStatus.PENDING_PAYMENT
    return min(statuses, key=status_rank)


_order_texts = attrgetter(*ORDER_TEXT_FIELDS)
_order_times = attrgetter(*ORDER_TIME_FIELDS)


def new_order_row(record: OrderRecord, *, amounts_from_lines: bool, buyer_id: int | None) -> tuple[Any, ...]:
    """A full row for an INSERT, in ``ORDER_COLUMNS`` order: what the record states, our defaults elsewhere.

    The same values as ``order_values`` with the column defaults under them (a test holds the two
    together), built straight into a tuple: a first import builds 100,000 of these.
    """
    paid = order_paid_cents(record)
    if amounts_from_lines:
        amounts: tuple[int, ...] = (0, 0, 0, paid)
    else:
        amounts = (record.goods_cents or 0, record.shipping_cents or 0, record.discount_cents or 0, paid)
    return (
        buyer_id,
        (record.status or _status_from_lines(record)).value,
        record.refund_state.value,
        cap_refund(order_refund_cents(record), paid),
        sum(i.qty for i in record.items) if record.items else record.units or 0,
        amounts_from_lines,
        record.incomplete,
        *amounts,
        *_order_texts(record),
        *_order_times(record),
    )


def merge_order(
    current: Mapping[str, Any],
    incoming: Mapping[str, Any],
    *,
    recency: Recency = Recency.SAME,
    approximate: frozenset[str] = frozenset(),
) -> tuple[dict[str, Any], bool]:
    """The columns to change on an existing order (empty when nothing changes), and whether the incoming
    file counts as older (its lines then only fill gaps too).

    An older export only fills gaps, as does a file of the same time that shows the order at an earlier
    point; the newest export's word wins otherwise. Fields a file gives only ``approximate``-ly fill gaps
    too; a time cut to the minute never replaces the exact one; amounts estimated from lines never replace
    the order file's; refunds never shrink.
    """
    from_lines = incoming["amounts_from_lines"] and not current["amounts_from_lines"]
    if from_lines and recency is Recency.NEWER:
        recency = Recency.SAME  # an item file's line statuses never overrule its order file's
    older = recency is Recency.OLDER or (
        recency is Recency.SAME
        and is_older_snapshot(current["status"], current["refund_state"], incoming["status"], incoming["refund_state"])
    )
    merged: dict[str, Any] = {}
    for column, value in incoming.items():
        if column in _MERGED_BY_RULE:
            continue
        if from_lines and column in ORDER_AMOUNT_FIELDS:
            continue
        if (older or column in approximate) and _has_value(current[column]):
            continue
        if column in ORDER_TIME_FIELDS and loses_precision(current[column], value):
            continue
        merged[column] = value
    merged["status"] = merged_status(current["status"], incoming["status"], recency)
    merged["refund_state"] = merged_refund_state(current["refund_state"], incoming["refund_state"], recency)
    merged["amounts_from_lines"] = current["amounts_from_lines"] and incoming["amounts_from_lines"]
    merged["incomplete"] = current["incomplete"] and incoming["incomplete"]
    paid = merged.get("paid_cents", current["paid_cents"])
    merged["refund_cents"] = cap_refund(max(current["refund_cents"], incoming["refund_cents"]), paid)
    return {k: v for k, v in merged.items() if current[k] != v}, older


_MERGED_BY_RULE = frozenset({"status", "refund_state", "refund_cents", "amounts_from_lines", "incomplete"})


def _has_value(value: object) -> bool:
    return value not in (None, "", 0, False)


def item_row(item: ItemRecord, sku_id: int | None) -> tuple[Any, ...]:
    """A line's column values in ``ITEM_COLUMNS`` order (a tuple: imports build one per line)."""
    return (
        item.seller_code,
        item.platform_item_id,
        item.platform_sku_id,
        item.title,
        item.spec,
        item.qty,
        item.unit_price_cents,
        item.payable_cents if item.payable_cents is not None else item.unit_price_cents * item.qty,
        line_paid_cents(item),
        item.refund_cents or 0,
        item.status.value if item.status else "",
        item.refund_state.value,
        item.shipped_at,
        sku_id,
    )


def merge_item(current: Mapping[str, Any], incoming: Mapping[str, Any], *, recency: Recency) -> dict[str, Any]:
    """Columns to change on an existing line (``recency`` as its order merged); a line linked by hand
    keeps its SKU."""
    older = recency is Recency.OLDER
    merged: dict[str, Any] = {}
    for column, value in incoming.items():
        if column == "sku_id" and current["sku_id"] is not None:
            continue
        if (older or value in ("", None)) and _has_value(current[column]):
            continue
        if column == "shipped_at" and loses_precision(current[column], value):
            continue
        merged[column] = value
    if older:
        merged.pop("refund_state", None)
    elif "refund_state" in merged:
        merged["refund_state"] = merged_refund_state(current["refund_state"], merged["refund_state"], recency)
    return {k: v for k, v in merged.items() if current[k] != v}


def jsonable(values: Mapping[str, Any]) -> dict[str, Any]:
    """Previous values as JSON for undo (datetimes as ISO text)."""
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items()}


def from_jsonable(values: Mapping[str, Any], time_columns: tuple[str, ...]) -> dict[str, Any]:
    return {
        k: (datetime.fromisoformat(v) if k in time_columns and isinstance(v, str) else v) for k, v in values.items()
    }
