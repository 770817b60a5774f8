"""A KPI figure in its unit, as text and as typed: counts, money (cents), rates (basis points), seconds, and
scores kept ×100 (satisfaction 4.50). Typed text is read exactly (``Decimal``), never through a float.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from sellerdesk.ui import formatting as fmt

SCALE = {"count": 1, "cents": 100, "bp": 100, "seconds": 1, "score": 100}  # stored value per shown unit


def text(value: int | None, unit: str) -> str:
    """``value`` (stored) as people read it: ``¥1,234.56``, ``95.00%``, ``45 s``, ``4.50``, ``12``."""
    if value is None:
        return ""
    if unit == "cents":
        return fmt.money(value)
    if unit == "bp":
        return fmt.percent_bp(value)
    if unit == "seconds":
        return QCoreApplication.translate("ReviewUnits", "{n} s").format(n=fmt.count(value))
    if unit == "score":
        return fmt.score_bp(value)
    return fmt.count(value)


def plain(value: int | None, unit: str) -> str:
    """``value`` as it is typed into an editor: no currency, percent sign or grouping (``1234.56``)."""
    if value is None:
        return ""
    scale = SCALE.get(unit, 1)
    if scale == 1:
        return str(value)
    number = Decimal(value) / scale
    return f"{number:.2f}".replace(".", QLocale().decimalPoint())


def parse(typed: str, unit: str) -> int | None:
    """The stored value of ``typed`` (``"95.5"`` in bp → ``9550``); None for empty text; ValueError when it is
    not a number."""
    cleaned = typed.strip().replace(",", "").replace("，", "")
    cleaned = cleaned.replace(QLocale().decimalPoint(), ".").rstrip("%％").lstrip("¥￥").strip()
    if unit == "seconds":
        cleaned = cleaned.removesuffix("s").removesuffix("秒").strip()
    if not cleaned:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(typed) from exc
    if not number.is_finite():
        raise ValueError(typed)
    return int((number * SCALE.get(unit, 1)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def suffix(unit: str) -> str:
    """What an editor shows after the number: ``¥`` / ``%`` / ``s`` / nothing."""
    return {"cents": "¥", "bp": "%", "seconds": QCoreApplication.translate("ReviewUnits", "s")}.get(unit, "")


class FigureEdit(QLineEdit):
    """A line edit for one figure in ``unit``; ``value()`` is the stored integer (None when empty or wrong)."""

    def __init__(self, unit: str, value: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.set_value(value)

    def set_unit(self, unit: str) -> None:
        current = self.value()
        self.unit = unit
        self.set_value(current)

    def set_value(self, value: int | None) -> None:
        self.setText(plain(value, self.unit))

    def value(self) -> int | None:
        try:
            return parse(self.text(), self.unit)
        except ValueError:
            return None

    def valid(self) -> bool:
        try:
            parse(self.text(), self.unit)
        except ValueError:
            return False
        return True
