"""Screenshots of every tab and main dialog, in Chinese and English, light and dark, at 1280×800.

    QT_QPA_PLATFORM=xcb DISPLAY=:1 python scripts/screenshots.py            # all, into docs/screenshots/
    python scripts/screenshots.py --only orders order_detail --lang en --theme dark --out /some/folder

A demo shop is built in a temporary folder first (the settings too, so the user's own are never touched).
Files are named ``<language>-<theme>-<screen>.png``. To add a screen, append a ``Screen`` to ``SCREENS``: a
name and a function that takes the shown main window and returns the widget to photograph (the window
itself for a page, or the dialog it opened; dialogs are closed afterwards). The user guide shows the light
ones of its language.

PNG files are reduced to 256 colours (with Pillow, the "docs" extra) and compressed, so the folder stays small.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QTableView, QWidget  # noqa: E402

from sellerdesk.ui.main_window import MainWindow  # noqa: E402

SIZE = (1280, 800)
DEMO_ORDERS = 3_000


@dataclass(frozen=True)
class Screen:
    name: str
    open: Callable[[MainWindow], QWidget | None]


def _page(key: str) -> Callable[[MainWindow], QWidget]:
    def show(window: MainWindow) -> QWidget:
        window.show_page(key)
        return window

    return show


def _select_first(window: MainWindow, key: str) -> Any:
    page = window.page(key)
    window.show_page(key)
    view = page.findChild(QTableView, "dataTable")
    if view is not None and view.model() is not None and view.model().rowCount() > 0:
        view.selectRow(0)
    return page


def _first_order(window: MainWindow) -> QWidget | None:
    return _select_first(window, "orders").open_detail(0)


def _shipping(window: MainWindow) -> QWidget | None:
    return _select_first(window, "orders").open_shipping()


def _deadlines(window: MainWindow) -> QWidget | None:
    return _select_first(window, "orders").edit_ship_deadlines()


def _product(window: MainWindow) -> QWidget | None:
    return _select_first(window, "products").edit_selected()


def _receive(window: MainWindow) -> QWidget | None:
    return _select_first(window, "products").move_stock("receipt")


def _ticket(window: MainWindow) -> QWidget | None:
    return _select_first(window, "tickets").open_row(0)


def _new_ticket(window: MainWindow) -> QWidget | None:
    return _select_first(window, "tickets").new_ticket()


def _sla(window: MainWindow) -> QWidget | None:
    return _select_first(window, "tickets").edit_sla()


def _task(window: MainWindow) -> QWidget | None:
    return _select_first(window, "tasks").open_task(None)


def _import_history(window: MainWindow) -> QWidget | None:
    from sellerdesk.ui.dialogs.import_history import ImportHistoryDialog

    assert window.runner is not None
    dialog = ImportHistoryDialog(window.runner, window)
    dialog.open()
    return dialog


def _report(window: MainWindow) -> QWidget | None:
    from datetime import date

    from sellerdesk.ui.report_actions import ReportDialog, last_full_month, recent_months

    today = date.today()
    # A folder written as users know it: no path of the machine that takes the picture.
    dialog = ReportDialog(recent_months(today), last_full_month(today), Path("~/Documents"), window)
    dialog.open()
    return dialog


def _open_database(window: MainWindow) -> QWidget | None:
    from sellerdesk.ui.dialogs.open_database import OpenDatabaseDialog

    dialog = OpenDatabaseDialog("sqlite:///demo.sqlite", window)  # the name only: no machine path in a picture
    dialog.open()
    return dialog


def _reviews_with_rows(window: MainWindow) -> Any:
    """The Reviews tab on the newest month that has reviews (the demo's last are the past month's)."""
    page = _select_first(window, "reviews")
    for index in range(page.month_combo.count() - 1):  # the last entry is "waiting for me"
        page.month_combo.setCurrentIndex(index)
        if page.visible_rows():
            break
    page.view.selectRow(0)
    return page


def _review(window: MainWindow) -> QWidget | None:
    page = _reviews_with_rows(window)
    row = page.selected_row()
    return page.open_review(row.id) if row is not None else None


def _review_tasks(window: MainWindow) -> QWidget | None:
    """The Tasks tab listing exactly the tasks behind a review's figure, as the review window opens it."""
    page = _reviews_with_rows(window)
    for row in page.visible_rows():
        editor = page.open_review(row.id)
        line = next((x for x in editor.detail.lines if x.source.kind == "tasks" and len(x.source.ids) > 1), None)
        shown = line is not None and editor.open_source(line)
        editor.reject()
        if shown:
            return window
    return None


def _kpi_templates(window: MainWindow) -> QWidget | None:
    return _select_first(window, "reviews").edit_templates()


def _review_trend(window: MainWindow) -> QWidget | None:
    return _reviews_with_rows(window).show_trend()


def _wizard_page(number: int) -> Callable[[MainWindow], QWidget | None]:
    """The setup wizard as a new shop sees it, opened at its ``number``-th page."""

    def show(window: MainWindow) -> QWidget | None:
        from sellerdesk.services.first_run import SetupState
        from sellerdesk.ui.wizard.first_run import SetupWizard

        assert window.runner is not None
        state = SetupState(has_data=False, shops=0, staff=0, owner_login="", dismissed=False)
        wizard = SetupWizard(
            language=window.language,
            database_name="sellerdesk.sqlite",
            state=state,
            runner=window.runner,
            can_import=True,
            parent=window,
        )
        wizard.setStartId(wizard.pageIds()[number])
        wizard.restart()
        wizard.open()
        return wizard

    return show


SCREENS: list[Screen] = [
    *(Screen(key, _page(key)) for key in ("home", "products", "orders", "tickets", "tasks")),
    Screen("reviews", _reviews_with_rows),
    Screen("order_detail", _first_order),
    Screen("shipping", _shipping),
    Screen("ship_deadlines", _deadlines),
    Screen("product_editor", _product),
    Screen("stock_receive", _receive),
    Screen("ticket", _ticket),
    Screen("new_ticket", _new_ticket),
    Screen("sla", _sla),
    Screen("task_editor", _task),
    Screen("import_history", _import_history),
    Screen("monthly_report", _report),
    Screen("shops", lambda w: w.edit_shops()),
    Screen("staff", lambda w: w.show_staff()),
    Screen("audit", lambda w: w.show_audit()),
    Screen("recycle_bin", lambda w: w.show_recycle_bin()),
    Screen("restore_backup", lambda w: w.restore_from_backup()),
    Screen("open_database", _open_database),
    Screen("shortcuts", lambda w: w.show_shortcuts()),
    Screen("user_guide", lambda w: w.show_user_guide()),
    Screen("review_editor", _review),
    Screen("review_tasks", _review_tasks),
    Screen("kpi_templates", _kpi_templates),
    Screen("review_trend", _review_trend),
    *(Screen(f"wizard_{n + 1}", _wizard_page(n)) for n in range(5)),
]


def build_demo(folder: Path, orders: int) -> str:
    """A demo shop database in ``folder``; returns its path."""
    from sellerdesk.app import connect
    from sellerdesk.db.engine import make_session_factory
    from sellerdesk.db.tracking import without_audit
    from sellerdesk.demo import generate_demo
    from sellerdesk.ui.settings import Settings

    path = folder / "demo.sqlite"
    engine, _ = connect(str(path), Settings(QSettings(str(folder / "build.ini"), QSettings.Format.IniFormat)))
    with make_session_factory(engine)() as session:
        without_audit(session)
        generate_demo(session, orders=orders)
        session.commit()
    engine.dispose()
    return str(path)


def settle(app: QApplication, rounds: int = 6) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget: QWidget, path: Path) -> int:
    """Write ``widget`` as a small PNG; returns the file's size.

    With Pillow (``pip install ".[docs]"``) the picture is reduced to 256 colours, which flat screens
    survive unchanged to the eye and which makes the file about four times smaller; without it, a plain PNG.
    """
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    try:
        from PIL import Image
    except ImportError:
        image.save(str(path), "PNG", 0)
        return path.stat().st_size
    picture = Image.frombuffer("RGB", (image.width(), image.height()), bytes(image.constBits()), "raw", "RGB",
                               image.bytesPerLine(), 1)  # fmt: skip
    picture.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
    return path.stat().st_size


def shoot(
    database: str, folder: Path, out: Path, languages: list[str], themes: list[str], only: set[str] | None
) -> list[Path]:
    from sellerdesk.db.engine import make_engine, make_session_factory, resolve_url
    from sellerdesk.ui import import_actions, report_actions, theme
    from sellerdesk.ui.i18n import install_translators
    from sellerdesk.ui.runner import Runner
    from sellerdesk.ui.settings import Settings

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    written: list[Path] = []
    failed: list[str] = []
    for language in languages:
        for variant in themes:
            install_translators(language)
            theme.apply(variant)
            engine = make_engine(resolve_url(database))
            runner = Runner(make_session_factory(engine), synchronous=True)
            settings = Settings(QSettings(str(folder / f"{language}-{variant}.ini"), QSettings.Format.IniFormat))
            window = MainWindow(settings=settings, language=language)
            window.resize(*SIZE)
            window.show()
            window.attach(engine=engine, runner=runner)
            import_actions.install(window)
            report_actions.install(window)
            # The demo lives in a temporary folder: show its name only, not the machine's path.
            window.database_label.setText(window.tr("Database: {name}").format(name="demo.sqlite"))
            settle(app)
            for screen in SCREENS:
                if only and screen.name not in only:
                    continue
                window.show_page("home")
                settle(app)
                try:
                    shown = screen.open(window)
                except Exception as exc:  # one broken screen must not stop the others
                    print(f"  {screen.name}: {exc!r}", file=sys.stderr)
                    failed.append(screen.name)
                    continue
                settle(app, 12)
                if shown is None:
                    print(f"  {screen.name}: nothing to show", file=sys.stderr)
                    continue
                path = out / f"{language}-{variant}-{screen.name}.png"
                size = save(shown, path)
                written.append(path)
                print(f"{path.relative_to(out.parent) if out.parent in path.parents else path}  {size // 1024} KB")
                if shown is not window:
                    if isinstance(shown, QDialog):
                        shown.reject()
                    shown.close()
                    settle(app)
            window.close()
            window.deleteLater()
            settle(app)
            runner.shutdown()
            engine.dispose()
    if failed:
        raise SystemExit(f"screens that failed: {sorted(set(failed))}")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", nargs="*", default=["zh_CN", "en"])
    parser.add_argument("--theme", nargs="*", default=["light", "dark"])
    parser.add_argument("--only", nargs="*", help="screen names (default: all)")
    parser.add_argument("--orders", type=int, default=DEMO_ORDERS, help="demo orders (fewer: faster)")
    args = parser.parse_args(argv)
    from sellerdesk.app import make_qapplication

    make_qapplication()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sellerdesk-shots-") as tmp:
        folder = Path(tmp)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        os.environ["XDG_DATA_HOME"] = str(folder)  # the app's data folder (logs, About) in the temp folder too
        database = build_demo(folder, args.orders)
        shoot(database, folder, args.out, args.lang, args.theme, set(args.only) if args.only else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
