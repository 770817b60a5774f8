"""The Service tickets tab and the ticket window: queues and filters, claim/assign/merge, status changes,
replies and history, the after-sale fields with restock, canned-reply filling, conflicts, new tickets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from gui_shop import new_database
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.db.engine import make_session_factory
from sellerdesk.models import Order, OrderItem, StockMovement, Ticket
from sellerdesk.services import tickets as svc
from sellerdesk.services.tickets.queue import TicketFilter
from sellerdesk.ui.dialogs.ticket_dialog import TicketDialog
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tabs.tickets import TicketsTab, time_left

NOW = datetime.now(UTC)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Engine, sessionmaker[Session], dict[str, int]]]:
    """A writable shop with tickets in every state the queue tells apart."""
    engine = new_database(tmp_path / "desk.sqlite")
    factory = make_session_factory(engine)
    with factory.begin() as s:
        s.execute(update(Ticket).values(status="closed"))  # the shop's 30 old tickets: done
        order = s.get(Order, 1)
        assert order is not None
        s.execute(update(Order).where(Order.id == 1).values(shipped_at=NOW - timedelta(days=1), status="shipped"))
        s.add(OrderItem(order_id=1, sub_order_id="x", seller_code="LJ-0001", title="纯棉四件套", qty=2, sku_id=1))
        ids = {
            "late": svc.create_ticket(s, svc.TicketDraft("发错颜色", "quality"), NOW - timedelta(days=5)).id,
            "fresh": svc.create_ticket(s, svc.TicketDraft("问尺码", "pre_sale"), NOW).id,
            "refund": svc.create_ticket(s, svc.TicketDraft("退货退款", "return_refund", order_id=1), NOW).id,
        }
        svc.assign_tickets(s, [ids["late"]], 2)
        svc.save_canned(s, svc.CannedEdit("退款", "return_refund", "{buyer}您好，订单{order_id}退款{refund_amount}"))
    yield engine, factory, ids
    engine.dispose()


@pytest.fixture
def desk_runner(desk: tuple[Engine, sessionmaker[Session], dict[str, int]]) -> Iterator[Runner]:
    runner = Runner(desk[1], synchronous=True)
    yield runner
    runner.shutdown()


@pytest.fixture
def tab(qtbot: QtBot, desk: tuple[Engine, sessionmaker[Session], dict[str, int]], desk_runner: Runner) -> TicketsTab:
    tab = TicketsTab(desk[1], desk_runner)
    desk_runner.changed.connect(tab.on_changes)  # as the main window wires every page
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _ids(tab: TicketsTab) -> set[int]:
    return {tab.model.row_at(n).id for n in range(tab.model.rowCount())}  # type: ignore[union-attr]


def _select(tab: TicketsTab, *ticket_ids: int) -> None:
    tab.view.clearSelection()
    for n in range(tab.model.rowCount()):
        row = tab.model.row_at(n)
        if row is not None and row.id in ticket_ids:
            tab.view.selectRow(n) if len(ticket_ids) == 1 else tab.view.selectionModel().select(
                tab.model.index(n, 0),
                tab.view.selectionModel().SelectionFlag.Select | tab.view.selectionModel().SelectionFlag.Rows,
            )


def test_queue_model_passes_the_qt_model_tester(tab: TicketsTab, qtmodeltester: ModelTester) -> None:
    assert tab.model.rowCount() == 3  # the open ones
    qtmodeltester.check(tab.model, force_py=True)


def test_views_and_filters(tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]]) -> None:
    ids = desk[2]
    tab.view_filter.setCurrentIndex(tab.view_filter.findData("overdue"))
    assert _ids(tab) == {ids["late"]}
    late = tab.model.row_at(0)
    assert late is not None and "overdue" in time_left(late, NOW + timedelta(seconds=1))
    assert tab.model.data(tab.model.index(0, 5), 9) is not None  # ForegroundRole: red
    tab.view_filter.setCurrentIndex(tab.view_filter.findData("unassigned"))
    assert _ids(tab) == {ids["fresh"], ids["refund"]}
    tab.clear_filters()
    tab.category_filter.setCurrentIndex(tab.category_filter.findData("pre_sale"))
    assert _ids(tab) == {ids["fresh"]}
    tab.clear_filters()
    tab.status_filter.setCurrentIndex(tab.status_filter.findData(""))
    assert tab.model.rowCount() == 33
    tab.clear_filters()
    tab.set_agent(2)
    tab.view_filter.setCurrentIndex(tab.view_filter.findData("mine"))
    assert _ids(tab) == {ids["late"]}


def test_home_overdue_queue_opens_exactly_its_list(
    qtbot: QtBot, desk: tuple[Engine, sessionmaker[Session], dict[str, int]], desk_runner: Runner, settings: Settings
) -> None:
    from conftest import open_main_window

    window = open_main_window(qtbot, desk[0], desk_runner, settings)
    window.open_queue("overdue_tickets")
    tab = window.page("tickets")
    assert isinstance(tab, TicketsTab)
    with desk[1]() as s:
        expected = svc.count_queue(s, TicketFilter(view="overdue"), datetime.now(UTC))
    assert tab.model.rowCount() == expected == 1
    assert tab.current_filter.view == "overdue"


def test_claim_assign_and_merge(
    tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    factory, ids = desk[1], desk[2]
    assert not tab.claim_button.isEnabled()  # nobody chosen under "Working as"
    tab.set_agent(1)
    _select(tab, ids["fresh"])
    assert tab.claim_button.isEnabled()
    tab.claim_button.click()
    with factory() as s:
        assert s.get(Ticket, ids["fresh"]).assignee_id == 1  # type: ignore[union-attr]
    _select(tab, ids["fresh"], ids["refund"])
    tab.assign_selected(3)
    with factory() as s:
        assert {s.get(Ticket, i).assignee_id for i in (ids["fresh"], ids["refund"])} == {3}  # type: ignore[union-attr]
    _select(tab, ids["fresh"], ids["refund"])
    assert tab.merge_button.isEnabled()
    monkeypatch.setattr(tab, "confirm_merge", lambda keep, count: True)
    assert tab.merge_selected()
    with factory() as s:
        assert s.get(Ticket, ids["refund"]).merged_into_id == ids["fresh"]  # type: ignore[union-attr]
    assert ids["refund"] not in _ids(tab)


def test_ticket_window_reply_status_and_history(
    tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]]
) -> None:
    ids = desk[2]
    tab.set_agent(1)
    dialog = tab.open_ticket(ids["fresh"])
    assert isinstance(dialog, TicketDialog)
    assert dialog.status_buttons["resolved"].isEnabled() and not dialog.reopen_button.isVisible()
    dialog.reply_edit.setPlainText("M码适合160-165")
    dialog.reply_button.click()
    assert dialog.reply_edit.toPlainText() == ""
    assert dialog.detail.first_response_at is not None and dialog.detail.status == "open"
    assert "M码适合160-165" in dialog.history.item(dialog.history.count() - 1).text()
    dialog.status_buttons["pending"].click()
    assert dialog.detail.status == "pending" and dialog.detail.clock_left_s is not None
    assert dialog.status_buttons["open"].isVisible()
    dialog.status_buttons["resolved"].click()
    assert dialog.detail.status == "resolved" and dialog.reopen_button.isVisible()
    dialog.reopen_button.click()
    assert dialog.detail.status == "open" and dialog.detail.reopen_count == 1
    dialog.claim_button.click()
    assert dialog.detail.assignee_id == 1


def test_after_sale_fields_refund_and_restock(
    tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    factory, ids = desk[1], desk[2]
    shown: list[str] = []
    monkeypatch.setattr("sellerdesk.ui.errors.show_error", lambda _p, exc, *a, **k: shown.append(str(exc.code)))
    dialog = tab.open_ticket(ids["refund"])
    assert dialog is not None and dialog.after_sale_box.isVisibleTo(dialog)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("pre_sale"))
    assert not dialog.after_sale_box.isVisibleTo(dialog)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("return_refund"))
    dialog.aftersale_combo.setCurrentIndex(dialog.aftersale_combo.findData("return_refund"))
    assert dialog.refund_edit.isEnabled() and not dialog.receive_button.isEnabled()  # not saved yet
    dialog.refund_edit.setText("99999")
    dialog.save_button.click()
    assert shown == ["refund_above_paid"]
    dialog.aftersale_combo.setCurrentIndex(dialog.aftersale_combo.findData("return_refund"))
    dialog.refund_edit.setText("5.01")
    dialog.return_tracking_edit.setText("YT123")
    dialog.save_button.click()
    assert (dialog.detail.refund_cents, dialog.detail.return_tracking) == (501, "YT123")
    assert dialog.receive_button.isEnabled() and not dialog.resend_button.isEnabled()
    dialog.return_qty.setValue(2)
    dialog.receive_button.click()
    assert dialog.detail.return_received_at is not None and not dialog.receive_button.isEnabled()
    with factory() as s:
        moves = s.scalars(select(StockMovement).where(StockMovement.ref == f"ticket-{ids['refund']}")).all()
        assert [(m.kind, m.on_hand_delta) for m in moves] == [("return", 2)]
    history = "\n".join(dialog.history.item(n).text() for n in range(dialog.history.count()))
    assert "¥5.01" in history and "YT123" in history and "2 × LJ-0001" in history


@pytest.mark.parametrize("role", ["service", "marketing"])
def test_customer_service_receives_a_return_a_role_without_the_right_cannot(
    tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]], desk_runner: Runner, role: str
) -> None:
    from sellerdesk.domain.enums import Role
    from sellerdesk.domain.permissions import Actor

    ids = desk[2]
    desk_runner.actor = Actor(staff_id=None, role=Role(role))
    dialog = tab.open_ticket(ids["refund"])
    assert dialog is not None
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("return_refund"))
    dialog.aftersale_combo.setCurrentIndex(dialog.aftersale_combo.findData("return_refund"))
    dialog.save_button.click()
    assert dialog.detail.aftersale_type == "return_refund"
    assert dialog.receive_button.isEnabled() == (role == "service")
    if role == "service":
        dialog.receive_button.click()
        assert dialog.detail.return_received_at is not None


def test_a_follow_up_parcel_takes_its_units_out_of_stock_once(
    tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]]
) -> None:
    factory, ids = desk[1], desk[2]
    dialog = tab.open_ticket(ids["refund"])
    assert dialog is not None
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("resend_exchange"))
    dialog.aftersale_combo.setCurrentIndex(dialog.aftersale_combo.findData("resend"))
    assert not dialog.resend_line_combo.isEnabled()  # not saved yet
    dialog.save_button.click()
    assert dialog.resend_line_combo.isEnabled() and dialog.resend_line_combo.currentData() is not None
    dialog.resend_carrier_edit.setText("中通")
    dialog.resend_tracking_edit.setText("ZT1")
    dialog.resend_button.click()
    assert "LJ-0001" in dialog.resend_state.text() and not dialog.resend_line_combo.isEnabled()
    dialog.resend_tracking_edit.setText("ZT2")  # a corrected tracking number moves no stock
    dialog.resend_button.click()
    assert dialog.detail.resend_tracking == "ZT2"
    with factory() as s:
        moves = s.scalars(select(StockMovement).where(StockMovement.ref == f"ticket-{ids['refund']}")).all()
        assert [(m.kind, m.on_hand_delta) for m in moves] == [("sale_out", -1)]
    history = "\n".join(dialog.history.item(n).text() for n in range(dialog.history.count()))
    assert "1 × LJ-0001" in history and "ZT2" in history


def test_canned_reply_filled_and_copied(
    tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]]
) -> None:
    dialog = tab.open_ticket(desk[2]["refund"])
    assert dialog is not None
    dialog.canned_combo.setCurrentIndex(dialog.canned_combo.findText("退款"))
    text = dialog.fill_canned()
    assert text == "买家1您好，订单P000001退款" and dialog.reply_edit.toPlainText() == text
    assert QGuiApplication.clipboard().text() == text


def test_stale_save_is_refused_and_reloaded(
    tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    factory, ids = desk[1], desk[2]
    shown: list[str] = []
    monkeypatch.setattr("sellerdesk.ui.errors.show_error", lambda _p, exc, *a, **k: shown.append(str(exc.code)))
    dialog = tab.open_ticket(ids["fresh"])
    assert dialog is not None
    with factory.begin() as s:  # someone else, meanwhile
        svc.assign_tickets(s, [ids["fresh"]], 2)
    dialog.subject_edit.setText("我的改动")
    dialog.save_button.click()
    assert shown == ["ticket_changed"]
    assert dialog.subject_edit.text() == "问尺码" and dialog.detail.assignee_id == 2  # what is there now


def test_new_ticket_and_canned_editor(
    qtbot: QtBot, tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]]
) -> None:
    dialog = tab.new_ticket()
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.subject_edit.setText("电话咨询发票")
    dialog.shop_combo.setCurrentIndex(1)
    ok.click()
    with desk[1]() as s:
        made = s.scalars(select(Ticket).where(Ticket.subject == "电话咨询发票")).one()
        assert made.shop_id is not None and made.first_response_due is not None
    assert made.id in tab._dialogs  # opened for work at once
    editor = tab.edit_canned()
    assert editor is not None and editor.list.count() == 1
    editor.new()
    editor.title_edit.setText("催件")
    editor.body_edit.setPlainText("{carrier} {tracking_no}")
    editor.save()
    assert editor.list.count() == 2
    editor.delete()
    assert editor.list.count() == 1


def test_sla_dialog_edits_policies_hours_and_holidays(
    tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]]
) -> None:
    from PySide6.QtCore import QDate, QTime

    from sellerdesk.services.tickets import policies

    factory = desk[1]
    dialog = tab.edit_sla()
    assert dialog is not None and dialog.policy_table.rowCount() == len(policies.PRESETS)
    row = next(n for n, p in enumerate(dialog._policies) if (p.platform, p.category, p.priority) == ("", "", ""))
    dialog.policy_table.setCurrentCell(row, 0)
    dialog.first_minutes.setValue(30)
    dialog.save_policy_button.click()
    with factory() as s:
        assert policies.find_target(s, "", "other", "normal").first_response_s == 1800
    dialog.priority_combo.setCurrentIndex(dialog.priority_combo.findData("low"))
    dialog.resolution_hours.setValue(72)
    dialog.add_policy_button.click()
    assert dialog.policy_table.rowCount() == len(policies.PRESETS) + 1
    dialog.start_edit.setTime(QTime(8, 0))
    dialog.end_edit.setTime(QTime(22, 0))
    dialog.save_hours_button.click()
    with factory() as s:
        hours = policies.service_hours(s)
        assert (hours.start.hour, hours.end and hours.end.hour) == (8, 22)
    dialog.year_spin.setValue(2031)
    assert "2031" in dialog.year_state.text()
    dialog.day_edit.setDate(QDate(2031, 10, 1))
    dialog.note_edit.setText("国庆")
    dialog.add_override()
    dialog.save_overrides_button.click()
    with factory() as s:
        assert [(o.day.isoformat(), o.working) for o in policies.list_overrides(s, 2031)] == [("2031-10-01", False)]
        assert not policies.load_calendar(s).is_working_day(datetime(2031, 10, 1).date())


def test_export_writes_every_ticket_with_its_figures(
    tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    factory, ids = desk[1], desk[2]
    with factory.begin() as s:
        svc.create_ticket(s, svc.TicketDraft("=HYPERLINK(1)", "other"), NOW)  # a buyer's text, never a formula
        svc.record_reply(s, ids["late"], "已补发", now=NOW)
        detail = svc.ticket_detail(s, ids["late"])
        svc.set_status(s, ids["late"], "resolved", expected_version=detail.version, now=NOW)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData(""))
    job = tab.export_view(str(tmp_path / "tickets"))
    assert job is not None
    book = load_workbook(tmp_path / "tickets.xlsx", read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) == 1 + 34  # header + every ticket of the view
    by_id = {r[0]: r for r in rows[1:]}
    late = by_id[ids["late"]]
    assert late[15] == "yes" and late[18] == "yes" and late[11] == "小雷"  # both late; handled by the assignee
    assert any(r[6] == "=HYPERLINK(1)" for r in rows[1:])
    book.close()


def test_ticket_window_opens_its_order_and_works_from_there(
    tab: TicketsTab, desk: tuple[Engine, sessionmaker[Session], dict[str, int]]
) -> None:
    factory, ids = desk[1], desk[2]
    dialog = tab.open_ticket(ids["refund"])
    assert dialog is not None and dialog.order_button.isEnabled()
    order = dialog.open_order()
    assert order is not None and order.order_id == 1
    assert [t.id for t in order.detail.tickets] == [ids["refund"]]  # the order lists its tickets
    again = dialog._open_ticket(ids["refund"])
    assert again is dialog  # the ticket already open: raised, not opened twice
    ask = dialog.new_ticket_for_order(order, 1)
    ask.subject_edit.setText("补发配件")  # type: ignore[attr-defined]
    ask.accept()
    with factory() as s:
        made = s.scalars(select(Ticket).where(Ticket.subject == "补发配件")).one()
        assert made.order_id == 1 and made.first_response_due is not None
    assert len(order.detail.tickets) == 2  # the order's detail read again


def test_mine_without_a_name_says_what_to_do(tab: TicketsTab) -> None:
    tab.view_filter.setCurrentIndex(tab.view_filter.findData("mine"))
    assert tab.model.rowCount() == 0
    assert "Working as" in tab._empty.text()
    tab._tick()  # the once-a-minute repaint of the time left
