"""``sellerdesk --selftest``: proves an installation or a built folder works, without a display or a user.

It checks the system libraries Qt loads (Linux), opens a new database in a temporary folder and runs the
migrations, loads the icons, the stylesheet and both languages' translations (ours and Qt's own), looks for a
font that has Chinese characters, fills a small demo shop, then starts the app on it in each language and
renders the main window offscreen: every page, and the home page's charts. Each check prints one line; the
exit code is 0 when all passed, 1 when any failed (its line says why). Nothing outside the temporary folder is
read or written: settings, logs and the database all live there.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TextIO

from sellerdesk import APP_NAME, __version__
from sellerdesk.domain.scratch import temp_prefix

# A text of each context the main window shows, and its Chinese: the zh_CN catalogue must translate it.
PROBE = ("MainWindow", "&File", "文件")
SHOP = "shop.sqlite"
DEMO_ORDERS = 300  # enough for every page and the home page's charts to have something to show
OPEN_TIMEOUT_S = 60.0


class CheckFailed(Exception):
    """A check found something wrong; its message is the line printed."""


def run_selftest(out: TextIO | None = None) -> int:
    """Run every check, print one line each to ``out`` (stdout), return the exit code."""
    stream = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed, unless one is asked for
    frozen = " (built)" if getattr(sys, "frozen", False) else ""
    python = platform.python_version()
    print(f"{APP_NAME} {__version__}{frozen} self-test · Python {python} · {sys.platform}", file=stream)
    failed = 0
    with tempfile.TemporaryDirectory(prefix=temp_prefix("selftest")) as tmp:
        folder = Path(tmp)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("system libraries", _check_system_libraries),
            ("database and migrations", lambda: _check_database(folder)),
            ("Qt", _check_qt),
            ("resources", _check_resources),
            ("translations", _check_translations),
            ("Chinese font", _check_chinese_font),
            ("demo shop", lambda: _check_demo(folder / SHOP)),
            ("parser process", lambda: _check_parser_process(folder)),
        ]
        for language in ("zh_CN", "en"):
            checks.append((f"main window ({language})", partial(_check_window, folder, language)))
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail = check()
            except CheckFailed as exc:
                failed += 1
                print(f"FAIL  {name}: {exc}", file=stream)
                continue
            except Exception as exc:  # a bug or a broken build: say where, and go on with the other checks
                failed += 1
                where = traceback.format_exception_only(type(exc), exc)[-1].strip()
                print(f"FAIL  {name}: {where}", file=stream)
                continue
            print(f"ok    {name}: {detail} ({time.perf_counter() - started:.1f} s)", file=stream)
    print("self-test passed" if not failed else f"self-test FAILED: {failed} check(s)", file=stream)
    return 1 if failed else 0


def _check_system_libraries() -> str:
    from sellerdesk.ui.system_libraries import explain, missing_libraries

    if not sys.platform.startswith("linux"):
        return "nothing to check on this system"
    missing = missing_libraries()
    if missing:
        raise CheckFailed(explain(missing))
    return "every library Qt loads here is present"


def _check_database(folder: Path) -> str:
    from sellerdesk.db import migrate
    from sellerdesk.db.engine import make_engine

    engine = make_engine("sqlite:///" + str(folder / "migrations.sqlite"))
    try:
        result = migrate.ensure_schema(engine)
        report = migrate.check_database(engine)
    finally:
        engine.dispose()
    if not result.created:
        raise CheckFailed("the new database was not created")
    if report.problems:
        raise CheckFailed("; ".join(report.problems))
    return f"created and migrated to {report.head} ({len(migrate.known_revisions())} revisions)"


def _qapp() -> object:
    from sellerdesk.app import make_qapplication

    return make_qapplication()


def _check_qt() -> str:
    import PySide6
    from PySide6.QtCore import qInstallMessageHandler, qVersion
    from PySide6.QtGui import QGuiApplication

    _qapp()
    qInstallMessageHandler(_quiet_offscreen)
    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform {QGuiApplication.platformName()}"


def _quiet_offscreen(_mode: object, _context: object, message: str) -> None:
    """Qt's messages on stderr, less the offscreen platform's notes that it has no window system."""
    if not message.startswith("This plugin does not support"):
        print(message, file=sys.stderr)


def _check_resources() -> str:
    from PySide6.QtGui import QIcon

    from sellerdesk.ui.resources import resource_root, stylesheet

    _qapp()
    root = resource_root()
    icons = sorted((root / "icons").glob("*.svg"))
    if not icons:
        raise CheckFailed(f"no icons in {root / 'icons'}")
    broken = [p.name for p in icons if QIcon(str(p)).pixmap(32, 32).isNull()]
    if broken:
        raise CheckFailed(f"icons that do not render: {', '.join(broken)}")
    if not stylesheet().strip():
        raise CheckFailed("the stylesheet is empty")
    return f"{len(icons)} icons and the stylesheet from {root}"


def _check_translations() -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    from sellerdesk.ui.i18n import LANGUAGES, install_translators

    _qapp()
    found = []
    for language in LANGUAGES:
        if not install_translators(language):
            raise CheckFailed(f"the {language} translation (sellerdesk_{language}.qm) is missing")
        found.append(language)
    install_translators("zh_CN")
    context, source, chinese = PROBE
    if chinese not in QCoreApplication.translate(context, source):
        raise CheckFailed(f"zh_CN does not translate {source!r}")
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (qt_dir / "qtbase_zh_CN.qm").is_file():
        raise CheckFailed(f"Qt's own Chinese texts (qtbase_zh_CN.qm) are missing from {qt_dir}")
    install_translators("en")
    return f"{', '.join(found)}, and Qt's own texts from {qt_dir}"


def _check_chinese_font() -> str:
    """Without a font that has Chinese characters every Chinese text shows as boxes."""
    from PySide6.QtGui import QFontDatabase

    from sellerdesk.app import CJK_FONTS

    _qapp()
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        raise CheckFailed(
            "no font can show Chinese text, which would show as boxes; on Debian or Ubuntu: sudo apt install "
            "fonts-noto-cjk"
        )
    preferred = [f for f in CJK_FONTS if f in families]
    return (preferred or families)[0]


def _check_demo(path: Path) -> str:
    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.db.migrate import ensure_schema
    from sellerdesk.demo import generate_demo

    engine = make_engine("sqlite:///" + str(path))
    try:
        ensure_schema(engine)
        with make_session_factory(engine).begin() as session:
            summary = generate_demo(session, orders=DEMO_ORDERS)
    finally:
        engine.dispose()
    return f"{summary.orders} orders, {summary.skus} SKUs, {summary.tickets} tickets, {summary.tasks} tasks"


def _check_parser_process(folder: Path) -> str:
    """Large files are parsed in a process of their own (started like on Windows): a built app must be
    able to start it as its own executable and get the file's orders back."""
    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.platforms.worker import WorkerParse
    from sellerdesk.services.samples import write_export

    sample = folder / "jd_orders.csv"
    engine = make_engine("sqlite:///" + str(folder / SHOP))
    try:
        with make_session_factory(engine)() as session:
            rows = write_export(session, "jd_orders", sample, every_platform=True)
    finally:
        engine.dispose()
    with WorkerParse(sample) as parsing:
        parsing.plan()
        orders = sum(len(batch) for batch in parsing.batches())
    if orders == 0:
        raise CheckFailed(f"the parser process read no order from a {rows}-row export")
    return f"{orders} orders from a {rows}-row export"


def _check_window(folder: Path, language: str) -> str:
    """Start the app as ``sellerdesk --db FILE`` does, on a new database, and render its window."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from sellerdesk.app import start
    from sellerdesk.ui import errors
    from sellerdesk.ui.main_window import PAGE_KEYS
    from sellerdesk.ui.settings import Settings

    qapp = _qapp()
    assert isinstance(qapp, QApplication)
    errors.set_log_folder(folder / "logs")
    shown: list[str] = []
    errors.present_message = lambda _parent, _title, text: shown.append(text)  # type: ignore[assignment]
    errors.present_crash = lambda _parent, _title, text, _details: shown.append(text)  # type: ignore[assignment]
    settings = Settings(QSettings(str(folder / f"settings-{language}.ini"), QSettings.Format.IniFormat))
    desktop = start(db=str(folder / SHOP), demo=False, lang=language, settings=settings, synchronous=True)
    try:
        deadline = time.monotonic() + OPEN_TIMEOUT_S
        while not desktop.opened and not shown and desktop.exit_code == 0 and time.monotonic() < deadline:
            qapp.processEvents()
            time.sleep(0.01)
        if shown:
            raise CheckFailed(shown[0])
        window = desktop.window
        if not desktop.opened or window is None or not window.attached:
            raise CheckFailed(f"the database did not open within {OPEN_TIMEOUT_S:.0f} s")
        for key in PAGE_KEYS:  # every page is built and drawn, as a click on its tab would
            window.show_page(key)
            qapp.processEvents()
            if window.page(key).grab().isNull():
                raise CheckFailed(f"the {key} page did not render")
        window.show_page("home")
        qapp.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 400:
            raise CheckFailed("the main window did not render")
        file_menu = window.file_menu.title()
        if language == "zh_CN" and PROBE[2] not in file_menu:
            raise CheckFailed(f"the File menu reads {file_menu!r}, not Chinese")
        charts = "with charts" if "pyqtgraph" in sys.modules else "without charts"
        pages = len(window.pages)
        return f"{image.width()}×{image.height()}, {pages} pages built and drawn {charts}, File menu {file_menu!r}"
    finally:
        desktop.shutdown()
        if desktop.window is not None:
            desktop.window.close()
            desktop.window.deleteLater()
        qapp.processEvents()
