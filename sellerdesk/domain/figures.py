"""The figures of metrics.md as values: what services.reports computes and the screens, the workbook and
``report --json`` show. Pure and Qt-free, so ``sheets`` types the workbook against them.

Money is integer cents, rates basis points or exact ratios (``Ratio``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, NamedTuple, TypeVar

from sellerdesk.domain.money import div_round_half_up, format_cents
from sellerdesk.domain.timeutil import DEFAULT_TZ

Kind = Literal["count", "money", "rate"]


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
        return _add_fields(self, other)

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


_Summable = TypeVar("_Summable", "Figures", "GoodsFigures")


def _add_fields(a: _Summable, b: _Summable) -> _Summable:
    """Field by field (not ``asdict``: that deep-copies, and reports add thousands of these)."""
    return type(a)(*(getattr(a, f.name) + getattr(b, f.name) for f in fields(a)))


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


@dataclass(frozen=True)
class Ratio:
    """An exact ratio (sell-through, repurchase, SLA hit rate); ``bp`` rounds it for display."""

    numerator: int = 0
    denominator: int = 0

    @property
    def bp(self) -> int:
        return div_round_half_up(self.numerator * 10_000, self.denominator)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)


@dataclass(frozen=True)
class GoodsFigures:
    """Order lines of paid orders: sales, refunds, cost and gross margin (docs/metrics.md, Gross margin).

    Each line carries its order's refunded share; cost is known when the line is linked to a SKU with a
    cost > 0. Lines without a known cost stay out of the margin and are counted in ``uncosted_*``.
    """

    lines: int = 0
    units: int = 0
    sales_cents: int = 0  # the lines' paid amounts
    refund_cents: int = 0  # the order's refund, shared over its lines by paid amount
    fee_cents: int = 0  # platform fees on the kept sales (the shop's fee_rate_bp)
    cost_cents: int = 0  # cost of the units not refunded, lines with a known cost
    uncosted_lines: int = 0
    uncosted_units: int = 0
    uncosted_net_cents: int = 0  # kept sales of lines without a known cost (not in the margin)
    uncosted_fee_cents: int = 0

    @property
    def net_sales_cents(self) -> int:
        return self.sales_cents - self.refund_cents

    @property
    def costed_net_cents(self) -> int:
        return self.net_sales_cents - self.uncosted_net_cents

    @property
    def margin_unknown(self) -> bool:
        """Lines were sold and none has a known cost: the margin is unknown, not zero."""
        return self.lines > 0 and self.uncosted_lines == self.lines

    @property
    def gross_margin_cents(self) -> int:
        return self.costed_net_cents - self.cost_cents - (self.fee_cents - self.uncosted_fee_cents)

    @property
    def gross_margin_rate_bp(self) -> int:
        return div_round_half_up(self.gross_margin_cents * 10_000, self.costed_net_cents)

    def __add__(self, other: GoodsFigures) -> GoodsFigures:
        return _add_fields(self, other)


@dataclass(frozen=True)
class Change:
    """A figure in the month, the month before and the same month a year before (None: no paid order then)."""

    current: int
    previous_month: int | None
    previous_year: int | None

    @property
    def mom_bp(self) -> int | None:
        """Relative change against the month before, in basis points; None without a base."""
        return _relative_bp(self.current, self.previous_month)

    @property
    def yoy_bp(self) -> int | None:
        return _relative_bp(self.current, self.previous_year)

    @property
    def mom_diff(self) -> int | None:
        """The difference (for rates: in basis points, i.e. percentage points × 100)."""
        return None if self.previous_month is None else self.current - self.previous_month

    @property
    def yoy_diff(self) -> int | None:
        return None if self.previous_year is None else self.current - self.previous_year


def _relative_bp(current: int, base: int | None) -> int | None:
    return None if not base else div_round_half_up((current - base) * 10_000, abs(base))


@dataclass(frozen=True)
class SummaryLine:
    """One figure of the summary. Rates (kind "rate") are basis points; compare them by difference."""

    key: str
    kind: Kind
    change: Change


@dataclass(frozen=True)
class MonthSnapshot:
    figures: MonthlyFigures
    goods: GoodsFigures
    sell_through: Ratio  # active SKUs with a unit sold / active SKUs
    repurchase: Ratio  # buyers with 2+ paid orders / buyers with 1+ (orders linked to a buyer)


@dataclass(frozen=True)
class MonthComparison:
    current: MonthSnapshot
    previous_month: MonthSnapshot
    previous_year: MonthSnapshot

    @property
    def lines(self) -> tuple[SummaryLine, ...]:
        def known(snapshot: MonthSnapshot, get: Callable[[MonthSnapshot], int]) -> int | None:
            return get(snapshot) if snapshot.figures.total.paid_orders else None

        return tuple(
            SummaryLine(
                key, kind, Change(get(self.current), known(self.previous_month, get), known(self.previous_year, get))
            )
            for key, kind, get in _LINES
        )


_LINES: tuple[tuple[str, Kind, Callable[[MonthSnapshot], int]], ...] = (
    ("paid_orders", "count", lambda s: s.figures.total.paid_orders),
    ("gmv_cents", "money", lambda s: s.figures.total.gmv_cents),
    ("refund_cents", "money", lambda s: s.figures.total.refund_cents),
    ("refunded_orders", "count", lambda s: s.figures.total.refunded_orders),
    ("net_sales_cents", "money", lambda s: s.figures.total.net_sales_cents),
    ("units", "count", lambda s: s.figures.total.units),
    ("aov_cents", "money", lambda s: s.figures.total.aov_cents),
    ("refund_rate_bp", "rate", lambda s: s.figures.total.refund_rate_bp),
    ("gross_margin_cents", "money", lambda s: s.goods.gross_margin_cents),
    ("gross_margin_rate_bp", "rate", lambda s: s.goods.gross_margin_rate_bp),
    ("sell_through_bp", "rate", lambda s: s.sell_through.bp),
    ("repurchase_rate_bp", "rate", lambda s: s.repurchase.bp),
)


@dataclass(frozen=True)
class ShopFigures:
    shop_id: int
    name: str
    platform: str
    fee_rate_bp: int
    figures: Figures
    goods: GoodsFigures


@dataclass(frozen=True)
class PlatformFigures:
    platform: str
    figures: Figures
    goods: GoodsFigures


@dataclass(frozen=True)
class SkuFigures:
    """A catalog SKU (``sku_id``), or the unlinked lines of one seller code (``sku_id`` None)."""

    sku_id: int | None
    seller_code: str
    title: str
    spec: str
    product: str
    active: bool | None  # None: not in the catalog
    goods: GoodsFigures

    @property
    def sold(self) -> bool:
        """動销: at least one unit sold in the period."""
        return self.goods.units > 0


def top_sku_rank(sku: SkuFigures) -> tuple[int, int, str]:
    """How SKUs rank for "top SKUs": by net sales, then units, then seller code (stable for ties)."""
    return (-sku.goods.net_sales_cents, -sku.goods.units, sku.seller_code)


@dataclass(frozen=True)
class Breakdown:
    """A month by shop, platform and SKU; ``by_sku`` lists every active SKU, sold or not."""

    goods: GoodsFigures
    sell_through: Ratio
    by_shop: tuple[ShopFigures, ...]
    by_platform: tuple[PlatformFigures, ...]
    by_sku: tuple[SkuFigures, ...]

    def top_skus(self, limit: int = 10) -> tuple[SkuFigures, ...]:
        """By net sales, then units; catalog SKUs and unlinked codes alike."""
        ranked = sorted(self.by_sku, key=top_sku_rank)
        return tuple(s for s in ranked[:limit] if s.goods.lines)


@dataclass(frozen=True)
class DayFigures:
    day: date  # a local day (each shop's time zone)
    total: Figures
    by_platform: dict[str, Figures] = field(default_factory=dict)


@dataclass(frozen=True)
class MonthRefunds:
    """One month of the refund-rate trend."""

    month: str
    figures: Figures


@dataclass(frozen=True)
class RefundReason:
    """After-sale cases applied for in the month, by kind and reason (refunds table)."""

    kind: str
    reason: str
    cases: int
    refunded_cases: int
    refunded_cents: int


@dataclass(frozen=True)
class Durations:
    count: int = 0
    median_s: int | None = None
    average_s: int | None = None


@dataclass(frozen=True)
class AgentFigures:
    """Customer service of one agent (``staff_id`` None: unassigned, or the team total)."""

    staff_id: int | None
    name: str
    created: int
    solved: int
    first_response: Durations
    resolution: Durations
    first_response_sla: Ratio  # answered by first_response_due / tickets whose due time is known
    resolution_sla: Ratio
    satisfaction_sum: int
    satisfaction_count: int
    complaints: int  # quality tickets
    bad_reviews: int

    @property
    def satisfaction_avg(self) -> Decimal | None:
        if not self.satisfaction_count:
            return None
        return (Decimal(self.satisfaction_sum) / self.satisfaction_count).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass(frozen=True)
class ServiceFigures:
    agents: tuple[AgentFigures, ...] = ()
    total: AgentFigures | None = None  # None when there is no ticket in the month


@dataclass(frozen=True)
class PersonFigures:
    """Team figures of one staff member for a month: tasks and the monthly review."""

    staff_id: int
    name: str
    role: str
    tasks_completed: int
    tasks_due: int
    tasks_on_time: int
    tasks_overdue: int
    review_status: str
    review_score_bp: int | None
    review_grade: str

    @property
    def on_time(self) -> Ratio:
        return Ratio(self.tasks_on_time, self.tasks_due)


@dataclass(frozen=True)
class PeriodFigures:
    figures: Figures
    goods: GoodsFigures
    by_platform: dict[str, Figures] = field(default_factory=dict)


@dataclass(frozen=True)
class CardFigure:
    key: str  # gmv_cents, paid_orders, aov_cents, refund_rate_bp, net_sales_cents, gross_margin_cents
    kind: Kind
    current: int
    previous: int  # the same period of the month before
    previous_known: bool = True  # False: not a single paid order then (no comparison, metrics.md)

    @property
    def change_bp(self) -> int | None:
        """Relative change for amounts and counts; the difference in basis points for rates."""
        if not self.previous_known:
            return None
        if self.kind == "rate":
            return self.current - self.previous
        return _relative_bp(self.current, self.previous)


@dataclass(frozen=True)
class PeriodComparison:
    current: PeriodFigures
    previous: PeriodFigures

    @property
    def cards(self) -> tuple[CardFigure, ...]:
        known = self.previous.figures.paid_orders > 0
        return tuple(CardFigure(key, kind, get(self.current), get(self.previous), known) for key, kind, get in _CARDS)


_CARDS: tuple[tuple[str, Kind, Callable[[PeriodFigures], int]], ...] = (
    ("gmv_cents", "money", lambda p: p.figures.gmv_cents),
    ("paid_orders", "count", lambda p: p.figures.paid_orders),
    ("aov_cents", "money", lambda p: p.figures.aov_cents),
    ("refund_rate_bp", "rate", lambda p: p.figures.refund_rate_bp),
    ("net_sales_cents", "money", lambda p: p.figures.net_sales_cents),
    ("gross_margin_cents", "money", lambda p: p.goods.gross_margin_cents),
)


@dataclass(frozen=True)
class DashboardFigures:
    """Today and month to date, each against the same stretch of the month before."""

    as_of: datetime  # aware UTC
    today: PeriodComparison
    month_to_date: PeriodComparison
    top_skus: tuple[SkuFigures, ...] = ()  # month to date, by net sales (Breakdown.top_skus)


class PaidOrderRow(NamedTuple):
    """One paid order for the Orders sheet (a plain row: streamed, never all in memory)."""

    paid_at: datetime  # wall-clock time in the shop's time zone, naive
    platform: str
    shop: str
    platform_order_id: str
    status: str
    refund_state: str
    buyer_nick: str
    receiver_province: str
    receiver_city: str
    units: int
    paid_cents: int
    refund_cents: int
    buyer_message: str
    seller_memo: str


@dataclass(frozen=True)
class Sales:
    """Units and GMV (the lines' paid amounts) of some SKUs over a stretch of time."""

    units: int = 0
    gmv_cents: int = 0


@dataclass(frozen=True)
class PromotionEffect:
    """A promotion's sales during it against the same length just before it (docs/metrics.md)."""

    during: Sales
    before: Sales

    @property
    def units_uplift_bp(self) -> int | None:
        return uplift_bp(self.during.units, self.before.units)

    @property
    def gmv_uplift_bp(self) -> int | None:
        return uplift_bp(self.during.gmv_cents, self.before.gmv_cents)


def uplift_bp(during: int, before: int) -> int | None:
    """(during − before) / before in basis points, rounded half up; None when nothing sold before."""
    if before <= 0:
        return None
    change = (during - before) * 10_000
    quotient, remainder = divmod(abs(change), before)
    rounded = quotient + (2 * remainder >= before)
    return rounded if change >= 0 else -rounded


@dataclass(frozen=True)
class PromotionFigures:
    """A promotion in the monthly report."""

    task_id: int
    title: str
    kind: str
    shop: str
    starts_at: datetime
    ends_at: datetime
    sku_count: int
    effect: PromotionEffect


@dataclass(frozen=True)
class AgentMonth:
    """One agent's (or the team's) service-desk figures of a month (docs/metrics.md, Service desk)."""

    staff_id: int | None  # None: tickets resolved with nobody assigned, or the team total
    name: str
    handled: int
    first_response_median_s: int | None
    first_response_p90_s: int | None
    resolution_median_s: int | None
    resolution_p90_s: int | None
    sla_met: int  # handled tickets with neither deadline missed
    rated: int
    rating_sum: int
    bad_reviews: int
    bad_reviews_recovered: int  # handled bad-review tickets whose review was removed

    @property
    def sla_hit_rate_bp(self) -> int | None:
        """Share of handled tickets that met both deadlines, in basis points (half up)."""
        return None if not self.handled else (self.sla_met * 20000 + self.handled) // (2 * self.handled)

    @property
    def satisfaction_x100(self) -> int | None:
        """Average rating ×100 (4.5 → 450), half up."""
        return None if not self.rated else (self.rating_sum * 200 + self.rated) // (2 * self.rated)


@dataclass(frozen=True)
class ServiceMonth:
    month: str  # YYYY-MM
    agents: tuple[AgentMonth, ...] = ()
    total: AgentMonth | None = None


@dataclass(frozen=True)
class MonthReport:
    """Everything the monthly workbook shows; ``orders()`` streams the Orders sheet's rows."""

    year: int
    month: int
    generated_at: datetime  # aware UTC
    comparison: MonthComparison
    breakdown: Breakdown
    daily: tuple[DayFigures, ...]
    refund_trend: tuple[MonthRefunds, ...]
    refund_reasons: tuple[RefundReason, ...]
    service: ServiceMonth  # services.tickets.figures: the one definition (docs/metrics.md, Service desk)
    team: tuple[PersonFigures, ...]
    orders: Callable[[], Iterator[PaidOrderRow]]
    daily_from_rollup: bool = True
    timezone: str = DEFAULT_TZ  # the house zone: the time the report was made is shown in it
    promotions: tuple[PromotionFigures, ...] = ()  # ended in M, with their uplift (services.promotions)

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def summary(self) -> tuple[SummaryLine, ...]:
        return self.comparison.lines

    @property
    def paid_orders(self) -> int:
        return self.comparison.current.figures.total.paid_orders

    @property
    def top_skus(self) -> tuple[SkuFigures, ...]:
        return self.breakdown.top_skus()
