"""Customer service per agent: tickets created and solved, response and resolution times, SLA, satisfaction."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from statistics import median_low

from sqlalchemy import case, or_, select
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import TicketCategory
from sellerdesk.domain.figures import AgentFigures, Durations, Ratio, ServiceFigures
from sellerdesk.domain.money import div_round_half_up
from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models import StaffUser, Ticket
from sellerdesk.services.zones import covering, month_windows


@dataclass
class _AgentTally:
    created: int = 0
    solved: int = 0
    first_response: list[int] = field(default_factory=list)
    resolution: list[int] = field(default_factory=list)
    first_response_sla: Ratio = field(default_factory=Ratio)
    resolution_sla: Ratio = field(default_factory=Ratio)
    satisfaction: Ratio = field(default_factory=Ratio)
    complaints: int = 0
    bad_reviews: int = 0

    def freeze(self, staff_id: int | None, name: str) -> AgentFigures:
        return AgentFigures(
            staff_id=staff_id,
            name=name,
            created=self.created,
            solved=self.solved,
            first_response=_durations(self.first_response),
            resolution=_durations(self.resolution),
            first_response_sla=self.first_response_sla,
            resolution_sla=self.resolution_sla,
            satisfaction_sum=self.satisfaction.numerator,
            satisfaction_count=self.satisfaction.denominator,
            complaints=self.complaints,
            bad_reviews=self.bad_reviews,
        )


def _durations(seconds: list[int]) -> Durations:
    if not seconds:
        return Durations()
    return Durations(len(seconds), median_low(seconds), div_round_half_up(sum(seconds), len(seconds)))


def _sla(done_at: datetime | None, due: datetime | None, now: datetime) -> Ratio:
    """Hit (1/1), missed (0/1), or not counted yet (0/0: no due time, or still open and not yet due)."""
    if due is None or (done_at is None and due >= now):
        return Ratio()
    return Ratio(int(done_at is not None and done_at <= due), 1)


def _seconds(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds())


def _count_ticket(t: _AgentTally, row: tuple[object, ...], created_in: bool, resolved_in: bool, now: datetime) -> None:
    category, created, responded, response_due, resolved, resolution_due, satisfaction = row
    assert isinstance(created, datetime)
    if created_in:
        t.created += 1
        t.complaints += category == TicketCategory.QUALITY
        t.bad_reviews += category == TicketCategory.BAD_REVIEW
        if isinstance(responded, datetime):
            t.first_response.append(_seconds(created, responded))
        t.first_response_sla += _sla(responded, response_due, now)  # type: ignore[arg-type]
        t.resolution_sla += _sla(resolved, resolution_due, now)  # type: ignore[arg-type]
    if resolved_in and isinstance(resolved, datetime):
        t.solved += 1
        t.resolution.append(_seconds(created, resolved))
        if isinstance(satisfaction, int):
            t.satisfaction += Ratio(satisfaction, 1)


def compute_service_figures(session: Session, year: int, month: int, now: datetime | None = None) -> ServiceFigures:
    """Per agent: tickets created and solved in M, response and resolution times, SLA, satisfaction."""
    now = now or utcnow()
    windows = month_windows(session, year, month)
    created_in = covering(windows, Ticket.created_at, Ticket.shop_id)
    resolved_in = covering(windows, Ticket.resolved_at, Ticket.shop_id)
    stmt = select(
        Ticket.assignee_id,
        case((created_in, 1), else_=0),
        case((resolved_in, 1), else_=0),
        Ticket.category,
        Ticket.created_at,
        Ticket.first_response_at,
        Ticket.first_response_due,
        Ticket.resolved_at,
        Ticket.resolution_due,
        Ticket.satisfaction,
    ).where(or_(created_in, resolved_in), Ticket.deleted_at.is_(None))  # the recycle bin counts for nothing
    tallies: dict[int | None, _AgentTally] = defaultdict(_AgentTally)
    total = _AgentTally()
    for assignee, c_in, r_in, *row in session.execute(stmt):
        for tally in (tallies[assignee], total):
            _count_ticket(tally, tuple(row), bool(c_in), bool(r_in), now)
    if not tallies:
        return ServiceFigures()
    names = dict(session.execute(select(StaffUser.id, StaffUser.name)).all())
    agents = sorted(
        (
            t.freeze(staff_id, names.get(staff_id, "") if staff_id is not None else "")
            for staff_id, t in tallies.items()
        ),
        key=lambda a: (a.staff_id is None, a.name, a.staff_id or 0),
    )
    return ServiceFigures(tuple(agents), total.freeze(None, ""))
