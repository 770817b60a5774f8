"""Performance reviews on screen: the month's cycle end to end (the manager creates the month, types a manual
actual, comments and plans; the person self-reviews; the manager submits; the person acknowledges; the plan
items are the person's tasks), what each role is offered, the KPI templates editor and its 100 % rule, a
filled actual opening the orders behind it, Home's "Reviews waiting for me", and the trend chart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import open_main_window
from gui_shop import new_database
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from sellerdesk.db.engine import make_session_factory
from sellerdesk.domain.enums import Role
from sellerdesk.domain.permissions import OWNER, Actor
from sellerdesk.domain.reviews import ScoringRule
from sellerdesk.domain.timeutil import DEFAULT_TZ, shop_today
from sellerdesk.models import KpiTemplate, Review, StaffUser, Task
from sellerdesk.services import reviews as svc
from sellerdesk.services.reviews import TemplateLine
from sellerdesk.ui.dialogs.kpi_templates import KpiTemplatesDialog
from sellerdesk.ui.dialogs.review_editor import ReviewEditorDialog
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.tabs.reviews import WAITING, ReviewsTab

MONTH = shop_today(datetime.now(UTC), DEFAULT_TZ).strftime("%Y-%m")
SERVICE_LINES = (
    TemplateLine("Tickets handled", "tickets_handled", target=100, weight_bp=3000),
    TemplateLine("Tasks done", "tasks_done", target=10, weight_bp=2000),
    TemplateLine("Training hours", "", target=10, weight_bp=3000, unit="count"),  # typed by the manager
    TemplateLine("Attitude", "", weight_bp=2000, scoring=ScoringRule.MANUAL, unit="score"),
)
OPERATIONS_LINES = (TemplateLine("GMV", "gmv_cents", target=100_000, weight_bp=10000),)


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """Errors the screens would show (a modal box would wait forever here); any left at the end fail the test."""
    shown: list[BaseException] = []
    monkeypatch.setattr("sellerdesk.ui.errors.show_error", lambda _parent, exc: shown.append(exc))
    yield shown
    assert not shown, shown


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Engine, dict[str, Actor]]]:
    """The GUI shop (orders this month, three service staff) with a manager, an operations person, and the
    service and operations templates."""
    engine = new_database(tmp_path / "reviews.sqlite")
    with make_session_factory(engine).begin() as session:
        session.add_all(
            [StaffUser(login="mia", name="Mia", role="manager"), StaffUser(login="oli", name="Oli", role="operations")]
        )
        session.flush()
        svc.save_kpi_template(session, OWNER, "service", SERVICE_LINES, ())
        svc.save_kpi_template(session, OWNER, "operations", OPERATIONS_LINES, ())
        people = {s.login: s for s in session.scalars(select(StaffUser))}
        actors = {login: Actor(s.id, Role(s.role), s.name, s.login) for login, s in people.items()}
    yield engine, actors
    engine.dispose()


def _runner(engine: Engine, actor: Actor) -> Runner:
    runner = Runner(make_session_factory(engine), synchronous=True)
    runner.actor = actor
    return runner


def _tab(qtbot: QtBot, runner: Runner) -> ReviewsTab:
    tab = ReviewsTab(runner)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    tab.set_month(MONTH)
    tab.reload()
    return tab


def _line(dialog: ReviewEditorDialog, name: str) -> int:
    return next(line.id for line in dialog.detail.lines if line.name == name)


def _review_of(tab: ReviewsTab, name: str) -> int:
    return next(r.id for r in tab.rows if r.staff_name == name)


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question answered yes; warnings collected (and failing nothing by themselves)."""
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: told.append(text))
    return told


def test_the_months_cycle_end_to_end(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]], no_questions: list[str]
) -> None:
    engine, actors = shop
    manager, ann = _runner(engine, actors["mia"]), _runner(engine, actors["s1"])  # 阿芳, customer service

    # The manager creates the month: one review per specialist with a template.
    tab = _tab(qtbot, manager)
    assert tab.create_button.isVisible() and tab.templates_button.isVisible()
    tab.create_month()
    names = sorted(r.staff_name for r in tab.rows)
    assert names == sorted(["阿芳", "小雷", "老周", "Oli"])  # the manager's own review is the owner's to make
    assert all(r.status == "draft" and r.waiting_on == "reviewer" for r in tab.rows)

    # ... opens 阿芳's, types the manual actual and score, comments, plans, and asks for her self-review.
    editor = tab.open_review(_review_of(tab, "阿芳"))
    assert editor.save_button.isVisible() and not editor.manager_comment.isReadOnly()
    assert editor.self_comment.isReadOnly()  # the person's words are hers
    editor.set_actual(_line(editor, "Training hours"), "8")
    editor.set_manual_score(_line(editor, "Attitude"), "90")
    editor.manager_comment.setPlainText("稳定，响应快。")
    editor.plan_text.setText("学习新品知识")
    editor.add_plan_item()
    visible_steps = {code for code, b in editor.step_buttons.items() if b.isVisibleTo(editor)}
    assert visible_steps == {"open_self_review", "skip_self_review"}
    editor.take_step(svc.Step.OPEN_SELF_REVIEW)
    assert editor.detail.status == "self_review"
    training = next(x for x in editor.detail.lines if x.name == "Training hours")
    assert (training.actual, training.score_bp) == (8, 8000)
    assert editor.detail.manager_comment == "稳定，响应快。"
    assert [p.text for p in editor.detail.plan] == ["学习新品知识"]
    editor.close()

    # 阿芳 sees only her own review, waiting for her; she writes her self-review and hands it back.
    mine = _tab(qtbot, ann)
    assert not mine.create_button.isVisible() and not mine.templates_button.isVisible()
    assert [(r.staff_name, r.waiting_on) for r in mine.rows] == [("阿芳", "person")]
    own = mine.open_review(mine.rows[0].id)
    assert not own.self_comment.isReadOnly() and own.manager_comment.isReadOnly()
    assert not own.plan_add.isVisibleTo(own)
    own.self_comment.setPlainText("本月处理及时，培训还差两小时。")
    own.take_step(svc.Step.SUBMIT_SELF_REVIEW)
    assert own.detail.status == "manager_review" and own.detail.self_comment.startswith("本月")
    own.close()

    # The manager submits: the actuals freeze, the plan item becomes 阿芳's task.
    tab.reload()
    editor = tab.open_review(_review_of(tab, "阿芳"))
    assert editor.step_buttons["submit"].isVisibleTo(editor)
    editor.take_step(svc.Step.SUBMIT)
    assert editor.detail.submitted and editor.detail.score_bp is not None and editor.detail.grade
    assert not editor.save_button.isVisibleTo(editor)  # frozen: nothing to type any more
    with manager.session_factory() as session:
        task = session.scalars(select(Task).where(Task.title.contains("学习新品知识"))).one()
        assert task.assignee_id == actors["s1"].staff_id
    editor.close()

    # 阿芳 acknowledges; the review waits for nobody.
    mine.reload()
    own = mine.open_review(mine.rows[0].id)
    assert {c for c, b in own.step_buttons.items() if b.isVisibleTo(own)} == {"acknowledge"}
    own.take_step(svc.Step.ACKNOWLEDGE)
    assert own.detail.status == "acknowledged"
    mine.reload()
    assert mine.rows[0].waiting_on == "" and mine.rows[0].grade == own.detail.grade


def test_a_typed_figure_that_is_no_number_is_refused(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]], no_questions: list[str]
) -> None:
    engine, actors = shop
    tab = _tab(qtbot, _runner(engine, actors["mia"]))
    tab.create_month()
    editor = tab.open_review(_review_of(tab, "小雷"))
    editor.set_actual(_line(editor, "Training hours"), "eight")
    editor.save()
    assert no_questions and "eight" in no_questions[-1]
    assert next(x for x in editor.detail.lines if x.name == "Training hours").actual is None


def test_a_stale_save_offers_the_conflict_dialog(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]], no_questions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sellerdesk.ui.dialogs.conflict_dialog import ConflictDialog

    engine, actors = shop
    runner = _runner(engine, actors["mia"])
    tab = _tab(qtbot, runner)
    tab.create_month()
    review_id = _review_of(tab, "老周")
    editor = tab.open_review(review_id)
    with runner.session_factory.begin() as session:  # someone else writes a comment meanwhile
        stored = svc.get_review(session, actors["mia"], review_id)
        edit = svc.ReviewEdit(
            tuple(svc.LineEdit(x.id, None, x.manual_score_bp, x.note) for x in stored.lines), "别人的评语", ()
        )
        svc.save_review(session, actors["mia"], review_id, edit, expected_version=stored.version)
    asked: list[list[str]] = []

    def decide(_parent: object, differences: list[object], _parts: object = None) -> int:
        asked.append([d.key[1] for d in differences])  # type: ignore[attr-defined]
        return ConflictDialog.APPLY_MINE

    monkeypatch.setattr(ConflictDialog, "ask", staticmethod(decide))
    editor.set_actual(_line(editor, "Training hours"), "6")
    editor.save()
    assert asked and "manager_comment" in asked[0]
    with runner.session_factory() as session:
        after = svc.get_review(session, actors["mia"], review_id)
    assert after.manager_comment == "别人的评语"  # theirs kept, ours on top
    assert next(x for x in after.lines if x.name == "Training hours").actual == 6


def test_each_role_is_offered_only_what_it_may_do(qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]]) -> None:
    engine, actors = shop
    with make_session_factory(engine).begin() as session:
        svc.create_month_reviews(session, actors["mia"], MONTH)
    owner = _tab(qtbot, _runner(engine, OWNER))
    assert owner.create_button.isVisible() and owner.templates_button.isVisible() and owner.role_filter.isVisible()
    service = _tab(qtbot, _runner(engine, actors["s2"]))
    assert not service.create_button.isVisible() and not service.templates_button.isVisible()
    assert not service.role_filter.isVisible() and not service.export_month_action.isVisible()
    assert [r.staff_name for r in service.rows] == ["小雷"]  # only their own
    editor = service.open_review(service.rows[0].id)
    # In draft nothing is theirs to do yet.
    assert not editor.save_button.isVisibleTo(editor)
    assert not any(b.isVisibleTo(editor) for b in editor.step_buttons.values())
    assert editor.self_comment.isReadOnly() and editor.manager_comment.isReadOnly()
    operations = _tab(qtbot, _runner(engine, actors["oli"]))
    assert [r.staff_name for r in operations.rows] == ["Oli"]


def test_the_templates_editor_refuses_weights_that_do_not_total_100(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]], no_questions: list[str]
) -> None:
    engine, actors = shop
    runner = _runner(engine, actors["mia"])
    dialog = KpiTemplatesDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_role("service")
    assert [e.name.text() for e in dialog.rows] == ["Tickets handled", "Tasks done", "Training hours", "Attitude"]
    assert dialog.save_button.isEnabled() and "100" in dialog.total_label.text()
    dialog.rows[0].weight.setValue(25)  # 25 + 20 + 30 + 20 = 95 %
    assert dialog.weight_total_bp() == 9500
    assert not dialog.save_button.isEnabled() and "must be 100" in dialog.total_label.text()
    assert dialog.save() is False and "must total 100" in no_questions[-1]
    with runner.session_factory() as session:
        stored = session.scalars(select(KpiTemplate.weight_bp).where(KpiTemplate.role == "service")).all()
    assert sorted(stored) == [2000, 2000, 3000, 3000]  # nothing was saved

    # A line of bands for the rest, edited in the band editor's table.
    entry = dialog.add_line()
    entry.name.setText("First response")
    entry.metric.setCurrentIndex(entry.metric.findData("first_response_median_s"))
    entry.rule.setCurrentIndex(entry.rule.findData("bands"))
    entry.weight.setValue(5)
    entry.bands = (svc.Band(6, 10000), svc.Band(30, 8000))
    assert dialog.weight_total_bp() == 10000 and dialog.save_button.isEnabled()
    assert dialog.save() is True
    with runner.session_factory() as session:
        template = svc.kpi_template(session, actors["mia"], "service")
    line = template.lines[-1]
    assert (line.metric, line.scoring, line.higher_is_better) == ("first_response_median_s", "bands", False)
    assert {(b.threshold, b.score_bp) for b in line.bands} == {(6, 10000), (30, 8000)}
    assert template.weight_total_bp == 10000


def test_the_templates_editor_is_read_only_without_the_right(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]]
) -> None:
    engine, actors = shop
    dialog = KpiTemplatesDialog(_runner(engine, actors["s1"]))
    qtbot.addWidget(dialog)
    dialog.select_role("service")
    assert not dialog.save_button.isVisibleTo(dialog) and not dialog.add_button.isVisibleTo(dialog)
    assert not dialog.rows[0].weight.isEnabled()


def test_a_filled_actual_opens_the_orders_behind_it(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]], settings: Settings, no_questions: list[str]
) -> None:
    engine, actors = shop
    runner = _runner(engine, actors["mia"])
    window = open_main_window(qtbot, engine, runner, settings)
    window.show_page("reviews")
    tab = window.page("reviews")
    assert isinstance(tab, ReviewsTab)
    tab.set_month(MONTH)
    tab.create_month()
    editor = tab.open_review(_review_of(tab, "Oli"))
    gmv = editor.detail.lines[0]
    assert gmv.from_data and gmv.source.kind == "orders" and gmv.actual
    assert editor.open_source(gmv)
    assert window.current_page_key() == "orders"
    orders = window.page("orders")
    flt = orders.current_filter()  # type: ignore[union-attr]
    assert flt.date_field == "paid" and flt.days is not None and flt.days[0].strftime("%Y-%m") == MONTH


def _fangs_review(
    qtbot: QtBot, engine: Engine, manager: Actor, settings: Settings
) -> tuple[MainWindow, ReviewEditorDialog]:
    """The main window, as the manager, with this month's reviews created and 阿芳's open."""
    window = open_main_window(qtbot, engine, _runner(engine, manager), settings)
    tab = window.page("reviews")
    assert isinstance(tab, ReviewsTab)
    window.show_page("reviews")
    tab.set_month(MONTH)
    tab.create_month()
    return window, tab.open_review(_review_of(tab, "阿芳"))


def test_a_filled_actual_opens_the_tickets_behind_it(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]], settings: Settings, no_questions: list[str]
) -> None:
    from sellerdesk.models import Ticket
    from sellerdesk.ui.review_sources import TicketsBehindDialog

    engine, actors = shop
    fang = actors["s1"].staff_id
    with make_session_factory(engine).begin() as session:  # three of 阿芳's tickets resolved this month
        mine = session.scalars(select(Ticket).where(Ticket.assignee_id == fang).order_by(Ticket.id).limit(3)).all()
        for ticket in mine:
            ticket.status, ticket.resolved_at, ticket.handled_by_id = "resolved", datetime.now(UTC), fang
        resolved = sorted(t.id for t in mine)
    window, editor = _fangs_review(qtbot, engine, actors["mia"], settings)
    line = next(x for x in editor.detail.lines if x.name == "Tickets handled")
    assert line.actual == 3 and sorted(line.source.ids) == resolved
    assert editor.open_source(line)
    shown = window.findChild(TicketsBehindDialog)
    assert shown is not None and sorted(r.id for r in shown.model._rows) == resolved
    shown.view.doubleClicked.emit(shown.model.index(0, 0))
    assert window.page("tickets")._dialogs  # type: ignore[union-attr]  # the ticket's own window


def test_a_filled_actual_lists_exactly_the_tasks_behind_it(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]], settings: Settings, no_questions: list[str]
) -> None:
    from sellerdesk.services.tasks import TaskFilter
    from sellerdesk.ui.tabs.tasks import TasksTab

    engine, actors = shop
    fang = actors["s1"].staff_id
    now = datetime.now(UTC)
    with make_session_factory(engine).begin() as session:  # two of 阿芳's tasks done this month, one still open
        done = [Task(title=f"done {n}", status="done", assignee_id=fang, completed_at=now) for n in (1, 2)]
        session.add_all([*done, Task(title="open", assignee_id=fang), Task(title="someone else's", status="done")])
        session.flush()
        done_ids = sorted(t.id for t in done)
    window, editor = _fangs_review(qtbot, engine, actors["mia"], settings)
    line = next(x for x in editor.detail.lines if x.name == "Tasks done")
    assert line.actual == 2 and sorted(line.source.ids) == done_ids
    assert editor.open_source(line)
    tasks_tab = window.page("tasks")
    assert isinstance(tasks_tab, TasksTab)
    assert window.current_page_key() == "tasks" and tasks_tab.current_view == "list"
    assert sorted(tasks_tab.task_filter().ids) == done_ids
    qtbot.waitUntil(lambda: tasks_tab.list_model.rowCount() == 2)
    assert tasks_tab.scope_bar.isVisible() and "阿芳" in tasks_tab.scope_label.text()
    tasks_tab.show_view("mine")  # one person's tasks: not a list of given tasks
    assert not tasks_tab.scope_bar.isVisible()
    tasks_tab.show_view("list")
    tasks_tab.due.setCurrentIndex(tasks_tab.due.findData("none"))  # the filters narrow the given tasks
    assert sorted(tasks_tab.task_filter().ids) == done_ids and tasks_tab.scope_bar.isVisible()
    tasks_tab.set_filter(TaskFilter())  # what "Show all tasks" does
    assert not tasks_tab.scope_bar.isVisible()
    with make_session_factory(engine)() as session:
        every = len(session.scalars(select(Task.id)).all())
    assert every > 4
    qtbot.waitUntil(lambda: tasks_tab.list_model.rowCount() == every)


def test_home_opens_exactly_the_reviews_waiting_for_me(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]], settings: Settings
) -> None:
    engine, actors = shop
    with make_session_factory(engine).begin() as session:
        svc.create_month_reviews(session, actors["mia"], MONTH)
    runner = _runner(engine, actors["mia"])
    window: MainWindow = open_main_window(qtbot, engine, runner, settings)
    window.show_page("home")
    home = window.page("home")
    with runner.session_factory() as session:
        waiting = svc.reviews_waiting_for(session, actors["mia"])
    assert {r.month for r in waiting} > {MONTH}  # this month's four, and the older drafts of the shop
    shown = str(len(waiting))
    qtbot.waitUntil(lambda: home.queue_button("reviews_waiting").count.text() == shown)  # type: ignore[union-attr]
    window.open_queue("reviews_waiting")
    tab = window.page("reviews")
    assert isinstance(tab, ReviewsTab) and window.current_page_key() == "reviews"
    assert tab.month() == WAITING
    assert sorted(r.id for r in tab.visible_rows()) == sorted(r.id for r in waiting)


def test_the_list_model_and_the_trend(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]], qtmodeltester: ModelTester, no_questions: list[str]
) -> None:
    engine, actors = shop
    runner = _runner(engine, actors["mia"])
    tab = _tab(qtbot, runner)
    tab.create_month()
    qtmodeltester.check(tab.proxy, force_py=True)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("acknowledged"))
    assert tab.visible_rows() == []
    tab.status_filter.setCurrentIndex(0)
    tab.search_box.setText("oli")
    assert [r.staff_name for r in tab.visible_rows()] == ["Oli"]
    assert tab.select_review(tab.visible_rows()[0].id)
    trend = tab.show_trend()
    assert trend is not None
    qtbot.addWidget(trend)
    assert [p.month for p in trend.chart.points] == [MONTH]
    with runner.session_factory() as session:
        assert session.scalar(select(Review.id).where(Review.staff_id == actors["oli"].staff_id)) is not None


def test_exports_write_workbooks_off_the_ui_thread(
    qtbot: QtBot, shop: tuple[Engine, dict[str, Actor]], tmp_path: Path, no_questions: list[str]
) -> None:
    engine, actors = shop
    runner = _runner(engine, actors["mia"])
    tab = _tab(qtbot, runner)
    tab.create_month()
    tab.select_review(_review_of(tab, "Oli"))
    job = tab.export_review(str(tmp_path / "one.xlsx"))
    assert job is not None and job.error is None and (tmp_path / "one.xlsx").exists()
    job = tab.export_month(str(tmp_path / "team"))
    assert job is not None and job.error is None and (tmp_path / "team.xlsx").exists()
