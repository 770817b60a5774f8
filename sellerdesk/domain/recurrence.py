"""Calendar rules of recurring tasks: which days a series falls on.

A rule repeats every ``interval`` days (daily), working days (weekdays: Monday to Friday, or the
official workdays when holidays are skipped), every ``interval`` weeks on chosen weekdays, or every
``interval`` months on one day of the month. A month without that day (the 31st in April, the 29th in
February outside leap years) uses its last day; ``month_day = LAST_DAY`` always means the last day.

Skipping public holidays: a daily or weekly occurrence that falls on a day off is dropped (the next one
is near); a monthly one moves to the next workday, so a monthly chore is never lost.
All days are calendar days in the shop's time zone; this module knows nothing of instants.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sellerdesk.domain.errors import ValidationError
from sellerdesk.domain.holidays import is_workday

LAST_DAY = -1  # month_day: the month's last day
MAX_INTERVAL = 366


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKDAYS = "weekdays"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


@dataclass(frozen=True)
class Rule:
    """When a series repeats. ``weekdays``: Monday = 0 … Sunday = 6 (weekly rules)."""

    frequency: Frequency
    starts_on: date
    interval: int = 1
    weekdays: frozenset[int] = frozenset()
    month_day: int = 1  # 1–31, or LAST_DAY (monthly rules)
    skip_holidays: bool = False
    ends_on: date | None = None


def check_rule(rule: Rule) -> None:
    """Raise ``ValidationError`` for a rule that names no day or an impossible one."""
    if not 1 <= rule.interval <= MAX_INTERVAL:
        raise ValidationError(f"Repeat every {rule.interval} is not possible.", code="task_repeat_interval")
    if rule.frequency is Frequency.WEEKLY and (not rule.weekdays or not rule.weekdays <= set(range(7))):
        raise ValidationError("A weekly repeat needs at least one weekday.", code="task_repeat_weekdays")
    if rule.frequency is Frequency.MONTHLY and not (1 <= rule.month_day <= 31 or rule.month_day == LAST_DAY):
        raise ValidationError(f"Day {rule.month_day} of the month is not possible.", code="task_repeat_month_day")
    if rule.ends_on is not None and rule.ends_on < rule.starts_on:
        raise ValidationError("The repeat ends before it starts.", code="task_repeat_ends")


def occurrences(rule: Rule, since: date | None = None, workday: Callable[[date], bool] = is_workday) -> Iterator[date]:
    """The rule's days from ``since`` (default: its start) on, in order, up to its end (endless if none)."""
    since = max(since or rule.starts_on, rule.starts_on)
    for day in _raw_days(rule):
        if rule.ends_on is not None and day > rule.ends_on:
            return
        if rule.skip_holidays or rule.frequency is Frequency.WEEKDAYS:
            moved = _on_workday(rule, day, workday)
            if moved is None:
                continue
            day = moved
        if day >= since:
            yield day


def next_occurrence(rule: Rule, after: date, workday: Callable[[date], bool] = is_workday) -> date | None:
    """The first day of the rule strictly after ``after``; None when the series has ended."""
    return next(occurrences(rule, after + timedelta(days=1), workday), None)


def _on_workday(rule: Rule, day: date, workday: Callable[[date], bool]) -> date | None:
    if rule.frequency is Frequency.WEEKDAYS and not rule.skip_holidays:
        return day if day.weekday() < 5 else None
    if workday(day):
        return day
    if rule.frequency is not Frequency.MONTHLY:
        return None
    moved = day + timedelta(days=1)
    while not workday(moved):
        moved += timedelta(days=1)
    return moved


def _raw_days(rule: Rule) -> Iterator[date]:
    start = rule.starts_on
    if rule.frequency in (Frequency.DAILY, Frequency.WEEKDAYS):
        step = timedelta(days=rule.interval if rule.frequency is Frequency.DAILY else 1)
        day = start
        while True:
            yield day
            day += step
    elif rule.frequency is Frequency.WEEKLY:
        monday = start - timedelta(days=start.weekday())
        while True:
            for wd in sorted(rule.weekdays):
                day = monday + timedelta(days=wd)
                if day >= start:
                    yield day
            monday += timedelta(weeks=rule.interval)
    else:
        year, month = start.year, start.month
        while True:
            day = month_day(year, month, rule.month_day)
            if day >= start:
                yield day
            month += rule.interval
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1


def month_day(year: int, month: int, day: int) -> date:
    """Day ``day`` of the month, or its last day when the month is shorter (or ``day`` is LAST_DAY)."""
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if day == LAST_DAY else min(day, last))
