"""The monthly review cycle: make the month's reviews, fill their actuals from the shop's data, let the
person and the reviewer each do their part, score, grade, freeze at the reviewer's submit.

Every function takes the acting staff member; whose reviews they may read or change is
``services.reviews.access`` (rules in ``domain.reviews``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.permissions import Actor
from sellerdesk.domain.reviews import GradeThresholds, Step
from sellerdesk.services.reviews.dto import (
    GradeSettings,
    MonthCreated,
    ReviewDetail,
    ReviewEdit,
    ReviewSummary,
    Trend,
)


def create_month_reviews(session: Session, actor: Actor, month: str, now: datetime | None = None) -> MonthCreated:
    """A draft review for ``month`` (YYYY-MM) for every active person the actor reviews who has none yet,
    with the lines of their role's template and the actuals filled. Running it again makes nothing twice."""
    raise NotImplementedError


def get_review(session: Session, actor: Actor, review_id: int, now: datetime | None = None) -> ReviewDetail:
    """One review as the actor may see it. A review not submitted yet shows its actuals as the data has them
    now (read, not stored: saving or submitting stores them); a submitted one its frozen values."""
    raise NotImplementedError


def refresh_actuals(session: Session, actor: Actor, month: str, now: datetime | None = None) -> int:
    """Store today's actuals, scores and grades on the month's reviews the actor reviews and that are not
    submitted yet. Returns how many reviews changed."""
    raise NotImplementedError


def save_review(
    session: Session,
    actor: Actor,
    review_id: int,
    edit: ReviewEdit,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> Changes:
    """The reviewer's save: typed actuals, manual scores, line remarks, the manager comment, the plan.
    Allowed while the review is not submitted and not acknowledged (draft, self-review, manager review)."""
    raise NotImplementedError


def save_self_review(
    session: Session, actor: Actor, review_id: int, comment: str, *, expected_version: int
) -> Changes:
    """The person's own comment, on their own review while it is in self-review."""
    raise NotImplementedError


def move_review(
    session: Session,
    actor: Actor,
    review_id: int,
    step: Step,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> Changes:
    """Take one step of the cycle (``domain.reviews.TRANSITIONS``). Submit stores the actuals, scores and
    grade for good and opens the plan's tasks; reopen unfreezes (refreshed at the next save)."""
    raise NotImplementedError


def review_summaries(session: Session, actor: Actor, month: str) -> tuple[ReviewSummary, ...]:
    """The month's reviews the actor may see, by name."""
    raise NotImplementedError


def reviews_waiting_for(session: Session, actor: Actor) -> tuple[ReviewSummary, ...]:
    """Reviews whose next step is the actor's (Home's queue): their own in self-review or submitted and not
    acknowledged; as reviewer, the team's drafts and manager reviews not submitted yet. Oldest month first."""
    raise NotImplementedError


def count_reviews_waiting(session: Session, actor: Actor) -> int:
    raise NotImplementedError


def score_trend(session: Session, actor: Actor, staff_id: int, months: int = 12) -> Trend:
    """One person's overall scores, month by month (at most ``months``, ending with the newest review)."""
    raise NotImplementedError


def grade_settings(session: Session) -> GradeSettings:
    raise NotImplementedError


def save_grade_thresholds(
    session: Session, actor: Actor, thresholds: GradeThresholds, *, expected_version: int
) -> Changes:
    """The grade thresholds (``EDIT_KPI_TEMPLATES``); reviews not submitted are graded anew when next
    stored. ValidationError ``grade_thresholds_invalid`` unless S > A > B > C ≥ 0."""
    raise NotImplementedError
