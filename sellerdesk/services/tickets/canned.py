"""Canned replies: per-category texts with ``{variables}`` filled from a ticket (domain.tickets.fill_reply)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sellerdesk.domain import tickets as rules
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import TicketCategory
from sellerdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from sellerdesk.domain.money import format_cents
from sellerdesk.models import CannedReply
from sellerdesk.services.tickets.queue import TicketDetail


@dataclass(frozen=True)
class CannedRow:
    id: int
    title: str
    category: str  # "" or "other": offered for every ticket
    body: str
    version: int


def list_canned(session: Session, category: str | None = None) -> tuple[CannedRow, ...]:
    """All canned replies, or those for ``category`` plus the general ones."""
    stmt = select(CannedReply).order_by(CannedReply.category, CannedReply.title, CannedReply.id)
    if category:
        stmt = stmt.where(or_(CannedReply.category == category, CannedReply.category.in_(["", "other"])))
    return tuple(CannedRow(c.id, c.title, c.category, c.body, c.version) for c in session.scalars(stmt))


@dataclass(frozen=True)
class CannedEdit:
    title: str
    category: str
    body: str
    canned_id: int | None = None  # None: a new reply
    expected_version: int = 0


def save_canned(session: Session, edit: CannedEdit, *, actor: int | None = None) -> Changes:
    """Add or change a canned reply (managers; the staff module's guard checks ``actor``), version-checked."""
    del actor
    if not edit.title.strip() or not edit.body.strip():
        raise ValidationError("A canned reply needs a title and a text.", code="canned_empty")
    if edit.category and edit.category not in {str(c) for c in TicketCategory}:
        raise ValidationError("Unknown category.", code="ticket_category", value=edit.category)
    if edit.canned_id is None:
        session.add(CannedReply(title=edit.title.strip()[:200], category=edit.category or "other", body=edit.body))
    else:
        reply = session.get(CannedReply, edit.canned_id)
        if reply is None:
            raise NotFoundError("The canned reply no longer exists.", code="canned_not_found")
        if reply.version != edit.expected_version:
            raise ConflictError("The canned reply was changed by someone else.", code="conflict")
        reply.title, reply.category, reply.body = edit.title.strip()[:200], edit.category or "other", edit.body
    session.flush()
    return Changes(tickets=True)


def delete_canned(session: Session, canned_id: int, *, expected_version: int, actor: int | None = None) -> Changes:
    del actor
    reply = session.get(CannedReply, canned_id)
    if reply is None:
        raise NotFoundError("The canned reply no longer exists.", code="canned_not_found")
    if reply.version != expected_version:
        raise ConflictError("The canned reply was changed by someone else.", code="conflict")
    session.delete(reply)
    session.flush()
    return Changes(tickets=True)


def reply_values(detail: TicketDetail, agent: str = "") -> dict[str, str]:
    """The variables a canned reply can use, from one ticket."""
    return {
        "buyer": detail.buyer_nick,
        "order_id": detail.platform_order_id,
        "shop": detail.shop,
        "tracking_no": detail.tracking_no,
        "carrier": detail.carrier,
        "refund_amount": format_cents(detail.refund_cents) if detail.refund_cents else "",
        "return_tracking": detail.return_tracking,
        "resend_tracking": detail.resend_tracking,
        "ticket_no": f"#{detail.id}",
        "agent": agent,
    }


def fill_canned(body: str, detail: TicketDetail, agent: str = "") -> str:
    return rules.fill_reply(body, reply_values(detail, agent))
