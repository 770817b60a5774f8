"""Which days are workdays: China's public holidays and make-up workdays (调休), from ``chinese-calendar``.

One function, so every feature that counts working days (recurring tasks, service-ticket clocks) uses the
same calendar. For a year the package does not know yet (it is updated once the State Council publishes
the next year's plan), a workday is Monday to Friday.
"""

from __future__ import annotations

from datetime import date

import chinese_calendar


def is_workday(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:  # a year outside the package's table
        return day.weekday() < 5
