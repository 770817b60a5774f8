"""Session events: the audit log of every change people make, and the change counter other PCs poll.

Registered on every ``Session`` when ``sellerdesk.db`` is imported. Who acts is read from
``session.info["actor"]`` (a ``domain.permissions.Actor``; set through ``act_as``), so no service writes
audit entries by hand and none can forget to. Bulk Core statements (imports) bypass the ORM and so the
audit log: an import batch records what it created and changed itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect, update
from sqlalchemy.orm import Session, UOWTransaction

from sellerdesk.domain.permissions import OWNER, Actor
from sellerdesk.models import (
    AppSetting,
    AuditEntry,
    ChangeCounter,
    KpiTemplate,
    Order,
    Product,
    Review,
    ReviewLine,
    ReviewPlanItem,
    Shop,
    Sku,
    StaffUser,
    StockMovement,
    Task,
    Ticket,
    Warehouse,
)

ACTOR_KEY = "actor"
CHANGED_KEY = "data_changed"
QUIET_KEY = "no_audit"
HIDDEN = "•••"  # what the audit log shows of a password hash
# Bookkeeping, not edits (a review line's ``source``: the ids behind a filled actual; ``filled_at``: when).
_SKIPPED = frozenset({"version", "updated_at", "created_at", "at", "source", "filled_at"})

# Audited kinds → how a record is named in the log (the name outlives the record).
_LABELS: dict[type[Any], Callable[[Any], str]] = {
    Product: lambda o: o.title,
    Sku: lambda o: o.seller_code,
    Order: lambda o: f"{o.platform} {o.platform_order_id}",
    StaffUser: lambda o: f"{o.name} ({o.login})",
    AppSetting: lambda o: o.key,
    Shop: lambda o: f"{o.platform} {o.name}",
    StockMovement: lambda o: f"SKU #{o.sku_id} {o.on_hand_delta:+d}",
    Warehouse: lambda o: o.code,
    Ticket: lambda o: o.subject,
    Task: lambda o: o.title,
    Review: lambda o: f"{o.staff_id} {o.month}",
    KpiTemplate: lambda o: f"{o.role} {o.name}",
    ReviewLine: lambda o: f"review #{o.review_id} {o.name}",
    ReviewPlanItem: lambda o: f"review #{o.review_id} {o.text}"[:300],
}
AUDITED_KINDS = tuple(sorted(cls.__tablename__ for cls in _LABELS))


def acting(session: Session) -> Actor:
    """Who this session's changes are made by: the runner's signed-in person, else the owner (the command
    line, and a shop without sign-in)."""
    actor = session.info.get(ACTOR_KEY)
    return actor if isinstance(actor, Actor) else OWNER


def act_as(session: Session, actor: Actor) -> None:
    """Name the staff member this session's changes are made by (the audit log's "who")."""
    session.info[ACTOR_KEY] = actor


def without_audit(session: Session) -> None:
    """Leave this session's changes out of the audit log (the demo shop: machine-made, thousands of rows)."""
    session.info[QUIET_KEY] = True


def mark_changed(session: Session) -> None:
    """Make this transaction bump the change counter (for writes the ORM does not see)."""
    session.info[CHANGED_KEY] = True


def change_seq(session: Session) -> int:
    """The change counter: it grows with every committed write, from any PC."""
    counter = session.get(ChangeCounter, 1, populate_existing=True)
    return counter.seq if counter is not None else 0


def record_inserted(session: Session, model: type[Any], ids: Sequence[int], rows: Sequence[dict[str, Any]]) -> None:
    """Log rows a bulk ``insert(model)`` wrote (bulk statements pass no flush, so no session event sees them).

    For hand-made changes written in bulk (stock movements); imports keep their own record of changes.
    """
    label = _LABELS.get(model)
    if label is None or session.info.get(QUIET_KEY) or not rows:
        return
    session.info[CHANGED_KEY] = True
    entries = [
        _entry(session, "create", model, record_id, label(model(**row)), {k: [None, _plain(v)] for k, v in row.items()})
        for record_id, row in zip(ids, rows, strict=True)
    ]
    session.connection().execute(insert(AuditEntry), entries)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: UOWTransaction) -> None:
    # Here attribute history still holds the old values, and new rows have their ids.
    if session.new or session.dirty or session.deleted:
        session.info[CHANGED_KEY] = True
    if session.info.get(QUIET_KEY):
        return
    rows = [
        *_entries(session, session.new, "create"),
        *_entries(session, session.dirty, "update"),
        *_entries(session, session.deleted, "delete"),
    ]
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    if session.info.pop(CHANGED_KEY, False):
        conn = session.connection()
        bumped = conn.execute(update(ChangeCounter).where(ChangeCounter.id == 1).values(seq=ChangeCounter.seq + 1))
        if bumped.rowcount == 0:
            conn.execute(insert(ChangeCounter).values(id=1, seq=1))


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(CHANGED_KEY, None)


def _entries(session: Session, objects: Iterable[object], action: str) -> list[dict[str, Any]]:
    rows = []
    for obj in objects:
        label = _LABELS.get(type(obj))
        if label is None:
            continue
        details = _diff(obj, action)
        if action == "update" and not details:
            continue
        rows.append(_entry(session, _action(obj, action, details), type(obj), _id_of(obj), label(obj), details))
    return rows


def _entry(
    session: Session, action: str, model: type[Any], record_id: int | None, label: str, details: dict[str, Any]
) -> dict[str, Any]:
    actor = session.info.get(ACTOR_KEY)
    return {
        "staff_id": actor.staff_id if isinstance(actor, Actor) else None,
        "staff_name": actor.name if isinstance(actor, Actor) else "",
        "action": action,
        "entity": str(getattr(model, "__tablename__", "")),
        "entity_id": record_id,
        "label": str(label)[:300],
        "details": {k: v for k, v in details.items() if k not in _SKIPPED and v != [None, None]},
    }


def _action(obj: object, action: str, details: dict[str, object]) -> str:
    """Moving to and from the recycle bin reads as delete / restore, not as an edit of ``deleted_at``."""
    if action == "update" and "deleted_at" in details:
        return "delete" if getattr(obj, "deleted_at", None) is not None else "restore"
    return action


def _id_of(obj: object) -> int | None:
    ident = inspect(obj).identity
    value = ident[0] if ident else getattr(obj, "id", None)
    return value if isinstance(value, int) else None


def _diff(obj: object, action: str) -> dict[str, object]:
    """field → [old, new] of the columns that changed (all set columns for a new or deleted record)."""
    state = inspect(obj)
    found: dict[str, object] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIPPED or key == "id":
            continue
        history = state.attrs[key].history
        if action == "update":
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
        elif action == "create":
            old, new = None, getattr(obj, key)
        else:
            old, new = getattr(obj, key), None
        if key == "password_hash":
            old, new = (HIDDEN if old else ""), (HIDDEN if new else "")
        found[key] = [_plain(old), _plain(new)]
    return found


def _plain(value: object) -> object:
    """A JSON value for the log."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)
