"""Team tasks: the board (drag cards between and within columns), the list, and one person's tasks (overdue,
today, upcoming); filters by person, due date, priority and link; new tasks, recurring tasks and promotions.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.labels import PRIORITIES
from sellerdesk.services import tasks
from sellerdesk.services.browse import TaskRow
from sellerdesk.services.tasks import Board, MyTasks, TaskCard, TaskFilter
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.dialogs.task_texts import LINK_KINDS, link_kind
from sellerdesk.ui.resources import icon, theme_colour
from sellerdesk.ui.tablemodels.paged import ROW_ROLE, Column, PagedTableModel, Source
from sellerdesk.ui.widgets.empty_state import EmptyState
from sellerdesk.ui.widgets.headers import widen_to_captions
from sellerdesk.ui.widgets.task_board import CARD_ROLE, BoardWidget, LaneModel, card_view
from sellerdesk.ui.widgets.util import named

VIEWS = ("board", "list", "mine")
QUEUE_FILTERS = {"tasks_due_today": "today", "tasks_overdue": "overdue"}
SEARCH_DELAY_MS = 300


def _style() -> str:
    c = {name: theme_colour(name).name() for name in ("accent", "accent-soft", "border", "text-muted", "grid")}
    return f"""
    QPushButton#viewButton {{ border-radius: 0; padding: 4px 14px; margin-left: -1px; }}
    QPushButton#viewButton:checked {{
        background: {c["accent-soft"]}; color: {c["accent"]}; border-color: {c["accent"]};
    }}
    QFrame#scopeBar {{ background: {c["accent-soft"]}; border: 1px solid {c["accent"]}; border-radius: 6px; }}
    QFrame#taskLaneFrame {{ background: {c["grid"]}; border: 1px solid {c["border"]}; border-radius: 8px; }}
    QLabel#taskLaneTitle {{ font-weight: 600; padding: 2px 4px; }}
    QLabel#taskLaneMore, QLabel#mineHint {{ color: {c["text-muted"]}; }}
    QListView#taskLane {{ background: transparent; border: none; }}
    QLabel#mineSection {{ font-weight: 600; padding-top: 4px; }}
    """


class TasksTab(QWidget):
    key = "tasks"
    icon_name = "tasks"
    stale_on = frozenset({"tasks", "staff"})

    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasksTab")
        self.setStyleSheet(_style())
        self._runner = runner
        self._stale = True
        self._filter = TaskFilter()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_filters_changed)
        self.board_data: Board | None = None
        self._build()

    # ------------------------------------------------------------ public

    def title(self) -> str:
        return self.tr("Team tasks")

    @property
    def stale(self) -> bool:
        return self._stale

    @property
    def current_view(self) -> str:
        return VIEWS[self._stack.currentIndex()]

    def show_view(self, view: str) -> None:
        self.empty_state.hide()  # the board says again when it is empty
        self._view_buttons[view].setChecked(True)
        self._stack.setCurrentIndex(VIEWS.index(view))
        self.reload()

    def task_filter(self) -> TaskFilter:
        return self._filter

    def set_filter(self, flt: TaskFilter, scope: str = "") -> None:
        """Show ``flt`` in the filter bar and apply it. A filter of given tasks (``flt.ids``) has no control
        of its own: ``scope`` says above the list what they are, beside a button that shows all tasks again."""
        for combo in (self.person, self.due, self.priority, self.link):
            combo.blockSignals(True)
        person: object = "none" if flt.unassigned else flt.assignee_id
        self.person.setCurrentIndex(max(self.person.findData(person), 0))
        self.due.setCurrentIndex(max(self.due.findData(flt.due), 0))
        self.priority.setCurrentIndex(max(self.priority.findData(flt.priority), 0))
        self.link.setCurrentIndex(max(self.link.findData(flt.link_kind), 0))
        for combo in (self.person, self.due, self.priority, self.link):
            combo.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.setText(flt.search)
        self.search_box.blockSignals(False)
        self._filter = flt
        self.scope_label.setText(scope or self.tr("Only the tasks that were asked for are listed."))
        self.reload()

    def apply_queue(self, key: str) -> None:
        """A Home queue: the list of exactly its tasks (due today and not late yet / overdue)."""
        self._load_people()
        self.set_filter(TaskFilter(due=QUEUE_FILTERS[key]))
        self.show_view("list")

    def reload(self) -> None:
        self._stale = False
        self._count.setText("")
        view = self.current_view
        self.scope_bar.setVisible(bool(self._filter.ids) and view != "mine")  # "My tasks" lists by person
        if view == "board":
            flt = self._filter
            self._runner.run(
                lambda s, _j: tasks.load_board(s, flt), on_success=self._show_board, parent=self, writes=False
            )
        elif view == "list":
            self.list_model.reload()
        else:
            self._load_mine()

    def on_changes(self, changes: Changes) -> None:
        if any(getattr(changes, kind) for kind in self.stale_on):
            self._stale = True
            if changes.staff:
                self._load_people()
            if self.isVisible():
                self.reload()

    def open_task(self, task_id: int | None, mode: str = "task") -> Any:
        """Open the editor (``task_id`` None: a new task of ``mode``); returns the dialog (shown modeless)."""
        from sellerdesk.ui.dialogs.task_editor import TaskEditorDialog

        dialog = TaskEditorDialog(self._runner, task_id, mode=mode, on_saved=lambda _id: self.reload(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def move_card(self, task_id: int, version: int, column: str, before_id: int | None) -> None:
        self._runner.run(
            lambda s, _j: tasks.move_task(s, task_id, column, before_id, expected_version=version),
            on_success=lambda _c: self.reload(),
            on_error=self._on_move_failed,
            parent=self,
        )

    def assign(self, card: TaskCard, staff_id: int | None) -> None:
        self._runner.run(
            lambda s, _j: tasks.assign_task(s, card.id, staff_id, expected_version=card.version),
            on_success=lambda _c: self.reload(),
            on_error=self._on_move_failed,
            parent=self,
        )

    def complete(self, card: TaskCard) -> None:
        self._runner.run(
            lambda s, _j: tasks.complete_task(s, card.id, expected_version=card.version),
            on_success=lambda _c: self.reload(),
            on_error=self._on_move_failed,
            parent=self,
        )

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        title = named(QLabel(self.title()), "pageTitle")
        self._count = named(QLabel(), "pageCount")
        self._view_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        for view, text in zip(VIEWS, (self.tr("Board"), self.tr("List"), self.tr("My tasks")), strict=True):
            button = named(QPushButton(text), "viewButton")
            button.setCheckable(True)
            group.addButton(button)
            button.clicked.connect(lambda _c=False, v=view: self.show_view(v))
            switch.addWidget(button)
            self._view_buttons[view] = button
        self._view_buttons["board"].setChecked(True)
        new = self.new_button = named(QPushButton(self.tr("New")), "newTaskButton")
        new.setToolTip(self.tr("A new task, recurring task or promotion"))
        menu = QMenu(new)
        menu.addAction(self.tr("Task…"), lambda: self.open_task(None))
        menu.addAction(self.tr("Recurring task…"), lambda: self.open_task(None, "recurring"))
        menu.addAction(self.tr("Promotion…"), lambda: self.open_task(None, "promotion"))
        new.setMenu(menu)
        settings = QPushButton(self.tr("Board settings…"))
        settings.setToolTip(self.tr("The board's columns and the task rules"))
        settings.clicked.connect(self._on_settings)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self._count, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addLayout(switch)
        top.addSpacing(12)
        top.addWidget(settings)
        top.addWidget(new)

        self._stack = QStackedWidget()
        self.board = BoardWidget()
        self.board.move_requested.connect(self.move_card)
        self.board.open_requested.connect(self.open_task)
        self.board.menu_requested.connect(self._on_card_menu)
        self._stack.addWidget(self.board)
        self._stack.addWidget(self._build_list())
        self._stack.addWidget(self._build_mine())

        # Shown over an empty, unfiltered board: what this page is for and the first step.
        self.empty_state = EmptyState()
        self.empty_state.set_state(
            self.tr(
                "No tasks yet.\nPlan the team's work here: tasks with a person and a due date, recurring chores "
                "and promotions. Drag the cards from column to column as the work moves on."
            ),
            [(self.tr("New task…"), lambda: self.open_task(None))],
        )
        self.empty_state.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # above the board
        self.empty_state.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_scope_bar())
        layout.addWidget(self.empty_state)
        layout.addWidget(self._stack, 1)

    def _build_filters(self) -> QHBoxLayout:
        self.person = QComboBox()
        self.person.setMinimumWidth(130)
        self._load_people()
        self.due = QComboBox()
        due_texts = (
            self.tr("Any due date"),
            self.tr("Overdue"),
            self.tr("Due today"),
            self.tr("Due in the next 7 days"),
            self.tr("No due date"),
        )
        for code, text in zip(tasks.DUE_FILTERS, due_texts, strict=True):
            self.due.addItem(text, code)
        self.priority = QComboBox()
        self.priority.addItem(self.tr("Any priority"), "")
        for code in PRIORITIES:
            self.priority.addItem(labels.priority(code), code)
        self.link = QComboBox()
        self.link.addItem(self.tr("Any link"), "")
        for code in LINK_KINDS:
            self.link.addItem(self.tr("Linked to: {kind}").format(kind=link_kind(code)), code)
        self.link.addItem(self.tr("Promotions"), "promotion")
        self.search_box = named(QLineEdit(placeholderText=self.tr("Search task titles")), "searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.person.setToolTip(self.tr("Whose tasks"))
        self.due.setToolTip(self.tr("Due date"))
        self.priority.setToolTip(self.tr("Priority"))
        self.link.setToolTip(self.tr("What the task is linked to"))
        self.search_box.setToolTip(self.tr("Shows the tasks whose title contains the text you type"))
        clear = QPushButton(self.tr("Clear filters"))
        clear.setToolTip(self.tr("Show every task again"))
        clear.clicked.connect(lambda: self.set_filter(TaskFilter()))
        row = QHBoxLayout()
        for combo in (self.person, self.due, self.priority, self.link):
            combo.currentIndexChanged.connect(self._on_filters_changed)
            row.addWidget(combo)
        row.addWidget(self.search_box, 1)
        row.addWidget(clear)
        return row

    def _build_scope_bar(self) -> QFrame:
        """Over a list of given tasks (a review figure's): what they are, and the way back to all tasks."""
        self.scope_bar = named(QFrame(), "scopeBar")
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        show_all = QPushButton(self.tr("Show all tasks"))
        show_all.clicked.connect(lambda: self.set_filter(TaskFilter()))
        row = QHBoxLayout(self.scope_bar)
        row.setContentsMargins(10, 4, 6, 4)
        row.addWidget(self.scope_label, 1)
        row.addWidget(show_all)
        self.scope_bar.hide()
        return self.scope_bar

    def _load_people(self) -> None:
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), None)
        self.person.addItem(self.tr("Unassigned"), "none")
        with self._runner.session_factory() as session:
            for staff in tasks.list_staff(session):
                self.person.addItem(staff.name, staff.id)
        self.person.setCurrentIndex(max(self.person.findData(current), 0))
        self.person.blockSignals(False)

    def _build_list(self) -> QTableView:
        unassigned, overdue = self.tr("Unassigned"), self.tr("Overdue")

        def late(row: TaskRow) -> str:
            return overdue if row.status != "done" and row.due_date and row.due_date < date.today() else ""

        columns: list[Column[Any]] = [
            Column("title", self.tr("Task"), lambda r: r.title, width=380, full_tooltip=True),
            Column("status", self.tr("Status"), lambda r: labels.task_status(r.status), width=100),
            Column("assignee", self.tr("Assignee"), lambda r: r.assignee or unassigned, width=130),
            Column("due_date", self.tr("Due"), lambda r: fmt.day(r.due_date), width=130, warning=late),
            Column("priority", self.tr("Priority"), lambda r: labels.priority(r.priority), width=90, newest_first=True),
        ]
        source: Source[Any] = Source(
            lambda s, search: tasks.count_task_rows(s, self._filter, search),
            lambda s, request: tasks.task_rows(s, self._filter, request),
        )
        factory = self._runner.session_factory
        self.list_model: PagedTableModel[Any] = PagedTableModel(
            factory, source, columns, sort="due_date", descending=False, parent=self
        )
        self.list_model.reloaded.connect(lambda total: self._count.setText(self.tr("%Ln task(s)", "", total)))
        view = named(QTableView(), "dataTable")
        view.setModel(self.list_model)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setShowGrid(False)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(34)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        for i, column in enumerate(columns):
            header.resizeSection(i, column.width)
        widen_to_captions(view)
        sorted_by, order = self.list_model.sort_state()
        header.setSortIndicator(sorted_by, order)  # where the rows really are sorted (by due date)
        header.sortIndicatorChanged.connect(lambda section, order: self.list_model.sort(section, order))
        view.activated.connect(self._on_list_activated)
        self.list_view = view
        return view

    def _build_mine(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.mine_hint = named(QLabel(wordWrap=True), "mineHint")
        box.addWidget(self.mine_hint)
        row = QHBoxLayout()
        self.mine_models: dict[str, LaneModel] = {}
        self.mine_titles: dict[str, QLabel] = {}
        for key in ("overdue", "today", "upcoming"):
            column = QVBoxLayout()
            title = named(QLabel(), "mineSection")
            model = LaneModel(None, self)
            view = card_view(model)
            view.activated.connect(lambda index: self.open_task(index.data(CARD_ROLE).id))
            column.addWidget(title)
            column.addWidget(view, 1)
            row.addLayout(column, 1)
            self.mine_models[key], self.mine_titles[key] = model, title
        box.addLayout(row, 1)
        return page

    # ------------------------------------------------------------ loading

    def _show_board(self, board: Board) -> None:
        self.board_data = board
        self.board.set_board(board)
        total = sum(len(lane.cards) + lane.hidden for lane in board.lanes)
        self._count.setText(self.tr("%Ln task(s)", "", total))
        self.empty_state.setVisible(total == 0 and self._filter == TaskFilter())

    def _load_mine(self) -> None:
        person = self.person.currentData()
        if person is None:
            self.mine_hint.setText(self.tr("Choose a person in the first filter to see their tasks."))
            self.mine_hint.show()
            for model in self.mine_models.values():
                model.set_cards((), datetime.now())
            self._show_mine_titles(None)
            return
        self.mine_hint.hide()
        staff_id = None if person == "none" else int(person)
        self._runner.run(lambda s, _j: tasks.my_tasks(s, staff_id), on_success=self._show_mine, parent=self)

    def _show_mine(self, mine: MyTasks) -> None:
        for key in self.mine_models:
            self.mine_models[key].set_cards(getattr(mine, key), mine.now_local)
        self._show_mine_titles(mine)

    def _show_mine_titles(self, mine: MyTasks | None) -> None:
        texts = {
            "overdue": self.tr("Overdue ({n})"),
            "today": self.tr("Today ({n})"),
            "upcoming": self.tr("Next {days} days ({n})").replace("{days}", str(tasks.UPCOMING_DAYS)),
        }
        for key, text in texts.items():
            n = len(getattr(mine, key)) if mine else 0
            self.mine_titles[key].setText(text.format(n=fmt.count(n)))

    # ------------------------------------------------------------ slots

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_filters_changed(self) -> None:
        self._search_timer.stop()
        person = self.person.currentData()
        self._filter = TaskFilter(
            assignee_id=person if isinstance(person, int) else None,
            unassigned=person == "none",
            due=self.due.currentData(),
            priority=self.priority.currentData(),
            link_kind=self.link.currentData(),
            search=self.search_box.text(),
            ids=self._filter.ids,  # the filters narrow a list of given tasks; "Show all tasks" ends it
        )
        self.reload()

    def _on_list_activated(self, index: Any) -> None:
        row = self.list_model.data(index, ROW_ROLE)
        if row is not None:
            self.open_task(row.id)

    def _on_move_failed(self, exc: BaseException) -> None:
        from sellerdesk.ui import errors

        self.reload()  # put the card back where it is stored
        errors.show_error(self.window(), exc)

    def _on_card_menu(self, card: TaskCard, where: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_task(card.id))
        done = menu.addAction(self.tr("Mark done"), lambda: self.complete(card))
        done.setEnabled(card.status != "done")
        people = menu.addMenu(self.tr("Assign to"))
        people.addAction(self.tr("Unassigned"), lambda: self.assign(card, None))
        for index in range(2, self.person.count()):  # the people of the person filter
            staff_id: int = self.person.itemData(index)
            people.addAction(self.person.itemText(index), functools.partial(self.assign, card, staff_id))
        menu.exec(where)

    def _on_settings(self) -> None:
        from sellerdesk.ui.dialogs.task_settings import TaskSettingsDialog

        TaskSettingsDialog(self._runner, parent=self).exec()
