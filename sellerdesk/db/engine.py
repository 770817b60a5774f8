"""Where the database is and how we connect: one code path for SQLite and PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from sellerdesk import APP_NAME, ORG_NAME
from sellerdesk.db import tracking  # noqa: F401 - registers the audit and change-counter session events
from sellerdesk.db.after_commit import wait_for_after_commit
from sellerdesk.db.files import create_private_file, make_private_dir
from sellerdesk.db.location import is_read_only
from sellerdesk.domain.errors import ConflictError, StorageError

ENV_VAR = "SELLERDESK_DB"
PAGE_CACHE_KIB = 16 * 1024  # SQLite page cache per connection
BUSY_TIMEOUT_MS = 10_000  # how long a statement waits for another connection's lock
WRITE_LOCK = "sellerdesk_write_lock"  # execution option: this transaction writes (see ``write_lock``)
SQLITE_BUSY = 5


def data_dir() -> Path:
    """The user's data folder (e.g. %LOCALAPPDATA%\\SellerDesk, ~/.local/share/SellerDesk)."""
    return Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME))


def default_db_path() -> Path:
    return data_dir() / "sellerdesk.sqlite"


def resolve_url(value: str | None = None) -> str:
    """``--db`` or ``SELLERDESK_DB`` or the default file; a bare path becomes an SQLite URL."""
    value = value or os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" in value:
        url = make_url(value)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None (memory, or not SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def display_name(url: str) -> str:
    """What the status bar shows: the file path, or server/database without the password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return make_url(url).render_as_string(hide_password=True)


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's legacy transaction handling breaks SAVEPOINT and transactional DDL: take over BEGIN.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # 16 MiB of page cache per connection: the app holds two (screens and the worker), and at a million
    # orders 64 MiB each pushed the Orders tab past its memory goal. A 128 MiB cache during an import
    # measured no faster (100k orders: 9.7 s against 9.1 s), so imports use the same.
    cur.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
    cur.close()


def _register_sqlite_adapters() -> None:
    """sqlite3 binds None and bool through its adapter lookup, which for a type with no adapter costs
    8-9x an int (measured: 420-460 ns a value against 47); a registered adapter is found at once
    (120 ns). A bulk import binds about seven per order. The values bound stay the same: None is NULL
    and a bool 1 or 0, as sqlite3 and SQLAlchemy's Boolean store them anyway."""
    sqlite3.register_adapter(type(None), _null)
    sqlite3.register_adapter(bool, int)


def _null(value: None) -> None:
    return value


@dataclass(frozen=True)
class WriteLock:
    """A write transaction on SQLite takes the write lock at BEGIN (``BEGIN IMMEDIATE``).

    Why: a deferred transaction that reads first and then writes must upgrade its read snapshot to the
    write lock. When another connection wrote meanwhile, SQLite cannot let the snapshot write and answers
    SQLITE_BUSY at once, without calling the busy handler: a second PC's save failed after ~1 s ("database
    is locked") although the busy timeout is 10 s. Taken at BEGIN, the lock is simply waited for.
    ``waiting`` is told (once) when another program holds the lock, so the UI can say why nothing moves.
    """

    waiting: Callable[[], None] | None = None
    timeout_ms: int = BUSY_TIMEOUT_MS


def write_lock(waiting: Callable[[], None] | None = None, timeout_ms: int = BUSY_TIMEOUT_MS) -> dict[str, Any]:
    """Execution options for a Session that writes: ``factory(execution_options=write_lock(...))``.

    Only on SQLite does this change anything; screens read in plain (deferred) transactions, which never
    hold the write lock and so never keep a writer waiting."""
    return {WRITE_LOCK: WriteLock(waiting, timeout_ms)}


def _on_sqlite_begin(conn: Any) -> None:
    lock = conn.get_execution_options().get(WRITE_LOCK)
    if lock is None:
        conn.exec_driver_sql("BEGIN")
    else:
        wait_for_after_commit()  # an earlier commit's follow-up writes first (db.after_commit)
        _begin_immediate(conn.connection.dbapi_connection, lock)


def _begin_immediate(dbapi_conn: Any, lock: WriteLock) -> None:
    """``BEGIN IMMEDIATE``: at once when the database is free, else tell ``lock.waiting`` and wait up to
    ``lock.timeout_ms``; a holder that never lets go is a StorageError that says so."""
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA busy_timeout=0")
        if _try_begin(cur):
            return
        if lock.waiting is not None:
            lock.waiting()
        cur.execute(f"PRAGMA busy_timeout={lock.timeout_ms}")
        if not _try_begin(cur):
            raise StorageError(
                "Another program or PC is writing to the database; try again when it has finished.",
                code="database_busy",
                seconds=round(lock.timeout_ms / 1000),
            )
    finally:
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()


def _try_begin(cur: Any) -> bool:
    """False when another connection holds the write lock. A lock refused for another reason (a read-only
    file or share) begins a plain transaction: reading works, and a write fails as it always did, through
    SQLAlchemy's error path (the UI's "database unavailable")."""
    try:
        cur.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", SQLITE_BUSY) & 0xFF == SQLITE_BUSY:
            return False
        cur.execute("BEGIN")
    return True


def make_engine(url: str, *, read_only: bool | None = None, **kwargs: Any) -> Engine:
    """An engine for ``url``; creates the SQLite file's folder when needed.

    An SQLite file SellerDesk may not write (``location.is_read_only``, or ``read_only=True``) is opened
    read-only: reading works, and a write fails with SQLite's read-only error (``is_read_only_engine``).
    """
    path = sqlite_path(url)
    if path is not None and read_only is None:
        read_only = is_read_only(path)
    if path is not None and read_only:
        return _read_only_engine(url, path, **kwargs)
    if path is not None:
        make_private_dir(path.parent)
        create_private_file(path)
    if is_sqlite(url):
        _register_sqlite_adapters()
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


class AppSession(Session):
    """A Session whose optimistic-lock failures are ``ConflictError``s, whoever wrote the update.

    A versioned row (``VersionMixin``) saved by someone else between our read and our write makes
    SQLAlchemy raise ``StaleDataError``: in a flush (which commit and autoflush call too) and in an
    ORM bulk UPDATE by primary key carrying the version (imports). The services' callers (the UI's
    reload prompt, the command line) know only ``ConflictError``, so the two paths convert here, once.
    """

    def flush(self, objects: Any = None) -> None:
        try:
            super().flush(objects)
        except StaleDataError as exc:
            raise _conflict(exc) from exc

    def execute(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().execute(*args, **kwargs)
        except StaleDataError as exc:
            raise _conflict(exc) from exc


def _conflict(exc: StaleDataError) -> ConflictError:
    return ConflictError(f"Changed by someone else meanwhile ({exc}).", code="conflict")


READ_ONLY_OPTION = "sellerdesk_read_only"


def _read_only_engine(url: str, path: Path, **kwargs: Any) -> Engine:
    """SQLite's ``mode=ro`` (nothing is created, not even the -wal file of a new session), and
    ``query_only`` on top, so even a connection SQLite could write refuses every change."""

    def connect() -> sqlite3.Connection:
        uri = path.resolve().as_uri()
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # A WAL database in a folder nobody may write: SQLite cannot make the -shm file it reads
            # through. Read the file as it is (``immutable``: nobody can be writing it there either).
            conn.close()
            return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)
        return conn

    _register_sqlite_adapters()
    options = {**kwargs.pop("execution_options", {}), READ_ONLY_OPTION: True}
    engine = create_engine(url, creator=connect, execution_options=options, **kwargs)
    event.listen(engine, "connect", _on_read_only_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_read_only_connect(dbapi_conn: Any, _record: Any) -> None:
    # As _on_sqlite_connect, without switching the journal mode (a write) and with changes refused.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def is_read_only_engine(engine: Engine) -> bool:
    """True for an engine ``make_engine`` opened read-only."""
    return bool(engine.get_execution_options().get(READ_ONLY_OPTION))


SQLITE_READONLY = 8  # the primary result code of "attempt to write a readonly database"


def read_only_error(engine: Engine) -> StorageError:
    """The refusal of a change to a read-only database (the UI words it by its code)."""
    name = display_name(engine.url.render_as_string(hide_password=False))
    return StorageError(f"The database {name} is read-only: changes cannot be saved.", code="read_only", path=name)


def is_read_only_failure(exc: BaseException) -> bool:
    """A write SQLite refused because the database is read-only (by result code, never by wording)."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlite_errorcode", None) if isinstance(orig, sqlite3.Error) else None
    return code is not None and code & 0xFF == SQLITE_READONLY


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: DTOs are built after commit without lazy loads (errors.rst bhk3).
    return sessionmaker(engine, class_=AppSession, expire_on_commit=False)


def probe_server(url: str, *, timeout_s: int = 5) -> str:
    """Connect once to a database server and return its version (the setup wizard's connection test).

    Raises ``StorageError`` (``cannot_open``, with the server's own words) when it cannot connect."""
    from sqlalchemy.pool import NullPool

    try:
        engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": timeout_s})
        try:
            with engine.connect() as conn:
                return str(conn.execute(text("SHOW server_version")).scalar_one())
        finally:
            engine.dispose()
    except (SQLAlchemyError, ValueError) as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip()
        raise StorageError(detail, code="cannot_open", detail=detail) from exc
