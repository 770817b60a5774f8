"""The orders list's model: a windowed model over a filtered, sorted view of up to millions of orders.

It pages like ``PagedTableModel`` (a count, then a few cached pages of rows) with two sources of
pages: by position (an index walk from the nearer end, used for the first paint) and, once the view's
id list has arrived from the database worker (8 bytes an order), by id, so that any scroll-bar jump is
one ``WHERE id IN (…)`` of a hundred rows. The id list is asked for through ``ids_wanted`` and handed
back with ``set_ids``; a list for an older query is ignored.

A sort without an index of its own (``services.orders.INDEXED_SORTS``) is never paged by position into
the middle (that would be an OFFSET after a full sort, seconds per jump): until the id list is in, only
the pages at either end are read, and the rows between stay blank for the moment it takes.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.permissions import OWNER, Actor
from sellerdesk.services import orders as svc
from sellerdesk.services.browse import PageRequest
from sellerdesk.services.orders import OrderFilter, OrderListRow, OrderSort
from sellerdesk.ui.tablemodels.paged import Column, PagedTableModel, Source
from sellerdesk.ui.theme import status_colour

AnyIndex = QModelIndex | QPersistentModelIndex


class OrdersTableModel(PagedTableModel[OrderListRow]):
    """Signals (besides the paged model's): ids_wanted(generation) shortly after a reload of a long view."""

    ids_wanted = Signal(int)
    IDS_DELAY_MS = 50

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        columns: list[Column[OrderListRow]],
        *,
        sort: str = "paid_at",
        descending: bool = True,
        parent: Any = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        source = Source(self._count, self._page_rows)
        super().__init__(session_factory, source, columns, sort=sort, descending=descending, parent=parent)
        self._filter = OrderFilter()
        self.actor: Actor = OWNER  # the tab sets the signed-in staff member (receivers' contact is guarded)
        self._ids: array[int] | None = None
        self._generation = 0
        self._clock = clock or (lambda: datetime.now(UTC))
        self._now = self._clock()
        self._waiting = False
        # The id list is asked for a moment after a load: the first page is painted before the worker
        # starts reading, and a burst of loads (typing in the search box) asks only once.
        self._ids_timer = QTimer(self, singleShot=True, interval=self.IDS_DELAY_MS)
        self._ids_timer.timeout.connect(lambda: self.ids_wanted.emit(self._generation))

    # ------------------------------------------------------------ public

    @property
    def order_filter(self) -> OrderFilter:
        return replace(self._filter, search=self._search)

    @property
    def order_sort(self) -> OrderSort:
        return OrderSort(self._sort, self._descending)

    @property
    def now(self) -> datetime:
        """The instant "late" was judged at for the rows on screen."""
        return self._now

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def has_ids(self) -> bool:
        return self._ids is not None

    def set_filter(self, flt: OrderFilter) -> None:
        """New filters (the search text stays the search box's)."""
        flt = replace(flt, search="")
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def set_view(
        self, flt: OrderFilter, *, search: str | None = None, sort: tuple[str, bool] | None = None, reload: bool = True
    ) -> None:
        """Filters, search and sort at once (a dashboard queue): one query instead of one per change."""
        self._filter = replace(flt, search="")
        if search is not None:
            self._search = search.strip()
        if sort is not None:
            self._sort, self._descending = sort
        if reload:
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        self._ids = None
        self._waiting = False
        self._now = self._clock()
        super().reload()
        if self._total > self.PAGE_SIZE:
            self._ids_timer.start()
        else:
            self._ids_timer.stop()

    def set_ids(self, generation: int, ids: array[int]) -> None:
        """The view's ids, read on the worker; later pages are fetched by id."""
        if generation != self._generation:
            return  # an older query's answer
        self._ids = ids
        if len(ids) != self._total:  # orders came or went between the count and the list
            self.beginResetModel()
            self._pages.clear()
            self._total = len(ids)
            self.endResetModel()
            self.reloaded.emit(self._total)
        elif self._waiting and self._total:
            self._waiting = False
            self._pages.clear()  # the blank pages of an unindexed sort: read them by id now
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, self.columnCount() - 1))

    # ------------------------------------------------------------ Qt overrides

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            return QBrush(status_colour("late")) if row is not None and row.late else None
        return super().data(index, role)

    # ------------------------------------------------------------ the paged model's source

    def _count(self, session: Session, _search: str) -> int:
        return svc.count_orders(session, self.order_filter, self._now)

    def _page_rows(self, session: Session, request: PageRequest) -> tuple[OrderListRow, ...]:
        if self._ids is not None:
            return svc.orders_by_ids(
                session, self._ids[request.offset : request.offset + request.limit], self._now, actor=self.actor
            )
        if not self._by_position_ok(request.offset // self.PAGE_SIZE):
            self._waiting = True  # blank until the id list arrives (set_ids repaints)
            return ()
        return svc.order_page(
            session,
            self.order_filter,
            self.order_sort,
            self._now,
            offset=request.offset,
            limit=request.limit,
            total=self._total,
            actor=self.actor,
        )

    def _by_position_ok(self, page_no: int) -> bool:
        """Index-backed sorts page by position anywhere; the others only at either end (LIMIT, no OFFSET)."""
        if self._sort in svc.INDEXED_SORTS:
            return True
        last = (self._total - 1) // self.PAGE_SIZE
        return page_no in (0, last)
