"""Tasks made by events (services/task_rules.py): one task per cause, closed when the cause is gone, no
duplicates on re-import, each rule switchable and assigned by role. Every backend of tests/conftest.py."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from task_helpers import shop, sku, staff, warehouse

from sellerdesk.models import Order, Shop, Sku, StockMovement, Task, Warehouse
from sellerdesk.services import task_rules, tasks
from sellerdesk.services.task_rules import RuleSetting

NOW = datetime(2026, 9, 20, 4, 0, tzinfo=UTC)


def _receive(session: Session, item: Sku, qty: int) -> None:
    session.add(StockMovement(sku_id=item.id, warehouse_id=warehouse_id(session), kind="receipt", on_hand_delta=qty))
    session.flush()


def warehouse_id(session: Session) -> int:
    found = session.scalar(select(Warehouse.id).limit(1))
    return found if found is not None else warehouse(session).id


def _rule_tasks(session: Session) -> list[tuple[str, str, str | None]]:
    rows = session.execute(select(Task.title, Task.status, Task.cause).where(Task.kind == "rule").order_by(Task.id))
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_a_sku_below_its_reorder_point_gets_one_task_until_stock_recovers(session: Session) -> None:
    ann = staff(session, "ann", "product")
    staff(session, "boss", "manager")
    low, fine, untracked = (
        sku(session, "A-1", reorder_point=10),
        sku(session, "B-2", reorder_point=3),
        sku(session, "C-3"),
    )
    _receive(session, low, 4)
    _receive(session, fine, 5)
    run = task_rules.run_task_rules(session, NOW)
    assert (run.opened, run.closed, run.changes.tasks) == (1, 0, True)
    [task] = session.scalars(select(Task).where(Task.kind == "rule")).all()
    assert task.cause == f"reorder:sku:{low.id}" and task.assignee_id == ann.id and task.priority == "high"
    assert task.due_date == date(2026, 9, 20)  # due the day it appeared (China time)
    assert "A-1" in task.title and "4" in task.title
    assert [link.kind for link in tasks.get_task(session, task.id).links] == ["product"]
    # Re-importing (the rules run again) makes no second task, nor does finishing it by hand too early.
    assert task_rules.run_task_rules(session, NOW).opened == 0
    tasks.complete_task(session, task.id, expected_version=task.version, now=NOW)
    assert task_rules.run_task_rules(session, NOW).changes.any is False
    assert session.scalar(select(func.count()).select_from(Task)) == 1
    _receive(session, low, 10)  # stock recovered: the cause is gone, a new shortage is a new task
    task_rules.run_task_rules(session, NOW)
    assert _rule_tasks(session)[0][1:] == ("done", None)
    session.add(StockMovement(sku_id=low.id, warehouse_id=warehouse_id(session), kind="correction", on_hand_delta=-12))
    session.flush()
    assert task_rules.run_task_rules(session, NOW).opened == 1
    assert [s for _, s, _ in _rule_tasks(session)] == ["done", "todo"]
    assert untracked.reorder_point == 0  # no reorder point: never a task


def test_an_open_task_closes_itself_when_its_cause_is_gone(session: Session) -> None:
    staff(session, "ann", "product")
    low = sku(session, "A-1", reorder_point=2)
    task_rules.run_task_rules(session, NOW)
    _receive(session, low, 5)
    run = task_rules.run_task_rules(session, NOW)
    assert (run.opened, run.closed) == (0, 1)
    [(_, status, cause)] = _rule_tasks(session)
    assert (status, cause) == ("done", None)


def _late_order(session: Session, at: Shop, n: int, hours: int) -> Order:
    paid = NOW - timedelta(hours=hours)
    order = Order(shop_id=at.id, platform="taobao", platform_order_id=f"late-{n}", status="paid", paid_at=paid)
    session.add(order)
    session.flush()
    return order


def test_late_to_ship_orders_above_the_threshold_make_one_task_for_operations(session: Session) -> None:
    boss = staff(session, "boss", "manager")
    busy = staff(session, "busy", "manager")
    tasks.create_task(session, tasks.TaskDraft("busy already", assignee_id=busy.id))
    at = shop(session)
    first, second = _late_order(session, at, 1, 50), _late_order(session, at, 2, 60)
    settings = task_rules.rule_settings(session)
    settings["late_to_ship"] = RuleSetting(True, "manager", threshold=1)
    task_rules.save_rule_settings(session, settings, task_rules.rules_version(session))
    run = task_rules.run_task_rules(session, NOW, {"late_to_ship": "{count} 单超时未发货"})
    assert run.opened == 1
    [(title, status, cause)] = _rule_tasks(session)
    assert (title, status, cause) == ("2 单超时未发货", "todo", "late_to_ship")
    assert session.scalar(select(Task.assignee_id).where(Task.kind == "rule")) == boss.id  # the less busy one
    first.status = "shipped"
    session.flush()
    assert task_rules.run_task_rules(session, NOW).closed == 1  # one late order left: not above the threshold
    assert second.status == "paid"


def test_a_rule_switched_off_makes_nothing_and_leaves_its_tasks(session: Session) -> None:
    staff(session, "ann", "product")
    low = sku(session, "A-1", reorder_point=2)
    task_rules.run_task_rules(session, NOW)
    settings = task_rules.rule_settings(session)
    settings["reorder"] = RuleSetting(False, "product")
    task_rules.save_rule_settings(session, settings, task_rules.rules_version(session))
    _receive(session, low, 5)
    assert task_rules.run_task_rules(session, NOW).changes.any is False
    assert _rule_tasks(session)[0][1] == "todo"
    assert task_rules.rule_settings(session)["reorder"].enabled is False


def test_a_ticket_about_to_breach_gets_one_task_for_its_assignee_until_answered(session: Session) -> None:
    from sellerdesk.models import Ticket

    fang = staff(session, "fang", "service")
    soon = Ticket(
        subject="物流慢",
        category="logistics",
        status="open",
        assignee_id=fang.id,
        first_response_due=NOW + timedelta(minutes=20),
        resolution_due=NOW + timedelta(hours=20),
    )
    calm = Ticket(subject="发票", category="other", status="open", first_response_due=NOW + timedelta(days=2))
    session.add_all([soon, calm])
    session.flush()
    assert task_rules.run_task_rules(session, NOW).opened == 1
    assert task_rules.run_task_rules(session, NOW).opened == 0  # one task per cause, however often the rules run
    (task,) = session.scalars(select(Task).where(Task.kind == "rule"))
    assert (task.cause, task.assignee_id) == (f"ticket_breach:ticket:{soon.id}", fang.id)
    soon.first_response_at = NOW  # answered: the first-response clock stops, the resolution one is far
    session.flush()
    run = task_rules.run_task_rules(session, NOW)
    assert run.closed == 1 and task.status == "done"
