"""The Orders tab: model checks, filters, search, sort, id-list paging, detail, shipping, tickets, export, queues."""

from __future__ import annotations

import csv
import shutil
import subprocess
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import open_main_window
from gui_shop import ORDERS, new_database
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook
from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.db.engine import make_session_factory
from sellerdesk.domain.errors import Cancelled
from sellerdesk.domain.permissions import OWNER
from sellerdesk.models import Order, OrderItem, Ticket
from sellerdesk.services.orders import OrderFilter, OrderSort
from sellerdesk.ui.dialogs import export_view
from sellerdesk.ui.dialogs.order_detail import OrderDetailDialog, TicketForOrderDialog
from sellerdesk.ui.dialogs.shipping_dialog import ShippingDialog
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.runner import JobControl, Runner
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tablemodels.paged import ROW_ROLE
from sellerdesk.ui.tabs import list_tab
from sellerdesk.ui.tabs.orders import OrdersTab, copy_order_ids, seller_url
from sellerdesk.ui.tabs.products import ProductsTab

LINKED, UNLINKED = "P000001", "P000002"  # the two orders with item lines


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A database of its own (these tests write): the GUI shop plus item lines on two orders."""
    engine = new_database(tmp_path / "shop.sqlite")
    with make_session_factory(engine).begin() as session:
        wanted = select(Order.platform_order_id, Order.id).where(Order.platform_order_id.in_([LINKED, UNLINKED]))
        ids = {pid: oid for pid, oid in session.execute(wanted)}
        line = {"qty": 1, "unit_price_cents": 1000, "paid_cents": 1000, "title": "纯棉四件套", "spec": "雾霾蓝"}
        session.execute(
            insert(OrderItem),
            [
                {**line, "order_id": ids[LINKED], "sku_id": 1, "seller_code": "LJ-0001", "sub_order_id": "1"},
                {**line, "order_id": ids[UNLINKED], "sku_id": None, "seller_code": "NOPE-1", "sub_order_id": "2"},
            ],
        )
    yield engine
    engine.dispose()


@pytest.fixture
def writable(engine: Engine) -> Iterator[tuple[sessionmaker[Session], Runner]]:
    factory = make_session_factory(engine)
    runner = Runner(factory, synchronous=True)
    yield factory, runner
    runner.shutdown()


def _tab(qtbot: QtBot, factory: sessionmaker[Session], runner: Runner | None = None) -> OrdersTab:
    tab = OrdersTab(factory, runner)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    if runner is not None:  # the id list is asked for a moment after the first paint
        qtbot.waitUntil(lambda: tab.orders_model.has_ids)
    return tab


def _ids(tab: OrdersTab) -> list[str]:
    return [r.platform_order_id for r in (tab.model.row_at(i) for i in range(tab.model.rowCount())) if r]


def _column(tab: OrdersTab, key: str) -> int:
    return next(i for i in range(tab.model.columnCount()) if tab.model.column(i).key == key)


def test_model_passes_the_qt_model_tester_with_and_without_the_id_list(
    qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner], qtmodeltester: ModelTester
) -> None:
    factory, runner = writable
    tab = _tab(qtbot, factory, runner)
    assert tab.orders_model.has_ids  # read on the (here synchronous) runner once the first page is painted
    qtmodeltester.check(tab.model, force_py=True)
    plain = _tab(qtbot, factory)  # no runner: pages by position only
    assert not plain.orders_model.has_ids
    assert _ids(plain) == _ids(tab)
    qtmodeltester.check(plain.model, force_py=True)
    late = tab.model.index(next(i for i in range(ORDERS) if tab.model.row_at(i).late), 0)  # type: ignore[union-attr]
    assert tab.model.data(late, Qt.ItemDataRole.ForegroundRole) is not None  # late rows are drawn red


def test_filters_narrow_the_list_and_count(qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner]) -> None:
    factory, runner = writable
    tab = _tab(qtbot, factory, runner)
    assert tab.model.rowCount() == ORDERS
    assert not tab.clear_filters_button.isEnabled()
    tab.platform_filter.setCurrentIndex(tab.platform_filter.findData("jd"))
    assert tab.model.rowCount() == ORDERS // 2
    assert all(r.platform == "jd" for r in (tab.model.row_at(i) for i in range(10)) if r)
    assert tab.shop_filter.count() == 2  # "All shops" and the one JD shop
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("paid"))
    assert tab.model.rowCount() == 25  # every 5th order is paid, half of them on JD
    tab.late_only.setChecked(True)  # paid n*5 hours ago; late after 48 h: n >= 10
    assert 0 < tab.model.rowCount() < 25
    assert all(r.late for r in (tab.model.row_at(i) for i in range(tab.model.rowCount())) if r)
    assert "late to ship" in tab.late_label.text()
    assert tab.clear_filters_button.isEnabled()
    tab.clear_filters_button.click()
    assert tab.model.rowCount() == ORDERS and not tab.late_only.isChecked()
    assert not tab.date_from.isEnabled()  # "Any date"
    tab.date_field.setCurrentIndex(tab.date_field.findData("paid"))  # 5 h apart; 30 days back to today: ~31 days
    assert tab.date_from.isEnabled()
    assert 140 <= tab.model.rowCount() <= 150
    tab.date_field.setCurrentIndex(tab.date_field.findData("shipped"))  # nothing was shipped
    assert tab.model.rowCount() == 0 and "No orders match" in tab._empty.text()
    tab.date_field.setCurrentIndex(0)
    tab.refund_filter.setCurrentIndex(tab.refund_filter.findData("none"))
    assert tab.model.rowCount() == ORDERS
    tab.refund_filter.setCurrentIndex(0)
    tab.unlinked_only.setChecked(True)
    assert _ids(tab) == [UNLINKED]
    warning = tab.model.data(tab.model.index(0, _column(tab, "platform_order_id")), Qt.ItemDataRole.ToolTipRole)
    assert "matches no SKU" in warning


def test_search_as_you_type_after_a_pause(qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner]) -> None:
    factory, runner = writable
    tab = _tab(qtbot, factory, runner)
    qtbot.keyClicks(tab.search_box, "P000123")
    assert tab.model.rowCount() == ORDERS  # not yet: the search waits for a pause in typing
    with qtbot.waitSignal(tab.model.reloaded, timeout=list_tab.SEARCH_DELAY_MS * 5):
        pass
    assert _ids(tab) == ["P000123"]
    tab.search_box.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == ORDERS, timeout=list_tab.SEARCH_DELAY_MS * 5)


def test_header_click_sorts_in_sql(qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner]) -> None:
    factory, runner = writable
    tab = _tab(qtbot, factory, runner)
    paid = _column(tab, "paid_cents")
    tab.view.horizontalHeader().sortIndicatorChanged.emit(paid, Qt.SortOrder.AscendingOrder)
    # Amounts sort newest-first (largest first) on the first click.
    first = tab.model.data(tab.model.index(0, paid), ROW_ROLE)
    assert first.paid_cents == 1000 + ORDERS
    last = tab.model.row_at(ORDERS - 1)
    assert last is not None and last.paid_cents == 1001
    assert tab.view.horizontalHeader().sortIndicatorSection() == paid
    ship_by = _column(tab, "ship_by")  # not sortable: the arrow stays where the rows are sorted
    tab.view.horizontalHeader().sortIndicatorChanged.emit(ship_by, Qt.SortOrder.AscendingOrder)
    assert tab.view.horizontalHeader().sortIndicatorSection() == paid
    for column in range(tab.model.columnCount()):
        tab.model.sort(column, Qt.SortOrder.AscendingOrder)
        qtbot.waitUntil(lambda: tab.orders_model.has_ids)
        assert len(set(_ids(tab))) == ORDERS


def test_unindexed_sort_pages_the_middle_only_by_id(
    qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner]
) -> None:
    """No OFFSET into the middle after a sort without an index: those rows wait for the id list."""
    factory, _runner = writable
    tab = _tab(qtbot, factory)  # no runner: the id list never comes by itself
    model = tab.orders_model
    model.sort(_column(tab, "buyer_nick"), Qt.SortOrder.AscendingOrder)
    assert model.row_at(0) is not None and model.row_at(ORDERS - 1) is not None  # both ends: LIMIT only
    assert model.row_at(120) is None  # the middle: blank for now
    with factory() as session:
        from sellerdesk.services import orders as svc

        ids = svc.order_ids(session, model.order_filter, model.order_sort, model.now)
    with qtbot.waitSignal(model.dataChanged):
        model.set_ids(model.generation, ids)
    row = model.row_at(120)
    assert row is not None and row.id == ids[120]
    model.set_ids(model.generation - 1, array("q"))  # an older query's list is ignored
    assert model.row_at(120) is not None


def test_detail_dialog_shows_the_order_and_opens_a_ticket(
    qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner]
) -> None:
    factory, runner = writable
    tab = _tab(qtbot, factory, runner)
    tab.search_box.setText(LINKED)
    tab._apply_search()
    dialog = tab.open_detail(0)
    assert isinstance(dialog, OrderDetailDialog) and dialog.isVisible() and not dialog.isModal()
    row = tab.model.row_at(0)
    assert row is not None and row.platform_order_id in dialog.windowTitle()
    assert dialog.tabs.count() == 5 and dialog.tabs.tabText(0).endswith("(1)")
    items = dialog.tabs.widget(0)
    assert items.item(0, 0).text() == "LJ-0001" and items.item(0, 1).text() == "Open SKU"  # type: ignore[attr-defined]
    editor = dialog.open_sku(0)  # the SKU link opens the product editor
    assert editor is not None and editor.isVisible()
    editor.close()
    timeline = dialog.tabs.widget(1)
    assert [timeline.item(r, 1).text() for r in range(2)] == ["Order placed", "Buyer paid"]  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.open_ticket_requested) as blocker:
        dialog.ticket_button.click()
    assert blocker.args == [row.id]
    ask = next(w for w in dialog.findChildren(TicketForOrderDialog) if w.isVisible())
    ok = ask.buttons.buttons()[0]
    assert not ok.isEnabled()  # a subject first
    ask.subject_edit.setText("催发货")
    with qtbot.waitSignal(ask.finished):
        ask.buttons.accepted.emit()
    with factory() as s:
        ticket = s.scalars(select(Ticket).where(Ticket.order_id == row.id)).one()
        assert (ticket.subject, ticket.category) == ("催发货", "logistics")
    assert dialog.tabs.tabText(3).endswith("(1)")  # the open detail shows the new ticket
    assert dialog.tabs.widget(3).item(0, 1).text() == "催发货"  # type: ignore[attr-defined]


def test_detail_of_an_unlinked_item_and_the_buyers_other_orders(
    qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner]
) -> None:
    factory, runner = writable
    tab = _tab(qtbot, factory, runner)
    with factory() as s:
        order_id = s.scalar(select(Order.id).where(Order.platform_order_id == UNLINKED))
        other = s.scalar(select(Order.id).where(Order.platform_order_id == "P000004"))
        s.execute(Order.__table__.update().where(Order.id == other).values(buyer_nick="买家2"))
        s.commit()
    assert order_id is not None
    dialog = tab.open_order(order_id)
    items = dialog.tabs.widget(0)
    assert items.item(0, 1).text() == "Not linked"  # type: ignore[attr-defined]
    assert dialog.open_sku(0) is None
    buyers = dialog.tabs.widget(2)
    assert buyers.rowCount() == 1  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.order_requested) as blocker:
        buyers.cellActivated.emit(0, 0)  # type: ignore[attr-defined]
    assert blocker.args == [other]
    assert tab._detail is not None and tab._detail.order_id == other


def test_shipping_pasted_lines_marks_orders_shipped_and_writes_files(
    qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner], tmp_path: Path
) -> None:
    factory, runner = writable
    tab = _tab(qtbot, factory, runner)
    runner.changed.connect(tab.on_changes)  # as the main window does
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("paid"))
    tab.view.selectRow(0)
    preset = tab.open_shipping()
    assert isinstance(preset, ShippingDialog)
    assert preset.editor.toPlainText().startswith(tab.model.row_at(0).platform_order_id)  # type: ignore[union-attr]
    preset.close()
    dialog = ShippingDialog(runner, factory, parent=tab)
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("P000005\t圆通\tYT1234567890\nP000010, 顺丰, SF9876543210\nP000001\t中通\tZT12345678\n")
    dialog.check()
    assert [line.problem for line in dialog.lines] == ["", "", "not_shippable"]
    assert dialog.ship_button.isEnabled()
    assert "2 orders ready" in dialog.summary.text() and "1 line with problems" in dialog.summary.text()
    dialog.mark_shipped()
    with factory() as s:
        rows = s.execute(select(Order.platform_order_id, Order.status, Order.carrier, Order.tracking_no).where(
            Order.platform_order_id.in_(["P000005", "P000010"])).order_by(Order.platform_order_id)).all()  # fmt: skip
    assert [tuple(r) for r in rows] == [
        ("P000005", "shipped", "圆通速递", "YT1234567890"),
        ("P000010", "shipped", "顺丰速运", "SF9876543210"),
    ]
    assert "2 orders marked shipped" in dialog.summary.text()
    assert not dialog.ship_button.isEnabled() and dialog.file_button.isEnabled()
    dialog.write_files(str(tmp_path))
    assert sorted(p.name for p in dialog.written) == ["批量发货_jd_1.xlsx", "批量发货_taobao_1.xlsx"]
    cells = {
        str(cell)
        for path in dialog.written
        for row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        for cell in row
    }
    assert {"YT1234567890", "SF9876543210"} <= cells  # the numbers entered here, not older ones
    assert "SF00000001" not in cells  # P000001 was not shipped here: not in the files
    assert tab.model.rowCount() == 48  # the window passed the job's Changes on: two fewer paid orders


def test_shipping_reads_tracking_numbers_from_a_sheet(
    qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner], tmp_path: Path
) -> None:
    factory, runner = writable
    sheet = tmp_path / "tracking.csv"
    sheet.write_text("物流公司,订单编号,运单号\n圆通,P000015,YT5550001111\n", encoding="utf-8-sig")
    dialog = ShippingDialog(runner, factory)
    qtbot.addWidget(dialog)
    dialog.load_sheet(sheet)
    assert [(line.platform_order_id, line.carrier, line.problem) for line in dialog.lines] == [
        ("P000015", "圆通速递", "")
    ]


def test_context_menu_helpers(qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner]) -> None:
    factory, runner = writable
    tab = _tab(qtbot, factory, runner)
    row, second = tab.model.row_at(0), tab.model.row_at(1)
    assert row is not None and second is not None
    assert row.platform_order_id in seller_url(row)
    copy_order_ids([row, second])
    assert QGuiApplication.clipboard().text() == f"{row.platform_order_id}\n{second.platform_order_id}"
    tab._on_context_menu(tab.view.visualRect(tab.model.index(0, 0)).center())
    texts = [a.text() for a in tab._menu.actions() if a.text()]
    assert texts == [
        "Open order…", "Open a service ticket…", "Copy order ID", "Open in the seller back end", "Ship selected orders…"
    ]  # fmt: skip
    tab._menu.close()


def test_exported_view_reads_back_with_the_same_rows(
    qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner], tmp_path: Path
) -> None:
    factory, runner = writable
    tab = _tab(qtbot, factory, runner)
    tab.platform_filter.setCurrentIndex(tab.platform_filter.findData("taobao"))
    tab.model.sort(_column(tab, "paid_cents"), Qt.SortOrder.DescendingOrder)
    target = tmp_path / "view.xlsx"
    job = tab.export_view(str(target))
    assert job is not None and job.result == ORDERS // 2
    shown = [(r.platform_order_id, r.paid_cents) for r in (tab.model.row_at(i) for i in range(ORDERS // 2)) if r]
    sheet = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert sheet[0][:3] == ["Platform", "Shop", "Order ID"]
    assert [(r[2], round(float(r[8]) * 100)) for r in sheet[1:]] == shown  # same rows, same order, ids as text
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed: the second reader is skipped")
    subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path / "lo"), str(target)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    with (tmp_path / "lo" / "view.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert [(r[2], round(float(r[8]) * 100)) for r in rows[1:]] == shown


def test_an_export_shows_full_phones_only_to_roles_that_ship(
    writable: tuple[sessionmaker[Session], Runner], tmp_path: Path
) -> None:
    from sqlalchemy import update

    from sellerdesk.domain.enums import Role
    from sellerdesk.domain.permissions import Actor

    factory, _runner = writable
    with factory.begin() as session:
        session.execute(update(Order).values(receiver_phone="13812345678"))
    by_role = {}
    for actor in (OWNER, Actor(staff_id=None, role=Role.SERVICE)):
        target = tmp_path / f"{actor.role}.xlsx"
        with factory() as session:
            export_view.export_job(target, OrderFilter(), OrderSort(), actor)(session, JobControl(lambda d, t: None))
        sheet = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
        column = sheet[0].index("Receiver phone")
        by_role[actor.role] = {str(r[column]) for r in sheet[1:]}
    assert by_role == {Role.OWNER: {"13812345678"}, Role.SERVICE: {"*******5678"}}


def test_a_cancelled_export_leaves_no_file(writable: tuple[sessionmaker[Session], Runner], tmp_path: Path) -> None:
    factory, _runner = writable
    target = tmp_path / "cancelled.xlsx"
    control = JobControl(lambda done, total: control.cancel())  # the user cancels at the first progress
    job = export_view.export_job(target, OrderFilter(), OrderSort(), OWNER)
    with factory() as session, pytest.raises(Cancelled):
        job(session, control)
    assert not target.exists() and not list(tmp_path.glob("*.part"))


def test_dashboard_queues_open_the_filtered_pages(
    qtbot: QtBot, engine: Engine, writable: tuple[sessionmaker[Session], Runner], settings: Settings
) -> None:
    _factory, runner = writable
    window = open_main_window(qtbot, engine, runner, settings)
    window.open_queue("late_to_ship")
    orders = window.page("orders")
    assert isinstance(orders, OrdersTab) and window.current_page_key() == "orders"
    assert orders.late_only.isChecked() and 0 < orders.model.rowCount() < 50
    oldest = orders.model.row_at(0)
    assert oldest is not None and oldest.late and orders.model.sort_state()[1] == Qt.SortOrder.AscendingOrder
    orders.search_box.setText("P0001")
    window.open_queue("unshipped")
    assert not orders.late_only.isChecked() and orders.search_box.text() == ""
    assert orders.status_filter.currentData() == "paid" and orders.model.rowCount() == 50
    window.open_queue("low_stock")
    products = window.page("products")
    assert isinstance(products, ProductsTab) and window.current_page_key() == "products"
    assert products.level_filter.currentData() == "critical"
    assert all(products.model.row_at(r).level == "critical" for r in range(products.model.rowCount()))
    window.open_queue("overdue_tickets")
    assert window.current_page_key() == "tickets"
    window.open_queue("tasks_due_today")
    assert window.current_page_key() == "tasks"
    with pytest.raises(ValueError):
        window.open_queue("nonsense")
    window.page("home").queue_requested.emit("late_to_ship")  # type: ignore[union-attr]  # the home page's links
    assert window.current_page_key() == "orders" and orders.late_only.isChecked()


def test_order_errors_read_as_sentences() -> None:
    from sellerdesk.domain.errors import ConflictError, ValidationError
    from sellerdesk.ui import messages

    later = ConflictError("x", code="batch_touched_later", id=3, later=[4, 7])
    assert "later imports (4, 7)" in messages.describe(later)
    shipped = ValidationError("x", code="not_shippable", order="P000001")
    assert messages.describe(shipped).startswith("Order P000001 is not waiting to be shipped")
    for code in ("order_not_found", "nothing_to_ship", "ticket_subject_missing", "mapping_incomplete"):
        assert code in messages.TEXTS


def test_files_dropped_on_the_orders_tab_reach_the_window(
    qtbot: QtBot, engine: Engine, writable: tuple[sessionmaker[Session], Runner], settings: Settings
) -> None:
    """Qt hands a drop to the innermost widget under the cursor that accepts drops; it must be the window."""
    _factory, runner = writable
    window = open_main_window(qtbot, engine, runner, settings)
    window.setAcceptDrops(True)  # as the import actions do
    window.show_page("orders")
    tab = window.page("orders")
    assert isinstance(tab, OrdersTab)
    for widget in (tab.view.viewport(), tab.search_box, tab.platform_filter, tab.date_from, tab.late_label):
        centre = widget.mapTo(window, widget.rect().center())
        assert _drop_target(window, centre) is window, widget.objectName()


def _drop_target(window: MainWindow, pos: QPoint) -> QWidget:
    widget = window.childAt(pos) or window
    while not widget.isWindow() and not widget.acceptDrops():
        widget = widget.parentWidget()
    return widget


def test_shipping_deadlines_dialog_changes_what_is_late(
    qtbot: QtBot, writable: tuple[sessionmaker[Session], Runner]
) -> None:
    from sellerdesk.domain.changes import Changes
    from sellerdesk.services.orders import ship_deadlines

    factory, runner = writable
    tab = _tab(qtbot, factory, runner)
    tab.late_only.setChecked(True)
    late_before = tab.model.rowCount()
    dialog = tab.edit_ship_deadlines()
    assert dialog is not None and dialog.isVisible()
    assert dialog.boxes["jd"].value() == 48  # nothing stored yet: the default
    dialog.boxes["jd"].setValue(1)
    with qtbot.waitSignal(runner.changed):
        dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with factory() as session:
        assert ship_deadlines(session).hours["jd"] == 1
    tab.on_changes(Changes(orders=True))  # what the main window does with the runner's broadcast
    assert tab.model.rowCount() > late_before
