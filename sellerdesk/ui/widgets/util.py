"""Small helpers for building widgets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtWidgets import QComboBox, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """Give ``widget`` an object name (the stylesheet selects on it) and return it."""
    widget.setObjectName(name)
    return widget


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property the stylesheet reads has changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def choice_combo(name: str, items: Sequence[tuple[str, Any]]) -> QComboBox:
    """A combo box of (text, value) choices."""
    combo = named(QComboBox(), name)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def filter_combo(name: str, items: Sequence[tuple[str, Any]], tip: str, on_change: Callable[[], object]) -> QComboBox:
    """A list tab's filter: (text, value) choices, a tooltip, and what to do when the choice changes."""
    combo = choice_combo(name, items)
    combo.setToolTip(tip)
    combo.currentIndexChanged.connect(on_change)
    return combo
