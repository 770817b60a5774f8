"""Raw platform status texts → generic status and refund overlay (platform-formats.md §9, §1.5, §2–§5).

Trade status and refund overlay are separate: every platform reports the refund in its own column.
Taobao texts are matched by substring (they contain a full-width comma and vary by version).
A text nobody knows maps to ``None`` for the status (the raw text is kept) and NONE for the overlay.
Mappers are cached: a file holds a handful of distinct status texts in 100,000 rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from sellerdesk.domain.enums import OrderStatus, RefundState

S = OrderStatus
T = TypeVar("T")

# --- Taobao / Tmall -----------------------------------------------------------------------------------

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
    return _by_substring(raw, _TAOBAO_STATUS)


@lru_cache(maxsize=512)
def taobao_refund_state(raw: str) -> RefundState:
    """Taobao 退款状态 (item file and refund export)."""
    return _by_substring(raw, _TAOBAO_REFUND) or RefundState.NONE


# --- JD -----------------------------------------------------------------------------------------------

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


# --- Pinduoduo ----------------------------------------------------------------------------------------

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


# --- Douyin -------------------------------------------------------------------------------------------

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


# --- Kuaishou, Xiaohongshu and user-mapped files --------------------------------------------------------

_GENERIC_STATUS: tuple[tuple[str, OrderStatus], ...] = (
    ("退款成功", S.REFUNDED),
    ("已退款", S.REFUNDED),
    ("退款中", S.REFUNDING),
    ("待付款", S.PENDING_PAYMENT),
    ("待支付", S.PENDING_PAYMENT),
    ("等待付款", S.PENDING_PAYMENT),
    ("等待买家付款", S.PENDING_PAYMENT),
    ("订单失败", S.CLOSED),
    ("交易关闭", S.CLOSED),
    ("已关闭", S.CLOSED),
    ("已取消", S.CLOSED),
    ("订单成功", S.COMPLETED),
    ("交易成功", S.COMPLETED),
    ("已完成", S.COMPLETED),
    ("已签收", S.SHIPPED),
    ("已发货", S.SHIPPED),
    ("待收货", S.SHIPPED),
    ("等待买家确认", S.SHIPPED),
    ("已付款", S.PAID),
    ("待发货", S.PAID),
    ("备货中", S.PAID),
    ("等待卖家发货", S.PAID),
)


@lru_cache(maxsize=512)
def generic_status(raw: str) -> OrderStatus | None:
    """Best effort for layouts without a documented status list (Kuaishou API texts included)."""
    return _by_substring(raw, _GENERIC_STATUS)


@lru_cache(maxsize=512)
def generic_refund_state(raw: str) -> RefundState:
    if not raw or "无售后" in raw or "没有申请" in raw:
        return RefundState.NONE
    if "退款成功" in raw or "售后完成" in raw or "已退款" in raw:
        return RefundState.REFUNDED
    if "关闭" in raw or "取消" in raw or "撤销" in raw or "失败" in raw:
        return RefundState.NONE
    if "拒绝" in raw or "驳回" in raw:
        return RefundState.REJECTED
    return RefundState.REFUNDING


def _by_substring(raw: str, table: tuple[tuple[str, T], ...]) -> T | None:
    for needle, value in table:
        if needle in raw:
            return value
    return None
