"""Recurring tasks (services/task_recurrence.py): occurrences on time in shop time, done or not; editing one
occurrence against the series. Every backend of tests/conftest.py."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session
from task_helpers import staff

from sellerdesk.domain.recurrence import LAST_DAY, Frequency, Rule
from sellerdesk.models import Task
from sellerdesk.services import task_recurrence as recurrence
from sellerdesk.services import tasks
from sellerdesk.services.tasks import TaskDraft


def _days(session: Session, series_id: int) -> list[tuple[date | None, str]]:
    rows = session.execute(
        select(Task.occurrence_on, Task.title).where(Task.series_id == series_id).order_by(Task.occurrence_on)
    )
    return [(d, t) for d, t in rows]


def _series_of(session: Session, task_id: int) -> int:
    series_id = tasks.get_task(session, task_id).series_id
    assert series_id is not None
    return series_id


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_the_next_occurrence_comes_on_time_whether_or_not_the_last_was_done(session: Session) -> None:
    rule = Rule(Frequency.DAILY, date(2026, 3, 1))
    first = recurrence.create_series(
        session, TaskDraft("Stock check", due_time=time(10, 0)), rule, now=_utc(2026, 3, 1, 1)
    ).task_id
    sid = _series_of(session, first)
    assert [d for d, _ in _days(session, sid)] == [date(2026, 3, 1), date(2026, 3, 2)]  # today, and the next ahead
    detail = tasks.get_task(session, first)
    assert (detail.due_date, detail.due_time) == (date(2026, 3, 1), time(10, 0))
    recurrence.make_due_occurrences(session, _utc(2026, 3, 3, 1))  # nothing was done
    assert [d for d, _ in _days(session, sid)] == [date(2026, 3, d) for d in (1, 2, 3, 4)]
    recurrence.make_due_occurrences(session, _utc(2026, 3, 3, 2))  # again: nothing twice
    assert len(_days(session, sid)) == 4


def test_days_are_the_shop_time_zone(session: Session) -> None:
    rule = Rule(Frequency.DAILY, date(2026, 3, 1))
    first = recurrence.create_series(session, TaskDraft("Check"), rule, now=_utc(2026, 2, 28, 15, 0)).task_id
    sid = _series_of(session, first)
    # 15:00 UTC on Feb 28 is 23:00 in Shanghai: Mar 1 not yet come, it is the one made ahead.
    assert [d for d, _ in _days(session, sid)] == [date(2026, 3, 1)]
    recurrence.make_due_occurrences(session, _utc(2026, 2, 28, 16, 30))  # 00:30 on Mar 1 in Shanghai
    assert [d for d, _ in _days(session, sid)] == [date(2026, 3, 1), date(2026, 3, 2)]
    la = recurrence.create_series(
        session, TaskDraft("LA"), rule, timezone="America/Los_Angeles", now=_utc(2026, 3, 1, 16)
    )
    # 16:00 UTC on Mar 1 is 08:00 in Los Angeles: Mar 1 and the next.
    assert [d for d, _ in _days(session, _series_of(session, la.task_id))] == [date(2026, 3, 1), date(2026, 3, 2)]


def test_monthly_last_day_series_through_a_leap_february(session: Session) -> None:
    rule = Rule(Frequency.MONTHLY, date(2028, 1, 1), month_day=LAST_DAY)
    first = recurrence.create_series(session, TaskDraft("Month end"), rule, now=_utc(2028, 1, 2)).task_id
    sid = _series_of(session, first)
    recurrence.make_due_occurrences(session, _utc(2028, 3, 1))
    assert [d for d, _ in _days(session, sid)] == [date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31)]


def test_holidays_skipped_in_a_series(session: Session) -> None:
    rule = Rule(Frequency.DAILY, date(2026, 9, 30), skip_holidays=True)
    first = recurrence.create_series(session, TaskDraft("Ship check"), rule, now=_utc(2026, 10, 8, 1)).task_id
    assert [d for d, _ in _days(session, _series_of(session, first))] == [
        date(2026, 9, 30),
        date(2026, 10, 8),
        date(2026, 10, 9),
    ]


def test_editing_one_occurrence_leaves_the_series_alone(session: Session) -> None:
    ann = staff(session, "ann")
    rule = Rule(Frequency.DAILY, date(2026, 3, 1))
    now = _utc(2026, 3, 1, 1)
    first = recurrence.create_series(session, TaskDraft("Check"), rule, now=now).task_id
    sid = _series_of(session, first)
    detail = tasks.get_task(session, first)
    tasks.update_task(
        session,
        first,
        TaskDraft("Check twice", assignee_id=ann.id, due_date=detail.due_date),
        expected_version=detail.version,
    )
    recurrence.make_due_occurrences(session, _utc(2026, 3, 2, 1))
    assert _days(session, sid) == [
        (date(2026, 3, 1), "Check twice"),
        (date(2026, 3, 2), "Check"),
        (date(2026, 3, 3), "Check"),
    ]


def test_editing_the_series_changes_the_open_occurrences_from_today(session: Session) -> None:
    rule = Rule(Frequency.DAILY, date(2026, 3, 1))
    first = recurrence.create_series(session, TaskDraft("Check"), rule, now=_utc(2026, 3, 1, 1)).task_id
    sid = _series_of(session, first)
    recurrence.make_due_occurrences(session, _utc(2026, 3, 2, 1))  # Mar 1, 2, 3
    stmt = select(Task.id).where(Task.occurrence_on == date(2026, 3, 3), Task.series_id == sid)
    edited = session.scalars(stmt).one()
    d = tasks.get_task(session, edited)
    tasks.update_task(session, edited, TaskDraft("Mine", due_date=d.due_date), expected_version=d.version)
    series = recurrence.get_series(session, sid)
    recurrence.update_series(
        session,
        sid,
        TaskDraft("Check stock", due_time=time(9, 0)),
        series.rule,
        expected_version=series.version,
        now=_utc(2026, 3, 2, 1),
    )
    assert _days(session, sid) == [
        (date(2026, 3, 1), "Check"),  # the past stays as it was
        (date(2026, 3, 2), "Check stock"),
        (date(2026, 3, 3), "Mine"),  # edited on its own: kept
    ]
    series = recurrence.get_series(session, sid)
    weekly = Rule(Frequency.WEEKLY, date(2026, 3, 1), weekdays=frozenset({4}))  # Fridays
    recurrence.update_series(
        session, sid, TaskDraft("Weekly"), weekly, expected_version=series.version, now=_utc(2026, 3, 2, 1)
    )
    assert _days(session, sid) == [
        (date(2026, 3, 1), "Check"),
        (date(2026, 3, 2), "Weekly"),  # today's stays (it may be under way), with the new values
        (date(2026, 3, 3), "Mine"),
        (date(2026, 3, 6), "Weekly"),  # the next Friday
    ]
    series = recurrence.get_series(session, sid)
    recurrence.end_series(session, sid, expected_version=series.version, now=_utc(2026, 3, 2, 1))
    recurrence.make_due_occurrences(session, _utc(2026, 3, 20))
    assert [d for d, _ in _days(session, sid)] == [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3)]


def test_a_long_gap_makes_only_the_last_month(session: Session) -> None:
    rule = Rule(Frequency.DAILY, date(2026, 1, 1))
    first = recurrence.create_series(session, TaskDraft("Daily"), rule, now=_utc(2026, 1, 1, 1)).task_id
    recurrence.make_due_occurrences(session, _utc(2026, 6, 30, 1))
    days = [d for d, _ in _days(session, _series_of(session, first))]
    assert days[:2] == [date(2026, 1, 1), date(2026, 1, 2)]
    assert days[2] == date(2026, 5, 30) and days[-1] == date(2026, 7, 1) and len(days) == 2 + 33
