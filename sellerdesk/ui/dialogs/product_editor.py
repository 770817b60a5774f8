"""The product editor: a product's fields, its SKUs (one form per SKU) and their platform listings.

Reads are one short query on the main thread; saving goes through the runner (one transaction). Banned
title words are highlighted as the user types and reported again after saving (they warn, never block).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.money import MoneyFormatError, parse_cents
from sellerdesk.domain.permissions import Action, can
from sellerdesk.domain.titles import find_banned
from sellerdesk.ui import errors, labels, shortcuts
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.dialogs.conflict_dialog import ConflictDialog
from sellerdesk.ui.theme import status_css
from sellerdesk.ui.widgets.util import resize_within_screen

if TYPE_CHECKING:  # the services load after the first paint
    from sellerdesk.services.products import SaveResult

ROLES = {
    "traffic": QT_TRANSLATE_NOOP("ProductLabels", "Traffic (引流款)"),
    "profit": QT_TRANSLATE_NOOP("ProductLabels", "Profit (利润款)"),
    "hero": QT_TRANSLATE_NOOP("ProductLabels", "Hero (爆款)"),
    "image": QT_TRANSLATE_NOOP("ProductLabels", "Image (形象款)"),
}
LIFECYCLES = {
    "intro": QT_TRANSLATE_NOOP("ProductLabels", "Introduction"),
    "growth": QT_TRANSLATE_NOOP("ProductLabels", "Growth"),
    "mature": QT_TRANSLATE_NOOP("ProductLabels", "Mature"),
    "decline": QT_TRANSLATE_NOOP("ProductLabels", "Decline"),
}
SHELF_STATUSES = {
    "on_shelf": QT_TRANSLATE_NOOP("ProductLabels", "On shelf"),
    "off_shelf": QT_TRANSLATE_NOOP("ProductLabels", "Off shelf"),
    "draft": QT_TRANSLATE_NOOP("ProductLabels", "Draft"),
}
POLICIES = {
    "warn": QT_TRANSLATE_NOOP("ProductLabels", "Warn"),
    "block": QT_TRANSLATE_NOOP("ProductLabels", "Block"),
}
LEVELS = {
    "ok": QT_TRANSLATE_NOOP("ProductLabels", "In stock"),
    "reorder": QT_TRANSLATE_NOOP("ProductLabels", "At reorder point"),
    "critical": QT_TRANSLATE_NOOP("ProductLabels", "Below safety stock"),
}


def label(table: Mapping[str, object], code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate("ProductLabels", str(source)) if source else code


def fill_combo(combo: QComboBox, table: Mapping[str, object], *, any_text: str | None = None) -> QComboBox:
    if any_text is not None:
        combo.addItem(any_text, "")
    for code in table:
        combo.addItem(label(table, code), code)
    return combo


def select_code(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


def hit_style() -> str:
    """How a banned word is marked: the error colour on its soft background (theme.STATUS)."""
    return f"background:{status_css('error-soft')};color:{status_css('error')};font-weight:600"


def highlighted(text: str, words: Sequence[str]) -> str:
    """``text`` as HTML with every banned word marked."""
    out, last = [], 0
    for hit in find_banned(text, words):
        out.append(html.escape(text[last : hit.start]))
        out.append(f'<span style="{hit_style()}">{html.escape(text[hit.start : hit.end])}</span>')
        last = hit.end
    out.append(html.escape(text[last:]))
    return "".join(out)


def money_text(cents: int) -> str:
    whole, frac = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{whole}.{frac:02d}"


class ListingsModel(QAbstractTableModel):
    """A SKU's platform listings (a handful of rows, read-only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()

    def set_rows(self, rows: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _headers(self) -> list[str]:
        return [self.tr("Platform"), self.tr("Shop"), self.tr("Item id"), self.tr("SKU id"), self.tr("Listing title")]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self._rows[index.row()]
        return (labels.platform(r.platform), r.shop, r.platform_item_id, r.platform_sku_id, r.title)[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return self._headers()[section]
        return None


class SkuForm(QWidget):
    """The fields of one SKU."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seller_code = QLineEdit()
        self.title = QLineEdit(placeholderText=self.tr("Same as the product"))
        self.spec = QLineEdit(placeholderText=self.tr("e.g. White / M"))
        self.barcode = QLineEdit()
        self.cost = QLineEdit(placeholderText="0.00")
        self.price = QLineEdit(placeholderText="0.00")
        self.weight = self._spin(0, 1_000_000, self.tr(" g"))
        self.supplier = QLineEdit()
        self.lead_time = self._spin(0, 365, self.tr(" days"))
        self.min_order = self._spin(1, 1_000_000)
        self.safety = self._spin(0, 1_000_000)
        self.reorder = self._spin(0, 1_000_000)
        self.policy = fill_combo(QComboBox(), POLICIES)
        self.policy.setToolTip(self.tr("What happens when a movement would take the stock below zero"))
        self.active = QCheckBox(self.tr("Active (sold and counted)"))
        left, right = QFormLayout(), QFormLayout()
        for form, rows in (
            (left, [(self.tr("Seller code"), self.seller_code), (self.tr("SKU title"), self.title),
                    (self.tr("Variant"), self.spec), (self.tr("Barcode"), self.barcode),
                    (self.tr("Cost (¥)"), self.cost), (self.tr("Price (¥)"), self.price),
                    (self.tr("Weight"), self.weight)]),
            (right, [(self.tr("Supplier"), self.supplier), (self.tr("Lead time"), self.lead_time),
                     (self.tr("Minimum order qty"), self.min_order), (self.tr("Safety stock"), self.safety),
                     (self.tr("Reorder point"), self.reorder), (self.tr("Negative stock"), self.policy),
                     ("", self.active)]),
        ):  # fmt: skip
            for text, widget in rows:
                form.addRow(text, widget)
        self._left = left
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addSpacing(16)
        layout.addLayout(right, 1)

    @property
    def costs_shown(self) -> bool:
        return self._left.isRowVisible(self.cost)

    def hide_costs(self) -> None:
        """For roles that may not see costs: no cost field; saving leaves the stored cost alone."""
        self._left.setRowVisible(self.cost, False)

    @staticmethod
    def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(minimum=low, maximum=high)
        spin.setSuffix(suffix)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def load(self, sku: Any) -> None:
        self.seller_code.setText(sku.seller_code)
        self.title.setText(sku.title)
        self.spec.setText(sku.spec)
        self.barcode.setText(sku.barcode)
        self.cost.setText(money_text(sku.cost_cents) if sku.cost_cents is not None else "")
        self.price.setText(money_text(sku.price_cents))
        self.weight.setValue(sku.weight_g)
        self.supplier.setText(sku.supplier)
        self.lead_time.setValue(sku.lead_time_days)
        self.min_order.setValue(sku.min_order_qty)
        self.safety.setValue(sku.safety_stock)
        self.reorder.setValue(sku.reorder_point)
        select_code(self.policy, sku.negative_stock_policy)
        self.active.setChecked(sku.active)

    def read(self, sku: Any) -> Any:
        """``sku`` with the form's values; raises ValueError naming the bad field."""
        return replace(
            sku,
            seller_code=self.seller_code.text().strip(),
            title=self.title.text().strip(),
            spec=self.spec.text().strip(),
            barcode=self.barcode.text().strip(),
            cost_cents=self._money(self.cost, self.tr("Cost")) if self.costs_shown else sku.cost_cents,
            price_cents=self._money(self.price, self.tr("Price")),
            weight_g=self.weight.value(),
            supplier=self.supplier.text().strip(),
            lead_time_days=self.lead_time.value(),
            min_order_qty=self.min_order.value(),
            safety_stock=self.safety.value(),
            reorder_point=self.reorder.value(),
            negative_stock_policy=self.policy.currentData(),
            active=self.active.isChecked(),
        )

    @staticmethod
    def _money(edit: QLineEdit, name: str) -> int:
        try:
            return parse_cents(edit.text() or "0")
        except MoneyFormatError as exc:
            raise ValueError(name) from exc


class ProductEditorDialog(QDialog):
    """Edit (or create, with ``product_id=None``) a product; ``saved(product_id)`` after a save."""

    def __init__(
        self,
        runner: Any,
        product_id: int | None,
        *,
        focus_sku_id: int | None = None,
        on_saved: Callable[[int], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from sellerdesk.services import products

        self._products = products
        self._runner = runner
        self._on_saved = on_saved
        self.setObjectName("productEditor")
        self.setWindowTitle(self.tr("New product") if product_id is None else self.tr("Edit product"))
        with runner.session_factory() as session:
            self.words = products.banned_words(session)
            self.fees = products.shop_fee_rates(session)
            if product_id is None:
                self.data = products.ProductData(title="", skus=(products.SkuData(seller_code=""),))
            else:
                self.data = products.get_product(session, product_id, actor=runner.actor)
        self._skus = list(self.data.skus)
        self._current = -1
        self._build()
        if not can(runner.actor, Action.VIEW_COSTS):
            self.sku_form.hide_costs()
            self.margin_label.hide()
        self._load()
        focus = next((i for i, s in enumerate(self._skus) if s.id == focus_sku_id), 0)
        self.sku_list.setCurrentRow(focus)
        resize_within_screen(self, 980, 720)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.title = QLineEdit()
        self.title.textChanged.connect(self._check_title)
        self.title_check = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.title_check.setObjectName("titleCheck")
        self.category = QLineEdit()
        self.brand = QLineEdit()
        self.role = fill_combo(QComboBox(), ROLES)
        self.lifecycle = fill_combo(QComboBox(), LIFECYCLES)
        self.shelf = fill_combo(QComboBox(), SHELF_STATUSES)
        product_box = QGroupBox(self.tr("Product"))
        form = QFormLayout(product_box)
        form.addRow(self.tr("Title"), self.title)
        form.addRow("", self.title_check)
        row = QHBoxLayout()
        for text, widget in ((self.tr("Category"), self.category), (self.tr("Brand"), self.brand)):
            row.addWidget(QLabel(text))
            row.addWidget(widget, 1)
        form.addRow(row)
        row2 = QHBoxLayout()
        combos: tuple[tuple[str, QComboBox], ...] = (
            (self.tr("Role"), self.role),
            (self.tr("Lifecycle stage"), self.lifecycle),
            (self.tr("Shelf status"), self.shelf),
        )
        for name, combo in combos:
            row2.addWidget(QLabel(name))
            row2.addWidget(combo, 1)
        form.addRow(row2)

        self.sku_list = QListWidget()
        self.sku_list.setObjectName("skuList")
        self.sku_list.setFixedWidth(170)
        self.sku_list.currentRowChanged.connect(self._on_sku_changed)
        add = QPushButton(self.tr("Add SKU"))
        add.clicked.connect(self._add_sku)
        side = QVBoxLayout()
        side.addWidget(self.sku_list, 1)
        side.addWidget(add)
        self.sku_form = SkuForm()
        self.sku_form.title.textChanged.connect(self._check_title)
        self.listings = ListingsModel(self)
        listings_view = self.listings_view = QTableView()
        listings_view.setObjectName("listingsView")
        listings_view.setModel(self.listings)
        listings_view.verticalHeader().hide()
        listings_view.horizontalHeader().setStretchLastSection(True)
        listings_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        listings_view.setMaximumHeight(130)
        right = QVBoxLayout()
        right.addWidget(self.sku_form)
        self.margin_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.margin_label.setObjectName("marginLabel")
        self.sku_form.price.textChanged.connect(self._show_margins)
        self.sku_form.cost.textChanged.connect(self._show_margins)
        right.addWidget(self.margin_label)
        right.addWidget(QLabel(self.tr("Platform listings linked to this SKU")))
        right.addWidget(listings_view)
        sku_box = QGroupBox(self.tr("SKUs"))
        sku_layout = QHBoxLayout(sku_box)
        sku_layout.addLayout(side)
        sku_layout.addLayout(right, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        shortcuts.bind_button(buttons.button(QDialogButtonBox.StandardButton.Save), "save")
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(product_box)
        layout.addWidget(sku_box, 1)
        layout.addWidget(buttons)

    def _load(self) -> None:
        d = self.data
        self.title.setText(d.title)
        self.category.setText(d.category)
        self.brand.setText(d.brand)
        select_code(self.role, d.role)
        select_code(self.lifecycle, d.lifecycle)
        select_code(self.shelf, d.shelf_status)
        for sku in self._skus:
            self.sku_list.addItem(sku.seller_code or self.tr("(new SKU)"))
        self._check_title()

    # ------------------------------------------------------------ SKUs

    def _store_current(self) -> bool:
        if self._current < 0:
            return True
        try:
            self._skus[self._current] = self.sku_form.read(self._skus[self._current])
        except ValueError as exc:
            QMessageBox.warning(self, self.windowTitle(), self.tr("{field}: not an amount of money.").format(field=exc))
            return False
        item = self.sku_list.item(self._current)
        if item is not None:
            item.setText(self._skus[self._current].seller_code or self.tr("(new SKU)"))
        return True

    def _on_sku_changed(self, row: int) -> None:
        if row == self._current or row < 0:
            return
        if not self._store_current():
            self.sku_list.blockSignals(True)
            self.sku_list.setCurrentRow(self._current)
            self.sku_list.blockSignals(False)
            return
        self._current = row
        sku = self._skus[row]
        self.sku_form.load(sku)
        self.listings.set_rows(sku.listings)
        self._show_margins()
        self.listings_view.resizeColumnsToContents()
        self._check_title()

    def _add_sku(self) -> None:
        if not self._store_current():
            return
        base = self._skus[self._current] if self._current >= 0 else self._products.SkuData(seller_code="")
        new = replace(base, seller_code="", spec="", barcode="", id=None, version=None, listings=())
        self._skus.append(new)
        self.sku_list.addItem(self.tr("(new SKU)"))
        self.sku_list.setCurrentRow(len(self._skus) - 1)
        self.sku_form.seller_code.setFocus()

    def _show_margins(self) -> None:
        """Margin after each shop's platform fee, as typed; red where a sale loses money."""
        from sellerdesk.domain.stock import margin_of

        try:
            price, cost = (parse_cents(e.text() or "0") for e in (self.sku_form.price, self.sku_form.cost))
        except MoneyFormatError:
            self.margin_label.setText("")
            return
        if price and not cost:
            self.margin_label.setText(html.escape(self.tr("Margin after platform fees: unknown (no cost entered)")))
            return
        parts = []
        for shop, fee in self.fees or (("", 0),):
            m = margin_of(price, cost, fee)
            rate = fmt.percent_bp(m.margin_bp) if m.margin_bp is not None else "–"
            text = html.escape(f"{shop} {fmt.money(m.margin_cents)} ({rate})".strip())
            parts.append(f'<span style="color:{status_css("error")}">{text}</span>' if m.below_cost else text)
        self.margin_label.setText(html.escape(self.tr("Margin after platform fees:")) + " " + " · ".join(parts))

    # ------------------------------------------------------------ title check

    def _check_title(self) -> None:
        texts = [t for t in (self.title.text(), self.sku_form.title.text()) if t]
        bad = [t for t in texts if find_banned(t, self.words)]
        if not bad:
            self.title_check.setText(
                f'<span style="color:{status_css("ok")}">'
                + html.escape(self.tr("✓ No banned words in the titles"))
                + "</span>"
            )
            return
        lead = html.escape(self.tr("Banned by the advertising law (highlighted):"))
        self.title_check.setText(lead + " " + " · ".join(highlighted(t, self.words) for t in bad))

    # ------------------------------------------------------------ saving

    def collect(self) -> Any:
        """The edited product; None (after telling the user) when a field is not valid."""
        if not self._store_current():
            return None
        return replace(
            self.data,
            title=self.title.text().strip(),
            category=self.category.text().strip(),
            brand=self.brand.text().strip(),
            role=self.role.currentData(),
            lifecycle=self.lifecycle.currentData(),
            shelf_status=self.shelf.currentData(),
            skus=tuple(self._skus),
        )

    def save(self) -> None:
        data = self.collect()
        if data is None:
            return
        actor = self._runner.actor
        self._runner.run(
            lambda session, _job: self._products.save_product(session, data, actor=actor),
            on_success=self._saved,
            on_error=lambda exc: self._on_save_failed(exc, data),
            parent=self,
        )

    def _on_save_failed(self, exc: BaseException, mine: Any) -> None:
        """Someone saved this product meanwhile: show what they changed, then reload or apply ours on top."""
        from sellerdesk.domain.conflicts import product_fields, three_way
        from sellerdesk.domain.errors import ConflictError

        if not isinstance(exc, ConflictError) or self.data.id is None:
            errors.show_error(self, exc)
            return
        try:
            with self._runner.session_factory() as session:
                theirs = self._products.get_product(session, self.data.id, actor=self._runner.actor)
        except Exception as reload_error:  # deleted meanwhile, database gone: say so plainly
            errors.show_error(self, reload_error)
            return
        merge = three_way(product_fields(self.data), product_fields(theirs), product_fields(mine))
        parts = {f"sku:{s.id}": s.seller_code for s in theirs.skus}
        choice = ConflictDialog.ask(self, merge.differences, parts)
        if choice == ConflictDialog.RELOAD:
            self._show_data(theirs)
        elif choice == ConflictDialog.APPLY_MINE:
            self._show_data(apply_on_top(theirs, mine, merge))
            self.save()

    def _show_data(self, data: Any) -> None:
        """Show ``data`` as the product being edited (its versions become the ones the next save expects)."""
        self.data = data
        self._skus = list(data.skus)
        self._current = -1
        self.sku_list.blockSignals(True)
        self.sku_list.clear()
        self.sku_list.blockSignals(False)
        self._load()
        self.sku_list.setCurrentRow(0)

    def _saved(self, result: SaveResult) -> None:
        if result.data is not None:  # the new versions: a further save of ours is no conflict
            self.data = result.data
            self._skus = list(result.data.skus)
        if result.title_hits:
            words = "、".join(dict.fromkeys(h.word for hits in result.title_hits.values() for h in hits))
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("Saved. The titles still contain words banned by the advertising law: {words}").format(
                    words=words
                ),
            )
        if self._on_saved is not None:
            self._on_saved(result.product_id)
        self.accept()


def apply_on_top(theirs: Any, mine: Any, merge: Any) -> Any:
    """``theirs`` with the fields we changed (``merge.mine``) set to our values; our new SKUs added."""
    product = replace(theirs, **{name: getattr(mine, name) for part, name in merge.mine if part == ""})
    ours = {f"sku:{s.id}": s for s in mine.skus if s.id is not None}
    skus = []
    for sku in product.skus:
        part = f"sku:{sku.id}"
        changed = {name: getattr(ours[part], name) for p, name in merge.mine if p == part and part in ours}
        skus.append(replace(sku, **changed))
    skus += [s for s in mine.skus if s.id is None]
    return replace(product, skus=tuple(skus))


def sku_summary(row: Any) -> str:
    """``TS-001 纯棉T恤 (白 M)`` for dialogs' titles."""
    spec = f" ({row.spec})" if row.spec else ""
    return f"{row.seller_code} {row.title}{spec}"
