"""One order: items (linked to their SKUs), amounts, timeline, the buyer's other orders, tickets, imports.

Read when opened (a handful of indexed queries); small tables, so plain QTableWidgets. The window is
not modal: staff keep it open beside the list while they answer the buyer. ``TicketForOrderDialog``
asks for a new ticket's subject and category.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.enums import Priority, TicketCategory
from sellerdesk.domain.permissions import OWNER
from sellerdesk.services import orders as svc
from sellerdesk.services.orders import OrderDetail, TimelineEvent
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.resources import icon
from sellerdesk.ui.theme import status_colour, status_css
from sellerdesk.ui.widgets.util import named

if TYPE_CHECKING:
    from sellerdesk.ui.runner import Runner

SKU_COLUMN = 1  # the items table's column that opens the SKU


class OrderDetailDialog(QDialog):
    """Signals:
    open_ticket_requested(order_id): the user wants a new service ticket about this order.
    order_requested(order_id): the user opened one of the buyer's other orders.
    ticket_requested(ticket_id): the user opened one of the order's tickets.
    """

    open_ticket_requested = Signal(int)
    order_requested = Signal(int)
    ticket_requested = Signal(int)

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        order_id: int,
        now: datetime,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderDetail")
        self.order_id = order_id
        self._session_factory = session_factory
        self._now = now
        self._runner = runner
        self.resize(980, 660)
        self.detail = self._read()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        self._top = QVBoxLayout()
        layout.addLayout(self._top)
        self.tabs = named(QTabWidget(), "detailTabs")
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.ticket_button = buttons.addButton(
            self.tr("Open a service ticket…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.ticket_button.setObjectName("openTicket")
        self.ticket_button.clicked.connect(lambda: self.open_ticket_requested.emit(self.order_id))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill()

    def reload(self) -> None:
        """Read the order again (a ticket was opened, the order was shipped) and show it."""
        self.detail = self._read()
        self._fill()

    # ------------------------------------------------------------ parts

    def _read(self) -> OrderDetail:
        with self._session_factory() as session:
            actor = self._runner.actor if self._runner is not None else OWNER
            return svc.order_detail(session, self.order_id, self._now, actor=actor)

    def _fill(self) -> None:
        d = self.detail
        self.setWindowTitle(self.tr("Order {id}").format(id=d.row.platform_order_id))
        while self._top.count():
            item = self._top.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._top.addWidget(self._header())
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.tabs.addTab(self._items_table(), self.tr("Items (%n)", "", len(d.items)))
        self.tabs.addTab(self._timeline_table(), self.tr("Timeline"))
        self.tabs.addTab(self._buyer_table(), self.tr("Buyer's other orders (%n)", "", len(d.buyer_orders)))
        self.tabs.addTab(self._tickets_table(), self.tr("Tickets (%n)", "", len(d.tickets)))
        self.tabs.addTab(self._batches_table(), self.tr("Imports (%n)", "", len(d.batches)))
        self.tabs.setCurrentIndex(max(current, 0))

    def _header(self) -> QWidget:
        d = self.detail
        r = d.row
        box = named(QFrame(), "orderHeader")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        title = named(QLabel(r.platform_order_id), "detailOrderId")
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        status = labels.order_status(r.status)
        refund = labels.refund_state(r.refund_state)
        if refund and refund != status:
            status += " · " + refund
        status_label = named(QLabel(status), "detailStatus")
        if r.late:
            status_label.setText(
                f'{status} · <span style="color:{status_css("late")}">{self.tr("late to ship")}</span>'
            )
        where = QLabel(f"{labels.platform(r.platform)} · {r.shop}")

        order = QFormLayout()
        order.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        order.setHorizontalSpacing(10)
        order.setVerticalSpacing(4)
        order.addRow(self.tr("Buyer:"), self._value(r.buyer_nick))
        # Phone and street address come masked / empty for roles that do not ship (the service decides).
        receiver = " ".join(p for p in (r.receiver_name, d.receiver_phone, d.receiver_region, d.receiver_address) if p)
        order.addRow(self.tr("Receiver:"), self._value(receiver))
        order.addRow(self.tr("Shipping:"), self._value(f"{r.carrier} {r.tracking_no}".strip()))
        if r.ship_by is not None:
            order.addRow(self.tr("Ship by:"), self._value(fmt.shop_time(r.ship_by, r.timezone)))
        if d.buyer_message:
            order.addRow(self.tr("Buyer's message:"), self._value(d.buyer_message))
        if d.seller_memo:
            order.addRow(self.tr("Seller's memo:"), self._value(d.seller_memo))
        amounts = QFormLayout()
        amounts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        amounts.setHorizontalSpacing(16)
        amounts.setVerticalSpacing(4)
        for text, cents, name in (
            (self.tr("Goods:"), d.goods_cents, "goods"),
            (self.tr("Discount:"), -d.discount_cents, "discount"),
            (self.tr("Shipping fee:"), d.shipping_cents, "shippingFee"),
            (self.tr("Paid:"), r.paid_cents, "paid"),
            (self.tr("Refunded:"), r.refund_cents, "refunded"),
        ):
            value = named(QLabel(fmt.money(cents)), f"amount_{name}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if name == "paid":
                bold = QFont(value.font())
                bold.setBold(True)
                value.setFont(bold)
            amounts.addRow(text, value)

        grid = QGridLayout(box)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(24)
        grid.addWidget(title, 0, 0)
        grid.addWidget(status_label, 1, 0)
        grid.addWidget(where, 2, 0)
        grid.addLayout(order, 0, 1, 4, 1)
        grid.addLayout(amounts, 0, 2, 4, 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(3, 1)
        return box

    def _value(self, text: str) -> QLabel:
        label = QLabel(text or "—", wordWrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _table(
        self, name: str, headers: Sequence[str], rows: Sequence[Sequence[str]], stretch: int = -1
    ) -> QTableWidget:
        """A read-only table; column ``stretch`` (default the last) takes the room the others leave."""
        table = named(QTableWidget(len(rows), len(headers)), name)
        table.setHorizontalHeaderLabels(list(headers))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)  # long titles and variants are cut off: the whole of it on hover
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch % len(headers), QHeaderView.ResizeMode.Stretch)
        return table

    def _items_table(self) -> QTableWidget:
        rows = [
            (
                i.seller_code,
                self.tr("Open SKU") if i.sku_id is not None else self.tr("Not linked"),
                i.title,
                i.spec,
                fmt.count(i.qty),
                fmt.money(i.unit_price_cents),
                fmt.money(i.paid_cents),
                fmt.money(i.refund_cents) if i.refund_cents else "",
            )
            for i in self.detail.items
        ]
        headers = (
            self.tr("Seller code"),
            self.tr("SKU"),
            self.tr("Title"),
            self.tr("Variant"),
            self.tr("Qty"),
            self.tr("Price"),
            self.tr("Paid"),
            self.tr("Refunded"),
        )
        table = self._table("itemsTable", headers, rows, stretch=2)
        for r, line in enumerate(self.detail.items):
            for c in (4, 5, 6, 7):
                cell = table.item(r, c)
                if cell is not None:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cell = table.item(r, SKU_COLUMN)
            if cell is None:
                continue
            if line.sku_id is None:
                cell.setIcon(icon("warning"))
                cell.setToolTip(
                    self.tr(
                        "No SKU in the catalog has this seller code. Link it under Products → More → "
                        "Unlinked platform items."
                    )
                )
            else:
                font = QFont(cell.font())
                font.setUnderline(True)
                cell.setFont(font)
                cell.setForeground(status_colour("link"))
                cell.setToolTip(self.tr("Open this SKU in the product editor"))
        # A click on the SKU cell, or a double-click (Enter) anywhere else on the line, opens the SKU.
        table.cellClicked.connect(lambda r, c: self.open_sku(r) if c == SKU_COLUMN else None)
        table.cellActivated.connect(lambda r, c: self.open_sku(r) if c != SKU_COLUMN else None)
        return table

    def _event_text(self, event: TimelineEvent) -> str:
        texts = {
            "created": self.tr("Order placed"),
            "paid": self.tr("Buyer paid"),  # not "Paid": the amount column has that text
            "shipped": self.tr("Shipped"),
            "completed": self.tr("Completed"),
            "refund_applied": self.tr("Refund requested"),
            "refund_finished": self.tr("Refund finished"),
            "ticket": self.tr("Ticket opened"),
            "import": self.tr("Imported"),
        }
        return texts.get(event.kind, event.kind)

    def _event_detail(self, event: TimelineEvent) -> str:
        if event.kind == "refund_applied" and event.detail.isdigit():
            return fmt.money(int(event.detail))
        if event.kind == "refund_finished":
            return labels.refund_state(event.detail)
        return event.detail

    def _timeline_table(self) -> QTableWidget:
        tz = self.detail.row.timezone  # the order's page reads in its shop's time
        rows = [(fmt.shop_time(e.at, tz), self._event_text(e), self._event_detail(e)) for e in self.detail.timeline]
        return self._table("timelineTable", (self.tr("When"), self.tr("What"), self.tr("Details")), rows)

    def _buyer_table(self) -> QTableWidget:
        rows = [
            (
                o.platform_order_id,
                labels.order_status(o.status),
                fmt.shop_time(o.paid_at, self.detail.row.timezone),
                fmt.money(o.paid_cents),
            )
            for o in self.detail.buyer_orders
        ]
        headers = (self.tr("Order ID"), self.tr("Status"), self.tr("Paid at"), self.tr("Paid"))
        table = self._table("buyerOrdersTable", headers, rows)
        table.setToolTip(self.tr("Double-click an order to open it"))
        table.cellActivated.connect(lambda r, _c: self.order_requested.emit(self.detail.buyer_orders[r].id))
        return table

    def _tickets_table(self) -> QTableWidget:
        rows = [
            (
                str(t.id),
                t.subject,
                labels.ticket_category(t.category),
                labels.ticket_status(t.status),
                fmt.shop_time(t.created_at, self.detail.row.timezone),
            )
            for t in self.detail.tickets
        ]
        headers = (self.tr("No."), self.tr("Subject"), self.tr("Category"), self.tr("Status"), self.tr("Opened"))
        table = self._table("ticketsTable", headers, rows, stretch=1)
        table.setToolTip(self.tr("Double-click a ticket to open it"))
        table.cellActivated.connect(lambda r, _c: self.ticket_requested.emit(self.detail.tickets[r].id))
        return table

    def _batches_table(self) -> QTableWidget:
        rows = [
            (
                fmt.shop_time(b.started_at, self.detail.row.timezone),
                b.file_name,
                self.tr("Created the order") if b.action == "created" else self.tr("Updated the order"),
            )
            for b in self.detail.batches
        ]
        return self._table("batchesTable", (self.tr("When"), self.tr("File"), self.tr("Change")), rows, stretch=1)

    # ------------------------------------------------------------ actions

    def open_sku(self, row: int) -> QDialog | None:
        """The product editor on the item's SKU (nothing for an unlinked item)."""
        line = self.detail.items[row] if 0 <= row < len(self.detail.items) else None
        if line is None or line.product_id is None or self._runner is None:
            return None
        from sellerdesk.ui.dialogs.product_editor import ProductEditorDialog

        editor = ProductEditorDialog(self._runner, line.product_id, focus_sku_id=line.sku_id, parent=self)
        editor.open()
        return editor


class TicketForOrderDialog(QDialog):
    """A new service ticket about an order: subject and category (the order's shop and buyer are copied)."""

    def __init__(self, order: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketForOrder")
        self.setWindowTitle(self.tr("New service ticket"))
        about = named(QLabel(self.tr("About order {order}").format(order=order)), "ticketOrder")
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subject_edit = named(QLineEdit(), "ticketSubject")
        self.subject_edit.setPlaceholderText(self.tr("e.g. Buyer asks when the parcel ships"))
        self.subject_edit.setMinimumWidth(360)
        self.category_combo = named(QComboBox(), "ticketCategory")
        for category in TicketCategory:
            self.category_combo.addItem(labels.ticket_category(category.value), category.value)
        self.category_combo.setCurrentIndex(self.category_combo.findData(TicketCategory.LOGISTICS.value))
        self.priority_combo = named(QComboBox(), "ticketPriority")
        for priority in Priority:
            self.priority_combo.addItem(labels.priority(priority.value), priority.value)
        self.priority_combo.setCurrentIndex(self.priority_combo.findData(Priority.NORMAL.value))
        form = QFormLayout()
        form.addRow(self.tr("Subject:"), self.subject_edit)
        form.addRow(self.tr("Category:"), self.category_combo)
        form.addRow(self.tr("Priority:"), self.priority_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Open ticket"))
        ok.setEnabled(False)
        self.subject_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def subject(self) -> str:
        return self.subject_edit.text().strip()

    def category(self) -> str:
        return str(self.category_combo.currentData())

    def priority(self) -> str:
        return str(self.priority_combo.currentData())


__all__ = ["OrderDetail", "OrderDetailDialog", "TicketForOrderDialog"]
