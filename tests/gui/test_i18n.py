"""Languages: which one is chosen, that Chinese really loads, and that the shipped translations are complete.

The .ts files are made with (run from the repository root after changing any user-visible text):

    pyside6-lupdate $(find sellerdesk/ui sellerdesk/platforms -name "*.py" | sort) sellerdesk/app.py \\
        sellerdesk/domain/labels.py -no-obsolete \\
        -locations relative -ts resources/i18n/sellerdesk_zh_CN.ts resources/i18n/sellerdesk_en.ts
    pyside6-lrelease resources/i18n/sellerdesk_zh_CN.ts resources/i18n/sellerdesk_en.ts

and the .qm files are committed next to them, so a fresh checkout runs without a build step.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import open_main_window
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from sellerdesk.ui import formatting, labels
from sellerdesk.ui.i18n import choose_language, install_translators
from sellerdesk.ui.resources import resource_path
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tabs.list_tab import ListTab

ROOT = Path(__file__).resolve().parents[2]
I18N = resource_path("i18n")
LANGUAGES = ("zh_CN", "en")


@pytest.mark.parametrize(
    ("requested", "saved", "system", "expected"),
    [
        ("en", "zh_CN", "zh_CN", "en"),  # --lang wins
        (None, "zh_CN", "en_US", "zh_CN"),  # then the saved setting
        (None, "", "zh_TW", "zh_CN"),  # then any Chinese system locale
        (None, "", "de_DE", "en"),
        (None, "fr", "en_GB", "en"),  # a setting we cannot honour is ignored
    ],
)
def test_choose_language(requested: str | None, saved: str, system: str, expected: str) -> None:
    assert choose_language(requested, saved, system) == expected


def test_chinese_loads_for_our_texts_qt_texts_and_numbers() -> None:
    assert install_translators("zh_CN")
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert labels.platform("pdd") == "拼多多"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own qtbase_zh_CN
    assert QLocale().name() == "zh_CN"
    assert formatting.money(123456789) == "¥1,234,567.89"
    install_translators("en")
    assert labels.platform("pdd") == "Pinduoduo"


def test_chinese_window_texts(qtbot: QtBot, shop_engine: Engine, runner: Runner, settings: Settings) -> None:
    install_translators("zh_CN")
    window = open_main_window(qtbot, shop_engine, runner, settings, language="zh_CN")
    titles = [window._nav.item(i).text() for i in range(window._nav.count())]
    assert titles == ["首页", "商品", "订单", "售后工单", "团队任务", "绩效考核"]
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    orders = window.page("orders")
    assert isinstance(orders, ListTab)
    assert orders.model.headerData(0, Qt.Orientation.Horizontal) == "平台"


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_qm_matches_its_ts(language: str, tmp_path: Path) -> None:
    """A stale .qm would ship old texts: rebuild it and compare."""
    lrelease = shutil.which("pyside6-lrelease")
    assert lrelease, "pyside6-lrelease comes with PySide6"
    ts = I18N / f"sellerdesk_{language}.ts"
    built = tmp_path / f"sellerdesk_{language}.qm"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(built)], check=True)
    committed = I18N / f"sellerdesk_{language}.qm"
    assert committed.read_bytes() == built.read_bytes(), f"run pyside6-lrelease {ts.name} and commit the .qm"


def test_every_chinese_message_is_translated() -> None:
    unfinished = _unfinished(I18N / "sellerdesk_zh_CN.ts")
    assert not unfinished, f"untranslated zh_CN messages: {unfinished[:10]}"


def test_ts_files_hold_every_text_in_the_code(tmp_path: Path) -> None:
    """Rerun lupdate on a copy: a text added to the code but not to the .ts shows up unfinished."""
    lupdate = shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate comes with PySide6"
    copy = tmp_path / "sellerdesk_zh_CN.ts"
    shutil.copy(I18N / "sellerdesk_zh_CN.ts", copy)
    sources = sorted(
        str(p.relative_to(ROOT)) for d in ("ui", "platforms") for p in (ROOT / "sellerdesk" / d).rglob("*.py")
    )
    sources += ["sellerdesk/app.py", "sellerdesk/domain/labels.py"]
    command = [lupdate, *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    missing = _unfinished(copy)
    assert not missing, f"run pyside6-lupdate (see this file's docstring); new texts: {missing[:10]}"


def _unfinished(ts: Path) -> list[str]:
    problems = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
        text = "".join(f or "" for f in forms) if forms else (translation.text or "" if translation is not None else "")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            problems.append(source)
    return problems
