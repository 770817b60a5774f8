"""Open the records behind a review's filled actual in their own tab, filtered to them: the tickets a
service figure counted, the orders of the month (or the late ones), the tasks, the SKUs.

A filter takes the records' ids where the listing has an ``ids`` filter; otherwise the closest filter the tab
has (the month's paid orders, the person's tasks) and the status bar says how many records are behind the
figure. One record opens its own window.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from sellerdesk.services.reviews import ReviewDetail, ReviewLineInfo
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import review_texts


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
    count = len(src.ids) + src.more
    shown = {
        "orders": _orders,
        "tickets": _tickets,
        "tasks": _tasks,
        "skus": _skus,
        "products": _skus,
    }.get(src.kind)
    if shown is None or not shown(window, line, review):
        return False
    what = review_texts.metric(line.metric, line.name)
    text = QCoreApplication.translate("ReviewSources", "Records behind “{what}” of {name}, {month}: {n}.")
    text = text.format(what=what, name=review.staff_name, month=review.month, n=fmt.count(count))
    if src.more:
        text += " " + QCoreApplication.translate("ReviewSources", "The first {n} are listed.").format(
            n=fmt.count(len(src.ids))
        )
    window.show_status(text, 15_000)
    window.raise_()
    window.activateWindow()
    return True


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
        flt = TicketFilter(status="", ids=src.ids)  # type: ignore[call-arg]
    else:
        flt = TicketFilter(status="")  # every ticket: the queue has no filter of these ids yet
    window.show_page("tickets")
    tickets.show_tickets(flt)
    return True


def _tasks(window: Any, line: ReviewLineInfo, review: ReviewDetail) -> bool:
    from sellerdesk.services.tasks import TaskFilter

    src = line.source
    tasks = window.page("tasks")
    if len(src.ids) == 1 and not src.more:
        tasks.open_task(src.ids[0])
        return True
    if _has_ids(TaskFilter):
        flt = TaskFilter(ids=src.ids)  # type: ignore[call-arg]
    else:
        flt = TaskFilter(assignee_id=review.staff_id)  # the person's tasks: the closest filter there is
    window.show_page("tasks")
    tasks.set_filter(flt)
    tasks.show_view("list")
    return True


def _skus(window: Any, _line: ReviewLineInfo, _review: ReviewDetail) -> bool:
    window.show_page("products")
    return True
