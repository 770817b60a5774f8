"""Orders: every platform's orders in one list, filtered, searched and sorted in SQL, and worked from here.

Filters sit above the list; the search box finds order ids, buyers, receivers, tracking numbers, seller
codes and titles as you type. Double-click opens an order's detail; the context menu opens a ticket,
copies the order id or opens the order in the platform's seller back end. Shipping (many orders at
once) and exporting the current view run on the database worker.
"""

from __future__ import annotations

from array import array
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.enums import OrderStatus, RefundState
from sellerdesk.domain.permissions import Action, can
from sellerdesk.services import orders as svc
from sellerdesk.services.orders import OrderFilter, OrderListRow
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.tablemodels.orders_model import OrdersTableModel
from sellerdesk.ui.tablemodels.paged import RIGHT, Column, Source, shop_time_column
from sellerdesk.ui.tabs.list_tab import ListTab
from sellerdesk.ui.theme import status_css
from sellerdesk.ui.widgets.empty_state import EmptyAction
from sellerdesk.ui.widgets.headers import widen_to_captions
from sellerdesk.ui.widgets.util import filter_combo, named

if TYPE_CHECKING:
    from sellerdesk.ui.dialogs.order_detail import OrderDetailDialog, TicketForOrderDialog
    from sellerdesk.ui.dialogs.ship_deadlines import ShipDeadlinesDialog
    from sellerdesk.ui.dialogs.shipping_dialog import ShippingDialog
    from sellerdesk.ui.dialogs.ticket_dialog import TicketDialog
    from sellerdesk.ui.runner import Job, Runner

QUEUES = ("late_to_ship", "unshipped")  # the home dashboard's queues this list shows


def _status(row: OrderListRow) -> str:
    refund = labels.refund_state(row.refund_state)
    status = labels.order_status(row.status)
    return f"{status} · {refund}" if refund and refund != status else status


class OrdersTab(ListTab):
    key = "orders"
    icon_name = "orders"
    stale_on = frozenset({"orders", "shops"})
    default_sort = ("paid_at", True)

    def __init__(
        self, session_factory: sessionmaker[Session], runner: Runner | None = None, parent: QWidget | None = None
    ) -> None:
        self.runner = runner
        self._ids_job_busy = False
        self._quiet = True  # no query while the filters are being built or set together
        self._late_total = 0
        self._detail: OrderDetailDialog | None = None
        super().__init__(session_factory, parent)
        # The base builds a generic paged model; this list uses its own (filters, id-list paging).
        self.model.deleteLater()
        self.orders_model = OrdersTableModel(session_factory, self.columns(), parent=self)
        if runner is not None:
            self.orders_model.actor = runner.actor
        self.model = self.orders_model
        self.orders_model.reloaded.connect(self._on_model_reloaded)
        self.orders_model.load_failed.connect(self._on_model_load_failed)
        self.orders_model.ids_wanted.connect(self._load_ids)
        self.view.setModel(self.model)
        self._build_orders_ui()
        self._quiet = False

    # ------------------------------------------------------------ ListTab's hooks

    def title(self) -> str:
        return self.tr("Orders")

    def source(self) -> Source[Any]:
        return Source(lambda _s, _t: 0, lambda _s, _r: ())  # unused: see OrdersTableModel

    def columns(self) -> list[Column[Any]]:
        def money_or_blank(cents: int) -> str:
            return fmt.money(cents) if cents else ""

        return [
            Column("platform", self.tr("Platform"), lambda r: labels.platform(r.platform), width=100),
            Column("shop", self.tr("Shop"), lambda r: r.shop, width=130, full_tooltip=True),
            Column(
                "platform_order_id",
                self.tr("Order ID"),
                lambda r: r.platform_order_id,
                width=190,
                warning=self._unlinked_warning,
            ),
            Column("status", self.tr("Status"), _status, width=150, full_tooltip=True),
            shop_time_column("paid_at", self.tr("Paid at"), lambda r: r.paid_at),
            Column(
                "ship_by",
                self.tr("Ship by"),
                lambda r: fmt.shop_time(r.ship_by, r.timezone),
                width=150,
                sortable=False,  # worked out per shop from the payment time: sort by "Paid at" instead
                warning=self._late_warning,
            ),
            Column("paid_cents", self.tr("Paid"), lambda r: fmt.money(r.paid_cents), RIGHT, 95, newest_first=True),
            Column(
                "refund_cents",
                self.tr("Refunded"),
                lambda r: money_or_blank(r.refund_cents),
                RIGHT,
                95,
                newest_first=True,
            ),
            Column("buyer_nick", self.tr("Buyer"), lambda r: r.buyer_nick, width=120, full_tooltip=True),
            Column("receiver_name", self.tr("Receiver"), lambda r: r.receiver_name, width=90),
            shop_time_column("shipped_at", self.tr("Shipped at"), lambda r: r.shipped_at),
            Column(
                "tracking_no",
                self.tr("Tracking"),
                lambda r: f"{r.carrier} {r.tracking_no}".strip(),
                width=190,
                full_tooltip=True,
            ),
            shop_time_column("created_at", self.tr("Created at"), lambda r: r.created_at),
        ]

    def count_text(self, count: int) -> str:
        return self.tr("%Ln order(s)", "", count)

    def empty_text(self) -> str:
        if self.orders_model.order_filter != OrderFilter():
            return self.tr("No orders match these filters.")
        return self.tr(
            "No orders yet.\nDownload the order exports from the seller back ends of Taobao/Tmall, JD, Pinduoduo "
            "or Douyin and import them (or drop the files on this window)."
        )

    def empty_actions(self) -> list[EmptyAction]:
        if self.orders_model.order_filter != OrderFilter() or self.runner is None:
            return []
        if not can(self.runner.actor, Action.IMPORT_ORDERS):
            return []
        return [(self.tr("Import exports…"), lambda: self.action_requested.emit("import"))]

    def search_help(self) -> str:
        return self.tr(
            "Finds the orders whose order ID, buyer, receiver, phone, tracking number, seller codes or "
            "item titles contain the text you type."
        )

    def search_placeholder(self) -> str:
        return self.tr("Search order ID, buyer, tracking no., seller code, item…")

    def _late_warning(self, row: OrderListRow) -> str:
        return self.tr("Late to ship: the deadline has passed.") if row.late else ""

    def _unlinked_warning(self, row: OrderListRow) -> str:
        if not row.unlinked_items:
            return ""
        return self.tr("%n item(s) with a seller code that matches no SKU.", "", row.unlinked_items)

    # ------------------------------------------------------------ building

    def _build_orders_ui(self) -> None:
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, self._build_filters())
        layout.insertLayout(2, self._build_actions())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.doubleClicked.connect(lambda index: self.open_detail(index.row()))
        self.search_box.setAcceptDrops(False)  # dropped export files go to the window: they are imported
        self.search_box.setMinimumWidth(430)  # room for the whole hint of what it finds
        header = self.view.horizontalHeader()
        for i in range(self.model.columnCount()):
            header.resizeSection(i, self.model.column(i).width)
        widen_to_captions(self.view)

    def _combo(self, name: str, items: list[tuple[str, Any]], tip: str) -> QComboBox:
        return filter_combo(name, items, tip, self._apply_filters)

    def _build_filters(self) -> QHBoxLayout:
        from sellerdesk.platforms.registry import parsed_platforms  # with every parser: loaded when the tab is made

        self.platform_filter = self._combo(
            "platformFilter",
            [(self.tr("All platforms"), "")] + [(labels.platform(p), p.value) for p in parsed_platforms()],
            self.tr("Platform"),
        )
        self.platform_filter.currentIndexChanged.connect(self._fill_shops)
        self.shop_filter = self._combo("shopFilter", [(self.tr("All shops"), None)], self.tr("Shop"))
        self.shop_filter.setMinimumContentsLength(12)
        self.shop_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter = self._combo(
            "statusFilter",
            [(self.tr("Any status"), "")] + [(labels.order_status(s), s.value) for s in OrderStatus],
            self.tr("Order status"),
        )
        refunds = [(self.tr("No refund"), RefundState.NONE.value)]
        refunds += [(labels.refund_state(s), s.value) for s in RefundState if s != RefundState.NONE]
        self.refund_filter = self._combo(
            "refundFilter", [(self.tr("Any refund state"), ""), *refunds], self.tr("Refund / after-sale state")
        )
        self.date_field = self._combo(
            "dateField",
            [
                (self.tr("Any date"), ""),
                (self.tr("Order date"), "created"),
                (self.tr("Payment date"), "paid"),
                (self.tr("Shipping date"), "shipped"),
            ],
            self.tr("Only orders whose order, payment or shipping day lies in the range (each shop's own days)"),
        )
        self.date_field.currentIndexChanged.connect(self._enable_dates)
        today = QDate.currentDate()
        self.date_from = named(QDateEdit(today.addDays(-30)), "dateFrom")
        self.date_to = named(QDateEdit(today), "dateTo")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._apply_filters)
        self.late_only = named(QCheckBox(self.tr("Late to ship")), "lateOnly")
        self.late_only.setToolTip(self.tr("Only paid orders whose shipping deadline has passed"))
        self.unlinked_only = named(QCheckBox(self.tr("Unlinked items")), "unlinkedOnly")
        self.unlinked_only.setToolTip(self.tr("Only orders with items whose seller code matches no SKU"))
        self.incomplete_only = named(QCheckBox(self.tr("Incomplete")), "incompleteOnly")
        self.incomplete_only.setToolTip(
            self.tr("Only orders an item file brought without their order file: they count in no figure")
        )
        for box in (self.late_only, self.unlinked_only, self.incomplete_only):
            box.toggled.connect(self._apply_filters)
        self.clear_filters_button = named(QPushButton(self.tr("Clear filters")), "clearFilters")
        self.clear_filters_button.setEnabled(False)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.clear_filters_button.setToolTip(self.tr("Show every order again"))
        row = QHBoxLayout()
        row.setSpacing(8)
        for w in (self.platform_filter, self.shop_filter, self.status_filter, self.refund_filter):
            row.addWidget(w)
        row.addSpacing(8)
        row.addWidget(self.date_field)
        row.addWidget(self.date_from)
        row.addWidget(QLabel("–"))
        row.addWidget(self.date_to)
        row.addStretch(1)
        row.addWidget(self.clear_filters_button)
        return row

    def _build_actions(self) -> QHBoxLayout:
        self.late_label = named(QLabel(), "lateCount")
        self.late_label.setTextFormat(Qt.TextFormat.RichText)
        self.late_label.linkActivated.connect(lambda _link: self.apply_queue("late_to_ship"))
        self.ship_button = named(QPushButton(self.tr("Ship orders…")), "shipButton")
        self.ship_button.setToolTip(
            self.tr("Enter or paste tracking numbers for many orders, mark them shipped, write batch-ship files")
        )
        self.ship_button.clicked.connect(self.open_shipping)
        self.export_button = named(QPushButton(self.tr("Export view…")), "exportButton")
        self.export_button.setToolTip(
            self.tr("Write the orders in this list, as filtered and sorted, to an Excel file")
        )
        self.export_button.clicked.connect(lambda: self.export_view())
        self.deadlines_button = named(QPushButton(self.tr("Shipping deadlines…")), "deadlinesButton")
        self.deadlines_button.setToolTip(self.tr("How many hours after payment each platform allows to ship"))
        self.deadlines_button.clicked.connect(lambda: self.edit_ship_deadlines())
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.late_label)
        row.addSpacing(8)
        # The check filters sit here, not in the filter row: the tab fits a 1280-pixel-wide window.
        for box in (self.late_only, self.unlinked_only, self.incomplete_only):
            row.addWidget(box)
        row.addStretch(1)
        row.addWidget(self.deadlines_button)
        row.addWidget(self.ship_button)
        row.addWidget(self.export_button)
        return row

    # ------------------------------------------------------------ public

    def reload(self) -> None:
        self._fill_shops()
        super().reload()

    @property
    def session_factory(self) -> sessionmaker[Session]:
        return self.orders_model._session_factory

    def current_filter(self) -> OrderFilter:
        """The filters as set in the widgets (the search text is the model's)."""
        days = None
        field = str(self.date_field.currentData() or "")
        if field:
            first, last = sorted((self.date_from.date(), self.date_to.date()))
            days = (first.toPython(), last.toPython())  # each order's own shop's days (OrderFilter.days)
        return OrderFilter(
            platform=str(self.platform_filter.currentData() or ""),
            shop_id=self.shop_filter.currentData(),
            status=str(self.status_filter.currentData() or ""),
            refund_state=str(self.refund_filter.currentData() or ""),
            date_field=field or "paid",
            days=days,  # type: ignore[arg-type]  # QDate.toPython() is typed as object
            late_only=self.late_only.isChecked(),
            unlinked_only=self.unlinked_only.isChecked(),
            incomplete_only=self.incomplete_only.isChecked(),
        )

    def clear_filters(self) -> None:
        self._set_widgets()
        self.orders_model.set_filter(self.current_filter())

    def apply_queue(self, key: str) -> None:
        """Show one of the home dashboard's queues: "late_to_ship" or "unshipped" (paid, not shipped).

        Other filters and the search are cleared, and the oldest payment comes first: the most urgent.
        """
        if key not in QUEUES:
            raise ValueError(f"unknown orders queue {key!r}")
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self._search_timer.stop()
        self._set_widgets(late=key == "late_to_ship", status=OrderStatus.PAID.value if key == "unshipped" else "")
        self.orders_model.set_view(self.current_filter(), search="", sort=("paid_at", False), reload=False)
        self.reload()

    def show_orders(self, flt: OrderFilter) -> None:
        """Show exactly ``flt`` (the orders behind a figure, e.g. a review's): its widgets set, the search cleared."""
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self._search_timer.stop()
        self._set_widgets(late=flt.late_only, status=flt.status)
        self._quiet = True
        self.refund_filter.setCurrentIndex(max(self.refund_filter.findData(flt.refund_state), 0))
        if flt.days is not None:
            self.date_field.setCurrentIndex(max(self.date_field.findData(flt.date_field), 0))
            first, last = flt.days
            self.date_from.setDate(QDate(first.year, first.month, first.day))
            self.date_to.setDate(QDate(last.year, last.month, last.day))
        self._enable_dates()
        self._quiet = False
        self.clear_filters_button.setEnabled(True)
        self.orders_model.set_view(flt, search="", reload=False)
        self.reload()

    def selected_rows(self) -> list[OrderListRow]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [r for r in (self.model.row_at(i) for i in rows) if r is not None]

    def open_detail(self, row: int) -> OrderDetailDialog | None:
        """The detail of the order on ``row`` (a window of its own, not modal: the list stays usable)."""
        order = self.model.row_at(row)
        return self.open_order(order.id) if order is not None else None

    def open_order(self, order_id: int) -> OrderDetailDialog:
        from sellerdesk.ui.dialogs.order_detail import OrderDetailDialog

        if self._detail is not None:
            self._detail.close()
        dialog = OrderDetailDialog(self.session_factory, order_id, self.orders_model.now, self.runner, parent=self)
        dialog.open_ticket_requested.connect(self.open_ticket)
        dialog.order_requested.connect(self.open_order)
        dialog.ticket_requested.connect(self.show_ticket)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self._forget_detail(dialog))
        dialog.show()
        self._detail = dialog
        return dialog

    def open_shipping(self) -> ShippingDialog:
        from sellerdesk.ui.dialogs.shipping_dialog import ShippingDialog

        dialog = ShippingDialog(self.runner, self.session_factory, self.selected_rows(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_ship_deadlines(self) -> ShipDeadlinesDialog | None:
        if self.runner is None:
            return None
        from sellerdesk.ui.dialogs.ship_deadlines import ShipDeadlinesDialog

        with self.session_factory() as session:
            current = svc.ship_deadlines(session)
        dialog = ShipDeadlinesDialog(self.runner, current, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_view(self, path: str | None = None) -> Job | None:
        from sellerdesk.ui.dialogs.export_view import export_orders_view

        model = self.orders_model
        return export_orders_view(self, self.runner, model.order_filter, model.order_sort, model.total, path)

    def open_ticket(self, order_id: int) -> TicketForOrderDialog | None:
        """Ask for the new ticket's subject and category; the ticket is written when the dialog is accepted."""
        if self.runner is None:
            return None
        from sellerdesk.ui.dialogs.order_detail import TicketForOrderDialog

        runner = self.runner
        with self.session_factory() as session:
            found = svc.orders_by_ids(session, [order_id], self.orders_model.now, actor=runner.actor)
        if not found:
            return None
        order = found[0]
        about = f"{order.platform_order_id} ({labels.platform(order.platform)} · {order.shop})"
        dialog = TicketForOrderDialog(about, self._detail or self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def create() -> None:
            subject, category, priority = dialog.subject(), dialog.category(), dialog.priority()
            runner.run(
                lambda s, _job: svc.create_ticket_for_order(s, order_id, subject, category, priority=priority),
                on_success=lambda ticket: self._ticket_opened(order_id, ticket.id),
                parent=self,
            )

        dialog.accepted.connect(create)
        dialog.open()
        return dialog

    # ------------------------------------------------------------ slots

    def _set_widgets(self, *, late: bool = False, status: str = "") -> None:
        """Set every filter widget at once, without a query per widget."""
        self._quiet = True
        for combo in (self.platform_filter, self.shop_filter, self.refund_filter):
            combo.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status), 0))
        self.date_field.setCurrentIndex(0)
        self._enable_dates()
        self.late_only.setChecked(late)
        self.unlinked_only.setChecked(False)
        self.incomplete_only.setChecked(False)
        self._quiet = False
        self.clear_filters_button.setEnabled(self.current_filter() != OrderFilter())

    def _apply_filters(self) -> None:
        if self._quiet:
            return
        flt = self.current_filter()
        self.clear_filters_button.setEnabled(flt != OrderFilter())
        self.orders_model.set_filter(flt)

    def _enable_dates(self) -> None:
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(bool(self.date_field.currentData()))

    def _fill_shops(self) -> None:
        """The shop choices (of the chosen platform) and the late-to-ship count."""
        platform = self.platform_filter.currentData() or ""
        current = self.shop_filter.currentData()
        with self.session_factory() as session:
            shops = svc.shop_choices(session)
            self._late_total = svc.late_to_ship_count(session, datetime.now(UTC))
        was_quiet, self._quiet = self._quiet, True
        self.shop_filter.clear()
        self.shop_filter.addItem(self.tr("All shops"), None)
        for shop in shops:
            if not platform or shop.platform == platform:
                text = shop.name if platform else f"{labels.platform(shop.platform)} · {shop.name}"
                self.shop_filter.addItem(text, shop.id)
        self.shop_filter.setCurrentIndex(max(self.shop_filter.findData(current), 0))
        self._quiet = was_quiet
        if self._late_total:
            count = self.tr("%Ln order(s) late to ship", "", self._late_total)
            link = self.tr("Show them")
            self.late_label.setText(
                f'<span style="color:{status_css("late")}">⚠ {count}</span> · <a href="late">{link}</a>'
            )
        else:
            self.late_label.setText(self.tr("No order is late to ship."))

    def _load_ids(self, generation: int) -> None:
        """Read the view's id list on the worker; one request at a time, the newest wins."""
        if self.runner is None or self._ids_job_busy:
            return
        self._ids_job_busy = True
        model = self.orders_model
        flt, sort, now = model.order_filter, model.order_sort, model.now

        def done(ids: array[int]) -> None:
            model.set_ids(generation, ids)

        def finished() -> None:
            self._ids_job_busy = False
            if model.generation != generation and not model.has_ids and model.total > model.PAGE_SIZE:
                self._load_ids(model.generation)

        self.runner.run(
            lambda s, _job: svc.order_ids(s, flt, sort, now),
            on_success=done,
            on_error=lambda _exc: None,  # pages keep coming by position; the next reload tries again
            on_finished=finished,
            parent=self,
        )

    def _forget_detail(self, dialog: object) -> None:
        if self._detail is dialog:
            self._detail = None

    def show_ticket(self, ticket_id: int) -> TicketDialog | None:
        """The ticket's own window, beside the order."""
        if self.runner is None:
            return None
        from sellerdesk.ui.dialogs.ticket_dialog import TicketDialog

        dialog = TicketDialog(self.session_factory, self.runner, ticket_id, parent=self._detail or self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _ticket_opened(self, order_id: int, ticket_id: int) -> None:
        self._status(self.tr("Service ticket opened."))
        if self._detail is not None and self._detail.order_id == order_id:
            self._detail.reload()
        self.show_ticket(ticket_id)  # prefilled from the order: the agent goes on from there

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        order = self.model.row_at(index.row()) if index.isValid() else None
        if order is None:
            return
        selected = self.selected_rows()
        if order.id not in {r.id for r in selected}:
            selected = [order]
        menu = QMenu(self)
        menu.addAction(self.tr("Open order…"), lambda: self.open_detail(index.row()))
        menu.addAction(self.tr("Open a service ticket…"), lambda: self.open_ticket(order.id))
        menu.addSeparator()
        menu.addAction(self.tr("Copy order ID(s)", "", len(selected)), lambda: copy_order_ids(selected))
        web = menu.addAction(self.tr("Open in the seller back end"), lambda: open_in_back_end(order))
        web.setEnabled(bool(seller_url(order)))
        menu.addSeparator()
        menu.addAction(self.tr("Ship selected orders…"), self.open_shipping)
        menu.popup(self.view.viewport().mapToGlobal(pos))
        self._menu = menu

    def _status(self, text: str) -> None:
        show = getattr(self.window(), "show_status", None)
        if show is not None:
            show(text, 5000)


def copy_order_ids(orders: list[OrderListRow]) -> None:
    """The platform order ids, one a line (as a sheet column pastes them)."""
    QGuiApplication.clipboard().setText("\n".join(o.platform_order_id for o in orders))


def seller_url(order: OrderListRow) -> str:
    """The order's page in its platform's seller back end; "" when there is none."""
    from sellerdesk.platforms.registry import spec_of

    return spec_of(order.platform).order_url(order.platform_order_id)


def open_in_back_end(order: OrderListRow) -> None:
    url = seller_url(order)
    if url:
        QDesktopServices.openUrl(QUrl(url))
