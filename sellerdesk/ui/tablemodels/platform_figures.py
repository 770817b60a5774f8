"""The home page's per-platform figures of the month so far: a handful of rows, held whole."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from sellerdesk.services.reports import Figures
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.tablemodels.paged import LEFT, RIGHT

AnyIndex = QModelIndex | QPersistentModelIndex


class PlatformFiguresModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Figures]] = []
        self._headers = [
            QCoreApplication.translate("PlatformFiguresModel", "Platform"),
            QCoreApplication.translate("PlatformFiguresModel", "Paid orders"),
            QCoreApplication.translate("PlatformFiguresModel", "GMV"),
            QCoreApplication.translate("PlatformFiguresModel", "Refund rate"),
        ]

    def set_figures(self, by_platform: Mapping[str, Figures]) -> None:
        self.beginResetModel()
        self._rows = sorted(by_platform.items(), key=lambda item: (-item[1].gmv_cents, item[0]))
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if index.column() == 0 else RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        platform, figures = self._rows[index.row()]
        cells = (
            labels.platform(platform),
            fmt.count(figures.paid_orders),
            fmt.money(figures.gmv_cents),
            fmt.percent_bp(figures.refund_rate_bp),
        )
        return cells[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if section == 0 else RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags
