"""Stored codes as words: one table per enum, shared by the screens and the monthly workbook.

The texts are English translation sources. The UI translates them in the "Labels" context
(``ui.labels``); the workbook looks the same sources up in its own zh_CN table (``sheets.report_workbook``),
so a status reads the same on screen and on paper. Platform names stay with the platforms.
"""

from __future__ import annotations

from collections.abc import Mapping

CONTEXT = "Labels"  # the translation context of every text below


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for lupdate without importing Qt; the context must be the literal "Labels"."""
    return text


ORDER_STATUSES: Mapping[str, str] = {
    "pending_payment": QT_TRANSLATE_NOOP("Labels", "Awaiting payment"),
    # Not just "Paid": shipped and completed orders are paid too; this one waits for the shop.
    "paid": QT_TRANSLATE_NOOP("Labels", "Paid, to ship"),
    "shipped": QT_TRANSLATE_NOOP("Labels", "Shipped"),
    "completed": QT_TRANSLATE_NOOP("Labels", "Completed"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "refunding": QT_TRANSLATE_NOOP("Labels", "Refund requested"),
    "refunded": QT_TRANSLATE_NOOP("Labels", "Refunded"),
}
REFUND_STATES: Mapping[str, str] = {
    "none": "",  # no refund: nothing to show
    "refunding": QT_TRANSLATE_NOOP("Labels", "Refund requested"),
    "refunded": QT_TRANSLATE_NOOP("Labels", "Refunded"),
    "refund_rejected": QT_TRANSLATE_NOOP("Labels", "Refund rejected"),
    # 退款关闭: withdrawn by the buyer or closed by the platform; "closed" claims no more than that.
    "refund_closed": QT_TRANSLATE_NOOP("Labels", "Refund closed"),
}
TICKET_STATUSES: Mapping[str, str] = {
    "new": QT_TRANSLATE_NOOP("Labels", "New"),
    "open": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "pending": QT_TRANSLATE_NOOP("Labels", "Waiting for buyer"),
    "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
}
TICKET_CATEGORIES: Mapping[str, str] = {
    "pre_sale": QT_TRANSLATE_NOOP("Labels", "Pre-sale question"),
    "logistics": QT_TRANSLATE_NOOP("Labels", "Shipping problem"),
    "return_refund": QT_TRANSLATE_NOOP("Labels", "Return / refund"),
    "resend_exchange": QT_TRANSLATE_NOOP("Labels", "Resend / exchange"),
    "quality": QT_TRANSLATE_NOOP("Labels", "Quality complaint"),
    "bad_review": QT_TRANSLATE_NOOP("Labels", "Bad review"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
PRIORITIES: Mapping[str, str] = {
    "low": QT_TRANSLATE_NOOP("Labels", "Low"),
    "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "high": QT_TRANSLATE_NOOP("Labels", "High"),
    "urgent": QT_TRANSLATE_NOOP("Labels", "Urgent"),
}
TASK_STATUSES: Mapping[str, str] = {
    "todo": QT_TRANSLATE_NOOP("Labels", "To do"),
    "doing": QT_TRANSLATE_NOOP("Labels", "Doing"),
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
}
REVIEW_STATUSES: Mapping[str, str] = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
    "self_review": QT_TRANSLATE_NOOP("Labels", "Self-review"),
    "manager_review": QT_TRANSLATE_NOOP("Labels", "Manager review"),
    "acknowledged": QT_TRANSLATE_NOOP("Labels", "Acknowledged"),
}
PROMOTION_KINDS: Mapping[str, str] = {
    "discount": QT_TRANSLATE_NOOP("Labels", "Discount"),
    "full_reduction": QT_TRANSLATE_NOOP("Labels", "Spend-and-save"),
    "coupon": QT_TRANSLATE_NOOP("Labels", "Coupon"),
    "flash_sale": QT_TRANSLATE_NOOP("Labels", "Flash sale"),
    "gift": QT_TRANSLATE_NOOP("Labels", "Gift with purchase"),
    "group_buy": QT_TRANSLATE_NOOP("Labels", "Group buy"),
}
STAFF_ROLES: Mapping[str, str] = {
    "owner": QT_TRANSLATE_NOOP("Labels", "Owner"),
    "manager": QT_TRANSLATE_NOOP("Labels", "Operations manager"),
    "operations": QT_TRANSLATE_NOOP("Labels", "Operations / warehouse"),
    "product": QT_TRANSLATE_NOOP("Labels", "Product specialist"),
    "marketing": QT_TRANSLATE_NOOP("Labels", "Marketing specialist"),
    "service": QT_TRANSLATE_NOOP("Labels", "Customer service"),
}

# Every table, by name (the test that screens and workbook agree walks these).
TABLES: Mapping[str, Mapping[str, str]] = {
    "order_status": ORDER_STATUSES,
    "refund_state": REFUND_STATES,
    "ticket_status": TICKET_STATUSES,
    "ticket_category": TICKET_CATEGORIES,
    "priority": PRIORITIES,
    "task_status": TASK_STATUSES,
    "review_status": REVIEW_STATUSES,
    "staff_role": STAFF_ROLES,
}


def source_text(table: Mapping[str, str], code: str) -> str | None:
    """The English source for ``code``; None for an unknown code (a newer version's: shown as it is)."""
    return table.get(code)
