"""The main window on a database with data: every tab present with rows, menus, settings, Changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_main_window
from gui_shop import ORDERS, SKUS, new_database
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text
from sqlalchemy.orm import sessionmaker

from sellerdesk.domain.changes import Changes
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tabs.home import HomeTab
from sellerdesk.ui.tabs.list_tab import ListTab
from sellerdesk.ui.tabs.reviews import ReviewsTab
from sellerdesk.ui.tabs.tasks import TasksTab

LIST_TABS = {"products": SKUS, "orders": ORDERS, "tickets": 30}


def list_tab(window: MainWindow, key: str) -> ListTab:
    tab = window.page(key)
    assert isinstance(tab, ListTab)
    return tab


def test_every_tab_is_present_and_shows_its_rows(main_window: MainWindow, qtbot: QtBot) -> None:
    nav = main_window._nav
    assert [nav.item(i).text() for i in range(nav.count())] == [
        "Home", "Products", "Orders", "Service tickets", "Team tasks", "Performance reviews"
    ]  # fmt: skip
    assert list(main_window.pages) == ["home"]  # the others are built when first shown
    for key, rows in LIST_TABS.items():
        main_window.show_page(key)
        tab = list_tab(main_window, key)
        qtbot.waitUntil(lambda tab=tab, rows=rows: tab.model.rowCount() == rows)  # type: ignore[misc]
        first = tab.model.index(0, 0)
        assert tab.model.data(first), key
        assert tab.view.isVisible()
    main_window.show_page("tasks")  # the board, not a plain list
    tasks = main_window.page("tasks")
    assert isinstance(tasks, TasksTab) and tasks.board_data is not None
    with main_window.runner.session_factory() as session:  # type: ignore[union-attr]
        stored = session.execute(text("SELECT count(*) FROM tasks")).scalar_one()
    assert sum(len(lane.cards) for lane in tasks.board_data.lanes) == stored >= 20  # all to do
    assert tasks.board.isVisible()
    main_window.show_page("reviews")  # the month's reviews, not a paged list
    reviews = main_window.page("reviews")
    assert isinstance(reviews, ReviewsTab)
    qtbot.waitUntil(lambda: not reviews.stale)
    assert reviews.view.isVisible() or reviews._empty.isVisible()
    assert list(main_window.pages) == ["home", *LIST_TABS, "tasks", "reviews"]


def test_home_shows_this_months_figures(main_window: MainWindow) -> None:
    main_window.show_page("home")
    home = main_window.page("home")
    assert isinstance(home, HomeTab)
    dashboard = home.dashboard
    assert dashboard is not None and dashboard.has_data and dashboard.figures is not None
    assert dashboard.figures.month_to_date.current.figures.paid_orders > 0
    assert home.cards["gmv_cents"].value.text().startswith("¥")
    assert home.platforms.rowCount() >= 1
    assert dashboard.queues is not None and dashboard.queues.unshipped == 50  # every fifth of the 250 orders


def test_home_welcomes_an_empty_database(qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    engine = new_database(tmp_path / "empty.sqlite", filled=False)
    window = open_main_window(qtbot, engine, Runner(sessionmaker(engine), synchronous=True), settings)
    home = window.page("home")
    assert isinstance(home, HomeTab)
    assert home.dashboard is not None and not home.dashboard.has_data
    assert home._stack.currentIndex() == 1
    engine.dispose()


def test_status_bar_names_the_database(main_window: MainWindow, shop_engine: Engine) -> None:
    assert str(Path(shop_engine.url.database or "")) in main_window.database_label.text()


def test_header_click_sorts_in_sql_and_unsortable_columns_stay_put(main_window: MainWindow, qtbot: QtBot) -> None:
    main_window.show_page("orders")
    tab = list_tab(main_window, "orders")
    header = tab.view.horizontalHeader()
    paid_at = [tab.model.column(i).key for i in range(tab.model.columnCount())].index("paid_at")
    assert tab.model.sort_state() == (paid_at, Qt.SortOrder.DescendingOrder)
    newest = tab.model.row_at(0)

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, paid_at))
    assert tab.model.sort_state() == (paid_at, Qt.SortOrder.AscendingOrder)
    assert tab.model.row_at(0) != newest
    assert tab.model.row_at(ORDERS - 1) == newest  # the last page is fetched on demand

    unsortable = [tab.model.column(i).key for i in range(tab.model.columnCount())].index(
        "ship_by"
    )  # worked out per shop: not sortable
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, unsortable))
    assert tab.model.sort_state() == (paid_at, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == paid_at


def _section_centre(header, section: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_search_box_filters_in_sql(main_window: MainWindow, qtbot: QtBot) -> None:
    main_window.show_page("orders")
    tab = list_tab(main_window, "orders")
    qtbot.keyClicks(tab.search_box, "P000042")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.row_at(0).platform_order_id == "P000042"
    tab.search_box.setText("no such order")
    qtbot.waitUntil(lambda: tab._stack.currentWidget() is tab._empty)
    assert "no such order" in tab._empty.text()
    tab.search_box.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == ORDERS)


def test_changes_reload_the_visible_tab_and_mark_hidden_ones_stale(main_window: MainWindow, qtbot: QtBot) -> None:
    main_window.show_page("orders")
    orders = list_tab(main_window, "orders")
    products = list_tab(main_window, "products")
    with qtbot.waitSignal(orders.model.reloaded):
        main_window.runner.changed.emit(Changes(orders=True, stock=True))
    assert not orders.stale
    assert products.stale  # hidden: reloads when shown
    main_window.show_page("products")
    assert not products.stale


def test_window_remembers_geometry_and_last_tab(
    qtbot: QtBot, shop_engine: Engine, runner: Runner, settings: Settings
) -> None:
    def open_window() -> MainWindow:
        return open_main_window(qtbot, shop_engine, runner, settings)

    first = open_window()
    first.resize(700, 600)  # the offscreen screen is 800 × 800; Qt keeps the minimum width
    first.show_page("tasks")
    first.close()
    second = open_window()
    assert second.current_page_key() == "tasks"
    assert second.size() == first.size()


def test_backup_writes_a_copy_through_the_runner(
    main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "backup.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    main_window._backup_action.trigger()
    assert target.stat().st_size > 0
    assert str(target) in shown[0]
    assert str(target) in main_window.statusBar().currentMessage()


def test_the_window_paints_before_the_database_is_attached(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings=settings, language="en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_page_key() == "home" and not window.attached
    assert window.database_label.text() == "Opening the database…"
    assert not window._backup_action.isEnabled()


def test_import_and_export_are_not_in_the_menu_until_they_exist(main_window: MainWindow) -> None:
    texts = [a.text().replace("&", "") for a in main_window.file_menu.actions()]
    assert not any(t.startswith(("Import", "Export")) for t in texts)
    assert "Back up database…" in texts


def test_a_read_only_database_says_so_in_the_status_bar(
    qtbot: QtBot, shop_engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sellerdesk.db import location
    from sellerdesk.db.engine import make_engine

    path = Path(shop_engine.url.database or "")
    monkeypatch.setattr(location, "_mount_table", lambda: [("/", "ext4"), (str(path.parent), "nfs4")])
    engine = make_engine(f"sqlite:///{path}", read_only=True)
    window = open_main_window(qtbot, engine, Runner(sessionmaker(engine), synchronous=True), settings)
    note = window.storage_note.text()
    assert window.storage_note.isVisible()
    assert "Read-only: changes cannot be saved." in note
    assert "network share (nfs4)" in note and "PostgreSQL" in note
    engine.dispose()


def test_a_writable_local_database_has_no_storage_note(main_window: MainWindow) -> None:
    assert not main_window.storage_note.isVisible()
