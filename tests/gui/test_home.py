"""The home dashboard on a demo shop: cards, work queues, charts, refresh after changes, the monthly report.

The demo database is generated once per run, for today's date, so "today" and "month to date" have orders.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from gui_shop import new_database
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.db.engine import make_session_factory
from sellerdesk.demo import generate_demo
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.timeutil import CHINA_TZ, utc_to_local
from sellerdesk.models import Order, Shop
from sellerdesk.services.dashboard import QUEUE_KEYS, load_home_dashboard
from sellerdesk.services.reports import monthly_figures
from sellerdesk.sheets.report_workbook import label
from sellerdesk.ui import errors, report_actions
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.i18n import install_translators
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.report_actions import ReportActions, ReportDialog, last_full_month, month_key, recent_months
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tabs.home import CARD_KEYS, HomeTab

DEMO_ORDERS = 3000


@pytest.fixture(scope="module")
def demo_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = new_database(tmp_path_factory.mktemp("demo") / "demo.sqlite", filled=False)
    with make_session_factory(engine).begin() as session:
        generate_demo(session, orders=DEMO_ORDERS, seed=5)
    yield engine
    engine.dispose()


@pytest.fixture
def demo_runner(demo_engine: Engine) -> Iterator[Runner]:
    runner = Runner(make_session_factory(demo_engine), synchronous=True)
    yield runner
    runner.shutdown()


def _window(qtbot: QtBot, runner: Runner, engine: Engine, settings: Settings, language: str = "en") -> MainWindow:
    window = MainWindow(settings=settings, language=language)
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    qtbot.waitExposed(window)
    window.attach(engine=engine, runner=runner)
    return window


@pytest.fixture
def demo_window(qtbot: QtBot, demo_runner: Runner, demo_engine: Engine, settings: Settings) -> MainWindow:
    return _window(qtbot, demo_runner, demo_engine, settings)


def _home(qtbot: QtBot, window: MainWindow) -> HomeTab:
    window.show_page("home")
    home = window.page("home")
    assert isinstance(home, HomeTab)
    qtbot.waitUntil(lambda: home.dashboard is not None and home.daily_chart is not None)
    return home


def test_cards_show_the_services_figures_for_today_and_the_month(
    qtbot: QtBot, demo_window: MainWindow, demo_engine: Engine
) -> None:
    home = _home(qtbot, demo_window)
    now = datetime.now(UTC)
    home.reload(now)
    qtbot.waitUntil(lambda: home.dashboard is not None and home.dashboard.as_of == now)
    with make_session_factory(demo_engine)() as session:
        expected = load_home_dashboard(session, now)
    assert home.dashboard == expected
    assert expected.figures is not None and expected.queues is not None
    month = {c.key: c for c in expected.figures.month_to_date.cards}
    today = {c.key: c for c in expected.figures.today.cards}
    assert month["paid_orders"].current > 0
    assert home.cards["gmv_cents"].value.text() == fmt.money(month["gmv_cents"].current)
    assert home.cards["paid_orders"].value.text() == fmt.count(month["paid_orders"].current)
    assert home.cards["refund_rate_bp"].value.text() == fmt.percent_bp(month["refund_rate_bp"].current)
    assert home.cards["net_sales_cents"].today_value.text() == fmt.money(today["net_sales_cents"].current)
    assert home.cards["gross_margin_cents"].value.text() == fmt.money(month["gross_margin_cents"].current)
    for key in CARD_KEYS:  # each with its change against the same stretch of last month
        change = month[key].change_bp
        assert home.cards[key].change.text().startswith("▲" if change and change > 0 else "▼" if change else "")
    assert [home.queue_button(k).count.text() for k in QUEUE_KEYS] == [
        fmt.count(expected.queues.count(k)) for k in QUEUE_KEYS
    ]
    assert expected.queues.late_to_ship > 0 and home.queue_button("late_to_ship").count.property("tone") == "danger"
    assert home.platforms.rowCount() == len(expected.figures.month_to_date.current.by_platform)


def test_clicking_a_work_queue_asks_for_its_filtered_tab(
    qtbot: QtBot, demo_window: MainWindow, demo_engine: Engine
) -> None:
    home = _home(qtbot, demo_window)
    for key in QUEUE_KEYS:
        with qtbot.waitSignal(home.queue_requested) as signal:
            qtbot.mouseClick(home.queue_button(key), Qt.MouseButton.LeftButton)
        assert signal.args == [key]
    home.queue_button("low_stock").setFocus()
    with qtbot.waitSignal(home.queue_requested) as signal:
        qtbot.keyClick(home.queue_button("low_stock"), Qt.Key.Key_Space)
    assert signal.args == ["low_stock"]


def test_daily_chart_switches_between_30_90_and_365_days(
    qtbot: QtBot, demo_window: MainWindow, demo_engine: Engine
) -> None:
    home = _home(qtbot, demo_window)
    chart = home.daily_chart
    assert chart is not None and home.dashboard is not None
    assert chart.range_days == 30 and len(chart.shown_days) == 30
    assert chart.shown_days[-1].day == home.dashboard.today
    for days in (90, 365, 30):
        with qtbot.waitSignal(chart.range_changed) as signal:
            qtbot.mouseClick(chart.buttons.button(days), Qt.MouseButton.LeftButton)
        assert signal.args == [days] and len(chart.shown_days) == days
    items = chart.view.getPlotItem().items
    assert len([i for i in items if type(i).__name__ == "BarGraphItem"]) == len(home.dashboard.platforms)
    # The chart's days add up to the month's figures (read from the roll-up, not from the orders).
    today = home.dashboard.today
    assert today is not None
    with make_session_factory(demo_engine)() as session:
        month = monthly_figures(session, today.year, today.month).total
    assert sum(d.total.gmv_cents for d in home.dashboard.daily if d.day >= today.replace(day=1)) == month.gmv_cents
    assert home.top_skus_chart is not None and 0 < len(home.top_skus_chart.skus) <= 10
    assert home.refund_chart is not None and len(home.refund_chart.months) == 12


def test_the_daily_chart_row_is_no_taller_than_the_work_queues(qtbot: QtBot, demo_window: MainWindow) -> None:
    """A chart asks for a modest height: on a laptop's screen the cards, the daily chart and the queues show
    whole (pyqtgraph's own wish, 480 px, made the row taller than the screen and cut the bars off)."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    demo_window.resize(1280, 800)
    home = _home(qtbot, demo_window)
    assert home.daily_chart is not None
    scroll = home.findChild(QScrollArea, "homeScroll")
    assert scroll is not None
    qtbot.waitUntil(lambda: scroll.viewport().height() < 800)
    assert scroll.widget().height() > scroll.viewport().height()  # the page scrolls: rows get what they ask for

    def panel_of(widget: QWidget) -> QFrame:
        while widget.objectName() != "panel":
            widget = widget.parentWidget()
        assert isinstance(widget, QFrame)
        return widget

    chart_panel, queues_panel = panel_of(home.daily_chart.view), panel_of(home.queue_button("reviews_waiting"))
    assert chart_panel.height() == queues_panel.height() == queues_panel.sizeHint().height()


def test_the_page_reloads_after_an_import_or_an_edit(qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    engine = new_database(tmp_path / "shop.sqlite")
    runner = Runner(sessionmaker(engine), synchronous=True)
    home = _home(qtbot, _window(qtbot, runner, engine, settings))
    assert home.dashboard is not None and home.dashboard.queues is not None
    before = home.dashboard.queues.unshipped

    def add_paid_order(session: Session, _job: object) -> Changes:
        shop = session.scalars(select(Shop).limit(1)).one()
        now = datetime.now(UTC)
        session.execute(
            insert(Order).values(
                shop_id=shop.id, platform=shop.platform, platform_order_id="NEW-1", status="paid", created_at=now,
                paid_at=now - timedelta(minutes=1), paid_cents=12_300, units=1,
            )
        )  # fmt: skip
        return Changes(orders=True)

    window = home.window()
    assert isinstance(window, MainWindow)
    runner.run(add_paid_order, parent=window)
    qtbot.waitUntil(lambda: home.dashboard is not None and home.dashboard.queues.unshipped == before + 1)  # type: ignore[union-attr]
    assert not home.stale
    window.show_page("orders")
    runner.run(lambda session, _job: Changes(tickets=True))
    assert home.stale  # hidden: reloads when shown again
    window.show_page("home")
    qtbot.waitUntil(lambda: not home.stale)
    runner.shutdown()
    engine.dispose()


def test_charts_load_pyqtgraph_only_with_the_figures() -> None:
    code = (
        "import sys; import sellerdesk.app, sellerdesk.ui.main_window, sellerdesk.ui.tabs.home, "
        "sellerdesk.ui.report_actions; print('pyqtgraph' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --- the monthly report -------------------------------------------------------------------------------------


def test_report_dialog_defaults_to_the_last_full_month() -> None:
    today = utc_to_local(datetime(2026, 1, 15, tzinfo=UTC), CHINA_TZ).date()
    assert last_full_month(today) == (2025, 12)
    assert recent_months(today, 3) == [(2026, 1), (2025, 12), (2025, 11)]
    assert last_full_month(today.replace(month=10)) == (2026, 9)


def test_monthly_report_from_the_home_button_and_the_file_menu(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = demo_window
    actions = report_actions.install(window)
    assert actions.action in window.file_menu.actions()
    home = _home(qtbot, window)
    asked: list[ReportDialog] = []
    offered: list[Path] = []
    target = tmp_path / "October"  # no suffix: .xlsx is added

    def fake_exec(dialog: ReportDialog) -> int:
        asked.append(dialog)
        assert dialog.chosen_month() == last_full_month(utc_to_local(datetime.now(UTC), CHINA_TZ).date())
        assert dialog.path.text().endswith(f"{dialog.chosen_month()[0]:04d}-{dialog.chosen_month()[1]:02d}.xlsx")
        dialog.month.setCurrentIndex(dialog.month.findData(month_key(month)))
        dialog.path.setText(str(target))
        return QDialog.DialogCode.Accepted

    today = utc_to_local(datetime.now(UTC), CHINA_TZ).date()
    month = last_full_month(today)
    monkeypatch.setattr(ReportDialog, "exec", fake_exec)
    monkeypatch.setattr(ReportActions, "offer_to_open", lambda self, path: offered.append(path))
    qtbot.mouseClick(home.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered))
    assert len(asked) == 1 and offered == [target.with_name("October.xlsx")]
    book = load_workbook(offered[0], read_only=True)
    assert book.sheetnames[0] == label("sheet.summary", "en")  # the UI language
    book.close()
    # File → Monthly report… does the same.
    offered.clear()
    actions.action.trigger()
    qtbot.waitUntil(lambda: bool(offered))
    assert len(asked) == 2


def test_the_workbook_follows_the_ui_language_and_cancel_leaves_no_file(
    qtbot: QtBot,
    demo_runner: Runner,
    demo_engine: Engine,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install_translators("zh_CN")
    window = _window(qtbot, demo_runner, demo_engine, settings, language="zh_CN")
    actions = report_actions.install(window)
    offered: list[Path] = []
    monkeypatch.setattr(ReportActions, "offer_to_open", lambda self, path: offered.append(path))
    today = utc_to_local(datetime.now(UTC), CHINA_TZ).date()
    job = actions.export(*last_full_month(today), tmp_path / "月报.xlsx")
    assert job is not None
    qtbot.waitUntil(lambda: bool(offered))
    book = load_workbook(offered[0], read_only=True)
    assert book.sheetnames[0] == label("sheet.summary", "zh_CN")
    book.close()

    monkeypatch.setattr("sellerdesk.ui.runner.JobControl.cancelled", lambda self: True)  # the user said stop
    job = actions.export(*last_full_month(today), tmp_path / "cancelled.xlsx")
    assert job is not None
    qtbot.waitUntil(lambda: job.done)
    assert len(offered) == 1
    assert not (tmp_path / "cancelled.xlsx").exists()
    assert window.statusBar().currentMessage() == actions.tr("The monthly report was cancelled.")


def test_a_missing_folder_is_made_and_a_failed_write_gives_its_true_reason(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's case: ~/Documents did not exist, and the report blamed Excel."""
    actions = report_actions.install(demo_window)
    offered: list[Path] = []
    warned: list[str] = []
    monkeypatch.setattr(ReportActions, "offer_to_open", lambda self, path: offered.append(path))
    monkeypatch.setattr(errors, "present_message", lambda _parent, _title, text: warned.append(text))
    today = utc_to_local(datetime.now(UTC), CHINA_TZ).date()
    target = tmp_path / "home" / "Documents" / "report.xlsx"
    assert actions.export(*last_full_month(today), target) is not None
    qtbot.waitUntil(lambda: bool(offered))
    assert offered == [target] and target.is_file()

    (tmp_path / "blocked").write_text("a file where a folder should be")
    assert actions.export(*last_full_month(today), tmp_path / "blocked" / "report.xlsx") is not None
    qtbot.waitUntil(lambda: bool(warned))
    assert "a file stands where a folder of that path should be" in warned[0]
    assert "Excel" not in warned[0]
