"""Writing rows of text as a platform's export file would hold them: CSV in the platform's encoding, or xlsx.

The rows come from a platform module's sample writer (sample and benchmark files); they carry the
``="…"`` guard platforms put around long ids in CSV, which an xlsx text cell does not need.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from itertools import chain
from pathlib import Path

from sellerdesk.domain.file_writes import writing
from sellerdesk.sheets.xlsx_package import write_text_sheet


def write_export_file(path: Path, header: Sequence[str], rows: Iterable[list[str]], *, encoding: str) -> int:
    """Write ``rows`` under ``header``: xlsx when ``path`` ends in .xlsx, else CSV; returns the data rows."""
    with writing(path):
        if path.suffix.lower() == ".xlsx":
            # xlsx keeps ids as text cells: no ="…" guard
            cells = ([c.strip('="') if c.startswith('="') else c for c in row] for row in rows)
            return write_text_sheet(path, "订单", chain([list(header)], cells)) - 1
        count = 0
        with path.open("w", encoding=encoding, newline="", errors="replace") as fh:
            out = csv.writer(fh)
            out.writerow(header)
            for row in rows:
                out.writerow(row)
                count += 1
        return count
