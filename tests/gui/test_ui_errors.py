"""One display path for errors: expected ones explained, bugs logged with a crash dialog, cancels silent."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from sqlalchemy.exc import OperationalError

from sellerdesk.domain.errors import Cancelled, NotFoundError, SellerDeskError, StorageError
from sellerdesk.ui import errors, messages


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    seen: list[tuple[str, str, str]] = []
    monkeypatch.setattr(errors, "present_message", lambda _p, title, text: seen.append(("message", title, text)))
    monkeypatch.setattr(errors, "present_crash", lambda _p, _t, text, details: seen.append(("crash", text, details)))
    return seen


def test_expected_error_shows_its_translated_text_with_params(shown: list[tuple[str, str, str]]) -> None:
    errors.show_error(None, StorageError("Backup to x failed", code="backup_failed", path="D:/备份/x.sqlite"))
    assert shown == [("message", "SellerDesk", "The backup could not be written to D:/备份/x.sqlite.")]


def test_unknown_code_falls_back_to_the_exception_message() -> None:
    assert messages.describe(SellerDeskError("Something specific.", code="brand_new_code")) == "Something specific."
    assert messages.describe(NotFoundError("gone")) == "The item no longer exists. Someone may have deleted it."
    assert messages.describe(StorageError("x", code="backup_failed")) == "The backup could not be written to {path}."


def test_cancelled_shows_nothing(shown: list[tuple[str, str, str]]) -> None:
    errors.show_error(None, Cancelled("cancelled"))
    assert shown == []


def test_a_bug_is_logged_and_shown_as_a_crash(shown: list[tuple[str, str, str]]) -> None:
    try:
        {}["missing"]
    except KeyError as exc:
        errors.show_error(None, exc)
    ((kind, text, details),) = shown
    (log,) = errors.log_folder().glob("crash-*.log")
    assert kind == "crash" and str(log) in text
    assert "KeyError: 'missing'" in details
    assert "KeyError: 'missing'" in log.read_text(encoding="utf-8")


def test_a_locked_database_is_an_expected_error(shown: list[tuple[str, str, str]]) -> None:
    locked = OperationalError("UPDATE orders", {}, sqlite3.OperationalError("database is locked"))
    errors.show_error(None, locked)
    ((kind, _title, text),) = shown
    assert kind == "message" and "database is locked" in text
    missing_table = OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: x"))
    assert errors.as_expected(missing_table) is missing_table  # our bug, not the environment


def test_excepthook_routes_uncaught_exceptions(
    shown: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    errors.install_excepthook(errors.log_folder())
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    try:
        raise StorageError("x", code="newer_schema")
    except StorageError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert [entry[0] for entry in shown] == ["crash", "message"]
    assert "newer version of SellerDesk" in shown[1][2]


def test_a_refused_import_file_is_described_by_its_code() -> None:
    from sellerdesk.domain.errors import ImportFileError

    exc = ImportFileError("far.xlsx: a sheet reaches XFD1048576 …", code="too_many_cells", file="far.xlsx")
    assert messages.describe(exc).startswith("far.xlsx: A sheet reaches too far")
