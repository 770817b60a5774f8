"""The figures of metrics.md, computed in one place for the dashboard, the workbook and ``--json``.

A day or a month is a calendar day or month in each shop's time zone: queries run once per group of shops
sharing a zone (``services.zones.Window``). The figures themselves are values of ``domain.figures``. One module per
family: ``monthly`` (order figures, comparison, breakdown), ``goods`` (lines, margin, SKUs), ``daily``
(series, refund trend and reasons), ``dashboard``, ``service``, ``team`` and ``month_report`` (the workbook).
"""

from __future__ import annotations

from sellerdesk.domain.figures import (
    AgentFigures,
    Breakdown,
    CardFigure,
    Change,
    DashboardFigures,
    DayFigures,
    Durations,
    Figures,
    GoodsFigures,
    Kind,
    MonthComparison,
    MonthlyFigures,
    MonthRefunds,
    MonthReport,
    MonthSnapshot,
    PaidOrderRow,
    PeriodComparison,
    PeriodFigures,
    PersonFigures,
    PlatformFigures,
    Ratio,
    RefundReason,
    ServiceFigures,
    ShopFigures,
    SkuFigures,
    SummaryLine,
    top_sku_rank,
)
from sellerdesk.services.reports.daily import list_daily_figures, list_refund_reasons, list_refund_trend
from sellerdesk.services.reports.dashboard import compute_dashboard
from sellerdesk.services.reports.month_report import (
    IsCancelled,
    Progress,
    build_monthly_report,
    export_monthly_workbook,
    iter_paid_orders,
)
from sellerdesk.services.reports.monthly import compare_month, compute_breakdown, compute_repurchase, monthly_figures
from sellerdesk.services.reports.service import compute_service_figures
from sellerdesk.services.reports.team import compute_team_figures

__all__ = [
    "AgentFigures",
    "Breakdown",
    "CardFigure",
    "Change",
    "DashboardFigures",
    "DayFigures",
    "Durations",
    "Figures",
    "GoodsFigures",
    "IsCancelled",
    "Kind",
    "MonthComparison",
    "MonthRefunds",
    "MonthReport",
    "MonthSnapshot",
    "MonthlyFigures",
    "PaidOrderRow",
    "PeriodComparison",
    "PeriodFigures",
    "PersonFigures",
    "PlatformFigures",
    "Progress",
    "Ratio",
    "RefundReason",
    "ServiceFigures",
    "ShopFigures",
    "SkuFigures",
    "SummaryLine",
    "build_monthly_report",
    "compare_month",
    "compute_breakdown",
    "compute_dashboard",
    "compute_repurchase",
    "compute_service_figures",
    "compute_team_figures",
    "export_monthly_workbook",
    "iter_paid_orders",
    "list_daily_figures",
    "list_refund_reasons",
    "list_refund_trend",
    "monthly_figures",
    "top_sku_rank",
]
