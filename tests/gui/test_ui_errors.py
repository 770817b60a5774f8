"""One display path for errors: expected ones explained, bugs logged with a crash dialog, cancels silent."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

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


def test_a_locked_database_is_an_expected_error(shown: list[tuple[str, str, str]], tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0})
    try:
        with pytest.raises(OperationalError) as raised, engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (1)"))
        errors.show_error(None, raised.value)
    finally:
        holder.close()
        engine.dispose()
    ((kind, _title, text_shown),) = shown
    assert kind == "message" and "database is locked" in text_shown


def _sqlite_error(tmp_path: Path, sql: str, *, url: str = "", prepare: str = "") -> DBAPIError:
    """What SQLAlchemy raises for ``sql`` on a real SQLite file (``prepare`` runs first, on its own)."""
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "db.sqlite"
    if prepare:
        with closing(sqlite3.connect(path)) as raw:
            raw.executescript(prepare)
    engine = create_engine(url or f"sqlite:///{path}")
    try:
        with pytest.raises(DBAPIError) as raised, engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()
    return raised.value


def test_sqlite_errors_are_told_apart_by_their_result_code(tmp_path: Path) -> None:
    missing_column = _sqlite_error(tmp_path / "a", "SELECT nosuch FROM t", prepare="CREATE TABLE t (x);")
    missing_table = _sqlite_error(tmp_path / "b", "SELECT x FROM nosuch")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "notes.sqlite").write_bytes(b"not a database, only words" * 100)
    not_a_database = _sqlite_error(tmp_path, "SELECT 1 FROM t", url=f"sqlite:///{tmp_path / 'c' / 'notes.sqlite'}")
    read_only = _sqlite_error(
        tmp_path / "d",
        "INSERT INTO t VALUES (1)",
        url=f"sqlite:///file:{tmp_path / 'd' / 'db.sqlite'}?mode=ro&uri=true",
        prepare="CREATE TABLE t (x);",
    )
    cannot_open = _sqlite_error(tmp_path, "SELECT 1", url=f"sqlite:///{tmp_path / 'no folder' / 'x.sqlite'}")
    for schema_bug in (missing_column, missing_table):  # OperationalError too, but our bug
        assert isinstance(schema_bug, OperationalError) and errors.as_expected(schema_bug) is schema_bug
    for environment in (not_a_database, cannot_open):
        expected = errors.as_expected(environment)
        assert isinstance(expected, StorageError) and expected.code == "database_unavailable", environment
    expected = errors.as_expected(read_only)  # a database opened read-only says so, not "unavailable"
    assert isinstance(expected, StorageError) and expected.code == "read_only"
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # type: ignore[attr-defined]  # set by sqlite3 when SQLite raises it
    assert isinstance(errors.as_expected(_wrapped(full, sqlite3.Error)), StorageError)


def _wrapped(orig: Exception, base: type[Exception]) -> DBAPIError:
    """``orig`` wrapped the way SQLAlchemy wraps a driver's error (the class chosen by the DB-API kind)."""
    return DBAPIError.instance("SELECT 1", {}, orig, base)


@pytest.mark.parametrize(
    ("orig", "environment"),
    [
        (psycopg.OperationalError("connection refused"), True),
        (psycopg.errors.DiskFull("could not extend file: No space left on device"), True),
        (psycopg.errors.LockNotAvailable("could not obtain lock on row"), True),
        (psycopg.errors.AdminShutdown("terminating connection due to administrator command"), True),
        (psycopg.errors.UndefinedColumn('column "ship_by" does not exist'), False),  # "does not exist", yet a bug
        (psycopg.errors.UndefinedTable('relation "orders" does not exist'), False),
        (psycopg.errors.SyntaxError("syntax error at or near"), False),
        (psycopg.errors.UniqueViolation("duplicate key value"), False),
    ],
)
def test_postgresql_errors_are_told_apart_by_their_kind(orig: Exception, environment: bool) -> None:
    exc = _wrapped(orig, psycopg.Error)
    assert isinstance(errors.as_expected(exc), StorageError) is environment


@pytest.mark.pg
def test_real_postgresql_failures(pg_database_url: str, shown: list[tuple[str, str, str]]) -> None:
    engine = create_engine(pg_database_url)
    try:
        with pytest.raises(ProgrammingError) as raised, engine.connect() as conn:
            conn.execute(text("SELECT nosuch FROM (SELECT 1 AS x) AS t"))
    finally:
        engine.dispose()
    errors.show_error(None, raised.value)  # a schema that does not fit the code: a bug, with a crash log
    unreachable = create_engine(
        make_url(pg_database_url).set(host="127.0.0.1", port=1).render_as_string(hide_password=False),
        connect_args={"connect_timeout": 2},
    )
    try:
        with pytest.raises(OperationalError) as refused:
            unreachable.connect()
    finally:
        unreachable.dispose()
    errors.show_error(None, refused.value)
    assert [entry[0] for entry in shown] == ["crash", "message"]
    assert "nosuch" in shown[0][2] and "cannot be read or written right now" in shown[1][2]


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
