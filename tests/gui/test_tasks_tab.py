"""The Team tasks tab: board drag and drop (order and column kept after a reload), editing in the task editor,
recurring tasks and promotions from the editor, Home's task queues, the models under the Qt model tester."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from conftest import open_main_window
from gui_shop import new_database
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.db.engine import make_session_factory
from sellerdesk.models import Product, Sku, StaffUser, Task, TaskSeries
from sellerdesk.services import promotions, tasks
from sellerdesk.services.tasks import TaskDraft, TaskFilter
from sellerdesk.ui.dialogs.task_editor import ID_ROLE, TaskEditorDialog
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tabs.tasks import TasksTab
from sellerdesk.ui.widgets.task_board import CARD_ROLE


@pytest.fixture
def board_engine(tmp_path: Path) -> Iterator[Engine]:
    """An empty shop with three tasks to do, a person and a product (each test writes its own)."""
    engine = new_database(tmp_path / "tasks.sqlite", filled=False)
    with make_session_factory(engine).begin() as session:
        session.add(StaffUser(login="ann", name="Ann", role="product"))
        product = Product(title="Silk pillowcase")
        session.add_all([product, Sku(product=product, seller_code="PC-01")])
        session.flush()
        for title in ("A", "B", "C"):
            tasks.create_task(session, TaskDraft(title))
    yield engine
    engine.dispose()


@pytest.fixture
def board_runner(board_engine: Engine) -> Iterator[Runner]:
    runner = Runner(make_session_factory(board_engine), synchronous=True)
    yield runner
    runner.shutdown()


def _tab(qtbot: QtBot, runner: Runner) -> TasksTab:
    tab = TasksTab(runner)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.board_data is not None)
    return tab


def _titles(tab: TasksTab, column: str) -> list[str]:
    model = tab.board.lane(column)
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def _drag(tab: TasksTab, source: str, title: str, target: str, row: int) -> None:
    """What the views do on a drop: the source lane's MIME data dropped into the target lane at ``row``."""
    src = tab.board.lane(source)
    index = next(src.index(r, 0) for r in range(src.rowCount()) if src.data(src.index(r, 0)) == title)
    data = src.mimeData([index])
    dst = tab.board.lane(target)
    assert dst.canDropMimeData(data, Qt.DropAction.MoveAction, row, 0, QModelIndex())
    assert dst.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, QModelIndex())


def test_drag_and_drop_keeps_order_and_column_after_a_reload(qtbot: QtBot, board_runner: Runner) -> None:
    tab = _tab(qtbot, board_runner)
    assert _titles(tab, "todo") == ["A", "B", "C"]
    _drag(tab, "todo", "C", "todo", 0)  # within a column: C to the top
    assert _titles(tab, "todo") == ["C", "A", "B"]
    _drag(tab, "todo", "A", "doing", -1)  # to another column, onto empty space
    _drag(tab, "todo", "B", "doing", 0)  # above A
    assert (_titles(tab, "todo"), _titles(tab, "doing")) == (["C"], ["B", "A"])
    _drag(tab, "doing", "B", "doing", 2)  # to the end of its own column
    _drag(tab, "doing", "A", "done", -1)
    # A fresh tab reads it all back from the database: the order and the columns were stored.
    again = _tab(qtbot, board_runner)
    assert (_titles(again, "todo"), _titles(again, "doing"), _titles(again, "done")) == (["C"], ["B"], ["A"])
    with board_runner.session_factory() as session:
        status = dict(session.execute(select(Task.title, Task.status)).all())
    assert status == {"A": "done", "B": "doing", "C": "todo"}


def test_a_drop_onto_a_card_puts_the_dragged_one_above_it(qtbot: QtBot, board_runner: Runner) -> None:
    tab = _tab(qtbot, board_runner)
    src = tab.board.lane("todo")
    data = src.mimeData([src.index(2, 0)])  # C
    assert src.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, src.index(0, 0))  # onto A
    assert _titles(tab, "todo") == ["C", "A", "B"]


def test_a_stale_card_is_not_moved_and_the_board_shows_what_is_stored(
    qtbot: QtBot, board_runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _tab(qtbot, board_runner)
    shown: list[BaseException] = []
    monkeypatch.setattr("sellerdesk.ui.errors.show_error", lambda _parent, exc: shown.append(exc))
    with board_runner.session_factory.begin() as session:  # someone else edits A meanwhile
        a = session.scalars(select(Task).where(Task.title == "A")).one()
        a.description = "changed elsewhere"
    _drag(tab, "todo", "A", "doing", -1)
    assert [e.code for e in shown] == ["conflict"]  # type: ignore[attr-defined]
    assert _titles(tab, "todo") == ["A", "B", "C"] and _titles(tab, "doing") == []


def test_editing_a_task_in_the_editor(qtbot: QtBot, board_runner: Runner) -> None:
    tab = _tab(qtbot, board_runner)
    index = tab.board.lane("todo").index(1, 0)
    dialog = tab.open_task(index.data(CARD_ROLE).id)
    assert isinstance(dialog, TaskEditorDialog)
    dialog.title_edit.setText("B, checked")
    dialog.assignee.setCurrentIndex(dialog.assignee.findText("Ann"))
    dialog.priority.setCurrentIndex(dialog.priority.findData("urgent"))
    dialog.has_due.setChecked(True)
    dialog.due_date.setDate(dialog.due_date.date().fromString("2026-12-24", "yyyy-MM-dd"))
    dialog.has_time.setChecked(True)
    dialog.due_time.setTime(dialog.due_time.time().fromString("09:30", "HH:mm"))
    dialog.new_item.setText("Count the shelf")
    dialog.add_checklist_item()
    dialog.link_search.setText("PC-01")
    dialog.find_links()
    dialog._add_link(dialog.link_matches.item(0))
    dialog._attachment_item("/data/price list.xlsx")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with board_runner.session_factory() as session:
        task_id = session.scalar(select(Task.id).where(Task.title == "B, checked"))
        assert task_id is not None
        detail = tasks.get_task(session, task_id)
    assert (detail.priority, detail.due_date, detail.due_time) == ("urgent", date(2026, 12, 24), time(9, 30))
    assert [c.text for c in detail.checklist] == ["Count the shelf"]
    assert [(link.kind, link.label) for link in detail.links] == [("product", "Silk pillowcase")]
    assert [a.path for a in detail.attachments] == ["/data/price list.xlsx"]
    assert "B, checked" in _titles(tab, "todo")  # the board reloaded

    again = tab.open_task(task_id)
    assert again.checklist.count() == 1 and again.links.count() == 1
    again.comment_edit.setText("Done by Friday")
    again.add_comment()
    assert again.comments.count() == 1 and "Done by Friday" in again.comments.item(0).text()
    again.mark_done()
    assert "B, checked" in _titles(tab, "done")


def test_assign_and_complete_from_the_card_menu(qtbot: QtBot, board_runner: Runner) -> None:
    tab = _tab(qtbot, board_runner)
    card = tab.board.lane("todo").cards[0]
    with board_runner.session_factory() as session:
        ann = session.scalar(select(StaffUser.id))
    tab.assign(card, ann)
    card = tab.board.lane("todo").cards[0]
    assert (card.title, card.assignee) == ("A", "Ann")
    tab.complete(card)
    assert _titles(tab, "done") == ["A"] and _titles(tab, "todo") == ["B", "C"]


def test_an_empty_title_is_refused_with_a_sentence(
    qtbot: QtBot, board_runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _tab(qtbot, board_runner)
    shown: list[BaseException] = []
    monkeypatch.setattr("sellerdesk.ui.errors.show_error", lambda _parent, exc: shown.append(exc))
    dialog = tab.open_task(None)
    dialog.save()
    assert [e.code for e in shown] == ["task_title_required"]  # type: ignore[attr-defined]
    assert dialog.isVisible()


def test_recurring_task_and_series_edit_from_the_editor(
    qtbot: QtBot, board_runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _tab(qtbot, board_runner)
    dialog = tab.open_task(None, "recurring")
    dialog.title_edit.setText("Daily stock check")
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("daily"))
    dialog.save()
    session_factory: sessionmaker[Session] = board_runner.session_factory
    with session_factory() as session:
        occurrences = session.scalars(select(Task).where(Task.title == "Daily stock check")).all()
        assert len(occurrences) == 2  # today's and tomorrow's
        first = min(occurrences, key=lambda t: t.occurrence_on or date.min)
    edit = tab.open_task(first.id)
    assert edit.mode == "recurring" and edit.stop_button.isVisible()
    monkeypatch.setattr(edit, "ask_scope", lambda: "series")
    edit.title_edit.setText("Daily stock check, main store")
    edit.save()
    with session_factory() as session:
        titles = set(session.scalars(select(Task.title).where(Task.series_id.is_not(None))))
        assert titles == {"Daily stock check, main store"}
        assert session.scalar(select(TaskSeries.title)) == "Daily stock check, main store"


def test_a_promotion_from_the_editor(qtbot: QtBot, board_runner: Runner) -> None:
    tab = _tab(qtbot, board_runner)
    dialog = tab.open_task(None, "promotion")
    dialog.title_edit.setText("Double 12 coupon")
    dialog.promo_kind.setCurrentIndex(dialog.promo_kind.findData("coupon"))
    dialog.sku_search.setText("PC")
    dialog.find_skus()
    dialog._add_sku(dialog.sku_matches.item(0))
    assert dialog.promo_skus.item(0).data(ID_ROLE) is not None
    dialog.save()
    with board_runner.session_factory() as session:
        task_id = session.scalar(select(Task.id).where(Task.kind == "promotion"))
        assert task_id is not None
        promo = promotions.get_promotion(session, task_id)
    assert promo is not None and promo.kind == "coupon" and [s.seller_code for s in promo.skus] == ["PC-01"]
    reopened = tab.open_task(task_id)
    assert reopened.mode == "promotion" and reopened.promo_skus.count() == 1
    assert reopened.effect_label.text() == "Shown once the promotion has ended."


def test_a_promotions_times_are_in_the_shops_zone(qtbot: QtBot, board_runner: Runner) -> None:
    from datetime import UTC, datetime

    from PySide6.QtCore import QDate, QDateTime, QTime

    from sellerdesk.models import Shop

    with board_runner.session_factory.begin() as session:  # a shop on London time, the only zone there is
        if not session.scalars(select(Shop)).first():
            session.add(Shop(platform="taobao", name="London shop"))
        for shop in session.scalars(select(Shop)):
            shop.timezone = "Europe/London"
    tab = _tab(qtbot, board_runner)
    dialog = tab.open_task(None, "promotion")
    assert dialog.zone == "Europe/London"
    dialog.title_edit.setText("Boxing day")
    dialog.promo_start.setDateTime(QDateTime(QDate(2026, 12, 26), QTime(0, 0)))
    dialog.promo_end.setDateTime(QDateTime(QDate(2026, 12, 27), QTime(12, 0)))
    dialog.sku_search.setText("PC")
    dialog.find_skus()
    dialog._add_sku(dialog.sku_matches.item(0))
    dialog.save()
    with board_runner.session_factory() as session:
        task_id = session.scalar(select(Task.id).where(Task.kind == "promotion"))
        assert task_id is not None
        promo = promotions.get_promotion(session, task_id)
    assert promo is not None  # London is UTC in December; China time would have been 8 hours ahead
    assert (promo.starts_at, promo.ends_at) == (
        datetime(2026, 12, 26, tzinfo=UTC),
        datetime(2026, 12, 27, 12, tzinfo=UTC),
    )
    reopened = tab.open_task(task_id)
    assert reopened.promo_start.dateTime() == QDateTime(QDate(2026, 12, 26), QTime(0, 0))


def test_filters_and_my_tasks(qtbot: QtBot, board_runner: Runner) -> None:
    tab = _tab(qtbot, board_runner)
    with board_runner.session_factory.begin() as session:
        ann = session.scalar(select(StaffUser.id))
        tasks.create_task(session, TaskDraft("Ann's, late", assignee_id=ann, due_date=date(2020, 1, 1)))
    tab.set_filter(TaskFilter(assignee_id=ann))
    assert _titles(tab, "todo") == ["Ann's, late"]
    tab.show_view("mine")
    assert tab.mine_models["overdue"].rowCount() == 1 and tab.mine_models["today"].rowCount() == 0
    tab.set_filter(TaskFilter(due="overdue"))
    tab.show_view("list")
    qtbot.waitUntil(lambda: tab.list_model.rowCount() == 1)


def test_home_task_queues_open_exactly_their_list(
    qtbot: QtBot, shop_engine: Engine, runner: Runner, settings: Settings
) -> None:
    window = open_main_window(qtbot, shop_engine, runner, settings)
    with runner.session_factory() as session:
        overdue, due_today = tasks.count_overdue(session), tasks.count_due_today(session)
    for key, count in (("tasks_overdue", overdue), ("tasks_due_today", due_today)):
        window.open_queue(key)
        tab = window.page("tasks")
        assert isinstance(tab, TasksTab) and window.current_page_key() == "tasks"
        assert tab.current_view == "list" and tab.task_filter().due == {"tasks_overdue": "overdue"}.get(key, "today")
        qtbot.waitUntil(lambda count=count, tab=tab: tab.list_model.total == count)  # type: ignore[misc]
    assert overdue > 0


def test_task_models_pass_the_qt_model_tester(qtbot: QtBot, board_runner: Runner, qtmodeltester: ModelTester) -> None:
    tab = _tab(qtbot, board_runner)
    qtmodeltester.check(tab.board.lane("todo"), force_py=True)
    tab.show_view("list")
    qtbot.waitUntil(lambda: tab.list_model.rowCount() == 3)
    qtmodeltester.check(tab.list_model, force_py=True)
