"""Catalog: products, their SKUs (keyed by the seller code) and platform listings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models.base import Base, BigIntPK, IdMixin, VersionMixin


class Product(IdMixin, VersionMixin, Base):
    __tablename__ = "products"

    title: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(100), default="")
    brand: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(20), default="profit")
    lifecycle: Mapped[str] = mapped_column(String(20), default="mature")
    shelf_status: Mapped[str] = mapped_column(String(20), default="on_shelf")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None]  # in the recycle bin since (services.recycle)

    skus: Mapped[list[Sku]] = relationship(back_populates="product", cascade="all, delete-orphan")


class Sku(IdMixin, VersionMixin, Base):
    __tablename__ = "skus"
    __table_args__ = (Index("ix_skus_product_id", "product_id"),)

    product_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("products.id", ondelete="CASCADE"))
    seller_code: Mapped[str] = mapped_column(String(100), unique=True)  # 商家编码
    title: Mapped[str] = mapped_column(String(300), default="")
    spec: Mapped[str] = mapped_column(String(200), default="")
    barcode: Mapped[str] = mapped_column(String(64), default="")
    cost_cents: Mapped[int] = mapped_column(default=0)
    price_cents: Mapped[int] = mapped_column(default=0)
    weight_g: Mapped[int] = mapped_column(default=0)
    supplier: Mapped[str] = mapped_column(String(200), default="")
    lead_time_days: Mapped[int] = mapped_column(default=7)
    min_order_qty: Mapped[int] = mapped_column(default=1)
    safety_stock: Mapped[int] = mapped_column(default=0)
    reorder_point: Mapped[int] = mapped_column(default=0)
    negative_stock_policy: Mapped[str] = mapped_column(String(10), default="warn")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    product: Mapped[Product] = relationship(back_populates="skus")


class Listing(IdMixin, Base):
    """A platform's item/SKU id bound to a catalog SKU (remembered for rows without a usable code)."""

    __tablename__ = "listings"
    __table_args__ = (
        UniqueConstraint("platform", "platform_item_id", "platform_sku_id"),
        Index("ix_listings_sku_id", "sku_id"),
    )

    platform: Mapped[str] = mapped_column(String(20))
    platform_item_id: Mapped[str] = mapped_column(String(64))
    platform_sku_id: Mapped[str] = mapped_column(String(64), default="")
    sku_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("skus.id", ondelete="CASCADE"))
    shop_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("shops.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
