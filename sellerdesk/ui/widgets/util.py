"""Small helpers for building widgets."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """Give ``widget`` an object name (the stylesheet selects on it) and return it."""
    widget.setObjectName(name)
    return widget


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property the stylesheet reads has changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
