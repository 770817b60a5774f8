"""Order rules shared by the importer, the demo and the screens: merging snapshots, refunds, lateness."""

from __future__ import annotations

from datetime import datetime, timedelta

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


def merged_status(current: str, incoming: str) -> str:
    return current if status_rank(current) > status_rank(incoming) else incoming


def merged_refund_state(current: str, incoming: str) -> str:
    return current if refund_rank(current) > refund_rank(incoming) else incoming


def cap_refund(refund_cents: int, paid_cents: int) -> int:
    """A refund never exceeds the paid amount and is never negative (metrics.md)."""
    return max(0, min(refund_cents, paid_cents))


def ship_deadline(paid_at: datetime, hours: int) -> datetime:
    return paid_at + timedelta(hours=hours)


def is_late_to_ship(status: str, paid_at: datetime | None, now: datetime, hours: int) -> bool:
    """Paid, not shipped, and the platform's shipping clock has run out."""
    return status == OrderStatus.PAID and paid_at is not None and now > ship_deadline(paid_at, hours)
