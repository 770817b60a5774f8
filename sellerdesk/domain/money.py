"""Money is integer cents (分) everywhere; this module is the one place that parses and rounds it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_STRIP = str.maketrans("", "", ",，¥￥元 \t\r\n")


class MoneyFormatError(ValueError):
    """A text that is not an amount of money."""


class MoneyRangeError(MoneyFormatError):
    """A number far beyond any amount of money (``1e30``): exact arithmetic on it would overflow."""


def parse_cents(text: str) -> int:
    """Parse ``"1,299.00"``, ``"118.00元"`` or ``"￥5"`` into cents, exactly.

    More than two decimals are rounded half up (some platforms allocate with 4 decimals).
    """
    cleaned = text.translate(_STRIP)
    if not cleaned:
        raise MoneyFormatError(text)
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise MoneyFormatError(text) from exc
    if not value.is_finite():
        raise MoneyFormatError(text)
    if value.adjusted() > 15:  # 1e30 would overflow the exact quantize below
        raise MoneyRangeError(text)
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def div_round_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded half up (away from zero for positives); 0 when dividing by 0."""
    if denominator == 0:
        return 0
    q = Decimal(numerator) / Decimal(denominator)
    return int(q.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_cents(cents: int, *, symbol: str = "¥") -> str:
    """``12345`` → ``"¥123.45"``; for logs and sheets (the UI formats with QLocale)."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}{symbol}{whole:,}.{frac:02d}"


def plain_yuan(cents: int) -> str:
    """``-12345`` → ``"-123.45"``: yuan as export files write them (no symbol, no separators)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def cents_to_decimal(cents: int) -> Decimal:
    """Cents as an exact Decimal of yuan, for writing numeric cells."""
    return Decimal(cents) / 100
