"""The monthly report: every figure of the workbook as DTOs, and the month's paid orders streamed."""

from __future__ import annotations

import heapq
import logging
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.figures import Figures, MonthReport, PaidOrderRow
from sellerdesk.domain.permissions import OWNER, Action, Actor, require
from sellerdesk.domain.timeutil import shop_time, utcnow
from sellerdesk.models import Order, Shop
from sellerdesk.services.promotions import list_promotions_ended_in
from sellerdesk.services.reports.daily import list_daily_figures, list_refund_reasons, list_refund_trend
from sellerdesk.services.reports.goods import active_sku_ids
from sellerdesk.services.reports.monthly import breakdown_of, compare, month_rows
from sellerdesk.services.reports.team import compute_team_figures
from sellerdesk.services.rollup import capped_refund
from sellerdesk.services.tickets.figures import agent_month_figures
from sellerdesk.services.zones import Window, house_timezone, month_days, month_windows

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


def iter_paid_orders(session: Session, year: int, month: int, batch: int = 2000) -> Iterator[PaidOrderRow]:
    """Every order paid in M, by payment time, streamed (``yield_per``): one plain row each."""
    streams = [_paid_orders_in(session, w, batch) for w in month_windows(session, year, month) if w.has_shops]
    merged = streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda pair: pair[0])
    for _, row in merged:
        yield row


def _paid_orders_in(
    session: Session, window: Window, batch: int
) -> Iterator[tuple[tuple[datetime, int], PaidOrderRow]]:
    stmt = (
        select(
            Order.paid_at,
            Order.id,
            Order.platform,
            Shop.name,
            Order.platform_order_id,
            Order.status,
            Order.refund_state,
            Order.buyer_nick,
            Order.receiver_province,
            Order.receiver_city,
            Order.units,
            Order.paid_cents,
            capped_refund(),
            Order.buyer_message,
            Order.seller_memo,
        )
        .join(Shop, Shop.id == Order.shop_id)
        .where(Order.paid_at >= window.start, Order.paid_at < window.end, window.shops(Order.shop_id))
        .order_by(Order.paid_at, Order.id)
        .execution_options(yield_per=batch)
    )
    for paid_at, order_id, *rest in session.execute(stmt):
        assert paid_at is not None
        yield (paid_at, order_id), PaidOrderRow(shop_time(paid_at, window.tz), *rest)


# === the monthly report ====================================================================================


def build_monthly_report(session: Session, year: int, month: int, now: datetime | None = None) -> MonthReport:
    """Every figure of the monthly workbook, as DTOs; the orders are streamed later by ``orders()``."""
    now = now or utcnow()
    rows, active = month_rows(session, year, month), active_sku_ids(session)
    comparison = compare(session, rows, active)
    first, last = month_days(year, month)
    daily = list_daily_figures(session, first, last)
    current = sum((d.total for d in daily), Figures()) == comparison.current.figures.total
    if not current:  # a stale roll-up must not contradict the summary: count from the orders instead
        log.warning("daily_sales disagrees with the orders for %04d-%02d; reading the orders", year, month)
        daily = list_daily_figures(session, first, last, from_orders=True)
    return MonthReport(
        year=year,
        month=month,
        generated_at=now,
        comparison=comparison,
        breakdown=breakdown_of(session, rows, active),
        daily=daily,
        refund_trend=list_refund_trend(session, year, month, from_orders=not current),
        refund_reasons=list_refund_reasons(session, year, month),
        service=agent_month_figures(session, year, month, house_timezone(session)),
        team=compute_team_figures(session, year, month, now),
        orders=lambda: iter_paid_orders(session, year, month),
        daily_from_rollup=current,
        timezone=house_timezone(session),
        promotions=list_promotions_ended_in(session, year, month, now),
    )


def export_monthly_workbook(
    session: Session,
    year: int,
    month: int,
    path: Path,
    lang: str = "zh_CN",
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    actor: Actor = OWNER,
) -> Path:
    """Write month M's workbook to ``path`` (replaced only when complete). Raises ``Cancelled`` when asked."""
    require(actor, Action.VIEW_REPORTS)
    from sellerdesk.sheets.report_workbook import write_monthly_workbook

    report = build_monthly_report(session, year, month)
    return write_monthly_workbook(path, report, lang, progress=progress, cancelled=cancelled)
