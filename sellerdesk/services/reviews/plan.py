"""Improvement plan items → tasks for the reviewed person, through the task rule "review_plan"
(``services.task_rules``): one task per item (its cause ``review_plan:item:<id>``), made once the reviewer
has submitted the review, kept while the item exists, closed by the rule when the item is removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.models import Review, ReviewPlanItem

PLAN_RULE = "review_plan"


@dataclass(frozen=True)
class PlanCause:
    item_id: int
    review_id: int
    staff_id: int
    month: str
    text: str
    due_date: date | None
    description: str
    opened: Callable[[Session, int], None] = field(compare=False)


def _keep_task(item_id: int) -> Callable[[Session, int], None]:
    def opened(session: Session, task_id: int) -> None:
        item = session.get(ReviewPlanItem, item_id)
        if item is not None:
            item.task_id = task_id
            session.flush()

    return opened


def plan_causes(session: Session) -> list[PlanCause]:
    """The plan items that want a task: their review is submitted (or acknowledged), or they have one."""
    stmt = (
        select(ReviewPlanItem, Review.staff_id, Review.month)
        .join(Review, Review.id == ReviewPlanItem.review_id)
        .where(Review.deleted_at.is_(None), or_(Review.submitted_at.is_not(None), ReviewPlanItem.task_id.is_not(None)))
        .order_by(ReviewPlanItem.id)
    )
    return [
        PlanCause(
            item.id,
            item.review_id,
            staff_id,
            month,
            item.text,
            item.due_date,
            f"Improvement plan of the {month} performance review",
            _keep_task(item.id),
        )
        for item, staff_id, month in session.execute(stmt)
    ]


def sync_plan_tasks(session: Session, now: datetime | None = None) -> Changes:
    """Run the plan rule now (after a submit, or a plan saved): new items get their task, removed ones close it."""
    from sellerdesk.services import task_rules

    return task_rules.run_task_rules(session, now, only=(PLAN_RULE,)).changes
