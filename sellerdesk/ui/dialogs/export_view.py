"""Export the orders list as it is filtered and sorted to xlsx, on the worker, with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy.orm import Session

from sellerdesk.domain.permissions import Actor
from sellerdesk.services import orders as svc
from sellerdesk.services.orders import OrderFilter, OrderListRow, OrderSort
from sellerdesk.sheets.view_export import write_view
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels

if TYPE_CHECKING:
    from sellerdesk.ui.runner import Job, JobControl, Runner


CONTEXT = "ExportView"
HEADERS = (
    QT_TRANSLATE_NOOP("ExportView", "Platform"),
    QT_TRANSLATE_NOOP("ExportView", "Shop"),
    QT_TRANSLATE_NOOP("ExportView", "Order ID"),
    QT_TRANSLATE_NOOP("ExportView", "Status"),
    QT_TRANSLATE_NOOP("ExportView", "Refund"),
    QT_TRANSLATE_NOOP("ExportView", "Created at"),
    QT_TRANSLATE_NOOP("ExportView", "Paid at"),
    QT_TRANSLATE_NOOP("ExportView", "Shipped at"),
    QT_TRANSLATE_NOOP("ExportView", "Paid (¥)"),
    QT_TRANSLATE_NOOP("ExportView", "Refunded (¥)"),
    QT_TRANSLATE_NOOP("ExportView", "Buyer"),
    QT_TRANSLATE_NOOP("ExportView", "Receiver"),
    QT_TRANSLATE_NOOP("ExportView", "Receiver phone"),
    QT_TRANSLATE_NOOP("ExportView", "Carrier"),
    QT_TRANSLATE_NOOP("ExportView", "Tracking number"),
    QT_TRANSLATE_NOOP("ExportView", "Ship by"),
    QT_TRANSLATE_NOOP("ExportView", "Late to ship"),
)


def headers() -> list[str]:
    return [QCoreApplication.translate(CONTEXT, str(h)) for h in HEADERS]


def cells(row: OrderListRow) -> list[object]:
    """One row's cells: ids as text, amounts as exact yuan numbers, times in the shop's time zone."""
    return [
        labels.platform(row.platform),
        row.shop,
        row.platform_order_id,
        labels.order_status(row.status),
        labels.refund_state(row.refund_state) if row.refund_state != "none" else "",
        fmt.shop_time(row.created_at, row.timezone),
        fmt.shop_time(row.paid_at, row.timezone),
        fmt.shop_time(row.shipped_at, row.timezone),
        Decimal(row.paid_cents) / 100,
        Decimal(row.refund_cents) / 100,
        row.buyer_nick,
        row.receiver_name,
        row.receiver_phone,  # masked by the service for roles that do not ship
        row.carrier,
        row.tracking_no,
        fmt.shop_time(row.ship_by, row.timezone),
        QCoreApplication.translate("ExportView", "yes") if row.late else "",
    ]


def export_job(path: Path, flt: OrderFilter, sort: OrderSort, actor: Actor) -> Callable[[Session, JobControl], int]:
    """The worker's part: stream the view's rows into the workbook."""
    now = datetime.now(UTC)
    title = QCoreApplication.translate("ExportView", "Orders")
    head = headers()

    def job(session: Session, control: JobControl) -> int:
        def rows() -> Iterator[list[object]]:
            for row in svc.iter_view(
                session, flt, sort, now, actor=actor, progress=control.progress, cancelled=control.cancelled
            ):
                yield cells(row)
            control.check()  # cancelled: raise before the workbook is saved, so no file is left behind

        return write_view(path, title, head, rows())

    return job


def xlsx_target(parent: QWidget, path: str | None, title: str, name: str) -> Path | None:
    """Where to write: ``path`` as given, else asked in a save dialog (``name`` holds ``{date}``); .xlsx added."""
    if path is None:
        default = name.format(date=datetime.now().strftime("%Y%m%d-%H%M"))
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            parent,
            title,
            str(Path(folder) / default),
            QCoreApplication.translate("ExportView", "Excel workbook (*.xlsx)"),
        )
        if not path:
            return None
    target = Path(path)
    return target if target.suffix.lower() == ".xlsx" else target.with_suffix(".xlsx")


def export_orders_view(
    parent: QWidget, runner: Runner | None, flt: OrderFilter, sort: OrderSort, total: int, path: str | None = None
) -> Job | None:
    """Ask for a file (unless ``path``), then write the view in the background; tells the user when done."""
    if runner is None:
        return None
    if total > svc.EXCEL_MAX_ROWS:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("ExportView", "Export view"),
            QCoreApplication.translate(
                "ExportView", "This list has more rows than Excel can hold; the first {n} are exported."
            ).format(n=fmt.count(svc.EXCEL_MAX_ROWS)),
        )
    name = QCoreApplication.translate("ExportView", "orders_{date}.xlsx")
    target = xlsx_target(parent, path, QCoreApplication.translate("ExportView", "Export view"), name)
    if target is None:
        return None

    def done(written: int) -> None:
        status = getattr(parent.window(), "show_status", None)
        if status is not None:
            status(
                QCoreApplication.translate("ExportView", "{n} orders exported to {file}.").format(
                    n=fmt.count(written), file=target.name
                ),
                8000,
            )

    return runner.run(
        export_job(target, flt, sort, runner.actor),
        on_success=done,
        label=QCoreApplication.translate("ExportView", "Exporting {n} orders…").format(
            n=fmt.count(min(total, svc.EXCEL_MAX_ROWS))
        ),
        parent=parent,
    )
