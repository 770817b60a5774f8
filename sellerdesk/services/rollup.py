"""The daily sales roll-up (``daily_sales``): rebuilt in one statement, refreshed for the days an import touched.

A day is a calendar day in the shop's time zone. SQLite has no time zones, so a range of days is split into
segments of constant UTC offset (one segment for China time); each segment groups by ``date(paid_at + offset)``.
A day whose length is not 24 hours (a DST change) is its own segment, mapped to its date literally.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeAlias

from sqlalchemy import BigInteger, ColumnElement, Date, Select, case, cast, delete, func, insert, literal_column, select
from sqlalchemy.orm import Session

from sellerdesk.domain.timeutil import DEFAULT_TZ, day_bounds_utc, utc_to_local
from sellerdesk.models import DailySales, Order
from sellerdesk.services.zones import shop_ids_by_timezone, shop_timezones

ShopDay = tuple[int, date]  # (shop id, local day): one roll-up key, as refresh_rollup takes them
DayRow = tuple[date, int, str, int, int, int, int, int]  # day, shop, platform, then the figures in column order
AnySelect: TypeAlias = Select[*tuple[Any, ...]]
_CHUNK = 1000
_MERGE_GAP_DAYS = 7  # touched days this close are recomputed as one range (one query instead of many)
_ROLLUP_COLUMNS = ("paid_orders", "gmv_cents", "refund_cents", "refunded_orders", "units")


def capped_refund() -> ColumnElement[int]:
    """metrics.md: a refund never exceeds the paid amount (importers enforce it; sums guard it again)."""
    return case((Order.refund_cents > Order.paid_cents, Order.paid_cents), else_=Order.refund_cents)


def order_figure_columns() -> tuple[ColumnElement[int], ...]:
    """paid orders, GMV, refunds, refunded orders, units: the order figures of metrics.md, in that order."""
    return (
        func.count(),
        func.coalesce(func.sum(cast(Order.paid_cents, BigInteger)), 0),
        func.coalesce(func.sum(cast(capped_refund(), BigInteger)), 0),
        func.coalesce(func.sum(case((Order.refund_cents > 0, 1), else_=0)), 0),
        func.coalesce(func.sum(Order.units), 0),
    )


# --- local days in SQL ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Segment:
    """[start, end) in UTC where local day = date(paid_at + offset), or a single irregular ``day``."""

    start: datetime
    end: datetime
    offset_s: int = 0
    day: date | None = None


def _segments(tz: str, first: date, last: date) -> list[_Segment]:
    segments: list[_Segment] = []
    day = first
    while day <= last:
        start, end = day_bounds_utc(day, tz)
        offset = utc_to_local(start, tz).utcoffset()
        assert offset is not None
        offset_s = int(offset.total_seconds())
        if end - start != timedelta(days=1):
            segments.append(_Segment(start, end, day=day))
        elif segments and segments[-1].day is None and segments[-1].offset_s == offset_s:
            segments[-1] = _Segment(segments[-1].start, end, offset_s)
        else:
            segments.append(_Segment(start, end, offset_s))
        day += timedelta(days=1)
    return segments


def _local_day(dialect: str, segment: _Segment) -> ColumnElement[date]:
    # Literal SQL (no bound parameters): PostgreSQL needs GROUP BY to repeat the select's expression exactly.
    if segment.day is not None:
        text = f"'{segment.day.isoformat()}'"
        return literal_column(text if dialect == "sqlite" else f"DATE {text}", type_=Date)
    if dialect == "sqlite":
        return func.date(Order.paid_at, literal_column(f"'{segment.offset_s:+d} seconds'"), type_=Date)
    return cast(Order.paid_at + literal_column(f"interval '{segment.offset_s} seconds'"), Date)


def _orders_by_day(dialect: str, shop_ids: Sequence[int], segment: _Segment) -> AnySelect:
    day = _local_day(dialect, segment)
    return (
        select(day, Order.shop_id, Order.platform, *order_figure_columns())
        # + 0: stay on the payment-time index (see zones.Window.shops)
        .where((Order.shop_id + 0).in_(shop_ids), Order.paid_at >= segment.start, Order.paid_at < segment.end)
        .group_by(day, Order.shop_id, Order.platform)
    )


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _day_row(row: Any) -> DayRow:
    day, shop_id, platform, *values = row
    return (day, int(shop_id), str(platform), *(int(v) for v in values))


def sum_orders_by_day(session: Session, first: date, last: date) -> list[DayRow]:
    """(day, shop id, platform, paid orders, GMV, refunds, refunded orders, units) straight from the orders."""
    rows: list[DayRow] = []
    for tz, shop_ids in shop_ids_by_timezone(session).items():
        for segment in _segments(tz, first, last):
            stmt = _orders_by_day(_dialect(session), shop_ids, segment)
            rows.extend(_day_row(r) for r in session.execute(stmt))
    return rows


def sum_rollup_by_day(session: Session, first: date, last: date) -> list[DayRow]:
    """The same rows as ``sum_orders_by_day``, read from the roll-up."""
    stmt = select(
        DailySales.day, DailySales.shop_id, DailySales.platform, *(getattr(DailySales, c) for c in _ROLLUP_COLUMNS)
    ).where(DailySales.day >= first, DailySales.day <= last)
    return [_day_row(r) for r in session.execute(stmt)]


# --- keeping it current -----------------------------------------------------------------------------------


def _insert_days(session: Session, tz: str, shop_ids: Sequence[int], first: date, last: date) -> None:
    columns = ["day", "shop_id", "platform", *_ROLLUP_COLUMNS]
    for segment in _segments(tz, first, last):
        session.execute(insert(DailySales).from_select(columns, _orders_by_day(_dialect(session), shop_ids, segment)))


def rebuild_rollup(session: Session) -> None:
    """Recompute the whole roll-up from the orders (after a demo, a restore, or to repair it)."""
    session.execute(delete(DailySales))
    for tz, shop_ids in shop_ids_by_timezone(session).items():
        lo, hi = session.execute(
            select(func.min(Order.paid_at), func.max(Order.paid_at)).where(Order.shop_id.in_(shop_ids))
        ).one()
        if lo is not None and hi is not None:
            _insert_days(session, tz, shop_ids, utc_to_local(lo, tz).date(), utc_to_local(hi, tz).date())


def rollup_days(session: Session, order_ids: Sequence[int]) -> set[ShopDay]:
    """The (shop, local day) keys these orders count in now. Take them before changing or deleting orders,
    and pass them to ``refresh_rollup`` afterwards: an order's payment day can change between imports."""
    zones = shop_timezones(session)
    days: set[ShopDay] = set()
    for start in range(0, len(order_ids), _CHUNK):
        part = order_ids[start : start + _CHUNK]
        stmt = select(Order.shop_id, Order.paid_at).where(Order.id.in_(part), Order.paid_at.is_not(None))
        for shop_id, paid_at in session.execute(stmt):
            assert paid_at is not None
            days.add((shop_id, utc_to_local(paid_at, zones.get(shop_id, DEFAULT_TZ)).date()))
    return days


def refresh_rollup(session: Session, order_ids: Sequence[int], days: Iterable[ShopDay] = ()) -> None:
    """Recompute the roll-up rows of the days these orders are paid on now, plus ``days`` (their days before
    the change, from ``rollup_days``). Call once per import or undo, after all its writes."""
    touched: dict[int, set[date]] = defaultdict(set)
    for shop_id, day in rollup_days(session, order_ids) | set(days):
        touched[shop_id].add(day)
    zones = shop_timezones(session)
    for shop_id, shop_days in sorted(touched.items()):
        tz = zones.get(shop_id, DEFAULT_TZ)
        for first, last in _ranges(sorted(shop_days)):
            session.execute(
                delete(DailySales).where(DailySales.shop_id == shop_id, DailySales.day.between(first, last))
            )
            _insert_days(session, tz, [shop_id], first, last)


def _ranges(days: Sequence[date]) -> Iterator[tuple[date, date]]:
    """Sorted days → [first, last] ranges; close days share a range (recomputing a day twice is harmless)."""
    first = last = days[0]
    for day in days[1:]:
        if (day - last).days > _MERGE_GAP_DAYS:
            yield first, last
            first = day
        last = day
    yield first, last
