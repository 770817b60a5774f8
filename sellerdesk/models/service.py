"""Customer-service tickets, their events and canned replies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models.base import Base, BigIntPK, IdMixin, VersionMixin


class Ticket(IdMixin, VersionMixin, Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status_assignee", "status", "assignee_id"),
        Index("ix_tickets_created_at", "created_at"),
        Index("ix_tickets_order_id", "order_id"),
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

    ticket: Mapped[Ticket] = relationship(back_populates="events")


class CannedReply(IdMixin, VersionMixin, Base):
    __tablename__ = "canned_replies"

    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20), default="other")
    body: Mapped[str] = mapped_column(Text)
