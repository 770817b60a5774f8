"""Monthly performance reviews, latest month first."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.permissions import OWNER, Actor
from sellerdesk.services import browse
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.tablemodels.paged import RIGHT, Column, Source
from sellerdesk.ui.tabs.list_tab import ListTab


class ReviewsTab(ListTab):
    key = "reviews"
    icon_name = "reviews"
    stale_on = frozenset({"reviews", "staff"})
    default_sort = ("month", True)

    def __init__(
        self, session_factory: sessionmaker[Session], actor: Actor = OWNER, parent: QWidget | None = None
    ) -> None:
        self.actor = actor  # before the base class asks for the source: only own reviews for some roles
        super().__init__(session_factory, parent)

    def title(self) -> str:
        return self.tr("Performance reviews")

    def source(self) -> Source[Any]:
        return Source(
            lambda session, search: browse.count_reviews(session, search, actor=self.actor),
            lambda session, request: browse.review_page(session, request, actor=self.actor),
        )

    def columns(self) -> list[Column[Any]]:
        return [
            Column("staff", self.tr("Staff member"), lambda r: r.staff, width=160),
            Column("month", self.tr("Month"), lambda r: r.month, width=100, newest_first=True),
            Column("grade", self.tr("Grade"), lambda r: r.grade, width=80),
            Column("score", self.tr("Score"), lambda r: fmt.score_bp(r.score_bp), RIGHT, 90, newest_first=True),
            Column("status", self.tr("Status"), lambda r: labels.review_status(r.status), width=110),
        ]

    def count_text(self, count: int) -> str:
        return self.tr("%Ln review(s)", "", count)

    def empty_text(self) -> str:
        return self.tr(
            "No performance reviews yet.\nEach staff member's monthly review is listed here once it is written."
        )

    def search_placeholder(self) -> str:
        return self.tr("Search staff member or month (2026-07)")
