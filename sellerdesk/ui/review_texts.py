"""Words of the performance reviews that only the screens show: the cycle's steps (buttons), whose turn it is,
the scoring rules, and the KPI metrics by their codes. Review statuses come from the one label table
(``domain.labels`` via ``ui.labels``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ReviewTexts"

STEPS: Mapping[str, object] = {  # the buttons of the cycle's moves (domain.reviews.Step)
    "open_self_review": QT_TRANSLATE_NOOP("ReviewTexts", "Ask for self-review"),
    "submit_self_review": QT_TRANSLATE_NOOP("ReviewTexts", "Submit my self-review"),
    "skip_self_review": QT_TRANSLATE_NOOP("ReviewTexts", "Review without self-review"),
    "submit": QT_TRANSLATE_NOOP("ReviewTexts", "Submit review"),
    "reopen": QT_TRANSLATE_NOOP("ReviewTexts", "Reopen"),
    "acknowledge": QT_TRANSLATE_NOOP("ReviewTexts", "Acknowledge"),
}
STEP_TIPS: Mapping[str, object] = {
    "open_self_review": QT_TRANSLATE_NOOP("ReviewTexts", "The person may now write their own comment"),
    "submit_self_review": QT_TRANSLATE_NOOP("ReviewTexts", "Hand the review to your manager"),
    "skip_self_review": QT_TRANSLATE_NOOP("ReviewTexts", "Go straight to the manager's review"),
    "submit": QT_TRANSLATE_NOOP(
        "ReviewTexts", "Score and hand the review to the person; the actuals stop refreshing (they freeze)"
    ),
    "reopen": QT_TRANSLATE_NOOP("ReviewTexts", "Take the submitted review back to edit it; the actuals refresh again"),
    "acknowledge": QT_TRANSLATE_NOOP("ReviewTexts", "Confirm you have read the review"),
}
WAITING: Mapping[str, object] = {  # whose turn it is
    "person": QT_TRANSLATE_NOOP("ReviewTexts", "The person"),
    "reviewer": QT_TRANSLATE_NOOP("ReviewTexts", "The manager"),
    "": QT_TRANSLATE_NOOP("ReviewTexts", "Nobody (done)"),
}
RULES: Mapping[str, object] = {
    "linear": QT_TRANSLATE_NOOP("ReviewTexts", "Linear to target"),
    "bands": QT_TRANSLATE_NOOP("ReviewTexts", "Bands"),
    "manual": QT_TRANSLATE_NOOP("ReviewTexts", "Manual score"),
}
DIRECTIONS: Mapping[bool, object] = {
    True: QT_TRANSLATE_NOOP("ReviewTexts", "Higher is better"),
    False: QT_TRANSLATE_NOOP("ReviewTexts", "Lower is better"),
}
METRICS: Mapping[str, object] = {  # the metric table's keys (services.reviews.metrics): what each figure is called
    "": QT_TRANSLATE_NOOP("ReviewTexts", "Entered by hand"),
    "tickets_handled": QT_TRANSLATE_NOOP("ReviewTexts", "Tickets handled"),
    "first_response_median_s": QT_TRANSLATE_NOOP("ReviewTexts", "First response, median"),
    "resolution_median_s": QT_TRANSLATE_NOOP("ReviewTexts", "Resolution time, median"),
    "sla_hit_rate_bp": QT_TRANSLATE_NOOP("ReviewTexts", "SLA hit rate"),
    "satisfaction_x100": QT_TRANSLATE_NOOP("ReviewTexts", "Satisfaction"),
    "bad_reviews_recovered": QT_TRANSLATE_NOOP("ReviewTexts", "Bad reviews recovered"),
    "gmv_cents": QT_TRANSLATE_NOOP("ReviewTexts", "GMV against target"),
    "refund_rate_bp": QT_TRANSLATE_NOOP("ReviewTexts", "Refund rate"),
    "late_shipment_rate_bp": QT_TRANSLATE_NOOP("ReviewTexts", "Late-shipment rate"),
    "stocktake_accuracy_bp": QT_TRANSLATE_NOOP("ReviewTexts", "Stocktake accuracy"),
    "skus_out_of_stock": QT_TRANSLATE_NOOP("ReviewTexts", "SKUs out of stock"),
    "listings_updated": QT_TRANSLATE_NOOP("ReviewTexts", "Listings updated"),
    "titles_failing": QT_TRANSLATE_NOOP("ReviewTexts", "Titles failing the banned-word check"),
    "promo_uplift_bp": QT_TRANSLATE_NOOP("ReviewTexts", "Uplift of own promotions"),
    "tasks_done": QT_TRANSLATE_NOOP("ReviewTexts", "Tasks done"),
    "tasks_on_time_bp": QT_TRANSLATE_NOOP("ReviewTexts", "Tasks done on time"),
}
SOURCES: Mapping[str, object] = {  # what a filled actual opens
    "tickets": QT_TRANSLATE_NOOP("ReviewTexts", "Open the tickets behind this figure"),
    "orders": QT_TRANSLATE_NOOP("ReviewTexts", "Open the orders behind this figure"),
    "tasks": QT_TRANSLATE_NOOP("ReviewTexts", "Open the tasks behind this figure"),
    "skus": QT_TRANSLATE_NOOP("ReviewTexts", "Open the SKUs behind this figure"),
    "products": QT_TRANSLATE_NOOP("ReviewTexts", "Open the products behind this figure"),
}
UNITS: Mapping[str, object] = {  # a hand-entered line's unit
    "count": QT_TRANSLATE_NOOP("ReviewTexts", "Count"),
    "cents": QT_TRANSLATE_NOOP("ReviewTexts", "Money (¥)"),
    "bp": QT_TRANSLATE_NOOP("ReviewTexts", "Percent"),
    "seconds": QT_TRANSLATE_NOOP("ReviewTexts", "Seconds"),
    "score": QT_TRANSLATE_NOOP("ReviewTexts", "Score"),
}


def _tr(table: Mapping[Any, object], key: object, fallback: str = "") -> str:
    source = table.get(key)
    if source is None:
        return fallback or str(key)
    return QCoreApplication.translate(CONTEXT, str(source))


def step(code: str) -> str:
    return _tr(STEPS, code)


def step_tip(code: str) -> str:
    return _tr(STEP_TIPS, code, " ")


def waiting(side: str | None) -> str:
    return _tr(WAITING, side or "")


def rule(code: str) -> str:
    return _tr(RULES, code)


def direction(higher_is_better: bool) -> str:
    return _tr(DIRECTIONS, higher_is_better)


def metric(code: str, fallback: str = "") -> str:
    """A metric's name in the UI language; an unknown code shows ``fallback`` (the service's English name)."""
    return _tr(METRICS, code, fallback)


def source(kind: str) -> str:
    return _tr(SOURCES, kind, " ")


def unit(code: str) -> str:
    return _tr(UNITS, code)
