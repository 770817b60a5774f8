"""Order rules shared by the importer, the demo and the screens: merging snapshots, refunds, lateness."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import Enum

from sellerdesk.domain.enums import OrderStatus, RefundState

# How far along an order is. An older export (a lower rank) never moves an order backwards.
_STATUS_RANK = {
    OrderStatus.PENDING_PAYMENT: 0,
    OrderStatus.PAID: 1,
    OrderStatus.REFUNDING: 2,
    OrderStatus.SHIPPED: 3,
    OrderStatus.COMPLETED: 4,
    OrderStatus.CLOSED: 4,
    OrderStatus.REFUNDED: 5,
}
_REFUND_RANK = {
    RefundState.NONE: 0,
    RefundState.REFUNDING: 1,
    RefundState.REJECTED: 2,
    RefundState.CLOSED: 2,
    RefundState.REFUNDED: 3,
}


def status_rank(status: str) -> int:
    return _STATUS_RANK[OrderStatus(status)]


def refund_rank(state: str) -> int:
    return _REFUND_RANK[RefundState(state)]


def is_older_snapshot(current_status: str, current_refund: str, incoming_status: str, incoming_refund: str) -> bool:
    """True when the incoming export shows the order at an earlier point than we already know.

    Then the importer only fills gaps and never overwrites (shipped → paid, refunded → not refunded).
    """
    return status_rank(incoming_status) < status_rank(current_status) or refund_rank(incoming_refund) < refund_rank(
        current_refund
    )


class Recency(Enum):
    """How an incoming export's time compares with that of the export that last wrote an order."""

    OLDER = "older"
    SAME = "same"  # the same export (a Taobao order file and its item file), or a time not known
    NEWER = "newer"


def export_recency(current: datetime | None, incoming: datetime | None) -> Recency:
    if current is None or incoming is None or current == incoming:
        return Recency.SAME
    return Recency.NEWER if incoming > current else Recency.OLDER


def loses_precision(current: datetime | None, incoming: datetime | None) -> bool:
    """True when ``incoming`` is ``current`` cut to the minute: a file re-saved in Excel drops the seconds
    (2026/6/7 13:44), and such a time must not replace the exact one."""
    return (
        current is not None
        and incoming is not None
        and incoming.second == 0
        and incoming.microsecond == 0
        and current != incoming
        and current.replace(second=0, microsecond=0) == incoming
    )


def merged_status(current: str, incoming: str, recency: Recency = Recency.SAME) -> str:
    """The platform's newest word wins; an older export never moves an order; between files of the same
    time the further-along status wins (an item file's line statuses cannot undo its order file's)."""
    if recency is not Recency.SAME:
        return incoming if recency is Recency.NEWER else current
    return current if status_rank(current) > status_rank(incoming) else incoming


def merged_refund_state(current: str, incoming: str, recency: Recency = Recency.SAME) -> str:
    """As ``merged_status``: a newer export may say a refund request was withdrawn; an older one never
    brings it back."""
    if recency is not Recency.SAME:
        return incoming if recency is Recency.NEWER else current
    return current if refund_rank(current) > refund_rank(incoming) else incoming


def cap_refund(refund_cents: int, paid_cents: int) -> int:
    """A refund never exceeds the paid amount and is never negative (metrics.md)."""
    return max(0, min(refund_cents, paid_cents))


def ship_deadline(paid_at: datetime, hours: int) -> datetime:
    return paid_at + timedelta(hours=hours)


def is_late_to_ship(status: str, paid_at: datetime | None, now: datetime, hours: int) -> bool:
    """Paid, not shipped, and the platform's shipping clock has run out."""
    return status == OrderStatus.PAID and paid_at is not None and now > ship_deadline(paid_at, hours)


def shipped_late(status: str, paid_at: datetime | None, shipped_at: datetime | None, now: datetime, hours: int) -> bool:
    """A late shipment (the late-shipment rate): shipped after the deadline, or still late to ship at ``now``."""
    if paid_at is None:
        return False
    if shipped_at is not None:
        return shipped_at > ship_deadline(paid_at, hours)
    return is_late_to_ship(status, paid_at, now, hours)
