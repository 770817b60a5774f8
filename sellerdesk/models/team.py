"""Team tasks, KPI templates and monthly performance reviews."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models.base import Base, BigIntPK, IdMixin, VersionMixin


class Task(IdMixin, VersionMixin, Base):
    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_assignee_status", "assignee_id", "status"),
        Index("ix_tasks_due_date", "due_date"),
    )

    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="todo")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    assignee_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    creator_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    due_date: Mapped[date | None] = mapped_column(Date)
    link_kind: Mapped[str] = mapped_column(String(20), default="")  # product / order / ticket / promotion
    link_id: Mapped[int | None] = mapped_column(BigIntPK)
    recurrence: Mapped[str] = mapped_column(String(20), default="")  # "", daily, weekly, monthly
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]  # in the recycle bin since (services.recycle)


class KpiTemplate(IdMixin, VersionMixin, Base):
    """A KPI line offered for a role's monthly review; ``metric`` names a figure computed from data."""

    __tablename__ = "kpi_templates"

    role: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    metric: Mapped[str] = mapped_column(String(50), default="")  # "" = entered by hand
    target: Mapped[int] = mapped_column(default=0)  # in the metric's unit (cents, count, bp, seconds)
    weight_bp: Mapped[int] = mapped_column(default=0)
    higher_is_better: Mapped[bool] = mapped_column(default=True)


class Review(IdMixin, VersionMixin, Base):
    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("staff_id", "month"),)

    staff_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    reviewer_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    score_bp: Mapped[int | None]  # overall score ×100 (0-10000 for 0-100)
    grade: Mapped[str] = mapped_column(String(2), default="")
    manager_comment: Mapped[str] = mapped_column(Text, default="")
    self_comment: Mapped[str] = mapped_column(Text, default="")
    improvement_plan: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None]  # in the recycle bin since (services.recycle)

    lines: Mapped[list[ReviewLine]] = relationship(back_populates="review", cascade="all, delete-orphan")


class ReviewLine(IdMixin, Base):
    __tablename__ = "review_lines"
    __table_args__ = (Index("ix_review_lines_review_id", "review_id"),)

    review_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("reviews.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    metric: Mapped[str] = mapped_column(String(50), default="")
    target: Mapped[int] = mapped_column(default=0)
    actual: Mapped[int | None]
    weight_bp: Mapped[int] = mapped_column(default=0)
    score_bp: Mapped[int | None]

    review: Mapped[Review] = relationship(back_populates="lines")
