"""Small helpers for building widgets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """Give ``widget`` an object name (the stylesheet selects on it) and return it."""
    widget.setObjectName(name)
    return widget


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, smaller where the screen is (a 1280×800 laptop, 150 % scaling)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width() - 16), min(height, area.height() - 48)  # the frame and title
    widget.resize(width, height)


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
