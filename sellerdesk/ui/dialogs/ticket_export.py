"""Export the ticket queue as filtered, with each ticket's figures, to xlsx on the worker (progress, cancel).

No row cap of our own: every ticket of the view is written (write-only, through ``sheets.view_export``,
which keeps text that looks like a formula as text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from sellerdesk.services.tickets import queue
from sellerdesk.services.tickets.queue import ExportRow, TicketFilter
from sellerdesk.sheets.view_export import write_view
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.dialogs.export_view import xlsx_target

if TYPE_CHECKING:
    from sellerdesk.ui.runner import Job, JobControl, Runner

CONTEXT = "TicketExport"
HEADERS = (
    QT_TRANSLATE_NOOP("TicketExport", "No."),
    QT_TRANSLATE_NOOP("TicketExport", "Created at"),
    QT_TRANSLATE_NOOP("TicketExport", "Platform"),
    QT_TRANSLATE_NOOP("TicketExport", "Shop"),
    QT_TRANSLATE_NOOP("TicketExport", "Buyer"),
    QT_TRANSLATE_NOOP("TicketExport", "Order ID"),
    QT_TRANSLATE_NOOP("TicketExport", "Subject"),
    QT_TRANSLATE_NOOP("TicketExport", "Category"),
    QT_TRANSLATE_NOOP("TicketExport", "Priority"),
    QT_TRANSLATE_NOOP("TicketExport", "Status"),
    QT_TRANSLATE_NOOP("TicketExport", "Assignee"),
    QT_TRANSLATE_NOOP("TicketExport", "Handled by"),
    QT_TRANSLATE_NOOP("TicketExport", "Tags"),
    QT_TRANSLATE_NOOP("TicketExport", "First reply at"),
    QT_TRANSLATE_NOOP("TicketExport", "First response (min, business time)"),
    QT_TRANSLATE_NOOP("TicketExport", "First response late"),
    QT_TRANSLATE_NOOP("TicketExport", "Resolved at"),
    QT_TRANSLATE_NOOP("TicketExport", "Resolution (h, business time)"),
    QT_TRANSLATE_NOOP("TicketExport", "Resolution late"),
    QT_TRANSLATE_NOOP("TicketExport", "Reopened"),
    QT_TRANSLATE_NOOP("TicketExport", "After-sale type"),
    QT_TRANSLATE_NOOP("TicketExport", "Refund (¥)"),
    QT_TRANSLATE_NOOP("TicketExport", "Buyer's rating"),
    QT_TRANSLATE_NOOP("TicketExport", "Review outcome"),
)


def headers() -> list[str]:
    return [QCoreApplication.translate(CONTEXT, str(h)) for h in HEADERS]


def _minutes(seconds: int | None) -> Decimal | None:
    return None if seconds is None else (Decimal(seconds) / 60).quantize(Decimal("0.1"))


def _hours(seconds: int | None) -> Decimal | None:
    return None if seconds is None else (Decimal(seconds) / 3600).quantize(Decimal("0.01"))


def cells(row: ExportRow) -> list[object]:
    yes = QCoreApplication.translate(CONTEXT, "yes")
    return [
        row.id,
        fmt.shop_time(row.created_at, row.timezone),
        labels.platform(row.platform) if row.platform else "",
        row.shop,
        row.buyer_nick,
        row.platform_order_id,
        row.subject,
        labels.ticket_category(row.category),
        labels.priority(row.priority),
        labels.ticket_status(row.status),
        row.assignee,
        row.handled_by,
        row.tags,
        fmt.shop_time(row.first_response_at, row.timezone),
        _minutes(row.first_response_s),
        yes if row.response_breached else "",
        fmt.shop_time(row.resolved_at, row.timezone),
        _hours(row.resolution_s),
        yes if row.resolution_breached else "",
        row.reopen_count or None,
        labels.aftersale_type(row.aftersale_type) if row.aftersale_type else "",
        Decimal(row.refund_cents) / 100 if row.refund_cents else None,
        row.satisfaction,
        labels.review_outcome(row.review_outcome) if row.review_outcome else "",
    ]


def export_job(path: Path, flt: TicketFilter) -> Callable[[Session, JobControl], int]:
    now = datetime.now(UTC)
    title = QCoreApplication.translate(CONTEXT, "Tickets")
    head = headers()

    def job(session: Session, control: JobControl) -> int:
        def rows() -> Iterator[list[object]]:
            for row in queue.iter_export(session, flt, now, progress=control.progress, cancelled=control.cancelled):
                yield cells(row)
            control.check()  # cancelled: raise before the workbook is saved, so no file is left behind

        return write_view(path, title, head, rows())

    return job


def export_tickets(
    parent: QWidget, runner: Runner | None, flt: TicketFilter, total: int, path: str | None = None
) -> Job | None:
    """Ask for a file (unless ``path``), then write the queue's tickets in the background."""
    if runner is None:
        return None
    name = QCoreApplication.translate(CONTEXT, "tickets_{date}.xlsx")
    target = xlsx_target(parent, path, QCoreApplication.translate(CONTEXT, "Export tickets"), name)
    if target is None:
        return None

    def done(written: int) -> None:
        status = getattr(parent.window(), "show_status", None)
        if status is not None:
            text = QCoreApplication.translate(CONTEXT, "{n} tickets exported to {file}.")
            status(text.format(n=fmt.count(written), file=target.name), 8000)

    label = QCoreApplication.translate(CONTEXT, "Exporting {n} tickets…").format(n=fmt.count(total))
    return runner.run(export_job(target, flt), on_success=done, label=label, parent=parent)
