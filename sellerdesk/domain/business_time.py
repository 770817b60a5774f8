"""The service desk's clock: business hours, the Chinese public holidays and their make-up working days.

A working day comes from, in this order: the owner's override for that date (a holiday the library does
not know yet, an extra day off); else the ``chinese_calendar`` package, which knows the State Council's
schedule (holidays *and* the weekend days made working days, e.g. Saturday 2026-10-10 after National
Day); else, for a year the package does not cover yet, Monday to Friday. A desk that works every day
(``observe_holidays`` False) still takes the overrides.

Instants are aware UTC; days and hours are the calendar's time zone (default Asia/Shanghai).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar

from sellerdesk.domain.timeutil import CHINA_TZ

_MAX_DAYS = 3 * 366  # a deadline further than this is a policy mistake, not a date to search for


@dataclass(frozen=True)
class BusinessCalendar:
    """When the desk works. ``day_end`` None means midnight (the end of the day)."""

    tz: str = CHINA_TZ
    day_start: time = time(9)
    day_end: time | None = None
    observe_holidays: bool = True
    overrides: Mapping[date, bool] = field(default_factory=dict)  # True: working day, False: day off

    def is_working_day(self, day: date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if not self.observe_holidays:
            return True
        return library_working_day(day)

    def opening(self, day: date) -> tuple[datetime, datetime] | None:
        """The day's working hours as [start, end) in UTC; None on a day off."""
        if not self.is_working_day(day):
            return None
        zone = ZoneInfo(self.tz)
        start = datetime.combine(day, self.day_start, zone)
        end = datetime.combine(day + timedelta(days=1), time(0), zone)
        if self.day_end is not None:
            end = datetime.combine(day, self.day_end, zone)
        return start.astimezone(UTC), end.astimezone(UTC)

    def _days_from(self, instant: datetime) -> Iterator[date]:
        day = instant.astimezone(ZoneInfo(self.tz)).date()
        for n in range(_MAX_DAYS):
            yield day + timedelta(days=n)
        raise ValueError("no working time within three years: check the calendar's overrides")


def library_working_day(day: date) -> bool:
    """The public calendar alone: the package's schedule, or Monday–Friday for a year it does not know."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def library_knows(year: int) -> bool:
    """Whether the holiday package has the official schedule of ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def business_seconds(calendar: BusinessCalendar, start: datetime, end: datetime) -> int:
    """Working seconds between two instants; negative when ``end`` is before ``start``."""
    if end < start:
        return -business_seconds(calendar, end, start)
    total = 0.0
    for day in calendar._days_from(start):
        hours = calendar.opening(day)
        if hours is not None:
            lo, hi = max(hours[0], start), min(hours[1], end)
            if hi > lo:
                total += (hi - lo).total_seconds()
            if hours[0] >= end:
                break
        elif datetime.combine(day, time(0), ZoneInfo(calendar.tz)) >= end:
            break
    return int(total)


def add_business_seconds(calendar: BusinessCalendar, start: datetime, seconds: int) -> datetime:
    """The instant ``seconds`` working seconds after ``start`` (0: the next moment the desk is open)."""
    if seconds < 0:
        raise ValueError("seconds must not be negative")
    left = timedelta(seconds=seconds)
    for day in calendar._days_from(start):
        hours = calendar.opening(day)
        if hours is None:
            continue
        begin = max(hours[0], start)
        if begin >= hours[1]:
            continue
        if left <= hours[1] - begin:
            return begin + left
        left -= hours[1] - begin
    raise AssertionError("unreachable")  # _days_from raises first


def elapsed(calendar: BusinessCalendar, start: datetime, end: datetime, *, business: bool) -> int:
    """Seconds on the given clock: working time, or plain wall-clock time (platform timers run day and night)."""
    return business_seconds(calendar, start, end) if business else int((end - start).total_seconds())


def deadline(calendar: BusinessCalendar, start: datetime, seconds: int, *, business: bool) -> datetime:
    return add_business_seconds(calendar, start, seconds) if business else start + timedelta(seconds=seconds)
