"""Backups in the window: Home's last good backup and "Back up now"; File → Restore from backup…, round trip."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import open_main_window
from gui_shop import new_database
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select

from sellerdesk.app import DesktopApp, start
from sellerdesk.db.backup import auto_backup_path, automatic_backup, automatic_backups
from sellerdesk.db.engine import make_session_factory
from sellerdesk.domain.enums import Role
from sellerdesk.domain.permissions import Actor
from sellerdesk.models import Shop
from sellerdesk.ui.dialogs import restore_backup
from sellerdesk.ui.dialogs.restore_backup import RestoreBackupDialog
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tabs.home import HomeTab


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Engine]:
    engine = new_database(tmp_path / "shop" / "shop.sqlite")
    yield engine
    engine.dispose()


def _home(qtbot: QtBot, engine: Engine, settings: Settings, actor: Actor | None = None) -> HomeTab:
    runner = Runner(make_session_factory(engine), synchronous=True)
    if actor is not None:
        runner.actor = actor
    window = open_main_window(qtbot, engine, runner, settings)
    home = window.page("home")
    assert isinstance(home, HomeTab)
    home.reload()
    return home


def test_home_warns_without_a_recent_backup_and_backs_up_now(qtbot: QtBot, shop: Engine, settings: Settings) -> None:
    home = _home(qtbot, shop, settings)
    assert home.backup is not None and home.backup.stale and home.backup.last_good is None
    assert home.backup_note.text() == "No backup yet" and home.backup_note.property("tone") == "warning"
    assert home.backup_button.isVisible()
    home.backup_button.click()  # the window writes a checked backup beside the database, then Home reloads
    db_file = Path(str(shop.url.database))
    assert len(automatic_backups(db_file)) == 1
    assert home.backup is not None and not home.backup.stale
    assert home.backup_note.text().startswith("Backed up ") and home.backup_note.property("tone") == ""
    assert not home.backup_button.isVisible()


def test_an_old_backup_is_a_warning_and_only_owners_get_the_button(
    qtbot: QtBot, shop: Engine, settings: Settings
) -> None:
    made = datetime.now() - timedelta(days=3)
    automatic_backup(shop, "daily", made)
    home = _home(qtbot, shop, settings, Actor(staff_id=1, role=Role.SERVICE, login="s1"))
    assert home.backup_note.text() == "Last backup 3 days ago"
    assert home.backup_note.toolTip().startswith(f"Last good backup: {made:%Y-%m-%d %H:%M}\n")
    assert home.backup_note.property("tone") == "warning"
    assert not home.backup_button.isVisible()  # service staff do not manage backups


def _shops(engine: Engine) -> int:
    with make_session_factory(engine)() as session:
        return int(session.scalar(select(func.count()).select_from(Shop)) or 0)


def test_restore_round_trip_through_the_window(
    qtbot: QtBot,
    tmp_path: Path,
    settings: Settings,
    desktops: list[DesktopApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db_file = tmp_path / "shop.sqlite"
    new_database(db_file).dispose()
    desktop = start(db=str(db_file), demo=False, lang="en", settings=settings, synchronous=True)
    desktops.append(desktop)
    qtbot.waitUntil(lambda: desktop.opened)
    assert desktop.engine is not None and desktop.window is not None
    backup = automatic_backup(desktop.engine, "manual")
    assert backup is not None and _shops(desktop.engine) == 2
    with make_session_factory(desktop.engine).begin() as session:  # entered after the backup
        session.add(Shop(platform="pdd", name="after the backup"))
    broken = auto_backup_path(db_file, "daily", datetime.now() + timedelta(minutes=1))
    broken.write_bytes(b"garbage")
    asked: list[str] = []
    monkeypatch.setattr(restore_backup, "confirm", lambda _parent, text: asked.append(text) or True)

    window = desktop.window
    assert window._restore_action.isVisible()
    dialog = window.restore_from_backup()
    assert isinstance(dialog, RestoreBackupDialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "cannot be restored: not a database file" in texts[0] and dialog.chosen() == backup  # the good one
    with qtbot.waitSignal(dialog.restore_requested):
        dialog.restore_button.click()
    assert asked and backup.name in asked[0]
    qtbot.waitUntil(lambda: desktop.window is not window and desktop.opened)
    assert desktop.engine is not None and _shops(desktop.engine) == 2  # the shop added later is gone
    assert desktop.window is not None
    message = desktop.window.statusBar().currentMessage()
    assert message.startswith("The backup was restored. The data it replaced was saved to ")
    safety = Path(message.rsplit(" to ", 1)[1].rstrip("."))
    assert safety.exists() and "before-restore" in safety.name


def test_a_bad_file_is_refused_with_the_reason(qtbot: QtBot, shop: Engine, tmp_path: Path) -> None:
    runner = Runner(make_session_factory(shop), synchronous=True)
    dialog = RestoreBackupDialog(runner)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and dialog.chosen() is None and not dialog.restore_button.isEnabled()
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    assert not dialog.choose_file(bad)
    assert dialog.problem.text() == "notes.sqlite cannot be restored: not a database file."
    assert dialog.chosen() is None
    good = automatic_backup(shop, "manual")
    assert good is not None and dialog.choose_file(good) and dialog.chosen() == good
    assert dialog.restore_button.isEnabled() and dialog.problem.isHidden()


def test_restore_is_for_owners_of_a_database_file(qtbot: QtBot, shop: Engine, settings: Settings) -> None:
    runner = Runner(make_session_factory(shop), synchronous=True)
    runner.actor = Actor(staff_id=2, role=Role.MANAGER, login="m")
    window = open_main_window(qtbot, shop, runner, settings)
    assert not window._restore_action.isVisible()
