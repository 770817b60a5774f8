"""What every step of an import shares: the options, each file's result, the tally of what a file
changed (for its undo), the run's lock, and id chunks within the database's limits."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import Table, text
from sqlalchemy.orm import Session

from sellerdesk.db.bulk import max_bound_values
from sellerdesk.db.ids import id_runs
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.domain.records import FileNote, ParsedFile, RowProblem
from sellerdesk.models import (
    Buyer,
    ImportChange,
    Order,
    OrderItem,
)
from sellerdesk.platforms.generic import MappingSpec
from sellerdesk.services import order_merge as om
from sellerdesk.services.rollup import ShopDay

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
CHUNK = 500  # ids per IN (...) query: far below SQLite's variable limit
ORDER_CHUNK = 2000  # orders written per round (lookups, inserts)
# Search documents of new orders are added in larger rounds: inside a savepoint SQLite's full-text index
# writes what it holds at every statement, and fewer, larger parts are cheaper to write and merge.
SEARCH_CHUNK = 16_000
# Core tables for bulk inserts (db/bulk.py), several times faster than ORM bulk paths.
ORDERS = cast(Table, Order.__table__)
BUYERS = cast(Table, Buyer.__table__)
ORDER_ITEMS = cast(Table, OrderItem.__table__)
IMPORT_CHANGES = cast(Table, ImportChange.__table__)
T = TypeVar("T")
INCOMPLETE_EXAMPLES = 10  # ids of incomplete orders a result names


@dataclass(frozen=True)
class ImportOptions:
    shop_name: str = ""
    accept_valid_rows: bool = False  # import the valid rows of a file with problems
    dry_run: bool = False
    staff_id: int | None = None
    mapping: MappingSpec | None = None  # read every file through this column mapping (import --mapping)
    accept_fallbacks: bool = False  # use the fallback columns that need the user's consent
    # The shop chosen for a file that names none (file name -> shop name), over ``shop_name``.
    shops: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FileResult:
    """What one file's import did (or would do, on a dry run)."""

    file_name: str
    platform: str
    kind: str
    shop: str
    rows: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: int = 0
    unlinked_lines: int = 0
    batch_id: int | None = None
    problems: tuple[RowProblem, ...] = ()
    warnings: tuple[RowProblem, ...] = ()  # said about rows that were imported all the same
    exported_at: datetime | None = None
    # Orders of an item file that no order file has described (kept, but in no figure): how many, the first.
    incomplete_orders: int = 0
    incomplete_examples: tuple[str, ...] = ()
    notes: tuple[FileNote, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "platform": self.platform,
            "kind": self.kind,
            "shop": self.shop,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "refused": self.refused,
            "unlinked_lines": self.unlinked_lines,
            "batch_id": self.batch_id,
            "problems": [p.__dict__ for p in self.problems],
            "warnings": [p.__dict__ for p in self.warnings],
            "exported_at": self.exported_at.isoformat() if self.exported_at else None,
            "incomplete_orders": {"count": self.incomplete_orders, "first": list(self.incomplete_examples)},
            "notes": [n.__dict__ for n in self.notes],
        }


# What an import (and so its undo) touches: orders with their lines and refunds, the stock booked for
# them, the SKUs' sold and unlinked figures, the shops it may create, and the import history.
IMPORTED = Changes(
    orders=True, stock=True, products=True, shops=True, imports=True, tickets=True
)  # refunds open tickets


class ImportResults(list[FileResult]):
    """Each file's result, in order, and what the run changed (nothing on a dry run)."""

    def __init__(self, results: Sequence[FileResult], changes: Changes) -> None:
        super().__init__(results)
        self.changes = changes


@dataclass
class _Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    unlinked: int = 0
    changes: list[dict[str, Any]] = field(default_factory=list)
    orders_changed: set[int] = field(default_factory=set)  # the roll-up reads their days back
    # Roll-up days known to change: those changed orders counted in before, those new orders are paid on.
    days: set[ShopDay] = field(default_factory=set)
    stock_orders: set[int] = field(default_factory=set)  # changed, or created with a linked line: stock follows
    incomplete: list[str] = field(default_factory=list)  # platform ids of orders still incomplete after the file
    seen: list[int] = field(default_factory=list)  # orders the file named that existed before it (see log_seen)

    def log(self, table: str, row_id: int, action: str, before: dict[str, Any] | None = None) -> None:
        self.changes.append(
            {
                "table_name": table,
                "row_id": row_id,
                "action": action,
                "before": before and om.jsonable(before),
            }
        )

    def log_created(self, table: str, ids: Sequence[int]) -> None:
        """Created rows as runs of consecutive ids (one change row per run, not per row)."""
        self._log_runs(table, ids, "created")

    def log_seen(self) -> None:
        """The existing orders the file named, changed or not, as id runs ("seen"): the batch depends on
        them, so undoing an older batch that created them is refused while this one stands (a file
        that found every order "unchanged" logs no change row, yet its result counted on them)."""
        self._log_runs("orders", self.seen, "seen")

    def _log_runs(self, table: str, ids: Sequence[int], action: str) -> None:
        for first, last in id_runs(ids):
            self.changes.append({"table_name": table, "row_id": first, "action": action, "before": {"to": last}})


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _lookup_size(session: Session) -> int:
    """Ids per ``IN (…)`` lookup: a batch of orders, within the database's limit of bound values."""
    return max(1, min(ORDER_CHUNK, max_bound_values(session) - 8))


class ImportRefused(ImportFileError):
    """Files with problems: nothing was written. ``results`` lists each file's problems."""

    def __init__(self, message: str, results: Sequence[FileResult]) -> None:
        super().__init__(message, code="import_refused")
        self.results = tuple(results)


def _refused_result(parsed: ParsedFile) -> FileResult:
    return FileResult(
        file_name=parsed.file_name,
        platform=parsed.platform.value,
        kind=parsed.kind.value,
        shop=parsed.shop_name,
        rows=parsed.rows,
        refused=len(parsed.bad_rows),
        problems=tuple(parsed.problems),
        warnings=tuple(parsed.warnings),
        exported_at=parsed.exported_at,
        notes=tuple(parsed.notes),
    )


IMPORT_LOCK_KEY = 0x5344_494D  # "SDIM": the PostgreSQL advisory lock of imports and undo


def lock_imports(session: Session) -> None:
    """One import (or undo) at a time, until the transaction ends.

    An import reads what the shop holds, then writes: on PostgreSQL two at once would both create the
    same new orders (a unique violation) or both update from the same version (a conflict), so the second
    waits for the first here and then reads what it wrote. SQLite needs nothing: the write transaction
    took the database's write lock at its start (``db.engine.write_lock``).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})
