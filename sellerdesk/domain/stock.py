"""Pure stock rules: availability, the three-colour level, replenishment quantity, margin, negative stock."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sellerdesk.domain.enums import NegativeStockPolicy
from sellerdesk.domain.errors import ValidationError
from sellerdesk.domain.money import div_round_half_up


class StockLevel(StrEnum):
    """Traffic-light level of a SKU's available stock."""

    OK = "ok"  # green: above the reorder point
    REORDER = "reorder"  # amber: at or under the reorder point, still at or above safety stock
    CRITICAL = "critical"  # red: under safety stock, or nothing available


def available_of(on_hand: int, reserved: int) -> int:
    return on_hand - reserved


def is_low_stock(available: int, safety_stock: int) -> bool:
    """The low-stock rule: under the safety stock, or nothing available (the red level, the home page's
    "low stock" queue). ``services.products`` writes the same rule in SQL for its filter and counts."""
    return available <= 0 or available < safety_stock


def stock_level(available: int, safety_stock: int, reorder_point: int) -> StockLevel:
    """Red when low (``is_low_stock``), amber at/under the reorder point, else green."""
    if is_low_stock(available, safety_stock):
        return StockLevel.CRITICAL
    if available <= max(reorder_point, safety_stock):
        return StockLevel.REORDER
    return StockLevel.OK


def replenishment_qty(
    *, units_sold: int, window_days: int, lead_time_days: int, safety_stock: int, available: int, min_order_qty: int
) -> int:
    """daily rate × lead time + safety stock − available, rounded up; 0 if nothing is needed.

    A needed quantity below the minimum order quantity is raised to it (suppliers sell no less).
    Integer arithmetic only: ceil((sold × lead) / window) keeps hand-computed cases exact.
    """
    if window_days <= 0:
        raise ValueError("window_days must be positive")
    demand = -(-(units_sold * lead_time_days) // window_days)  # ceil of sold/window × lead
    need = demand + safety_stock - available
    if need <= 0:
        return 0
    return max(need, min_order_qty)


@dataclass(frozen=True)
class Margin:
    price_cents: int
    cost_cents: int
    fee_cents: int  # the platform's commission on the price
    margin_cents: int  # price − cost − fee
    margin_bp: int | None  # margin / price in basis points; None without a price

    @property
    def below_cost(self) -> bool:
        """Selling loses money once the platform fee is paid."""
        return self.margin_cents < 0


def margin_of(price_cents: int, cost_cents: int, fee_rate_bp: int) -> Margin:
    fee = div_round_half_up(price_cents * fee_rate_bp, 10_000)
    margin = price_cents - cost_cents - fee
    rate = div_round_half_up(margin * 10_000, price_cents) if price_cents > 0 else None
    return Margin(price_cents, cost_cents, fee, margin, rate)


def check_negative_stock(policy: str, available_after: int, *, seller_code: str) -> bool:
    """True when the movement leaves the SKU negative (a warning); raises when the SKU's policy blocks it."""
    if available_after >= 0:
        return False
    if policy == NegativeStockPolicy.BLOCK:
        raise ValidationError(
            f"{seller_code}: not enough stock ({available_after} after this movement).",
            code="negative_stock",
            seller_code=seller_code,
            available=available_after,
        )
    return True
