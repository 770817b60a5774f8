"""The composition root: start-up on new, old, foreign and demo databases; switching database and language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_shop import new_database
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine, text

from sellerdesk import app as app_module
from sellerdesk.app import DesktopApp, connect, schema_is_current, start
from sellerdesk.db import engine as engine_module
from sellerdesk.db import migrate
from sellerdesk.db.engine import resolve_url
from sellerdesk.ui import errors
from sellerdesk.ui import settings as keys
from sellerdesk.ui.dialogs.open_database import OpenDatabaseDialog
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tabs.home import HomeTab
from sellerdesk.ui.tabs.list_tab import ListTab


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(errors, "present_message", lambda _parent, _title, text: seen.append(text))
    monkeypatch.setattr(errors, "present_crash", lambda _parent, _title, text, _details: seen.append(text))
    return seen


def launch(qtbot: QtBot, desktops: list[DesktopApp], settings: Settings, db: Path, *, demo: bool = False) -> DesktopApp:
    """Start as the app does and wait for the database, which opens after the window's first paint."""
    desktop = start(db=str(db), demo=demo, lang="en", settings=settings, synchronous=True)
    desktops.append(desktop)
    qtbot.waitUntil(lambda: desktop.opened or desktop.exit_code != 0)
    return desktop


def test_a_new_database_is_created_and_the_window_says_so(
    tmp_path: Path, settings: Settings, desktops: list[DesktopApp], qtbot: QtBot
) -> None:
    desktop = launch(qtbot, desktops, settings, tmp_path / "new" / "shop.sqlite")
    window = desktop.window
    assert window is not None and window.attached
    assert window.statusBar().currentMessage() == "Created a new, empty database."
    assert "new/shop.sqlite" in window.database_label.text().replace("\\", "/")
    home = window.page("home")
    assert isinstance(home, HomeTab) and home.dashboard is not None and not home.dashboard.has_data
    assert settings.get(keys.DATABASE_URL) == ""  # --db is a one-off, not remembered


def test_demo_fills_an_empty_database(
    qtbot: QtBot,
    tmp_path: Path,
    settings: Settings,
    desktops: list[DesktopApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app_module, "DEMO_ORDERS", 400)
    desktop = launch(qtbot, desktops, settings, tmp_path / "demo.sqlite", demo=True)
    assert desktop.window is not None
    home = desktop.window.page("home")
    assert isinstance(home, HomeTab)
    assert home.dashboard is not None and home.dashboard.has_data  # reloaded on the demo's Changes
    desktop.window.show_page("orders")
    orders = desktop.window.page("orders")
    assert isinstance(orders, ListTab)
    assert orders.model.rowCount() == 400


def test_demo_leaves_a_database_with_data_alone(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp], shown: list[str]
) -> None:
    new_database(tmp_path / "filled.sqlite").dispose()
    desktop = launch(qtbot, desktops, settings, tmp_path / "filled.sqlite", demo=True)
    assert desktop.window is not None and desktop.window.isVisible()
    assert shown == ["The demo shop is only added to an empty database, and this one already holds data."]


def test_a_foreign_database_is_refused_and_the_user_may_give_up(
    qtbot: QtBot,
    tmp_path: Path,
    settings: Settings,
    desktops: list[DesktopApp],
    shown: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    foreign = tmp_path / "other.sqlite"
    engine = create_engine(f"sqlite:///{foreign}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    monkeypatch.setattr(OpenDatabaseDialog, "ask", classmethod(lambda cls, parent, current: None))
    desktop = launch(qtbot, desktops, settings, foreign)
    assert desktop.exit_code == 1 and not desktop.opened
    assert "not a SellerDesk database" in shown[0]


def test_open_database_switches_and_is_remembered(
    tmp_path: Path, settings: Settings, desktops: list[DesktopApp], qtbot: QtBot
) -> None:
    desktop = launch(qtbot, desktops, settings, tmp_path / "first.sqlite")
    first_window = desktop.window
    assert desktop.open_database(str(tmp_path / "second.sqlite"))
    assert desktop.window is not first_window
    assert desktop.window is not None and "second.sqlite" in desktop.window.database_label.text()
    assert settings.get(keys.DATABASE_URL).endswith("second.sqlite")


def test_open_database_keeps_the_current_one_on_failure(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp], shown: list[str]
) -> None:
    desktop = launch(qtbot, desktops, settings, tmp_path / "first.sqlite")
    window = desktop.window
    assert not desktop.open_database("postgresql://nobody@127.0.0.1:1/nowhere")
    assert desktop.window is window
    assert shown and "could not be opened" in shown[0]


def test_live_language_switch(qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp]) -> None:
    desktop = launch(qtbot, desktops, settings, tmp_path / "shop.sqlite")
    assert desktop.window is not None
    desktop.window.show_page("orders")
    desktop.window._language_menu.actions()[0].trigger()  # 简体中文
    window = desktop.window
    assert window.language == "zh_CN" and window.current_page_key() == "orders"
    assert window.windowTitle() == "SellerDesk" and window._nav.item(0).text() == "首页"
    assert settings.get(keys.LANGUAGE) == "zh_CN"


def test_run_app_shows_the_window_and_returns_the_exit_code(tmp_path: Path) -> None:
    """End to end in a fresh process (an event loop that has exited cannot be reused in this one)."""
    script = (
        "import sys; from PySide6.QtCore import QTimer; from sellerdesk.app import make_qapplication, run_app; "
        "app = make_qapplication(); QTimer.singleShot(300, app.quit); "
        f"sys.exit(run_app(db={str(tmp_path / 'shop.sqlite')!r}, demo=False, lang='zh_CN'))"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # QSettings
        "XDG_DATA_HOME": str(tmp_path / "data"),  # logs
    }
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "shop.sqlite").exists()
    assert list((tmp_path / "config").rglob("*.conf"))  # window state saved on the way out


def test_a_database_at_head_opens_without_loading_alembic(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = resolve_url(str(tmp_path / "shop.sqlite"))
    assert app_module.ENV_VAR == engine_module.ENV_VAR
    engine, result = connect(url, settings)  # the full check creates it and remembers the head
    assert result is not None and result.created
    engine.dispose()

    def no_alembic(_engine: Engine) -> None:
        pytest.fail("the schema was known to be current")

    monkeypatch.setattr(migrate, "ensure_schema", no_alembic)
    engine, result = connect(url, settings)
    assert result is None
    engine.dispose()
    head = settings.get(keys.SCHEMA_HEAD).partition(":")[2]
    settings.set(keys.SCHEMA_HEAD, f"other-migration-files:{head}")  # SellerDesk was updated
    other = create_engine(url)
    assert not schema_is_current(other, settings)
    other.dispose()


def test_startup_does_not_import_heavy_libraries() -> None:
    """Heavy libraries load where first used; SQLAlchemy after the first paint (architecture.md)."""
    probe = (
        "import os, sys; import sellerdesk.app; "
        "print(os.environ['PYQTGRAPH_QT_LIB'], sorted(m for m in ('openpyxl', 'python_calamine', 'pyqtgraph', "
        "'numpy', 'alembic', 'sqlalchemy', 'sellerdesk.demo') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["PySide6", "[]"]


SERVER = "postgresql+psycopg://shop:s%40cret@db.example:5432/sellerdesk"
SERVER_BARE = "postgresql+psycopg://shop@db.example:5432/sellerdesk"


@pytest.fixture
def fake_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``connect`` takes a server address as a local file (no server needed); it records what it was given
    and refuses an address without its password, as a server asking for one does."""
    tried: list[str] = []
    real = app_module.connect

    def fake(value: str | None, settings: Settings) -> object:
        tried.append(value or "")
        if value and value.startswith("postgresql"):
            if "s%40cret" not in value:
                raise app_module.StorageError("password authentication failed", code="cannot_open", detail="")
            value = str(tmp_path / "server.sqlite")
        return real(value, settings)

    monkeypatch.setattr(app_module, "connect", fake)
    return tried


@pytest.mark.parametrize("with_keyring", [True, False], ids=["keyring", "no keyring"])
def test_a_server_password_is_never_saved_in_the_settings(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    tmp_path: Path,
    settings: Settings,
    desktops: list[DesktopApp],
    fake_server: list[str],
    with_keyring: bool,
) -> None:
    backend = request.getfixturevalue("memory_keyring") if with_keyring else None
    desktop = launch(qtbot, desktops, settings, tmp_path / "first.sqlite")
    assert desktop.open_database(SERVER)
    assert fake_server[-1] == SERVER
    assert settings.get(keys.DATABASE_URL) == SERVER_BARE
    settings.sync()
    assert "cret" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")  # the file on disk
    if backend is not None:
        assert backend.entries == {("SellerDesk", SERVER_BARE): "s@cret"}
        assert app_module.saved_database(settings) == SERVER  # the next start reads it back
        assert desktop.open_database(SERVER_BARE)  # typed without it: the keyring's
    else:
        assert app_module.saved_database(settings) == SERVER_BARE  # the dialog asks at start


def test_a_password_saved_in_clear_by_an_older_version_leaves_the_settings(settings: Settings) -> None:
    settings.set(keys.DATABASE_URL, SERVER)
    assert app_module.saved_database(settings) == SERVER  # still serves this start
    assert settings.get(keys.DATABASE_URL) == SERVER_BARE


def test_without_a_keyring_the_start_asks_for_the_password(
    qtbot: QtBot,
    settings: Settings,
    desktops: list[DesktopApp],
    fake_server: list[str],
    shown: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.set(keys.DATABASE_URL, SERVER_BARE)
    asked: list[str] = []

    def ask(cls: type, parent: object, current: str) -> str:
        asked.append(current)
        dialog = OpenDatabaseDialog(current)
        assert dialog.server_choice.isChecked() and dialog.url_edit.text() == SERVER_BARE
        dialog.password_edit.setText("s@cret")
        return dialog.value()

    monkeypatch.setattr(OpenDatabaseDialog, "ask", classmethod(ask))
    desktop = start(db=None, demo=False, lang="en", settings=settings, synchronous=True)
    desktops.append(desktop)
    qtbot.waitUntil(lambda: desktop.opened or desktop.exit_code != 0)
    assert desktop.opened and asked == [SERVER_BARE] and fake_server == [SERVER_BARE, SERVER]
    assert settings.get(keys.DATABASE_URL) == SERVER_BARE


def test_the_start_removes_a_killed_runs_partial_backup_and_opens_read_only_with_a_note(
    tmp_path: Path, settings: Settings, desktops: list[DesktopApp], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "shop.sqlite"
    new_database(db, filled=False).dispose()
    part = db.parent / "backups" / "shop.daily.20260101-000000.sqlite.part"
    part.parent.mkdir(exist_ok=True)
    part.write_bytes(b"cut short")
    os.utime(part, (0, 0))  # long ago: no live backup is writing it
    monkeypatch.setattr(engine_module, "is_read_only", lambda _path: True)  # root may write anything
    desktop = launch(qtbot, desktops, settings, db)
    assert desktop.window is not None and desktop.window.attached
    qtbot.waitUntil(lambda: not part.exists())
    assert "Read-only: changes cannot be saved." in desktop.window.storage_note.text()
    assert not any(p.name.startswith("shop.daily.") for p in part.parent.iterdir())  # no daily backup of it
