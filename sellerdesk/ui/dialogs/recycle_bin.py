"""Settings → Recycle bin: deleted products (and tickets, tasks, reviews) for 30 days; the owner restores them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.services import recycle as svc
from sellerdesk.services.recycle import DeletedRow
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.staff_texts import kind_name, nobody
from sellerdesk.ui.tablemodels.rows_model import RowsModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sellerdesk.ui.runner import JobControl, Runner


class RecycleBinDialog(QDialog):
    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recycleBinDialog")
        self.setWindowTitle(self.tr("Recycle bin"))
        self.runner = runner
        headers = [self.tr("Kind"), self.tr("Name"), self.tr("Deleted"), self.tr("By"), self.tr("Gone for good")]
        self.model: RowsModel[DeletedRow] = RowsModel(headers, self._cells, self)
        intro = QLabel(
            self.tr(
                "Deleted records stay here for {days} days, left out of every list and figure, then they are "
                "removed for good. Restoring one puts it back as it was."
            ).format(days=svc.KEEP_DAYS),
            wordWrap=True,
        )
        self.view = QTableView()
        self.view.setObjectName("recycleTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("The recycle bin is empty."))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self.reload()

    def _cells(self, row: DeletedRow) -> list[str]:
        return [
            kind_name(row.kind),
            row.label,
            fmt.shop_time(row.deleted_at, row.timezone),
            row.deleted_by or nobody(),
            fmt.shop_time(row.purge_at, row.timezone),
        ]

    def reload(self) -> None:
        actor = self.runner.actor

        def read(session: Session, _job: JobControl) -> tuple[DeletedRow, ...]:
            return svc.recycle_bin(session, actor)

        self.runner.run(read, on_success=self._show, parent=self, writes=False)

    def _show(self, rows: tuple[DeletedRow, ...]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.restore_button.setEnabled(bool(rows))
        if rows:
            self.view.selectRow(0)

    def restore_selected(self) -> None:
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return
        kind, record_id, actor = row.kind, row.id, self.runner.actor
        self.runner.run(
            lambda session, _job: svc.restore_record(session, actor, kind, record_id),
            on_success=lambda _changes: self.reload(),
            parent=self,
        )
