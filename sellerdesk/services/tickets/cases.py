"""One ticket's life: open it (with its SLA deadlines), edit, claim, assign, answer, change status, merge,
and its after-sale case (refund, return received into stock, follow-up shipment).

Every change is an event in the ticket's history (who, when, old → new). Edits take the version the user
saw and raise ``ConflictError`` when someone saved in between; a claim is one conditional UPDATE, so of two
agents claiming at once exactly one wins.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import ParamSpec, TypeVar

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from sellerdesk.domain import tickets as rules
from sellerdesk.domain.business_time import BusinessCalendar, deadline, elapsed
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import MovementKind, Priority, TicketCategory, TicketEventKind, TicketStatus
from sellerdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models import Order, OrderItem, Shop, StaffUser, StockMovement, Ticket, TicketEvent
from sellerdesk.services import stock
from sellerdesk.services.tickets.policies import find_target, load_calendar

P = ParamSpec("P")
T = TypeVar("T")


def _conflicts(fn: Callable[P, T]) -> Callable[P, T]:
    """A flush (explicit or automatic) whose versioned UPDATE matched no row: someone saved in between."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return fn(*args, **kwargs)
        except StaleDataError as exc:
            raise ConflictError("The ticket was changed by someone else.", code="ticket_changed") from exc

    return wrapper


@dataclass(frozen=True)
class NewTicket:
    changes: Changes
    id: int


@dataclass(frozen=True)
class TicketDraft:
    """What a new ticket starts with; shop, platform and buyer come from the order when there is one."""

    subject: str
    category: str = TicketCategory.OTHER
    priority: str = Priority.NORMAL
    order_id: int | None = None
    shop_id: int | None = None
    buyer_nick: str = ""
    description: str = ""
    tags: str = ""


def create_ticket(
    session: Session,
    draft: TicketDraft,
    now: datetime | None = None,
    *,
    actor: int | None = None,
    calendar: BusinessCalendar | None = None,
) -> NewTicket:
    """Open a ticket with its first-response and resolution deadlines from the matching SLA policy."""
    now = now or utcnow()
    subject = draft.subject.strip()
    if not subject:
        raise ValidationError("A ticket needs a subject.", code="ticket_subject_missing")
    _check_choice(draft.category, TicketCategory, "ticket_category")
    _check_choice(draft.priority, Priority, "ticket_priority")
    ticket = Ticket(
        subject=subject[:300],
        category=draft.category,
        priority=draft.priority,
        status=TicketStatus.NEW,
        created_at=now,
        description=draft.description,
        tags=", ".join(rules.parse_tags(draft.tags)),
        buyer_nick=draft.buyer_nick.strip()[:100],
        shop_id=draft.shop_id,
    )
    if draft.order_id is not None:
        order = session.get(Order, draft.order_id)
        if order is None:
            raise NotFoundError(f"Order {draft.order_id} does not exist.", code="order_not_found", id=draft.order_id)
        ticket.order_id, ticket.shop_id, ticket.buyer_id = order.id, order.shop_id, order.buyer_id
        ticket.buyer_nick = ticket.buyer_nick or order.buyer_nick[:100]
        ticket.platform = order.platform
    elif draft.shop_id is not None:
        shop = session.get(Shop, draft.shop_id)
        if shop is None:
            raise NotFoundError(f"Shop {draft.shop_id} does not exist.", code="shop_not_found", id=draft.shop_id)
        ticket.platform = shop.platform
    set_deadlines(session, ticket, calendar or load_calendar(session))
    session.add(ticket)
    session.flush()
    _event(session, ticket.id, now, actor, TicketEventKind.STATUS, new=TicketStatus.NEW)
    return NewTicket(Changes(tickets=True, orders=ticket.order_id is not None), ticket.id)


def set_deadlines(session: Session, ticket: Ticket, calendar: BusinessCalendar) -> None:
    """Targets from the policy, deadlines counted from the ticket's creation on the policy's clock."""
    target = find_target(session, ticket.platform, ticket.category, ticket.priority)
    ticket.first_response_target_s = target.first_response_s
    ticket.resolution_target_s = target.resolution_s
    ticket.sla_business_hours = target.business_hours
    business = target.business_hours
    ticket.first_response_due = deadline(calendar, ticket.created_at, target.first_response_s, business=business)
    ticket.resolution_due = deadline(calendar, ticket.created_at, target.resolution_s, business=business)


# ---------------------------------------------------------------- editing


@dataclass(frozen=True)
class TicketEdit:
    """The editable fields, as the ticket view shows them; saved against ``expected_version``."""

    subject: str
    category: str
    priority: str
    tags: str
    description: str
    buyer_nick: str
    aftersale_type: str = ""
    refund_cents: int = 0
    return_carrier: str = ""
    return_tracking: str = ""
    satisfaction: int | None = None
    review_outcome: str = ""
    outcome: str = ""


@_conflicts
def update_ticket(
    session: Session,
    ticket_id: int,
    edit: TicketEdit,
    *,
    expected_version: int,
    now: datetime | None = None,
    actor: int | None = None,
) -> Changes:
    """Save the ticket view's fields; each changed field is an event. A new category or priority re-targets the
    running clocks by the difference between the old and the new policy."""
    now = now or utcnow()
    ticket = _load(session, ticket_id, expected_version)
    if not edit.subject.strip():
        raise ValidationError("A ticket needs a subject.", code="ticket_subject_missing")
    _check_choice(edit.category, TicketCategory, "ticket_category")
    _check_choice(edit.priority, Priority, "ticket_priority")
    if edit.satisfaction is not None and not 1 <= edit.satisfaction <= 5:
        raise ValidationError("A rating is 1 to 5.", code="ticket_rating", value=edit.satisfaction)
    if edit.review_outcome not in rules.ReviewOutcome.__members__.values():
        raise ValidationError("Unknown review outcome.", code="review_outcome", value=edit.review_outcome)
    order = session.get(Order, ticket.order_id) if ticket.order_id is not None else None
    rules.check_after_sale(
        edit.aftersale_type,
        edit.refund_cents,
        order.paid_cents if order is not None else None,
        shipped=order.shipped_at is not None if order is not None else None,
    )
    values = {f.name: getattr(edit, f.name) for f in fields(edit)}
    values["subject"] = edit.subject.strip()[:300]
    values["tags"] = ", ".join(rules.parse_tags(edit.tags))
    values["buyer_nick"] = edit.buyer_nick.strip()[:100]
    retarget = (edit.category, edit.priority) != (ticket.category, ticket.priority)
    for name, value in values.items():
        old = getattr(ticket, name)
        if old != value:
            _event(session, ticket.id, now, actor, TicketEventKind.EDIT, body=name, old=_text(old), new=_text(value))
            setattr(ticket, name, value)
    if retarget:
        _retarget(session, ticket, load_calendar(session), now)
    _flush(ticket)
    return Changes(tickets=True)


def _retarget(session: Session, ticket: Ticket, calendar: BusinessCalendar, now: datetime) -> None:
    target = find_target(session, ticket.platform, ticket.category, ticket.priority)
    business = ticket.sla_business_hours
    if ticket.first_response_at is None and ticket.first_response_due is not None:
        shift = target.first_response_s - (ticket.first_response_target_s or 0)
        left = elapsed(calendar, now, ticket.first_response_due, business=business) + shift
        ticket.first_response_due = rules.resume_due(calendar, left, now, business=business)
        ticket.first_response_target_s = target.first_response_s
    shift = target.resolution_s - (ticket.resolution_target_s or 0)
    if ticket.resolution_due is not None:
        left = elapsed(calendar, now, ticket.resolution_due, business=business) + shift
        ticket.resolution_due = rules.resume_due(calendar, left, now, business=business)
    elif ticket.clock_left_s is not None:
        ticket.clock_left_s += shift
    ticket.resolution_target_s = target.resolution_s


# ---------------------------------------------------------------- status and the clock


@_conflicts
def set_status(
    session: Session,
    ticket_id: int,
    status: str,
    *,
    expected_version: int,
    now: datetime | None = None,
    actor: int | None = None,
    note: str = "",
    calendar: BusinessCalendar | None = None,
) -> Changes:
    """Move a ticket on (rules.check_transition). Waiting on the buyer, resolved and closed stop the
    resolution clock and keep what was left; opening again (or a reopen) runs it on from there."""
    now = now or utcnow()
    ticket = _load(session, ticket_id, expected_version)
    old = ticket.status
    rules.check_transition(old, status)
    cal = calendar or load_calendar(session)
    business = ticket.sla_business_hours
    if old in rules.CLOCK_RUNNING and status not in rules.CLOCK_RUNNING and ticket.resolution_due is not None:
        ticket.clock_left_s = rules.clock_left(cal, ticket.resolution_due, now, business=business)
        ticket.resolution_due = None
    if status in (TicketStatus.RESOLVED, TicketStatus.CLOSED) and ticket.resolved_at is None:
        _record_resolution(ticket, actor, now)
    if status in rules.CLOCK_RUNNING and ticket.clock_left_s is not None:
        ticket.resolution_due = rules.resume_due(cal, ticket.clock_left_s, now, business=business)
        ticket.clock_left_s = None
    if rules.is_reopen(old, status):
        ticket.reopen_count += 1
        ticket.resolved_at = None  # counted again when it is resolved again
    ticket.status = status
    _event(session, ticket.id, now, actor, TicketEventKind.STATUS, body=note, old=old, new=status)
    _flush(ticket)
    return Changes(tickets=True)


def _record_resolution(ticket: Ticket, actor: int | None, now: datetime) -> None:
    """The ticket's figures, stored as it is resolved: time on its clock (pauses left out), breach, agent."""
    left = ticket.clock_left_s
    ticket.resolved_at = now
    ticket.handled_by_id = ticket.assignee_id if ticket.assignee_id is not None else actor
    if left is not None and ticket.resolution_target_s is not None:
        ticket.resolution_s = ticket.resolution_target_s - left
        ticket.resolution_breached = left < 0


@_conflicts
def record_reply(
    session: Session,
    ticket_id: int,
    body: str,
    *,
    now: datetime | None = None,
    actor: int | None = None,
    calendar: BusinessCalendar | None = None,
) -> Changes:
    """A reply sent through the platform's chat, recorded here; the first one stops the first-response clock."""
    now = now or utcnow()
    if not body.strip():
        raise ValidationError("A reply needs some text.", code="ticket_reply_empty")
    ticket = _load(session, ticket_id, None)
    if ticket.first_response_at is None:
        cal = calendar or load_calendar(session)
        ticket.first_response_at = now
        ticket.first_response_s = elapsed(cal, ticket.created_at, now, business=ticket.sla_business_hours)
        ticket.response_breached = ticket.first_response_due is not None and now > ticket.first_response_due
    if ticket.status == TicketStatus.NEW:
        _event(session, ticket.id, now, actor, TicketEventKind.STATUS, old=ticket.status, new=TicketStatus.OPEN)
        ticket.status = TicketStatus.OPEN
    _event(session, ticket.id, now, actor, TicketEventKind.REPLY, body=body.strip())
    _flush(ticket)
    return Changes(tickets=True)


def add_note(
    session: Session, ticket_id: int, body: str, *, now: datetime | None = None, actor: int | None = None
) -> Changes:
    """An internal note (the buyer never sees it)."""
    if not body.strip():
        raise ValidationError("A note needs some text.", code="ticket_note_empty")
    _load(session, ticket_id, None)
    _event(session, ticket_id, now or utcnow(), actor, TicketEventKind.NOTE, body=body.strip())
    return Changes(tickets=True)


# ---------------------------------------------------------------- claim and assign


def claim_ticket(session: Session, ticket_id: int, staff_id: int, *, now: datetime | None = None) -> Changes:
    """Take an unassigned ticket. One conditional UPDATE: of two agents claiming at once exactly one wins,
    the other gets ``ConflictError`` (code ``ticket_claimed``)."""
    now = now or utcnow()
    opened = case((Ticket.status == TicketStatus.NEW, TicketStatus.OPEN.value), else_=Ticket.status)
    stmt = (
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.assignee_id.is_(None))
        .values(assignee_id=staff_id, status=opened, version=Ticket.version + 1)
        .execution_options(synchronize_session=False)
    )
    if session.execute(stmt).rowcount != 1:  # type: ignore[attr-defined]
        if session.get(Ticket, ticket_id) is None:
            raise NotFoundError(f"Ticket {ticket_id} does not exist.", code="ticket_not_found", id=ticket_id)
        raise ConflictError(f"Ticket {ticket_id} was claimed by someone else.", code="ticket_claimed", id=ticket_id)
    _event(session, ticket_id, now, staff_id, TicketEventKind.ASSIGN, new=_staff_name(session, staff_id))
    ticket = session.get(Ticket, ticket_id)
    if ticket is not None:
        session.refresh(ticket)  # the UPDATE went around the identity map
    return Changes(tickets=True)


@_conflicts
def assign_tickets(
    session: Session,
    ticket_ids: Sequence[int],
    staff_id: int | None,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
    actor: int | None = None,
) -> Changes:
    """Give tickets to an agent (None: unassign). One ticket from its view is version-checked; a bulk
    assignment from the queue is the manager's explicit word and is not."""
    now = now or utcnow()
    if staff_id is not None and session.get(StaffUser, staff_id) is None:
        raise NotFoundError(f"Staff {staff_id} does not exist.", code="staff_not_found", id=staff_id)
    for ticket_id in ticket_ids:
        ticket = _load(session, ticket_id, expected_version)
        if ticket.assignee_id == staff_id:
            continue
        old = _staff_name(session, ticket.assignee_id)
        _event(session, ticket.id, now, actor, TicketEventKind.ASSIGN, old=old, new=_staff_name(session, staff_id))
        ticket.assignee_id = staff_id
        if staff_id is not None and ticket.status == TicketStatus.NEW:
            _event(session, ticket.id, now, actor, TicketEventKind.STATUS, old=ticket.status, new=TicketStatus.OPEN)
            ticket.status = TicketStatus.OPEN
        _flush(ticket)
    return Changes(tickets=True)


# ---------------------------------------------------------------- merge


@_conflicts
def merge_tickets(
    session: Session,
    keep_id: int,
    duplicate_ids: Sequence[int],
    *,
    now: datetime | None = None,
    actor: int | None = None,
    calendar: BusinessCalendar | None = None,
) -> Changes:
    """Fold duplicates into one ticket: their history moves over (both histories kept, in time order), each
    duplicate is closed with a pointer to the one kept. The earliest first response counts."""
    now = now or utcnow()
    keep = _load(session, keep_id, None)
    if keep.merged_into_id is not None:
        raise ValidationError("This ticket was merged into another one.", code="ticket_merged", id=keep_id)
    cal = calendar or load_calendar(session)
    for dup_id in dict.fromkeys(duplicate_ids):
        if dup_id == keep_id:
            continue
        dup = _load(session, dup_id, None)
        session.execute(
            update(TicketEvent)
            .where(TicketEvent.ticket_id == dup_id)
            .values(ticket_id=keep_id)
            .execution_options(synchronize_session=False)
        )
        _take_over(keep, dup)
        _event(session, keep_id, now, actor, TicketEventKind.MERGE, body=dup.subject, old=f"#{dup_id}")
        if dup.status in rules.OPEN_STATUSES:
            if dup.resolution_due is not None:
                dup.clock_left_s = rules.clock_left(cal, dup.resolution_due, now, business=dup.sla_business_hours)
            dup.resolution_due = None
            dup.status = TicketStatus.CLOSED
        dup.merged_into_id = keep_id
        _event(session, dup_id, now, actor, TicketEventKind.MERGE, new=f"#{keep_id}")
        _flush(dup)
    _flush(keep)
    session.expire(keep, ["events"])
    return Changes(tickets=True)


def _take_over(keep: Ticket, dup: Ticket) -> None:
    if keep.order_id is None and dup.order_id is not None:
        keep.order_id, keep.buyer_id = dup.order_id, dup.buyer_id
    keep.buyer_nick = keep.buyer_nick or dup.buyer_nick
    if dup.first_response_at is not None and (
        keep.first_response_at is None or dup.first_response_at < keep.first_response_at
    ):
        keep.first_response_at, keep.first_response_s = dup.first_response_at, dup.first_response_s
        keep.response_breached = dup.response_breached
    tags = rules.parse_tags(f"{keep.tags},{dup.tags}")
    keep.tags = ", ".join(tags)


# ---------------------------------------------------------------- after-sale


@_conflicts
def receive_return(
    session: Session,
    ticket_id: int,
    item_id: int,
    qty: int,
    *,
    expected_version: int,
    now: datetime | None = None,
    actor: int | None = None,
) -> Changes:
    """The buyer's return arrived: ``qty`` units of the order line into the returns warehouse (stock ledger)."""
    now = now or utcnow()
    ticket = _load(session, ticket_id, expected_version)
    if ticket.aftersale_type not in rules.RETURNING_TYPES:
        raise ValidationError("This after-sale case returns no goods.", code="aftersale_no_return")
    if ticket.return_received_at is not None:
        raise ValidationError("The return was already received.", code="return_already_received")
    item, sku_id = _linked_line(session, ticket, item_id)
    if not 0 < qty <= item.qty:
        raise ValidationError("Returned quantity out of range.", code="return_qty", qty=qty, max=item.qty)
    # An import that saw the refund after shipping already put the line back into the returns warehouse.
    synced = select(func.count()).where(
        StockMovement.order_item_id == item_id,
        StockMovement.kind == MovementKind.RETURN,
        StockMovement.reason == stock.RETURN_REASON,
    )
    if session.execute(synced).scalar_one():
        raise ValidationError("The order's import already returned this line to stock.", code="return_already_synced")
    reason, ref = f"return on ticket #{ticket_id}", f"ticket-{ticket_id}"
    # Tied to the line: a refund imported later sends back only the units not received here.
    stock.return_stock(session, sku_id, qty, staff_id=actor, reason=reason, ref=ref, order_item_id=item_id)
    ticket.return_received_at = now
    _event(session, ticket_id, now, actor, TicketEventKind.RESTOCK, body=item.seller_code, new=str(qty))
    _flush(ticket)
    return Changes(tickets=True, stock=True, products=True)


@_conflicts
def record_resend(
    session: Session,
    ticket_id: int,
    carrier: str,
    tracking_no: str,
    *,
    item_id: int | None = None,
    qty: int = 0,
    expected_version: int,
    now: datetime | None = None,
    actor: int | None = None,
) -> Changes:
    """The follow-up shipment of a resend or an exchange: carrier and tracking number, kept on the ticket.
    With ``item_id``, ``qty`` units of that order line's SKU leave the main warehouse — once a ticket: a
    later correction of the tracking number moves no stock."""
    now = now or utcnow()
    ticket = _load(session, ticket_id, expected_version)
    if ticket.aftersale_type not in rules.RESHIPPING_TYPES:
        raise ValidationError("This after-sale case ships nothing again.", code="aftersale_no_resend")
    if not tracking_no.strip():
        raise ValidationError("A shipment needs a tracking number.", code="resend_tracking_missing")
    ref = f"ticket-{ticket_id}"
    sent: tuple[OrderItem, int] | None = None
    if item_id is not None and not stock.shipped_by_ticket(session, ref):
        sent = _linked_line(session, ticket, item_id)
        if not 0 < qty <= sent[0].qty:
            raise ValidationError("Resent quantity out of range.", code="resend_qty", qty=qty, max=sent[0].qty)
    ticket.resend_carrier, ticket.resend_tracking = carrier.strip()[:50], tracking_no.strip()[:60]
    _event(
        session, ticket_id, now, actor, TicketEventKind.RESHIP, old=ticket.resend_carrier, new=ticket.resend_tracking
    )
    if sent is not None:
        item, sku_id = sent
        stock.ship_resend(session, sku_id, qty, staff_id=actor, reason=f"resend on ticket #{ticket_id}", ref=ref)
        _event(session, ticket_id, now, actor, TicketEventKind.SHIP_OUT, body=item.seller_code, new=str(qty))
    _flush(ticket)
    return Changes(tickets=True, stock=sent is not None, products=sent is not None)


def _linked_line(session: Session, ticket: Ticket, item_id: int) -> tuple[OrderItem, int]:
    """A line of the ticket's order and the SKU it is linked to (what an after-sale stock movement needs)."""
    item = session.get(OrderItem, item_id)
    if item is None or item.order_id != ticket.order_id:
        raise NotFoundError("The order line is not on this ticket's order.", code="ticket_item_not_found")
    if item.sku_id is None:
        raise ValidationError("The order line is linked to no SKU.", code="return_item_unlinked")
    return item, item.sku_id


def open_for_refund(
    session: Session,
    order_id: int,
    *,
    kind: str,
    reason: str,
    refund_cents: int,
    applied_at: datetime | None,
    calendar: BusinessCalendar,
    now: datetime | None = None,
) -> int | None:
    """An after-sale ticket for a refund request a platform's export brought in, still open; its clocks start
    when the buyer applied. None when the order already has an open after-sale ticket."""
    order = session.get(Order, order_id)
    if order is None:
        return None
    open_case = select(Ticket.id).where(
        Ticket.order_id == order_id,
        Ticket.category.in_([TicketCategory.RETURN_REFUND, TicketCategory.RESEND_EXCHANGE]),
        Ticket.status.in_([str(s) for s in rules.OPEN_STATUSES]),
    )
    if session.scalar(open_case.limit(1)) is not None:
        return None
    aftersale = rules.after_sale_from_text(kind, shipped=order.shipped_at is not None)
    exchange = aftersale in (rules.AfterSaleType.RESEND, rules.AfterSaleType.EXCHANGE)
    category = TicketCategory.RESEND_EXCHANGE if exchange else TicketCategory.RETURN_REFUND
    subject = reason or order.platform_order_id
    new = create_ticket(
        session,
        TicketDraft(subject=subject, category=category, order_id=order_id),
        applied_at or now,
        calendar=calendar,
    )
    ticket = session.get(Ticket, new.id)
    assert ticket is not None
    ticket.aftersale_type = aftersale
    if aftersale in rules.REFUNDING_TYPES:
        ticket.refund_cents = max(0, min(refund_cents, order.paid_cents))
    session.flush()
    return new.id


# ---------------------------------------------------------------- helpers


def _load(session: Session, ticket_id: int, expected_version: int | None) -> Ticket:
    ticket = session.get(Ticket, ticket_id, populate_existing=True)
    if ticket is None:
        raise NotFoundError(f"Ticket {ticket_id} does not exist.", code="ticket_not_found", id=ticket_id)
    if expected_version is not None and ticket.version != expected_version:
        raise ConflictError(f"Ticket {ticket_id} was changed by someone else.", code="ticket_changed", id=ticket_id)
    return ticket


def _flush(ticket: Ticket) -> None:
    """Write now, so a concurrent save shows as a conflict here (the version check of the UPDATE)."""
    session = Session.object_session(ticket)
    assert session is not None
    session.flush()


def _event(
    session: Session,
    ticket_id: int,
    at: datetime,
    staff_id: int | None,
    kind: str,
    *,
    body: str = "",
    old: str = "",
    new: str = "",
) -> None:
    session.add(
        TicketEvent(
            ticket_id=ticket_id,
            at=at,
            staff_id=staff_id,
            kind=kind,
            body=body,
            old_value=old[:100],
            new_value=new[:100],
        )
    )


def _staff_name(session: Session, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    return session.scalar(select(StaffUser.name).where(StaffUser.id == staff_id)) or ""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _check_choice(value: str, choices: type[StrEnum], code: str) -> None:
    if value not in {str(c) for c in choices}:
        raise ValidationError(f"Unknown value {value!r}.", code=code, value=value)
