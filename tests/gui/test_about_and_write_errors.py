"""Help → About (ui/dialogs/about_dialog.py) and the words for each reason a file could not be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sellerdesk import __version__
from sellerdesk.domain.file_writes import WRITE_CODES, write_failure
from sellerdesk.ui import errors, messages
from sellerdesk.ui.dialogs.about_dialog import AboutDialog, support_details
from sellerdesk.ui.i18n import install_translators
from sellerdesk.ui.main_window import MainWindow


@pytest.mark.parametrize("code", WRITE_CODES)
def test_every_write_failure_has_words_in_both_languages(code: str) -> None:
    entry = messages.source_text(code)
    assert entry is not None, code
    install_translators("zh_CN")
    chinese = QCoreApplication.translate(*entry)
    install_translators("en")
    assert chinese != entry[1] and "{path}" in chinese


def test_a_write_failure_reads_with_its_path_in_chinese(tmp_path: Path) -> None:
    error = write_failure(PermissionError(13, "Permission denied"), tmp_path / "报表" / "十月.xlsx")
    install_translators("zh_CN")
    text = messages.describe(error)
    assert text.startswith(f"无法写入 {tmp_path / '报表' / '十月.xlsx'}") and str(tmp_path / "报表") in text


def test_about_shows_version_database_and_log_folder_and_copies_them(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    main_window._help_menu.actions()[-1].trigger()  # Help → About SellerDesk
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    shown = {name: label.text() for name, label in dialog.values.items()}
    assert __version__ in shown["Version"]
    assert shown["Database"] == main_window.database_url.removeprefix("sqlite:///")
    assert shown["Log folder"] == str(tmp_path / "logs") == str(errors.log_folder())
    assert "PySide6" in shown["Qt"]
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"Log folder: {tmp_path / 'logs'}" in copied and __version__ in copied
    dialog.close()


def test_about_never_shows_a_server_password() -> None:
    rows = dict(support_details("postgresql+psycopg://shop:s3cret@192.168.1.10:5432/sellerdesk"))
    assert "s3cret" not in rows["Database"] and "192.168.1.10" in rows["Database"]


def test_about_in_chinese(qtbot: QtBot) -> None:
    install_translators("zh_CN")
    dialog = AboutDialog("")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "关于 SellerDesk"
    assert set(dialog.values) >= {"版本", "数据库", "日志文件夹"}
    assert dialog.values["数据库"].text() == "（未打开）"
