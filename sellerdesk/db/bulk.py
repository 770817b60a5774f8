"""Bulk inserts for imports. On SQLite: multi-row ``INSERT … VALUES (…), (…), …`` statements of up to
16,384 values each. SQLAlchemy's per-row parameter handling would cost more than SQLite's own work
(100,000 orders, 37 columns: Core 6.1 s, executemany 1.9 s), and one statement for many rows is cheaper
still (executemany 3.0–3.5 s, multi-row 2.0–3.0 s, measured side by side); sqlite3 also releases the GIL
once per statement rather than once per row, which lets the import's parser thread run meanwhile.
Values are converted exactly as SQLAlchemy's SQLite types store them, so the ORM reads them back
unchanged (tests/unit/test_db.py checks it). PostgreSQL keeps Core (psycopg's executemany).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import cache
from itertools import chain
from typing import Any

from sqlalchemy import Date, DateTime, Table, func, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

# Pieces of SQLAlchemy's SQLite DATETIME text, "YYYY-MM-DD HH:MM:SS.ffffff" (naive UTC here). CPython
# formats an aware datetime in 1.4 µs and a 100,000-order import stores ~400,000 times: put together from
# these pieces (and each day's text once) it takes 0.5 µs.
_HOURS_MINUTES = tuple(f" {h:02d}:{m:02d}:" for h in range(24) for m in range(60))
_SECONDS = tuple(f"{s:02d}" for s in range(60))
_TimeCache = tuple[dict[object, str], dict[date, str]]  # stored text by value; text of each day


def _sqlite_datetime(value: datetime, days: dict[date, str]) -> str:
    """``value`` as stored; ``days`` caches the text of each day (a naive value is taken as UTC)."""
    if value.tzinfo is not UTC and value.tzinfo is not None:
        value = value.astimezone(UTC)
    day = value.date()
    text = days.get(day)
    if text is None:
        text = days[day] = day.isoformat()
    micro = value.microsecond
    clock = _HOURS_MINUTES[value.hour * 60 + value.minute] + _SECONDS[value.second]
    return text + clock + (f".{micro:06d}" if micro else ".000000")


def bulk_insert(session: Session, table: TableClause, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``table`` (see ``bulk_insert_rows``)."""
    if not rows:
        return
    given = list(rows[0])
    defaults = _defaults(table, given)  # Core would apply Python-side defaults; do the same, once per batch
    columns = given + list(defaults)
    extra = tuple(defaults.values())
    bulk_insert_rows(session, table, columns, [(*(row[c] for c in given), *extra) for row in rows])


def bulk_insert_rows(
    session: Session, table: TableClause, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """INSERT ``rows`` (tuples of values for ``columns``, every column the table needs): on SQLite in
    multi-row statements, elsewhere in one Core executemany.

    For callers that build 100,000 rows: tuples cost less to build than dicts, and no defaults are added.
    """
    if not rows:
        return
    for name in columns:
        if name not in table.c:
            raise KeyError(f"{table.name} has no column {name}")
    if session.get_bind().dialect.name != "sqlite":
        session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    connection = session.connection()
    dbapi = connection.connection.driver_connection
    assert isinstance(dbapi, sqlite3.Connection)
    largest = min(_MAX_PARAMETERS, max_bound_values(session)) // len(columns)
    temporal = [i for i, name in enumerate(columns) if _is_temporal(table, name)]
    # Many rows share times (updated_at; paid = created), all of a day share its text: each formatted once.
    times: _TimeCache = ({}, {})
    start = 0
    for size in _statement_sizes(len(rows), largest):
        part = rows[start : start + size]
        start += size
        if temporal:
            part = [_converted(row, temporal, times) for row in part]
        sql = _insert_sql(table.name, tuple(columns), size)
        connection.exec_driver_sql(sql, tuple(chain.from_iterable(part)))


def max_bound_values(session: Session) -> int:
    """How many values one statement may bind: SQLite's limit (32,766 since 3.32, 999 before); PostgreSQL's
    protocol allows 65,535."""
    if session.get_bind().dialect.name != "sqlite":
        return 65_535
    dbapi = session.connection().connection.driver_connection
    assert isinstance(dbapi, sqlite3.Connection)
    return dbapi.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


# sqlite3 keeps every statement it prepared (with its last values) in a cache: statements of a few fixed
# sizes (powers of two) stay few, where one of every row count would fill memory with big programs.
_MAX_PARAMETERS = 16_384


def _statement_sizes(rows: int, largest: int) -> list[int]:
    """Rows per statement: as many of the largest power of two that fits as needed, then smaller ones."""
    size = 1 << max(0, largest.bit_length() - 1)
    sizes = [size] * (rows // size)
    rest = rows % size
    while rest:
        size >>= 1
        if rest >= size:
            sizes.append(size)
            rest -= size
    return sizes


@cache
def _insert_sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    one = f"({', '.join('?' * len(columns))})"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * rows)}"


def _defaults(table: TableClause, given: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in table.c:
        default = column.default
        if column.name in given or default is None:
            continue
        if default.is_scalar:
            values[column.name] = default.arg  # type: ignore[attr-defined]
        elif default.is_callable:
            values[column.name] = default.arg(None)  # type: ignore[attr-defined]
    return values


def _is_temporal(table: TableClause, name: str) -> bool:
    column_type = table.c[name].type
    impl = getattr(column_type, "impl", column_type)
    return isinstance(impl, (DateTime, Date))


def _converted(row: tuple[Any, ...], temporal_positions: list[int], cache: _TimeCache) -> tuple[Any, ...]:
    values: list[Any] | None = None  # copied only when a time is there to convert
    known, days = cache
    for i in temporal_positions:
        value = row[i]
        if value is None:
            continue
        text = known.get(value)
        if text is None:
            # datetime first: it is also a date. SQLAlchemy's SQLite DATE format is ISO.
            text = _sqlite_datetime(value, days) if isinstance(value, datetime) else value.isoformat()
            known[value] = text
        if values is None:
            values = list(row)
        values[i] = text
    return row if values is None else tuple(values)


@contextmanager
def indexes_deferred(session: Session, table: Table, *, adding: int) -> Iterator[bool]:
    """Around adding about ``adding`` rows to ``table``: on SQLite, when they are at least as many as the
    rows it holds, its secondary indexes are dropped first and built again after (yields whether they
    were). Sorting each index once costs less than keeping it in order row by row (100,000 orders into
    an empty database: 0.5–1 s of 6). Unique constraints stay: lookups and the rules they keep need them.

    Within the transaction: a rollback brings the indexes back, and other connections never see the
    table without them. PostgreSQL is left alone: its DDL would lock every other user out meanwhile.
    (The app runs no ANALYZE; were it to, a rebuilt index would lack statistics until the next one.)
    """
    indexes = sorted(table.indexes, key=lambda index: str(index.name))
    defer = (
        session.get_bind().dialect.name == "sqlite"
        and bool(indexes)
        and adding >= (session.scalar(select(func.count()).select_from(table)) or 0)
    )
    if not defer:
        yield False
        return
    connection = session.connection()
    for index in indexes:
        index.drop(connection)
    yield True
    for index in indexes:
        index.create(connection)
