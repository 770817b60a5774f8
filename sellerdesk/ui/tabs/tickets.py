"""Service tickets: the queue (mine, unassigned, breaching soon, overdue; by status, category and shop), worked
from here: open a ticket, claim, assign many at once, merge duplicates, open a new one, edit canned replies.

The time-left column counts down to the first deadline still running; amber within the last hour, red once
past. Filtering and sorting happen in SQL (``services.tickets.queue``); Home's "Overdue tickets" opens
this tab on exactly the filter its count uses.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.enums import TicketCategory, TicketStatus
from sellerdesk.services import tickets as svc
from sellerdesk.services.tickets import queue
from sellerdesk.services.tickets.queue import QueueRow, TicketFilter
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.tablemodels.paged import RIGHT, Column, Source
from sellerdesk.ui.tabs.list_tab import ListTab
from sellerdesk.ui.widgets.empty_state import EmptyAction
from sellerdesk.ui.widgets.util import filter_combo, named

if TYPE_CHECKING:
    from sellerdesk.ui.dialogs.sla_dialog import SlaDialog
    from sellerdesk.ui.dialogs.ticket_dialog import CannedRepliesDialog, NewTicketDialog, TicketDialog
    from sellerdesk.ui.runner import Job, Runner

QUEUES = ("overdue_tickets",)  # the home dashboard's queues this list shows
CLOCK_MS = 60_000


def duration_text(seconds: int) -> str:
    """``3 d 4 h`` / ``2 h 05 min`` / ``12 min``: how long, to the precision a queue needs."""
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return QCoreApplication.translate("Tickets", "{d} d {h} h").format(d=days, h=hours)
    if hours:
        return QCoreApplication.translate("Tickets", "{h} h {m:02d} min").format(h=hours, m=minutes)
    return QCoreApplication.translate("Tickets", "{m} min").format(m=max(minutes, 1) if seconds else 0)


def time_left(row: QueueRow, now: datetime) -> str:
    state = row.clock_state(now)
    if state == "paused":
        return QCoreApplication.translate("Tickets", "Paused (waiting)")
    due = row.next_due()
    if due is None:
        return ""
    left = int((due - now).total_seconds())
    if left < 0:
        return QCoreApplication.translate("Tickets", "{time} overdue").format(time=duration_text(left))
    return duration_text(left)


class TicketsTab(ListTab):
    key = "tickets"
    icon_name = "tickets"
    stale_on = frozenset({"tickets", "staff", "shops"})
    default_sort = ("created_at", True)

    def __init__(
        self, session_factory: sessionmaker[Session], runner: Runner | None = None, parent: QWidget | None = None
    ) -> None:
        self.runner = runner
        self._factory = session_factory
        self._filter = TicketFilter()
        self._quiet = True
        self._dialogs: dict[int, TicketDialog] = {}
        self._agents: tuple[queue.StaffChoice, ...] = ()
        super().__init__(session_factory, parent)
        self._build_tickets_ui()
        self._quiet = False

    # ------------------------------------------------------------ ListTab

    def title(self) -> str:
        return self.tr("Service tickets")

    def source(self) -> Source[Any]:
        return Source(
            lambda s, search: svc.count_queue(s, self._with_search(search), _now()),
            lambda s, request: svc.queue_page(s, self._filter, request, _now()),
        )

    def columns(self) -> list[Column[Any]]:
        unassigned = self.tr("Unassigned")
        return [
            Column("id", self.tr("No."), lambda r: f"#{r.id}", RIGHT, 60, newest_first=True),
            Column("subject", self.tr("Subject"), lambda r: r.subject, width=190, full_tooltip=True),
            Column("category", self.tr("Category"), lambda r: labels.ticket_category(r.category), width=125),
            Column("priority", self.tr("Priority"), lambda r: labels.priority(r.priority), width=75, newest_first=True),
            Column("status", self.tr("Status"), lambda r: labels.ticket_status(r.status), width=135),
            Column("due", self.tr("Time left"), lambda r: time_left(r, _now()), RIGHT, 125, tone=_tone),
            Column("assignee", self.tr("Assignee"), lambda r: r.assignee or unassigned, width=90),
            Column("buyer", self.tr("Buyer"), lambda r: r.buyer_nick, width=95),
            Column("shop", self.tr("Shop"), lambda r: _shop(r), width=140, sortable=False, full_tooltip=True),
            Column(
                "created_at",
                self.tr("Created"),
                lambda r: fmt.shop_time(r.created_at, r.timezone),
                width=125,
                newest_first=True,
            ),
        ]

    def count_text(self, count: int) -> str:
        return self.tr("%Ln ticket(s)", "", count)

    def empty_text(self) -> str:
        if self._filter.view == "mine" and self._filter.me is None:
            return self.tr("Choose your name under “Working as” to see your tickets.")
        if self._filter != TicketFilter(me=self._filter.me):
            return self.tr("No ticket matches these filters.")
        return self.tr(
            "No open service tickets.\n"
            "Pre-sale questions, shipping problems, returns and complaints are tracked here: open a ticket "
            "for each, or from an order (right-click → Open a service ticket…)."
        )

    def empty_actions(self) -> list[EmptyAction]:
        if self._filter != TicketFilter(me=self._filter.me) or self.runner is None:
            return []
        return [(self.tr("New ticket…"), self.new_ticket)]

    def search_placeholder(self) -> str:
        return self.tr("Search subject, buyer, tag or #number")

    # ------------------------------------------------------------ building

    def _build_tickets_ui(self) -> None:
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, self._build_filters())
        layout.insertLayout(2, self._build_actions())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.view.selectionModel().selectionChanged.connect(self._enable_actions)
        self.model.reloaded.connect(lambda _total: self._enable_actions())
        self._enable_actions()
        # The time left counts down between reloads: repaint the visible rows once a minute.
        self._clock = QTimer(self, interval=CLOCK_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

    def _combo(self, name: str, items: list[tuple[str, Any]], tip: str) -> QComboBox:
        return filter_combo(name, items, tip, self._apply_filters)

    def _build_filters(self) -> QHBoxLayout:
        self.view_filter = self._combo(
            "viewFilter",
            [
                (self.tr("All tickets"), "all"),
                (self.tr("Mine"), "mine"),
                (self.tr("Unassigned"), "unassigned"),
                (self.tr("Breaching soon"), "soon"),
                (self.tr("Overdue"), "overdue"),
            ],
            self.tr("Which queue: breaching soon means a deadline within the hour"),
        )
        statuses = [(labels.ticket_status(s.value), s.value) for s in TicketStatus]
        self.status_filter = self._combo(
            "ticketStatusFilter",
            [(self.tr("Open (new, in progress, waiting)"), queue.STATUS_OPEN), (self.tr("Any status"), ""), *statuses],
            self.tr("Ticket status"),
        )
        categories = [(labels.ticket_category(c.value), c.value) for c in TicketCategory]
        self.category_filter = self._combo(
            "categoryFilter", [(self.tr("All categories"), ""), *categories], self.tr("Category")
        )
        self.shop_filter = self._combo("ticketShopFilter", [(self.tr("All shops"), None)], self.tr("Shop"))
        self.shop_filter.setMinimumContentsLength(12)
        self.shop_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agent_combo = named(QComboBox(), "agentCombo")
        self.agent_combo.setToolTip(self.tr("Who is working here: “Mine” and “Claim” use this name"))
        self.agent_combo.currentIndexChanged.connect(self._on_agent_changed)
        self.clear_filters_button = named(QPushButton(self.tr("Clear filters")), "clearTicketFilters")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.clear_filters_button.setToolTip(self.tr("Back to the open tickets of every category and shop"))
        row = QHBoxLayout()
        row.setSpacing(8)
        for w in (self.view_filter, self.status_filter, self.category_filter, self.shop_filter):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Working as")))
        row.addWidget(self.agent_combo)
        row.addWidget(self.clear_filters_button)
        return row

    def _build_actions(self) -> QHBoxLayout:
        self.new_button = named(QPushButton(self.tr("New ticket…")), "newTicket")
        self.new_button.clicked.connect(lambda: self.new_ticket())
        self.new_button.setToolTip(self.tr("Open a ticket for a buyer's question or problem"))
        self.claim_button = named(QPushButton(self.tr("Claim")), "claimTicket")
        self.claim_button.setToolTip(self.tr("Take the selected unassigned tickets"))
        self.claim_button.clicked.connect(self.claim_selected)
        self.assign_button = named(QPushButton(self.tr("Assign to…")), "assignTickets")
        self.assign_button.setToolTip(self.tr("Give the selected tickets to someone"))
        self.assign_button.clicked.connect(self._show_assign_menu)
        self.merge_button = named(QPushButton(self.tr("Merge")), "mergeTickets")
        self.merge_button.setToolTip(self.tr("Fold the selected duplicates into the oldest of them, histories kept"))
        self.merge_button.clicked.connect(lambda: self.merge_selected())
        self.canned_button = named(QPushButton(self.tr("Canned replies…")), "cannedReplies")
        self.canned_button.clicked.connect(lambda: self.edit_canned())
        self.canned_button.setToolTip(self.tr("The replies kept for quick use, with the ticket's details filled in"))
        self.export_button = named(QPushButton(self.tr("Export…")), "exportTickets")
        self.export_button.setToolTip(self.tr("Write the tickets of this view, with their figures, to an Excel file"))
        self.export_button.clicked.connect(lambda: self.export_view())
        self.sla_button = named(QPushButton(self.tr("SLA and hours…")), "slaSettings")
        self.sla_button.setToolTip(self.tr("Response and resolution targets, service hours, holidays"))
        self.sla_button.clicked.connect(lambda: self.edit_sla())
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.claim_button)
        row.addWidget(self.assign_button)
        row.addWidget(self.merge_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.sla_button)
        row.addWidget(self.canned_button)
        return row

    # ------------------------------------------------------------ public

    @property
    def session_factory(self) -> sessionmaker[Session]:
        return self._factory

    @property
    def current_filter(self) -> TicketFilter:
        return self._filter

    @property
    def me(self) -> int | None:
        data = self.agent_combo.currentData()
        return int(data) if data is not None else None

    def reload(self) -> None:
        self._fill_choices()
        super().reload()

    def set_agent(self, staff_id: int | None) -> None:
        """Work as this staff member (the sign-in will set it; until then the combo does)."""
        self.agent_combo.setCurrentIndex(max(self.agent_combo.findData(staff_id), 0))

    def clear_filters(self) -> None:
        self._set_widgets()

    def apply_queue(self, key: str) -> None:
        """Show one of the home dashboard's queues: exactly the filter its count uses."""
        if key not in QUEUES:
            raise ValueError(f"unknown ticket queue {key!r}")
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.model.set_search("")
        self._set_widgets(view="overdue")

    def show_tickets(self, flt: TicketFilter) -> None:
        """Show exactly ``flt`` (the tickets behind a figure, e.g. a review's); the next filter change leaves it."""
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.model.set_search("")
        self._quiet = True
        self.view_filter.setCurrentIndex(max(self.view_filter.findData(flt.view), 0))
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(flt.status), 0))
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(flt.category), 0))
        self.shop_filter.setCurrentIndex(max(self.shop_filter.findData(flt.shop_id), 0))
        self._quiet = False
        self._filter = replace(flt, me=self.me)
        self.clear_filters_button.setEnabled(True)
        self.model.reload()

    def selected_rows(self) -> list[QueueRow]:
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        return [r for r in (self.model.row_at(n) for n in sorted(rows)) if r is not None]

    def open_row(self, row: int) -> TicketDialog | None:
        found = self.model.row_at(row)
        return self.open_ticket(found.id) if found is not None else None

    def open_ticket(self, ticket_id: int) -> TicketDialog | None:
        """The ticket's own window (not modal: several can stay open beside the queue)."""
        if self.runner is None:
            return None
        from sellerdesk.ui.dialogs.ticket_dialog import TicketDialog

        if ticket_id in self._dialogs:
            dialog = self._dialogs[ticket_id]
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = TicketDialog(self._factory, self.runner, ticket_id, me=self.me, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self._dialogs.pop(ticket_id, None))
        dialog.show()
        self._dialogs[ticket_id] = dialog
        return dialog

    def new_ticket(self) -> NewTicketDialog | None:
        if self.runner is None:
            return None
        from sellerdesk.ui.dialogs.ticket_dialog import NewTicketDialog

        runner = self.runner
        with self._factory() as session:
            shops = queue.list_shops(session)
        dialog = NewTicketDialog(shops, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def create() -> None:
            draft, me = dialog.draft(), self.me
            runner.run(
                lambda s, _job: svc.create_ticket(s, draft, actor=me),
                on_success=lambda new: self.open_ticket(new.id),
                parent=self,
            )

        dialog.accepted.connect(create)
        dialog.open()
        return dialog

    def claim_selected(self) -> None:
        me, rows = self.me, [r for r in self.selected_rows() if not r.assignee]
        if self.runner is None or me is None or not rows:
            return

        def claim(session: Session) -> Any:
            changes = None
            for row in rows:
                changes = svc.claim_ticket(session, row.id, me)
            return changes

        self.runner.run(lambda s, _job: claim(s), parent=self)

    def assign_selected(self, staff_id: int | None) -> None:
        ids, me = [r.id for r in self.selected_rows()], self.me
        if self.runner is None or not ids:
            return
        self.runner.run(lambda s, _job: svc.assign_tickets(s, ids, staff_id, actor=me), parent=self)

    def merge_selected(self) -> bool:
        rows = self.selected_rows()
        if self.runner is None or len(rows) < 2:
            return False
        keep = min(rows, key=lambda r: r.id)
        dups = [r.id for r in rows if r.id != keep.id]
        if not self.confirm_merge(keep, len(dups)):
            return False
        me = self.me
        self.runner.run(lambda s, _job: svc.merge_tickets(s, keep.id, dups, actor=me), parent=self)
        return True

    def confirm_merge(self, keep: QueueRow, count: int) -> bool:
        """Ask before merging (tests replace this)."""
        text = self.tr(
            "Merge %n ticket(s) into #{id} “{subject}”? Their histories move there; they are closed.", "", count
        )
        answer = QMessageBox.question(self, self.tr("Merge tickets"), text.format(id=keep.id, subject=keep.subject))
        return answer == QMessageBox.StandardButton.Yes

    def edit_canned(self) -> CannedRepliesDialog | None:
        if self.runner is None:
            return None
        from sellerdesk.ui.dialogs.ticket_dialog import CannedRepliesDialog

        dialog = CannedRepliesDialog(self._factory, self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_view(self, path: str | None = None) -> Job | None:
        from sellerdesk.ui.dialogs.ticket_export import export_tickets

        flt = self._with_search(self.model.search)
        return export_tickets(self, self.runner, flt, self.model.total, path)

    def edit_sla(self) -> SlaDialog | None:
        if self.runner is None:
            return None
        from sellerdesk.ui.dialogs.sla_dialog import SlaDialog

        dialog = SlaDialog(self._factory, self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------ slots

    def _with_search(self, search: str) -> TicketFilter:
        return TicketFilter(**{**self._filter.__dict__, "search": search})

    def _set_widgets(self, *, view: str = "all") -> None:
        self._quiet = True
        self.view_filter.setCurrentIndex(max(self.view_filter.findData(view), 0))
        for combo in (self.status_filter, self.category_filter, self.shop_filter):
            combo.setCurrentIndex(0)
        self._quiet = False
        self._apply_filters()

    def _apply_filters(self) -> None:
        if self._quiet:
            return
        self._filter = TicketFilter(
            view=self.view_filter.currentData(),
            me=self.me,
            status=self.status_filter.currentData(),
            category=self.category_filter.currentData(),
            shop_id=self.shop_filter.currentData(),
        )
        self.clear_filters_button.setEnabled(self._filter != TicketFilter(me=self.me))
        self.model.reload()

    def _on_agent_changed(self) -> None:
        self._enable_actions()
        if self.view_filter.currentData() == "mine" or self._filter.me != self.me:
            self._apply_filters()

    def _tick(self) -> None:
        if self.isVisible():
            self.view.viewport().update()

    def _fill_choices(self) -> None:
        with self._factory() as session:
            shops = queue.list_shops(session)
            agents = queue.list_agents(session)
        was_quiet, self._quiet = self._quiet, True
        shop, me = self.shop_filter.currentData(), self.me
        self.shop_filter.clear()
        self.shop_filter.addItem(self.tr("All shops"), None)
        for s in shops:
            self.shop_filter.addItem(f"{labels.platform(s.platform)} · {s.name}", s.id)
        self.shop_filter.setCurrentIndex(max(self.shop_filter.findData(shop), 0))
        self.agent_combo.blockSignals(True)
        self.agent_combo.clear()
        self.agent_combo.addItem(self.tr("(choose your name)"), None)
        for a in agents:
            self.agent_combo.addItem(a.name, a.id)
        signed_in = self.runner.actor.staff_id if self.runner is not None else None
        # Signed in, you work as yourself; without sign-in (a shop that switched it off) you pick your name.
        self.agent_combo.setCurrentIndex(max(self.agent_combo.findData(signed_in or me), 0))
        self.agent_combo.setEnabled(signed_in is None)
        self.agent_combo.blockSignals(False)
        self._agents = agents
        self._quiet = was_quiet

    def _enable_actions(self) -> None:
        rows = self.selected_rows()
        self.claim_button.setEnabled(self.me is not None and any(not r.assignee for r in rows))
        self.claim_button.setToolTip(
            self.tr("Take the selected unassigned tickets")
            if self.me is not None
            else self.tr("Choose your name under “Working as” first")
        )
        self.assign_button.setEnabled(bool(rows))
        self.merge_button.setEnabled(len(rows) >= 2)

    def _fill_assign_menu(self, menu: QMenu) -> QMenu:
        for agent in self._agents:
            menu.addAction(agent.name, functools.partial(self.assign_selected, agent.id))
        menu.addSeparator()
        menu.addAction(self.tr("Nobody (unassign)"), lambda: self.assign_selected(None))
        return menu

    def _show_assign_menu(self) -> None:
        self._menu = self._fill_assign_menu(QMenu(self))
        self._menu.popup(self.assign_button.mapToGlobal(self.assign_button.rect().bottomLeft()))

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open ticket…"), lambda: self.open_ticket(row.id))
        claim = menu.addAction(self.tr("Claim"), self.claim_selected)
        claim.setEnabled(self.claim_button.isEnabled())
        self._fill_assign_menu(menu.addMenu(self.tr("Assign to")))
        merge = menu.addAction(self.tr("Merge"), lambda: self.merge_selected())
        merge.setEnabled(self.merge_button.isEnabled())
        menu.popup(self.view.viewport().mapToGlobal(pos))
        self._menu = menu


def _now() -> datetime:
    return datetime.now(UTC)


def _tone(row: QueueRow) -> str:
    return {"overdue": "danger", "soon": "warning"}.get(row.clock_state(_now()), "")


def _shop(row: QueueRow) -> str:
    platform = labels.platform(row.platform) if row.platform else ""
    return " · ".join(p for p in (platform, row.shop) if p)
