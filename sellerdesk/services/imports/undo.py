"""Undo: put back exactly what an import batch created or changed, and the history of batches."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import ImportBatchStatus
from sellerdesk.domain.errors import ConflictError, NotFoundError
from sellerdesk.domain.permissions import OWNER, Action, Actor, require
from sellerdesk.models import (
    ImportBatch,
    ImportChange,
    Order,
    OrderItem,
    Refund,
    StockMovement,
    Ticket,
)
from sellerdesk.services import order_merge as om
from sellerdesk.services.imports.common import IMPORTED, _chunks, lock_imports
from sellerdesk.services.imports.follow import _follow_orders
from sellerdesk.services.rollup import rollup_days
from sellerdesk.services.search import refresh_search
from sellerdesk.services.zones import house_timezone


@dataclass(frozen=True)
class BatchRow:
    id: int
    file_name: str
    platform: str
    file_kind: str
    shop: str
    rows: int
    created: int
    updated: int
    unchanged: int
    refused: int
    status: str
    started_at: Any
    timezone: str  # the batch's shop's, else the house zone


def list_batches(session: Session, limit: int = 200) -> list[BatchRow]:
    from sellerdesk.models import Shop

    house = house_timezone(session)
    stmt = (
        select(ImportBatch, Shop.name, Shop.timezone)
        .outerjoin(Shop, Shop.id == ImportBatch.shop_id)
        .order_by(ImportBatch.id.desc())
        .limit(limit)
    )
    return [
        BatchRow(
            b.id,
            b.file_name,
            b.platform,
            b.file_kind,
            name or "",
            b.rows,
            b.created,
            b.updated,
            b.unchanged,
            b.refused,
            b.status,
            b.started_at,
            tz or house,
        )
        for b, name, tz in session.execute(stmt)
    ]


_Model = type[Order] | type[OrderItem] | type[Refund] | type[Ticket]
_TABLES: dict[str, _Model] = {
    "orders": Order,
    "order_items": OrderItem,
    "refunds": Refund,
    "tickets": Ticket,  # after-sale tickets a refund export opened (created only)
}
_TIME_COLUMNS = (*om.ORDER_TIME_FIELDS, "shipped_at", "applied_at", "finished_at")


def undo_batch(session: Session, batch_id: int, *, actor: Actor = OWNER) -> Changes:
    """Restore exactly what the batch created or changed. Refused when a later batch touched the same rows,
    or read the orders it created or changed."""
    require(actor, Action.IMPORT_ORDERS)
    lock_imports(session)
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError(f"Import batch {batch_id} does not exist.", code="batch_not_found", id=batch_id)
    if batch.status == ImportBatchStatus.UNDONE.value:
        raise ConflictError(f"Import batch {batch_id} was already undone.", code="batch_undone", id=batch_id)
    stmt = select(ImportChange).where(ImportChange.batch_id == batch_id, ImportChange.action != "seen")
    changes = session.execute(stmt.order_by(ImportChange.id.desc())).scalars().all()
    _refuse_if_touched_later(session, batch_id, changes)
    touched = _orders_touched(session, changes)  # before the lines it names are deleted
    _refuse_if_seen_later(session, batch_id, touched)
    old_days = rollup_days(session, sorted(touched))
    _drop_stock_of_created_lines(session, changes)
    for change in changes:  # newest first: items before the orders they belong to
        table = _TABLES[change.table_name]
        if change.action == "created":
            last = (change.before or {}).get("to", change.row_id)
            session.execute(delete(table).where(table.id.between(change.row_id, last)))
        else:
            values = _restorable(table, om.from_jsonable(change.before or {}, _TIME_COLUMNS))
            if not values:
                continue
            if table is Order:
                values["version"] = Order.version + 1  # editors holding the old version must reload
            session.execute(update(table).where(table.id == change.row_id).values(**values))
    refresh_search(session, sorted(touched))
    remaining = set(session.scalars(select(Order.id).where(Order.id.in_(sorted(touched)))))
    _follow_orders(session, remaining, old_days)
    batch.status = ImportBatchStatus.UNDONE.value
    return IMPORTED


def _restorable(table: _Model, values: dict[str, Any]) -> dict[str, Any]:
    """The previous values the table still has columns for: a batch imported before a column was dropped
    (migration 0012: columns nothing read) recorded it too, and there is nothing left to put back."""
    columns = table.__table__.c
    return {k: v for k, v in values.items() if k in columns}


def _rows(changes: Sequence[ImportChange]) -> Iterator[tuple[str, int]]:
    """Every (table, row id) the changes name, runs of created rows expanded."""
    for change in changes:
        last = (change.before or {}).get("to", change.row_id) if change.action == "created" else change.row_id
        for row_id in range(change.row_id, int(str(last)) + 1):
            yield change.table_name, row_id


def _drop_stock_of_created_lines(session: Session, changes: Sequence[ImportChange]) -> None:
    """Lines the batch created go away on undo, and so do the stock movements booked for them."""
    created = [row_id for (table, row_id) in _rows([c for c in changes if c.action == "created"])
               if table == "order_items"]  # fmt: skip
    for part in _chunks(created):
        session.execute(delete(StockMovement).where(StockMovement.order_item_id.in_(part)))


def _orders_touched(session: Session, changes: Sequence[ImportChange]) -> set[int]:
    rows = list(_rows(changes))
    orders = {row_id for table, row_id in rows if table == "orders"}
    item_ids = [row_id for table, row_id in rows if table == "order_items"]
    for part in _chunks(item_ids):
        orders.update(session.scalars(select(OrderItem.order_id).where(OrderItem.id.in_(part))))
    return orders


def _refuse_if_touched_later(session: Session, batch_id: int, changes: Sequence[ImportChange]) -> None:
    rows = set(_rows(changes))
    later = session.execute(
        select(ImportChange.table_name, ImportChange.row_id, ImportChange.batch_id)
        .join(ImportBatch, ImportBatch.id == ImportChange.batch_id)
        .where(
            ImportChange.batch_id > batch_id,
            ImportBatch.status == ImportBatchStatus.DONE.value,
            ImportChange.action != "seen",  # runs, not rows: _refuse_if_seen_later reads them
        )
    )
    blocking = sorted({b for table, row_id, b in later if (table, row_id) in rows})
    if blocking:
        raise ConflictError(
            f"Import batch {batch_id} cannot be undone: later imports {blocking} changed the same orders. "
            "Undo those first.",
            code="batch_touched_later",
            id=batch_id,
            later=blocking,
        )


def _refuse_if_seen_later(session: Session, batch_id: int, orders: set[int]) -> None:
    """Refuse when a later batch that stands read some of the orders this one created or changed, even
    if it found them unchanged: undoing this one would take away what that import counted on."""
    if not orders:
        return
    ordered = sorted(orders)
    later = session.execute(
        select(ImportChange.row_id, ImportChange.before, ImportBatch.id, ImportBatch.file_name)
        .join(ImportBatch, ImportBatch.id == ImportChange.batch_id)
        .where(
            ImportChange.batch_id > batch_id,
            ImportBatch.status == ImportBatchStatus.DONE.value,
            ImportChange.table_name == "orders",
            ImportChange.action == "seen",
        )
    )
    blocking = sorted({(b, name) for first, before, b, name in later if _overlaps(ordered, first, before)})
    if blocking:
        names = ", ".join(f"#{b} {name}" for b, name in blocking)
        raise ConflictError(
            f"Import batch {batch_id} cannot be undone: later imports ({names}) include the same orders. "
            "Undo those first.",
            code="batch_seen_later",
            id=batch_id,
            later=names,
        )


def _overlaps(ordered: Sequence[int], first: int, before: dict[str, object] | None) -> bool:
    """Whether the run ``first``..``before["to"]`` holds one of the ``ordered`` ids."""
    last = int(str((before or {}).get("to", first)))
    at = bisect.bisect_left(ordered, first)
    return at < len(ordered) and ordered[at] <= last
