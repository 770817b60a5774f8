"""Table headers whose captions are never clipped: each column at least as wide as its caption needs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

# Padding on both sides of a caption and room for the sort arrow (the stylesheet's section padding is 6 px).
_CAPTION_ROOM = 30


def caption_width(header: QHeaderView, section: int) -> int:
    """The width ``section``'s caption needs, sort arrow included."""
    text = str(header.model().headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
    widest = max((header.fontMetrics().horizontalAdvance(line) for line in text.splitlines()), default=0)
    return widest + _CAPTION_ROOM + header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)


def widen_to_captions(view: QTableView) -> None:
    """Widen every interactive column that is narrower than its caption (set widths stay the minimum)."""
    header = view.horizontalHeader()
    for section in range(header.count()):
        if header.sectionResizeMode(section) != QHeaderView.ResizeMode.Interactive:
            continue
        needed = caption_width(header, section)
        if header.sectionSize(section) < needed:
            header.resizeSection(section, needed)
