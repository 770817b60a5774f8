"""Platform items from imports that match no catalog SKU: pick one, type a seller code, link.

Linking remembers the listing (platform item/SKU id → SKU), links every waiting order line of it and
brings their stock movements into the ledger (``services.stock.link_item``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from sellerdesk.ui import errors, labels
from sellerdesk.ui import formatting as fmt

if TYPE_CHECKING:  # the services load after the first paint
    from sellerdesk.services.stock import LinkResult


class UnlinkedModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[Any, ...] = ()

    def set_items(self, items: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (labels.platform(i.platform), i.platform_item_id, i.platform_sku_id, i.seller_code, i.title,
                      fmt.count(i.lines), fmt.count(i.units))  # fmt: skip
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 5:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 7:
            return None
        return (
            self.tr("Platform"), self.tr("Item id"), self.tr("SKU id"), self.tr("Seller code in file"),
            self.tr("Title in file"), self.tr("Order lines"), self.tr("Units"),
        )[section]  # fmt: skip


class UnlinkedItemsDialog(QDialog):
    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlinkedItems")
        self.setWindowTitle(self.tr("Unlinked platform items"))
        self._runner = runner
        self.model = UnlinkedModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((110, 130, 110, 130, 300, 80)):
            self.view.setColumnWidth(column, width)
        self.code = QLineEdit(placeholderText=self.tr("Seller code of the catalog SKU"))
        self.link_button = QPushButton(self.tr("Link selected item"))
        self.link_button.clicked.connect(self.link_selected)
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Link to")))
        bar.addWidget(self.code, 1)
        bar.addWidget(self.link_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        hint = QLabel(
            self.tr(
                "Order lines whose seller code matches no SKU wait here. Linking one remembers the platform item "
                "for future imports and books the stock of all its orders."
            ),
            wordWrap=True,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(1000, 520)
        self.reload()

    def reload(self) -> None:
        from sellerdesk.services import products

        with self._runner.session_factory() as session:
            self.model.set_items(products.unlinked_items(session))
        self.status.setText(self.tr("%n item(s) waiting", "", len(self.model.items)))

    def link_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        code = self.code.text().strip()
        if not rows or not code:
            self.status.setText(self.tr("Select an item and type a seller code."))
            return
        item = self.model.items[rows[0].row()]

        def job(session: Any, _job: Any) -> Any:
            from sellerdesk.domain.errors import NotFoundError
            from sellerdesk.models import Sku
            from sellerdesk.services import stock

            sku_id = session.scalar(select(Sku.id).where(Sku.seller_code == code))
            if sku_id is None:
                raise NotFoundError(f"No SKU with seller code {code}.", code="seller_code_unknown", value=code)
            return stock.link_item(session, sku_id, order_item_id=item.sample_order_item_id)

        self._runner.run(job, on_success=self._linked, on_error=lambda exc: errors.show_error(self, exc), parent=self)

    def _linked(self, result: LinkResult) -> None:
        self.reload()
        self.status.setText(self.tr("Linked %n order line(s).", "", result.lines_linked))
