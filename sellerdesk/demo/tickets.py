"""Demo customer service: tickets born from the orders' problems, their histories, canned replies.

Due times and SLA hits follow the app's own SLA policies and service-hours clock (``ticket_deadlines``),
as a ticket opened in the app gets them. The three service specialists differ in speed,
so their monthly reviews differ too.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from sellerdesk.demo.base import (
    CHINA_OFFSET,
    DAY,
    HOUR,
    Ids,
    OptionalTimeText,
    Sink,
    TimeText,
    aware,
    day_of_number,
    insert_rows,
    local_day_number,
)
from sellerdesk.demo.catalog import Catalog
from sellerdesk.demo.data import CANNED_REPLIES, TICKET_NOTES, TICKET_OUTCOMES, TICKET_SUBJECTS
from sellerdesk.demo.orders import TicketSeed
from sellerdesk.domain.enums import Priority, Role, TicketCategory, TicketEventKind, TicketStatus
from sellerdesk.models import CannedReply

TICKET_COLUMNS = (
    "id",
    "shop_id",
    "order_id",
    "buyer_id",
    "subject",
    "category",
    "priority",
    "status",
    "assignee_id",
    "platform",
    "created_at",
    "first_response_at",
    "resolved_at",
    "first_response_due",
    "resolution_due",
    "satisfaction",
    "outcome",
    "version",
)
EVENT_COLUMNS = ("id", "ticket_id", "at", "staff_id", "kind", "body")
STUCK_SHARE = 0.02  # recent tickets forgotten in the queue (overdue on the dashboard)
RECENT_OPEN_SHARE = 0.4  # of the last two days' tickets: still waiting for the buyer or for more work
SPEED = (0.7, 1.0, 1.6)  # per service specialist: multiplies their response and resolution times
ASSIGN_WEIGHTS = (0.38, 0.34, 0.28)
_RESOLVE_MINUTES = {  # (least, most) minutes from first response to resolution; most are near the least
    TicketCategory.PRE_SALE: (5, 90),
    TicketCategory.LOGISTICS: (30, 30 * 60),
    TicketCategory.RETURN_REFUND: (60, 36 * 60),
    TicketCategory.QUALITY: (60, 30 * 60),
    TicketCategory.BAD_REVIEW: (2 * 60, 48 * 60),
    TicketCategory.OTHER: (30, 24 * 60),
}
SHIFT_START = 8 * HOUR  # service works 08:00–24:00 China time
_PRIORITY = {  # category → (low, normal, high, urgent) weights
    TicketCategory.PRE_SALE: (5, 5, 0, 0),
    TicketCategory.LOGISTICS: (1, 7, 2, 0),
    TicketCategory.RETURN_REFUND: (0, 7, 3, 0),
    TicketCategory.QUALITY: (0, 3, 5, 2),
    TicketCategory.BAD_REVIEW: (0, 2, 5, 3),
    TicketCategory.OTHER: (4, 6, 0, 0),
}
_PRIORITIES = (Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT)
_STATUS_TEXT = {
    TicketStatus.NEW: "新建",
    TicketStatus.OPEN: "处理中",
    TicketStatus.PENDING: "等待买家",
    TicketStatus.RESOLVED: "已解决",
    TicketStatus.CLOSED: "已关闭",
}


@dataclass
class ServiceStats:
    """Per (staff id, YYYY-MM of creation): what the reviews need."""

    tickets: int = 0
    events: int = 0
    # [solved, first-response seconds total, responses, SLA hits, satisfaction total, ratings]
    monthly: dict[tuple[int, str], list[int]] = field(default_factory=dict)
    open_ids: list[int] = field(default_factory=list)  # unresolved tickets (tasks link to some)


Dues = Callable[[str, str, str, int], tuple[int, int]]  # (platform, category, priority, created) -> due times


def ticket_deadlines(session: Session) -> Dues:
    """Due times as the app sets them: the SLA policy for the platform, category and priority
    (services.tickets.policies) counted on the service-hours calendar (domain.business_time)."""
    from sellerdesk.domain.business_time import deadline
    from sellerdesk.services.tickets.policies import SlaTarget, find_target, load_calendar

    calendar = load_calendar(session)
    targets: dict[tuple[str, str, str], SlaTarget] = {}

    def dues(platform: str, category: str, priority: str, created: int) -> tuple[int, int]:
        key = (platform, category, priority)
        target = targets.get(key)
        if target is None:
            target = targets[key] = find_target(session, *key)
        start = aware(created)
        first = deadline(calendar, start, target.first_response_s, business=target.business_hours)
        last = deadline(calendar, start, target.resolution_s, business=target.business_hours)
        return int(first.timestamp()), int(last.timestamp())

    return dues


def _met_sla(dues: tuple[int, int], responded: int, resolved: int) -> bool:
    """Answered and resolved by their due times (the queue's breach rule)."""
    return responded <= dues[0] and resolved <= dues[1]


def write_canned_replies(session: Session, ids: Ids) -> int:
    rows = [
        {"id": ids.take("canned_replies"), "title": title, "category": category.value, "body": body, "version": 1}
        for title, category, body in CANNED_REPLIES
    ]
    return insert_rows(session, CannedReply, rows)


class TicketWriter:
    def __init__(
        self,
        rng: random.Random,
        catalog: Catalog,
        sink: Sink,
        clocks: tuple[TimeText, OptionalTimeText],
        ids: Ids,
        as_of: int,
        dues: Dues,
    ) -> None:
        self.rng = rng
        self.dues = dues
        self.platforms = {row.id: platform.value for platform, row in catalog.shops.items()}
        self.random = rng.random
        self.catalog = catalog
        self.sink = sink
        self.text, self.opt_text = clocks
        self.ids = ids
        self.as_of = as_of
        self.agents = catalog.staff[Role.SERVICE_SPECIALIST]
        self.stats = ServiceStats()
        self.next_ticket = ids.peek("tickets")
        self.next_event = ids.peek("ticket_events")
        self.replies = {category: body for _, category, body in CANNED_REPLIES}

    def write(self, seeds: list[TicketSeed]) -> ServiceStats:
        for seed in sorted(seeds, key=lambda s: s.at):
            self._ticket(seed)
            if self.sink.full():
                self.sink.spill()
        self.sink.flush()
        self.ids.claim_until("tickets", self.next_ticket)
        self.ids.claim_until("ticket_events", self.next_event)
        self.stats.tickets = self.sink.counts["tickets"]
        self.stats.events = self.sink.counts["ticket_events"]
        return self.stats

    def _ticket(self, seed: TicketSeed) -> None:
        ticket_id = self.next_ticket
        self.next_ticket += 1
        agent_no = self.rng.choices(range(len(self.agents)), weights=ASSIGN_WEIGHTS)[0]
        agent, speed = self.agents[agent_no], SPEED[agent_no % len(SPEED)]
        created = self._awake(seed.at)
        first = created + self._response_delay(created, speed)
        status, responded, resolved = self._state(created, first, first + self._resolve_time(seed.category, speed))
        priority = self.rng.choices(_PRIORITIES, weights=_PRIORITY[seed.category])[0]
        platform = self.platforms.get(seed.shop_id, "")
        dues = self.dues(platform, seed.category.value, priority.value, created)
        satisfaction = self._satisfaction(dues, responded, resolved, agent_no)
        subject = self._subject(seed)
        outcome = self._pick(TICKET_OUTCOMES[seed.category]) if resolved is not None else ""
        clock, optional = self.text, self.opt_text
        self.sink.rows["tickets"].append(
            (
                ticket_id,
                seed.shop_id,
                seed.order_id,
                seed.buyer_id,
                subject,
                seed.category.value,
                priority.value,
                status.value,
                agent,
                platform,
                clock(created),
                optional(responded),
                optional(resolved),
                *map(clock, dues),
                satisfaction,
                outcome,
                1,
            )
        )
        self._events(ticket_id, seed, agent, status, created, responded, resolved, subject, outcome)
        self._account(agent, created, responded, resolved, satisfaction, ticket_id, dues)

    def _state(self, created: int, responded: int, resolved: int) -> tuple[TicketStatus, int | None, int | None]:
        """Where the ticket stands when the demo clock stops (unreached instants become None)."""
        if responded > self.as_of:
            return TicketStatus.NEW, None, None
        age = self.as_of - created
        waiting = age < 2 * DAY and self.random() < RECENT_OPEN_SHARE
        if resolved > self.as_of or waiting or (age < 10 * DAY and self.random() < STUCK_SHARE):
            return (TicketStatus.PENDING if self.random() < 0.4 else TicketStatus.OPEN), responded, None
        if resolved + 3 * DAY > self.as_of:
            return TicketStatus.RESOLVED, responded, resolved
        return TicketStatus.CLOSED, responded, resolved

    def _awake(self, instant: int) -> int:
        """Buyers mostly write while awake: a night-time anchor moves into the morning."""
        second = (instant + CHINA_OFFSET) % DAY
        if second >= SHIFT_START or self.random() < 0.3:
            return instant
        morning = instant - second + SHIFT_START + int(self.random() * 4 * HOUR)
        return morning if morning <= self.as_of else instant

    def _response_delay(self, created: int, speed: float) -> int:
        """Nights wait for the 08:30 shift; otherwise minutes, now and then hours when the queue is long."""
        second = (created + CHINA_OFFSET) % DAY
        if second < SHIFT_START:
            return SHIFT_START - second + int(self.random() * 40 * 60)
        if self.random() < 0.05:
            return int((HOUR / 2 + self.random() * 1.5 * HOUR) * speed)
        return int((60 + self.random() * 40 * 60) * speed)

    def _resolve_time(self, category: TicketCategory, speed: float) -> int:
        least, most = _RESOLVE_MINUTES[category]
        return int((least + (most - least) * self.random() ** 2) * 60 * speed)

    def _satisfaction(
        self, dues: tuple[int, int], responded: int | None, resolved: int | None, agent_no: int
    ) -> int | None:
        if resolved is None or responded is None or self.random() < 0.4:
            return None  # most buyers do not rate
        on_time = _met_sla(dues, responded, resolved)
        weights = (2, 3, 8, 27, 60) if on_time else (6, 8, 18, 33, 35)
        if agent_no == len(self.agents) - 1:  # the slowest is also rated a little lower
            weights = (weights[0] + 2, weights[1] + 2, weights[2] + 4, weights[3], weights[4] - 8)
        return self.rng.choices((1, 2, 3, 4, 5), weights=weights)[0]

    def _subject(self, seed: TicketSeed) -> str:
        topic = self._pick(TICKET_SUBJECTS[seed.category])
        return f"{topic}（订单 {seed.platform_order_id}）" if seed.platform_order_id else topic

    def _pick(self, options: tuple[str, ...]) -> str:
        return options[int(self.random() * len(options))]

    def _events(
        self,
        ticket_id: int,
        seed: TicketSeed,
        agent: int,
        status: TicketStatus,
        created: int,
        responded: int | None,
        resolved: int | None,
        subject: str,
        outcome: str,
    ) -> None:
        name = self.catalog.staff_names[agent]
        if responded is None:  # nobody has looked yet: the buyer's message and the automatic assignment
            self._event(ticket_id, created, None, TicketEventKind.NOTE, f"买家咨询：{subject}")
            self._event(ticket_id, created + 30, None, TicketEventKind.ASSIGN, f"自动分配给 {name}")
            return
        self._event(ticket_id, created + 30, None, TicketEventKind.ASSIGN, f"自动分配给 {name}（{subject}）")
        self._event(ticket_id, responded, agent, TicketEventKind.REPLY, self.replies[seed.category])
        end = resolved if resolved is not None else self.as_of
        if end - responded > HOUR and self.random() < 0.5:
            note_at = responded + int((end - responded) * self.random())
            self._event(ticket_id, note_at, agent, TicketEventKind.NOTE, self._pick(TICKET_NOTES))
        if resolved is None:
            if status == TicketStatus.PENDING:
                self._event(ticket_id, responded + 60, agent, TicketEventKind.STATUS, "处理中 → 等待买家")
            return
        self._event(ticket_id, resolved, agent, TicketEventKind.STATUS, f"处理中 → 已解决：{outcome}")
        if status == TicketStatus.CLOSED:
            closed_text = f"{_STATUS_TEXT[TicketStatus.RESOLVED]} → {_STATUS_TEXT[TicketStatus.CLOSED]}"
            self._event(ticket_id, resolved + 3 * DAY, None, TicketEventKind.STATUS, closed_text)

    def _event(self, ticket_id: int, at: int, staff: int | None, kind: TicketEventKind, body: str) -> None:
        self.sink.rows["ticket_events"].append(
            (self.next_event, ticket_id, self.text(min(at, self.as_of)), staff, kind.value, body)
        )
        self.next_event += 1

    def _account(
        self,
        agent: int,
        created: int,
        responded: int | None,
        resolved: int | None,
        satisfaction: int | None,
        ticket_id: int,
        dues: tuple[int, int],
    ) -> None:
        month = f"{day_of_number(local_day_number(created)):%Y-%m}"
        figures = self.stats.monthly.setdefault((agent, month), [0, 0, 0, 0, 0, 0])
        if responded is not None:
            figures[1] += responded - created
            figures[2] += 1
        if resolved is None:
            self.stats.open_ids.append(ticket_id)
            return
        figures[0] += 1
        assert responded is not None
        figures[3] += _met_sla(dues, responded, resolved)
        if satisfaction is not None:
            figures[4] += satisfaction
            figures[5] += 1
