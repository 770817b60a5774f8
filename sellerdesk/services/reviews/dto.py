"""What the review services hand out and take in: frozen dataclasses, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sellerdesk.domain.reviews import FULL_SCORE, Band, GradeThresholds, ScoringRule, Side, Step
from sellerdesk.domain.timeutil import DEFAULT_TZ

# ---------------------------------------------------------------- where a figure comes from


@dataclass(frozen=True)
class OrderScope:
    """The orders behind a figure, as the Orders tab's filter (``services.orders.OrderFilter``) takes them:
    paid on ``days`` (inclusive, each order's own shop's days), optionally one refund state, or late only."""

    first_day: date
    last_day: date
    refund_state: str = ""
    late_only: bool = False  # the Orders tab's "late to ship" (paid, not shipped, past the deadline now)


@dataclass(frozen=True)
class SourceRef:
    """The records a filled actual was computed from, so the UI can open them.

    ``kind``: "tickets", "orders", "tasks", "skus", "products" or "" (nothing to open: manual lines).
    ``ids``: the records' ids (at most ``MAX_SOURCE_IDS``; ``more`` counts those left out); for "orders"
    ``scope`` may stand for the whole month instead of ids. ``note`` says in English what the ids are
    ("tickets resolved in the month", …) for tooltips; the UI may show its own words per metric.
    """

    kind: str = ""
    ids: tuple[int, ...] = ()
    more: int = 0
    scope: OrderScope | None = None
    note: str = ""

    @property
    def empty(self) -> bool:
        return not self.ids and self.scope is None


@dataclass(frozen=True)
class Actual:
    """A metric's value for one person and month, and the records behind it; ``value`` None: no data
    (no tickets handled, no promotion ended …)."""

    value: int | None
    source: SourceRef = SourceRef()


@dataclass(frozen=True)
class MetricInfo:
    """One row of the metric table (``services.reviews.metrics.METRICS``)."""

    key: str
    roles: frozenset[str]  # the template roles that may use it (every role for tasks)
    unit: str  # count / cents / bp / seconds / score (×100, e.g. satisfaction 4.50 → 450)
    higher_is_better: bool  # the usual direction; a template line may say otherwise
    name: str  # English; the UI translates it in the "Metrics" context
    definition: str  # English, as docs/metrics.md states it


# ---------------------------------------------------------------- templates


@dataclass(frozen=True)
class TemplateLine:
    """A KPI line of a role's template (what the editor shows and saves). ``id`` None: a new line."""

    name: str
    metric: str = ""  # a METRICS key, "" = the actual is entered by hand
    target: int = 0  # in the metric's unit
    weight_bp: int = 0  # share of the whole, 10000 = 100 %
    scoring: ScoringRule = ScoringRule.LINEAR
    higher_is_better: bool = True
    cap_bp: int = FULL_SCORE  # linear and manual: the line's highest score (12000 = 120 points)
    bands: tuple[Band, ...] = ()  # bands: (threshold, score); ignored by the other rules
    unit: str = ""  # manual lines: count / cents / bp / seconds / score; metric lines: the metric's unit
    id: int | None = None
    version: int = 0


@dataclass(frozen=True)
class KpiTemplateInfo:
    """One role's template: its lines in order, and the (id, version) pairs read, to send back on save."""

    role: str
    lines: tuple[TemplateLine, ...]

    @property
    def weight_total_bp(self) -> int:
        return sum(line.weight_bp for line in self.lines)

    @property
    def read_versions(self) -> tuple[tuple[int, int], ...]:
        return tuple((line.id, line.version) for line in self.lines if line.id is not None)


# ---------------------------------------------------------------- reviews


@dataclass(frozen=True)
class ReviewLineInfo:
    id: int
    position: int
    name: str
    metric: str  # "" = entered by hand
    unit: str
    target: int
    weight_bp: int
    scoring: ScoringRule
    higher_is_better: bool
    cap_bp: int
    bands: tuple[Band, ...]
    actual: int | None  # filled (live until frozen) or entered by hand
    actual_entered: bool  # the actual was typed in (manual lines, or a metric without data)
    score_bp: int | None  # None: not scorable yet
    manual_score_bp: int | None  # a manual line's score as entered
    source: SourceRef  # what to open for the actual
    note: str  # the reviewer's remark on the line

    @property
    def from_data(self) -> bool:
        return bool(self.metric) and not self.actual_entered


@dataclass(frozen=True)
class PlanItem:
    """An improvement plan item; ``task_id`` names the task made for it (once the review is submitted and
    the task rule "review_plan" is on)."""

    id: int | None  # None: a new item (in ``save_review``)
    text: str
    due_date: date | None = None
    task_id: int | None = None
    task_status: str = ""  # the task's status ("" without a task)


@dataclass(frozen=True)
class ReviewDetail:
    id: int
    version: int
    staff_id: int
    staff_name: str
    staff_role: str
    month: str  # YYYY-MM
    status: str  # a ReviewStatus value
    submitted: bool  # submitted by the reviewer: actuals frozen, waiting for (or past) acknowledgement
    reviewer_id: int | None
    reviewer_name: str
    score_bp: int | None
    grade: str
    self_comment: str
    manager_comment: str
    lines: tuple[ReviewLineInfo, ...]
    plan: tuple[PlanItem, ...]
    created_at: datetime
    self_submitted_at: datetime | None
    submitted_at: datetime | None  # when the actuals froze
    acknowledged_at: datetime | None
    filled_at: datetime | None  # when the actuals were last read from the data (the frozen ones: at submit)
    steps: tuple[Step, ...]  # what the reader may do now (domain.reviews.TRANSITIONS)
    sides: frozenset[Side]  # the reader's sides: person (their own review), reviewer
    can_edit_person: bool  # the reader may save the self comment now
    can_edit_reviewer: bool  # the reader may save lines, the manager comment and the plan now
    timezone: str = DEFAULT_TZ  # the house zone the times are shown in

    @property
    def frozen(self) -> bool:
        return self.submitted


@dataclass(frozen=True)
class LineEdit:
    """The reviewer's edit of one line: an actual typed in (lines without a metric, or a metric without
    data; None clears it), a manual score, a remark."""

    line_id: int
    actual: int | None = None
    manual_score_bp: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ReviewEdit:
    """What the reviewer saves (version-checked): line edits, the manager comment, the plan (replaces the
    stored items; kept items keep their ids and tasks)."""

    lines: tuple[LineEdit, ...] = ()
    manager_comment: str = ""
    plan: tuple[PlanItem, ...] = ()


@dataclass(frozen=True)
class ReviewSummary:
    """A review as lists show it (Home's queue, the month's team list, exports)."""

    id: int
    version: int
    staff_id: int
    staff_name: str
    staff_role: str
    month: str
    status: str
    submitted: bool
    score_bp: int | None
    grade: str
    waiting_on: str  # "person", "reviewer" or "" (acknowledged): whose step is next


@dataclass(frozen=True)
class MonthCreated:
    month: str
    created: tuple[int, ...]  # review ids made now
    existing: int  # active staff who already had the month's review
    without_template: tuple[str, ...]  # roles of active staff left out: their template is empty or not 100 %


@dataclass(frozen=True)
class TrendPoint:
    month: str
    score_bp: int | None
    grade: str
    status: str


@dataclass(frozen=True)
class Trend:
    staff_id: int
    staff_name: str
    points: tuple[TrendPoint, ...]  # oldest first, months with a review only


@dataclass(frozen=True)
class GradeSettings:
    thresholds: GradeThresholds
    version: int  # 0: never saved (the defaults)
