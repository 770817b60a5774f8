"""Look and feel: light and dark from one stylesheet, status colours from one table, tinted icons, keyboard
shortcuts from one table (menus, tooltips, Help → Keyboard shortcuts), remembered columns per table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import open_main_window
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QColor, QImage, QKeySequence, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QMenu, QTableView, QTableWidget, QTextBrowser
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from sellerdesk.app import DesktopApp, start
from sellerdesk.ui import settings as keys
from sellerdesk.ui import shortcuts, theme
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.resources import guide_path, icon
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tabs.list_tab import ListTab
from sellerdesk.ui.widgets.columns import ColumnMemory

UI = Path(__file__).resolve().parents[2] / "sellerdesk" / "ui"


@pytest.fixture(autouse=True)
def light_again() -> Iterator[None]:
    yield
    theme.apply("light")


# ---------------------------------------------------------------- themes and colours


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        channels = [(v / 255) for v in (c.red(), c.green(), c.blue())]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("variant", [theme.LIGHT, theme.DARK])
def test_both_variants_fill_every_colour_of_the_one_stylesheet(variant: str) -> None:
    sheet = theme.stylesheet(variant)
    assert not re.findall(r"@[\w-]+", sheet), "a colour the palette does not define"
    assert set(theme.PALETTES[variant]) == set(theme.PALETTES[theme.LIGHT])
    assert theme.PALETTES[variant]["surface"] in sheet


@pytest.mark.parametrize("variant", [theme.LIGHT, theme.DARK])
def test_status_colours_are_readable_on_both_backgrounds(variant: str) -> None:
    surface = theme.colour("surface", variant)
    for name in theme.STATUS:
        if name == "error-soft":  # a background, under the error colour
            assert _contrast(theme.status_colour("error", variant), theme.status_colour(name, variant)) >= 4.5
            continue
        floor = 3.0 if name == "faint" else 4.5
        assert _contrast(theme.status_colour(name, variant), surface) >= floor, name
    assert _contrast(theme.colour("text", variant), surface) >= 7


def test_no_colour_is_written_outside_the_theme() -> None:
    """Every colour in sellerdesk/ui comes from theme.py (the charts' platform colours are the platforms')."""
    allowed = {UI / "theme.py", UI / "charts" / "base.py"}
    pattern = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|GlobalColor\.(?!transparent)")
    found = [
        f"{path.relative_to(UI)}:{n}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path not in allowed
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert not found, "use theme.status_colour / theme.colour:\n" + "\n".join(found)


def test_system_choice_follows_the_desktop() -> None:
    assert theme.resolve("system", "dark") == theme.DARK
    assert theme.resolve("system", "light") == theme.LIGHT
    assert theme.resolve("dark", "light") == theme.DARK
    assert theme.resolve("nonsense", "dark") == theme.DARK  # a hand-edited setting: the desktop's


def test_dark_puts_its_palette_and_stylesheet_on_the_app_and_tints_icons(qapp: QApplication) -> None:
    light_pixel = icon("orders").pixmap(24, 24).toImage().pixelColor(12, 4)
    theme.apply("dark")
    assert theme.current() == theme.DARK
    assert qapp.palette().color(QPalette.ColorRole.Window) == theme.colour("window", theme.DARK)
    assert theme.PALETTES[theme.DARK]["window"] in qapp.styleSheet()
    dark_icon = icon("orders").pixmap(24, 24).toImage()
    stroke = [
        dark_icon.pixelColor(x, y) for x in range(24) for y in range(24) if dark_icon.pixelColor(x, y).alpha() > 200
    ]
    assert stroke and stroke[0].lightness() > 150  # light strokes on the dark background
    assert light_pixel.alpha() == 0 or light_pixel.lightness() < 150


def test_view_appearance_is_remembered_and_rebuilds_the_window(
    qtbot: QtBot, tmp_path: Path, settings: Settings, desktops: list[DesktopApp]
) -> None:
    desktop = start(db=str(tmp_path / "shop.sqlite"), demo=False, lang="en", settings=settings, synchronous=True)
    desktops.append(desktop)
    qtbot.waitUntil(lambda: desktop.opened)
    first = desktop.window
    assert first is not None
    first.show_page("orders")
    dark = next(a for a in first._appearance_menu.actions() if a.data() == "dark")
    dark.trigger()
    assert settings.get(keys.APPEARANCE) == "dark" and theme.current() == theme.DARK
    window = desktop.window
    assert window is not None and window is not first and window.current_page_key() == "orders"
    assert next(a for a in window._appearance_menu.actions() if a.isChecked()).data() == "dark"
    desktop.follow_system_scheme()  # the desktop changes: a fixed choice stays
    assert theme.current() == theme.DARK
    next(a for a in window._appearance_menu.actions() if a.data() == "light").trigger()
    assert settings.get(keys.APPEARANCE) == "light" and theme.current() == theme.LIGHT


# ---------------------------------------------------------------- shortcuts


def test_shortcut_table_has_one_key_per_action() -> None:
    names = [s.name for s in shortcuts.SHORTCUTS]
    assert len(names) == len(set(names))
    sequences = [shortcuts.sequence(n).toString() for n in names]
    assert all(sequences) and len(sequences) == len(set(sequences))


def _menu_actions(menu: QMenu) -> Iterator:
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_actions(action.menu())
        else:
            yield action


def test_every_menu_key_comes_from_the_table_and_shows(main_window: MainWindow) -> None:
    table = {shortcuts.sequence(s.name).toString() for s in shortcuts.SHORTCUTS}
    bound = []
    for top in main_window.menuBar().actions():
        for action in _menu_actions(top.menu()):
            if not action.shortcut().isEmpty():
                assert action.shortcut().toString() in table, action.text()
                bound.append(action.shortcut().toString())
    for name in ("open_database", "find", "refresh", "new", "export", "ship", "guide", "shortcuts", "page_3"):
        assert shortcuts.sequence(name).toString() in bound, name
    assert shortcuts.sequence("find") == QKeySequence(QKeySequence.StandardKey.Find)


def test_page_actions_reach_the_page_shown(main_window: MainWindow, qtbot: QtBot) -> None:
    main_window.show_page("orders")
    orders = main_window.page("orders")
    assert isinstance(orders, ListTab)
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    main_window.page_actions["find"].trigger()
    qtbot.waitUntil(orders.search_box.hasFocus)
    assert "Ctrl+F" in orders.search_box.toolTip()
    assert "Ctrl+E" in orders.export_button.toolTip() and "Ctrl+Shift+S" in orders.ship_button.toolTip()
    assert main_window.page_actions["ship"].isEnabled()
    main_window.show_page("home")
    assert not main_window.page_actions["ship"].isEnabled()  # Home has no ship button
    assert not main_window.page_action("ship")
    assert main_window.page_action("refresh")


def test_shortcut_list_is_the_table(main_window: MainWindow) -> None:
    dialog = main_window.show_shortcuts()
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    assert table is not None
    groups = len({s.group for s in shortcuts.SHORTCUTS})
    assert table.rowCount() == len(shortcuts.SHORTCUTS) + groups
    keys_shown = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert shortcuts.key_text("import") in keys_shown and "F5" in keys_shown
    dialog.close()


# ---------------------------------------------------------------- columns


def _orders_view(window: MainWindow) -> QTableView:
    window.show_page("orders")
    view = window.page("orders").findChild(QTableView, "dataTable")
    assert view is not None
    return view


def test_columns_are_remembered_per_table(qtbot: QtBot, shop_engine: Engine, runner: Runner, tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "columns.ini"), QSettings.Format.IniFormat))
    window = open_main_window(qtbot, shop_engine, runner, settings)
    view = _orders_view(window)
    memory = view.findChild(ColumnMemory)
    assert memory is not None and memory.name == "orders/dataTable"
    header = view.horizontalHeader()
    header.resizeSection(0, 222)
    header.moveSection(3, 1)
    memory.set_hidden(2, True)
    memory.save()
    moved = header.logicalIndex(1)
    window.close()

    again = open_main_window(qtbot, shop_engine, runner, settings)
    header = _orders_view(again).horizontalHeader()
    assert header.sectionSize(0) == 222
    assert header.isSectionHidden(2)
    assert header.logicalIndex(1) == moved
    products = again.page("products").findChild(QTableView, "dataTable")
    assert products is not None and not products.horizontalHeader().isSectionHidden(2)  # per table
    again.page("orders").reload()  # a reload (model reset) keeps them
    assert header.sectionSize(0) == 222 and header.isSectionHidden(2)


def test_column_menu_keeps_one_column_and_resets(
    qtbot: QtBot, shop_engine: Engine, runner: Runner, settings: Settings
) -> None:
    window = open_main_window(qtbot, shop_engine, runner, settings)
    view = _orders_view(window)
    memory = view.findChild(ColumnMemory)
    assert memory is not None
    header = view.horizontalHeader()
    menu = memory.menu()
    checks = [a for a in menu.actions() if a.isCheckable()]
    assert len(checks) == header.count() and all(a.isChecked() for a in checks)
    for action in checks:
        action.setChecked(False)
    assert [c for c in range(header.count()) if not header.isSectionHidden(c)] == [header.count() - 1]
    memory.reset()
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    assert settings.get(keys.table_columns("orders/dataTable")).isEmpty()


def test_a_saved_state_for_other_columns_is_ignored(
    qtbot: QtBot, shop_engine: Engine, runner: Runner, settings: Settings
) -> None:
    window = open_main_window(qtbot, shop_engine, runner, settings)
    memory = _orders_view(window).findChild(ColumnMemory)
    assert memory is not None
    memory.set_hidden(0, True)
    settings.set(keys.Setting("tables/orders/dataTable/columns", int, 0, ""), 3)  # an older version's table
    window.close()
    again = open_main_window(qtbot, shop_engine, runner, settings)
    assert not _orders_view(again).horizontalHeader().isSectionHidden(0)


# ---------------------------------------------------------------- help


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_user_guide_exists_per_language_with_its_screenshots(language: str) -> None:
    path = guide_path(language)
    assert path.is_file() and (language == "en") == (path.name == "user-guide.md")
    text = path.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert pictures and all(p.startswith(f"screenshots/{language}-light-") for p in pictures)
    assert all((path.parent / p).is_file() for p in pictures)
    for name in ("import", "find", "refresh", "new", "ship", "report", "guide", "shortcuts"):
        assert shortcuts.key_text(name) in text, name


def test_help_opens_the_guide_in_the_ui_language(
    qtbot: QtBot, shop_engine: Engine, runner: Runner, settings: Settings
) -> None:
    window = open_main_window(qtbot, shop_engine, runner, settings, language="zh_CN")
    dialog = window.show_user_guide()
    browser = dialog.findChild(QTextBrowser)
    assert browser is not None and "使用指南" in browser.toPlainText()
    picture = QUrl("screenshots/zh_CN-light-home.png")  # beside the guide, scaled to the reading width
    image = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, picture)
    assert isinstance(image, QImage) and image.width() == 760
    dialog.close()
