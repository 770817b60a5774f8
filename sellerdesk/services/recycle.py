"""The recycle bin: deleted products, tickets, tasks and reviews stay 30 days and can be restored.

Deleting sets ``deleted_at``; lists and figures leave such records out; ``purge_expired`` removes them
for good after ``KEEP_DAYS``. The audit log keeps who deleted, restored or purged what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.db.tracking import act_as
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.errors import ConflictError, NotFoundError
from sellerdesk.domain.permissions import Action, Actor, require
from sellerdesk.domain.timeutil import DEFAULT_TZ, utcnow
from sellerdesk.models import AuditEntry, Product, Review, Task, Ticket
from sellerdesk.services.zones import house_timezone

KEEP_DAYS = 30
KINDS: dict[str, type[Any]] = {"products": Product, "tickets": Ticket, "tasks": Task, "reviews": Review}
# Who may put a record of each kind in the bin (restoring is the owner's: RESTORE_DELETED).
_DELETE_ACTIONS = {
    "products": Action.DELETE_PRODUCTS,
    "tickets": Action.DELETE_WORK_ITEMS,
    "tasks": Action.DELETE_WORK_ITEMS,
    "reviews": Action.EDIT_REVIEWS,
}
_CHANGES = {
    "products": Changes(products=True, stock=True),
    "tickets": Changes(tickets=True),
    "tasks": Changes(tasks=True),
    "reviews": Changes(reviews=True),
}
_LABELS = {"products": "title", "tickets": "subject", "tasks": "title", "reviews": "month"}


@dataclass(frozen=True)
class DeletedRow:
    kind: str
    id: int
    label: str
    deleted_at: datetime
    deleted_by: str
    purge_at: datetime
    timezone: str = DEFAULT_TZ  # the house zone the times are shown in


def delete_record(session: Session, actor: Actor, kind: str, record_id: int, expected_version: int) -> Changes:
    """Put a record in the recycle bin."""
    require(actor, _DELETE_ACTIONS[kind])
    record = _record(session, kind, record_id)
    if record.version != expected_version:
        raise ConflictError(f"{kind} {record_id} changed meanwhile.", code="conflict")
    act_as(session, actor)
    record.deleted_at = utcnow()
    session.flush()
    return _CHANGES[kind]


def restore_record(session: Session, actor: Actor, kind: str, record_id: int) -> Changes:
    require(actor, Action.RESTORE_DELETED)
    record = _record(session, kind, record_id)
    act_as(session, actor)
    record.deleted_at = None
    session.flush()
    return _CHANGES[kind]


def recycle_bin(session: Session, actor: Actor) -> tuple[DeletedRow, ...]:
    """What is in the bin, newest deletion first, with who deleted it."""
    require(actor, Action.RESTORE_DELETED)
    found: list[DeletedRow] = []
    zone = house_timezone(session)
    for kind, model in KINDS.items():
        for record in session.scalars(select(model).where(model.deleted_at.is_not(None))):
            deleted_at: datetime = record.deleted_at
            label = str(getattr(record, _LABELS[kind]))
            found.append(
                DeletedRow(
                    kind,
                    record.id,
                    label,
                    deleted_at,
                    _deleted_by(session, kind, record.id),
                    deleted_at + timedelta(days=KEEP_DAYS),
                    zone,
                )
            )
    return tuple(sorted(found, key=lambda r: r.deleted_at, reverse=True))


def _deleted_by(session: Session, kind: str, record_id: int) -> str:
    stmt = (
        select(AuditEntry.staff_name)
        .where(AuditEntry.entity == kind, AuditEntry.entity_id == record_id, AuditEntry.action == "delete")
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    return session.scalars(stmt).first() or ""


def purge_expired(session: Session, now: datetime | None = None) -> int:
    """Remove for good what was deleted more than ``KEEP_DAYS`` ago; returns how many records."""
    cutoff = (now or utcnow()) - timedelta(days=KEEP_DAYS)
    count = 0
    for model in KINDS.values():
        for record in session.scalars(select(model).where(model.deleted_at < cutoff)):
            session.delete(record)
            count += 1
    session.flush()
    return count


def _record(session: Session, kind: str, record_id: int) -> Any:
    model = KINDS.get(kind)
    record = session.get(model, record_id) if model is not None else None
    if record is None:
        raise NotFoundError(f"No {kind} {record_id}.", code="not_found")
    return record
