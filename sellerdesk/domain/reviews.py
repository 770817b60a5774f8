"""The rules of monthly performance reviews: how a KPI line is scored, the overall score and grade, the
review cycle (which step follows which, and whose step it is), and whose reviews a role sees.

Pure Python; ``services/reviews`` applies them to the database. Scores are hundredths of a point:
10000 is 100.00 points. Weights are basis points of the whole (10000 = 100 %).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sellerdesk.domain.enums import ReviewStatus, Role
from sellerdesk.domain.money import div_round_half_up

FULL_SCORE = 10_000  # 100.00 points
MAX_CAP = 20_000  # a line's score is never above 200 points
WEIGHTS_TOTAL = 10_000  # a template's (and a review's) weights add up to 100 %
GRADES = ("S", "A", "B", "C", "D")


class ScoringRule(StrEnum):
    """How a KPI line turns its actual into a score."""

    LINEAR = "linear"  # actual against target, proportionally, up to the line's cap
    BANDS = "bands"  # the score of the best band the actual reaches ("first response ≤ 6 s → 100")
    MANUAL = "manual"  # the manager enters the score


@dataclass(frozen=True)
class Band:
    """Reaching ``threshold`` (at least it when higher is better, at most it when lower is better) scores
    ``score_bp``."""

    threshold: int
    score_bp: int


@dataclass(frozen=True)
class LineRule:
    """What scoring a line needs: its rule and the template's numbers, copied onto the review line."""

    scoring: ScoringRule
    target: int = 0
    higher_is_better: bool = True
    cap_bp: int = FULL_SCORE
    bands: tuple[Band, ...] = ()


def score_line(rule: LineRule, actual: int | None, manual_score_bp: int | None = None) -> int | None:
    """The line's score in hundredths of a point, or None while it cannot be scored (no actual; a manual
    line not scored yet).

    - linear, higher is better: ``actual / target`` × 100 points; lower is better: ``target / actual`` × 100
      points (an actual of 0 or less reaches the cap); a target of 0 or less is met by any actual (100
      points). Rounded half up, never below 0, never above the line's cap.
    - bands: the highest score among the bands the actual reaches; 0 when it reaches none.
    - manual: the manager's score, capped the same way.
    """
    cap = max(0, min(rule.cap_bp, MAX_CAP))
    if rule.scoring == ScoringRule.MANUAL:
        return None if manual_score_bp is None else max(0, min(manual_score_bp, cap))
    if actual is None:
        return None
    if rule.scoring == ScoringRule.BANDS:
        reached = [
            b.score_bp
            for b in rule.bands
            if (actual >= b.threshold if rule.higher_is_better else actual <= b.threshold)
        ]
        return max(0, min(max(reached, default=0), cap))
    if rule.target <= 0:
        return min(FULL_SCORE, cap)
    if rule.higher_is_better:
        raw = div_round_half_up(max(actual, 0) * FULL_SCORE, rule.target)
    else:
        raw = cap if actual <= 0 else div_round_half_up(rule.target * FULL_SCORE, actual)
    return max(0, min(raw, cap))


def overall_score(lines: Sequence[tuple[int | None, int]]) -> int | None:
    """Σ score × weight / 100 %, rounded half up, over ``(score_bp, weight_bp)`` pairs; None while a line
    with weight has no score."""
    if any(score is None and weight for score, weight in lines):
        return None
    total = sum((score or 0) * weight for score, weight in lines)
    return div_round_half_up(total, WEIGHTS_TOTAL)


@dataclass(frozen=True)
class GradeThresholds:
    """The lowest overall score of each grade; below ``c_bp`` is D."""

    s_bp: int = 9_500
    a_bp: int = 8_500
    b_bp: int = 7_500
    c_bp: int = 6_000

    def valid(self) -> bool:
        return FULL_SCORE * 2 >= self.s_bp > self.a_bp > self.b_bp > self.c_bp >= 0

    def as_dict(self) -> dict[str, int]:
        return {"S": self.s_bp, "A": self.a_bp, "B": self.b_bp, "C": self.c_bp}

    @classmethod
    def from_dict(cls, value: Mapping[str, object]) -> GradeThresholds:
        numbers = [value.get(g) for g in GRADES[:4]]
        if all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
            found = cls(*(int(n) for n in numbers if isinstance(n, int)))
            if found.valid():
                return found
        return cls()


def grade_for(score_bp: int | None, thresholds: GradeThresholds = GradeThresholds()) -> str:
    """S / A / B / C / D, or "" without a score."""
    if score_bp is None:
        return ""
    lowest_scores = (thresholds.s_bp, thresholds.a_bp, thresholds.b_bp, thresholds.c_bp)
    for grade, lowest in zip(GRADES[:4], lowest_scores, strict=True):
        if score_bp >= lowest:
            return grade
    return "D"


# ---------------------------------------------------------------- the cycle


class Side(StrEnum):
    """Whose step a transition is: the reviewed person's, or the reviewer's (a manager of the person's team,
    or the owner)."""

    PERSON = "person"
    REVIEWER = "reviewer"


class Step(StrEnum):
    """The moves of the monthly cycle draft → self_review → manager_review → acknowledged."""

    OPEN_SELF_REVIEW = "open_self_review"  # reviewer: draft → self_review (the person may now write)
    SUBMIT_SELF_REVIEW = "submit_self_review"  # person: self_review → manager_review
    SKIP_SELF_REVIEW = "skip_self_review"  # reviewer: draft or self_review → manager_review
    SUBMIT = "submit"  # reviewer: manager_review → manager_review, submitted (actuals freeze)
    REOPEN = "reopen"  # reviewer: a submitted review, not yet acknowledged, back to editing (unfrozen)
    ACKNOWLEDGE = "acknowledge"  # person: submitted manager_review → acknowledged


@dataclass(frozen=True)
class Transition:
    step: Step
    side: Side
    source: tuple[ReviewStatus, ...]
    target: ReviewStatus
    submitted: bool | None  # the review must be submitted (True), not submitted (False), either (None)


TRANSITIONS: Mapping[Step, Transition] = {
    t.step: t
    for t in (
        Transition(Step.OPEN_SELF_REVIEW, Side.REVIEWER, (ReviewStatus.DRAFT,), ReviewStatus.SELF_REVIEW, False),
        Transition(
            Step.SUBMIT_SELF_REVIEW, Side.PERSON, (ReviewStatus.SELF_REVIEW,), ReviewStatus.MANAGER_REVIEW, False
        ),
        Transition(
            Step.SKIP_SELF_REVIEW,
            Side.REVIEWER,
            (ReviewStatus.DRAFT, ReviewStatus.SELF_REVIEW),
            ReviewStatus.MANAGER_REVIEW,
            False,
        ),
        Transition(Step.SUBMIT, Side.REVIEWER, (ReviewStatus.MANAGER_REVIEW,), ReviewStatus.MANAGER_REVIEW, False),
        Transition(Step.REOPEN, Side.REVIEWER, (ReviewStatus.MANAGER_REVIEW,), ReviewStatus.MANAGER_REVIEW, True),
        Transition(Step.ACKNOWLEDGE, Side.PERSON, (ReviewStatus.MANAGER_REVIEW,), ReviewStatus.ACKNOWLEDGED, True),
    )
}


def allowed_steps(status: str, submitted: bool, sides: frozenset[Side]) -> tuple[Step, ...]:
    """The steps a reader on ``sides`` may take on a review in ``status`` (``submitted``: by the manager)."""
    return tuple(
        t.step
        for t in TRANSITIONS.values()
        if t.side in sides and status in t.source and (t.submitted is None or t.submitted == submitted)
    )


# ---------------------------------------------------------------- whose reviews


# The staff model has no reporting lines: a manager's team is everyone in a specialist role. Managers'
# own reviews are the owner's to write; nobody reviews the owner.
TEAM_ROLES = frozenset({Role.OPERATIONS, Role.PRODUCT, Role.MARKETING, Role.SERVICE})
REVIEWED_ROLES = TEAM_ROLES | {Role.MANAGER}
TEMPLATE_ROLES = (Role.SERVICE, Role.PRODUCT, Role.MARKETING, Role.OPERATIONS, Role.MANAGER)


def reviews_roles_of(role: Role | str) -> frozenset[Role]:
    """The roles whose reviews a reader in ``role`` writes and reads as the reviewer (besides their own)."""
    role = Role(role)
    if role == Role.OWNER:
        return REVIEWED_ROLES
    if role == Role.MANAGER:
        return TEAM_ROLES
    return frozenset()
