"""Import history: every batch with its file, platform, shop and counts; undo restores what it changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import import_texts, labels
from sellerdesk.ui.runner import Runner

if TYPE_CHECKING:  # the services load after the first paint
    from sellerdesk.services.imports import BatchRow

Index = QModelIndex | QPersistentModelIndex


class BatchModel(QAbstractTableModel):
    """Import batches, newest first (a few hundred rows: held in full)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._headers = [
            self.tr("When"), self.tr("File"), self.tr("Platform"), self.tr("Contents"), self.tr("Shop"),
            self.tr("New"), self.tr("Updated"), self.tr("Unchanged"), self.tr("Refused"), self.tr("State"),
        ]  # fmt: skip

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def batch(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and 5 <= index.column() <= 8:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        b = self._rows[index.row()]
        values = (
            fmt.shop_time(b.started_at, b.timezone), b.file_name, labels.platform(b.platform),
            import_texts.file_kind(b.file_kind), b.shop, fmt.count(b.created), fmt.count(b.updated),
            fmt.count(b.unchanged), fmt.count(b.refused),
            self.tr("Undone") if b.status == "undone" else self.tr("Imported"),
        )  # fmt: skip
        return values[index.column()]


class ImportHistoryDialog(QDialog):
    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Import history"))
        self.resize(1000, 480)
        self.model = BatchModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.undo_button = QPushButton(self.tr("Undo this import…"))
        self.undo_button.clicked.connect(self._on_undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self) -> None:
        from sellerdesk.services.imports import list_batches

        self.runner.run(lambda session, _job: list_batches(session), on_success=self._show, parent=self, writes=False)

    def _show(self, rows: list[BatchRow]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)
        self._update_buttons()

    def _selected(self) -> Any:
        index = self.view.currentIndex()
        return self.model.batch(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        batch = self._selected()
        self.undo_button.setEnabled(batch is not None and batch.status != "undone")

    @classmethod
    def confirm_undo(cls, parent: QWidget, file_name: str) -> bool:
        """Ask before undoing (tests monkeypatch this)."""
        text = QCoreApplication.translate(
            "ImportHistoryDialog",
            "Undo the import of {file}? New orders are removed; changed orders get their old values.",
        )
        title = QCoreApplication.translate("ImportHistoryDialog", "Undo import")
        answer = QMessageBox.question(parent, title, text.format(file=file_name))
        return answer == QMessageBox.StandardButton.Yes

    def _on_undo(self) -> None:
        from sellerdesk.services.imports import undo_batch

        batch = self._selected()
        if batch is None or not self.confirm_undo(self, batch.file_name):
            return
        batch_id, actor = batch.id, self.runner.actor
        self.runner.run(
            lambda session, _job: undo_batch(session, batch_id, actor=actor),
            on_success=lambda _changes: self.reload(),
            label=self.tr("Undoing the import…"),
            parent=self,
        )
