"""Follow-ups of a written file: the daily roll-up, the stock ledger and the import batch that records
what the file changed (so it can be undone)."""

from __future__ import annotations

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

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
