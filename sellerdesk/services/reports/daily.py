"""Daily series and the refund trend (from the daily roll-up), and the month's refund reasons."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import BigInteger, case, cast, func, select
from sqlalchemy.orm import Session

from sellerdesk.domain.figures import DayFigures, Figures, MonthRefunds, RefundReason
from sellerdesk.models import Refund
from sellerdesk.services.rollup import sum_orders_by_day, sum_rollup_by_day
from sellerdesk.services.zones import covering, month_days, month_windows, shift_month


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def list_daily_figures(
    session: Session, first: date, last: date, *, from_orders: bool = False
) -> tuple[DayFigures, ...]:
    """Per local day from ``first`` to ``last`` (every day present): figures in total and by platform.

    Reads the ``daily_sales`` roll-up (a year: a few thousand rows); ``from_orders`` recomputes from orders.
    """
    rows = (sum_orders_by_day if from_orders else sum_rollup_by_day)(session, first, last)
    by_day: dict[date, dict[str, Figures]] = defaultdict(lambda: defaultdict(Figures))
    for day, _shop, platform, *values in rows:
        by_day[day][platform] = by_day[day][platform] + Figures(*values)
    return tuple(
        DayFigures(d, sum(by_day[d].values(), Figures()), dict(by_day[d])) if d in by_day else DayFigures(d, Figures())
        for d in _days(first, last)
    )


def list_refund_trend(
    session: Session, year: int, month: int, months: int = 12, *, from_orders: bool = False
) -> tuple[MonthRefunds, ...]:
    """The figures (refund rate among them) of the ``months`` months ending with M, oldest first."""
    first_year, first_month = shift_month(year, month, 1 - months)
    daily = list_daily_figures(
        session, date(first_year, first_month, 1), month_days(year, month)[1], from_orders=from_orders
    )
    per_month: dict[str, Figures] = defaultdict(Figures)
    for day in daily:
        key = f"{day.day.year:04d}-{day.day.month:02d}"
        per_month[key] = per_month[key] + day.total
    return tuple(MonthRefunds(m, f) for m, f in sorted(per_month.items()))


def list_refund_reasons(session: Session, year: int, month: int) -> tuple[RefundReason, ...]:
    """After-sale cases applied for in M (shop time zone), by kind and reason, most cases first."""
    done = Refund.state == "refunded"
    stmt = (
        select(
            Refund.kind,
            Refund.reason,
            func.count(),
            func.coalesce(func.sum(case((done, 1), else_=0)), 0),
            func.coalesce(func.sum(case((done, cast(Refund.amount_cents, BigInteger)), else_=0)), 0),
        )
        .where(covering(month_windows(session, year, month), Refund.applied_at, Refund.shop_id))
        .group_by(Refund.kind, Refund.reason)
    )
    rows = [RefundReason(k or "", r or "", int(n), int(d), int(c)) for k, r, n, d, c in session.execute(stmt)]
    return tuple(sorted(rows, key=lambda r: (-r.cases, -r.refunded_cents, r.kind, r.reason)))
