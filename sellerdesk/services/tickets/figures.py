"""Service figures per agent and month (docs/metrics.md, Service), read from what tickets stored as they
were answered and resolved: the review's KPI actuals, the monthly workbook and Home read this one service.

A ticket counts in the month (China time) it was resolved, for the agent who handled it (its assignee
then). Times are seconds on the ticket's own clock: business time for policies on business hours, with the
waiting-on-buyer pauses left out of the resolution time.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from sqlalchemy import ColumnElement, Table, bindparam, select
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import TicketCategory
from sellerdesk.domain.figures import AgentMonth, ServiceMonth
from sellerdesk.domain.tickets import ReviewOutcome
from sellerdesk.domain.timeutil import month_bounds_utc
from sellerdesk.models import StaffUser, Ticket
from sellerdesk.services.zones import house_timezone


def percentile(values: Sequence[int], share: int) -> int | None:
    """Nearest-rank percentile (``share`` of 100): the smallest value with at least that share at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered) / 100))
    return ordered[rank - 1]


@dataclass
class _Tally:
    handled: int = 0
    responses: list[int] = field(default_factory=list)
    resolutions: list[int] = field(default_factory=list)
    sla_met: int = 0
    rated: int = 0
    rating_sum: int = 0
    bad: int = 0
    recovered: int = 0

    def add(self, row: tuple[object, ...]) -> None:
        first, resolution, r_breach, s_breach, rating, category, review = row
        self.handled += 1
        if isinstance(first, int):
            self.responses.append(first)
        if isinstance(resolution, int):
            self.resolutions.append(resolution)
        self.sla_met += not r_breach and not s_breach
        if isinstance(rating, int):
            self.rated += 1
            self.rating_sum += rating
        if category == TicketCategory.BAD_REVIEW:
            self.bad += 1
            self.recovered += review == ReviewOutcome.REMOVED

    def freeze(self, staff_id: int | None, name: str) -> AgentMonth:
        return AgentMonth(
            staff_id, name, self.handled,
            percentile(self.responses, 50), percentile(self.responses, 90),
            percentile(self.resolutions, 50), percentile(self.resolutions, 90),
            self.sla_met, self.rated, self.rating_sum, self.bad, self.recovered,
        )  # fmt: skip


def agent_month_figures(session: Session, year: int, month: int, tz: str | None = None) -> ServiceMonth:
    """Every agent's figures for one month (of ``tz``; default: the house zone, as every month report's),
    plus the team's."""
    start, end = month_bounds_utc(year, month, tz or house_timezone(session))
    return _figures(session, f"{year:04d}-{month:02d}", start, end)


def _counted_in(start: datetime, end: datetime) -> tuple[ColumnElement[bool], ...]:
    """The tickets a month's figures count: resolved in [start, end), merged duplicates left out."""
    return (Ticket.resolved_at >= start, Ticket.resolved_at < end, Ticket.merged_into_id.is_(None))


def agent_month_tickets(
    session: Session, year: int, month: int, tz: str, staff_id: int, *, bad_reviews_recovered: bool = False
) -> tuple[int, ...]:
    """The ids of the tickets behind one agent's figures of the month (a review's links); with
    ``bad_reviews_recovered``, only the bad-review tickets whose review was removed."""
    start, end = month_bounds_utc(year, month, tz)
    stmt = select(Ticket.id).where(*_counted_in(start, end), Ticket.handled_by_id == staff_id)
    if bad_reviews_recovered:
        stmt = stmt.where(Ticket.category == TicketCategory.BAD_REVIEW, Ticket.review_outcome == ReviewOutcome.REMOVED)
    return tuple(session.scalars(stmt.order_by(Ticket.id)))


def _figures(session: Session, label: str, start: datetime, end: datetime) -> ServiceMonth:
    stmt = select(
        Ticket.handled_by_id,
        Ticket.first_response_s,
        Ticket.resolution_s,
        Ticket.response_breached,
        Ticket.resolution_breached,
        Ticket.satisfaction,
        Ticket.category,
        Ticket.review_outcome,
    ).where(*_counted_in(start, end))
    tallies: dict[int | None, _Tally] = defaultdict(_Tally)
    total = _Tally()
    for agent, *row in session.execute(stmt):
        tallies[agent].add(tuple(row))
        total.add(tuple(row))
    if not total.handled:
        return ServiceMonth(label)
    names = dict(session.execute(select(StaffUser.id, StaffUser.name)).all())
    agents = sorted(
        (t.freeze(a, names.get(a, "") if a is not None else "") for a, t in tallies.items()),
        key=lambda a: (a.staff_id is None, a.name, a.staff_id or 0),
    )
    return ServiceMonth(label, tuple(agents), total.freeze(None, ""))


def record_past_figures(session: Session, chunk: int = 5_000) -> int:
    """Store the figures of tickets written without the service desk (the demo's, an older version's): from
    the times and due times they hold, on the wall clock (no policy timed them), handled by their assignee.
    Returns how many tickets got figures."""
    stmt = (
        select(
            Ticket.id,
            Ticket.created_at,
            Ticket.first_response_at,
            Ticket.first_response_due,
            Ticket.resolved_at,
            Ticket.resolution_due,
            Ticket.assignee_id,
        )
        .where(Ticket.first_response_target_s.is_(None))
        .order_by(Ticket.id)
    )
    table = cast(Table, Ticket.__table__)
    write = table.update().where(table.c.id == bindparam("tid")).values({n: bindparam(n) for n in _PAST_COLUMNS})
    done = 0
    rows = session.execute(stmt).all()
    for start in range(0, len(rows), chunk):
        params = [_past(*row) for row in rows[start : start + chunk]]
        session.execute(write, params)
        done += len(params)
    return done


_PAST_COLUMNS = (
    "first_response_target_s", "resolution_target_s", "sla_business_hours", "first_response_s",
    "response_breached", "resolution_s", "resolution_breached", "handled_by_id",
)  # fmt: skip


def _seconds(start: datetime, end: datetime | None) -> int | None:
    return None if end is None else int((end - start).total_seconds())


def _past(
    tid: int,
    created: datetime,
    responded: datetime | None,
    response_due: datetime | None,
    resolved: datetime | None,
    resolution_due: datetime | None,
    assignee: int | None,
) -> dict[str, object]:
    return {
        "tid": tid,
        "first_response_target_s": _seconds(created, response_due),
        "resolution_target_s": _seconds(created, resolution_due),
        "sla_business_hours": False,
        "first_response_s": _seconds(created, responded),
        "response_breached": responded is not None and response_due is not None and responded > response_due,
        "resolution_s": _seconds(created, resolved),
        "resolution_breached": resolved is not None and resolution_due is not None and resolved > resolution_due,
        "handled_by_id": assignee if resolved is not None else None,
    }
