"""Times: UTC in the database, the shop's time zone for days, months and what people read (metrics.md, Time).

``shop_time`` is the one way a stored instant becomes a wall-clock time; ``services.zones`` applies the rule
to queries (a day of each shop in its own zone).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

CHINA_TZ = "Asia/Shanghai"  # the zone platform exports write their times in
DEFAULT_TZ = CHINA_TZ  # a shop's zone when none is set (shops.timezone)


def utcnow() -> datetime:
    return datetime.now(UTC)


def local_to_utc(naive_local: datetime, tz: str = CHINA_TZ) -> datetime:
    """A wall-clock time in ``tz`` (as platform exports give it) → aware UTC."""
    return naive_local.replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)


def utc_to_local(instant: datetime, tz: str = CHINA_TZ) -> datetime:
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(ZoneInfo(tz))


def zone_of(tz: str | None) -> str:
    """A shop's zone: its own, else the default."""
    return tz or DEFAULT_TZ


def shop_time(instant: datetime, tz: str) -> datetime:
    """A stored instant (aware, or naive UTC) as naive wall-clock time in the shop's zone ``tz``."""
    return utc_to_local(instant, tz).replace(tzinfo=None)


def shop_today(now: datetime, tz: str) -> date:
    return utc_to_local(now, tz).date()


def month_bounds_utc(year: int, month: int, tz: str = CHINA_TZ) -> tuple[datetime, datetime]:
    """[start, end) of a calendar month in ``tz``, as aware UTC instants."""
    start = datetime(year, month, 1)
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    return local_to_utc(start, tz), local_to_utc(end, tz)


def day_bounds_utc(day: date, tz: str = CHINA_TZ) -> tuple[datetime, datetime]:
    start = datetime(day.year, day.month, day.day)
    return local_to_utc(start, tz), local_to_utc(start + timedelta(days=1), tz)


def parse_month(text: str) -> tuple[int, int]:
    """``"2026-08"`` → ``(2026, 8)``; raises ValueError otherwise."""
    parts = text.strip().split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise ValueError(text)
    year, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12 or year < 2000:
        raise ValueError(text)
    return year, month
