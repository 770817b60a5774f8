"""A shop's first import of a file without a stamp in its name, written while it is parsed: every order
ends with the file's newest time as its export time, whichever way the file's rows run."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.models import Order
from sellerdesk.platforms import parse_file
from sellerdesk.platforms.stamps import newest_time
from sellerdesk.services.imports import ORDER_CHUNK, import_paths

SAMPLES = Path(__file__).parent.parent / "data" / "samples"


def _many(tmp_path: Path, *, newest_first: bool) -> Path:
    """The PDD sample's orders copied until the file spans several batches, sorted by payment time."""
    with (SAMPLES / "pdd_orders.csv").open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    order_id, paid = header.index("订单号"), header.index("支付时间")
    copies = [[*row[:order_id], f"{row[order_id]}{k:02d}", *row[order_id + 1 :]] for k in range(16) for row in rows]
    copies.sort(key=lambda row: row[paid].strip(), reverse=newest_first)
    assert len(copies) > 2 * ORDER_CHUNK
    path = tmp_path / f"pdd_{'newest' if newest_first else 'oldest'}_first.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([header, *copies])
    return path


@pytest.mark.parametrize("newest_first", [True, False])
def test_every_order_of_a_first_import_has_the_files_newest_time(
    session: Session, tmp_path: Path, newest_first: bool
) -> None:
    path = _many(tmp_path, newest_first=newest_first)
    (result,) = import_paths(session, [path])
    expected = newest_time(parse_file(path).orders)
    assert expected is not None and result.exported_at == expected
    assert set(session.scalars(select(Order.exported_at))) == {expected}
