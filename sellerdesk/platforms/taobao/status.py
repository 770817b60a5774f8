"""Taobao / Tmall status texts → generic status and refund overlay (platform-formats.md §9, §1.5).

Texts are matched by substring: they contain a full-width comma and vary by version.

Mappers are cached: a file holds a handful of distinct status texts in 100,000 rows; a text nobody knows
maps to ``None`` for the status (the raw text is kept) and NONE for the overlay.
"""

from __future__ import annotations

from functools import lru_cache

from sellerdesk.domain.enums import OrderStatus, RefundState
from sellerdesk.platforms.base import by_substring

S = OrderStatus

_TAOBAO_STATUS: tuple[tuple[str, OrderStatus], ...] = (
    # Order matters: "买家已付款，等待卖家发货" must not hit a shipped pattern, and so on.
    ("等待买家付款", S.PENDING_PAYMENT),
    ("没有创建支付宝交易", S.PENDING_PAYMENT),
    ("付款确认中", S.PENDING_PAYMENT),
    ("0元购合约中", S.PENDING_PAYMENT),
    ("交易成功", S.COMPLETED),
    ("卖家部分发货", S.SHIPPED),
    ("卖家已发货", S.SHIPPED),
    ("等待买家确认", S.SHIPPED),
    ("买家已签收", S.SHIPPED),
    ("等待卖家发货", S.PAID),
    ("买家已付款", S.PAID),
)

_TAOBAO_REFUND: tuple[tuple[str, RefundState], ...] = (
    ("没有申请退款", RefundState.NONE),
    ("退款成功", RefundState.REFUNDED),
    ("退款关闭", RefundState.CLOSED),
    ("拒绝退款", RefundState.REJECTED),
    ("等待卖家同意", RefundState.REFUNDING),
    ("等待买家退货", RefundState.REFUNDING),
    ("等待卖家确认收货", RefundState.REFUNDING),
    ("申请退款", RefundState.REFUNDING),
)


@lru_cache(maxsize=512)
def taobao_status(raw: str, *, paid: bool, close_reason: str = "", refunded: bool = False) -> OrderStatus | None:
    """Taobao 订单状态. 交易关闭 is closed when never paid (or closed as 买家未付款), else refunded."""
    if "交易关闭" in raw:
        if refunded:
            return S.REFUNDED
        if not paid or "未付款" in close_reason:
            return S.CLOSED
        return S.REFUNDED
    return by_substring(raw, _TAOBAO_STATUS)


@lru_cache(maxsize=512)
def taobao_refund_state(raw: str) -> RefundState:
    """Taobao 退款状态 (item file and refund export)."""
    return by_substring(raw, _TAOBAO_REFUND) or RefundState.NONE
