"""Shop-wide settings kept in the database, so every PC sharing it sees the same values."""

from __future__ import annotations

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from sellerdesk.models.base import Base, VersionMixin


class AppSetting(VersionMixin, Base):
    """One shared setting (late-to-ship hours per platform, the banned-word list, ...)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
