"""The first minute: the setup wizard, empty states that offer the next step, the demo's ready message, an
unknown margin, and Home at 1280×800 without a horizontal scroll bar."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_shop import new_database
from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select, text, update
from sqlalchemy.engine import make_url

from sellerdesk import app as app_module
from sellerdesk.app import DesktopApp, start
from sellerdesk.db.engine import make_session_factory
from sellerdesk.demo import generate_demo
from sellerdesk.domain.enums import Platform, Role
from sellerdesk.domain.figures import GoodsFigures
from sellerdesk.models import Order, Shop, Sku, StaffUser
from sellerdesk.services.first_run import setup_state
from sellerdesk.ui import settings as keys
from sellerdesk.ui.dialogs.import_dialog import ImportDialog
from sellerdesk.ui.dialogs.product_editor import ProductEditorDialog
from sellerdesk.ui.dialogs.shops_dialog import ShopsDialog
from sellerdesk.ui.dialogs.ticket_dialog import NewTicketDialog
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tabs.home import HomeTab
from sellerdesk.ui.tabs.list_tab import ListTab
from sellerdesk.ui.tabs.reviews import ReviewsTab
from sellerdesk.ui.wizard.first_run import SetupWizard

PG_URL = os.environ.get("SELLERDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def launch(
    qtbot: QtBot, desktops: list[DesktopApp], settings: Settings, db: Path | str, *, demo: bool = False
) -> DesktopApp:
    desktop = start(db=str(db), demo=demo, lang="en", settings=settings, synchronous=True)
    desktops.append(desktop)
    qtbot.waitUntil(lambda: desktop.opened or desktop.exit_code != 0)
    return desktop


def _wizard(desktop: DesktopApp) -> SetupWizard:
    assert isinstance(desktop.wizard, SetupWizard)
    return desktop.wizard


def _count(desktop: DesktopApp, model: type) -> int:
    assert desktop.runner is not None
    with desktop.runner.session_factory() as session:
        return len(session.scalars(select(model.id)).all())


def _fill_owner_and_shops(wizard: SetupWizard) -> None:
    wizard.next()  # language → database
    wizard.next()  # this PC → owner
    owner = wizard.owner_page
    owner.login.setText("boss")
    owner.name.setText("Wang Fang")
    owner.password.setText("a long secret 1")
    owner.repeat.setText("a long secret 2")
    wizard.next()
    assert wizard.currentPage() is owner and "differ" in owner.problem.text()
    owner.repeat.setText("a long secret 1")
    wizard.next()
    shops = wizard.shops_page
    assert wizard.currentPage() is shops
    shops.platform.setCurrentIndex(shops.platform.findData(Platform.TAOBAO.value))
    shops.name.setText("Mei's Tea House")
    shops.fee.setValue(5.5)
    assert shops.add_current()
    shops.platform.setCurrentIndex(shops.platform.findData(Platform.JD.value))
    shops.name.setText("Mei's Tea JD")
    assert shops.add_current()
    shops.name.setText("Mei's Tea JD")
    assert not shops.add_current() and "already" in shops.problem.text()
    wizard.next()
    assert wizard.currentPage() is wizard.start_page


def test_the_wizard_sets_up_a_new_shop_with_the_demo_and_is_not_shown_again(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "DEMO_ORDERS", 300)
    db = tmp_path / "new.sqlite"
    desktop = launch(qtbot, desktops, settings, db)
    wizard = _wizard(desktop)
    assert wizard.isVisible()
    _fill_owner_and_shops(wizard)
    wizard.start_page.choices["demo"].setChecked(True)
    wizard.accept()
    qtbot.waitUntil(lambda: desktop.wizard is None and not desktop.runner.busy)  # type: ignore[union-attr]
    qtbot.wait(20)

    assert desktop.actor.login == "boss" and desktop.actor.role == Role.OWNER
    assert desktop.runner is not None
    with desktop.runner.session_factory() as session:
        owner = session.scalars(select(StaffUser).where(StaffUser.login == "boss")).one()
        assert owner.role == Role.OWNER and owner.name == "Wang Fang"
        shops = {(s.platform, s.name): s.fee_rate_bp for s in session.scalars(select(Shop))}
        assert shops[(Platform.TAOBAO.value, "Mei's Tea House")] == 550
        assert (Platform.JD.value, "Mei's Tea JD") in shops
        assert len(session.scalars(select(Order.id)).all()) == 300  # the demo, as --demo makes it
        assert setup_state(session).dismissed
    assert desktop.window is not None
    home = desktop.window.page("home")
    assert isinstance(home, HomeTab) and home.dashboard is not None and home.dashboard.has_data
    desktop.offer_setup_wizard()  # what the next start does (it would ask the new owner to sign in first)
    assert desktop.wizard is None  # set up: the wizard does not come back by itself


def test_the_wizard_without_accounts_or_shops_writes_only_its_mark(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp]
) -> None:
    desktop = launch(qtbot, desktops, settings, tmp_path / "alone.sqlite")
    wizard = _wizard(desktop)
    wizard.next()
    wizard.next()
    wizard.owner_page.alone_choice.setChecked(True)
    wizard.next()
    wizard.next()
    wizard.accept()
    qtbot.waitUntil(lambda: desktop.wizard is None and not desktop.runner.busy)  # type: ignore[union-attr]
    qtbot.wait(20)
    assert _count(desktop, StaffUser) == 0 and _count(desktop, Shop) == 0
    assert desktop.actor.staff_id is None and desktop.actor.role == Role.OWNER
    assert desktop.runner is not None
    with desktop.runner.session_factory() as session:
        assert setup_state(session).dismissed


def test_skipping_the_wizard_keeps_it_away_until_asked_for(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp]
) -> None:
    db = tmp_path / "skip.sqlite"
    desktop = launch(qtbot, desktops, settings, db)
    _wizard(desktop).reject()
    assert desktop.wizard is None
    assert desktop.window is not None and "Setup wizard" in desktop.window.statusBar().currentMessage()
    assert _count(desktop, Shop) == 0
    desktop.offer_setup_wizard()  # what the next start does
    assert desktop.wizard is None
    desktop.window.setup_wizard_requested.emit()  # Settings → Setup wizard…
    assert isinstance(desktop.wizard, SetupWizard)
    desktop.wizard.blockSignals(True)
    desktop.wizard.close()


def test_no_wizard_on_a_database_with_data_or_with_demo(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    new_database(tmp_path / "filled.sqlite").dispose()
    assert launch(qtbot, desktops, settings, tmp_path / "filled.sqlite").wizard is None
    monkeypatch.setattr(app_module, "DEMO_ORDERS", 50)
    assert launch(qtbot, desktops, settings, tmp_path / "demo.sqlite", demo=True).wizard is None


def test_choosing_a_language_in_the_wizard_applies_it_at_once(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp]
) -> None:
    desktop = launch(qtbot, desktops, settings, tmp_path / "lang.sqlite")
    first = _wizard(desktop)
    first.language_page.choices["zh_CN"].setChecked(True)
    assert settings.get(keys.LANGUAGE) == "zh_CN" and desktop.language == "zh_CN"
    second = _wizard(desktop)
    assert second is not first and second.windowTitle() == "设置 SellerDesk"
    assert second.language_page.choices["zh_CN"].isChecked()
    assert desktop.window is not None and desktop.window.windowTitle() == "SellerDesk"
    assert desktop.window.menuBar().actions()[0].text() == "文件(&F)"


def test_the_connection_test_accepts_a_server_and_refuses_a_closed_port(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp], shown: list[str]
) -> None:
    desktop = launch(qtbot, desktops, settings, tmp_path / "pg.sqlite")
    page = _wizard(desktop).database_page
    page.url_edit.setText("postgresql+psycopg://postgres@127.0.0.1:1/postgres")
    page._on_edited()
    page.test_connection()
    assert "could not be opened" in page.result.text() and not page.isComplete()
    page.url_edit.setText(PG_URL)
    page._on_edited()
    assert not page.isComplete()  # untested
    page.test_connection()
    if "Connected" not in page.result.text():
        pytest.skip(f"PostgreSQL not reachable: {page.result.text()}")
    assert page.isComplete()
    page.url_edit.setText(PG_URL + "x")
    page._on_edited()
    assert not page.isComplete()  # another address needs its own test
    assert shown == []


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from sellerdesk.ui import errors

    seen: list[str] = []
    monkeypatch.setattr(errors, "present_message", lambda _parent, _title, text: seen.append(text))
    monkeypatch.setattr(errors, "present_crash", lambda _parent, _title, text, _details: seen.append(text))
    return seen


@pytest.fixture
def empty_server_database() -> Iterator[str]:
    """A new, empty database on the test server (dropped afterwards)."""
    try:
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    name = f"sellerdesk_wizard_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_the_wizard_moves_a_new_shop_to_a_shared_server(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp], empty_server_database: str
) -> None:
    desktop = launch(qtbot, desktops, settings, tmp_path / "local.sqlite")
    wizard = _wizard(desktop)
    wizard.next()
    page = wizard.database_page
    page.url_edit.setText(empty_server_database)
    page._on_edited()
    page.test_connection()
    assert page.isComplete(), page.result.text()
    wizard.next()
    wizard.owner_page.alone_choice.setChecked(True)
    wizard.next()
    wizard.shops_page.name.setText("Server Shop")
    assert wizard.shops_page.add_current()
    wizard.next()
    wizard.accept()
    qtbot.waitUntil(lambda: desktop.wizard is None and not desktop.runner.busy)  # type: ignore[union-attr]
    qtbot.wait(20)
    assert desktop.engine is not None and desktop.engine.url.get_backend_name() == "postgresql"
    assert settings.get(keys.DATABASE_URL).endswith(make_url(empty_server_database).database or "")
    with make_session_factory(desktop.engine)() as session:
        assert [s.name for s in session.scalars(select(Shop))] == ["Server Shop"]
        assert setup_state(session).dismissed
    # The server's database is dropped after the test: nothing of this window may look at it again.
    window = desktop.window
    assert window is not None
    window.reminders.deleteLater()  # its timer would check the tasks of a dropped database minutes later
    qtbot.wait(10)


# ---------------------------------------------------------------- empty states


def test_the_welcome_card_buttons_do_what_they_say(
    qtbot: QtBot,
    tmp_path: Path,
    settings: Settings,
    desktops: list[DesktopApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app_module, "DEMO_ORDERS", 200)
    chosen: list[bool] = []
    monkeypatch.setattr(ImportDialog, "choose_files", staticmethod(lambda _parent: chosen.append(True) or []))
    desktop = launch(qtbot, desktops, settings, tmp_path / "welcome.sqlite")
    _wizard(desktop).reject()
    window = desktop.window
    assert window is not None
    home = window.page("home")
    assert isinstance(home, HomeTab) and home._stack.currentIndex() == 1
    welcome = home.findChild(QLabel, "welcomeText")
    assert welcome is not None and "command line" not in welcome.text() and "--demo" not in welcome.text()

    home.welcome_buttons["import"].click()
    assert chosen == [True]
    home.welcome_buttons["shops"].click()
    assert window.findChild(ShopsDialog) is not None
    home.welcome_buttons["wizard"].click()
    assert isinstance(desktop.wizard, SetupWizard)
    desktop.wizard.reject()
    home.welcome_buttons["demo"].click()
    assert _count(desktop, Order) == 200
    assert home.dashboard is not None and home.dashboard.has_data


def test_each_tab_empty_state_offers_its_next_step(
    qtbot: QtBot,
    tmp_path: Path,
    settings: Settings,
    desktops: list[DesktopApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen: list[bool] = []
    monkeypatch.setattr(ImportDialog, "choose_files", staticmethod(lambda _parent: chosen.append(True) or []))
    desktop = launch(qtbot, desktops, settings, tmp_path / "empty.sqlite")
    _wizard(desktop).reject()
    window = desktop.window
    assert window is not None

    window.show_page("orders")
    orders = window.page("orders")
    assert isinstance(orders, ListTab)
    qtbot.waitUntil(lambda: orders._stack.currentWidget() is orders._empty)
    assert "import" in orders._empty.text().lower()
    [button] = orders._empty.buttons
    button.click()
    assert chosen == [True]

    window.show_page("products")
    products = window.page("products")
    assert isinstance(products, ListTab)
    qtbot.waitUntil(lambda: products._stack.currentWidget() is products._empty)
    assert [b.text() for b in products._empty.buttons] == ["New product…", "Import catalog…"]
    products._empty.buttons[0].click()
    assert products.findChild(ProductEditorDialog) is not None

    window.show_page("tickets")
    tickets = window.page("tickets")
    assert isinstance(tickets, ListTab)
    qtbot.waitUntil(lambda: tickets._stack.currentWidget() is tickets._empty)
    [new_ticket] = tickets._empty.buttons
    new_ticket.click()
    dialog = tickets.findChild(NewTicketDialog)
    assert dialog is not None
    dialog.close()

    window.show_page("tasks")
    tasks = window.page("tasks")
    qtbot.waitUntil(lambda: tasks.empty_state.isVisible())
    asked: list[object] = []
    monkeypatch.setattr(type(tasks), "open_task", lambda _self, task_id, kind=None: asked.append(task_id))
    [new_task] = tasks.empty_state.buttons
    new_task.click()
    assert asked == [None]

    window.show_page("reviews")
    reviews = window.page("reviews")
    # The reviews' next step is the tab's own "Create this month's reviews" button, which its note names.
    assert isinstance(reviews, ReviewsTab)
    qtbot.waitUntil(lambda: reviews._stack.currentWidget() is reviews._empty)
    assert "Create this month's reviews" in reviews._empty.text()
    assert reviews.create_button.isVisibleTo(reviews) and reviews.create_button.isEnabled()


def test_a_filtered_empty_list_offers_no_first_steps(qtbot: QtBot, main_window: object) -> None:
    from sellerdesk.ui.main_window import MainWindow

    assert isinstance(main_window, MainWindow)
    main_window.show_page("orders")
    orders = main_window.page("orders")
    assert isinstance(orders, ListTab)
    orders.search_box.setText("no such order anywhere")
    orders._apply_search()
    qtbot.waitUntil(lambda: orders._stack.currentWidget() is orders._empty)
    assert orders._empty.buttons == []


# ---------------------------------------------------------------- the demo's ready message


def test_the_demo_is_said_ready_only_once_home_shows_it(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the real worker thread: Home's figures are in before the status bar says the demo is ready."""
    monkeypatch.setattr(app_module, "DEMO_ORDERS", 300)
    desktop = start(db=str(tmp_path / "race.sqlite"), demo=True, lang="en", settings=settings)
    desktops.append(desktop)
    qtbot.waitUntil(lambda: desktop.opened, timeout=20_000)
    window = desktop.window
    assert window is not None
    seen: list[tuple[str, bool]] = []

    def on_message(text: str) -> None:
        home = window.pages.get("home")
        shows = isinstance(home, HomeTab) and home.dashboard is not None and home.dashboard.has_data
        seen.append((text, shows and home._stack.currentIndex() == 0))

    window.statusBar().messageChanged.connect(on_message)
    qtbot.waitUntil(lambda: any("demo shop is ready" in text for text, _ in seen), timeout=60_000)
    assert [shows for text, shows in seen if "demo shop is ready" in text] == [True]


# ---------------------------------------------------------------- margin without costs


def test_margin_without_any_cost_is_unknown() -> None:
    assert GoodsFigures(lines=3, uncosted_lines=3).margin_unknown
    assert not GoodsFigures(lines=3, uncosted_lines=2).margin_unknown
    assert not GoodsFigures().margin_unknown  # nothing sold: a margin of 0, not unknown


def test_home_and_products_say_unknown_when_no_cost_is_known(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp]
) -> None:
    engine = new_database(tmp_path / "nocost.sqlite", filled=False)
    with make_session_factory(engine).begin() as session:
        generate_demo(session, orders=300, seed=3)
        session.execute(update(Sku).values(cost_cents=0))
    engine.dispose()
    desktop = launch(qtbot, desktops, settings, tmp_path / "nocost.sqlite")
    assert desktop.window is not None
    home = desktop.window.page("home")
    assert isinstance(home, HomeTab)
    qtbot.waitUntil(lambda: home.dashboard is not None)
    card = home.cards["gross_margin_cents"]
    assert card.value.text() == "unknown" and "¥" not in card.side.text()
    assert "Enter costs in Products" in card.toolTip()
    desktop.window.show_page("products")
    products = desktop.window.page("products")
    assert isinstance(products, ListTab)
    column = next(i for i in range(products.model.columnCount()) if products.model.column(i).key == "margin")
    qtbot.waitUntil(lambda: products.model.rowCount() > 0)
    assert products.model.index(0, column).data() in ("unknown", "")


# ---------------------------------------------------------------- Home fits 1280×800


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1280, 800), (1360, 840)])
def test_home_needs_no_horizontal_scroll_bar(
    qtbot: QtBot,
    tmp_path_factory: pytest.TempPathFactory,
    settings: Settings,
    desktops: list[DesktopApp],
    language: str,
    size: tuple[int, int],
) -> None:
    path = tmp_path_factory.getbasetemp() / "home-fit.sqlite"
    if not path.exists():
        engine = new_database(path, filled=False)
        with make_session_factory(engine).begin() as session:
            generate_demo(session, orders=300, seed=4)
        engine.dispose()
    desktop = start(db=str(path), demo=False, lang=language, settings=settings, synchronous=True)
    desktops.append(desktop)
    qtbot.waitUntil(lambda: desktop.opened)
    window = desktop.window
    assert window is not None
    window.resize(*size)
    home = window.page("home")
    assert isinstance(home, HomeTab)
    qtbot.waitUntil(lambda: home.dashboard is not None and home.daily_chart is not None)
    qtbot.wait(50)
    scroll = home.findChild(QScrollArea, "homeScroll")
    assert scroll is not None
    bar = scroll.horizontalScrollBar()
    assert bar.maximum() == 0 and not bar.isVisible()
    assert home.card_grid.columns in (3, 6)
