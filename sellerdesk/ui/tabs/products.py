"""Products: the catalog's SKUs with stock from the ledger, filters, the editor and stock actions.

The list is windowed (``PagedTableModel`` over ``services.products.sku_page``); filters and search run in
SQL. The available column carries a coloured dot: green in stock, amber at the reorder point, red below
safety stock.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QHelpEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.permissions import OWNER, Action, Actor, can
from sellerdesk.ui import errors
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.dialogs.product_editor import (
    LEVELS,
    LIFECYCLES,
    ROLES,
    SHELF_STATUSES,
    ProductEditorDialog,
    fill_combo,
    highlighted,
    label,
)
from sellerdesk.ui.tablemodels.paged import RIGHT, ROW_ROLE, Column, Source
from sellerdesk.ui.tabs.list_tab import ListTab
from sellerdesk.ui.theme import status_colour
from sellerdesk.ui.widgets.empty_state import EmptyAction

LEVEL_STATUS = {"ok": "ok", "reorder": "low_stock", "critical": "critical_stock"}  # theme.STATUS


class LevelDelegate(QStyledItemDelegate):
    """Paints the stock level as a dot left of the number."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        row = index.data(ROW_ROLE)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(status_colour(LEVEL_STATUS[row.level]))
        rect: QRect = option.rect
        painter.drawEllipse(rect.left() + 8, rect.center().y() - 4, 9, 9)
        painter.restore()

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        row = index.data(ROW_ROLE)
        if event.type() != QEvent.Type.ToolTip or row is None:
            return super().helpEvent(event, view, option, index)
        text = QCoreApplication.translate("ProductsTab", "{level}: safety stock {safety}, reorder point {reorder}")
        QToolTip.showText(
            event.globalPos(),
            text.format(
                level=label(LEVELS, row.level), safety=fmt.count(row.safety_stock), reorder=fmt.count(row.reorder_point)
            ),
            view,
        )
        return True


class ProductsTab(ListTab):
    key = "products"
    icon_name = "products"
    stale_on = frozenset({"products", "stock"})
    default_sort = ("seller_code", False)

    def __init__(
        self, session_factory: sessionmaker[Session], runner: Any = None, parent: QWidget | None = None
    ) -> None:
        from sellerdesk.services.products import SkuFilter

        self._filters = SkuFilter()
        self.runner = runner
        super().__init__(session_factory, parent)
        self._build_tools()
        self.view.setItemDelegateForColumn(self._column_index("available"), LevelDelegate(self.view))
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())

    def title(self) -> str:
        return self.tr("Products")

    def source(self) -> Source[Any]:
        from sellerdesk.services import products

        return Source(
            lambda session, search: products.count_skus(session, search, self._filters),
            lambda session, request: products.sku_page(session, request, self._filters, actor=self.actor),
        )

    @property
    def actor(self) -> Actor:
        return self.runner.actor if self.runner is not None else OWNER

    def allowed(self, action: Action) -> bool:
        return can(self.actor, action)

    def columns(self) -> list[Column[Any]]:
        def margin(row: Any) -> str:
            if not row.price_cents:
                return ""
            # A cost of 0 or none is no known cost: the margin is unknown, not the whole price.
            return fmt.money(row.price_cents - row.cost_cents) if row.cost_cents else self.tr("unknown")

        def below_cost(row: Any) -> str:
            cost = row.cost_cents or 0
            return self.tr("Price below cost") if row.price_cents and row.price_cents < cost else ""

        costs = self.allowed(Action.VIEW_COSTS)  # cost and margin are not even columns for the others
        return [
            column for column in self._all_columns(margin, below_cost) if costs or column.key not in ("cost", "margin")
        ]

    def _all_columns(self, margin: Any, below_cost: Any) -> list[Column[Any]]:
        return [
            Column("seller_code", self.tr("Seller code"), lambda r: r.seller_code, width=130),
            Column("title", self.tr("Title"), lambda r: r.title, width=240, full_tooltip=True),
            Column("spec", self.tr("Variant"), lambda r: r.spec, width=140, full_tooltip=True),
            Column("available", self.tr("Available"), lambda r: fmt.count(r.available), RIGHT, 90),
            Column("on_hand", self.tr("On hand"), lambda r: fmt.count(r.on_hand), RIGHT, 80),
            Column("safety_stock", self.tr("Safety stock"), lambda r: fmt.count(r.safety_stock), RIGHT, 100),
            Column("reorder_point", self.tr("Reorder point"), lambda r: fmt.count(r.reorder_point), RIGHT, 100),
            Column("price", self.tr("Price"), lambda r: fmt.money(r.price_cents), RIGHT, 90, newest_first=True),
            Column("cost", self.tr("Cost"), lambda r: fmt.money(r.cost_cents or 0), RIGHT, 90, newest_first=True),
            Column("margin", self.tr("Gross margin"), margin, RIGHT, 100, sortable=False, warning=below_cost),
            Column("category", self.tr("Category"), lambda r: r.category, width=90),
            Column("role", self.tr("Role"), lambda r: label(ROLES, r.role), width=80),
            Column("lifecycle", self.tr("Stage"), lambda r: label(LIFECYCLES, r.lifecycle), width=80),
            Column("shelf_status", self.tr("Shelf"), lambda r: label(SHELF_STATUSES, r.shelf_status), width=80),
        ]

    def count_text(self, count: int) -> str:
        return self.tr("%Ln SKU(s)", "", count)

    def empty_text(self) -> str:
        from sellerdesk.services.products import SkuFilter

        if self._filters != SkuFilter():
            return self.tr("No SKU matches these filters.")
        return self.tr(
            "No products yet.\nAdd products one by one, import your catalog sheet (seller code, title, price, "
            "cost), or import order exports: their items then wait here to be linked."
        )

    def empty_actions(self) -> list[EmptyAction]:
        from sellerdesk.services.products import SkuFilter

        if self._filters != SkuFilter() or not self.allowed(Action.EDIT_PRODUCTS):
            return []
        return [(self.tr("New product…"), self.new_product), (self.tr("Import catalog…"), self.import_catalog)]

    def search_placeholder(self) -> str:
        return self.tr("Search seller code, title, variant or barcode")

    # ------------------------------------------------------------ tools

    def _column_index(self, key: str) -> int:
        return next(i for i in range(self.model.columnCount()) if self.model.column(i).key == key)

    def _build_tools(self) -> None:
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("All categories"), "")
        self.role_filter = fill_combo(QComboBox(), ROLES, any_text=self.tr("All roles"))
        self.stage_filter = fill_combo(QComboBox(), LIFECYCLES, any_text=self.tr("All stages"))
        self.shelf_filter = fill_combo(QComboBox(), SHELF_STATUSES, any_text=self.tr("All shelf states"))
        self.level_filter = fill_combo(QComboBox(), LEVELS, any_text=self.tr("All stock levels"))
        combos = (self.category_filter, self.role_filter, self.stage_filter, self.shelf_filter, self.level_filter)
        tips = (self.tr("Category"), self.tr("Role in the range"), self.tr("Stage"), self.tr("Shelf"))
        for combo, tip in zip(combos, (*tips, self.tr("Stock level")), strict=True):
            combo.setToolTip(tip)
        for combo in combos:
            combo.setObjectName("productFilter")
            combo.currentIndexChanged.connect(self._apply_filters)
        self.new_button = QPushButton(self.tr("New product"))
        self.new_button.clicked.connect(self.new_product)
        self.new_button.setToolTip(self.tr("Add a product and its SKUs"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Edit the selected product"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.stock_button = self._menu_button(
            self.tr("Stock"),
            [
                (self.tr("Receive…"), lambda: self.move_stock("receipt")),
                (self.tr("Correct…"), lambda: self.move_stock("correction")),
                (self.tr("Transfer…"), lambda: self.move_stock("transfer")),
                (None, None),
                (self.tr("Export count sheet…"), self.export_count_sheet),
                (self.tr("Import counted sheet…"), self.import_count_sheet),
            ],
        )
        more: list[tuple[str | None, Any]] = []
        if self.allowed(Action.VIEW_COSTS):
            more.append((self.tr("Export purchase list…"), self.export_purchase_list))
        more.append((self.tr("Check titles for banned words"), self.check_titles))
        if self.allowed(Action.EDIT_PRODUCTS):
            more.append((self.tr("Edit banned words…"), self.edit_banned_words))
        more += [(None, None), (self.tr("Unlinked platform items…"), self.show_unlinked)]
        more.append((self.tr("Export catalog…"), self.export_catalog))
        if self.allowed(Action.DELETE_PRODUCTS):
            more += [(None, None), (self.tr("Delete product…"), self.delete_selected)]
        self.more_button = self._menu_button(self.tr("More"), more)
        self.stock_button.setToolTip(self.tr("Receive, correct or transfer stock; count sheets"))
        self.more_button.setToolTip(self.tr("Exports, banned words, unlinked items"))
        # What the role may not do is not offered (the services refuse it all the same).
        self.new_button.setVisible(self.allowed(Action.EDIT_PRODUCTS))
        self.edit_button.setVisible(self.allowed(Action.EDIT_PRODUCTS))
        self.stock_button.setVisible(self.allowed(Action.EDIT_STOCK))
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for combo in combos:
            bar.addWidget(combo)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.stock_button, self.more_button):
            bar.addWidget(button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, bar)

    def _menu_button(self, text: str, items: list[tuple[str | None, Any]]) -> QPushButton:
        button = QPushButton(text)
        menu = QMenu(button)
        for title, slot in items:
            if title is None:
                menu.addSeparator()
            else:
                menu.addAction(title).triggered.connect(slot)
        button.setMenu(menu)
        return button

    def reload(self) -> None:
        self._refresh_categories()
        super().reload()

    def _refresh_categories(self) -> None:
        from sellerdesk.services import products

        try:
            with self.model._session_factory() as session:
                found = products.categories(session)
        except Exception:
            return
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        while self.category_filter.count() > 1:
            self.category_filter.removeItem(1)
        for name in found:
            self.category_filter.addItem(name, name)
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(current), 0))
        self.category_filter.blockSignals(False)

    def _apply_filters(self) -> None:
        from sellerdesk.services.products import SkuFilter

        self._filters = SkuFilter(
            category=self.category_filter.currentData() or "",
            role=self.role_filter.currentData() or "",
            lifecycle=self.stage_filter.currentData() or "",
            shelf_status=self.shelf_filter.currentData() or "",
            level=self.level_filter.currentData() or "",
        )
        self.model.reload()

    def apply_queue(self, key: str) -> None:
        """The home dashboard's "low_stock" queue: the SKUs below their safety stock, other filters cleared."""
        if key != "low_stock":
            raise ValueError(f"unknown products queue {key!r}")
        combos = (self.category_filter, self.role_filter, self.stage_filter, self.shelf_filter, self.level_filter)
        for combo in combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
        self.level_filter.setCurrentIndex(self.level_filter.findData("critical"))
        for combo in combos:
            combo.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self._search_timer.stop()
        self.model.set_search("")  # reloads when there was a search
        self._apply_filters()

    # ------------------------------------------------------------ actions

    def selected_row(self) -> Any:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _need_runner(self) -> bool:
        return self.runner is not None

    def new_product(self) -> ProductEditorDialog | None:
        if not self._need_runner():
            return None
        dialog = ProductEditorDialog(self.runner, None, parent=self)
        dialog.open()
        return dialog

    def import_catalog(self) -> None:
        """A catalog sheet (商家编码, 商品名称, 售价, 成本价…): SKUs created or updated by seller code."""
        from sellerdesk.services import catalog

        if not self._need_runner():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import catalog"), "", self.tr("Spreadsheets (*.xlsx *.xls *.csv)")
        )
        if not path:
            return
        actor = self.actor
        self.runner.run(
            lambda session, _job: catalog.import_catalog(session, Path(path), actor=actor),
            on_success=self._show_catalog_result,
            label=self.tr("Importing the catalog…"),
            parent=self,
        )

    def _show_catalog_result(self, result: Any) -> None:
        text = self.tr("{created} SKU(s) added, {updated} updated.").format(
            created=result.created, updated=result.updated
        )
        if result.problems:
            from sellerdesk.ui.import_texts import row_problem

            first = result.problems[0]
            text = self.tr(
                "Nothing was imported: {count} problem(s) in the sheet. The first: row {row}, column {column}: "
                "{message}"
            ).format(
                count=len(result.problems),
                row=first.row,
                column=first.column,
                message=row_problem(first.code, first.message),
            )
        QMessageBox.information(self, self.tr("Import catalog"), text)

    def delete_selected(self) -> None:
        """Move the selected SKU's product (all its SKUs) to the recycle bin, after asking."""
        from sellerdesk.services import products

        row = self.selected_row()
        if row is None or not self._need_runner():
            QMessageBox.information(self, self.tr("Delete product"), self.tr("Select a SKU first."))
            return
        with self.model._session_factory() as session:
            data = products.get_product(session, row.product_id, actor=self.actor)
        question = self.tr(
            "Move “{title}” and its %n SKU(s) to the recycle bin?\n\n"
            "The owner can restore it from Settings → Recycle bin for 30 days.",
            "",
            len(data.skus),
        ).format(title=data.title)
        answer = QMessageBox.question(self, self.tr("Delete product"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        product_id, version, actor = row.product_id, data.version or 0, self.actor
        self.runner.run(
            lambda session, _job: products.delete_product(session, product_id, version, actor=actor),
            on_success=lambda _c: self._told(self.tr("“{title}” is in the recycle bin.").format(title=data.title)),
            parent=self,
        )

    def edit_selected(self) -> ProductEditorDialog | None:
        row = self.selected_row()
        if row is None or not self._need_runner() or not self.allowed(Action.EDIT_PRODUCTS):
            return None
        dialog = ProductEditorDialog(self.runner, row.product_id, focus_sku_id=row.id, parent=self)
        dialog.open()
        return dialog

    def move_stock(self, mode: str) -> QDialog | None:
        from sellerdesk.ui.dialogs.stock_dialogs import StockMovementDialog

        row = self.selected_row()
        if row is None or not self._need_runner():
            QMessageBox.information(self, self.tr("Stock"), self.tr("Select a SKU first."))
            return None
        dialog = StockMovementDialog(self.runner, row, mode, parent=self)
        dialog.open()
        return dialog

    def export_purchase_list(self) -> None:
        from sellerdesk.services import products
        from sellerdesk.ui.dialogs.stock_dialogs import ask_save_path

        days, ok = QInputDialog.getInt(self, self.tr("Purchase list"), self.tr("Sales of the last (days):"), 30, 1, 365)
        path = ask_save_path(self, self.tr("Export purchase list"), "采购清单.xlsx") if ok else None
        if path is None or not self._need_runner():
            return
        actor = self.actor
        self.runner.run(
            lambda session, _job: products.export_purchase_list(session, path, days, actor=actor),
            on_success=lambda n: self._told(self.tr("Purchase list written: %n SKU(s) to order.", "", n)),
            label=self.tr("Writing the purchase list…"),
            parent=self,
        )

    def export_count_sheet(self) -> None:
        from sellerdesk.services import products
        from sellerdesk.ui.dialogs.stock_dialogs import ask_save_path

        path = ask_save_path(self, self.tr("Export count sheet"), "盘点表.xlsx")
        if path is None or not self._need_runner():
            return
        filters, search = self._filters, self.model.search
        self.runner.run(
            lambda session, _job: products.export_count_sheet(session, path, "main", filters, search),
            on_success=lambda n: self._told(self.tr("Count sheet written: %n SKU(s).", "", n)),
            parent=self,
        )

    def import_count_sheet(self) -> None:
        from sellerdesk.services import products
        from sellerdesk.ui.dialogs.stock_dialogs import StocktakeReviewDialog, ask_open_path

        path = ask_open_path(self, self.tr("Import counted sheet"))
        if path is None or not self._need_runner():
            return
        with self.runner.session_factory() as session:
            try:
                review = products.read_count_sheet(session, path)
            except Exception as exc:
                errors.show_error(self, exc)
                return
        StocktakeReviewDialog(self.runner, review, parent=self).open()

    def export_catalog(self) -> None:
        from sellerdesk.services import catalog
        from sellerdesk.ui.dialogs.stock_dialogs import ask_save_path

        path = ask_save_path(self, self.tr("Export catalog"), "商品资料.xlsx")
        if path is None or not self._need_runner():
            return
        self.runner.run(
            lambda session, _job: catalog.export_catalog(session, path),
            on_success=lambda n: self._told(self.tr("Catalog written: %n SKU(s).", "", n)),
            parent=self,
        )

    def check_titles(self) -> QDialog:
        from sellerdesk.services import products

        with self.model._session_factory() as session:
            issues = products.check_titles(session)
            words = products.banned_words(session)
        dialog = QDialog(self)
        dialog.setObjectName("titleCheckDialog")
        dialog.setWindowTitle(self.tr("Title check"))
        text = QTextBrowser()
        lines = [f"<p><b>{html.escape(i.seller_code)}</b>&nbsp;&nbsp;{highlighted(i.title, words)}</p>" for i in issues]
        head = self.tr("%n SKU title(s) contain words banned by the advertising law.", "", len(issues))
        text.setHtml(f"<p>{html.escape(head)}</p>" + "".join(lines))
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        dialog.resize(720, 480)
        dialog.open()
        return dialog

    def edit_banned_words(self) -> QDialog | None:
        from sellerdesk.services import products

        if not self._need_runner():
            return None
        with self.model._session_factory() as session:
            words, version = products.banned_words(session), products.banned_words_version(session)
        seen = [version]  # the version the list shown was read at; a reload moves it
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Banned words"))
        edit = QPlainTextEdit("\n".join(words))
        save = QPushButton(self.tr("Save"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("One word or phrase per line; titles containing any of them are flagged.")))
        layout.addWidget(edit)
        layout.addWidget(save)

        def reload_on_conflict(exc: BaseException) -> None:
            from sellerdesk.domain.errors import ConflictError

            if not isinstance(exc, ConflictError):
                errors.show_error(dialog, exc)
                return
            answer = QMessageBox.question(
                dialog,
                self.tr("Banned words"),
                self.tr(
                    "Someone else saved the banned words while you were editing them. Load their list? "
                    "Your changes here are then replaced; add them again and save."
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                with self.model._session_factory() as session:
                    edit.setPlainText("\n".join(products.banned_words(session)))
                    seen[0] = products.banned_words_version(session)

        def on_save() -> None:
            new, actor, expected = edit.toPlainText().splitlines(), self.actor, seen[0]
            self.runner.run(
                lambda s, _job: products.set_banned_words(s, new, expected_version=expected, actor=actor),
                on_success=lambda _r: dialog.accept(),
                on_error=reload_on_conflict,
            )

        save.clicked.connect(on_save)
        dialog.resize(360, 460)
        dialog.open()
        return dialog

    def show_unlinked(self) -> QDialog | None:
        from sellerdesk.ui.dialogs.unlinked_items import UnlinkedItemsDialog

        if not self._need_runner():
            return None
        dialog = UnlinkedItemsDialog(self.runner, parent=self)
        dialog.open()
        return dialog

    def _told(self, text: str) -> None:
        QMessageBox.information(self, self.tr("Products"), text)
