"""A grid that reflows: as many equal columns as the width allows, the rest wraps to the next rows.

Home's figure cards and panels sit in these, so the page fits a narrow window (1280×800, 150 % scaling)
without a horizontal scroll bar: six cards in a row become three, two or one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget


class FlowGrid(QWidget):
    """``widgets`` in rows of ``columns`` (the largest of ``column_choices`` whose columns stay at least
    ``min_width`` wide); a widget left out with ``set_shown(widget, False)`` takes no cell."""

    def __init__(
        self,
        widgets: Sequence[QWidget],
        *,
        min_width: int,
        column_choices: Sequence[int],
        spacing: int = 12,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._widgets = list(widgets)
        self._left_out: set[int] = set()  # indexes of widgets not shown
        self._min_width = min_width
        self._choices = sorted(set(column_choices), reverse=True)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(spacing)
        self._grid.setVerticalSpacing(spacing)
        self.columns = 0
        # Our own minimum, so the layout does not pin the widget at the width of its widest arrangement.
        self.setMinimumWidth(min_width)
        self._arrange(self._choices[0])

    def columns_for(self, width: int) -> int:
        spacing = self._grid.horizontalSpacing()
        for columns in self._choices:
            if columns * self._min_width + (columns - 1) * spacing <= width:
                return columns
        return self._choices[-1]

    def set_shown(self, widget: QWidget, shown: bool) -> None:
        index = self._widgets.index(widget)
        if shown:
            self._left_out.discard(index)
        else:
            self._left_out.add(index)
        self._arrange(self.columns_for(self.width()) if self.width() > 0 else self.columns, force=True)

    def _arrange(self, columns: int, *, force: bool = False) -> None:
        if columns == self.columns and not force:
            return
        self.columns = columns
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        shown = [w for i, w in enumerate(self._widgets) if i not in self._left_out]
        for index, widget in enumerate(shown):
            self._grid.addWidget(widget, index // columns, index % columns)
            widget.setVisible(True)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)
        for index in self._left_out:
            self._widgets[index].setParent(self)  # kept, without a cell
            self._widgets[index].setVisible(False)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self._min_width, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.columns_for(event.size().width()))
