"""What every platform's sample export writer shares: how an export is described, and its cells.

A writer turns one ``SampleOrder`` into the rows the platform's back end would write for it (ids as
``="…"`` where the platform guards them so, China time, yuan with two decimals).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sellerdesk.domain.sample_rows import SampleOrder
from sellerdesk.domain.timeutil import CHINA_TZ, utc_to_local

Row = list[str]
RowWriter = Callable[[SampleOrder], Iterator[Row]]


@dataclass(frozen=True)
class SampleExport:
    """One export file layout a platform's back end writes, for sample and benchmark files."""

    stem: str  # file name stem, e.g. ExportOrderList
    header: tuple[str, ...]
    rows: RowWriter
    encoding: str  # of the CSV, as the platform writes it
    stamped: bool = False  # the real file name carries the export time (ExportOrderList202609030915.csv)


def china_time(instant: datetime | None, sep: str = "-") -> str:
    """``2026-08-01 09:30:00`` in China time (``sep`` between the date parts); "" for no time."""
    if instant is None:
        return ""
    text = utc_to_local(instant, CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S")
    return text.replace("-", sep)
