"""The monthly order figures of metrics.md, the month's comparison (month before, same month a year before)
and its breakdown by shop, platform and SKU.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from sellerdesk.domain.figures import (
    Breakdown,
    Figures,
    GoodsFigures,
    MonthComparison,
    MonthlyFigures,
    MonthSnapshot,
    PlatformFigures,
    Ratio,
)
from sellerdesk.domain.orders import shipped_late
from sellerdesk.domain.permissions import OWNER, Action, Actor, require
from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models import Order
from sellerdesk.services.orders import DEFAULT_SHIP_HOURS, ship_hours_by_shop
from sellerdesk.services.reports.goods import (
    GoodsKey,
    active_sku_ids,
    goods_figures,
    sell_through_of,
    shop_rows,
    sku_rows,
)
from sellerdesk.services.rollup import order_figure_columns
from sellerdesk.services.zones import Window, covering, month_windows, shift_month


def order_figures(session: Session, windows: Sequence[Window]) -> dict[tuple[int, str], Figures]:
    """The figures of metrics.md per (shop, platform), for orders paid inside the windows."""
    found: dict[tuple[int, str], Figures] = defaultdict(Figures)
    for w in windows:
        if not w.has_shops:
            continue
        stmt = (
            select(Order.shop_id, Order.platform, *order_figure_columns())
            .where(Order.paid_at >= w.start, Order.paid_at < w.end, w.shops(Order.shop_id))
            .group_by(Order.shop_id, Order.platform)
        )
        for shop_id, platform, *values in session.execute(stmt):
            found[(shop_id, platform)] = found[(shop_id, platform)] + Figures(*(int(v) for v in values))
    return dict(found)


def sum_by_platform(figures: dict[tuple[int, str], Figures]) -> dict[str, Figures]:
    platforms: dict[str, Figures] = defaultdict(Figures)
    for (_, platform), fig in figures.items():
        platforms[platform] = platforms[platform] + fig
    return dict(platforms)


def monthly_figures(session: Session, year: int, month: int, *, actor: Actor = OWNER) -> MonthlyFigures:
    """Figures of month M, counted on the payment date in each shop's time zone (metrics.md).

    ``actor``: the desktop app passes who is signed in (the figures hold margins); the command line is the owner.
    """
    require(actor, Action.VIEW_REPORTS)
    by_platform = sum_by_platform(order_figures(session, month_windows(session, year, month)))
    total = sum(by_platform.values(), Figures())
    return MonthlyFigures(month=f"{year:04d}-{month:02d}", total=total, by_platform=by_platform)


@dataclass(frozen=True)
class LateShipments:
    """Orders paid in M that shipped after their deadline or are still late to ship (docs/metrics.md)."""

    ratio: Ratio  # late / paid orders in M
    order_ids: tuple[int, ...]  # the late ones, by id


def late_shipments(session: Session, year: int, month: int, now: datetime | None = None) -> LateShipments:
    """Of the orders paid in M (each shop's month), those shipped after the shop's shipping deadline
    (``orders.ship_hours_by_shop``), or not shipped and past it at ``now``."""
    now = now or utcnow()
    hours = ship_hours_by_shop(session)
    stmt = select(Order.id, Order.shop_id, Order.status, Order.paid_at, Order.shipped_at).where(
        covering(month_windows(session, year, month), Order.paid_at, Order.shop_id)
    )
    paid, late = 0, []
    for order_id, shop_id, status, paid_at, shipped_at in session.execute(stmt.order_by(Order.id)):
        paid += 1
        if shipped_late(status, paid_at, shipped_at, now, hours.get(shop_id, DEFAULT_SHIP_HOURS)):
            late.append(order_id)
    return LateShipments(Ratio(len(late), paid), tuple(late))


def compute_repurchase(session: Session, year: int, month: int) -> Ratio:
    """Buyers with 2+ paid orders in the month / buyers with 1+ (orders linked to a buyer only)."""
    windows = month_windows(session, year, month)
    per_buyer = (
        select(Order.buyer_id, func.count().label("n"))
        .where(Order.buyer_id.is_not(None), covering(windows, Order.paid_at, Order.shop_id))
        .group_by(Order.buyer_id)
        .subquery()
    )
    buyers, repeat = session.execute(
        select(func.count(), func.coalesce(func.sum(case((per_buyer.c.n >= 2, 1), else_=0)), 0))
    ).one()
    return Ratio(int(repeat), int(buyers))


@dataclass(frozen=True)
class MonthRows:
    """The two grouped queries a month's figures come from (read once, used by summary and breakdown)."""

    year: int
    month: int
    orders: dict[tuple[int, str], Figures]
    goods: dict[GoodsKey, GoodsFigures]


def month_rows(session: Session, year: int, month: int) -> MonthRows:
    windows = month_windows(session, year, month)
    return MonthRows(year, month, order_figures(session, windows), goods_figures(session, windows))


def _snapshot(session: Session, rows: MonthRows, active: set[int]) -> MonthSnapshot:
    by_platform = sum_by_platform(rows.orders)
    return MonthSnapshot(
        figures=MonthlyFigures(f"{rows.year:04d}-{rows.month:02d}", sum(by_platform.values(), Figures()), by_platform),
        goods=sum(rows.goods.values(), GoodsFigures()),
        sell_through=sell_through_of(rows.goods, active),
        repurchase=compute_repurchase(session, rows.year, rows.month),
    )


def compare_month(session: Session, year: int, month: int) -> MonthComparison:
    """Month M with the month before and the same month a year before (the summary's figures)."""
    return compare(session, month_rows(session, year, month), active_sku_ids(session))


def compare(session: Session, current: MonthRows, active: set[int]) -> MonthComparison:
    year, month = current.year, current.month
    return MonthComparison(
        current=_snapshot(session, current, active),
        previous_month=_snapshot(session, month_rows(session, *shift_month(year, month, -1)), active),
        previous_year=_snapshot(session, month_rows(session, year - 1, month), active),
    )


def compute_breakdown(session: Session, year: int, month: int) -> Breakdown:
    """Month M by shop, by platform and by SKU, with gross margin and sell-through."""
    return breakdown_of(session, month_rows(session, year, month), active_sku_ids(session))


def breakdown_of(session: Session, rows: MonthRows, active: set[int]) -> Breakdown:
    by_shop = shop_rows(session, rows.orders, rows.goods)
    platforms = sorted({s.platform for s in by_shop})
    by_platform = tuple(
        PlatformFigures(
            p,
            sum((s.figures for s in by_shop if s.platform == p), Figures()),
            sum((s.goods for s in by_shop if s.platform == p), GoodsFigures()),
        )
        for p in platforms
    )
    return Breakdown(
        goods=sum(rows.goods.values(), GoodsFigures()),
        sell_through=sell_through_of(rows.goods, active),
        by_shop=by_shop,
        by_platform=by_platform,
        by_sku=sku_rows(session, rows.goods, active),
    )
