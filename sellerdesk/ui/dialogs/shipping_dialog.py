"""Ship many orders at once: paste or read (order id, carrier, tracking no.) lines, check them, mark shipped,
and write each platform's batch-ship upload file.

Checking is a short read on the main thread; marking shipped and writing files run on the worker. The
upload files carry the tracking numbers saved with the orders, so they are written for the orders this
dialog marked shipped (or, before that, for the checked orders that already have their numbers).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.enums import OrderStatus, Platform
from sellerdesk.domain.errors import SellerDeskError
from sellerdesk.services import shipping as svc
from sellerdesk.services.orders import OrderListRow
from sellerdesk.services.shipping import PastedLine, ShipEntry
from sellerdesk.ui import errors
from sellerdesk.ui.resources import icon
from sellerdesk.ui.widgets.util import named

if TYPE_CHECKING:
    from sellerdesk.ui.runner import Runner


class ShippingDialog(QDialog):
    def __init__(
        self,
        runner: Runner | None,
        session_factory: sessionmaker[Session],
        selected: Sequence[OrderListRow] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shippingDialog")
        self.setWindowTitle(self.tr("Ship orders"))
        self.resize(820, 600)
        self._runner = runner
        self._session_factory = session_factory
        self.lines: tuple[PastedLine, ...] = ()
        self.shipped_ids: list[int] = []
        self.written: list[Path] = []
        self._build()
        waiting = [r for r in selected if r.status == OrderStatus.PAID.value]
        self.editor.setPlainText("".join(f"{r.platform_order_id}\t{r.carrier}\t{r.tracking_no}\n" for r in waiting))

    def _build(self) -> None:
        hint = QLabel(
            self.tr(
                "One order per line: order ID, carrier, tracking number, separated by tabs (as copied from "
                "Excel or WPS), commas or spaces. Short carrier names such as 圆通 or SF are accepted."
            ),
            wordWrap=True,
        )
        self.editor = named(QPlainTextEdit(), "trackingEditor")
        self.editor.setPlaceholderText(
            "2786218520199193598\t圆通\tYT1234567890123\n2786218520199193599, 顺丰, SF1234567890"
        )
        self.editor.textChanged.connect(self._invalidate)
        read = QPushButton(self.tr("Read from sheet…"))
        read.clicked.connect(self._read_sheet)
        check = named(QPushButton(self.tr("Check")), "checkButton")
        check.clicked.connect(self.check)
        tools = QHBoxLayout()
        tools.addWidget(read)
        tools.addStretch(1)
        tools.addWidget(check)
        for button in (read, check):
            button.setAutoDefault(False)  # Enter in the list is a new line, never a click
        self.preview = named(QTableWidget(0, 5), "shipPreview")
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Order ID"), self.tr("Carrier"), self.tr("Tracking number"), self.tr("Problem")]
        )
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.summary = named(QLabel(), "shipSummary")
        self.ship_button = named(QPushButton(self.tr("Mark shipped")), "markShipped")
        self.ship_button.setEnabled(False)
        self.ship_button.clicked.connect(self.mark_shipped)
        self.file_button = named(QPushButton(self.tr("Write batch-ship files…")), "writeShipFiles")
        self.file_button.setEnabled(False)
        self.file_button.clicked.connect(lambda: self.write_files())
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.file_button.setAutoDefault(False)
        self.ship_button.setDefault(True)  # the main action looks like one
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.ship_button)
        buttons.addWidget(self.file_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 2)
        layout.addLayout(tools)
        layout.addWidget(self.preview, 3)
        layout.addLayout(buttons)

    # ------------------------------------------------------------ actions

    def check(self) -> None:
        with self._session_factory() as session:
            self.lines = svc.parse_tracking_rows(session, svc.split_pasted_text(self.editor.toPlainText()))
        self.preview.setRowCount(len(self.lines))
        for r, line in enumerate(self.lines):
            values = (
                str(line.line),
                line.platform_order_id,
                line.carrier,
                line.tracking_no,
                self._problem(line),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 4 and line.problem:
                    item.setIcon(icon("warning"))
                self.preview.setItem(r, c, item)
        good = len(self.ready())
        text = self.tr("%n order(s) ready to ship.", "", good)
        if len(self.lines) > good:
            text += " " + self.tr("%n line(s) with problems (see the last column).", "", len(self.lines) - good)
        self.summary.setText(text)
        self.ship_button.setEnabled(good > 0 and self._runner is not None)
        self._enable_files()

    def ready(self) -> list[PastedLine]:
        return [line for line in self.lines if not line.problem and line.order_id is not None]

    def mark_shipped(self) -> None:
        entries = [
            ShipEntry(line.order_id or 0, line.carrier, line.tracking_no, line.expected_version)
            for line in self.ready()
        ]
        if not entries or self._runner is None:
            return
        now, actor = datetime.now(UTC), self._runner.actor
        self._runner.run(
            lambda s, _job: svc.mark_shipped(s, entries, now, actor=actor),
            on_success=lambda _c: self._shipped([e.order_id for e in entries]),
            label=self.tr("Marking orders shipped…"),
            parent=self,
        )

    def file_order_ids(self) -> list[int]:
        """The orders the upload files are for: those marked shipped here, else the checked ones."""
        return self.shipped_ids or [line.order_id for line in self.lines if line.order_id is not None]

    def write_files(self, folder: str | None = None) -> None:
        ids = self.file_order_ids()
        if not ids or self._runner is None:
            return
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the batch-ship files"))
            if not folder:
                return
        target = Path(folder)

        def job(session: Session, _job: object) -> list[Path]:
            written: list[Path] = []
            for platform in svc.shippable_platforms(session, ids):
                written += svc.write_batch_ship_files(session, Platform(platform), target, order_ids=ids)
            return written

        self._runner.run(job, on_success=self._files_written, label=self.tr("Writing batch-ship files…"), parent=self)

    # ------------------------------------------------------------ slots

    def _invalidate(self) -> None:
        self.ship_button.setEnabled(False)
        self.shipped_ids = []
        self._enable_files()

    def _enable_files(self) -> None:
        self.file_button.setEnabled(bool(self.file_order_ids()) and self._runner is not None)

    def _read_sheet(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Read tracking numbers"), "", self.tr("Spreadsheets (*.xlsx *.xls *.csv)")
        )
        if path:
            self.load_sheet(Path(path))

    def load_sheet(self, path: Path) -> None:
        try:
            rows = svc.tracking_rows_from_sheet(path)
        except SellerDeskError as exc:
            errors.show_error(self, exc)
            return
        self.editor.setPlainText("".join("\t".join(r) + "\n" for r in rows))
        self.check()

    def _shipped(self, order_ids: list[int]) -> None:
        self.check()  # the shipped lines now show as no longer waiting
        self.shipped_ids = order_ids
        self._enable_files()
        self.summary.setText(
            self.tr("%n order(s) marked shipped. Next, write the batch-ship files and upload them.", "", len(order_ids))
        )
        self.ship_button.setEnabled(False)

    def _files_written(self, paths: list[Path]) -> None:
        self.written = paths
        self.summary.setText(self.tr("%n file(s) written.", "", len(paths)))

    def _problem(self, line: PastedLine) -> str:
        if line.problem == "incomplete" and line.platform_order_id:
            return self.tr("Add the carrier and the tracking number")
        texts = {
            "": "",
            "incomplete": self.tr("Order ID missing"),
            "not_found": self.tr("No such order"),
            "ambiguous": self.tr("Several shops have an order with this ID"),
            "unknown_carrier": self.tr("The platform does not accept this carrier"),
            "not_shippable": self.tr("Not waiting to be shipped"),
        }
        return texts.get(line.problem, line.problem)
