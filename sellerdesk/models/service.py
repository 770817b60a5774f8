"""Customer-service tickets, their events and canned replies."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models.base import Base, BigIntPK, IdMixin, VersionMixin


class Ticket(IdMixin, VersionMixin, Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status_assignee", "status", "assignee_id"),
        Index("ix_tickets_created_at", "created_at"),
        Index("ix_tickets_order_id", "order_id"),
        # The queue's deadline filters (overdue, breaching soon) and the figures' month by agent.
        Index("ix_tickets_status_resolution_due", "status", "resolution_due"),
        Index("ix_tickets_status_first_response_due", "status", "first_response_due"),
        Index("ix_tickets_resolved_at_handled_by", "resolved_at", "handled_by_id"),
    )

    shop_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("shops.id", ondelete="SET NULL"))
    order_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("orders.id", ondelete="SET NULL"))
    buyer_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("buyers.id", ondelete="SET NULL"))
    subject: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(20))
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    status: Mapped[str] = mapped_column(String(10), default="new")
    assignee_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    first_response_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    first_response_due: Mapped[datetime | None]
    resolution_due: Mapped[datetime | None]
    satisfaction: Mapped[int | None]  # 1-5 as the buyer rated it
    outcome: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime | None]  # in the recycle bin since (services.recycle)
    platform: Mapped[str] = mapped_column(String(20), default="", server_default="")
    buyer_nick: Mapped[str] = mapped_column(String(100), default="", server_default="")
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    tags: Mapped[str] = mapped_column(String(300), default="", server_default="")  # comma-separated
    # The SLA targets the ticket got when it was opened (seconds), and which clock they run on.
    first_response_target_s: Mapped[int | None]
    resolution_target_s: Mapped[int | None]
    sla_business_hours: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    clock_left_s: Mapped[int | None]  # resolution seconds left while the clock is stopped (waiting, resolved)
    # Figures stored as they happen (docs/metrics.md, Service): seconds on the ticket's clock.
    first_response_s: Mapped[int | None]
    resolution_s: Mapped[int | None]
    response_breached: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    resolution_breached: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    handled_by_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    reopen_count: Mapped[int] = mapped_column(default=0, server_default="0")
    merged_into_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("tickets.id", ondelete="SET NULL"))
    # The after-sale case, when the category has one.
    aftersale_type: Mapped[str] = mapped_column(String(20), default="", server_default="")
    refund_cents: Mapped[int] = mapped_column(default=0, server_default="0")
    return_carrier: Mapped[str] = mapped_column(String(50), default="", server_default="")
    return_tracking: Mapped[str] = mapped_column(String(60), default="", server_default="")
    return_received_at: Mapped[datetime | None]
    resend_carrier: Mapped[str] = mapped_column(String(50), default="", server_default="")
    resend_tracking: Mapped[str] = mapped_column(String(60), default="", server_default="")
    review_outcome: Mapped[str] = mapped_column(String(20), default="", server_default="")

    events: Mapped[list[TicketEvent]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="TicketEvent.at"
    )


class TicketEvent(IdMixin, Base):
    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket_id", "ticket_id"),)

    ticket_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("tickets.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(Text, default="")
    old_value: Mapped[str] = mapped_column(String(100), default="", server_default="")
    new_value: Mapped[str] = mapped_column(String(100), default="", server_default="")

    ticket: Mapped[Ticket] = relationship(back_populates="events")


class CannedReply(IdMixin, VersionMixin, Base):
    __tablename__ = "canned_replies"

    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20), default="other")
    body: Mapped[str] = mapped_column(Text)


class SlaPolicy(IdMixin, VersionMixin, Base):
    """First-response and resolution targets for platform × category × priority ("" matches any)."""

    __tablename__ = "sla_policies"
    __table_args__ = (UniqueConstraint("platform", "category", "priority"),)

    platform: Mapped[str] = mapped_column(String(20), default="")
    category: Mapped[str] = mapped_column(String(20), default="")
    priority: Mapped[str] = mapped_column(String(10), default="")
    first_response_s: Mapped[int]
    resolution_s: Mapped[int]
    business_hours: Mapped[bool] = mapped_column(Boolean, default=True)  # False: the clock runs day and night


class BusinessDayOverride(Base):
    """The owner's word on one date: a working day or a day off, whatever the holiday calendar says."""

    __tablename__ = "business_day_overrides"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(100), default="")
