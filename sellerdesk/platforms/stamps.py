"""When an export was made: the stamp the platforms put in the file name, else the newest time inside.

Knowing each file's export time lets an import tell a newer export from an older one, so that an old file
imported late never overwrites what a newer one said (services/order_merge.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sellerdesk.domain.records import OrderRecord

# Stamps seen in real names, China time: ExportOrderList201903291704 (Taobao, to the minute),
# orders_export2026-06-09-20-06-33 (Pinduoduo). Digits around the stamp must not be digits too, so an id
# such as ExportOrderList26594515418 is not read as a date.
_STAMP = re.compile(
    r"(?<!\d)(20\d\d)[-_]?([01]\d)[-_]?([0-3]\d)[-_ T]?([0-2]\d)[-_:]?([0-5]\d)(?:[-_:]?([0-5]\d))?(?!\d)"
)
_CHINA_OFFSET = timedelta(hours=8)


def stamp_in_name(file_name: str) -> datetime | None:
    """The export time a file name carries (as UTC), or None; the last stamp wins when there are several."""
    found = None
    for match in _STAMP.finditer(file_name):
        year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
        try:
            found = datetime(year, month, day, hour, minute, second, tzinfo=UTC) - _CHINA_OFFSET
        except ValueError:  # 20191399… is digits, not a date
            continue
    return found


def newest_time(orders: Iterable[OrderRecord]) -> datetime | None:
    """The newest time the orders state: an export was made after everything it shows had happened."""
    newest: datetime | None = None
    for order in orders:
        for value in (order.created_at, order.paid_at, order.shipped_at, order.completed_at):
            if value is not None and (newest is None or value > newest):
                newest = value
        for item in order.items:
            if item.shipped_at is not None and (newest is None or item.shipped_at > newest):
                newest = item.shipped_at
    return newest
