"""Pinduoduo status texts → generic status and refund overlay (platform-formats.md §9, §3).

Trade status and after-sale state are separate columns.

Mappers are cached: a file holds a handful of distinct status texts in 100,000 rows; a text nobody knows
maps to ``None`` for the status (the raw text is kept) and NONE for the overlay.
"""

from __future__ import annotations

from functools import lru_cache

from sellerdesk.domain.enums import OrderStatus, RefundState

S = OrderStatus

_PDD_STATUS = {
    "待支付": S.PENDING_PAYMENT,
    "待发货": S.PAID,
    "已发货，待签收": S.SHIPPED,
    "已发货，待收货": S.SHIPPED,
    "已签收": S.COMPLETED,
    "已收货": S.COMPLETED,
    "已取消": S.CLOSED,
}

_PDD_AFTERSALE_NONE = ("无售后", "售后取消", "撤销", "退款失败", "换货成功", "已关闭", "售后关闭")


@lru_cache(maxsize=512)
def pdd_status(raw: str) -> OrderStatus | None:
    """PDD 订单状态; any "…，退款成功" is refunded (before or after shipping)."""
    text = raw.replace(",", "，")
    if "退款成功" in text:
        return S.REFUNDED
    return _PDD_STATUS.get(text)


@lru_cache(maxsize=512)
def pdd_aftersale_state(raw: str) -> RefundState:
    """PDD 售后状态: done / none / anything else is an after-sale in progress."""
    if not raw:
        return RefundState.NONE
    if "退款成功" in raw and "失败" not in raw:
        return RefundState.REFUNDED
    if any(word in raw for word in _PDD_AFTERSALE_NONE):
        return RefundState.NONE
    if "驳回" in raw or "拒绝" in raw:
        return RefundState.REJECTED
    return RefundState.REFUNDING
