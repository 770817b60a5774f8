"""The rules that decide what an import may change on an order it already holds (no database)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sellerdesk.domain.orders import Recency, export_recency, loses_precision
from sellerdesk.platforms.stamps import stamp_in_name
from sellerdesk.services.order_merge import merge_order

T = datetime(2026, 6, 7, 5, 44, 36, tzinfo=UTC)


def test_export_time_from_the_names_platforms_give() -> None:
    assert stamp_in_name("ExportOrderList201903291704.csv") == datetime(2019, 3, 29, 9, 4, tzinfo=UTC)
    assert stamp_in_name("8248e107e4f1bcf6c24c107dbbbbf803orders_export2026-06-09-20-06-33.csv") == datetime(
        2026, 6, 9, 12, 6, 33, tzinfo=UTC
    )
    assert stamp_in_name("ExportOrderList26594515418.xlsx") is None  # an id, not a date
    assert stamp_in_name("orders.csv") is None
    assert stamp_in_name("ExportOrderList201913991704.csv") is None  # digits, not a date


def test_recency_and_precision() -> None:
    later = T.replace(hour=6)
    assert export_recency(T, later) is Recency.NEWER
    assert export_recency(later, T) is Recency.OLDER
    assert export_recency(None, T) is Recency.SAME and export_recency(T, T) is Recency.SAME
    assert loses_precision(T, T.replace(second=0))  # an Excel re-save kept only the minute
    assert not loses_precision(T.replace(second=0), T)  # the exact time may replace the minute
    assert not loses_precision(T, T.replace(minute=45, second=0))  # another minute is news


def _order(**values: Any) -> dict[str, Any]:
    base = {
        "status": "paid",
        "refund_state": "none",
        "refund_cents": 0,
        "amounts_from_lines": False,
        "incomplete": False,
        "paid_cents": 16900,
        "paid_at": T,
        "seller_memo": "new memo",
    }
    return {**base, **values}


def test_an_older_export_only_fills_gaps() -> None:
    current = _order(refund_state="none", seller_memo="")
    incoming = _order(refund_state="refunding", seller_memo="old memo", paid_at=T.replace(second=0))
    diff, older = merge_order(current, incoming, recency=Recency.OLDER)
    assert older and diff == {"seller_memo": "old memo"}


def test_a_newer_export_has_the_last_word_but_never_loses_seconds() -> None:
    current = _order(refund_state="refunding", paid_at=T)
    incoming = _order(refund_state="none", seller_memo="newest", paid_at=T.replace(second=0))
    diff, older = merge_order(current, incoming, recency=Recency.NEWER)
    assert not older and diff == {"refund_state": "none", "seller_memo": "newest"}


def test_same_export_keeps_the_further_status_and_approximate_fields_fill_only() -> None:
    current = _order(status="shipped")
    incoming = _order(status="paid", paid_at=T.replace(second=37))
    diff, older = merge_order(current, incoming, recency=Recency.SAME, approximate=frozenset({"paid_at"}))
    assert older and diff == {}
    diff, _ = merge_order(_order(paid_at=None), incoming, approximate=frozenset({"paid_at"}))
    assert diff["paid_at"] == T.replace(second=37) and "status" not in diff


def test_an_incomplete_order_is_completed_by_an_order_file_and_refunds_never_shrink() -> None:
    current = _order(incomplete=True, refund_cents=500)
    diff, _ = merge_order(current, _order(refund_cents=0), recency=Recency.NEWER)
    assert diff == {"incomplete": False}
