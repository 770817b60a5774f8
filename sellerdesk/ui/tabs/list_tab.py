"""The frame every list tab shares: title and count, a search box, the table, an empty state.

A subclass names its columns, its ``services.browse`` source and its texts; this class does the rest:
loading when first shown, re-querying on a header click or a search, and reloading when a job's
``Changes`` touch its data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.changes import Changes
from sellerdesk.ui import errors
from sellerdesk.ui.resources import icon
from sellerdesk.ui.tablemodels.paged import Column, PagedTableModel, Source
from sellerdesk.ui.widgets.empty_state import EmptyAction, EmptyState
from sellerdesk.ui.widgets.headers import widen_to_captions
from sellerdesk.ui.widgets.util import named

SEARCH_DELAY_MS = 300  # wait for a pause in typing before querying


class ListTab(QWidget):
    """Base of the five list tabs; subclasses fill in the class attributes and the text methods.

    Signals:
        action_requested(str): an empty state's button asks the window for "import" (File → Import
            exports…), "demo", "shops" or "wizard".
    """

    action_requested = Signal(str)

    key = ""  # stable name: settings, View menu, tests
    icon_name = ""
    stale_on: frozenset[str] = frozenset()  # Changes fields that make this list out of date
    default_sort = ("id", False)

    def __init__(self, session_factory: sessionmaker[Session], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.key}Tab")
        self._stale = True
        sort, descending = self.default_sort
        self.model: PagedTableModel[Any] = PagedTableModel(
            session_factory, self.source(), self.columns(), sort=sort, descending=descending, parent=self
        )
        self.model.reloaded.connect(self._on_model_reloaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self._build()

    # ------------------------------------------------------------ for subclasses

    def title(self) -> str:
        raise NotImplementedError

    def columns(self) -> list[Column[Any]]:
        raise NotImplementedError

    def source(self) -> Source[Any]:
        raise NotImplementedError

    def count_text(self, count: int) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def empty_actions(self) -> list[EmptyAction]:
        """The buttons under ``empty_text()`` when nothing is filtered: what to do next (none by default)."""
        return []

    def search_placeholder(self) -> str:
        raise NotImplementedError

    def search_help(self) -> str:
        """The search box's tooltip: what it looks in."""
        return self.tr("Shows the rows that contain the text you type (upper or lower case alike).")

    # ------------------------------------------------------------ public

    def reload(self) -> None:
        self._stale = False
        self.model.reload()
        self._show_sort_indicator()

    def on_changes(self, changes: Changes) -> None:
        """Mark the list stale when ``changes`` touch its data; reload at once if it is on screen."""
        if any(getattr(changes, kind) for kind in self.stale_on):
            self._stale = True
            if self.isVisible():
                self.reload()

    @property
    def stale(self) -> bool:
        return self._stale

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        title = named(QLabel(self.title()), "pageTitle")
        self._count = named(QLabel(), "pageCount")
        self.search_box = named(QLineEdit(placeholderText=self.search_placeholder()), "searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setToolTip(self.search_help())
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setMinimumWidth(300)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self._apply_search)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self._count, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.search_box)

        self.view = self._build_view()
        self._empty = EmptyState()
        self._stack = QStackedWidget()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self._empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self._stack, 1)

    def _build_view(self) -> QTableView:
        view = named(QTableView(), "dataTable")
        view.setModel(self.model)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setShowGrid(False)
        view.setCornerButtonEnabled(False)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size hints over a million rows
        rows.setDefaultSectionSize(34)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        for i in range(self.model.columnCount()):
            header.resizeSection(i, self.model.column(i).width)
        widen_to_captions(view)  # no clipped caption in a longer language
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        return view

    # ------------------------------------------------------------ slots

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search_box.text())

    def _on_header_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        current, _ = self.model.sort_state()
        column = self.model.column(section)
        if not column.sortable:
            self._show_sort_indicator()  # put the arrow back where the rows really are sorted
            return
        if section != current and column.newest_first:
            order = Qt.SortOrder.DescendingOrder
        self.model.sort(section, order)
        self._show_sort_indicator()

    def _show_sort_indicator(self) -> None:
        header = self.view.horizontalHeader()
        column, order = self.model.sort_state()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def _on_model_reloaded(self, total: int) -> None:
        self._count.setText(self.count_text(total))
        if total:
            self._stack.setCurrentWidget(self.view)
            return
        search = self.model.search
        if search:
            self._empty.set_state(self.tr("Nothing matches “{term}”.").format(term=search))
        else:
            self._empty.set_state(self.empty_text(), self.empty_actions())
        self._stack.setCurrentWidget(self._empty)

    def _on_model_load_failed(self, exc: BaseException) -> None:
        # Not from inside a paint: show it once the event loop is free.
        QTimer.singleShot(0, lambda: errors.show_error(self.window(), exc))
