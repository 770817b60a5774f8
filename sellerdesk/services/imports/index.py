"""Index: the search documents of the orders an import writes, and the indexes a large first import
builds once at its end."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from sellerdesk.db.bulk import indexes_deferred
from sellerdesk.domain.records import OrderRecord
from sellerdesk.services.imports.common import ORDER_ITEMS, ORDERS
from sellerdesk.services.search import add_documents, bulk_indexing, defer_documents, document

if TYPE_CHECKING:
    from sellerdesk.services.imports.write import _FileWrite


def _add_documents(w: _FileWrite) -> None:
    add_documents(w.session, [(order_id, _document(record)) for order_id, record in w.documents])
    w.documents = []


def _defer_documents(w: _FileWrite) -> None:
    """The documents of the new orders are built and added right after the commit (``defer_documents``)."""
    new = w.documents
    defer_documents(w.session, [order_id for order_id, _ in new], lambda: {i: _document(r) for i, r in new})
    w.documents = []


def _document(record: OrderRecord) -> str:
    items = (f"{i.seller_code} {i.title}" for i in record.items)
    return document(
        [record.order_id, record.buyer_nick, record.receiver_name, record.receiver_phone, record.tracking_no, *items]
    )


@contextmanager
def indexing(session: Session, *, first_import: bool, expected_rows: int) -> Iterator[None]:
    """While a file's orders are written: the search index takes them in bulk, and a shop's first import
    (every order new) drops the secondary order and line indexes and builds them once, at the end."""
    with ExitStack() as stack:
        stack.enter_context(bulk_indexing(session))
        if first_import:
            for table in (ORDERS, ORDER_ITEMS):
                stack.enter_context(indexes_deferred(session, table, adding=expected_rows))
        yield
