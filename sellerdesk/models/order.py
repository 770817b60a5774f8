"""Buyers, orders, their item lines and refunds, as imported from the platforms' exports."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models.base import Base, BigIntPK, IdMixin, VersionMixin


class Buyer(IdMixin, Base):
    """A buyer as the platform names them (often masked: never a personal key)."""

    __tablename__ = "buyers"
    __table_args__ = (UniqueConstraint("platform", "nick"),)

    platform: Mapped[str] = mapped_column(String(20))
    nick: Mapped[str] = mapped_column(String(200))


class Order(IdMixin, VersionMixin, Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("shop_id", "platform_order_id"),
        # What screens and figures filter and group by (architecture.md, performance rules).
        Index("ix_orders_paid_at", "paid_at"),
        Index("ix_orders_created_at", "created_at"),
        Index("ix_orders_platform_paid_at", "platform", "paid_at"),
        Index("ix_orders_status_paid_at", "status", "paid_at"),
        Index("ix_orders_buyer_id", "buyer_id"),
        Index("ix_orders_tracking_no", "tracking_no"),
        # The orders list sorts by any column and filters by these (issue 5); SQLite appends the id.
        Index("ix_orders_shipped_at", "shipped_at"),
        Index("ix_orders_refund_state", "refund_state"),
        Index("ix_orders_shop_id_paid_at", "shop_id", "paid_at"),
        Index("ix_orders_paid_cents", "paid_cents"),
    )

    shop_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("shops.id"))
    platform: Mapped[str] = mapped_column(String(20))  # copied from the shop: figures group by it
    platform_order_id: Mapped[str] = mapped_column(String(64))
    buyer_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("buyers.id", ondelete="SET NULL"))
    buyer_nick: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20))
    status_raw: Mapped[str] = mapped_column(String(100), default="")
    refund_state: Mapped[str] = mapped_column(String(20), default="none")
    created_at: Mapped[datetime | None]
    paid_at: Mapped[datetime | None]
    shipped_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    goods_cents: Mapped[int] = mapped_column(default=0)
    shipping_cents: Mapped[int] = mapped_column(default=0)
    discount_cents: Mapped[int] = mapped_column(default=0)
    paid_cents: Mapped[int] = mapped_column(default=0)
    refund_cents: Mapped[int] = mapped_column(default=0)
    units: Mapped[int] = mapped_column(default=0, server_default="0")  # sum of the lines' quantities
    # Taobao: amounts summed from the item file until the order file brings the order's own figures.
    amounts_from_lines: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Created from an item file that no order file has described yet (Taobao D1: no times, no totals):
    # kept and listed, but in no figure or work queue until the order file of the same export comes.
    incomplete: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # When the newest export that wrote this order was made: an older export only fills gaps.
    exported_at: Mapped[datetime | None]
    receiver_name: Mapped[str] = mapped_column(String(100), default="")
    receiver_phone: Mapped[str] = mapped_column(String(64), default="")
    receiver_province: Mapped[str] = mapped_column(String(50), default="")
    receiver_city: Mapped[str] = mapped_column(String(50), default="")
    receiver_district: Mapped[str] = mapped_column(String(50), default="")
    receiver_address: Mapped[str] = mapped_column(String(500), default="")
    receiver_zip: Mapped[str] = mapped_column(String(20), default="")  # printed by the sample exports
    buyer_message: Mapped[str] = mapped_column(Text, default="")
    seller_memo: Mapped[str] = mapped_column(Text, default="")
    carrier: Mapped[str] = mapped_column(String(50), default="")
    tracking_no: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    items: Mapped[list[OrderItem]] = relationship(back_populates="order", cascade="all, delete-orphan")


class OrderItem(IdMixin, Base):
    __tablename__ = "order_items"
    __table_args__ = (
        UniqueConstraint("order_id", "sub_order_id"),
        Index("ix_order_items_sku_id", "sku_id"),
        Index("ix_order_items_seller_code", "seller_code"),
    )

    order_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("orders.id", ondelete="CASCADE"))
    sub_order_id: Mapped[str] = mapped_column(String(64))
    sku_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("skus.id", ondelete="SET NULL"))
    seller_code: Mapped[str] = mapped_column(String(100), default="")
    platform_item_id: Mapped[str] = mapped_column(String(64), default="")
    platform_sku_id: Mapped[str] = mapped_column(String(64), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    spec: Mapped[str] = mapped_column(String(200), default="")
    qty: Mapped[int] = mapped_column(default=0)
    unit_price_cents: Mapped[int] = mapped_column(default=0)
    payable_cents: Mapped[int] = mapped_column(default=0)  # printed by the sample exports (Taobao, PDD)
    paid_cents: Mapped[int] = mapped_column(default=0)
    refund_cents: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(20), default="")
    refund_state: Mapped[str] = mapped_column(String(20), default="none")
    shipped_at: Mapped[datetime | None]

    order: Mapped[Order] = relationship(back_populates="items")


class Refund(IdMixin, Base):
    """A refund / after-sale case from a platform's refund export, or entered by staff."""

    __tablename__ = "refunds"
    __table_args__ = (
        UniqueConstraint("shop_id", "platform_refund_id"),
        Index("ix_refunds_order_id", "order_id"),
        Index("ix_refunds_applied_at", "applied_at"),
    )

    shop_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("shops.id"))
    platform_refund_id: Mapped[str] = mapped_column(String(64))
    platform_order_id: Mapped[str] = mapped_column(String(64))
    order_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("orders.id", ondelete="SET NULL"))
    amount_cents: Mapped[int] = mapped_column(default=0)
    state: Mapped[str] = mapped_column(String(20), default="refunding")
    status_raw: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(50), default="")
    reason: Mapped[str] = mapped_column(String(300), default="")
    seller_code: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    applied_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
