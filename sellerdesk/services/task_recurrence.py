"""Recurring tasks: a series (template + calendar rule) and the tasks it makes, one per day of the rule.

Each occurrence is made when its day comes (in the series' time zone, the shop's), done or not the one
before, and the next one is always made ahead, so it shows among the upcoming tasks. A long gap (the app
not opened for weeks) makes only the occurrences of the last ``CATCH_UP_DAYS`` days: a pile of stale
daily chores helps no one. Editing one occurrence (``tasks.update_task``) leaves the series alone; editing
the series changes its open occurrences from today on that were not edited on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import TaskStatus
from sellerdesk.domain.errors import ConflictError, NotFoundError
from sellerdesk.domain.recurrence import Frequency, Rule, check_rule, next_occurrence, occurrences
from sellerdesk.domain.timeutil import utc_to_local, utcnow
from sellerdesk.models import Task, TaskSeries
from sellerdesk.services import tasks
from sellerdesk.services.tasks import TaskDraft, TaskSaved
from sellerdesk.services.zones import house_timezone

CATCH_UP_DAYS = 31


@dataclass(frozen=True)
class SeriesDetail:
    id: int
    version: int
    rule: Rule
    timezone: str
    title: str
    due_time: time | None


def rule_of(series: TaskSeries) -> Rule:
    weekdays = frozenset(int(d) for d in series.weekdays.split(",") if d.strip())
    return Rule(
        Frequency(series.frequency),
        series.starts_on,
        series.interval,
        weekdays,
        series.month_day,
        series.skip_holidays,
        series.ends_on,
    )


def _store_rule(series: TaskSeries, rule: Rule) -> None:
    series.frequency, series.interval = rule.frequency.value, rule.interval
    series.weekdays = ",".join(str(d) for d in sorted(rule.weekdays))
    series.month_day, series.skip_holidays = rule.month_day, rule.skip_holidays
    series.starts_on, series.ends_on = rule.starts_on, rule.ends_on


def _store_template(session: Session, series: TaskSeries, draft: TaskDraft) -> None:
    title = tasks._checked_draft(
        session, TaskDraft(draft.title, assignee_id=draft.assignee_id, priority=draft.priority)
    )
    series.title, series.description, series.priority = title, draft.description, draft.priority
    series.assignee_id = draft.assignee_id
    series.due_time = draft.due_time.replace(second=0, microsecond=0) if draft.due_time else None


def get_series(session: Session, series_id: int) -> SeriesDetail:
    series = _series(session, series_id)
    return SeriesDetail(series.id, series.version, rule_of(series), series.timezone, series.title, series.due_time)


def create_series(
    session: Session,
    draft: TaskDraft,
    rule: Rule,
    *,
    actor_id: int | None = None,
    timezone: str | None = None,
    now: datetime | None = None,
) -> TaskSaved:
    """A new recurring task (its days in ``timezone``; default: the house zone, as every task's); returns
    its first occurrence (made at once, even when its day is ahead)."""
    check_rule(rule)
    zone = timezone or house_timezone(session)
    series = TaskSeries(timezone=zone, creator_id=actor_id, created_at=now or utcnow())
    _store_template(session, series, draft)
    _store_rule(series, rule)
    series.next_on = next(occurrences(rule), None)
    session.add(series)
    session.flush()
    make_due_occurrences(session, now, series_ids=[series.id])
    first = session.scalar(select(Task.id).where(Task.series_id == series.id).order_by(Task.occurrence_on).limit(1))
    return TaskSaved(first or 0)


def make_due_occurrences(
    session: Session, now: datetime | None = None, *, series_ids: list[int] | None = None
) -> Changes:
    """Make every occurrence whose day has come, and the next one ahead, for each active series."""
    now = now or utcnow()
    stmt = select(TaskSeries).where(TaskSeries.next_on.is_not(None))
    if series_ids is not None:
        stmt = stmt.where(TaskSeries.id.in_(series_ids))
    made = 0
    for series in session.scalars(stmt).all():
        made += _catch_up(session, series, utc_to_local(now, series.timezone).date(), now)
    return tasks.TASK_CHANGES if made else Changes()


def _catch_up(session: Session, series: TaskSeries, today: date, now: datetime) -> int:
    rule, made = rule_of(series), 0
    oldest = today - timedelta(days=CATCH_UP_DAYS)
    next_day = next_occurrence(rule, today)  # the one to have made ahead
    made_ahead = next_day is not None and _exists(session, series.id, next_day)
    while series.next_on is not None:
        day = series.next_on
        if day > today and made_ahead:
            break
        if day >= oldest and not _exists(session, series.id, day):
            _make(session, series, day, now)
            made += 1
        series.next_on = next_occurrence(rule, day)
        if day > today:  # the one ahead is made: stop
            break
    session.flush()
    return made


def _exists(session: Session, series_id: int, day: date) -> bool:
    stmt = select(Task.id).where(Task.series_id == series_id, Task.occurrence_on == day)
    return session.scalar(stmt) is not None


def _make(session: Session, series: TaskSeries, day: date, now: datetime) -> None:
    draft = TaskDraft(series.title, series.description, series.assignee_id, day, series.due_time, series.priority)
    saved = tasks.create_task(session, draft, actor_id=series.creator_id, now=now)
    task = session.get(Task, saved.task_id)
    assert task is not None
    task.series_id, task.occurrence_on = series.id, day


def update_series(
    session: Session,
    series_id: int,
    draft: TaskDraft,
    rule: Rule,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> Changes:
    """Edit the whole series: its template and rule. Open occurrences from today on that were not edited
    on their own take the new values; when the rule changed, the future ones not started are made anew."""
    series = _series(session, series_id)
    if series.version != expected_version:
        raise ConflictError(f"Series {series_id} was changed by someone else.", code="conflict")
    check_rule(rule)
    today = utc_to_local(now or utcnow(), series.timezone).date()
    rule_changed = rule != rule_of(series)
    _store_template(session, series, draft)
    _store_rule(series, rule)
    following = select(Task).where(
        Task.series_id == series_id,
        Task.status == TaskStatus.TODO,
        ~Task.detached,
        Task.occurrence_on >= today,
    )
    for task in session.scalars(following).all():
        if rule_changed and task.occurrence_on is not None and task.occurrence_on > today:
            session.delete(task)
            continue
        task.title, task.description, task.priority = series.title, series.description, series.priority
        task.assignee_id, task.due_time = series.assignee_id, series.due_time
    session.flush()
    if rule_changed:
        series.next_on = next(occurrences(rule, max(today, rule.starts_on)), None)
    session.flush()
    make_due_occurrences(session, now, series_ids=[series_id])
    return tasks.TASK_CHANGES


def end_series(session: Session, series_id: int, *, expected_version: int, now: datetime | None = None) -> Changes:
    """Stop repeating: no occurrence after today; the future ones not started go away."""
    series = _series(session, series_id)
    if series.version != expected_version:
        raise ConflictError(f"Series {series_id} was changed by someone else.", code="conflict")
    today = utc_to_local(now or utcnow(), series.timezone).date()
    series.ends_on, series.next_on = max(today, series.starts_on), None
    session.execute(
        delete(Task).where(
            Task.series_id == series_id, Task.status == TaskStatus.TODO, ~Task.detached, Task.occurrence_on > today
        )
    )
    session.flush()
    return tasks.TASK_CHANGES


def _series(session: Session, series_id: int) -> TaskSeries:
    series = session.get(TaskSeries, series_id)
    if series is None:
        raise NotFoundError(f"Series {series_id} does not exist.", code="task_not_found")
    return series


@dataclass(frozen=True)
class Reminders:
    """What the desktop reminds of: tasks overdue and due later today (after making the due occurrences)."""

    overdue: int
    due_today: int
    changes: Changes


def check_reminders(session: Session, now: datetime | None = None) -> Reminders:
    """Make the recurring tasks whose day has come, then count what is overdue and what is due today."""
    now = now or utcnow()
    changes = make_due_occurrences(session, now)
    return Reminders(tasks.count_overdue(session, now), tasks.count_due_today(session, now), changes)
