"""The audit log as the owner reads it: filtered pages, and an xlsx export.

Entries are written by the session events in ``db.tracking``; this module only reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from sellerdesk.db.tracking import AUDITED_KINDS
from sellerdesk.domain.permissions import Action, Actor, require
from sellerdesk.domain.timeutil import DEFAULT_TZ
from sellerdesk.models import AuditEntry
from sellerdesk.services.zones import house_timezone
from sellerdesk.sheets.catalog_sheets import write_sheet

__all__ = ["AUDITED_KINDS", "AuditFilter", "AuditRow", "audit_people", "audit_rows", "count_audit", "export_audit"]


@dataclass(frozen=True)
class AuditFilter:
    staff_name: str | None = None  # None: everyone; "": changes made without an account
    entity: str = ""  # a table name from AUDITED_KINDS, "" for all
    since: datetime | None = None  # UTC, inclusive
    until: datetime | None = None  # UTC, exclusive


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    staff_name: str
    action: str  # create / update / delete / restore
    entity: str
    entity_id: int | None
    label: str
    changes: tuple[tuple[str, object, object], ...]  # (field, old, new)
    timezone: str = DEFAULT_TZ  # the house zone the time is shown in

    def describe_changes(self) -> str:
        return "; ".join(f"{field}: {_short(old)} → {_short(new)}" for field, old, new in self.changes)


def _short(value: object) -> str:
    text = "—" if value is None or value == "" else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _where(flt: AuditFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.staff_name is not None:
        conditions.append(AuditEntry.staff_name == flt.staff_name)
    if flt.entity:
        conditions.append(AuditEntry.entity == flt.entity)
    if flt.since is not None:
        conditions.append(AuditEntry.at >= flt.since)
    if flt.until is not None:
        conditions.append(AuditEntry.at < flt.until)
    return conditions


def count_audit(session: Session, actor: Actor, flt: AuditFilter) -> int:
    require(actor, Action.VIEW_AUDIT)
    return int(session.execute(select(func.count(AuditEntry.id)).where(*_where(flt))).scalar_one())


def audit_rows(
    session: Session, actor: Actor, flt: AuditFilter, *, offset: int = 0, limit: int = 500
) -> tuple[AuditRow, ...]:
    """Newest first."""
    require(actor, Action.VIEW_AUDIT)
    stmt = _select(flt).offset(offset).limit(limit)
    zone = house_timezone(session)
    return tuple(_row(e, zone) for e in session.scalars(stmt))


def _select(flt: AuditFilter) -> Select[Any]:
    return select(AuditEntry).where(*_where(flt)).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())


def _row(entry: AuditEntry, zone: str = DEFAULT_TZ) -> AuditRow:
    details: dict[str, Any] = entry.details if isinstance(entry.details, dict) else {}
    changes = tuple(
        (field, *(pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)))
        for field, pair in sorted(details.items())
    )
    return AuditRow(
        entry.id, entry.at, entry.staff_name, entry.action, entry.entity, entry.entity_id, entry.label, changes, zone
    )


def audit_people(session: Session, actor: Actor) -> tuple[str, ...]:
    """The names found in the log (a disabled account's changes stay under its name)."""
    require(actor, Action.VIEW_AUDIT)
    return tuple(session.scalars(select(AuditEntry.staff_name).distinct().order_by(AuditEntry.staff_name)))


def raw_cells(row: AuditRow) -> tuple[object, ...]:
    """An export row as stored (the command line's, and tests'): UTC time, names and codes."""
    at = row.at.replace(tzinfo=None)  # Excel has no time zones: UTC, as the header says
    return (at, row.staff_name, row.action, row.entity, row.entity_id, row.label, row.describe_changes())


def export_audit(
    session: Session,
    actor: Actor,
    flt: AuditFilter,
    path: Path,
    headers: tuple[str, ...],
    cells: Callable[[AuditRow], Sequence[object]] | None = None,
) -> int:
    """Write the filtered log to ``path`` (xlsx); ``headers`` and ``cells`` (a row as words) come from the
    caller, in the reader's language. Returns the rows written."""
    require(actor, Action.VIEW_AUDIT)

    def rows() -> Iterator[tuple[object, ...]]:
        for entry in session.scalars(_select(flt).execution_options(yield_per=2_000)):
            yield tuple((cells or raw_cells)(_row(entry)))

    return write_sheet(path, "audit", headers, rows())
