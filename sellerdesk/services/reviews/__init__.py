"""Monthly performance reviews (docs/architecture.md, "Where each rule lives"; docs/metrics.md, Reviews).

- ``metrics``: the metric table (key → roles, unit, direction, source) and the month's data it reads
- ``templates``: KPI templates per role
- ``cycle``: the month's reviews, filling, scoring, the steps of the cycle, comments, plan, queue, trend
- ``access``: whose reviews an actor reads and writes
- ``export``: xlsx scorecards
The rules themselves (scoring, grades, transitions, teams) are ``domain.reviews``.
"""

from __future__ import annotations

from sellerdesk.domain.reviews import (
    TRANSITIONS,
    Band,
    GradeThresholds,
    LineRule,
    ScoringRule,
    Side,
    Step,
    grade_for,
    overall_score,
    score_line,
)
from sellerdesk.services.reviews.cycle import (
    count_reviews_waiting,
    create_month_reviews,
    get_review,
    grade_settings,
    move_review,
    refresh_actuals,
    review_summaries,
    reviews_waiting_for,
    save_grade_thresholds,
    save_review,
    save_self_review,
    score_trend,
)
from sellerdesk.services.reviews.dto import (
    Actual,
    GradeSettings,
    KpiTemplateInfo,
    LineEdit,
    MetricInfo,
    MonthCreated,
    OrderScope,
    PlanItem,
    ReviewDetail,
    ReviewEdit,
    ReviewLineInfo,
    ReviewSummary,
    SourceRef,
    TemplateLine,
    Trend,
    TrendPoint,
)
from sellerdesk.services.reviews.export import export_review, export_team_month
from sellerdesk.services.reviews.metrics import METRICS, metric_table, metrics_for_role
from sellerdesk.services.reviews.templates import REVIEW_CHANGES, kpi_template, kpi_templates, save_kpi_template

__all__ = [
    "METRICS",
    "REVIEW_CHANGES",
    "TRANSITIONS",
    "Actual",
    "Band",
    "GradeSettings",
    "GradeThresholds",
    "KpiTemplateInfo",
    "LineEdit",
    "LineRule",
    "MetricInfo",
    "MonthCreated",
    "OrderScope",
    "PlanItem",
    "ReviewDetail",
    "ReviewEdit",
    "ReviewLineInfo",
    "ReviewSummary",
    "ScoringRule",
    "Side",
    "SourceRef",
    "Step",
    "TemplateLine",
    "Trend",
    "TrendPoint",
    "count_reviews_waiting",
    "create_month_reviews",
    "export_review",
    "export_team_month",
    "get_review",
    "grade_for",
    "grade_settings",
    "kpi_template",
    "kpi_templates",
    "metric_table",
    "metrics_for_role",
    "move_review",
    "overall_score",
    "refresh_actuals",
    "review_summaries",
    "reviews_waiting_for",
    "save_grade_thresholds",
    "save_kpi_template",
    "save_review",
    "save_self_review",
    "score_line",
    "score_trend",
]
