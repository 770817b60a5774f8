"""Shared settings (one JSON value per key in app_settings): every PC of the shop sees the same."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sellerdesk.domain.errors import ConflictError
from sellerdesk.models import AppSetting


def setting_version(session: Session, key: str) -> int:
    """The stored setting's version; 0 when it was never saved."""
    setting = session.get(AppSetting, key)
    return setting.version if setting is not None else 0


def store_setting(session: Session, key: str, value: object, expected_version: int | None = None) -> None:
    """Save ``value`` under ``key``; with ``expected_version``, refuse when someone saved it meanwhile."""
    setting = session.get(AppSetting, key)
    if expected_version is not None and (setting.version if setting is not None else 0) != expected_version:
        raise ConflictError(f"The setting {key} was changed by someone else.", code="conflict")
    if setting is None:
        _insert_setting(session, key, value)
        return
    setting.value = value
    session.flush()  # UPDATE … WHERE version = the one read: someone's save in between is a ConflictError


def _insert_setting(session: Session, key: str, value: object) -> None:
    """The first save of a setting; two first saves at once (PostgreSQL) make the second a conflict, not a
    broken unique key (it waits for the first, then finds the key taken)."""
    try:
        with session.begin_nested():
            session.add(AppSetting(key=key, value=value))
    except IntegrityError as exc:
        raise ConflictError(f"The setting {key} was changed by someone else.", code="conflict") from exc


def load_setting(session: Session, key: str, default: object = None) -> object:
    """The stored value of ``key``, or ``default`` when it was never saved."""
    setting = session.get(AppSetting, key)
    return setting.value if setting is not None else default
