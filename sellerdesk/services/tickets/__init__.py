"""Service tickets: cases and their SLA clocks, the queue, canned replies, SLA policies, figures.

The modules, by what they answer:
- ``cases``: one ticket's life (open, edit, claim/assign, reply, status, merge, after-sale);
- ``queue``: filtered pages for the tab, one ticket's full view, the Home overdue count;
- ``policies``: SLA policies and presets, business hours and holiday overrides;
- ``canned``: canned replies and their variables;
- ``figures``: per-agent monthly figures.
"""

from __future__ import annotations

from sellerdesk.domain.figures import AgentMonth, ServiceMonth
from sellerdesk.services.tickets.canned import CannedEdit, CannedRow, fill_canned, list_canned, save_canned
from sellerdesk.services.tickets.cases import (
    NewTicket,
    TicketDraft,
    TicketEdit,
    add_note,
    assign_tickets,
    claim_ticket,
    create_ticket,
    merge_tickets,
    receive_return,
    record_reply,
    record_resend,
    set_status,
    update_ticket,
)
from sellerdesk.services.tickets.figures import agent_month_figures
from sellerdesk.services.tickets.policies import find_target, load_calendar
from sellerdesk.services.tickets.queue import (
    QueueRow,
    TicketDetail,
    TicketFilter,
    count_queue,
    queue_page,
    ticket_detail,
)

__all__ = [
    "AgentMonth",
    "CannedEdit",
    "CannedRow",
    "NewTicket",
    "QueueRow",
    "ServiceMonth",
    "TicketDetail",
    "TicketDraft",
    "TicketEdit",
    "TicketFilter",
    "add_note",
    "agent_month_figures",
    "assign_tickets",
    "claim_ticket",
    "count_queue",
    "create_ticket",
    "fill_canned",
    "find_target",
    "list_canned",
    "load_calendar",
    "merge_tickets",
    "queue_page",
    "receive_return",
    "record_reply",
    "record_resend",
    "save_canned",
    "set_status",
    "ticket_detail",
    "update_ticket",
]
