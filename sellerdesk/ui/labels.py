"""Stored codes (platforms, statuses, categories, priorities, roles) as words in the UI language.

The tables of statuses and the like live in ``domain.labels`` (the workbook shows the same words); the
platform names come from the platforms' own modules (platforms/registry.py). Lookups translate at call time,
so the words follow the installed language.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sellerdesk.domain.labels import (
    ORDER_STATUSES,
    PRIORITIES,
    REFUND_STATES,
    REVIEW_STATUSES,
    STAFF_ROLES,
    TASK_STATUSES,
    TICKET_CATEGORIES,
    TICKET_STATUSES,
)

# Ticket words only the screens show (the workbook shows none of them).
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


def _label(table: Mapping[str, object], code: str) -> str:
    """The translated word for ``code``; an unknown code (a newer version's) is shown as it is."""
    source = table.get(code)
    if source is None:
        return code
    return QCoreApplication.translate("Labels", str(source)) if source else ""


@cache
def _platform_names() -> dict[str, str]:
    """Each platform's display name, from its platform module (marked for lupdate there). Loaded on first use:
    the registry brings every parser with it, which the first paint does not need."""
    from sellerdesk.platforms.registry import PLATFORMS

    return {p.value: spec.display_name for p, spec in PLATFORMS.items()}


def platform(code: str) -> str:
    return _label(_platform_names(), code)


def order_status(code: str) -> str:
    return _label(ORDER_STATUSES, code)


def refund_state(code: str) -> str:
    """The refund overlay of an order; empty when there is no refund ("none")."""
    return _label(REFUND_STATES, code)


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


def staff_role(code: str) -> str:
    return _label(STAFF_ROLES, code)


def aftersale_type(code: str) -> str:
    return _label(AFTERSALE_TYPES, code)


def ticket_field(name: str) -> str:
    return _label(TICKET_FIELDS, name)


def review_outcome(code: str) -> str:
    return _label(REVIEW_OUTCOMES, code)
