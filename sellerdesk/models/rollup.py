"""Daily sales roll-up: one row per shop, local day and platform, kept current by imports.

A year's daily chart reads a few thousand of these rows instead of a million orders (architecture.md).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from sellerdesk.models.base import Base, BigIntPK


class DailySales(Base):
    """The figures of metrics.md for the orders paid on one local day (the shop's time zone)."""

    __tablename__ = "daily_sales"

    # The day first: charts read a range of days across all shops.
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    shop_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("shops.id", ondelete="CASCADE"), primary_key=True)
    platform: Mapped[str] = mapped_column(String(20), primary_key=True)  # the orders' platform, as figures group
    paid_orders: Mapped[int] = mapped_column(default=0)
    gmv_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    refund_cents: Mapped[int] = mapped_column(BigInteger, default=0)  # capped at the paid amount per order
    refunded_orders: Mapped[int] = mapped_column(default=0)
    units: Mapped[int] = mapped_column(default=0)
