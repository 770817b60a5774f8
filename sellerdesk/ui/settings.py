"""Every user setting, declared once with its type and default, stored through QSettings.

Services never read settings: the UI reads them and passes plain values down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    doc: str


LANGUAGE = Setting("ui/language", str, "", "zh_CN or en; empty: follow the system language")
DATABASE_URL = Setting("database/url", str, "", "the database last opened; empty: the default file")
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray(), "main window position and size")
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray(), "main window toolbars and docks")
APPEARANCE = Setting("ui/appearance", str, "system", "system, light or dark (View → Appearance)")
LAST_TAB = Setting("window/last_tab", str, "home", "the tab shown when the app last closed")
SCHEMA_HEAD = Setting(
    "database/schema_head", str, "", "fingerprint:revision of the migrations last checked, to skip Alembic at start-up"
)

ALL: tuple[Setting[Any], ...] = (
    LANGUAGE,
    APPEARANCE,
    DATABASE_URL,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    LAST_TAB,
    SCHEMA_HEAD,
)


def table_columns(name: str) -> Setting[QByteArray]:
    """A table's columns (which are shown, their widths and order), by the table's stable name."""
    return Setting(f"tables/{name}/header", QByteArray, QByteArray(), "QHeaderView.saveState() of the table")


class Settings:
    """Typed access to the declared settings (tests pass an INI-backed QSettings in a temp folder)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def get(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key)
        if raw is None:
            return setting.default
        try:
            return _convert(raw, setting.type)
        except (TypeError, ValueError):
            return setting.default  # a hand-edited or outdated value must not stop the app

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        self._store.sync()


def _convert(raw: Any, kind: type[T]) -> T:
    if kind is bool:
        return (raw in (True, "true", "1", 1)) if not isinstance(raw, bool) else raw  # type: ignore[return-value]
    if kind is QByteArray:
        return raw if isinstance(raw, QByteArray) else QByteArray(raw)  # type: ignore[return-value]
    return kind(raw)  # type: ignore[call-arg]
