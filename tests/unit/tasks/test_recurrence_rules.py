"""Calendar rules of recurring tasks (domain/recurrence.py) and the holiday calendar (domain/holidays.py)."""

from __future__ import annotations

from datetime import date
from itertools import islice

import pytest

from sellerdesk.domain.errors import ValidationError
from sellerdesk.domain.holidays import is_workday
from sellerdesk.domain.recurrence import LAST_DAY, Frequency, Rule, check_rule, next_occurrence, occurrences


def _first(rule: Rule, n: int, since: date | None = None) -> list[date]:
    return list(islice(occurrences(rule, since), n))


def test_daily_and_every_n_days() -> None:
    assert _first(Rule(Frequency.DAILY, date(2026, 12, 30)), 3) == [
        date(2026, 12, 30),
        date(2026, 12, 31),
        date(2027, 1, 1),
    ]
    assert _first(Rule(Frequency.DAILY, date(2026, 2, 27), interval=3), 3) == [
        date(2026, 2, 27),
        date(2026, 3, 2),
        date(2026, 3, 5),
    ]


def test_weekdays_skip_weekends() -> None:
    friday = date(2026, 12, 4)
    assert _first(Rule(Frequency.WEEKDAYS, friday), 3) == [friday, date(2026, 12, 7), date(2026, 12, 8)]


def test_weekly_on_chosen_days_every_other_week() -> None:
    rule = Rule(Frequency.WEEKLY, date(2026, 12, 2), interval=2, weekdays=frozenset({0, 4}))  # Mon, Fri
    assert _first(rule, 4) == [date(2026, 12, 4), date(2026, 12, 14), date(2026, 12, 18), date(2026, 12, 28)]


def test_monthly_on_the_31st_uses_the_last_day_of_shorter_months() -> None:
    rule = Rule(Frequency.MONTHLY, date(2026, 1, 31), month_day=31)
    assert _first(rule, 4) == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]


def test_february_in_leap_years() -> None:
    on_29th = Rule(Frequency.MONTHLY, date(2027, 12, 29), month_day=29, interval=2)
    assert _first(on_29th, 2) == [date(2027, 12, 29), date(2028, 2, 29)]
    last = Rule(Frequency.MONTHLY, date(2027, 2, 1), month_day=LAST_DAY, interval=12)
    assert _first(last, 2) == [date(2027, 2, 28), date(2028, 2, 29)]


def test_last_day_of_month() -> None:
    rule = Rule(Frequency.MONTHLY, date(2026, 11, 15), month_day=LAST_DAY)
    assert _first(rule, 3) == [date(2026, 11, 30), date(2026, 12, 31), date(2027, 1, 31)]


def test_monthly_rule_starting_after_its_day_begins_next_month() -> None:
    assert _first(Rule(Frequency.MONTHLY, date(2026, 12, 20), month_day=5), 1) == [date(2027, 1, 5)]


def test_holidays_are_skipped_when_asked() -> None:
    # National Day 2026: Oct 1–7 off; Sep 20 (Sunday) and Oct 10 (Saturday) are make-up workdays.
    assert not is_workday(date(2026, 10, 1)) and is_workday(date(2026, 9, 20)) and is_workday(date(2026, 10, 9))
    daily = Rule(Frequency.DAILY, date(2026, 9, 30), skip_holidays=True)
    assert _first(daily, 2) == [date(2026, 9, 30), date(2026, 10, 8)]
    weekdays = Rule(Frequency.WEEKDAYS, date(2026, 9, 30), skip_holidays=True)
    assert _first(weekdays, 2) == [date(2026, 9, 30), date(2026, 10, 8)]
    monthly = Rule(Frequency.MONTHLY, date(2026, 9, 1), month_day=1, skip_holidays=True)
    assert _first(monthly, 2) == [date(2026, 9, 1), date(2026, 10, 8)]  # moved to the next workday, not lost
    plain = Rule(Frequency.DAILY, date(2026, 9, 30))
    assert _first(plain, 2) == [date(2026, 9, 30), date(2026, 10, 1)]


def test_a_year_the_calendar_does_not_know_falls_back_to_monday_to_friday() -> None:
    assert is_workday(date(2099, 10, 1))  # a Thursday
    assert not is_workday(date(2099, 10, 3))  # a Saturday


def test_ends_and_next() -> None:
    rule = Rule(Frequency.DAILY, date(2026, 1, 1), ends_on=date(2026, 1, 2))
    assert list(occurrences(rule)) == [date(2026, 1, 1), date(2026, 1, 2)]
    assert next_occurrence(rule, date(2026, 1, 1)) == date(2026, 1, 2)
    assert next_occurrence(rule, date(2026, 1, 2)) is None


@pytest.mark.parametrize(
    ("rule", "code"),
    [
        (Rule(Frequency.DAILY, date(2026, 1, 1), interval=0), "task_repeat_interval"),
        (Rule(Frequency.WEEKLY, date(2026, 1, 1)), "task_repeat_weekdays"),
        (Rule(Frequency.MONTHLY, date(2026, 1, 1), month_day=32), "task_repeat_month_day"),
        (Rule(Frequency.DAILY, date(2026, 1, 2), ends_on=date(2026, 1, 1)), "task_repeat_ends"),
    ],
)
def test_impossible_rules(rule: Rule, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_rule(rule)
    assert err.value.code == code
