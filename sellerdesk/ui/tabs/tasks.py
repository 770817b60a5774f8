"""Team tasks, soonest due first."""

from __future__ import annotations

from datetime import date
from typing import Any

from sellerdesk.services import browse
from sellerdesk.services.browse import TaskRow
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.tablemodels.paged import Column, Source
from sellerdesk.ui.tabs.list_tab import ListTab


class TasksTab(ListTab):
    key = "tasks"
    icon_name = "tasks"
    stale_on = frozenset({"tasks", "staff"})
    default_sort = ("due_date", False)

    def title(self) -> str:
        return self.tr("Team tasks")

    def source(self) -> Source[Any]:
        return Source(browse.count_tasks, browse.task_page)

    def columns(self) -> list[Column[Any]]:
        unassigned = self.tr("Unassigned")
        overdue = self.tr("Overdue")

        def late(row: TaskRow) -> str:
            return overdue if row.status != "done" and row.due_date and row.due_date < date.today() else ""

        return [
            Column("title", self.tr("Task"), lambda r: r.title, width=360, full_tooltip=True),
            Column("status", self.tr("Status"), lambda r: labels.task_status(r.status), width=100),
            Column("assignee", self.tr("Assignee"), lambda r: r.assignee or unassigned, width=130),
            Column("due_date", self.tr("Due"), lambda r: fmt.day(r.due_date), width=130, warning=late),
            Column("priority", self.tr("Priority"), lambda r: labels.priority(r.priority), width=90, newest_first=True),
        ]

    def count_text(self, count: int) -> str:
        return self.tr("%Ln task(s)", "", count)

    def empty_text(self) -> str:
        return self.tr("No team tasks yet.\nStock checks, price checks, promotions and other jobs will be listed here.")

    def search_placeholder(self) -> str:
        return self.tr("Search task or assignee")
