"""Shops and staff."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sellerdesk.domain.timeutil import DEFAULT_TZ, utcnow
from sellerdesk.models.base import Base, IdMixin, VersionMixin


class Shop(IdMixin, VersionMixin, Base):
    """A shop on one platform (a seller often has several)."""

    __tablename__ = "shops"
    __table_args__ = (UniqueConstraint("platform", "name"),)

    platform: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default=DEFAULT_TZ)
    fee_rate_bp: Mapped[int] = mapped_column(default=0)  # platform commission, basis points
    ship_deadline_hours: Mapped[int] = mapped_column(default=48)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StaffUser(IdMixin, VersionMixin, Base):
    __tablename__ = "staff_users"

    login: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # domain.passwords' "scrypt$n$r$p$salt$hash"; "" = no password yet (the account cannot sign in).
    password_hash: Mapped[str] = mapped_column(String(200), default="", server_default="")
