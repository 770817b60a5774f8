"""Follow-ups of a written file: the daily roll-up, the stock ledger and the import batch that records
what the file changed (so it can be undone)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from sqlalchemy import event, insert, update
from sqlalchemy.orm import Session

from sellerdesk.db.after_commit import run_after_commit, wait_for_after_commit
from sellerdesk.domain.enums import ImportBatchStatus
from sellerdesk.domain.records import ParsedFile
from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models import (
    ImportBatch,
)
from sellerdesk.services.imports.common import IMPORT_CHANGES, FileResult, ImportOptions, _chunks, _Tally
from sellerdesk.services.rollup import ShopDay, refresh_rollup
from sellerdesk.services.shops import ShopRow
from sellerdesk.services.stock import sync_order_stock


def _follow_orders(session: Session, order_ids: set[int], old_days: set[ShopDay]) -> None:
    """What follows from changed orders: the daily roll-up and the stock ledger (reserve, out, returns)."""
    ids = sorted(order_ids)
    refresh_rollup(session, ids, old_days)
    sync_order_stock(session, ids)


def _start_batch(session: Session, parsed: ParsedFile, shop: ShopRow, file_hash: str, options: ImportOptions) -> int:
    batch_id = session.scalar(
        insert(ImportBatch).returning(ImportBatch.id),
        {
            "file_name": parsed.file_name,
            "file_hash": file_hash,
            "platform": parsed.platform.value,
            "file_kind": parsed.kind.value,
            "shop_id": shop.id,
            "staff_id": options.staff_id,
            "rows": 0,  # rows, problems and counts are known at the end (the file may still be parsing)
            "status": ImportBatchStatus.DONE.value,
            "started_at": utcnow(),
        },
    )
    assert isinstance(batch_id, int)
    return batch_id


def _finish_batch(session: Session, batch_id: int, result: FileResult, tally: _Tally) -> None:
    session.execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch_id)
        .values(
            rows=result.rows,
            partial=bool(result.problems),
            problems=[p.__dict__ for p in result.problems[:1000]],
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
            refused=result.refused,
            exported_at=result.exported_at,
            finished_at=utcnow(),
        )
    )
    tally.log_seen()
    for part in _chunks(tally.changes, 5000):
        session.execute(insert(IMPORT_CHANGES), [{"batch_id": batch_id, **c} for c in part])


# SQLite's default: a commit that leaves this many pages in the write-ahead log copies them into the
# database file (a checkpoint) before it returns.
_AUTOCHECKPOINT_PAGES = 1000


def checkpoint_after_commit(session: Session) -> None:
    """The import's commit returns without copying the write-ahead log into the database file (0.4–0.9 s
    for 100,000 orders); a PASSIVE checkpoint on a connection of its own does it right after, off the
    caller's path. The log is synced before any checkpoint, the committed transaction is read from the log
    meanwhile by every connection, and a crash before the checkpoint replays the log at the next open:
    what a commit guarantees is unchanged (docs/benchmarks.md). SQLite files only."""
    connection = session.connection()
    url = connection.engine.url
    path = url.database if connection.dialect.name == "sqlite" else None
    if not path or path == ":memory:" or "mode=memory" in str(url):
        return
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    dbapi.execute("PRAGMA wal_autocheckpoint=0")

    pending = [True]  # until the transaction ends (savepoints end on the way: not those)

    def restore() -> bool:
        if not pending:
            return False
        pending.clear()
        dbapi.execute(f"PRAGMA wal_autocheckpoint={_AUTOCHECKPOINT_PAGES}")  # the connection as it came
        return True

    def committed(session: Session) -> None:
        if session.get_nested_transaction() is None:
            restore()

    event.listen(session, "after_commit", committed)
    # A rollback of the whole transaction (also when the session closes without committing), before the
    # connection goes back to the pool.
    event.listen(connection, "rollback", lambda _connection: restore())
    # Last of what follows the commit: the search documents it left (services.search) are in the log too.
    run_after_commit(session, lambda: _checkpoint(path), name="checkpoint", order=100)


def _checkpoint(path: str) -> None:
    """Copy what the log holds into the database file, as far as no reader still needs it (PASSIVE: never
    waits for, nor blocks, another connection). Whatever it leaves, the next commit's automatic
    checkpoint takes."""
    try:
        with closing(sqlite3.connect(path, timeout=1, isolation_level=None)) as connection:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error:
        pass  # the log stays until the next checkpoint: nothing is lost


def wait_for_checkpoints(timeout: float = 60.0) -> None:
    """Let what follows imports' commits finish: their search documents and checkpoints (a program about to
    end, or a test about to read the database file by itself, e.g. as ``immutable``)."""
    wait_for_after_commit(timeout)
