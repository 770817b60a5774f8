"""Write: a file's orders, batch by batch, created in bulk or merged into what the shop holds."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from sellerdesk.db.bulk import bulk_insert_rows
from sellerdesk.db.ids import reserve_ids
from sellerdesk.domain.enums import Platform
from sellerdesk.domain.orders import Recency, export_recency
from sellerdesk.domain.records import FileKind, OrderRecord, ParsedFile
from sellerdesk.domain.timeutil import DEFAULT_TZ, shop_time, utcnow
from sellerdesk.models import (
    Buyer,
    Listing,
    Order,
    OrderItem,
    Sku,
)
from sellerdesk.platforms.stamps import newest_time
from sellerdesk.services import order_merge as om
from sellerdesk.services.imports.common import (
    BUYERS,
    CHUNK,
    INCOMPLETE_EXAMPLES,
    ORDER_ITEMS,
    ORDERS,
    SEARCH_CHUNK,
    FileResult,
    ImportOptions,
    _chunks,
    _lookup_size,
    _Tally,
)
from sellerdesk.services.imports.follow import _finish_batch, _start_batch
from sellerdesk.services.imports.index import _add_documents, _defer_documents, indexing
from sellerdesk.services.imports.refunds import _write_refunds
from sellerdesk.services.rollup import ShopDay, refresh_rollup, rollup_days
from sellerdesk.services.search import can_defer_documents, refresh_search
from sellerdesk.services.shops import ShopRow, resolve_import_shop
from sellerdesk.services.stock import sync_order_stock
from sellerdesk.services.zones import shop_timezones


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
    # A large import indexes its new orders' documents right after its commit (services.search).
    defer = can_defer_documents(session, expected_rows)
    with indexing(session, first_import=not known_shop, expected_rows=expected_rows):
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
            if len(w.documents) >= SEARCH_CHUNK and not defer:
                _add_documents(w)
            step(len(chunk))
        if defer:
            _defer_documents(w)
        else:
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
    documents: list[tuple[int, OrderRecord]] = field(default_factory=list)  # new orders whose documents are to add

    def order_row(self, record: OrderRecord) -> tuple[Any, ...]:
        """The ``om.ORDER_COLUMNS`` values an insert of ``record`` would write."""
        buyer_id = self.buyers.get(record.buyer_nick)
        return om.new_order_row(record, amounts_from_lines=self.from_lines, buyer_id=buyer_id)


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
        (order_id, *head, r.order_id, now, 1, w.exported_at, *w.order_row(r))
        for order_id, r in zip(ids, records, strict=True)
    ]
    bulk_insert_rows(w.session, ORDERS, om.NEW_ORDER_COLUMNS, rows)
    w.tally.log_created("orders", ids)
    w.tally.incomplete.extend(r.order_id for r in records if r.incomplete)
    w.tally.days |= _paid_days(w.session, w.shop.id, records)
    _create_items(w, zip(ids, records, strict=True))
    w.documents.extend(zip(ids, records, strict=True))
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
    """The roll-up days of new orders, from their records (``rollup_days`` would read them back, 6x slower).

    Every time zone's offset is a whole number of quarter hours, so a quarter hour of UTC lies within one
    day of the shop's: its zone rule runs once per quarter hour paid in, not once per order."""
    zone = shop_timezones(session).get(shop_id, DEFAULT_TZ)
    paid = (r.paid_at for r in records if r.paid_at is not None)
    quarters = {int((t if t.tzinfo else t.replace(tzinfo=UTC)).timestamp()) // _QUARTER for t in paid}
    return {(shop_id, shop_time(datetime.fromtimestamp(q * _QUARTER, UTC), zone).date()) for q in quarters}


_QUARTER = 15 * 60  # seconds


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
    w.tally.seen.extend(stored_id for stored_id, _ in order_ids.values())
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


# The stored state of the orders and lines an import merges into is read through Core on the session's
# connection, in one query per batch: the ORM's result path and 500-id queries took 2.0 s for 100,000
# orders, this 1.2 s (a re-import reads every order and line of the file). Nothing the ORM holds pending
# is missed: imports write orders and lines with Core statements, executed at once.


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
        rows = [(i, platform.value, nick) for i, nick in zip(ids, missing, strict=True)]
        bulk_insert_rows(session, BUYERS, ("id", "platform", "nick"), rows)
        found.update(zip(missing, ids, strict=True))
    return found
