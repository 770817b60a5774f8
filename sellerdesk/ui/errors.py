"""One display path for errors.

Expected errors (``SellerDeskError``) become a clear, translated message; a cancelled job shows nothing;
anything else is a bug: its traceback goes to a log file under the data folder's ``logs/`` and a crash
dialog says where. ``sys.excepthook`` routes uncaught exceptions (including ones raised in Qt slots)
here too.
"""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sellerdesk import APP_NAME, __version__
from sellerdesk.db.files import create_private_file, make_private_dir
from sellerdesk.domain.errors import Cancelled, ConflictError, SellerDeskError, StorageError
from sellerdesk.ui import messages

if TYPE_CHECKING:  # the database layer loads after the first paint
    from sqlalchemy.exc import DBAPIError

# SQLite reports every failure of a statement as OperationalError, a missing column as much as a locked
# file, so its primary result codes tell the environment's failures apart: SQLITE_PERM, BUSY, LOCKED,
# READONLY, IOERR, CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB (sqlite.org/rescode.html).
_SQLITE_ENVIRONMENT_CODES = frozenset({3, 5, 6, 8, 10, 11, 13, 14, 15, 26})

_log_folder: Path | None = None
_showing_crash = False


def log_folder() -> Path:
    if _log_folder is not None:
        return _log_folder
    from sellerdesk.db.engine import data_dir  # loaded after the first paint

    return data_dir() / "logs"


def set_log_folder(folder: Path | None) -> None:
    """Where crash logs go (tests point this at a temp folder)."""
    global _log_folder
    _log_folder = folder


def as_expected(exc: BaseException) -> BaseException:
    """A database failure the environment caused (locked, unreachable, disk full) as a StorageError.

    Decided by the kind of error, never by its wording: the DB-API's OperationalError is the database's
    own trouble (PostgreSQL: the server, the connection, the disk, a lock; SQLite: by result code, since
    it files everything there). ProgrammingError and the rest (a missing column, a syntax error, a broken
    constraint) are returned unchanged: a schema that does not match the code is our bug.
    """
    if "sqlalchemy.exc" not in sys.modules:
        return exc  # SQLAlchemy not loaded yet: this cannot be one of its errors
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.orm.exc import StaleDataError

    if isinstance(exc, StaleDataError):  # a versioned row saved by someone else meanwhile
        return ConflictError(str(exc), code="conflict")
    if isinstance(exc, DBAPIError) and _read_only_write(exc):  # a database opened read-only, written to
        return StorageError(str(exc.orig), code="read_only")
    if isinstance(exc, DBAPIError) and (exc.connection_invalidated or _environment_failure(exc)):
        detail = str(exc.orig).strip()
        return StorageError(detail, code="database_unavailable", detail=detail)
    return exc


def _read_only_write(exc: DBAPIError) -> bool:
    from sellerdesk.db.engine import is_read_only_failure

    return is_read_only_failure(exc)


def _environment_failure(exc: DBAPIError) -> bool:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    if isinstance(exc.orig, sqlite3.Error):
        code = getattr(exc.orig, "sqlite_errorcode", None)
        return code is not None and code & 0xFF in _SQLITE_ENVIRONMENT_CODES  # extended codes carry it low
    return isinstance(exc, OperationalError)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` the way its kind deserves."""
    exc = as_expected(exc)
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, SellerDeskError):
        present_message(parent, APP_NAME, messages.describe(exc))
        return
    report_bug(parent, type(exc), exc, exc.__traceback__)


def report_bug(
    parent: QWidget | None, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path | None:
    """Write the traceback to a log file and show the crash dialog; returns the log file."""
    global _showing_crash
    details = "".join(traceback.format_exception(kind, exc, tb))
    print(details, file=sys.stderr)
    log = write_crash_log(details)
    if _showing_crash or QApplication.instance() is None:
        return log  # a bug while showing a bug: the log is enough, never loop
    _showing_crash = True
    try:
        where = log if log is not None else QCoreApplication.translate("Errors", "(the log file could not be written)")
        text = QCoreApplication.translate(
            "Errors",
            "Something went wrong inside SellerDesk. This is a bug, not something you did.\n\n"
            "The details were saved to:\n{log}\n\nPlease send that file to whoever looks after your "
            "SellerDesk. If a change was being saved when this happened, check that it is there.",
        ).format(log=where)
        title = QCoreApplication.translate("Errors", "SellerDesk ran into a problem")
        present_crash(parent, title, text, details)
    finally:
        _showing_crash = False
    return log


def write_crash_log(details: str) -> Path | None:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = log_folder() / f"crash-{stamp}.log"
    try:
        make_private_dir(path.parent)  # a traceback can quote buyers' data
        create_private_file(path)
        path.write_text(f"{APP_NAME} {__version__}\n{datetime.now().isoformat()}\n\n{details}", encoding="utf-8")
    except OSError:
        return None
    return path


def present_message(parent: QWidget | None, title: str, text: str) -> None:
    """A modal warning box (tests replace this function)."""
    QMessageBox.warning(parent, title, text)


def present_crash(parent: QWidget | None, title: str, text: str, details: str) -> None:
    """The crash dialog with the traceback under "Show Details…" (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close, parent)
    box.setDetailedText(details)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.exec()


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if isinstance(as_expected(exc), SellerDeskError):
        show_error(QApplication.activeWindow(), exc)  # an expected error nobody caught is still expected
        return
    report_bug(QApplication.activeWindow(), kind, exc, tb)


def install_excepthook(folder: Path | None = None) -> None:
    set_log_folder(folder)
    sys.excepthook = _excepthook
