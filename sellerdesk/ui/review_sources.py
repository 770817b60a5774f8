"""Open the records behind a review's filled actual in their own tab, filtered to them: the tickets a
service figure counted, the orders of the month (or the late ones), the tasks, the SKUs.

The tasks tab lists exactly the tasks behind the figure (its ``ids`` filter, named above the list); the
tickets are listed in a window of their own; orders take the closest filter the tab has (the month's paid
orders, or the late ones). The status bar says how many records are behind the figure. One record opens its
own window.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.services.reviews import ReviewDetail, ReviewLineInfo
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels, review_texts
from sellerdesk.ui.tablemodels.rows_model import RowsModel


def _has_ids(filter_class: type) -> bool:
    return any(f.name == "ids" for f in fields(filter_class))


def main_window(widget: QWidget) -> Any | None:
    """The main window the review was opened from (a dialog's parent's window), or None."""
    current: QWidget | None = widget
    while current is not None:
        window = current.window()
        if hasattr(window, "page") and hasattr(window, "show_page"):
            return window
        current = window.parentWidget()
    return None


def show_source(parent: QWidget, line: ReviewLineInfo, review: ReviewDetail) -> bool:
    """Show the records behind ``line``'s actual; False (after saying so) when they cannot be shown here."""
    src = line.source
    if src.empty:
        return False
    window = main_window(parent)
    if window is None:
        QMessageBox.information(parent, review_texts.metric(line.metric, line.name), src.note or line.name)
        return False
    shown = {
        "orders": _orders,
        "tickets": _tickets,
        "tasks": _tasks,
        "skus": _skus,
        "products": _skus,
    }.get(src.kind)
    if shown is None or not shown(window, line, review):
        return False
    window.show_status(_behind(line, review), 15_000)
    window.raise_()
    window.activateWindow()
    return True


def _behind(line: ReviewLineInfo, review: ReviewDetail) -> str:
    """What the records behind ``line`` are, and how many (the status bar's, and the tasks tab's note)."""
    src = line.source
    what = review_texts.metric(line.metric, line.name)
    text = QCoreApplication.translate("ReviewSources", "Records behind “{what}” of {name}, {month}: {n}.")
    text = text.format(what=what, name=review.staff_name, month=review.month, n=fmt.count(len(src.ids) + src.more))
    if src.more:
        text += " " + QCoreApplication.translate("ReviewSources", "The first {n} are listed.").format(
            n=fmt.count(len(src.ids))
        )
    return text


def _orders(window: Any, line: ReviewLineInfo, _review: ReviewDetail) -> bool:
    from sellerdesk.services.orders import OrderFilter

    src = line.source
    if src.ids and _has_ids(OrderFilter):
        flt = OrderFilter(ids=src.ids)  # type: ignore[call-arg]
    elif src.scope is not None:
        scope = src.scope
        flt = OrderFilter(
            refund_state=scope.refund_state,
            date_field="paid",
            days=(scope.first_day, scope.last_day),
            late_only=scope.late_only,
        )
    elif len(src.ids) == 1:
        orders = window.page("orders")
        orders.open_order(src.ids[0])
        return True
    else:
        return False
    window.show_page("orders")
    window.page("orders").show_orders(flt)
    return True


def _tickets(window: Any, line: ReviewLineInfo, _review: ReviewDetail) -> bool:
    from sellerdesk.services.tickets.queue import TicketFilter

    src = line.source
    tickets = window.page("tickets")
    if len(src.ids) == 1 and not src.more:
        tickets.open_ticket(src.ids[0])
        return True
    if _has_ids(TicketFilter):
        window.show_page("tickets")
        tickets.show_tickets(TicketFilter(status="", ids=src.ids))  # type: ignore[call-arg]
        return True
    # The queue has no filter of given tickets: list exactly them, each opening in the ticket window.
    dialog = TicketsBehindDialog(window, tickets, line, src.ids)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return True


def _tasks(window: Any, line: ReviewLineInfo, review: ReviewDetail) -> bool:
    from sellerdesk.services.tasks import TaskFilter

    src = line.source
    tasks = window.page("tasks")
    if len(src.ids) == 1 and not src.more:
        tasks.open_task(src.ids[0])
        return True
    window.show_page("tasks")
    tasks.set_filter(TaskFilter(ids=src.ids), _behind(line, review))
    tasks.show_view("list")
    return True


def _skus(window: Any, _line: ReviewLineInfo, _review: ReviewDetail) -> bool:
    window.show_page("products")
    return True


class TicketsBehindDialog(QDialog):
    """The tickets a review's figure counted (newest first); double-click one to open it."""

    def __init__(self, window: Any, tickets_tab: Any, line: ReviewLineInfo, ids: tuple[int, ...]) -> None:
        super().__init__(window)
        self.setObjectName("ticketsBehind")
        self._tickets_tab = tickets_tab
        what = review_texts.metric(line.metric, line.name)
        self.setWindowTitle(self.tr("Tickets behind “{what}”").format(what=what))
        from sellerdesk.services.tickets.queue import rows_by_ids

        with tickets_tab.session_factory() as session:
            rows = sorted(rows_by_ids(session, ids), key=lambda r: r.created_at, reverse=True)
        headers = [self.tr("No."), self.tr("Subject"), self.tr("Status"), self.tr("Assignee"), self.tr("Created")]

        def cells(r: Any) -> list[str]:
            status = labels.ticket_status(r.status)
            return [f"#{r.id}", r.subject, status, r.assignee, fmt.shop_time(r.created_at, r.timezone)]

        self.model: RowsModel[Any] = RowsModel(headers, cells, self)
        self.model.set_rows(rows)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._open)
        note = QLabel(self.tr("%n ticket(s); double-click one to open it.", "", len(rows)))
        note.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(760, 460)

    def _open(self, index: Any) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self._tickets_tab.open_ticket(row.id)
