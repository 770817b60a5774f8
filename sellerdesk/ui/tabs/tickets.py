"""Service tickets: the customer-service queue, newest first."""

from __future__ import annotations

from typing import Any

from sellerdesk.services import browse
from sellerdesk.ui import labels
from sellerdesk.ui.tablemodels.paged import RIGHT, Column, Source, shop_time_column
from sellerdesk.ui.tabs.list_tab import ListTab


class TicketsTab(ListTab):
    key = "tickets"
    icon_name = "tickets"
    stale_on = frozenset({"tickets", "staff"})
    default_sort = ("created_at", True)

    def title(self) -> str:
        return self.tr("Service tickets")

    def source(self) -> Source[Any]:
        return Source(browse.count_tickets, browse.ticket_page)

    def columns(self) -> list[Column[Any]]:
        unassigned = self.tr("Unassigned")
        return [
            Column("id", self.tr("No."), lambda r: f"#{r.id}", RIGHT, 80, newest_first=True),
            Column("subject", self.tr("Subject"), lambda r: r.subject, width=330, full_tooltip=True),
            Column("category", self.tr("Category"), lambda r: labels.ticket_category(r.category), width=130),
            Column("priority", self.tr("Priority"), lambda r: labels.priority(r.priority), width=90, newest_first=True),
            Column("status", self.tr("Status"), lambda r: labels.ticket_status(r.status), width=120),
            Column("assignee", self.tr("Assignee"), lambda r: r.assignee or unassigned, width=120),
            shop_time_column("created_at", self.tr("Created"), lambda r: r.created_at, width=140),
        ]

    def count_text(self, count: int) -> str:
        return self.tr("%Ln ticket(s)", "", count)

    def empty_text(self) -> str:
        return self.tr(
            "No service tickets yet.\n"
            "Pre-sale questions, shipping problems, returns and complaints will be tracked here."
        )

    def search_placeholder(self) -> str:
        return self.tr("Search subject or assignee")
