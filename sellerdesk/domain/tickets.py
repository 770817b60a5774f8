"""Service-ticket rules: status changes, the SLA clock, after-sale cases and canned-reply variables.

Pure functions with unit tests; the ticket services and every dialog go through them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from sellerdesk.domain.business_time import BusinessCalendar, deadline, elapsed
from sellerdesk.domain.enums import TicketCategory, TicketStatus
from sellerdesk.domain.errors import ValidationError

OPEN_STATUSES = (TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING)
# The resolution clock runs only while the seller has the next move.
CLOCK_RUNNING = (TicketStatus.NEW, TicketStatus.OPEN)
BREACHING_SOON = timedelta(hours=1)  # the queue turns amber this long before a deadline

_TRANSITIONS: dict[str, frozenset[str]] = {
    TicketStatus.NEW: frozenset({TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED, TicketStatus.CLOSED}),
    TicketStatus.OPEN: frozenset({TicketStatus.PENDING, TicketStatus.RESOLVED, TicketStatus.CLOSED}),
    TicketStatus.PENDING: frozenset({TicketStatus.OPEN, TicketStatus.RESOLVED, TicketStatus.CLOSED}),
    TicketStatus.RESOLVED: frozenset({TicketStatus.OPEN, TicketStatus.CLOSED}),  # open again: a reopen
    TicketStatus.CLOSED: frozenset({TicketStatus.OPEN}),  # a reopen
}


def check_transition(old: str, new: str) -> None:
    if new not in _TRANSITIONS.get(old, frozenset()):
        raise ValidationError(f"A ticket cannot go from {old} to {new}.", code="ticket_transition", old=old, new=new)


def is_reopen(old: str, new: str) -> bool:
    return old in (TicketStatus.RESOLVED, TicketStatus.CLOSED) and new == TicketStatus.OPEN


# ---------------------------------------------------------------- the resolution clock


def clock_left(calendar: BusinessCalendar, due: datetime, now: datetime, *, business: bool) -> int:
    """Seconds left on the clock when it stops (negative once past due): kept until it runs again."""
    return elapsed(calendar, now, due, business=business)


def resume_due(calendar: BusinessCalendar, left: int, now: datetime, *, business: bool) -> datetime:
    """The new due time when a stopped clock runs again with ``left`` seconds; an overdue one stays overdue."""
    if left <= 0:
        return now + timedelta(seconds=left)
    return deadline(calendar, now, left, business=business)


def deadline_state(due: datetime | None, now: datetime) -> str:
    """ "overdue", "soon" (within ``BREACHING_SOON``), "ok", or "" when there is no running deadline."""
    if due is None:
        return ""
    if due < now:
        return "overdue"
    return "soon" if due - now < BREACHING_SOON else "ok"


# ---------------------------------------------------------------- after-sale cases


class AfterSaleType(StrEnum):
    REFUND_UNSHIPPED = "refund_unshipped"  # 未发货仅退款
    REFUND_SHIPPED = "refund_shipped"  # 已发货仅退款
    RETURN_REFUND = "return_refund"  # 退货退款
    RESEND = "resend"  # 补发
    EXCHANGE = "exchange"  # 换货
    REFUSED = "refused"  # 拒收


class ReviewOutcome(StrEnum):
    NONE = ""
    REMOVED = "removed"  # the buyer took the bad review down (or edited it to positive)
    FOLLOWED_UP = "followed_up"  # answered publicly / followed up, still up


AFTER_SALE_CATEGORIES = frozenset(
    {TicketCategory.RETURN_REFUND, TicketCategory.RESEND_EXCHANGE, TicketCategory.QUALITY, TicketCategory.LOGISTICS}
)
REFUNDING_TYPES = frozenset(
    {AfterSaleType.REFUND_UNSHIPPED, AfterSaleType.REFUND_SHIPPED, AfterSaleType.RETURN_REFUND, AfterSaleType.REFUSED}
)
RETURNING_TYPES = frozenset({AfterSaleType.RETURN_REFUND, AfterSaleType.EXCHANGE, AfterSaleType.REFUSED})
RESHIPPING_TYPES = frozenset({AfterSaleType.RESEND, AfterSaleType.EXCHANGE})


def after_sale_from_text(kind: str, *, shipped: bool) -> str:
    """The after-sale type a platform's refund export words as ``kind`` ("仅退款", "退货退款", "换货", ...;
    Taobao says only whether goods go back: 是否需要退货 是/否)."""
    if kind.strip() == "是":
        return AfterSaleType.RETURN_REFUND
    if kind.strip() == "否":
        return AfterSaleType.REFUND_SHIPPED if shipped else AfterSaleType.REFUND_UNSHIPPED
    if "换货" in kind:
        return AfterSaleType.EXCHANGE
    if "补寄" in kind or "补发" in kind:
        return AfterSaleType.RESEND
    if "退货" in kind:
        return AfterSaleType.RETURN_REFUND
    if "退款" in kind:
        return AfterSaleType.REFUND_SHIPPED if shipped else AfterSaleType.REFUND_UNSHIPPED
    return ""


def has_after_sale(category: str) -> bool:
    return category in AFTER_SALE_CATEGORIES


def check_after_sale(kind: str, refund_cents: int, paid_cents: int | None, *, shipped: bool | None) -> None:
    """A refund is never negative nor above what the buyer paid; "before shipping" needs an unshipped order."""
    if kind and kind not in AfterSaleType.__members__.values():
        raise ValidationError(f"Unknown after-sale type {kind!r}.", code="aftersale_type", value=kind)
    if refund_cents < 0:
        raise ValidationError("A refund cannot be negative.", code="refund_negative")
    if refund_cents and kind not in REFUNDING_TYPES:
        raise ValidationError("This after-sale type refunds nothing.", code="refund_not_refunding")
    if paid_cents is not None and refund_cents > paid_cents:
        raise ValidationError(
            "A refund cannot exceed what the buyer paid.",
            code="refund_above_paid",
            refund=refund_cents,
            paid=paid_cents,
        )
    if kind == AfterSaleType.REFUND_UNSHIPPED and shipped:
        raise ValidationError("The order was shipped: not a refund before shipping.", code="refund_order_shipped")


# ---------------------------------------------------------------- canned replies

CANNED_VARIABLES = (
    "buyer",
    "order_id",
    "shop",
    "tracking_no",
    "carrier",
    "refund_amount",
    "return_tracking",
    "resend_tracking",
    "ticket_no",
    "agent",
)
_VARIABLE = re.compile(r"\{([a-z_]+)\}")


def fill_reply(body: str, values: Mapping[str, str]) -> str:
    """Put the ticket's values into a canned reply; unknown ``{names}`` stay as typed, empty ones become ""."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return values.get(name, "") if name in CANNED_VARIABLES else match.group(0)

    return _VARIABLE.sub(one, body)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as "a, b，c" → ("a", "b", "c"): trimmed, no duplicates, order kept."""
    seen: dict[str, None] = {}
    for part in re.split(r"[,，;；]", text):
        tag = part.strip()[:30]
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)
