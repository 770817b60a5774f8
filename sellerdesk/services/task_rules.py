"""Tasks that events make: one task per cause, made when the cause appears, closed when it is gone.

A cause is a string ("reorder:sku:12", "late_to_ship") kept on the task while the cause lasts (a unique
column), so running the rules again — after every import or stock change — never makes a second task for
it, even when someone finished the task by hand before the cause was gone. Each rule can be switched off
and names the role its tasks go to (the active person of that role with the fewest open tasks).

Rules: a SKU below its reorder point (product role); more late-to-ship orders than a threshold
(operations); a ticket about to breach its SLA (its assignee); an improvement plan item of a submitted
performance review (the reviewed person: one task per item, kept while the item exists, linked to the
review; the review service runs this rule when a review is submitted or its plan saved).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Priority, Role, TaskStatus
from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models import Product, Sku, StaffUser, StockMovement, Task, Ticket
from sellerdesk.services import orders, tasks
from sellerdesk.services.app_settings import load_setting, setting_version, store_setting
from sellerdesk.services.tasks import LinkRef, TaskDraft
from sellerdesk.services.zones import house_timezone

RULES_SETTING = "task_rules"


@dataclass(frozen=True)
class RuleSetting:
    enabled: bool = True
    role: str = Role.OPERATIONS_MANAGER
    threshold: int = 0  # late_to_ship: a task once more orders than this are late


DEFAULT_RULES: Mapping[str, RuleSetting] = {
    "reorder": RuleSetting(True, Role.PRODUCT_SPECIALIST),
    "late_to_ship": RuleSetting(True, Role.OPERATIONS_MANAGER, 0),
    # To the ticket's own assignee; the role takes unassigned ones.
    "ticket_breach": RuleSetting(True, Role.SERVICE),
    # To the reviewed person; the role is not used.
    "review_plan": RuleSetting(True, Role.MANAGER),
}

# Task titles, with {placeholders}; the desktop passes them in the user's language.
DEFAULT_TITLES: Mapping[str, str] = {
    "reorder": "Reorder {code} ({title}): {available} available, reorder point {point}",
    "late_to_ship": "{count} orders are late to ship",
    "ticket_breach": "Ticket #{id} is about to miss its deadline: {subject}",
    "review_plan": "{text}",
}


@dataclass(frozen=True)
class Cause:
    key: str
    rule: str
    title: str
    priority: str = Priority.HIGH
    link: LinkRef | None = None
    assignee_id: int | None = None  # a person the cause names (a ticket's assignee), else the rule's role decides
    due_date: date | None = None  # None: the day the cause appears
    description: str = ""
    # Called with the new task's id once it is made (the review plan item keeps its task).
    opened: Callable[[Session, int], None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RulesRun:
    opened: int
    closed: int

    @property
    def changes(self) -> Changes:
        return tasks.TASK_CHANGES if self.opened or self.closed else Changes()


def rule_settings(session: Session) -> dict[str, RuleSetting]:
    stored = load_setting(session, RULES_SETTING, {})
    result = dict(DEFAULT_RULES)
    if isinstance(stored, dict):
        for name, value in stored.items():
            if name in result and isinstance(value, dict):
                result[name] = replace(
                    result[name], **{k: v for k, v in value.items() if k in RuleSetting.__annotations__}
                )
    return result


def rules_version(session: Session) -> int:
    return setting_version(session, RULES_SETTING)


def save_rule_settings(session: Session, settings: Mapping[str, RuleSetting], expected_version: int) -> Changes:
    value = {
        name: {"enabled": s.enabled, "role": s.role, "threshold": max(0, s.threshold)} for name, s in settings.items()
    }
    store_setting(session, RULES_SETTING, value, expected_version)
    return Changes()


def run_task_rules(
    session: Session,
    now: datetime | None = None,
    titles: Mapping[str, str] = DEFAULT_TITLES,
    only: Collection[str] | None = None,
) -> RulesRun:
    """Open a task for each new cause, close the tasks whose cause is gone (rules switched off: untouched).
    ``only``: run just these rules (the others' tasks are left alone)."""
    now = now or utcnow()
    settings = rule_settings(session)
    active = [
        name for name, s in settings.items() if s.enabled and name in _CAUSE_FINDERS and (only is None or name in only)
    ]
    current: dict[str, Cause] = {}
    for name in active:
        for cause in _CAUSE_FINDERS[name](session, now, settings[name], titles):
            current[cause.key] = cause
    held = {t.cause: t for t in session.scalars(select(Task).where(Task.cause.is_not(None)))}
    closed = 0
    for key, task in held.items():
        if key is not None and key.split(":")[0] in active and key not in current:
            closed += _close(task, now)
    session.flush()
    opened = 0
    for key, cause in current.items():
        if key not in held:
            _open(session, cause, settings[cause.rule].role, now)
            opened += 1
    return RulesRun(opened, closed)


def _close(task: Task, now: datetime) -> int:
    task.cause = None
    if task.status == TaskStatus.DONE:
        return 0
    task.status, task.board_column, task.completed_at = TaskStatus.DONE, "", now
    return 1


def _open(session: Session, cause: Cause, role: str, now: datetime) -> None:
    """A task for ``cause``, due the day it appears (so it is among the assignee's tasks for today)."""
    draft = TaskDraft(
        cause.title[: tasks.MAX_TITLE],
        description=cause.description,
        assignee_id=cause.assignee_id or _assignee(session, role),
        due_date=cause.due_date or tasks.local_now(now, house_timezone(session)).date(),
        priority=cause.priority,
        links=(cause.link,) if cause.link else (),
    )
    saved = tasks.create_task(session, draft, kind="rule", now=now)
    task = session.get(Task, saved.task_id)
    assert task is not None
    task.cause = cause.key
    session.flush()
    if cause.opened is not None:
        cause.opened(session, task.id)


def _assignee(session: Session, role: str) -> int | None:
    """The active person of ``role`` with the fewest open tasks (then the longest-serving)."""
    open_tasks = (
        select(func.count())
        .where(Task.assignee_id == StaffUser.id, Task.status != TaskStatus.DONE)
        .correlate(StaffUser)
        .scalar_subquery()
    )
    stmt = select(StaffUser.id).where(StaffUser.role == role, StaffUser.active).order_by(open_tasks, StaffUser.id)
    return session.scalar(stmt.limit(1))


# ---------------------------------------------------------------- the rules


def _reorder_causes(session: Session, now: datetime, setting: RuleSetting, titles: Mapping[str, str]) -> list[Cause]:
    """Active SKUs whose available stock (on hand less reserved) is below their reorder point."""
    ledger = (
        select(
            StockMovement.sku_id.label("sku_id"),
            func.sum(StockMovement.on_hand_delta - StockMovement.reserved_delta).label("available"),
        )
        .group_by(StockMovement.sku_id)
        .subquery()
    )
    available = func.coalesce(ledger.c.available, 0)
    title = func.coalesce(func.nullif(Sku.title, ""), Product.title)
    stmt = (
        select(Sku.id, Sku.product_id, Sku.seller_code, title, available, Sku.reorder_point)
        .join(Product, Product.id == Sku.product_id)
        .outerjoin(ledger, ledger.c.sku_id == Sku.id)
        .where(and_(Sku.active, Sku.reorder_point > 0, available < Sku.reorder_point))
    )
    text = titles.get("reorder", DEFAULT_TITLES["reorder"])
    return [
        Cause(
            f"reorder:sku:{sku_id}",
            "reorder",
            text.format(code=code, title=name, available=avail, point=point),
            link=LinkRef("product", product_id),
        )
        for sku_id, product_id, code, name, avail, point in session.execute(stmt)
    ]


def _late_causes(session: Session, now: datetime, setting: RuleSetting, titles: Mapping[str, str]) -> list[Cause]:
    count = orders.late_to_ship_count(session, now)
    if count <= setting.threshold:
        return []
    text = titles.get("late_to_ship", DEFAULT_TITLES["late_to_ship"])
    return [Cause("late_to_ship", "late_to_ship", text.format(count=count), Priority.URGENT)]


def _ticket_causes(session: Session, now: datetime, setting: RuleSetting, titles: Mapping[str, str]) -> list[Cause]:
    """Open tickets whose next deadline is near or past (the queue's "breaching soon" and "overdue"): a task for
    the ticket's assignee, closed once the ticket is answered, waiting on the buyer or resolved."""
    from sellerdesk.services.tickets.queue import overdue_condition, soon_condition

    stmt = select(Ticket.id, Ticket.subject, Ticket.assignee_id).where(
        or_(soon_condition(now), overdue_condition(now)),
        Ticket.merged_into_id.is_(None),
        Ticket.deleted_at.is_(None),
    )
    text = titles.get("ticket_breach", DEFAULT_TITLES["ticket_breach"])
    return [
        Cause(
            f"ticket_breach:ticket:{ticket_id}",
            "ticket_breach",
            text.format(id=ticket_id, subject=subject),
            Priority.URGENT,
            LinkRef("ticket", ticket_id),
            assignee,
        )
        for ticket_id, subject, assignee in session.execute(stmt)
    ]


def _plan_causes(session: Session, now: datetime, setting: RuleSetting, titles: Mapping[str, str]) -> list[Cause]:
    """Improvement plan items of reviews the reviewer has submitted (or whose item already has its task):
    a task for the reviewed person, due on the item's date, linked to the review."""
    from sellerdesk.services.reviews.plan import plan_causes

    text = titles.get("review_plan", DEFAULT_TITLES["review_plan"])
    return [
        Cause(
            f"review_plan:item:{item.item_id}",
            "review_plan",
            text.format(text=item.text, month=item.month),
            Priority.NORMAL,
            LinkRef("review", item.review_id),
            item.staff_id,
            item.due_date,
            item.description,
            item.opened,
        )
        for item in plan_causes(session)
    ]


_CAUSE_FINDERS: dict[str, Callable[[Session, datetime, RuleSetting, Mapping[str, str]], list[Cause]]] = {
    "reorder": _reorder_causes,
    "late_to_ship": _late_causes,
    "ticket_breach": _ticket_causes,
    "review_plan": _plan_causes,
}
