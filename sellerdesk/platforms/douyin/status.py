"""Douyin status texts → generic status and refund overlay (platform-formats.md §9, §4).

Mappers are cached: a file holds a handful of distinct status texts in 100,000 rows; a text nobody knows
maps to ``None`` for the status (the raw text is kept) and NONE for the overlay.
"""

from __future__ import annotations

from functools import lru_cache

from sellerdesk.domain.enums import OrderStatus, RefundState

S = OrderStatus

_DOUYIN_STATUS = {
    "待支付": S.PENDING_PAYMENT,
    "待确认": S.PENDING_PAYMENT,
    "备货中": S.PAID,
    "待发货": S.PAID,
    "部分发货": S.SHIPPED,
    "已发货": S.SHIPPED,
    "已完成": S.COMPLETED,
    "已关闭": S.CLOSED,
    "已取消": S.CLOSED,
}


@lru_cache(maxsize=512)
def douyin_status(raw: str) -> OrderStatus | None:
    return _DOUYIN_STATUS.get(raw)


@lru_cache(maxsize=512)
def douyin_aftersale_state(raw: str) -> RefundState:
    """Douyin 售后状态: empty or ``-`` is none (the ``-`` is already cleaned to empty)."""
    if not raw:
        return RefundState.NONE
    if "退款成功" in raw or "售后完成" in raw:
        return RefundState.REFUNDED
    if "售后关闭" in raw or "撤销" in raw or "取消" in raw:
        return RefundState.NONE
    if "拒绝" in raw or "驳回" in raw:
        return RefundState.REJECTED
    return RefundState.REFUNDING
