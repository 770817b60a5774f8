"""Importing export files: recognise every file first, then parse each on a helper thread while its orders
are written with bulk statements, all in one savepoint that a refused or broken file rolls back.

Every batch records what it created and what it changed (with the previous values), so it can be undone.
The same file twice changes nothing; an older export never moves an order backwards.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import Table, delete, event, func, insert, or_, select, update
from sqlalchemy.orm import Session

from sellerdesk.db.bulk import bulk_insert_rows, indexes_deferred, max_bound_values
from sellerdesk.db.ids import reserve_ids
from sellerdesk.domain.business_time import BusinessCalendar
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import ImportBatchStatus, Platform, RefundState
from sellerdesk.domain.errors import Cancelled, ConflictError, ImportFileError, NotFoundError
from sellerdesk.domain.orders import Recency, export_recency
from sellerdesk.domain.permissions import OWNER, Action, Actor, require
from sellerdesk.domain.records import FileKind, FileNote, OrderRecord, ParsedFile, RefundRecord, RowProblem
from sellerdesk.domain.timeutil import DEFAULT_TZ, shop_time, utcnow
from sellerdesk.models import (
    Buyer,
    ImportBatch,
    ImportChange,
    Listing,
    Order,
    OrderItem,
    Refund,
    Sku,
    StockMovement,
    Ticket,
)
from sellerdesk.platforms import NotGrouped, ParseJob, plan_parse, read_export
from sellerdesk.platforms.background import BackgroundParse
from sellerdesk.platforms.generic import MappingSpec, validate_mapping
from sellerdesk.platforms.stamps import newest_time
from sellerdesk.services import order_merge as om
from sellerdesk.services.mappings import find_mapping
from sellerdesk.services.rollup import ShopDay, refresh_rollup, rollup_days
from sellerdesk.services.search import add_documents, bulk_indexing, document, refresh_search
from sellerdesk.services.shops import ShopRow, import_target, resolve_import_shop
from sellerdesk.services.stock import sync_order_stock
from sellerdesk.services.tickets import cases as tickets
from sellerdesk.services.tickets.policies import load_calendar
from sellerdesk.services.zones import house_timezone, shop_timezones
from sellerdesk.sheets.reading import Table as Sheet
from sellerdesk.sheets.reading import gc_paused

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
        for first, last in _runs(ids):
            self.changes.append({"table_name": table, "row_id": first, "action": "created", "before": {"to": last}})


def _runs(ids: Sequence[int]) -> Iterator[tuple[int, int]]:
    ordered = sorted(ids)
    start = prev = ordered[0] if ordered else 0
    for value in ordered[1:]:
        if value != prev + 1:
            yield start, prev
            start = value
        prev = value
    if ordered:
        yield start, prev


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write_file(
    session: Session,
    parsed: ParsedFile,
    batches: Iterable[Sequence[OrderRecord]],
    file_hash: str,
    options: ImportOptions,
    step: Callable[[int], None],
    expected_rows: int,
) -> FileResult:
    """Write a file's orders, batch by batch (``batches`` may still be parsing), or its refunds; then what
    follows from them, and the import batch that records it all. ``expected_rows``: about how many rows
    the file holds (it may still be parsing)."""
    batch_iter = iter(batches)
    first = next(batch_iter, ())  # the shop is known from the first orders (or the file's shop name)
    shop = resolve_import_shop(
        session,
        parsed.platform,
        given=options.shops.get(parsed.file_name) or options.shop_name,
        in_file=parsed.shop_name,
        order_ids=[o.order_id for o in first[:CHUNK]] or [r.order_id for r in parsed.refunds[:CHUNK]],
    )
    batch_id = _start_batch(session, parsed, shop, file_hash, options)  # also takes SQLite's write lock
    tally = _Tally()
    if parsed.kind == FileKind.REFUNDS:
        _write_refunds(session, shop, parsed.refunds, tally, step)
    else:
        _write_orders(session, shop, parsed, itertools.chain([first], batch_iter), tally, step, expected_rows)
    # What follows from the orders: the daily roll-up and the stock ledger (reserve, out, returns).
    refresh_rollup(session, sorted(tally.orders_changed), tally.days)
    sync_order_stock(session, sorted(tally.stock_orders))
    result = FileResult(
        file_name=parsed.file_name,
        platform=parsed.platform.value,
        kind=parsed.kind.value,
        shop=shop.name,
        rows=parsed.rows,
        created=tally.created,
        updated=tally.updated,
        unchanged=tally.unchanged,
        refused=len(parsed.bad_rows),
        unlinked_lines=tally.unlinked,
        batch_id=batch_id,
        problems=tuple(parsed.problems),
        warnings=tuple(parsed.warnings),
        exported_at=parsed.exported_at,
        incomplete_orders=len(tally.incomplete),
        incomplete_examples=tuple(tally.incomplete[:INCOMPLETE_EXAMPLES]),
        notes=tuple(parsed.notes),
    )
    _finish_batch(session, batch_id, result, tally)
    return result


def _follow_orders(session: Session, order_ids: set[int], old_days: set[ShopDay]) -> None:
    """What follows from changed orders: the daily roll-up and the stock ledger (reserve, out, returns)."""
    ids = sorted(order_ids)
    refresh_rollup(session, ids, old_days)
    sync_order_stock(session, ids)


# --- orders -------------------------------------------------------------------------------------------


def _write_orders(
    session: Session,
    shop: ShopRow,
    parsed: ParsedFile,
    batches: Iterable[Sequence[OrderRecord]],
    tally: _Tally,
    step: Callable[[int], None],
    expected_rows: int,
) -> None:
    """Create the orders the shop does not hold yet; merge the others into what it holds.

    Parsers give each order once per file, so an order is either new or known, never both.
    """
    known_shop = _has_orders(session, shop.id)  # a shop's first import has nothing to look up or merge
    if known_shop and parsed.exported_at is None:
        # No stamp in the name: the file's newest time says when it was made, known once it is parsed;
        # merging needs it (an older export only fills gaps), so the parse is finished first.
        batches = list(batches)
        parsed.exported_at = newest_time(parsed.orders)
    w = _FileWrite(
        session,
        shop,
        parsed.platform,
        from_lines=parsed.kind == FileKind.TAOBAO_ITEMS,
        buyers={},
        linker=_SkuLinker(session, parsed.platform),
        tally=tally,
        exported_at=parsed.exported_at,
        approximate=parsed.approximate,
    )
    with ExitStack() as stack:
        stack.enter_context(bulk_indexing(session))
        if not known_shop:  # every order is new: a large first import builds the indexes once, at the end
            for table in (ORDERS, ORDER_ITEMS):
                stack.enter_context(indexes_deferred(session, table, adding=expected_rows))
        for chunk in batches:
            if not chunk:
                continue
            w.buyers.update(_buyer_ids(session, parsed.platform, chunk, known=w.buyers))
            current = _current_orders(session, shop.id, [o.order_id for o in chunk]) if known_shop else {}
            created = _create_orders(w, [r for r in chunk if r.order_id not in current])
            known = [r for r in chunk if r.order_id in current]
            changed = _merge_orders(w, known, current)
            tally.created += len(created)
            tally.updated += len(changed)
            tally.unchanged += len(known) - len(changed)
            tally.orders_changed |= changed
            tally.stock_orders |= changed
            refresh_search(session, sorted(changed))
            if len(w.documents) >= SEARCH_CHUNK:
                _add_documents(w)
            step(len(chunk))
        _add_documents(w)
    if parsed.exported_at is None:  # a first import, streamed: the orders it created learn the time now
        parsed.exported_at = newest_time(parsed.orders)
        session.execute(
            update(ORDERS)
            .where(ORDERS.c.shop_id == shop.id, ORDERS.c.exported_at.is_(None))
            .values(exported_at=parsed.exported_at)
        )


@dataclass
class _FileWrite:
    """What writing the orders of one file needs throughout."""

    session: Session
    shop: ShopRow
    platform: Platform
    from_lines: bool  # a Taobao item file: order amounts are only estimated from the lines
    buyers: dict[str, int]  # identifying nick -> buyer id
    linker: _SkuLinker
    tally: _Tally
    exported_at: datetime | None  # when the file was made (None: not known yet)
    approximate: frozenset[str]  # order fields the file gives only as a stand-in
    documents: list[tuple[int, str]] = field(default_factory=list)  # search documents of new orders, to add

    def order_row(self, record: OrderRecord) -> tuple[Any, ...]:
        """The ``om.ORDER_COLUMNS`` values an insert of ``record`` would write."""
        buyer_id = self.buyers.get(record.buyer_nick)
        return om.new_order_row(record, amounts_from_lines=self.from_lines, buyer_id=buyer_id)


def _add_documents(w: _FileWrite) -> None:
    add_documents(w.session, w.documents)
    w.documents = []


def _has_orders(session: Session, shop_id: int) -> bool:
    return session.scalar(select(Order.id).where(Order.shop_id == shop_id).limit(1)) is not None


def _create_orders(w: _FileWrite, records: Sequence[OrderRecord]) -> list[int]:
    """Insert new orders with their lines and search documents; returns their ids (in record order)."""
    if not records:
        return []
    ids = reserve_ids(w.session, ORDERS, len(records))
    now = utcnow()
    head = (w.shop.id, w.platform.value)
    rows = [
        (order_id, *head, r.order_id, now, now, 1, w.exported_at, *w.order_row(r))
        for order_id, r in zip(ids, records, strict=True)
    ]
    bulk_insert_rows(w.session, ORDERS, om.NEW_ORDER_COLUMNS, rows)
    w.tally.log_created("orders", ids)
    w.tally.incomplete.extend(r.order_id for r in records if r.incomplete)
    w.tally.days |= _paid_days(w.session, w.shop.id, records)
    _create_items(w, zip(ids, records, strict=True))
    w.documents.extend((order_id, _document(r)) for order_id, r in zip(ids, records, strict=True))
    return ids


def _create_items(w: _FileWrite, orders: Iterable[tuple[int, OrderRecord]]) -> None:
    """Insert every line of orders that were just created (so none of their lines exists yet)."""
    rows = []
    for order_id, record in orders:
        for item in record.items:
            sku_id = w.linker.link(item.seller_code, item.platform_item_id, item.platform_sku_id)
            if sku_id is None:
                w.tally.unlinked += 1
            else:
                w.tally.stock_orders.add(order_id)  # only linked lines move stock
            rows.append((order_id, item.sub_order_id, *om.item_row(item, sku_id)))
    _insert_items(w.session, rows, w.tally)


def _paid_days(session: Session, shop_id: int, records: Iterable[OrderRecord]) -> set[ShopDay]:
    """The roll-up days of new orders, from their records (``rollup_days`` would read them back, 6x slower)."""
    zone = shop_timezones(session).get(shop_id, DEFAULT_TZ)
    return {(shop_id, shop_time(r.paid_at, zone).date()) for r in records if r.paid_at is not None}


def _merge_orders(w: _FileWrite, records: Sequence[OrderRecord], current: dict[str, tuple[Any, ...]]) -> set[int]:
    """Update orders the shop already holds (and their lines); returns the ids of those that changed.

    An order whose stored row equals the row the record would insert is unchanged (merging it would
    change nothing); only the others go through ``om.merge_order``. A re-import is mostly the former.
    """
    order_ids: dict[str, tuple[int, Recency]] = {}  # platform id -> (order id, how the file's lines merge)
    updates: list[dict[str, Any]] = []
    for record in records:
        stored = current[record.order_id]
        if stored[3:] == w.order_row(record):
            order_ids[record.order_id] = (stored[0], export_recency(stored[2], w.exported_at))
            if record.incomplete:
                w.tally.incomplete.append(record.order_id)
            continue
        existing = dict(zip(_ORDER_STATE_COLUMNS, stored, strict=True))
        values = om.order_values(record, amounts_from_lines=w.from_lines)
        if record.buyer_nick in w.buyers:
            values["buyer_id"] = w.buyers[record.buyer_nick]
        recency = export_recency(existing["exported_at"], w.exported_at)
        diff, older = om.merge_order(existing, values, recency=recency, approximate=w.approximate)
        order_ids[record.order_id] = (existing["id"], Recency.OLDER if older else recency)
        if existing["incomplete"] and diff.get("incomplete", True):
            w.tally.incomplete.append(record.order_id)
        if diff:
            w.tally.log("orders", existing["id"], "updated", {k: existing[k] for k in diff})
            updates.append({"id": existing["id"], **diff, "version": existing["version"]})  # checked, then +1
    if updates:
        w.tally.days |= rollup_days(w.session, [u["id"] for u in updates])
        w.session.execute(update(Order), updates)
    lines_changed = _merge_items(w, records, order_ids)
    _note_export_time(w, [stored_id for stored_id, _ in order_ids.values()])
    return {u["id"] for u in updates} | lines_changed


def _note_export_time(w: _FileWrite, order_ids: Sequence[int]) -> None:
    """Orders this file described remember its export time, unless a newer file already wrote them."""
    if w.exported_at is None or not order_ids:
        return
    newer = or_(ORDERS.c.exported_at.is_(None), ORDERS.c.exported_at < w.exported_at)
    for part in _chunks(order_ids, _lookup_size(w.session)):
        w.session.execute(update(ORDERS).where(ORDERS.c.id.in_(part), newer).values(exported_at=w.exported_at))


_ORDER_STATE_COLUMNS = ("id", "version", "exported_at", *om.ORDER_COLUMNS)


def _document(record: OrderRecord) -> str:
    items = (f"{i.seller_code} {i.title}" for i in record.items)
    return document(
        [record.order_id, record.buyer_nick, record.receiver_name, record.receiver_phone, record.tracking_no, *items]
    )


# The stored state of the orders and lines an import merges into is read through Core on the session's
# connection, in one query per batch: the ORM's result path and 500-id queries took 2.0 s for 100,000
# orders, this 1.2 s (a re-import reads every order and line of the file). Nothing the ORM holds pending
# is missed: imports write orders and lines with Core statements, executed at once.


def _lookup_size(session: Session) -> int:
    """Ids per ``IN (…)`` lookup: a batch of orders, within the database's limit of bound values."""
    return max(1, min(ORDER_CHUNK, max_bound_values(session) - 8))


def _current_orders(session: Session, shop_id: int, order_ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """Platform order id → the stored ``_ORDER_STATE_COLUMNS`` values."""
    columns = [ORDERS.c.platform_order_id, *(ORDERS.c[c] for c in _ORDER_STATE_COLUMNS)]
    connection = session.connection()
    found: dict[str, tuple[Any, ...]] = {}
    for part in _chunks(order_ids, _lookup_size(session)):
        stmt = select(*columns).where(ORDERS.c.shop_id == shop_id, ORDERS.c.platform_order_id.in_(part))
        for row in connection.execute(stmt):
            found[row[0]] = tuple(row[1:])
    return found


def _merge_items(w: _FileWrite, records: Sequence[OrderRecord], order_ids: dict[str, tuple[int, Recency]]) -> set[int]:
    """Lines of orders the database holds: insert new lines, update changed ones; returns the ids of
    orders whose lines changed. A stored line equal to the incoming one is unchanged, as for orders."""
    session, linker, tally = w.session, w.linker, w.tally
    with_items = [r for r in records if r.items]
    touched: set[int] = set()
    current = _current_items(session, [order_ids[r.order_id][0] for r in with_items])
    inserts: list[tuple[Any, ...]] = []
    updates: list[dict[str, Any]] = []
    for record in with_items:
        order_id, recency = order_ids[record.order_id]
        for item in record.items:
            sku_id = linker.link(item.seller_code, item.platform_item_id, item.platform_sku_id)
            row = om.item_row(item, sku_id)
            stored = current.get((order_id, item.sub_order_id))
            if stored is None:
                tally.unlinked += sku_id is None
                inserts.append((order_id, item.sub_order_id, *row))
                touched.add(order_id)
                continue
            if stored[1:] == row:
                tally.unlinked += sku_id is None
                continue
            existing = dict(zip(_ITEM_STATE_COLUMNS, stored, strict=True))
            diff = om.merge_item(existing, dict(zip(om.ITEM_COLUMNS, row, strict=True)), recency=recency)
            tally.unlinked += diff.get("sku_id", existing["sku_id"]) is None
            if diff:
                tally.log("order_items", existing["id"], "updated", {k: existing[k] for k in diff})
                updates.append({"id": existing["id"], **diff})
                touched.add(order_id)
    if updates:
        session.execute(update(OrderItem), updates)
    _insert_items(session, inserts, tally)
    return touched


def _insert_items(session: Session, rows: Sequence[tuple[Any, ...]], tally: _Tally) -> None:
    """Insert new lines: ``rows`` are ``om.NEW_ITEM_COLUMNS`` values without the id, which is reserved here."""
    if not rows:
        return
    ids = reserve_ids(session, ORDER_ITEMS, len(rows))
    bulk_insert_rows(session, ORDER_ITEMS, om.NEW_ITEM_COLUMNS, [(i, *row) for i, row in zip(ids, rows, strict=True)])
    tally.log_created("order_items", ids)


_ITEM_STATE_COLUMNS = ("id", *om.ITEM_COLUMNS)


def _current_items(session: Session, order_ids: Sequence[int]) -> dict[tuple[int, str], tuple[Any, ...]]:
    """(order id, line id) → the stored ``_ITEM_STATE_COLUMNS`` values."""
    columns = [ORDER_ITEMS.c.order_id, ORDER_ITEMS.c.sub_order_id, *(ORDER_ITEMS.c[c] for c in _ITEM_STATE_COLUMNS)]
    connection = session.connection()
    found: dict[tuple[int, str], tuple[Any, ...]] = {}
    for part in _chunks(order_ids, _lookup_size(session)):
        for row in connection.execute(select(*columns).where(ORDER_ITEMS.c.order_id.in_(part))):
            found[(row[0], row[1])] = tuple(row[2:])
    return found


class _SkuLinker:
    """Seller code → SKU, else a remembered platform item/SKU id binding → SKU, else unlinked."""

    def __init__(self, session: Session, platform: Platform) -> None:
        self._by_code = dict(session.execute(select(Sku.seller_code, Sku.id)).all())
        rows = session.execute(
            select(Listing.platform_item_id, Listing.platform_sku_id, Listing.sku_id).where(
                Listing.platform == platform.value
            )
        )
        self._by_listing = {(item, sku): sku_id for item, sku, sku_id in rows}

    def link(self, seller_code: str, item_id: str, sku_id: str) -> int | None:
        if seller_code and seller_code in self._by_code:
            return self._by_code[seller_code]
        if item_id:
            return self._by_listing.get((item_id, sku_id)) or self._by_listing.get((item_id, ""))
        return None


def is_identifying_nick(nick: str) -> bool:
    """Masked nicks like "小**" name thousands of buyers; only link a nick with 2+ visible characters."""
    return len(nick.replace("*", "")) >= 2


def _buyer_ids(
    session: Session, platform: Platform, records: Iterable[OrderRecord], known: Mapping[str, int]
) -> dict[str, int]:
    """Buyer ids of the records' nicks not in ``known``, creating the buyers seen for the first time."""
    nicks = sorted({r.buyer_nick for r in records if r.buyer_nick not in known and is_identifying_nick(r.buyer_nick)})
    found: dict[str, int] = {}
    for part in _chunks(nicks):
        stmt = select(Buyer.nick, Buyer.id).where(Buyer.platform == platform.value, Buyer.nick.in_(part))
        found.update(session.execute(stmt).all())
    missing = [n for n in nicks if n not in found]
    if missing:  # ids reserved, not RETURNING: many-row RETURNING costs 20x a plain executemany
        ids = reserve_ids(session, BUYERS, len(missing))
        now = utcnow()
        rows = [(i, platform.value, nick, now) for i, nick in zip(ids, missing, strict=True)]
        bulk_insert_rows(session, BUYERS, ("id", "platform", "nick", "first_seen_at"), rows)
        found.update(zip(missing, ids, strict=True))
    return found


# --- refunds ------------------------------------------------------------------------------------------


def _write_refunds(
    session: Session,
    shop: ShopRow,
    records: Sequence[RefundRecord],
    tally: _Tally,
    step: Callable[[int], None],
) -> None:
    orders = _order_ids_by_platform_id(session, shop.id, sorted({r.order_id for r in records}))
    existing = {
        row.platform_refund_id: row
        for part in _chunks([r.refund_id for r in records])
        for row in session.execute(
            select(Refund.id, Refund.platform_refund_id, Refund.amount_cents, Refund.state, Refund.status_raw).where(
                Refund.shop_id == shop.id, Refund.platform_refund_id.in_(part)
            )
        )
    }
    calendar: BusinessCalendar | None = None
    for record in records:
        values = {
            "platform_order_id": record.order_id,
            "order_id": orders.get(record.order_id),
            "amount_cents": record.amount_cents or 0,
            "state": record.state.value,
            "status_raw": record.status_raw,
            "kind": record.kind,
            "reason": record.reason,
            "seller_code": record.seller_code,
            "title": record.title,
            "applied_at": record.applied_at,
            "finished_at": record.finished_at,
        }
        row = existing.get(record.refund_id)
        if row is None:
            new_id = session.scalar(
                insert(Refund).returning(Refund.id),
                {"shop_id": shop.id, "platform_refund_id": record.refund_id, **values},
            )
            assert new_id is not None
            tally.log("refunds", new_id, "created")
            tally.created += 1
            if record.state == RefundState.REFUNDING and values["order_id"] is not None:
                calendar = calendar or load_calendar(session)
                ticket_id = tickets.open_for_refund(
                    session, int(str(values["order_id"])), kind=record.kind, reason=record.reason,
                    refund_cents=record.amount_cents or 0, applied_at=record.applied_at, calendar=calendar,
                )  # fmt: skip
                if ticket_id is not None:  # a new after-sale case: the service desk works it (undo removes it)
                    tally.log("tickets", ticket_id, "created")
        elif (row.amount_cents, row.state, row.status_raw) != (
            values["amount_cents"],
            values["state"],
            record.status_raw,
        ):
            before = session.execute(select(Refund).where(Refund.id == row.id)).scalar_one()
            tally.log("refunds", row.id, "updated", {k: getattr(before, k) for k in values})
            session.execute(update(Refund).where(Refund.id == row.id).values(**values))
            tally.updated += 1
        else:
            tally.unchanged += 1
    step(len(records))
    _apply_refunds_to_orders(session, sorted({v for v in orders.values()}), tally)


def _order_ids_by_platform_id(session: Session, shop_id: int, ids: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in _chunks(ids):
        stmt = select(Order.platform_order_id, Order.id).where(
            Order.shop_id == shop_id, Order.platform_order_id.in_(part)
        )
        found.update(session.execute(stmt).all())
    return found


def _apply_refunds_to_orders(session: Session, order_ids: Sequence[int], tally: _Tally) -> None:
    """A completed refund in the refund export raises the order's refunded amount (never lowers it)."""
    for part in _chunks(order_ids):
        done = (
            select(Refund.order_id, func.sum(Refund.amount_cents))
            .where(Refund.order_id.in_(part), Refund.state == RefundState.REFUNDED.value)
            .group_by(Refund.order_id)
        )
        refunded = dict(session.execute(done).all())
        rows = session.execute(
            select(Order.id, Order.paid_cents, Order.refund_cents, Order.refund_state, Order.version).where(
                Order.id.in_(part)
            )
        )
        for order_id, paid, current, state, version in rows:
            amount = min(int(refunded.get(order_id, 0)), paid)
            if amount > current:
                tally.orders_changed.add(order_id)
                tally.stock_orders.add(order_id)
                tally.log("orders", order_id, "updated", {"refund_cents": current, "refund_state": state})
                session.execute(
                    update(Order)
                    .where(Order.id == order_id)
                    .values(refund_cents=amount, refund_state=RefundState.REFUNDED.value, version=version + 1)
                )


# --- whole runs: all files or none -----------------------------------------------------------------


class ImportRefused(ImportFileError):
    """Files with problems: nothing was written. ``results`` lists each file's problems."""

    def __init__(self, message: str, results: Sequence[FileResult]) -> None:
        super().__init__(message, code="import_refused")
        self.results = tuple(results)


MappingLookup = Callable[[Sequence[str]], MappingSpec | None]


def _parse_one(
    path: Path, platform: Platform | None, mapping_lookup: MappingLookup | None, options: ImportOptions
) -> ParsedFile:
    """Read and parse one file whole (the preview)."""
    job = _plan_one(path, platform, mapping_lookup, options)
    parsed = job.start()
    job.run(parsed)
    return parsed


def _plan_one(
    path: Path, platform: Platform | None, mapping_lookup: MappingLookup | None, options: ImportOptions
) -> ParseJob:
    """Read a file and recognise its layout; a layout no parser knows (or a known one lacking required
    columns) is read with its saved column mapping; ``options.mapping`` reads every file with that one."""
    table = read_export(path)
    if options.mapping is not None:
        return _plan_mapped(table, replace(options.mapping, platform=platform or options.mapping.platform), options)
    try:
        return plan_parse(table, platform, accept_fallbacks=options.accept_fallbacks)
    except ImportFileError as exc:
        if exc.code not in MAPPABLE_ERRORS or mapping_lookup is None:
            raise
        saved = mapping_lookup(table.header)
        if saved is None:
            raise
        return _plan_mapped(table, saved, options)


# Whole-file failures a column mapping can overcome: unknown columns, or a known layout lacking some.
MAPPABLE_ERRORS = ("not_an_export", "missing_columns")


def _plan_mapped(table: Sheet, spec: MappingSpec, options: ImportOptions) -> ParseJob:
    validate_mapping(spec.columns, table.header)
    job = plan_parse(table, spec.platform, mapping=spec.columns, accept_fallbacks=options.accept_fallbacks)
    return replace(job, shop_name=spec.shop)


def import_paths(
    session: Session,
    paths: Sequence[Path],
    *,
    platform: Platform | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    actor: Actor = OWNER,
) -> ImportResults:
    """Import files as one unit: if any file has problems (and valid rows are not accepted), nothing is kept.

    Every file is read and recognised first, so an unreadable or unknown file stops the run before
    anything is written. Each file is then parsed on a helper thread while this one writes the orders
    parsed so far: SQLite works without holding the GIL, so parsing and writing overlap. The writes
    sit in a savepoint, rolled back when a file has problems (``ImportRefused``) and on a dry run.
    ``actor``: the desktop app passes who is signed in; the command line acts as the owner.
    """
    require(actor, Action.IMPORT_ORDERS)
    options = options or ImportOptions()
    # 100k+ live records: the collector's passes over them would cost as much as the work. They are
    # freed (by reference counting) before it runs again, so it never walks them at all.
    with gc_paused():

        def lookup(header: Sequence[str]) -> MappingSpec | None:
            return find_mapping(session, header)

        jobs = [(_plan_one(path, platform, lookup, options), path) for path in paths]
        # A Taobao order file before its item file: the orders' own figures come first either way.
        jobs.sort(key=lambda j: j[0].kind != FileKind.TAOBAO_ORDERS)
        results = _write_all(session, jobs, options, _RunProgress(jobs, progress, cancelled))
    return ImportResults(results, Changes() if options.dry_run else IMPORTED)


def _write_all(
    session: Session, jobs: Sequence[tuple[ParseJob, Path]], options: ImportOptions, run: _RunProgress
) -> list[FileResult]:
    savepoint = session.begin_nested()
    results: list[FileResult] = []
    refused = False  # a file had problems: the others are only parsed, for their problem lists
    try:
        for job, path in jobs:
            if refused and not options.accept_valid_rows:
                parsed = job.start()
                run.parse(job, parsed)
                results.append(_refused_result(parsed))
                continue
            result, parsed = _import_file(session, job, file_sha256(path), options, run)
            refused = refused or bool(parsed.problems)
            results.append(result if options.accept_valid_rows or not parsed.problems else _refused_result(parsed))
    except BaseException:  # a file broken halfway, a cancel, a database error: nothing is kept
        savepoint.rollback()
        raise
    if refused and not options.accept_valid_rows:
        savepoint.rollback()
        names = ", ".join(r.file_name for r in results if r.problems)
        raise ImportRefused(f"Nothing was imported: problems in {names}.", results)
    if options.dry_run:  # everything was checked and counted, nothing is kept
        savepoint.rollback()
        return [FileResult(**{**r.__dict__, "batch_id": None}) for r in results]
    savepoint.commit()
    return results


def _import_file(
    session: Session, job: ParseJob, file_hash: str, options: ImportOptions, run: _RunProgress
) -> tuple[FileResult, ParsedFile]:
    """Parse one file on a helper thread while writing its orders. When its problems refuse it, writing
    stops at the first one (the run's savepoint is rolled back) and the rest is only parsed, for the list."""
    if job.kind == FileKind.REFUNDS:  # refund exports are small and written as a whole
        return _import_whole(session, job, file_hash, options, run)
    file_savepoint = session.begin_nested()
    try:
        with BackgroundParse(job) as parsing, _parser_runs_during_statements(session, parsing):
            parsed = parsing.result
            batches = parsing.batches(ORDER_CHUNK, stop=lambda: bool(parsed.bad_rows) and not options.accept_valid_rows)
            result = _write_file(
                session, parsed, batches, file_hash, options, lambda _: run.step(parsed.rows), job.table.approx_rows
            )
    except NotGrouped:  # an order's rows are apart (a sorted file): parse it whole, then write
        file_savepoint.rollback()
        return _import_whole(session, job, file_hash, options, run)
    file_savepoint.commit()
    run.finish(parsed.rows)
    return result, parsed


@contextmanager
def _parser_runs_during_statements(session: Session, parsing: BackgroundParse) -> Iterator[None]:
    """Let the parser run while this thread waits for the database, and only then (see BackgroundParse)."""
    connection = session.connection()

    def waits(*_: object) -> None:
        parsing.importer_waits()

    def busy(*_: object) -> None:
        parsing.importer_busy()

    event.listen(connection, "before_cursor_execute", waits)
    event.listen(connection, "after_cursor_execute", busy)
    try:
        yield
    finally:
        event.remove(connection, "before_cursor_execute", waits)
        event.remove(connection, "after_cursor_execute", busy)


def _import_whole(
    session: Session, job: ParseJob, file_hash: str, options: ImportOptions, run: _RunProgress
) -> tuple[FileResult, ParsedFile]:
    """Parse a file whole on this thread, then write it."""
    parsed = job.start()
    run.parse(job, parsed)
    orders = _chunks(parsed.orders, ORDER_CHUNK)
    return _write_file(session, parsed, orders, file_hash, options, lambda _: run.step(0), parsed.rows), parsed


class _RunProgress:
    """Progress over all files of a run, in rows (estimated until each file is parsed), and cancel."""

    def __init__(
        self, jobs: Sequence[tuple[ParseJob, Path]], progress: Progress | None, cancelled: IsCancelled | None
    ) -> None:
        self.total = sum(job.table.approx_rows for job, _ in jobs) or 1
        self.done = 0  # rows of the files finished
        self._progress = progress
        self._cancelled = cancelled

    def step(self, rows: int) -> None:
        """``rows`` of the current file are done; raises ``Cancelled`` when the user cancelled."""
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("Import cancelled")
        if self._progress is not None:
            self._progress(min(self.done + rows, self.total), self.total)

    def parse(self, job: ParseJob, parsed: ParsedFile) -> None:
        """Parse a file whole, on this thread."""
        job.run(parsed)
        self.finish(parsed.rows)

    def finish(self, rows: int) -> None:
        self.done += rows
        self.step(0)


@dataclass(frozen=True)
class FilePreview:
    """What a file is, before anything is written: the import dialog shows one row per file."""

    path: Path
    file_name: str
    platform: str = ""
    kind: str = ""
    generation: str = ""
    shop: str = ""  # the shop it would go to: the file's 店铺名称, else as the import would choose
    shop_in_file: bool = False  # the file names its shop (else the user may choose another)
    rows: int = 0
    orders: int = 0
    problems: tuple[RowProblem, ...] = ()
    warnings: tuple[RowProblem, ...] = ()
    exported_at: datetime | None = None
    error_code: str = ""  # a whole-file failure (empty, not an export, ...); the row is then refused
    error: str = ""
    missing_columns: tuple[str, ...] = ()
    header: tuple[str, ...] = ()  # for the mapping dialog when no platform matched
    notes: tuple[FileNote, ...] = ()  # how the file is read (fallback columns)
    fallbacks: tuple[str, ...] = ()  # columns offered in place of ``missing_columns``, once accepted

    @property
    def importable(self) -> bool:
        return not self.error_code

    @property
    def needs_mapping(self) -> bool:
        return self.error_code in MAPPABLE_ERRORS and bool(self.header)

    @property
    def needs_fallbacks(self) -> bool:
        return self.error_code == "fallback_unconfirmed"


def preview_paths(
    session: Session,
    paths: Sequence[Path],
    *,
    platform: Platform | None = None,
    progress: Progress | None = None,
    options: ImportOptions | None = None,
) -> list[FilePreview]:
    """Parse every file and say what it holds and what is wrong, per file; writes nothing."""
    previews = []
    for n, path in enumerate(paths):
        previews.append(_preview_one(session, path, platform, options or ImportOptions()))
        if progress is not None:
            progress(n + 1, len(paths))
    return previews


def _preview_one(session: Session, path: Path, platform: Platform | None, options: ImportOptions) -> FilePreview:
    try:
        parsed = _parse_one(path, platform, lambda header: find_mapping(session, header), options)
    except ImportFileError as exc:
        header: tuple[str, ...] = ()
        if exc.code in MAPPABLE_ERRORS:
            try:
                header = tuple(read_export(path).header)
            except ImportFileError:
                header = ()
        missing = tuple(str(c) for c in exc.params.get("columns", ()))
        fallbacks = tuple(str(c) for c in exc.params.get("fallbacks", ()))
        return FilePreview(
            path, path.name, error_code=exc.code, error=exc.message, missing_columns=missing, header=header,
            fallbacks=fallbacks,
        )  # fmt: skip
    return FilePreview(
        path,
        parsed.file_name,
        platform=parsed.platform.value,
        kind=parsed.kind.value,
        generation=parsed.header_generation,
        shop=_target_shop(session, parsed, options),
        shop_in_file=bool(parsed.shop_name),
        rows=parsed.rows,
        orders=len(parsed.orders) or len(parsed.refunds),
        problems=tuple(parsed.problems),
        warnings=tuple(parsed.warnings),
        exported_at=parsed.exported_at or newest_time(parsed.orders),
        notes=tuple(parsed.notes),
    )


def _target_shop(session: Session, parsed: ParsedFile, options: ImportOptions) -> str:
    """The name of the shop the file would be imported into (the preview writes nothing)."""
    ids = [o.order_id for o in parsed.orders[:CHUNK]] or [r.order_id for r in parsed.refunds[:CHUNK]]
    given = options.shops.get(parsed.file_name) or options.shop_name
    return import_target(session, parsed.platform, given=given, in_file=parsed.shop_name, order_ids=ids)[1]


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


# --- batches and undo ---------------------------------------------------------------------------------


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
    for part in _chunks(tally.changes, 5000):
        session.execute(insert(IMPORT_CHANGES), [{"batch_id": batch_id, **c} for c in part])


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


_TABLES: dict[str, type[Order] | type[OrderItem] | type[Refund] | type[Ticket]] = {
    "orders": Order,
    "order_items": OrderItem,
    "refunds": Refund,
    "tickets": Ticket,  # after-sale tickets a refund export opened (created only)
}
_TIME_COLUMNS = (*om.ORDER_TIME_FIELDS, "shipped_at", "applied_at", "finished_at")


def undo_batch(session: Session, batch_id: int, *, actor: Actor = OWNER) -> Changes:
    require(actor, Action.IMPORT_ORDERS)
    """Restore exactly what the batch created or changed. Refused when a later batch touched the same rows."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError(f"Import batch {batch_id} does not exist.", code="batch_not_found", id=batch_id)
    if batch.status == ImportBatchStatus.UNDONE.value:
        raise ConflictError(f"Import batch {batch_id} was already undone.", code="batch_undone", id=batch_id)
    changes = (
        session.execute(select(ImportChange).where(ImportChange.batch_id == batch_id).order_by(ImportChange.id.desc()))
        .scalars()
        .all()
    )
    _refuse_if_touched_later(session, batch_id, changes)
    touched = _orders_touched(session, changes)  # before the lines it names are deleted
    old_days = rollup_days(session, sorted(touched))
    _drop_stock_of_created_lines(session, changes)
    for change in changes:  # newest first: items before the orders they belong to
        table = _TABLES[change.table_name]
        if change.action == "created":
            last = (change.before or {}).get("to", change.row_id)
            session.execute(delete(table).where(table.id.between(change.row_id, last)))
        else:
            values = om.from_jsonable(change.before or {}, _TIME_COLUMNS)
            if table is Order:
                values["version"] = Order.version + 1  # editors holding the old version must reload
            session.execute(update(table).where(table.id == change.row_id).values(**values))
    refresh_search(session, sorted(touched))
    remaining = set(session.scalars(select(Order.id).where(Order.id.in_(sorted(touched)))))
    _follow_orders(session, remaining, old_days)
    batch.status = ImportBatchStatus.UNDONE.value
    return IMPORTED


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
        .where(ImportChange.batch_id > batch_id, ImportBatch.status == ImportBatchStatus.DONE.value)
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
