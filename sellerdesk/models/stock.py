"""Stock is a ledger of movements; on hand / reserved / available are sums, never stored numbers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models.base import Base, BigIntPK, IdMixin


class Warehouse(IdMixin, Base):
    __tablename__ = "warehouses"

    code: Mapped[str] = mapped_column(String(32), unique=True)  # main, returns, defects, ...
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)


class StockMovement(IdMixin, Base):
    __tablename__ = "stock_movements"
    __table_args__ = (
        Index("ix_stock_movements_sku_wh", "sku_id", "warehouse_id"),
        Index("ix_stock_movements_order_item_id", "order_item_id"),
        Index("ix_stock_movements_at", "at"),
    )

    sku_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("skus.id", ondelete="CASCADE"))
    warehouse_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("warehouses.id"))
    kind: Mapped[str] = mapped_column(String(20))
    on_hand_delta: Mapped[int] = mapped_column(default=0)
    reserved_delta: Mapped[int] = mapped_column(default=0)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(300), default="")
    order_item_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("order_items.id", ondelete="SET NULL"))
    import_batch_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("import_batches.id", ondelete="SET NULL"))
    ref: Mapped[str] = mapped_column(String(100), default="")  # stocktake / transfer / receipt reference
