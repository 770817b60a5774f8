"""Reviews to xlsx scorecards on the worker: one person's review, or the whole team's month (a summary sheet
and one scorecard each), asked for with the save dialog every export uses and written in the UI language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from sellerdesk.services import reviews as svc
from sellerdesk.ui import errors
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.dialogs.export_view import xlsx_target

if TYPE_CHECKING:
    from sellerdesk.ui.runner import Job, Runner


def _language() -> str:
    """The workbook speaks the language the screens show (``ui.i18n`` sets the default locale)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def _safe_name(text: str) -> str:
    return "".join("_" if c in '\\/:*?"<>|' else c for c in text).strip() or "review"


def _status(parent: QWidget, text: str) -> None:
    show = getattr(parent.window(), "show_status", None)
    if show is not None:
        show(text, 10_000)


def _failed(parent: QWidget, exc: BaseException, path: Path) -> None:
    if isinstance(exc, OSError):
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ReviewExport", "Export not saved"),
            QCoreApplication.translate(
                "ReviewExport",
                "The workbook could not be written to {path}:\n{detail}\n\n"
                "If the file is open in Excel or WPS, close it and try again, or choose another name.",
            ).format(path=path, detail=exc.strerror or exc),
        )
        return
    errors.show_error(parent, exc)


def export_review(
    parent: QWidget, runner: Runner | None, review_id: int, title: str, path: str | None = None
) -> Job | None:
    """Ask for a file (unless ``path``), then write the review's scorecard in the background."""
    if runner is None:
        return None
    name = QCoreApplication.translate("ReviewExport", "Review {name}").format(name=_safe_name(title)) + " {date}.xlsx"
    target = xlsx_target(parent, path, QCoreApplication.translate("ReviewExport", "Export review"), name)
    if target is None:
        return None
    actor, lang = runner.actor, _language()

    def write(session: Any, _job: Any) -> Path:
        return svc.export_review(session, actor, review_id, target, lang)

    return runner.run(
        write,
        on_success=lambda written: _status(
            parent,
            QCoreApplication.translate("ReviewExport", "Review exported to {file}.").format(file=Path(written).name),
        ),
        on_error=lambda exc: _failed(parent, exc, target),
        label=QCoreApplication.translate("ReviewExport", "Exporting the review…"),
        parent=parent,
        writes=False,
    )


def export_month(parent: QWidget, runner: Runner | None, month: str, path: str | None = None) -> Job | None:
    """Ask for a file (unless ``path``), then write the month's reviews in the background."""
    if runner is None:
        return None
    name = QCoreApplication.translate("ReviewExport", "Team reviews {month}").format(month=month) + " {date}.xlsx"
    target = xlsx_target(parent, path, QCoreApplication.translate("ReviewExport", "Export the team's month"), name)
    if target is None:
        return None
    actor, lang = runner.actor, _language()

    def write(session: Any, _job: Any) -> int:
        return svc.export_team_month(session, actor, month, target, lang)

    def done(count: int) -> None:
        text = QCoreApplication.translate("ReviewExport", "{n} reviews exported to {file}.").format(
            n=fmt.count(count), file=target.name
        )
        _status(parent, text)

    return runner.run(
        write,
        on_success=done,
        on_error=lambda exc: _failed(parent, exc, target),
        label=QCoreApplication.translate("ReviewExport", "Exporting the reviews of {month}…").format(month=month),
        parent=parent,
        writes=False,
    )
