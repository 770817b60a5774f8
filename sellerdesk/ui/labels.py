"""Stored codes (platforms, statuses, categories, priorities) as words in the UI language.

The tables hold the English source texts, marked for lupdate; lookups translate them at call time,
so the words follow the language installed when the text is shown.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

PLATFORMS = {
    "taobao": QT_TRANSLATE_NOOP("Labels", "Taobao/Tmall"),
    "jd": QT_TRANSLATE_NOOP("Labels", "JD"),
    "pdd": QT_TRANSLATE_NOOP("Labels", "Pinduoduo"),
    "douyin": QT_TRANSLATE_NOOP("Labels", "Douyin"),
    "kuaishou": QT_TRANSLATE_NOOP("Labels", "Kuaishou"),
    "xiaohongshu": QT_TRANSLATE_NOOP("Labels", "Xiaohongshu"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
ORDER_STATUSES = {
    "pending_payment": QT_TRANSLATE_NOOP("Labels", "Awaiting payment"),
    "paid": QT_TRANSLATE_NOOP("Labels", "Paid, to ship"),
    "shipped": QT_TRANSLATE_NOOP("Labels", "Shipped"),
    "completed": QT_TRANSLATE_NOOP("Labels", "Completed"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "refunding": QT_TRANSLATE_NOOP("Labels", "Refund requested"),
    "refunded": QT_TRANSLATE_NOOP("Labels", "Refunded"),
}
REFUND_STATES = {
    "refunding": QT_TRANSLATE_NOOP("Labels", "Refund requested"),
    "refunded": QT_TRANSLATE_NOOP("Labels", "Refunded"),
    "refund_rejected": QT_TRANSLATE_NOOP("Labels", "Refund rejected"),
    "refund_closed": QT_TRANSLATE_NOOP("Labels", "Refund withdrawn"),
}
TICKET_STATUSES = {
    "new": QT_TRANSLATE_NOOP("Labels", "New"),
    "open": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "pending": QT_TRANSLATE_NOOP("Labels", "Waiting for buyer"),
    "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
}
TICKET_CATEGORIES = {
    "pre_sale": QT_TRANSLATE_NOOP("Labels", "Pre-sale question"),
    "logistics": QT_TRANSLATE_NOOP("Labels", "Shipping problem"),
    "return_refund": QT_TRANSLATE_NOOP("Labels", "Return / refund"),
    "resend_exchange": QT_TRANSLATE_NOOP("Labels", "Resend / exchange"),
    "quality": QT_TRANSLATE_NOOP("Labels", "Quality complaint"),
    "bad_review": QT_TRANSLATE_NOOP("Labels", "Bad review"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
PRIORITIES = {
    "low": QT_TRANSLATE_NOOP("Labels", "Low"),
    "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "high": QT_TRANSLATE_NOOP("Labels", "High"),
    "urgent": QT_TRANSLATE_NOOP("Labels", "Urgent"),
}
TASK_STATUSES = {
    "todo": QT_TRANSLATE_NOOP("Labels", "To do"),
    "doing": QT_TRANSLATE_NOOP("Labels", "Doing"),
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
}
AFTERSALE_TYPES = {
    "refund_unshipped": QT_TRANSLATE_NOOP("Labels", "Refund only, before shipping"),
    "refund_shipped": QT_TRANSLATE_NOOP("Labels", "Refund only, after shipping"),
    "return_refund": QT_TRANSLATE_NOOP("Labels", "Return and refund"),
    "resend": QT_TRANSLATE_NOOP("Labels", "Resend"),
    "exchange": QT_TRANSLATE_NOOP("Labels", "Exchange"),
    "refused": QT_TRANSLATE_NOOP("Labels", "Refused delivery"),
}
REVIEW_OUTCOMES = {
    "removed": QT_TRANSLATE_NOOP("Labels", "Bad review removed"),
    "followed_up": QT_TRANSLATE_NOOP("Labels", "Bad review followed up"),
}
TICKET_FIELDS = {  # the history's "changed ..." lines
    "subject": QT_TRANSLATE_NOOP("Labels", "subject"),
    "category": QT_TRANSLATE_NOOP("Labels", "category"),
    "priority": QT_TRANSLATE_NOOP("Labels", "priority"),
    "tags": QT_TRANSLATE_NOOP("Labels", "tags"),
    "description": QT_TRANSLATE_NOOP("Labels", "description"),
    "buyer_nick": QT_TRANSLATE_NOOP("Labels", "buyer"),
    "aftersale_type": QT_TRANSLATE_NOOP("Labels", "after-sale type"),
    "refund_cents": QT_TRANSLATE_NOOP("Labels", "refund (cents)"),
    "return_carrier": QT_TRANSLATE_NOOP("Labels", "return carrier"),
    "return_tracking": QT_TRANSLATE_NOOP("Labels", "return tracking no."),
    "satisfaction": QT_TRANSLATE_NOOP("Labels", "buyer's rating"),
    "review_outcome": QT_TRANSLATE_NOOP("Labels", "review outcome"),
    "outcome": QT_TRANSLATE_NOOP("Labels", "outcome"),
}
REVIEW_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("Labels", "Submitted"),
    "final": QT_TRANSLATE_NOOP("Labels", "Final"),
}


def _label(table: Mapping[str, object], code: str) -> str:
    """The translated word for ``code``; an unknown code (a newer version's) is shown as it is."""
    source = table.get(code)
    return QCoreApplication.translate("Labels", str(source)) if source else code


def platform(code: str) -> str:
    return _label(PLATFORMS, code)


def order_status(code: str) -> str:
    return _label(ORDER_STATUSES, code)


def refund_state(code: str) -> str:
    """The refund overlay of an order; empty when there is no refund ("none")."""
    return "" if code == "none" else _label(REFUND_STATES, code)


def ticket_status(code: str) -> str:
    return _label(TICKET_STATUSES, code)


def ticket_category(code: str) -> str:
    return _label(TICKET_CATEGORIES, code)


def priority(code: str) -> str:
    return _label(PRIORITIES, code)


def task_status(code: str) -> str:
    return _label(TASK_STATUSES, code)


def review_status(code: str) -> str:
    return _label(REVIEW_STATUSES, code)


def aftersale_type(code: str) -> str:
    return _label(AFTERSALE_TYPES, code)


def ticket_field(name: str) -> str:
    return _label(TICKET_FIELDS, name)


def review_outcome(code: str) -> str:
    return _label(REVIEW_OUTCOMES, code)
