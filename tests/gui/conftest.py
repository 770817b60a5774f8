"""GUI test fixtures: an offscreen Qt, a small shop database, settings and logs in temp folders.

Every test in this folder is marked ``gui``. Most tests use a synchronous runner (jobs run inline, as
Picard's FakeThreadPool does); tests/gui/test_ui_runner.py exercises the real worker thread.
"""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported: no display in CI

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_shop import new_database
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.app import DesktopApp
from sellerdesk.db.engine import make_session_factory
from sellerdesk.ui import errors
from sellerdesk.ui.i18n import install_translators
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.runner import Runner, collect_garbage_on_main_thread
from sellerdesk.ui.settings import Settings


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def shop_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A filled database shared by the read-only tests."""
    engine = new_database(tmp_path_factory.mktemp("shop") / "shop.sqlite")
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(shop_engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(shop_engine)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def isolated_logs_and_language(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """Crash logs go to a temp folder; every test starts (and ends) in English.

    Reference cycles are collected on the main thread, as in the app (runner.MainThreadGarbageCollector).
    """
    collect_garbage_on_main_thread(qapp)
    errors.set_log_folder(tmp_path / "logs")
    install_translators("en")
    yield
    install_translators("en")
    errors.set_log_folder(None)
    gc.collect()


@pytest.fixture
def runner(session_factory: sessionmaker[Session]) -> Iterator[Runner]:
    runner = Runner(session_factory, synchronous=True)
    yield runner
    runner.shutdown()


@pytest.fixture
def main_window(qtbot: QtBot, shop_engine: Engine, runner: Runner, settings: Settings) -> MainWindow:
    return open_main_window(qtbot, shop_engine, runner, settings)


def open_main_window(
    qtbot: QtBot, engine: Engine, runner: Runner, settings: Settings, language: str = "en"
) -> MainWindow:
    """A shown window with its database attached, as the app has it once the first paint is done."""
    window = MainWindow(settings=settings, language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(engine=engine, runner=runner)
    return window


@pytest.fixture
def desktops() -> Iterator[list[DesktopApp]]:
    """The desktop apps a test starts; their windows close and their databases are let go afterwards."""
    started: list[DesktopApp] = []
    yield started
    for desktop in started:
        if desktop.window is not None:
            desktop.window.close()
        desktop.shutdown()
