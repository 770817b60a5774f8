"""File → Monthly report… and the home page's button: the manager's monthly workbook in one click.

Asks for the month (the last full month by default) and the file, writes the workbook in the background
through the runner (progress, cancel; the file appears only when complete), then offers to open it. The
workbook is written in the UI language. Installed on a main window by ``app.DesktopApp`` (``install``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QStandardPaths, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.errors import Cancelled
from sellerdesk.domain.timeutil import DEFAULT_TZ, shop_today
from sellerdesk.ui import shortcuts
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.resources import icon
from sellerdesk.ui.widgets.util import named

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sellerdesk.ui.runner import Job, JobControl

Month = tuple[int, int]
MONTHS_OFFERED = 36


def last_full_month(today: date) -> Month:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def recent_months(today: date, count: int = MONTHS_OFFERED) -> list[Month]:
    """This month and the ``count - 1`` before it, newest first."""
    index = today.year * 12 + today.month - 1
    return [((index - i) // 12, (index - i) % 12 + 1) for i in range(count)]


def month_key(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def month_text(month: Month) -> str:
    """``(2026, 10)`` → "October 2026" / "2026年10月", in the UI language."""
    layout = QCoreApplication.translate("ReportActions", "MMMM yyyy", "date format: Qt QDate pattern, month and year")
    return QLocale().toString(QDate(month[0], month[1], 1), layout)


class ReportDialog(QDialog):
    """The month and the file of the monthly report."""

    def __init__(self, months: Sequence[Month], default: Month, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Monthly report"))
        self.setMinimumWidth(560)
        self._folder = folder
        self._edited = False
        self.month = QComboBox()
        for month in months:
            self.month.addItem(month_text(month), month_key(month))
        self.month.setCurrentIndex(max(list(months).index(default), 0) if default in months else 0)
        self.path = QLineEdit()
        self.path.textEdited.connect(self._on_path_edited)
        browse = QPushButton(self.tr("Browse…"))
        browse.setAutoDefault(False)  # Enter writes the report
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Month:"), self.month)
        form.addRow(self.tr("Save as:"), file_row)
        hint = named(
            QLabel(
                self.tr(
                    "An Excel workbook for the manager: summary with charts, platforms and shops, SKUs, days, "
                    "refunds, service, team and every paid order of the month, in the language SellerDesk "
                    "shows now."
                )
            ),
            "hint",
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Write report"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.month.currentIndexChanged.connect(self._on_month_changed)
        self._on_month_changed()

    def chosen_month(self) -> Month:
        year, month = str(self.month.currentData()).split("-")
        return int(year), int(month)

    def chosen_path(self) -> Path:
        path = Path(self.path.text().strip()).expanduser()
        return path if path.suffix.lower() == ".xlsx" else path.with_name(f"{path.name}.xlsx")

    def accept(self) -> None:
        if self.path.text().strip():
            super().accept()

    def default_name(self, month: Month) -> str:
        return self.tr("SellerDesk monthly report {month}.xlsx").format(month=month_key(month))

    def _on_month_changed(self) -> None:
        if not self._edited:
            self.path.setText(str(self._folder / self.default_name(self.chosen_month())))

    def _on_path_edited(self) -> None:
        self._edited = True

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the monthly report"), self.path.text(), self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.path.setText(path)
            self._edited = True


class ReportActions(QObject):
    """Owns the monthly report action of one window (File menu, and the home page's button)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        )
        self.action = shortcuts.bind(QAction(icon("report"), self.tr("&Monthly report…"), window), "report")
        self.action.setStatusTip(self.tr("Write the manager's monthly Excel report"))
        self.action.triggered.connect(self.ask_and_export)
        window.insert_file_action(self.action)
        home = window.page("home")
        report_requested = getattr(home, "report_requested", None)
        if report_requested is not None:
            report_requested.connect(self.ask_and_export)
        self.last_written: Path | None = None

    def ask_and_export(self) -> Job | None:
        today = self._today()
        dialog = ReportDialog(recent_months(today), last_full_month(today), self.folder, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        path = dialog.chosen_path()
        self.folder = path.parent
        return self.export(*dialog.chosen_month(), path)

    def _today(self) -> date:
        """The house zone's today, as the home page last read it (the default zone before it has)."""
        dashboard = getattr(self.window.page("home"), "dashboard", None)  # a HomeDashboard, once read
        zone = str(getattr(dashboard, "timezone", DEFAULT_TZ))
        return shop_today(datetime.now(UTC), zone)

    def export(self, year: int, month: int, path: Path) -> Job | None:
        """Write month ``year-month``'s workbook to ``path`` in the background."""
        runner = self.window.runner
        if runner is None:
            return None
        language, actor = self.window.language, runner.actor

        def write(session: Session, job: JobControl) -> Path | None:
            from sellerdesk.services.reports import export_monthly_workbook

            try:
                return export_monthly_workbook(
                    session, year, month, path, language, progress=job.progress, cancelled=job.cancelled, actor=actor
                )
            except Cancelled:
                return None  # no file was left behind

        label = self.tr("Writing the monthly report for {month}…").format(month=month_text((year, month)))
        return runner.run(
            write,
            on_success=self._written,
            label=label,
            parent=self.window,
        )

    def _written(self, path: Path | None) -> None:
        if path is None:
            self.window.show_status(self.tr("The monthly report was cancelled."), 8000)
            return
        self.last_written = path
        self.window.show_status(self.tr("Monthly report saved to {path}").format(path=path), 15_000)
        self.offer_to_open(path)

    def offer_to_open(self, path: Path) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Monthly report saved"))
        box.setText(self.tr("The monthly report is saved:\n{path}").format(path=path))
        open_button = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton(self.tr("Show folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is folder_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def install(window: MainWindow) -> ReportActions:
    return ReportActions(window)
