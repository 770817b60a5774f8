"""Plumbing of the demo generator: the demo clock, fast UTC time text, id counters, bulk inserts, progress.

Speed matters here (a million orders in well under two minutes), which shapes four choices:
- instants are plain ``int`` epoch seconds (UTC) while generating; China has no DST, so local = UTC + 8 h;
- big tables are written as tuples through the driver, with instants already as the text SQLAlchemy's SQLite
  ``DateTime`` stores (PostgreSQL parses it as well): the typed Core path spends ~40 µs per order row in the
  UTC bind processors alone, more than generating the order;
- on an SQLite file the index work of those inserts runs on a second thread (see ``Sink``), and the secondary
  indexes of the big tables are built once at the end (``generate``, as a first import does);
- small tables go through typed Core ``insert(table)`` and get aware datetimes like any other service.
"""

from __future__ import annotations

import random
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import closing
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Table, insert, text
from sqlalchemy.orm import Session

from sellerdesk.domain.errors import Cancelled
from sellerdesk.domain.timeutil import CHINA_TZ, day_bounds_utc
from sellerdesk.models import Base

DAY = 86_400
HOUR = 3_600
# The hot loops add this instead of asking the time zone database: Asia/Shanghai has had no DST since 1991, so
# UTC = local − 8 h (tests hold it to ``domain.timeutil`` over the demo's years).
CHINA_OFFSET = 8 * HOUR
CHUNK = 25_000  # rows per executemany/COPY: big enough to amortise, small enough for memory
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

Row = tuple[object, ...]
Batch = dict[str, list[Row]]


def local_midnight(day: date) -> int:
    """China midnight starting ``day`` as UTC epoch seconds, by the app's own conversion (``domain.timeutil``)."""
    return int(day_bounds_utc(day, CHINA_TZ)[0].timestamp())


def local_day_number(instant: int) -> int:
    """The China calendar day of an instant, as days since 1970-01-01."""
    return (instant + CHINA_OFFSET) // DAY


def day_of_number(number: int) -> date:
    return date.fromordinal(number + _EPOCH_ORDINAL)


def aware(instant: int) -> datetime:
    return datetime.fromtimestamp(instant, UTC)


@cache
def _clock_texts() -> tuple[str, ...]:
    return tuple(f"{s // HOUR:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(DAY))


TimeText = Callable[[int], str]
OptionalTimeText = Callable[[int | None], str | None]


def time_text(first: int, last: int) -> tuple[TimeText, OptionalTimeText]:
    """Epoch seconds → ``"YYYY-MM-DD HH:MM:SS.000000"`` (UTC) by two look-ups, for instants in [first, last].

    Returned as closures: the hot loop calls them millions of times.
    """
    first_day = first // DAY - 1
    days = [f"{day_of_number(first_day + i).isoformat()} " for i in range(last // DAY + 2 - first_day)]
    clock = _clock_texts()

    def text_of(instant: int) -> str:
        day, second = divmod(instant, DAY)
        try:
            return days[day - first_day] + clock[second]
        except IndexError:  # past ``last``: a due time on the service-hours clock may fall days later
            return f"{day_of_number(day).isoformat()} {clock[second]}"

    def optional_text_of(instant: int | None) -> str | None:
        return None if instant is None else text_of(instant)

    return text_of, optional_text_of


class Ids:
    """Primary keys assigned here, so rows can reference each other without round trips."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._next: dict[str, int] = {}

    def take(self, table: str, count: int = 1) -> int:
        """The first of ``count`` consecutive new ids of ``table`` (after any rows already there)."""
        first = self.peek(table)
        self._next[table] = first + count
        return first

    def peek(self, table: str) -> int:
        """The next free id, for hot loops that count on their own and then call ``claim_until``."""
        if table not in self._next:
            top = self._session.execute(text(f"SELECT max(id) FROM {table}")).scalar()
            self._next[table] = int(top or 0) + 1
        return self._next[table]

    def claim_until(self, table: str, next_free: int) -> None:
        self._next[table] = max(self.peek(table), next_free)

    def used_tables(self) -> list[str]:
        return list(self._next)


class Sink:
    """Buffers rows of the big tables and writes them in chunks, parents before children. Use it with ``with``.

    PostgreSQL gets ``COPY``. On an SQLite file a chunk first goes into index-free TEMP staging tables (cheap),
    then a worker thread moves it into the real tables with one ``INSERT … SELECT`` each: SQLite does the index
    work inside a single call that releases the GIL, so it runs on the second core while this thread makes the
    next chunk. (``executemany`` releases and retakes the GIL per row, which starves a second thread.) The
    connection is never used by both threads at once: everything here first waits for the worker, and the
    caller must not use the session between ``write`` and ``drain``/``flush`` (nor in progress callbacks).
    """

    def __init__(self, session: Session, columns: Mapping[str, Sequence[str]]) -> None:
        self._session = session
        self._columns = {table: ", ".join(cols) for table, cols in columns.items()}  # order = foreign-key order
        self.rows: Batch = {table: [] for table in columns}
        self.counts: dict[str, int] = dict.fromkeys(columns, 0)
        dialect = session.get_bind().dialect
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        self._marks = {table: ", ".join([mark] * len(cols)) for table, cols in columns.items()}
        self._raw: Any = session.connection().connection.dbapi_connection
        self._mode = "copy" if dialect.name == "postgresql" else "direct"
        if dialect.name == "sqlite" and _usable_from_a_thread(self._raw):
            self._mode = "staged"
        self._staging_ready = False
        self._worker: threading.Thread | None = None
        self._failure: BaseException | None = None

    def __enter__(self) -> Sink:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        try:
            self.drain()
        except Exception:
            if kind is None:
                raise  # otherwise the error already on its way out wins
        if kind is None and self._staging_ready:
            for table in self._columns:
                self._session.connection().exec_driver_sql(f"DROP TABLE temp.demo_stage_{table}")

    def full(self) -> bool:
        return any(len(rows) >= CHUNK for rows in self.rows.values())

    def take(self) -> Batch:
        """The buffered rows, leaving fresh buffers (holders of the old lists must fetch the new ones)."""
        batch = self.rows
        self.rows = {table: [] for table in self._columns}
        return batch

    def spill(self) -> None:
        """Start writing everything buffered (without waiting for it)."""
        self.write(self.take())

    def flush(self) -> None:
        """Write everything buffered and wait until it is in the tables."""
        self.write(self.take())
        self.drain()

    def write(self, batch: Batch) -> None:
        """Start writing ``batch``; it may still be going on when this returns (see ``drain``)."""
        self.drain()
        filled = [table for table, rows in batch.items() if rows]
        for table in filled:
            self.counts[table] += len(batch[table])
        if self._mode == "copy":
            for table in filled:
                self._copy(table, batch[table])
        elif self._mode == "direct":
            for table in filled:
                self._insert(table, table, batch[table])
        else:
            self._stage(filled, batch)
            self._worker = threading.Thread(target=self._publish, args=(filled,), name="demo-writer", daemon=True)
            self._worker.start()

    def drain(self) -> None:
        """Wait for the worker; re-raise what it failed with."""
        if self._worker is not None:
            self._worker.join()
            self._worker = None
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure

    def _insert(self, table: str, target: str, rows: list[Row]) -> None:
        sql = f"INSERT INTO {target} ({self._columns[table]}) VALUES ({self._marks[table]})"
        self._session.connection().exec_driver_sql(sql, rows)

    def _copy(self, table: str, rows: list[Row]) -> None:
        with self._raw.cursor() as cursor, cursor.copy(f"COPY {table} ({self._columns[table]}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _stage(self, tables: list[str], batch: Batch) -> None:
        connection = self._session.connection()
        if not self._staging_ready:
            for table, columns in self._columns.items():
                connection.exec_driver_sql(
                    f"CREATE TEMP TABLE demo_stage_{table} AS SELECT {columns} FROM {table} WHERE 0"
                )
            self._staging_ready = True
        for table in tables:
            self._insert(table, f"temp.demo_stage_{table}", batch[table])

    def _publish(self, tables: list[str]) -> None:
        """Worker thread: move the staged rows into the real tables."""
        try:
            with closing(self._raw.cursor()) as cursor:
                for table in tables:
                    columns = self._columns[table]
                    cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM temp.demo_stage_{table}")
                    cursor.execute(f"DELETE FROM temp.demo_stage_{table}")
        except BaseException as exc:  # handed to the generating thread by drain()
            self._failure = exc


def _usable_from_a_thread(raw: Any) -> bool:
    """False for connections pinned to their thread (pysqlite ``check_same_thread``, e.g. ``:memory:``)."""
    usable: list[bool] = []

    def probe() -> None:
        try:
            raw.execute("SELECT 1").close()
            usable.append(True)
        except sqlite3.ProgrammingError:  # "objects created in a thread can only be used in that same thread"
            usable.append(False)

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    return usable == [True]


def insert_rows(session: Session, model: type[Base], rows: Sequence[Mapping[str, object]]) -> int:
    """Typed Core insert for the small tables (aware datetimes, JSON, dates); returns the number of rows."""
    table = model.__table__
    assert isinstance(table, Table)
    if rows:
        session.execute(insert(table), list(rows))
    return len(rows)


def advance_sequences(session: Session, tables: Iterable[str]) -> None:
    """PostgreSQL: rows came with explicit ids, so move each id sequence past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), m) "
                f"FROM (SELECT max(id) AS m FROM {table}) AS t WHERE m IS NOT NULL"
            )
        )


class Progress:
    """Reports ``(done, total)`` and stops with ``Cancelled`` when asked to."""

    def __init__(
        self, total: int, report: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._report = report
        self._cancelled = cancelled

    def advance(self, steps: int) -> None:
        self.done = min(self.done + steps, self.total)
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("Demo generation cancelled.")
        if self._report is not None:
            self._report(self.done, self.total)

    def finish(self) -> None:
        self.advance(self.total - self.done)


class NumberSource:
    """Increasing, unique, random-looking numbers in ``[first, first + width)`` for up to ``count`` draws."""

    def __init__(self, rng: random.Random, first: int, width: int, *, count: int) -> None:
        self._random = rng.random
        self._step = max(width // max(count, 1), 1)
        self._next = first

    def next(self) -> str:
        value = self._next + int(self._random() * self._step)
        self._next += self._step
        return str(value)
