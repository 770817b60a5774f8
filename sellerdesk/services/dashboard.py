"""The home dashboard in one read: today's and the month's figures, the work queues and the chart series.

Every figure comes from ``services.reports`` (docs/metrics.md); the daily series and the refund-rate trend
read the ``daily_sales`` roll-up, never the raw orders, so a year of chart costs a few thousand rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import OrderStatus
from sellerdesk.domain.stock import StockLevel
from sellerdesk.domain.timeutil import DEFAULT_TZ, shop_today, utcnow
from sellerdesk.models import Order
from sellerdesk.services import browse, orders, reports, tasks, tickets
from sellerdesk.services.zones import house_timezone

CHART_DAYS = 365  # the longest range the daily chart offers (30, 90 or 365 days)
TREND_MONTHS = 12
QUEUE_KEYS = ("late_to_ship", "unshipped", "overdue_tickets", "low_stock", "tasks_due_today", "tasks_overdue")


@dataclass(frozen=True)
class WorkQueues:
    """What needs doing now; each count is what the filtered tab shows for its key (``QUEUE_KEYS``)."""

    late_to_ship: int  # paid, not shipped, past the shipping deadline (per platform, else per shop)
    unshipped: int  # paid, not shipped yet
    overdue_tickets: int  # open tickets past their resolution due time, or unanswered past the response due time
    low_stock: int  # SKUs at the Products tab's red stock level (under safety stock, or none available)
    tasks_due_today: int  # tasks not done, due today (the house zone's today) and not past their due time yet
    tasks_overdue: int = 0  # tasks not done, past their due day or due time (services.tasks)

    def count(self, key: str) -> int:
        if key not in QUEUE_KEYS:
            raise ValueError(f"unknown work queue {key!r}")
        return int(getattr(self, key))


@dataclass(frozen=True)
class HomeDashboard:
    as_of: datetime  # aware UTC
    has_data: bool  # False for a brand-new database (the home page then explains how to get data in)
    today: date | None = None  # the last day of the series (in ``timezone``)
    timezone: str = DEFAULT_TZ  # the house zone (zones.house_timezone): today, and the time of ``as_of``
    figures: reports.DashboardFigures | None = None  # today and month to date, against last month
    queues: WorkQueues | None = None
    daily: tuple[reports.DayFigures, ...] = ()  # the CHART_DAYS days up to today, oldest first
    refund_trend: tuple[reports.MonthRefunds, ...] = ()  # the TREND_MONTHS months up to this one
    service: tickets.ServiceMonth | None = None  # this month's service-desk figures (docs/metrics.md)

    @property
    def platforms(self) -> tuple[str, ...]:
        """Platforms with sales in the series, the biggest first."""
        totals: dict[str, int] = {}
        for day in self.daily:
            for platform, fig in day.by_platform.items():
                totals[platform] = totals.get(platform, 0) + fig.gmv_cents
        return tuple(sorted(totals, key=lambda p: (-totals[p], p)))


def overdue_ticket_count(session: Session, now: datetime) -> int:
    """Open tickets whose resolution is due before ``now``, or whose first response is due and not given."""
    return tickets.count_queue(session, tickets.TicketFilter(view="overdue"), now)  # what the tab's filter shows


def count_work_queues(session: Session, now: datetime) -> WorkQueues:
    # Here, not at the top: the products service loads the spreadsheet readers (~0.25 s), and the home page
    # imports this module on the UI thread while the queues are counted on the database worker.
    from sellerdesk.services import products

    # An incomplete order (no order file yet) is no known sale: no queue counts it.
    unshipped = select(func.count()).select_from(Order).where(Order.status == OrderStatus.PAID, ~Order.incomplete)
    return WorkQueues(
        late_to_ship=orders.late_to_ship_count(session, now),
        unshipped=int(session.execute(unshipped).scalar_one()),
        overdue_tickets=overdue_ticket_count(session, now),
        low_stock=products.count_skus(session, filters=products.SkuFilter(level=StockLevel.CRITICAL)),
        tasks_due_today=tasks.count_due_today(session, now),
        tasks_overdue=tasks.count_overdue(session, now),
    )


def load_home_dashboard(session: Session, now: datetime | None = None) -> HomeDashboard:
    """Everything the home page shows at ``now`` (aware UTC; default: now)."""
    now = now or utcnow()
    if not browse.has_data(session):
        return HomeDashboard(as_of=now, has_data=False)
    zone = house_timezone(session)
    today = shop_today(now, zone)
    return HomeDashboard(
        as_of=now,
        has_data=True,
        today=today,
        timezone=zone,
        figures=reports.compute_dashboard(session, now),
        queues=count_work_queues(session, now),
        daily=reports.list_daily_figures(session, today - timedelta(days=CHART_DAYS - 1), today),
        refund_trend=reports.list_refund_trend(session, today.year, today.month, TREND_MONTHS),
        service=tickets.agent_month_figures(session, today.year, today.month, zone),
    )
