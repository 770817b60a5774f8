"""The figures of metrics.md, computed in one place for the dashboard, the workbook and ``--json``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from sellerdesk.domain.money import div_round_half_up, format_cents
from sellerdesk.domain.timeutil import CHINA_TZ, month_bounds_utc
from sellerdesk.models import Order, Shop


@dataclass(frozen=True)
class Figures:
    """One set of the monthly figures (for the whole shop or one platform)."""

    paid_orders: int = 0
    gmv_cents: int = 0
    refund_cents: int = 0
    refunded_orders: int = 0
    units: int = 0

    @property
    def net_sales_cents(self) -> int:
        return self.gmv_cents - self.refund_cents

    @property
    def aov_cents(self) -> int:
        return div_round_half_up(self.gmv_cents, self.paid_orders)

    @property
    def refund_rate_bp(self) -> int:
        """Refunded orders / paid orders in basis points (for display)."""
        return div_round_half_up(self.refunded_orders * 10_000, self.paid_orders)

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(a + b for a, b in zip(asdict(self).values(), asdict(other).values(), strict=True)))

    def to_json(self) -> dict[str, int | float]:
        return {
            "paid_orders": self.paid_orders,
            "gmv_cents": self.gmv_cents,
            "refund_cents": self.refund_cents,
            "refunded_orders": self.refunded_orders,
            "net_sales_cents": self.net_sales_cents,
            "units": self.units,
            "aov_cents": self.aov_cents,
            "refund_rate": self.refunded_orders / self.paid_orders if self.paid_orders else 0,
        }


@dataclass(frozen=True)
class MonthlyFigures:
    month: str  # YYYY-MM
    total: Figures
    by_platform: dict[str, Figures] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "month": self.month,
            **self.total.to_json(),
            "by_platform": {p: f.to_json() for p, f in sorted(self.by_platform.items())},
        }

    def describe(self) -> str:
        lines = [f"{self.month}: {self.total.paid_orders} paid orders, GMV {format_cents(self.total.gmv_cents)}"]
        for platform, fig in sorted(self.by_platform.items()):
            lines.append(
                f"  {platform:12} {fig.paid_orders:7} orders  GMV {format_cents(fig.gmv_cents):>16}  "
                f"refunds {format_cents(fig.refund_cents):>14}"
            )
        return "\n".join(lines)


def _shop_ids_by_timezone(session: Session) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for shop_id, tz in session.execute(select(Shop.id, Shop.timezone)):
        groups[tz or CHINA_TZ].append(shop_id)
    return groups


def monthly_figures(session: Session, year: int, month: int) -> MonthlyFigures:
    """Figures of month M, counted on the payment date in each shop's time zone (metrics.md)."""
    # A refund never exceeds the paid amount; importers enforce it, the sum guards it again.
    refund = case((Order.refund_cents > Order.paid_cents, Order.paid_cents), else_=Order.refund_cents)
    by_platform: dict[str, Figures] = defaultdict(Figures)
    for tz, shop_ids in _shop_ids_by_timezone(session).items():
        start, end = month_bounds_utc(year, month, tz)
        stmt = (
            select(
                Order.platform,
                func.count(),
                func.coalesce(func.sum(Order.paid_cents), 0),
                func.coalesce(func.sum(refund), 0),
                func.coalesce(func.sum(case((Order.refund_cents > 0, 1), else_=0)), 0),
                func.coalesce(func.sum(Order.units), 0),
            )
            .where(Order.paid_at >= start, Order.paid_at < end, Order.shop_id.in_(shop_ids))
            .group_by(Order.platform)
        )
        for platform, *values in session.execute(stmt):
            by_platform[platform] = by_platform[platform] + Figures(*(int(v) for v in values))
    total = sum(by_platform.values(), Figures())
    return MonthlyFigures(month=f"{year:04d}-{month:02d}", total=total, by_platform=dict(by_platform))
