"""Team tasks, KPI templates and monthly performance reviews."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models.base import Base, BigIntPK, IdMixin, VersionMixin


class TaskSeries(IdMixin, VersionMixin, Base):
    """A recurring task: the template each occurrence copies and the calendar rule (domain.recurrence)."""

    __tablename__ = "task_series"

    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    assignee_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    creator_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    due_time: Mapped[time | None] = mapped_column(Time)
    frequency: Mapped[str] = mapped_column(String(10))  # daily / weekdays / weekly / monthly
    interval: Mapped[int] = mapped_column(default=1)
    weekdays: Mapped[str] = mapped_column(String(20), default="")  # "0,4": Monday and Friday
    month_day: Mapped[int] = mapped_column(default=1)  # -1: the last day
    skip_holidays: Mapped[bool] = mapped_column(Boolean, default=False)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")  # the shop's days
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    next_on: Mapped[date | None] = mapped_column(Date)  # the first occurrence not made yet (None: ended)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Task(IdMixin, VersionMixin, Base):
    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_assignee_status", "assignee_id", "status"),
        Index("ix_tasks_due_date", "due_date"),
        Index("ix_tasks_status_board_column_position", "status", "board_column", "position"),
        Index("ix_tasks_completed_at", "completed_at"),
        UniqueConstraint("series_id", "occurrence_on"),
        UniqueConstraint("cause"),
    )

    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="task", server_default="task")  # task / promotion / rule
    status: Mapped[str] = mapped_column(String(10), default="todo")
    # The board column (settings: task board columns); "" = the first column of the task's status.
    board_column: Mapped[str] = mapped_column(String(30), default="", server_default="")
    position: Mapped[int] = mapped_column(default=0, server_default="0")  # order within the column
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    assignee_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    creator_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    completed_by_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    due_date: Mapped[date | None] = mapped_column(Date)  # a day in the shop's time zone
    due_time: Mapped[time | None] = mapped_column(Time)  # wall-clock time on that day; None: any time of day
    # The first link (older rows); further links are TaskLink rows.
    link_kind: Mapped[str] = mapped_column(String(20), default="")  # product / order / ticket / review / task
    link_id: Mapped[int | None] = mapped_column(BigIntPK)
    recurrence: Mapped[str] = mapped_column(String(20), default="")  # older rows only: series are TaskSeries
    series_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("task_series.id", ondelete="SET NULL"))
    occurrence_on: Mapped[date | None] = mapped_column(Date)  # the series day this task stands for
    detached: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")  # edited on its own
    # What a task rule made this task for ("reorder:sku:12"), kept while the cause lasts: one task per cause.
    cause: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]  # in the recycle bin since (services.recycle)


class TaskChecklistItem(IdMixin, Base):
    __tablename__ = "task_checklist_items"
    __table_args__ = (Index("ix_task_checklist_items_task_id", "task_id"),)

    task_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("tasks.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(String(500))
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class TaskComment(IdMixin, Base):
    __tablename__ = "task_comments"
    __table_args__ = (Index("ix_task_comments_task_id", "task_id"),)

    task_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("tasks.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TaskAttachment(IdMixin, Base):
    """A file on the user's PC, linked (never copied): the path as the user chose it."""

    __tablename__ = "task_attachments"
    __table_args__ = (Index("ix_task_attachments_task_id", "task_id"),)

    task_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("tasks.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TaskLink(IdMixin, Base):
    """A task's link to a product, order, ticket, review or another task."""

    __tablename__ = "task_links"
    __table_args__ = (
        UniqueConstraint("task_id", "kind", "target_id"),
        Index("ix_task_links_kind", "kind", "target_id"),
    )

    task_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("tasks.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int] = mapped_column(BigIntPK)


class Promotion(IdMixin, Base):
    """The promotion a task of kind "promotion" plans: its kind, shop (None: every shop), time and SKUs."""

    __tablename__ = "promotions"

    task_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("tasks.id", ondelete="CASCADE"), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # discount / full_reduction / coupon / flash_sale / gift / group_buy
    shop_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("shops.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]


class PromotionSku(Base):
    __tablename__ = "promotion_skus"

    promotion_id: Mapped[int] = mapped_column(
        BigIntPK, ForeignKey("promotions.id", ondelete="CASCADE"), primary_key=True
    )
    sku_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("skus.id", ondelete="CASCADE"), primary_key=True)


class KpiTemplate(IdMixin, VersionMixin, Base):
    """A KPI line of a role's monthly review template; ``metric`` names a figure computed from data
    (services/reviews/metrics.py), "" = the actual is entered by hand. Rules: domain/reviews.py."""

    __tablename__ = "kpi_templates"
    __table_args__ = (Index("ix_kpi_templates_role_position", "role", "position"),)

    role: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(default=0, server_default="0")  # order within the role's template
    name: Mapped[str] = mapped_column(String(100))
    metric: Mapped[str] = mapped_column(String(50), default="")  # "" = entered by hand
    unit: Mapped[str] = mapped_column(String(10), default="", server_default="")  # hand-entered lines' unit
    target: Mapped[int] = mapped_column(default=0)  # in the metric's unit (cents, count, bp, seconds)
    weight_bp: Mapped[int] = mapped_column(default=0)
    higher_is_better: Mapped[bool] = mapped_column(default=True)
    scoring: Mapped[str] = mapped_column(String(10), default="linear", server_default="linear")
    cap_bp: Mapped[int] = mapped_column(default=10_000, server_default="10000")  # the line's highest score
    bands: Mapped[list[list[int]]] = mapped_column(JSON, default=list)  # [[threshold, score_bp], ...]


class Review(IdMixin, VersionMixin, Base):
    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("staff_id", "month"), Index("ix_reviews_month_status", "month", "status"))

    staff_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    role: Mapped[str] = mapped_column(String(32), default="", server_default="")  # the template role used
    reviewer_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="draft")  # domain.enums.ReviewStatus
    score_bp: Mapped[int | None]  # overall score ×100 (0-10000 for 0-100)
    grade: Mapped[str] = mapped_column(String(2), default="")
    manager_comment: Mapped[str] = mapped_column(Text, default="")
    self_comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    filled_at: Mapped[datetime | None]  # actuals last stored from the data
    self_submitted_at: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]  # the reviewer submitted: actuals, scores and grade frozen
    acknowledged_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]  # in the recycle bin since (services.recycle)

    lines: Mapped[list[ReviewLine]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="ReviewLine.position"
    )
    plan_items: Mapped[list[ReviewPlanItem]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="ReviewPlanItem.position"
    )


class ReviewLine(IdMixin, Base):
    """A review's own copy of a template line, with its actual (filled or typed) and score."""

    __tablename__ = "review_lines"
    __table_args__ = (Index("ix_review_lines_review_id", "review_id"),)

    review_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("reviews.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0, server_default="0")
    name: Mapped[str] = mapped_column(String(100))
    metric: Mapped[str] = mapped_column(String(50), default="")
    unit: Mapped[str] = mapped_column(String(10), default="", server_default="")
    target: Mapped[int] = mapped_column(default=0)
    actual: Mapped[int | None]
    actual_entered: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")  # typed in
    weight_bp: Mapped[int] = mapped_column(default=0)
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    scoring: Mapped[str] = mapped_column(String(10), default="linear", server_default="linear")
    cap_bp: Mapped[int] = mapped_column(default=10_000, server_default="10000")
    bands: Mapped[list[list[int]]] = mapped_column(JSON, default=list)
    manual_score_bp: Mapped[int | None]  # a manual line's score as entered
    score_bp: Mapped[int | None]
    # The records behind the actual: {"kind": ..., "ids": [...], "more": n, "scope": {...}, "note": ...}
    source: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")

    review: Mapped[Review] = relationship(back_populates="lines")


class ReviewPlanItem(IdMixin, Base):
    """An improvement plan item; ``task_id``: the task made for it (task rule "review_plan")."""

    __tablename__ = "review_plan_items"
    __table_args__ = (Index("ix_review_plan_items_review_id", "review_id"),)

    review_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("reviews.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[date | None] = mapped_column(Date)
    task_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("tasks.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    review: Mapped[Review] = relationship(back_populates="plan_items")
