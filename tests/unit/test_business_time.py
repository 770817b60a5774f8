"""The SLA clock's calendar: business hours, Chinese public holidays, make-up working days, overrides."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from sellerdesk.domain.business_time import (
    BusinessCalendar,
    add_business_seconds,
    business_seconds,
    deadline,
    library_knows,
    library_working_day,
)
from sellerdesk.domain.timeutil import local_to_utc

HOUR = 3600
# 09:00–18:00 China time, public holidays observed: the common office desk.
OFFICE = BusinessCalendar(day_start=time(9), day_end=time(18))


def cn(*args: int) -> datetime:
    return local_to_utc(datetime(*args))  # type: ignore[arg-type]


def test_within_one_working_day() -> None:
    assert add_business_seconds(OFFICE, cn(2026, 8, 10, 10), 2 * HOUR) == cn(2026, 8, 10, 12)
    assert business_seconds(OFFICE, cn(2026, 8, 10, 10), cn(2026, 8, 10, 12)) == 2 * HOUR


def test_after_hours_start_counts_from_next_opening() -> None:
    # Monday 20:00: nothing counts until Tuesday 09:00.
    assert add_business_seconds(OFFICE, cn(2026, 8, 10, 20), HOUR) == cn(2026, 8, 11, 10)
    assert add_business_seconds(OFFICE, cn(2026, 8, 10, 7), 0) == cn(2026, 8, 10, 9)


def test_runs_over_the_night_and_the_weekend() -> None:
    # Friday 17:00 + 2 h → Monday 10:00 (an ordinary weekend in August 2026).
    assert add_business_seconds(OFFICE, cn(2026, 8, 14, 17), 2 * HOUR) == cn(2026, 8, 17, 10)
    assert business_seconds(OFFICE, cn(2026, 8, 14, 17), cn(2026, 8, 17, 10)) == 2 * HOUR


def test_national_day_2026_and_its_make_up_days() -> None:
    # 2026: Oct 1–7 off; Sunday Sep 20 and Saturday Oct 10 are working days (make-up days).
    assert library_knows(2026)
    assert library_working_day(date(2026, 9, 20))  # a Sunday, worked
    assert not any(library_working_day(date(2026, 10, d)) for d in range(1, 8))
    assert library_working_day(date(2026, 10, 10))  # a Saturday, worked
    assert not library_working_day(date(2026, 10, 11))  # the Sunday after stays off
    # Wednesday Sep 30 17:00 + 2 h: 1 h that evening, then nothing until Thursday Oct 8 10:00.
    assert add_business_seconds(OFFICE, cn(2026, 9, 30, 17), 2 * HOUR) == cn(2026, 10, 8, 10)
    # Friday Oct 9 17:00 + 2 h → the make-up Saturday Oct 10 at 10:00.
    assert add_business_seconds(OFFICE, cn(2026, 10, 9, 17), 2 * HOUR) == cn(2026, 10, 10, 10)
    # Saturday Sep 19 counts nothing, the make-up Sunday Sep 20 a full day.
    assert business_seconds(OFFICE, cn(2026, 9, 19, 0), cn(2026, 9, 21, 0)) == 9 * HOUR


def test_year_the_library_does_not_know_uses_weekdays_and_overrides() -> None:
    assert not library_knows(2031)
    assert library_working_day(date(2031, 1, 6)) and not library_working_day(date(2031, 1, 4))
    # The owner types the schedule the package lacks: a holiday on a Monday, a make-up Saturday.
    calendar = BusinessCalendar(
        day_start=time(9), day_end=time(18), overrides={date(2031, 1, 6): False, date(2031, 1, 4): True}
    )
    assert calendar.is_working_day(date(2031, 1, 4)) and not calendar.is_working_day(date(2031, 1, 6))
    assert add_business_seconds(calendar, cn(2031, 1, 3, 17), 2 * HOUR) == cn(2031, 1, 4, 10)


def test_override_wins_over_the_library() -> None:
    calendar = BusinessCalendar(day_start=time(9), day_end=time(18), overrides={date(2026, 10, 10): False})
    assert add_business_seconds(calendar, cn(2026, 10, 9, 17), 2 * HOUR) == cn(2026, 10, 12, 10)


def test_seven_day_desk_and_midnight_close() -> None:
    every_day = BusinessCalendar(day_start=time(8), day_end=None, observe_holidays=False)
    # National Day counts on a desk that works every day; 23:00 + 2 h → 08:00 + 1 h the next day.
    assert add_business_seconds(every_day, cn(2026, 10, 1, 23), 2 * HOUR) == cn(2026, 10, 2, 9)


def test_month_end_spanning_ticket() -> None:
    # Friday Jul 31 17:00 + 3 h: 1 h in July, 2 h on Monday Aug 3.
    due = add_business_seconds(OFFICE, cn(2026, 7, 31, 17), 3 * HOUR)
    assert due == cn(2026, 8, 3, 11)
    assert business_seconds(OFFICE, cn(2026, 7, 31, 17), due) == 3 * HOUR


def test_signed_elapsed_and_wall_clock() -> None:
    assert business_seconds(OFFICE, cn(2026, 8, 10, 12), cn(2026, 8, 10, 10)) == -2 * HOUR
    start = datetime(2026, 10, 1, 1, tzinfo=UTC)
    assert deadline(OFFICE, start, 48 * HOUR, business=False) == start + timedelta(hours=48)


def test_negative_seconds_refused() -> None:
    with pytest.raises(ValueError):
        add_business_seconds(OFFICE, cn(2026, 8, 10, 10), -1)


def test_calendar_with_no_working_day_fails_loudly() -> None:
    never = BusinessCalendar(observe_holidays=False, overrides={})
    closed = BusinessCalendar(day_start=time(9), day_end=time(9, 0, 0, 1), observe_holidays=False)
    assert add_business_seconds(never, cn(2026, 8, 10, 10), 60) == cn(2026, 8, 10, 10, 1)
    with pytest.raises(ValueError):
        add_business_seconds(closed, cn(2026, 8, 10, 10), 60)
