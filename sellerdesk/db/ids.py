"""Reserving primary keys for bulk inserts, so rows can reference each other without RETURNING round trips.

SQLite: the caller must already hold the write lock (it has written in this transaction), so max(id)
cannot move under us; the ids are consecutive. PostgreSQL: ids come from the table's own sequence,
unique whatever other writers do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` fresh, increasing ids for ``table``."""
    if count <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        stmt = text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)")
        return list(session.scalars(stmt, {"t": table.name, "n": count}))
    current = session.scalar(select(func.max(table.c.id))) or 0
    return list(range(current + 1, current + 1 + count))


def id_runs(ids: Iterable[int]) -> Iterator[tuple[int, int]]:
    """The ids as runs of consecutive values, (first, last) each, in increasing order."""
    ordered = sorted(ids)
    start = prev = ordered[0] if ordered else 0
    for value in ordered[1:]:
        if value != prev + 1:
            yield start, prev
            start = value
        prev = value
    if ordered:
        yield start, prev
