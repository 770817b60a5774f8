"""Settings → Shops: each shop's name, fee rate, time zone and whether it is its platform's default shop
(where imports go when the file names no shop). Saving is version-checked: someone else's save in between
is refused with a prompt to reload, never overwritten."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import available_timezones

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.enums import Platform
from sellerdesk.ui import labels, shortcuts
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.widgets.util import named

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sellerdesk.services.shops import ShopRow, ShopSaved
    from sellerdesk.ui.runner import JobControl

Index = QModelIndex | QPersistentModelIndex
# Zones a Chinese shop is likely to use come first; every other IANA zone follows.
COMMON_ZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Asia/Seoul")


@dataclass(frozen=True)
class ShopsState:
    """What the dialog shows: the shops, each platform's default shop, and the defaults' version."""

    shops: list[ShopRow]
    defaults: dict[str, int]
    defaults_version: int


def load_state(session: Session, _job: JobControl) -> ShopsState:
    from sellerdesk.services.shops import default_shops, default_shops_version, list_shops

    return ShopsState(list_shops(session), default_shops(session), default_shops_version(session))


class ShopsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = ShopsState([], {}, 0)
        self._headers = [
            self.tr("Platform"), self.tr("Shop"), self.tr("Fee rate"), self.tr("Time zone"), self.tr("Default"),
            self.tr("Active"),
        ]  # fmt: skip

    def set_state(self, state: ShopsState) -> None:
        self.beginResetModel()
        self.state = state
        self.endResetModel()

    def shop(self, row: int) -> ShopRow:
        return self.state.shops[row]

    def is_default(self, shop: ShopRow) -> bool:
        return self.state.defaults.get(shop.platform) == shop.id

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.state.shops)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        shop = self.state.shops[index.row()]
        column = index.column()
        if column == 0:
            return labels.platform(shop.platform)
        if column == 1:
            return shop.name
        if column == 2:
            return f"{shop.fee_rate_bp / 100:.2f} %"
        if column == 3:
            return shop.timezone
        if column == 4:
            return self.tr("Default") if self.is_default(shop) else ""
        return self.tr("Yes") if shop.active else self.tr("No")


class ShopsDialog(QDialog):
    """The shop list above, the selected (or new) shop's form below."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.editing: ShopRow | None = None  # None: a new shop
        self.setWindowTitle(self.tr("Shops"))
        self.model = ShopsModel(self)
        self.view = named(QTableView(), "shopsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _prev: self._edit_row(current.row()))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Imports whose file names no shop go to the platform's default shop. The fee rate is the platform's "
                "commission; the time zone decides which day and month an order counts in."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._form())
        layout.addLayout(self._buttons())
        self.resize(760, 520)
        self.reload()

    def _form(self) -> QFormLayout:
        self.platform_box = named(QComboBox(), "platformBox")
        for platform in Platform:
            self.platform_box.addItem(labels.platform(platform.value), platform.value)
        self.name_edit = named(QLineEdit(), "nameEdit")
        self.fee_box = named(QDoubleSpinBox(), "feeBox")
        self.fee_box.setRange(0, 100)
        self.fee_box.setDecimals(2)
        self.fee_box.setSuffix(" %")
        self.zone_box = named(QComboBox(), "zoneBox")
        self.zone_box.setEditable(True)
        others = sorted(available_timezones() - set(COMMON_ZONES))
        self.zone_box.addItems([*COMMON_ZONES, *others])
        self.default_box = named(QCheckBox(self.tr("Default shop of its platform")), "defaultBox")
        self.active_box = named(QCheckBox(self.tr("Active")), "activeBox")
        self.name_edit.setMinimumWidth(360)
        self.zone_box.setMinimumWidth(240)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Platform"), self.platform_box)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Fee rate"), self.fee_box)
        form.addRow(self.tr("Time zone"), self.zone_box)
        form.addRow("", self.default_box)
        form.addRow("", self.active_box)
        return form

    def _buttons(self) -> QHBoxLayout:
        self.new_button = named(QPushButton(self.tr("New shop")), "newShopButton")
        self.new_button.clicked.connect(self.start_new)
        self.save_button = named(QPushButton(self.tr("Save")), "saveShopButton")
        self.save_button.clicked.connect(self.save)
        shortcuts.bind_button(self.save_button, "save")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(close)
        return row

    def reload(self, select_id: int | None = None) -> None:
        self.runner.run(load_state, on_success=lambda state: self._show(state, select_id), parent=self, writes=False)

    def _show(self, state: ShopsState, select_id: int | None) -> None:
        self.model.set_state(state)
        rows = [n for n, shop in enumerate(state.shops) if shop.id == select_id]
        if rows or state.shops:
            self.view.selectRow(rows[0] if rows else 0)
        else:
            self.start_new()

    def _edit_row(self, row: int) -> None:
        if row < 0:
            return
        shop = self.model.shop(row)
        self.editing = shop
        self.platform_box.setCurrentIndex(self.platform_box.findData(shop.platform))
        self.platform_box.setEnabled(False)  # a shop's orders belong to its platform
        self.name_edit.setText(shop.name)
        self.fee_box.setValue(shop.fee_rate_bp / 100)
        self.zone_box.setCurrentText(shop.timezone)
        self.default_box.setChecked(self.model.is_default(shop))
        self.active_box.setChecked(shop.active)

    def start_new(self) -> None:
        self.editing = None
        self.view.clearSelection()
        self.platform_box.setEnabled(True)
        self.name_edit.clear()
        self.fee_box.setValue(0)
        self.zone_box.setCurrentText(COMMON_ZONES[0])
        self.default_box.setChecked(False)
        self.active_box.setChecked(True)
        self.name_edit.setFocus()

    def save(self) -> None:
        from sellerdesk.services.shops import ShopEdit, save_shop

        shop = self.editing
        edit = ShopEdit(
            platform=Platform(self.platform_box.currentData()),
            name=self.name_edit.text(),
            fee_rate_bp=round(self.fee_box.value() * 100),
            timezone=self.zone_box.currentText().strip(),
            ship_deadline_hours=shop.ship_deadline_hours if shop else 48,
            active=self.active_box.isChecked(),
            shop_id=shop.id if shop else None,
            expected_version=shop.version if shop else 0,
            make_default=self.default_box.isChecked(),
            defaults_version=self.model.state.defaults_version,
        )

        def saved(result: ShopSaved) -> None:
            self.reload(select_id=result.shop.id)

        actor = self.runner.actor
        self.runner.run(lambda session, _job: save_shop(session, edit, actor=actor), on_success=saved, parent=self)
