"""Order search as you type: a trigram index over order id, buyer, receiver, tracking, seller codes, titles.

Of the receiver's phone the index keeps only what search needs: its last four digits (``phone_key``), so
the index is no second copy of buyers' full numbers. A full number typed in the box is reduced the same way.

SQLite keeps an FTS5 table with the trigram tokenizer (2–5 ms over a million orders, where LIKE takes
0.4 s); PostgreSQL a table with a pg_trgm GIN index. Both hold one text document per order, rebuilt
for the orders an import or an edit touched. The table is created by migration 0003, outside the ORM
models because its shape differs per database.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeAlias

from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    bindparam,
    column,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

from sellerdesk.db.after_commit import run_after_commit, wait_for_after_commit
from sellerdesk.db.bulk import bulk_insert_rows
from sellerdesk.db.engine import make_session_factory, write_lock
from sellerdesk.db.ids import id_runs
from sellerdesk.models import AppSetting, Order, OrderItem

AnySelect: TypeAlias = Select[*tuple[Any, ...]]

SEARCH_TABLE = "order_search"
_CHUNK = 500
_REBUILD_CHUNK = 2_000
_MIN_TRIGRAM = 3  # shorter terms cannot use a trigram index
# A phone in the index is this mark and the last four digits: "1234" still finds it as part of the text, and a
# full number typed in the box (reduced to its mark and last four) finds the phone, not every order id or
# tracking number that happens to hold those digits.
PHONE_MARK = "\u260e"  # ☎: nobody types it, so it only ever comes from phone_key
_PHONE_DIGITS = 4
# What a typed phone looks like: digits with the usual separators, a country code, or the stars of a
# platform's masked number; at least seven digits (fewer is more likely part of an id or a code).
_PHONE_TYPED = re.compile(r"\+?[\d\s()*-]+")
_PHONE_MIN_DIGITS = 7
# Settings of SQLite's full-text index for a bulk import, with FTS5's defaults to put back. It gathers new
# terms in memory up to "hashsize" bytes, then writes them out as a segment; a bigger buffer means fewer,
# larger segments (100,000 documents: 1.1 s -> 0.8 s). "automerge" merges segments as they are written;
# merging after the import instead (its next writes do) saved another 15 % of the index's time.
_FTS5_BULK_OPTIONS = {"hashsize": (1 << 20, 8 << 20), "automerge": (4, 0)}  # name: (default, during a bulk import)


def _table(session: Session) -> TableClause:
    if _dialect(session) == "sqlite":
        return table(SEARCH_TABLE, column("rowid"), column("doc"))
    return table(SEARCH_TABLE, column("order_id"), column("doc"))


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _key(session: Session) -> str:
    return "rowid" if _dialect(session) == "sqlite" else "order_id"


def phone_key(phone: str) -> str:
    """What the search index keeps of a phone number: the mark and its last four digits ("" without digits)."""
    digits = "".join(c for c in phone if c.isascii() and c.isdigit())
    return PHONE_MARK + digits[-_PHONE_DIGITS:] if digits else ""


def typed_phone(term: str) -> str | None:
    """``term`` reduced like an indexed phone when it looks like a phone number someone typed, else None."""
    term = term.strip()
    if not _PHONE_TYPED.fullmatch(term) or sum(c.isdigit() for c in term) < _PHONE_MIN_DIGITS:
        return None
    return phone_key(term)


def _parts(session: Session, order_ids: Sequence[int]) -> AnySelect:
    """What goes into the documents, one row per order: id, order id, buyer, receiver, phone, tracking, lines."""
    sep = literal(" ")
    lines = select(
        OrderItem.order_id.label("order_id"),
        func.coalesce(
            func.group_concat(OrderItem.seller_code + sep + OrderItem.title, " ")
            if _dialect(session) == "sqlite"
            else func.string_agg(OrderItem.seller_code + sep + OrderItem.title, " "),
            "",
        ).label("text"),
    ).group_by(OrderItem.order_id)
    docs = lines.where(OrderItem.order_id.in_(order_ids)).subquery()
    stmt = select(
        Order.id, Order.platform_order_id, Order.buyer_nick, Order.receiver_name, Order.receiver_phone,
        Order.tracking_no, func.coalesce(docs.c.text, ""),
    ).outerjoin(docs, docs.c.order_id == Order.id)  # fmt: skip
    return stmt.where(Order.id.in_(order_ids))


def _documents(session: Session, order_ids: Sequence[int]) -> list[tuple[int, str]]:
    """The documents of these orders, built in Python so the phone is reduced by the same ``document``."""
    rows = session.execute(_parts(session, order_ids))
    return [(int(r[0]), document([r[1], r[2], r[3], r[4], r[5], r[6]])) for r in rows]


def refresh_search(session: Session, order_ids: Sequence[int], *, new: bool = False) -> None:
    """Rebuild the documents of these orders (orders that no longer exist lose theirs).

    ``new``: the orders were just created, so there is nothing to delete first.
    """
    search = _table(session)
    key = _key(session)
    ids = sorted(set(order_ids))
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        if not new:
            session.execute(delete(search).where(search.c[key].in_(part)))
        add_documents(session, _documents(session, part))


def document(parts: Sequence[str]) -> str:
    """The searchable text of an order from its order id, buyer, receiver, phone, tracking number and lines.

    The phone (the fourth part) goes in reduced to ``phone_key``; an import builds the text from its records,
    ``refresh_search`` from the stored orders, both here."""
    order_id, buyer, receiver, phone, *rest = parts
    return " ".join([order_id, buyer, receiver, phone_key(phone), *rest])


@contextmanager
def bulk_indexing(session: Session) -> Iterator[None]:
    """Around adding many documents in one transaction: SQLite's index buffers more terms at a time and
    merges later. The settings are stored with the index, so they are put back afterwards (a failed
    import rolls them back)."""
    if _dialect(session) != "sqlite":
        yield
        return
    stored = {str(k): v for k, v in session.execute(text(f"SELECT k, v FROM {SEARCH_TABLE}_config"))}
    for name, (_, bulk) in _FTS5_BULK_OPTIONS.items():
        _set_fts5_option(session, name, bulk)
    yield
    for name, (default, _) in _FTS5_BULK_OPTIONS.items():
        _set_fts5_option(session, name, int(str(stored.get(name, default))))


def _set_fts5_option(session: Session, name: str, value: int) -> None:
    sql = f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}, rank) VALUES (:name, :value)"
    session.execute(text(sql), {"name": name, "value": value})


def add_documents(session: Session, docs: Sequence[tuple[int, str]]) -> None:
    """Index orders that were just created, from text the caller built with ``document``."""
    # Core's per-row parameter handling would cost a third of FTS5's own work.
    bulk_insert_rows(session, _table(session), (_key(session), "doc"), docs)


def rebuild_search(session: Session) -> int:
    """Rebuild the whole index (after a demo fill, or to repair it); returns the number of orders."""
    session.execute(text(f"DELETE FROM {SEARCH_TABLE}"))
    session.execute(delete(AppSetting).where(AppSetting.key == PENDING_SETTING))  # every order is indexed below
    ids = list(session.scalars(select(Order.id).order_by(Order.id)))
    with bulk_indexing(session):
        for start in range(0, len(ids), _REBUILD_CHUNK):
            add_documents(session, _documents(session, ids[start : start + _REBUILD_CHUNK]))
    return int(session.scalar(select(func.count()).select_from(Order)) or 0)


def order_matches(session: Session, term: str) -> ColumnElement[bool]:
    """A filter on ``Order.id`` for orders whose document contains ``term`` (case-insensitive)."""
    wait_for_after_commit()  # documents an import of this process left for after its commit (below)
    term = " ".join(term.split())
    phone = typed_phone(term)
    ids = _matching_ids(session, term, "term")
    if phone is None:
        return Order.id.in_(ids)
    return or_(Order.id.in_(ids), Order.id.in_(_matching_ids(session, phone, "phone")))


def _matching_ids(session: Session, term: str, name: str) -> AnySelect:
    """The ids of the documents holding ``term``; ``name`` keeps the parameters of two such lookups apart."""
    search = _table(session)
    key = _key(session)
    doc = search.c.doc
    if _dialect(session) == "sqlite" and len(term) >= _MIN_TRIGRAM:
        phrase = '"' + term.replace('"', '""') + '"'  # an FTS5 phrase: the trigrams in order
        match = text(f"{SEARCH_TABLE} MATCH :{name}").bindparams(**{name: phrase})
        ids = select(search.c[key]).where(match)
    else:
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        ids = select(search.c[key]).where(doc.ilike(bindparam(name, pattern), escape="\\"))
    return ids


# --- documents indexed after the commit --------------------------------------------------------------
#
# FTS5 takes ~1.4 s for the documents of 100,000 new orders, a quarter of a large import's own time. The
# documents are derived from the orders (``rebuild_search`` makes them all again), so a large import on
# SQLite commits its orders first and indexes their documents right after, on a thread of its own
# (``db.after_commit``). Until then the orders are listed, counted and in every figure; a search of this
# process waits for the documents (``order_matches``), and so does every write of this process (the
# engine's BEGIN), so nothing overtakes them. The import writes the ids still to index into the shared
# settings, in its own transaction; the thread removes them in the transaction that adds the documents.
# A crash in between leaves them there, and the next import indexes them from the stored orders.

PENDING_SETTING = "search.pending"  # [first, last] id runs of orders whose documents are still to add
# Imports of at least this many orders (a file's rows) leave their documents for after the commit; below
# it the thread's start and transaction would cost more than they save.
DEFER_MIN_ROWS = 20_000


def can_defer_documents(session: Session, rows: int) -> bool:
    """Whether an import of about ``rows`` rows leaves its documents for after its commit: on an SQLite file
    whose transaction this session owns (a session joined to an outer transaction never sees it commit)."""
    bind = session.get_bind()
    if rows < DEFER_MIN_ROWS or not isinstance(bind, Engine) or bind.dialect.name != "sqlite":
        return False
    database = bind.url.database
    return bool(database) and database != ":memory:" and "mode=memory" not in str(bind.url)


def defer_documents(session: Session, ids: Sequence[int], documents: Callable[[], dict[int, str]]) -> None:
    """Index these new orders right after the session commits: ``documents()``, called then, gives their
    documents (built with ``document``), so that building them is off the importing thread's path too."""
    if not ids:
        return
    runs = _pending_runs(session) + [[first, last] for first, last in id_runs(ids)]
    session.execute(delete(AppSetting).where(AppSetting.key == PENDING_SETTING))
    session.execute(insert(AppSetting).values(key=PENDING_SETTING, value=runs, version=1))
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    run_after_commit(session, lambda: _index_after_commit(engine, documents), name="search documents")


def _index_after_commit(engine: Engine, documents: Callable[[], dict[int, str]]) -> None:
    given = documents()
    with make_session_factory(engine)(execution_options=write_lock()) as session, session.begin():
        index_pending(session, given)


def index_pending(session: Session, given: dict[int, str] | None = None) -> int:
    """Add the documents the pending runs still lack (``given`` where it has them, else built from the
    stored orders), then clear the runs; returns how many were added. Orders deleted meanwhile (an undo)
    get none; an order edited meanwhile has its document already."""
    runs = _pending_runs(session)
    if not runs:
        return 0
    search, key = _table(session), _key(session)
    todo: list[int] = []
    for first, last in runs:
        stored = session.scalars(select(Order.id).where(Order.id.between(first, last)))
        indexed = set(session.scalars(select(search.c[key]).where(search.c[key].between(first, last))))
        todo.extend(i for i in stored if i not in indexed)
    known = given or {}
    with bulk_indexing(session):
        add_documents(session, [(i, known[i]) for i in todo if i in known])
        rest = [i for i in todo if i not in known]
        for start in range(0, len(rest), _REBUILD_CHUNK):
            add_documents(session, _documents(session, rest[start : start + _REBUILD_CHUNK]))
    session.execute(delete(AppSetting).where(AppSetting.key == PENDING_SETTING))
    return len(todo)


def _pending_runs(session: Session) -> list[list[int]]:
    value = session.scalar(select(AppSetting.value).where(AppSetting.key == PENDING_SETTING))
    return [list(run) for run in value] if isinstance(value, list) else []
