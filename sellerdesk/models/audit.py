"""Who changed what, when: the audit log, and the change counter other PCs poll.

Entries are written by ``services.audit`` from a session event, never by hand; they name the record by
kind, id and a label and hold no foreign key to it, so they outlive the record.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models.base import Base, BigIntPK, IdMixin


class AuditEntry(IdMixin, Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"), Index("ix_audit_log_entity", "entity", "entity_id"))

    at: Mapped[datetime] = mapped_column(default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(BigIntPK)
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)  # field → [old, new]
    staff_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    label: Mapped[str] = mapped_column(String(300), default="", server_default="")  # the record as people call it


class ChangeCounter(Base):
    """One row whose ``seq`` every writing transaction bumps: other PCs poll it to see that data changed."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigIntPK, default=0)
