"""A read-only table model over a listing too big to hold: a row count plus a small cache of pages.

The model asks ``source.count`` once per (re)load, so the scroll bar spans every row, and fetches a page
of ``PAGE_SIZE`` rows with ``source.page`` the first time the view paints a row in it. Only the most
recently used pages are kept. Sorting is a new SQL query (``sort()``), never a proxy model.
Page fetches run synchronously on the main thread: each is one short, indexed query (Anki does the
same for its browser table); anything slower belongs in the runner.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.services.browse import PageRequest
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.resources import icon
from sellerdesk.ui.theme import status_colour

R = TypeVar("R")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's DTO
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header, how a row shows in it, and whether (and how) it sorts."""

    key: str  # the listing's sort key when ``sortable``
    title: str
    value: Callable[[R], str]
    align: Qt.AlignmentFlag = LEFT
    width: int = 120
    sortable: bool = True
    newest_first: bool = False  # first click sorts descending (times, amounts)
    warning: Callable[[R], str] | None = None  # non-empty text: a warning icon with that tooltip
    full_tooltip: bool = False  # long text that may be cut off: the whole of it on hover
    tone: Callable[[R], str] | None = None  # "warning" / "danger": the text in amber / red ("" plain)


class Zoned(Protocol):
    """A row that knows its shop's time zone."""

    @property
    def timezone(self) -> str: ...


Z = TypeVar("Z", bound=Zoned)


def shop_time_column(key: str, title: str, instant: Callable[[Z], datetime | None], width: int = 130) -> Column[Z]:
    """A time of the row in its shop's zone (never the computer's); the first click sorts newest first."""
    return Column(key, title, lambda r: fmt.shop_time(instant(r), r.timezone), width=width, newest_first=True)


@dataclass(frozen=True)
class Source(Generic[R]):
    """Where a listing's rows come from: ``services.browse`` functions."""

    count: Callable[[Session, str], int]
    page: Callable[[Session, PageRequest], tuple[R, ...]]


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Signals:
    reloaded(total): the row count after a (re)load.
    load_failed(exception): the database could not be read; the rows stay empty until the next reload.
    """

    PAGE_SIZE = 100
    MAX_PAGES = 20  # 2,000 rows at most in memory, whatever the table's size

    reloaded = Signal(int)
    load_failed = Signal(object)

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        source: Source[R],
        columns: list[Column[R]],
        *,
        sort: str,
        descending: bool,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._session_factory = session_factory
        self._source = source
        self._columns = columns
        self._sort = sort
        self._descending = descending
        self._search = ""
        self._total = 0
        self._pages: OrderedDict[int, tuple[R, ...]] = OrderedDict()
        self._failed = False

    # ------------------------------------------------------------ public

    @property
    def total(self) -> int:
        return self._total

    @property
    def search(self) -> str:
        return self._search

    def column(self, index: int) -> Column[R]:
        return self._columns[index]

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        """The sorted column and direction, for the header's indicator."""
        keys = [c.key for c in self._columns]
        column = keys.index(self._sort) if self._sort in keys else -1
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return column, order

    def row_at(self, row: int) -> R | None:
        if not 0 <= row < self._total:
            return None
        page_no = row // self.PAGE_SIZE
        page = self._page(page_no)
        offset = row - page_no * self.PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def reload(self) -> None:
        """Count again and forget every cached page (after a change, a sort or a new search)."""
        self._failed = False
        try:
            with self._session_factory() as session:
                total = self._source.count(session, self._search)
        except SQLAlchemyError as exc:
            total = 0
            self._report_failure(exc)
        self.beginResetModel()
        self._pages.clear()
        self._total = total
        self.endResetModel()
        self.reloaded.emit(total)

    def set_search(self, text: str) -> None:
        if text.strip() != self._search:
            self._search = text.strip()
            self.reload()

    # ------------------------------------------------------------ Qt overrides

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row()) if column.tone is not None else None
            tone = column.tone(row) if column.tone is not None and row is not None else ""
            return status_colour(tone) if tone else None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            ROW_ROLE,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        warning = column.warning(row) if column.warning else ""
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("warning") if warning else None
        if warning:
            return warning
        return (column.value(row) or None) if column.full_tooltip else None  # tooltip

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in the new order; columns without an index-backed sort are left as they are."""
        if not 0 <= column < len(self._columns) or not self._columns[column].sortable:
            return
        self._sort = self._columns[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # ------------------------------------------------------------ pages

    def _page(self, page_no: int) -> tuple[R, ...]:
        page = self._pages.get(page_no)
        if page is not None:
            self._pages.move_to_end(page_no)
            return page
        if self._failed:
            return ()
        request = PageRequest(
            sort=self._sort,
            descending=self._descending,
            search=self._search,
            offset=page_no * self.PAGE_SIZE,
            limit=self.PAGE_SIZE,
        )
        try:
            with self._session_factory() as session:
                page = self._source.page(session, request)
        except SQLAlchemyError as exc:
            self._report_failure(exc)
            return ()
        self._pages[page_no] = page
        if len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def _report_failure(self, exc: SQLAlchemyError) -> None:
        # Once per load: a view repaints often and must not raise a dialog per paint.
        if not self._failed:
            self._failed = True
            self.load_failed.emit(exc)
