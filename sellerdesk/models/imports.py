"""Import batches (history + undo) and per-shop column mappings for unknown layouts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models.base import Base, BigIntPK, IdMixin


class ImportBatch(IdMixin, Base):
    __tablename__ = "import_batches"
    __table_args__ = (Index("ix_import_batches_file_hash", "file_hash"),)

    file_name: Mapped[str] = mapped_column(String(300))
    file_hash: Mapped[str] = mapped_column(String(64))  # sha256 hex
    platform: Mapped[str] = mapped_column(String(20))
    file_kind: Mapped[str] = mapped_column(String(20))
    shop_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("shops.id", ondelete="SET NULL"))
    staff_id: Mapped[int | None] = mapped_column(BigIntPK, ForeignKey("staff_users.id", ondelete="SET NULL"))
    rows: Mapped[int] = mapped_column(default=0)
    created: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    refused: Mapped[int] = mapped_column(default=0)
    partial: Mapped[bool] = mapped_column(default=False)  # the user chose to import only the valid rows
    status: Mapped[str] = mapped_column(String(10), default="done")
    problems: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    exported_at: Mapped[datetime | None]  # when the platform made the file (its name's stamp, else its newest time)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class ImportChange(IdMixin, Base):
    """What a batch created or changed, with the row's previous values, so undo restores it exactly."""

    __tablename__ = "import_changes"
    __table_args__ = (
        Index("ix_import_changes_batch_id", "batch_id"),
        Index("ix_import_changes_table_row", "table_name", "row_id"),  # an order's batches (its detail)
    )

    batch_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("import_batches.id", ondelete="CASCADE"))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(BigIntPK)
    action: Mapped[str] = mapped_column(String(10))  # created / updated
    before: Mapped[dict[str, object] | None] = mapped_column(JSON)


class ColumnMapping(IdMixin, Base):
    """A user's mapping of an unknown layout's headers to our fields, reused next time."""

    __tablename__ = "column_mappings"
    __table_args__ = (UniqueConstraint("shop_id", "signature"),)

    shop_id: Mapped[int] = mapped_column(BigIntPK, ForeignKey("shops.id", ondelete="CASCADE"))
    signature: Mapped[str] = mapped_column(String(64))  # hash of the normalised header row
    platform: Mapped[str] = mapped_column(String(20))
    mapping: Mapped[dict[str, str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
