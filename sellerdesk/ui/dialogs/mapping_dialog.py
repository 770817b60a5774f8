"""Mapping an unknown layout's columns to SellerDesk's fields (Kuaishou, Xiaohongshu, a changed export).

The first guess comes from common header names; the user confirms. The result is saved per shop and
header row, so the same layout imports without asking next time. A mapping can also be saved to and
opened from a JSON file, the one ``sellerdesk import --mapping`` reads (docs/column-mapping.md).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.enums import Platform
from sellerdesk.domain.errors import SellerDeskError
from sellerdesk.domain.file_writes import writing
from sellerdesk.platforms.generic import GENERIC_FIELDS, MappingSpec, missing_fields, suggest_mapping
from sellerdesk.platforms.registry import mappable_platforms
from sellerdesk.ui import labels
from sellerdesk.ui.messages import describe

# The English labels of the generic fields, marked for translation (the parser module holds no Qt).
FIELD_LABELS = {
    "Order number": QT_TRANSLATE_NOOP("Mapping", "Order number"),
    "Payment time": QT_TRANSLATE_NOOP("Mapping", "Payment time"),
    "Quantity": QT_TRANSLATE_NOOP("Mapping", "Quantity"),
    "Paid amount (order, counted once)": QT_TRANSLATE_NOOP("Mapping", "Paid amount (order, counted once)"),
    "Paid amount net of refunds (order; paid = this + refund amount)": QT_TRANSLATE_NOOP(
        "Mapping", "Paid amount net of refunds (order; paid = this + refund amount)"
    ),
    "Paid amount (line, summed per order)": QT_TRANSLATE_NOOP("Mapping", "Paid amount (line, summed per order)"),
    "Line / sub-order number": QT_TRANSLATE_NOOP("Mapping", "Line / sub-order number"),
    "Order status": QT_TRANSLATE_NOOP("Mapping", "Order status"),
    "After-sale / refund status": QT_TRANSLATE_NOOP("Mapping", "After-sale / refund status"),
    "Refund amount (order, counted once)": QT_TRANSLATE_NOOP("Mapping", "Refund amount (order, counted once)"),
    "Refund amount (line)": QT_TRANSLATE_NOOP("Mapping", "Refund amount (line)"),
    "Order time": QT_TRANSLATE_NOOP("Mapping", "Order time"),
    "Shipping time": QT_TRANSLATE_NOOP("Mapping", "Shipping time"),
    "Completion time": QT_TRANSLATE_NOOP("Mapping", "Completion time"),
    "Shipping fee": QT_TRANSLATE_NOOP("Mapping", "Shipping fee"),
    "Product title": QT_TRANSLATE_NOOP("Mapping", "Product title"),
    "Specification": QT_TRANSLATE_NOOP("Mapping", "Specification"),
    "Seller SKU code (商家编码)": QT_TRANSLATE_NOOP("Mapping", "Seller SKU code (商家编码)"),
    "Platform product id": QT_TRANSLATE_NOOP("Mapping", "Platform product id"),
    "Platform SKU id": QT_TRANSLATE_NOOP("Mapping", "Platform SKU id"),
    "Unit price": QT_TRANSLATE_NOOP("Mapping", "Unit price"),
    "Buyer": QT_TRANSLATE_NOOP("Mapping", "Buyer"),
    "Receiver": QT_TRANSLATE_NOOP("Mapping", "Receiver"),
    "Receiver phone": QT_TRANSLATE_NOOP("Mapping", "Receiver phone"),
    "Province": QT_TRANSLATE_NOOP("Mapping", "Province"),
    "City": QT_TRANSLATE_NOOP("Mapping", "City"),
    "District": QT_TRANSLATE_NOOP("Mapping", "District"),
    "Address": QT_TRANSLATE_NOOP("Mapping", "Address"),
    "Buyer message": QT_TRANSLATE_NOOP("Mapping", "Buyer message"),
    "Seller memo": QT_TRANSLATE_NOOP("Mapping", "Seller memo"),
    "Carrier": QT_TRANSLATE_NOOP("Mapping", "Carrier"),
    "Tracking number": QT_TRANSLATE_NOOP("Mapping", "Tracking number"),
}
MAPPING_FILE_FILTER = "Column mapping (*.json)"


def field_label(english: str) -> str:
    source = FIELD_LABELS.get(english)
    return QCoreApplication.translate("Mapping", str(source)) if source else english


class MappingDialog(QDialog):
    """Which column holds the order number, the paid amount, the status, …"""

    def __init__(self, file_name: str, header: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map the columns of {file}").format(file=file_name))
        self.resize(560, 640)
        self.header = header
        self.platform = QComboBox()
        for platform in mappable_platforms():
            self.platform.addItem(labels.platform(platform.value), platform)
        self.shop = QLineEdit()
        self.shop.setPlaceholderText(self.tr("e.g. 小林家居快手小店"))
        self.combos: dict[str, QComboBox] = {}
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        self._build(suggest_mapping(header))

    def _build(self, guess: dict[str, str]) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Shop"), self.shop)
        fields = QFormLayout()
        for field in GENERIC_FIELDS:
            combo = QComboBox()
            combo.addItem(self.tr("(not in this file)"), "")
            for name in self.header:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(guess.get(field.name, ""))))
            label = field_label(field.label) + (" *" if field.required else "")
            fields.addRow(label, combo)
            self.combos[field.name] = combo
        inner = QWidget()
        inner.setLayout(fields)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        files = QHBoxLayout()
        for text, slot in ((self.tr("Open mapping file…"), self._on_open), (self.tr("Save as file…"), self._on_export)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            files.addWidget(button)
        files.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tell SellerDesk which column holds what. Fields marked * are needed.")))
        layout.addLayout(form)
        layout.addWidget(scroll, 1)
        layout.addLayout(files)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, str]:
        return {name: combo.currentData() for name, combo in self.combos.items() if combo.currentData()}

    def choice(self) -> MappingSpec:
        # Qt hands the enum back as its text value
        return MappingSpec(Platform(self.platform.currentData()), self.mapping(), self.shop.text().strip())

    def apply(self, spec: MappingSpec) -> None:
        """Show ``spec`` (read from a file): platform, shop, and each field's column if this file has it."""
        self.platform.setCurrentIndex(max(0, self.platform.findData(spec.platform.value)))
        if spec.shop:
            self.shop.setText(spec.shop)
        for name, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(spec.columns.get(name, ""))))

    def _on_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open mapping file"), "", MAPPING_FILE_FILTER)
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        from sellerdesk.services.mappings import load_mapping_file

        try:
            self.apply(load_mapping_file(path))
        except SellerDeskError as exc:
            self.message.setText(describe(exc))

    def _on_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save mapping"), "mapping.json", MAPPING_FILE_FILTER)
        if not name:
            return
        try:
            with writing(Path(name)) as path:
                path.write_text(self.choice().dumps(), encoding="utf-8")
        except SellerDeskError as exc:
            self.message.setText(describe(exc))

    def _on_save(self) -> None:
        missing = missing_fields(self.mapping())
        if not self.shop.text().strip():
            self.message.setText(self.tr("Name the shop these orders belong to."))
            return
        if missing:
            names = {f.name: field_label(f.label) for f in GENERIC_FIELDS}
            self.message.setText(
                self.tr("Still needed: {fields}").format(fields="、".join(names.get(m, m) for m in missing))
            )
            return
        self.accept()

    @classmethod
    def ask(cls, file_name: str, header: list[str], parent: QWidget | None = None) -> MappingSpec | None:
        """Show the dialog; the user's choice, or None when cancelled (tests monkeypatch this)."""
        dialog = cls(file_name, header, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
