"""Stock movement dialogs: goods received, manual correction, transfer between warehouses, stocktake.

Each posts through the runner and shows the result; a movement that leaves a SKU negative under the
"warn" policy is posted and then warned about, under "block" it is refused with the service's error.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.ui import errors, import_texts
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.theme import status_css

if TYPE_CHECKING:  # the services load after the first paint
    from sellerdesk.services.stock import MovementResult

RECEIPT, CORRECTION, TRANSFER = "receipt", "correction", "transfer"


class StockMovementDialog(QDialog):
    """Receive, correct or transfer one SKU's stock; shows what is on hand now and after."""

    def __init__(self, runner: Any, row: Any, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from sellerdesk.services import stock

        self._stock = stock
        self._runner = runner
        self._row = row
        self.mode = mode
        self.setObjectName("stockDialog")
        titles = {
            RECEIPT: self.tr("Receive stock"),
            CORRECTION: self.tr("Correct stock"),
            TRANSFER: self.tr("Transfer stock"),
        }
        self.setWindowTitle(titles[mode])
        with runner.session_factory() as session:
            self.warehouses = stock.list_warehouses(session)
            self.balances = {b.warehouse_id: b for b in stock.stock_balances(session, [row.id])}
        self._build()
        self._update_preview()

    def _warehouse_combo(self, default: str) -> QComboBox:
        combo = QComboBox()
        for w in self.warehouses:
            combo.addItem(self._warehouse_name(w.code, w.name), w.code)
        combo.setCurrentIndex(max(combo.findData(default), 0))
        combo.currentIndexChanged.connect(self._update_preview)
        return combo

    def _warehouse_name(self, code: str, name: str) -> str:
        names = {"main": self.tr("Main warehouse"), "returns": self.tr("Returns"), "defects": self.tr("Defects")}
        return names.get(code, name)

    def _build(self) -> None:
        head = QLabel(f"<b>{self._row.seller_code}</b>  {self._row.title}  {self._row.spec}")
        head.setWordWrap(True)
        self.source = self._warehouse_combo("returns" if self.mode == TRANSFER else "main")
        self.target = self._warehouse_combo("main")
        self.qty = QSpinBox(minimum=-1_000_000 if self.mode == CORRECTION else 1, maximum=1_000_000, value=1)
        self.qty.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.qty.valueChanged.connect(self._update_preview)
        self.reason = QLineEdit()
        self.ref = QLineEdit()
        self.preview = QLabel(wordWrap=True)
        self.preview.setObjectName("stockPreview")
        form = QFormLayout()
        form.addRow(self.tr("From") if self.mode == TRANSFER else self.tr("Warehouse"), self.source)
        if self.mode == TRANSFER:
            form.addRow(self.tr("To"), self.target)
        qty_label = self.tr("Change (+/−)") if self.mode == CORRECTION else self.tr("Quantity")
        form.addRow(qty_label, self.qty)
        reason_hint = {
            RECEIPT: self.tr("e.g. purchase order arrived"),
            CORRECTION: self.tr("Required: e.g. damaged, found, lost"),
            TRANSFER: self.tr("e.g. returns inspected, good units back to sale"),
        }[self.mode]
        self.reason.setPlaceholderText(reason_hint)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Reference"), self.ref)
        self.ref.setPlaceholderText(self.tr("Purchase order, delivery note … (optional)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Post"))
        buttons.accepted.connect(self.post)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _balance(self, code: str) -> tuple[int, int]:
        wid = next((w.id for w in self.warehouses if w.code == code), 0)
        b = self.balances.get(wid)
        return (b.on_hand, b.available) if b else (0, 0)

    def delta(self) -> int:
        return self.qty.value() if self.mode in (RECEIPT, CORRECTION) else -self.qty.value()

    def _update_preview(self) -> None:
        code = self.source.currentData()
        on_hand, available = self._balance(code)
        after = available + self.delta()
        text = self.tr("On hand {on_hand}, available {available} → available after: {after}").format(
            on_hand=fmt.count(on_hand), available=fmt.count(available), after=fmt.count(after)
        )
        if after < 0:
            if self._row.negative_stock_policy == "block":
                text += "\n" + self.tr("⚠ Not allowed: this SKU's stock may not go below zero.")
            else:
                text += "\n" + self.tr("⚠ Stock will be negative after this movement.")
        self.preview.setText(text)
        self.preview.setProperty("warning", after < 0)
        self.preview.setStyleSheet(f"color:{status_css('error')}" if after < 0 else "")

    def post(self) -> None:
        sku_id, qty, reason, ref = self._row.id, self.qty.value(), self.reason.text(), self.ref.text()
        source, target, stock = self.source.currentData(), self.target.currentData(), self._stock
        staff_id = self._runner.actor.staff_id  # the ledger names who moved the stock

        def job(session: Any, _job: Any) -> Any:
            if self.mode == RECEIPT:
                return stock.receive_stock(
                    session, sku_id, qty, warehouse=source, staff_id=staff_id, reason=reason, ref=ref
                )
            if self.mode == CORRECTION:
                return stock.correct_stock(
                    session, sku_id, qty, warehouse=source, staff_id=staff_id, reason=reason, ref=ref
                )
            return stock.transfer_stock(
                session, sku_id, qty, source=source, target=target, staff_id=staff_id, reason=reason, ref=ref
            )

        self._runner.run(job, on_success=self._posted, on_error=lambda exc: errors.show_error(self, exc), parent=self)

    def _posted(self, result: MovementResult) -> None:
        if result.negative_warnings:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("Posted. Stock of {codes} is now below zero.").format(
                    codes=", ".join(result.negative_warnings)
                ),
            )
        self.accept()


class CountLinesModel(QAbstractTableModel):
    """A stocktake's counted lines with their differences."""

    def __init__(self, lines: tuple[Any, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            diff = f"{line.difference:+d}" if line.difference else "0"
            values = (
                line.seller_code,
                line.title,
                line.warehouse,
                fmt.count(line.book),
                fmt.count(line.counted or 0),
                diff,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 6:
            return None
        return (
            self.tr("Seller code"), self.tr("Title"), self.tr("Warehouse"), self.tr("Book"), self.tr("Counted"),
            self.tr("Difference"),
        )[section]  # fmt: skip


class StocktakeReviewDialog(QDialog):
    """Review a counted sheet's differences, then post them."""

    def __init__(self, runner: Any, review: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stocktakeReview")
        self.setWindowTitle(self.tr("Stocktake: {file}").format(file=review.file_name))
        self._runner = runner
        self._review = review
        self.model = CountLinesModel(review.differences, self)
        view = QTableView()
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.setColumnWidth(1, 260)
        summary = self.tr("{counted} line(s) counted, {differences} with a difference, {problems} problem(s).").format(
            counted=len(review.lines), differences=len(review.differences), problems=len(review.problems)
        )
        problems = "\n".join(
            f"{p.row}: {p.value} — {import_texts.row_problem(p.code, p.message)}" for p in review.problems[:20]
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Post differences"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(review.differences))
        buttons.accepted.connect(self.post)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(summary))
        if problems:
            layout.addWidget(QLabel(problems, wordWrap=True))
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def post(self) -> None:
        from sellerdesk.domain.timeutil import utcnow
        from sellerdesk.services import products

        review, ref, staff_id = self._review, f"ST{utcnow():%Y%m%d%H%M}", self._runner.actor.staff_id
        self._runner.run(
            lambda session, _job: products.post_count(session, review, staff_id=staff_id, ref=ref),
            on_success=lambda _result: self.accept(),
            on_error=lambda exc: errors.show_error(self, exc),
            parent=self,
        )


def ask_save_path(parent: QWidget, title: str, name: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, name, "Excel (*.xlsx)")
    return Path(path) if path else None


def ask_open_path(parent: QWidget, title: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", "Excel / CSV (*.xlsx *.xls *.csv)")
    return Path(path) if path else None
