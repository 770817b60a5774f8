"""Today and month to date against the same stretch of the month before; the month's top SKUs."""

from __future__ import annotations

from calendar import monthrange
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.figures import (
    DashboardFigures,
    Figures,
    GoodsFigures,
    PeriodComparison,
    PeriodFigures,
    SkuFigures,
    top_sku_rank,
)
from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models import Product, Sku
from sellerdesk.services.reports.goods import GoodsKey, goods_figures, unlinked_titles
from sellerdesk.services.reports.monthly import order_figures, sum_by_platform
from sellerdesk.services.zones import Window, shift_month, windows_between


def _same_stretch_last_month(start: datetime, end: datetime, month_start: bool) -> tuple[datetime, datetime]:
    """[start, end) moved one month back, with the same elapsed time, not beyond that month or day."""
    year, month = shift_month(start.year, start.month, -1)
    last_day = monthrange(year, month)[1]
    moved = start.replace(year=year, month=month, day=1 if month_start else min(start.day, last_day))
    limit = datetime(year, month, last_day) + timedelta(days=1) if month_start else moved + timedelta(days=1)
    return moved, min(moved + (end - start), limit)


def _period(session: Session, windows: Sequence[Window]) -> tuple[PeriodFigures, dict[GoodsKey, GoodsFigures]]:
    by_platform = sum_by_platform(order_figures(session, windows))
    goods = goods_figures(session, windows)
    figures = PeriodFigures(sum(by_platform.values(), Figures()), sum(goods.values(), GoodsFigures()), by_platform)
    return figures, goods


def _top_skus(session: Session, goods: dict[GoodsKey, GoodsFigures], limit: int) -> tuple[SkuFigures, ...]:
    """The ``limit`` SKUs (or unlinked seller codes) with the highest net sales, as ``Breakdown.top_skus`` ranks
    them; only those rows are read from the catalog."""
    per_key: dict[tuple[int | None, str], GoodsFigures] = defaultdict(GoodsFigures)
    for (_, _, sku_id, code), g in goods.items():
        per_key[(sku_id, code)] = per_key[(sku_id, code)] + g
    keys = sorted((-g.net_sales_cents, -g.units) for g in per_key.values())
    if len(keys) > limit:  # the candidates: the first ``limit`` and whatever ties with the last of them
        cut = keys[limit - 1] if limit > 0 else (0, 0)
        per_key = {k: g for k, g in per_key.items() if limit > 0 and (-g.net_sales_cents, -g.units) <= cut}
    skus = {
        sku_id: (code, title, spec, product, bool(active))
        for sku_id, code, title, spec, product, active in session.execute(
            select(Sku.id, Sku.seller_code, Sku.title, Sku.spec, Product.title, Sku.active)
            .join(Product, Product.id == Sku.product_id)
            .where(Sku.id.in_([k for k, _ in per_key if k is not None]))
        )
    }
    rows = [
        SkuFigures(sku_id, *skus[sku_id], g) if sku_id is not None else SkuFigures(None, code, "", "", "", None, g)
        for (sku_id, code), g in per_key.items()
        if sku_id is None or sku_id in skus
    ]
    ranked = sorted(rows, key=top_sku_rank)[:limit]
    titles = unlinked_titles(session, [s.seller_code for s in ranked if s.sku_id is None])
    return tuple(
        s
        if s.sku_id is not None
        else SkuFigures(None, s.seller_code, titles.get(s.seller_code, ""), "", "", None, s.goods)
        for s in ranked
    )


def compute_dashboard(session: Session, now: datetime | None = None, top: int = 10) -> DashboardFigures:
    """Today so far and the month so far, each against the same stretch of the month before; the month's
    ``top`` SKUs by net sales."""
    now = now or utcnow()

    def today(local: datetime) -> tuple[datetime, datetime]:
        return local.replace(hour=0, minute=0, second=0, microsecond=0), local

    def month(local: datetime) -> tuple[datetime, datetime]:
        return today(local)[0].replace(day=1), local

    def before(
        bounds: Callable[[datetime], tuple[datetime, datetime]], month_start: bool
    ) -> Callable[[datetime], tuple[datetime, datetime]]:
        return lambda local: _same_stretch_last_month(*bounds(local), month_start)

    month_to_date, month_goods = _period(session, windows_between(session, month, now))
    return DashboardFigures(
        as_of=now,
        today=PeriodComparison(
            _period(session, windows_between(session, today, now))[0],
            _period(session, windows_between(session, before(today, False), now))[0],
        ),
        month_to_date=PeriodComparison(
            month_to_date, _period(session, windows_between(session, before(month, True), now))[0]
        ),
        top_skus=_top_skus(session, month_goods, top),
    )
