"""The metric table: one place that says, for every metric a KPI line can name, which roles use it, its
unit, its usual direction, and the function that reads its value for one person and month from the
shop's own data — together with the records behind it (docs/metrics.md, Reviews).

Sources read the same services as the figures shown elsewhere (the service desk's per-agent figures, the
monthly report's order figures, the team figures, the promotions' effect), so a review's actual equals
the figure the workbook shows for the same month.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sellerdesk.domain.enums import Role
from sellerdesk.services.reviews.dto import Actual, MetricInfo

MAX_SOURCE_IDS = 2_000  # ids a line keeps of the records behind it; the rest are counted


class MonthData:
    """Everything a month's metrics read, computed once per month and shared by that month's reviews."""


Source = Callable[[MonthData, int], Actual]  # (the month's data, staff id) → actual


@dataclass(frozen=True)
class Metric:
    info: MetricInfo
    source: Source


ALL_ROLES = frozenset({Role.SERVICE, Role.PRODUCT, Role.MARKETING, Role.OPERATIONS, Role.MANAGER})

METRICS: Mapping[str, Metric] = {}


def metric_table() -> tuple[MetricInfo, ...]:
    """Every metric, in the table's order."""
    return tuple(m.info for m in METRICS.values())


def metrics_for_role(role: str) -> tuple[MetricInfo, ...]:
    return tuple(m.info for m in METRICS.values() if role in m.info.roles)
