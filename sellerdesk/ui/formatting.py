"""Numbers, money and times as text: the one place the UI turns stored values into words.

Money stays integer cents until here and is never passed through a float. Times are stored in UTC
and shown in the shop's time zone (``domain.timeutil.shop_time``), never the computer's.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from sellerdesk.domain import timeutil

CURRENCY = "¥"


def count(value: int) -> str:
    """``12345`` → ``"12,345"`` (the UI language's grouping)."""
    return QLocale().toString(value)


def money(cents: int) -> str:
    """``123456`` → ``"¥1,234.56"``; exact, from integer cents."""
    locale = QLocale()
    whole, frac = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}{CURRENCY}{locale.toString(whole)}{locale.decimalPoint()}{frac:02d}"


def percent_bp(basis_points: int) -> str:
    """``325`` basis points → ``"3.25%"``."""
    whole, frac = divmod(abs(basis_points), 100)
    sign = "-" if basis_points < 0 else ""
    return f"{sign}{whole}{QLocale().decimalPoint()}{frac:02d}%"


def score_bp(value: int | None) -> str:
    """A review score kept ×100: ``8750`` → ``"87.50"``; no score → ``""``."""
    if value is None:
        return ""
    whole, frac = divmod(value, 100)
    return f"{whole}{QLocale().decimalPoint()}{frac:02d}"


def shop_time(instant: datetime | None, tz: str) -> str:
    """A stored instant in the shop's zone ``tz`` (the row's ``timezone``), ``2026-08-01 14:03``."""
    if instant is None:
        return ""
    return timeutil.shop_time(instant, tz).strftime("%Y-%m-%d %H:%M")


def day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def money_whole(yuan: int) -> str:
    """Whole yuan for chart axes: ``20000`` → ``"¥20,000"``."""
    return f"{'-' if yuan < 0 else ''}{CURRENCY}{QLocale().toString(abs(yuan))}"


def short_day(value: date) -> str:
    """A day without the year: ``Aug 20`` / ``8月20日`` (the format is part of the translation)."""
    layout = QCoreApplication.translate("Formatting", "MMM d", "date format: Qt QDate pattern, no year")
    return QLocale().toString(QDate(value.year, value.month, value.day), layout)
