"""A read-only table model over a short list of DTOs (staff, recycle bin, an audit page): no paging needed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel, Generic[R]):
    """``cells(row)`` gives the texts of one row; ``tooltip(row, column)`` its tool tips (optional)."""

    def __init__(
        self,
        headers: Sequence[str],
        cells: Callable[[R], Sequence[str]],
        parent: QObject | None = None,
        tooltip: Callable[[R, int], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._tooltip = tooltip
        self._rows: list[R] = []
        self._texts: list[Sequence[str]] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [self._cells(r) for r in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts[index.row()]
            return texts[index.column()] if index.column() < len(texts) else ""
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(self._rows[index.row()], index.column()) or None
        return None
