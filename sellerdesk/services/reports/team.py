"""Team figures per staff member: tasks completed, due, on time and overdue, and the month's review."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from sellerdesk.domain.figures import PersonFigures
from sellerdesk.domain.timeutil import month_bounds_utc, shop_time, shop_today, utcnow
from sellerdesk.models import StaffUser, Task
from sellerdesk.services.zones import house_timezone, month_days


@dataclass
class _TaskTally:
    completed: int = 0
    due: int = 0
    on_time: int = 0
    overdue: int = 0


def _month_tasks(session: Session, year: int, month: int) -> tuple[ColumnElement[bool], ...]:
    """The tasks a month's team figures look at: assigned, not deleted, due or completed in the month."""
    first, last = month_days(year, month)
    start, end = month_bounds_utc(year, month, house_timezone(session))  # tasks have no shop
    return (
        Task.assignee_id.is_not(None),
        Task.deleted_at.is_(None),
        or_(Task.due_date.between(first, last), and_(Task.completed_at >= start, Task.completed_at < end)),
    )


def person_month_tasks(session: Session, year: int, month: int, staff_id: int) -> tuple[tuple[int, bool, bool], ...]:
    """The tasks behind one person's team figures of the month: (task id, completed in the month, due in the
    month), by id (a review's links)."""
    first, last = month_days(year, month)
    start, end = month_bounds_utc(year, month, house_timezone(session))
    stmt = select(Task.id, Task.due_date, Task.completed_at).where(
        *_month_tasks(session, year, month), Task.assignee_id == staff_id
    )
    return tuple(
        (tid, completed is not None and start <= completed < end, due is not None and first <= due <= last)
        for tid, due, completed in session.execute(stmt.order_by(Task.id))
    )


def _task_tallies(session: Session, year: int, month: int, now: datetime) -> dict[int, _TaskTally]:
    first, last = month_days(year, month)
    zone = house_timezone(session)  # tasks have no shop
    start, end = month_bounds_utc(year, month, zone)
    today = shop_today(now, zone)
    stmt = select(Task.assignee_id, Task.due_date, Task.completed_at).where(*_month_tasks(session, year, month))
    tallies: dict[int, _TaskTally] = defaultdict(_TaskTally)
    for assignee, due, completed in session.execute(stmt):
        assert assignee is not None
        done_day = shop_time(completed, zone).date() if completed is not None else None
        t = tallies[assignee]
        t.completed += completed is not None and start <= completed < end
        if due is not None and first <= due <= last:
            on_time = done_day is not None and done_day <= due
            t.due += 1
            t.on_time += on_time
            t.overdue += not on_time and (done_day is not None or due < today)
    return tallies


def compute_team_figures(
    session: Session, year: int, month: int, now: datetime | None = None
) -> tuple[PersonFigures, ...]:
    """Per staff member: tasks completed in M, tasks due in M (on time / overdue), and M's review.

    Tasks have no shop: their days are the house zone's (``zones.house_timezone``). A task due in M and not
    done is overdue once its due date has passed (as of ``now``); one completed after its due date is overdue too.
    """
    tasks = _task_tallies(session, year, month, now or utcnow())
    from sellerdesk.services.reviews.cycle import month_scores  # the reviews' own reading of the month

    reviews = month_scores(session, f"{year:04d}-{month:02d}")
    staff = sorted(
        session.execute(select(StaffUser.name, StaffUser.id, StaffUser.role))
    )  # sorted in Python: collations differ
    people = []
    for name, sid, role in staff:
        if sid not in tasks and sid not in reviews:
            continue
        t, r = tasks.get(sid, _TaskTally()), reviews.get(sid)
        people.append(
            PersonFigures(
                sid,
                name,
                role,
                t.completed,
                t.due,
                t.on_time,
                t.overdue,
                review_status=r.status if r else "",
                review_score_bp=r.score_bp if r else None,
                review_grade=r.grade if r else "",
            )
        )
    return tuple(people)
