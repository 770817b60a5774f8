"""JD status texts → generic status and refund overlay (platform-formats.md §9, §2).

Mappers are cached: a file holds a handful of distinct status texts in 100,000 rows; a text nobody knows
maps to ``None`` for the status (the raw text is kept) and NONE for the overlay.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sellerdesk.domain.enums import OrderStatus, RefundState

S = OrderStatus

_JD_STATUS = {
    "等待付款": S.PENDING_PAYMENT,
    "等待出库": S.PAID,
    "暂停": S.PAID,
    "等待发货": S.PAID,
    "等待确认收货": S.SHIPPED,
    "发往配送中心": S.SHIPPED,
    "配送中心已收货": S.SHIPPED,
    "完成": S.COMPLETED,
    "已完成": S.COMPLETED,
    "已取消": S.CLOSED,
    "取消": S.CLOSED,
}


@dataclass(frozen=True)
class JdStatus:
    status: OrderStatus | None
    inner: str  # the status text without the (删除)/(锁定) prefixes
    locked: bool
    deleted: bool
    refund_state: RefundState


@lru_cache(maxsize=512)
def jd_status(raw: str, *, paid: bool) -> JdStatus:
    """JD 订单状态 with its ``(删除)`` / ``(锁定)`` prefixes.

    已取消 after payment means the money went back: refunded. A lock is JD holding the order during
    a cancel/refund request: the inner status stays, the overlay says refunding (bare 锁定: status
    refunding too) when the goods have not left yet.
    """
    inner = raw.replace("（", "(").replace("）", ")").strip()
    locked = deleted = False
    while inner.startswith("("):
        prefix, _, rest = inner[1:].partition(")")
        if "删除" in prefix:
            deleted = True
        elif "锁定" in prefix:
            locked = True
        else:
            break
        inner = rest.strip()
    if inner == "锁定":
        return JdStatus(S.REFUNDING, inner, True, deleted, RefundState.REFUNDING)
    status = _JD_STATUS.get(inner)
    if status is S.CLOSED and paid:
        return JdStatus(S.REFUNDED, inner, locked, deleted, RefundState.REFUNDED)
    overlay = RefundState.REFUNDING if locked and status in (S.PAID, S.PENDING_PAYMENT) else RefundState.NONE
    return JdStatus(status, inner, locked, deleted, overlay)
