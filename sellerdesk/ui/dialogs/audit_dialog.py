"""Settings → Audit log: who changed what and when (old → new), filtered by person, record kind and dates;
exported to xlsx. Only the owner opens it (``Action.VIEW_AUDIT``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.services import audit as svc
from sellerdesk.services.audit import AuditFilter, AuditRow
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.staff_texts import audit_action, describe_changes, kind_name, nobody
from sellerdesk.ui.tablemodels.rows_model import RowsModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sellerdesk.ui.runner import JobControl, Runner

SHOWN = 1_000  # the newest entries shown; the export holds all that match
_EVERYONE = "\x00everyone"


class AuditDialog(QDialog):
    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.runner = runner
        headers = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Record"), self.tr("Changes")]
        self.model: RowsModel[AuditRow] = RowsModel(headers, self._cells, self, tooltip=self._tooltip)
        self._build()
        self.reload()
        self.resize(1100, 640)

    def _cells(self, row: AuditRow) -> list[str]:
        what = f"{audit_action(row.action)} · {kind_name(row.entity)}"
        record = f"{row.label} (#{row.entity_id})" if row.entity_id is not None else row.label
        return [fmt.shop_time(row.at, row.timezone), row.staff_name or nobody(), what, record, describe(row)]

    def _export_cells(self, row: AuditRow) -> tuple[object, ...]:
        at = row.at.replace(tzinfo=None)  # Excel has no time zones: UTC, as the header says
        who = row.staff_name or nobody()
        return (at, who, audit_action(row.action), kind_name(row.entity), row.entity_id, row.label, describe(row))

    def _tooltip(self, row: AuditRow, column: int) -> str:
        return describe(row).replace("; ", "\n") if column == 4 else ""

    def _build(self) -> None:
        self.person = QComboBox()
        self.person.setObjectName("auditPerson")
        self.person.addItem(self.tr("Everyone"), _EVERYONE)
        self.kind = QComboBox()
        self.kind.setObjectName("auditKind")
        self.kind.addItem(self.tr("All kinds"), "")
        for kind in sorted(svc.AUDITED_KINDS, key=kind_name):
            self.kind.addItem(kind_name(kind), kind)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for widget in (self.person, self.kind):
            widget.currentIndexChanged.connect(self.reload)
        for edit in (self.since, self.until):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self.reload)
        bar = QHBoxLayout()
        for text, widget in ((self.tr("Who"), self.person), (self.tr("Kind"), self.kind)):
            bar.addWidget(QLabel(text))
            bar.addWidget(widget)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.until)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.export_button)
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 170, 190, 240)):
            self.view.setColumnWidth(column, width)
        self.count_label = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(buttons)
        layout.addLayout(footer)

    def current_filter(self) -> AuditFilter:
        person = self.person.currentData()
        return AuditFilter(
            staff_name=None if person == _EVERYONE else str(person),
            entity=str(self.kind.currentData() or ""),
            since=_local_midnight(self.since.date()),
            until=_local_midnight(self.until.date()) + timedelta(days=1),
        )

    def reload(self) -> None:
        flt, actor = self.current_filter(), self.runner.actor

        def read(session: Session, _job: JobControl) -> tuple[int, tuple[AuditRow, ...], tuple[str, ...]]:
            rows = svc.audit_rows(session, actor, flt, limit=SHOWN)
            return svc.count_audit(session, actor, flt), rows, svc.audit_people(session, actor)

        self.runner.run(read, on_success=self._show, parent=self, writes=False)

    def _show(self, found: tuple[int, tuple[AuditRow, ...], tuple[str, ...]]) -> None:
        total, rows, people = found
        self.model.set_rows(rows)
        self._fill_people(people)
        if total > len(rows):
            text = self.tr("The newest {shown} of {total} changes; the export holds them all.")
        else:
            text = self.tr("{total} change(s).")
        self.count_label.setText(text.format(shown=fmt.count(len(rows)), total=fmt.count(total)))

    def _fill_people(self, people: tuple[str, ...]) -> None:
        current = self.person.currentData()
        self.person.blockSignals(True)
        while self.person.count() > 1:
            self.person.removeItem(1)
        for name in people:
            self.person.addItem(name or nobody(), name)
        self.person.setCurrentIndex(max(self.person.findData(current), 0))
        self.person.blockSignals(False)

    def export(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = f"audit-{datetime.now():%Y%m%d-%H%M}.xlsx"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export audit log"), str(Path(folder) / name), self.tr("Excel workbook (*.xlsx)")
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        flt, actor = self.current_filter(), self.runner.actor
        headers = (
            self.tr("When (UTC)"), self.tr("Who"), self.tr("Action"), self.tr("Kind"), self.tr("Record id"),
            self.tr("Record"), self.tr("Changes (old → new)"),
        )  # fmt: skip

        def write(session: Session, _job: JobControl) -> int:
            return svc.export_audit(session, actor, flt, path, headers, self._export_cells)

        self.runner.run(
            write,
            on_success=lambda n: QMessageBox.information(
                self, self.windowTitle(), self.tr("%n change(s) written to {path}.", "", n).format(path=path)
            ),
            label=self.tr("Exporting the audit log…"),
            parent=self,
        )


def describe(row: AuditRow) -> str:
    return describe_changes(row.action, row.changes, row.entity)


def _local_midnight(day: QDate) -> datetime:
    """The start of ``day`` on this PC's clock, as an aware time (the log is stored in UTC)."""
    return datetime(day.year(), day.month(), day.day()).astimezone()
