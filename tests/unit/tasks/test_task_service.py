"""Team tasks (services/tasks.py): create, edit, move with the order kept, assign, complete, checklist,
comments, links, attachments, filters, "my tasks", configurable columns. Every backend of tests/conftest.py."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy.orm import Session
from task_helpers import shop, sku, staff

from sellerdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from sellerdesk.models import Order, Task
from sellerdesk.services import browse, tasks
from sellerdesk.services.tasks import BoardColumn, ChecklistLine, LinkRef, TaskDraft, TaskFilter

NOW = datetime(2026, 9, 20, 4, 0, tzinfo=UTC)  # 12:00 on Sep 20 in China
TODAY = date(2026, 9, 20)


def _new(session: Session, title: str, **fields: object) -> int:
    return tasks.create_task(session, TaskDraft(title, **fields)).task_id  # type: ignore[arg-type]


def _lane(session: Session, key: str, flt: TaskFilter | None = None) -> list[str]:
    board = tasks.load_board(session, flt or TaskFilter(), NOW)
    return [c.title for lane in board.lanes if lane.column.key == key for c in lane.cards]


def _version(session: Session, task_id: int) -> int:
    return tasks.get_task(session, task_id).version


def test_create_edit_and_read_back_everything(session: Session) -> None:
    ann = staff(session, "ann")
    item = sku(session, "A-1")
    task_id = _new(
        session,
        "  Check   prices ",
        description="All four platforms",
        assignee_id=ann.id,
        due_date=TODAY,
        due_time=time(17, 30, 12),
        priority="high",
        checklist=(ChecklistLine("Taobao"), ChecklistLine("JD", done=True)),
        links=(LinkRef("product", item.product_id),),
        attachments=("C:/报价/price list.xlsx",),
    )
    detail = tasks.get_task(session, task_id)
    assert (detail.title, detail.status, detail.column, detail.due_time) == (
        "Check prices",
        "todo",
        "todo",
        time(17, 30),
    )
    assert [(c.text, c.done) for c in detail.checklist] == [("Taobao", False), ("JD", True)]
    assert [(link.kind, link.label) for link in detail.links] == [("product", "商品 A-1")]
    assert [a.path for a in detail.attachments] == ["C:/报价/price list.xlsx"]

    draft = detail.draft()
    kept = (ChecklistLine("Taobao", True, detail.checklist[0].id), ChecklistLine("Douyin"))
    tasks.update_task(
        session,
        task_id,
        TaskDraft("Check prices today", draft.description, None, None, None, "low", kept, (), ()),
        expected_version=detail.version,
    )
    after = tasks.get_task(session, task_id)
    assert (after.title, after.assignee_id, after.due_date, after.priority) == ("Check prices today", None, None, "low")
    assert [(c.text, c.done) for c in after.checklist] == [("Taobao", True), ("Douyin", False)]
    assert after.checklist[0].id == detail.checklist[0].id  # a kept line keeps its id
    assert after.links == () and after.attachments == ()
    with pytest.raises(ConflictError):
        tasks.update_task(session, task_id, draft, expected_version=detail.version)


def test_drafts_are_checked(session: Session) -> None:
    with pytest.raises(ValidationError) as err:
        _new(session, "   ")
    assert err.value.code == "task_title_required"
    with pytest.raises(ValidationError):
        _new(session, "x", due_time=time(9, 0))
    with pytest.raises(NotFoundError) as missing:
        _new(session, "x", links=(LinkRef("order", 999_999),))
    assert missing.value.code == "task_link_missing"
    with pytest.raises(NotFoundError):
        tasks.get_task(session, 999_999)


def test_moves_keep_order_and_column_and_set_the_status(session: Session) -> None:
    ids = {t: _new(session, t) for t in "ABCD"}
    assert _lane(session, "todo") == ["A", "B", "C", "D"]
    tasks.move_task(session, ids["D"], "todo", ids["B"], expected_version=_version(session, ids["D"]))
    assert _lane(session, "todo") == ["A", "D", "B", "C"]
    tasks.move_task(session, ids["A"], "todo", None, expected_version=_version(session, ids["A"]))
    assert _lane(session, "todo") == ["D", "B", "C", "A"]
    tasks.move_task(session, ids["B"], "doing", None, expected_version=_version(session, ids["B"]), now=NOW)
    tasks.move_task(session, ids["C"], "doing", ids["B"], expected_version=_version(session, ids["C"]), now=NOW)
    assert _lane(session, "doing") == ["C", "B"]
    assert tasks.get_task(session, ids["C"]).status == "doing"
    stale = _version(session, ids["A"])
    tasks.move_task(session, ids["A"], "done", None, expected_version=stale, now=NOW)
    done = tasks.get_task(session, ids["A"])
    assert (done.status, done.completed_at) == ("done", NOW)
    with pytest.raises(ConflictError):
        tasks.move_task(session, ids["A"], "todo", None, expected_version=stale)
    tasks.move_task(session, ids["A"], "todo", ids["D"], expected_version=done.version)
    reopened = tasks.get_task(session, ids["A"])
    assert (reopened.status, reopened.completed_at) == ("todo", None)
    assert _lane(session, "todo") == ["A", "D"]


def test_many_moves_to_the_same_place_renumber_the_column(session: Session) -> None:
    ids = [_new(session, str(n)) for n in range(4)]
    for _ in range(15):  # always between the first two: halves the gap each time until none is left
        moving = ids[-1]
        tasks.move_task(session, moving, "todo", ids[1], expected_version=_version(session, moving))
        ids = [ids[0], moving, *[i for i in ids[1:] if i != moving]]
    expected = [tasks.get_task(session, i).title for i in ids]
    assert _lane(session, "todo") == expected


def test_assign_and_complete(session: Session) -> None:
    ann = staff(session, "ann")
    first, second = _new(session, "first"), _new(session, "second")
    tasks.assign_task(session, first, ann.id, expected_version=_version(session, first))
    assert tasks.get_task(session, first).assignee_id == ann.id
    tasks.complete_task(session, first, expected_version=_version(session, first), actor_id=ann.id, now=NOW)
    tasks.complete_task(session, second, expected_version=_version(session, second), now=NOW)
    assert _lane(session, "done") == ["second", "first"]  # the newest done on top
    with pytest.raises(NotFoundError):
        tasks.assign_task(session, first, 999_999, expected_version=_version(session, first))


def test_checklist_ticks_and_comments(session: Session) -> None:
    ann = staff(session, "ann")
    task_id = _new(session, "t", checklist=(ChecklistLine("one"), ChecklistLine("two")))
    line = tasks.get_task(session, task_id).checklist[1]
    assert line.id is not None
    tasks.set_checklist_item(session, line.id, True)
    tasks.add_comment(session, task_id, "  on it ", actor_id=ann.id)
    detail = tasks.get_task(session, task_id)
    assert [c.done for c in detail.checklist] == [False, True]
    assert [(c.author, c.body) for c in detail.comments] == [("Ann", "on it")]
    card = tasks.load_board(session, now=NOW).lanes[0].cards[0]
    assert (card.checklist_done, card.checklist_total) == (1, 2)
    with pytest.raises(ValidationError):
        tasks.add_comment(session, task_id, " ")


def test_links_to_every_kind_and_the_old_single_link(session: Session) -> None:
    item = sku(session, "A-1")
    order = Order(shop_id=shop(session).id, platform="taobao", platform_order_id="123456", status="paid")
    session.add(order)
    session.flush()
    other = _new(session, "other task")
    task_id = _new(session, "t", links=(LinkRef("order", order.id), LinkRef("task", other)))
    session.get(Task, task_id).link_kind, session.get(Task, task_id).link_id = "product", item.product_id  # type: ignore[union-attr]
    session.flush()
    labels = [(link.kind, link.label) for link in tasks.get_task(session, task_id).links]
    assert labels == [("product", "商品 A-1"), ("order", "123456 · 旗舰店"), ("task", "other task")]
    found = tasks.find_link_targets(session, "product", "A-1")
    assert [f.target_id for f in found] == [item.product_id]
    assert [f.label for f in tasks.find_link_targets(session, "order", "3456")] == ["123456 · 旗舰店"]
    assert tasks.find_link_targets(session, "task", str(other))[0].label == "other task"


def test_filters_and_my_tasks(session: Session) -> None:
    ann, bob = staff(session, "ann"), staff(session, "bob")
    _new(session, "late", assignee_id=ann.id, due_date=date(2026, 9, 19))
    _new(session, "late today", assignee_id=ann.id, due_date=TODAY, due_time=time(11, 0))
    _new(session, "later today", assignee_id=ann.id, due_date=TODAY, due_time=time(13, 0), priority="urgent")
    _new(session, "tomorrow", assignee_id=ann.id, due_date=date(2026, 9, 21))
    _new(session, "bob's", assignee_id=bob.id, due_date=TODAY)
    _new(session, "nobody's")
    assert _lane(session, "todo", TaskFilter(assignee_id=ann.id, due="overdue")) == ["late", "late today"]
    assert _lane(session, "todo", TaskFilter(due="today")) == ["later today", "bob's"]
    assert _lane(session, "todo", TaskFilter(due="none")) == ["nobody's"]
    assert _lane(session, "todo", TaskFilter(unassigned=True)) == ["nobody's"]
    assert _lane(session, "todo", TaskFilter(priority="urgent")) == ["later today"]
    assert _lane(session, "todo", TaskFilter(due="week", assignee_id=ann.id)) == [
        "late today",
        "later today",
        "tomorrow",
    ]
    mine = tasks.my_tasks(session, ann.id, NOW)
    assert [c.title for c in mine.overdue] == ["late", "late today"]
    assert [c.title for c in mine.today] == ["later today"]
    assert [c.title for c in mine.upcoming] == ["tomorrow"]
    assert (tasks.count_overdue(session, NOW), tasks.count_due_today(session, NOW)) == (2, 2)


def test_a_review_figures_tasks_are_exactly_its_ids(session: Session) -> None:
    ann = staff(session, "ann")
    counted = [_new(session, "counted 1", assignee_id=ann.id), _new(session, "counted 2")]
    _new(session, "not counted", assignee_id=ann.id)
    assert _lane(session, "todo", TaskFilter(ids=tuple(counted))) == ["counted 1", "counted 2"]
    assert _lane(session, "todo", TaskFilter(ids=tuple(counted), assignee_id=ann.id)) == ["counted 1"]
    rows = tasks.task_rows(session, TaskFilter(ids=tuple(counted)), browse.PageRequest("title"), NOW)
    assert [r.title for r in rows] == ["counted 1", "counted 2"]
    assert tasks.count_task_rows(session, TaskFilter(ids=tuple(counted)), now=NOW) == 2


def test_link_filter(session: Session) -> None:
    item = sku(session, "A-1")
    _new(session, "linked", links=(LinkRef("product", item.product_id),))
    _new(session, "plain")
    assert _lane(session, "todo", TaskFilter(link_kind="product")) == ["linked"]
    assert _lane(session, "todo", TaskFilter(link_kind="order")) == []


def test_board_columns_are_configurable(session: Session) -> None:
    ids = [_new(session, t) for t in ("a", "b")]
    columns = (*tasks.DEFAULT_COLUMNS[:2], BoardColumn("check", "doing", "Check"), tasks.DEFAULT_COLUMNS[2])
    tasks.save_board_columns(session, columns, tasks.board_columns_version(session))
    assert [c.key for c in tasks.board_columns(session)] == ["todo", "doing", "check", "done"]
    tasks.move_task(session, ids[0], "check", None, expected_version=_version(session, ids[0]))
    assert _lane(session, "check") == ["a"]
    assert tasks.get_task(session, ids[0]).status == "doing"
    tasks.save_board_columns(session, tasks.DEFAULT_COLUMNS, tasks.board_columns_version(session))
    assert _lane(session, "doing") == ["a"]  # a removed column's cards go to their status's first column
    with pytest.raises(ValidationError):
        tasks.save_board_columns(session, tasks.DEFAULT_COLUMNS[:2], tasks.board_columns_version(session))
    with pytest.raises(ConflictError):
        tasks.save_board_columns(session, tasks.DEFAULT_COLUMNS, 0)
