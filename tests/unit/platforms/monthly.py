"""Test-only: metrics.md monthly figures computed straight from parsed records.

It proves the parsers give the service everything the figures need (the real report service lives in
sellerdesk.services and reads the database). Taobao order and item files are merged by order id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sellerdesk.domain.enums import OrderStatus, RefundState
from sellerdesk.domain.money import div_round_half_up
from sellerdesk.domain.records import FileKind, ItemRecord, OrderRecord, ParsedFile
from sellerdesk.domain.timeutil import utc_to_local

FIGURES = ("paid_orders", "gmv_cents", "refund_cents", "refunded_orders", "net_sales_cents", "units", "aov_cents")


def merge_orders(files: Iterable[ParsedFile]) -> list[OrderRecord]:
    """One record per (platform, order id); a Taobao item file adds lines to the order file's orders."""
    files = list(files)
    merged: dict[tuple[str, str], OrderRecord] = {}
    items_files = [f for f in files if f.kind is FileKind.TAOBAO_ITEMS]
    for parsed in files:
        if parsed.kind is FileKind.TAOBAO_ITEMS:
            continue
        for order in parsed.orders:
            merged[(order.platform, order.order_id)] = order
    for parsed in items_files:
        for lines in parsed.orders:
            key = (lines.platform, lines.order_id)
            head = merged.get(key)
            if head is None:
                merged[key] = lines  # item file alone: it carries the order figures
                continue
            refund = head.refund_cents if head.refund_cents else lines.refund_cents or head.refund_cents
            merged[key] = replace(head, items=lines.items, refund_cents=refund)
    return list(merged.values())


def is_refunded_line(item: ItemRecord) -> bool:
    return item.refund_state is RefundState.REFUNDED or item.status is OrderStatus.REFUNDED


def refund_of(order: OrderRecord) -> int:
    """metrics.md: the reported amount; else the refunded lines' paid amount; else the whole paid
    amount when the refund is order-level; never more than was paid."""
    paid = order.paid_cents or 0
    if order.refund_cents:
        return min(order.refund_cents, paid)
    lines = [i for i in order.items if is_refunded_line(i)]
    if lines and all(i.paid_cents is not None for i in lines):
        return min(sum(i.paid_cents or 0 for i in lines), paid)
    if lines or order.status is OrderStatus.REFUNDED or order.refund_state is RefundState.REFUNDED:
        return paid
    return 0


def figures(orders: Iterable[OrderRecord], month: str) -> dict[str, int]:
    paid_orders = gmv = refund = refunded = units = 0
    for order in orders:
        if order.paid_at is None or utc_to_local(order.paid_at).strftime("%Y-%m") != month:
            continue
        paid_orders += 1
        gmv += order.paid_cents or 0
        amount = refund_of(order)
        refund += amount
        refunded += amount > 0
        units += sum(i.qty for i in order.items)
    return {
        "paid_orders": paid_orders,
        "gmv_cents": gmv,
        "refund_cents": refund,
        "refunded_orders": refunded,
        "net_sales_cents": gmv - refund,
        "units": units,
        "aov_cents": div_round_half_up(gmv, paid_orders),
    }


def monthly_report(files: Iterable[ParsedFile], month: str, catalog_codes: set[str]) -> dict[str, Any]:
    files = list(files)
    orders = merge_orders(files)
    report: dict[str, Any] = {"month": month, **figures(orders, month)}
    platforms = sorted({o.platform.value for o in orders})
    report["by_platform"] = {p: figures((o for o in orders if o.platform.value == p), month) for p in platforms}
    report["all_orders_in_files"] = len(orders)
    lines = [i for f in files for o in f.orders for i in o.items]
    report["unknown_code_lines"] = sum(1 for i in lines if not i.seller_code or i.seller_code not in catalog_codes)
    return report
