"""Service level for customer-service tickets: how soon a ticket must be answered and resolved.

One rule for everything that sets or judges a ticket's due times (the demo's tickets, its service
reviews); the dashboard and the reports then read the due times stored on each ticket.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Sla:
    first_response: timedelta = timedelta(hours=1)
    resolution: timedelta = timedelta(hours=24)

    def due_times(self, created: datetime) -> tuple[datetime, datetime]:
        """(first response due, resolution due) of a ticket created at ``created``."""
        return created + self.first_response, created + self.resolution

    def met(self, created: datetime, responded: datetime | None, resolved: datetime | None) -> bool:
        """Answered and resolved in time; a ticket not yet answered or resolved has not met it."""
        if responded is None or resolved is None:
            return False
        return responded - created <= self.first_response and resolved - created <= self.resolution


DEFAULT_SLA = Sla()
