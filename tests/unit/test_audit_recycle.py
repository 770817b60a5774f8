"""The audit log (who changed what, old → new, outliving the record), the change counter and the recycle bin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from python_calamine import CalamineWorkbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.db.tracking import act_as, change_seq
from sellerdesk.domain.enums import Role
from sellerdesk.domain.permissions import OWNER, Actor
from sellerdesk.models import AuditEntry, Product, Review, StaffUser, Task, Ticket
from sellerdesk.services import audit, browse, products, recycle
from sellerdesk.services.audit import AuditFilter
from sellerdesk.services.browse import PageRequest
from sellerdesk.services.products import ProductData, SkuData
from sellerdesk.services.tickets import queue

PRODUCT = Actor(staff_id=None, role=Role.PRODUCT, name="周敏", login="zhoumin")


def new_product(session: Session, title: str = "纯棉T恤") -> ProductData:
    result = products.save_product(
        session, ProductData(title=title, skus=(SkuData("TS-1", cost_cents=4000, price_cents=9900),)), actor=PRODUCT
    )
    assert result.data is not None
    return result.data


def entries(session: Session, **where: object) -> list[AuditEntry]:
    stmt = select(AuditEntry).filter_by(**where).order_by(AuditEntry.id)
    return list(session.scalars(stmt))


def test_changes_are_logged_with_who_and_old_to_new(session: Session) -> None:
    data = new_product(session)
    sku = data.skus[0]
    sku_edit = SkuData("TS-1", cost_cents=4200, price_cents=9900, id=sku.id, version=sku.version)
    edited = ProductData(title="纯棉T恤 2026", skus=(sku_edit,), id=data.id, version=data.version)
    products.save_product(session, edited, actor=PRODUCT)
    (created,) = entries(session, entity="products", action="create", entity_id=data.id)
    assert created.staff_name == "周敏" and created.details["title"] == [None, "纯棉T恤"]
    (changed,) = entries(session, entity="products", action="update", entity_id=data.id)
    assert changed.details == {"title": ["纯棉T恤", "纯棉T恤 2026"]} and changed.label == "纯棉T恤 2026"
    (cost,) = entries(session, entity="skus", action="update", entity_id=sku.id)
    assert cost.details == {"cost_cents": [4000, 4200]} and cost.label == "TS-1"


def test_the_log_outlives_the_record_and_filters(session: Session, tmp_path: Path) -> None:
    data = new_product(session, "要删除的商品")
    assert data.id is not None
    session.delete(session.get(Product, data.id))
    session.flush()
    gone = entries(session, entity="products", entity_id=data.id)
    assert [e.action for e in gone] == ["create", "delete"] and gone[-1].label == "要删除的商品"
    recent = AuditFilter(entity="products", since=datetime.now(UTC) - timedelta(minutes=5))
    rows = audit.audit_rows(session, OWNER, recent)
    assert [r.action for r in rows][:2] == ["delete", "create"]  # newest first
    assert audit.count_audit(session, OWNER, AuditFilter(staff_name="周敏", entity="products")) >= 2
    assert audit.count_audit(session, OWNER, AuditFilter(staff_name="nobody at all")) == 0
    assert audit.count_audit(session, OWNER, AuditFilter(until=datetime(2000, 1, 1, tzinfo=UTC))) == 0
    assert "周敏" in audit.audit_people(session, OWNER)
    path = tmp_path / "audit.xlsx"
    headers = ("when", "who", "action", "kind", "id", "record", "changes")
    written = audit.export_audit(session, OWNER, AuditFilter(entity="products", staff_name="周敏"), path, headers)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert written >= 2 and len(sheet) == written + 1 and sheet[0] == list(headers)
    assert any("要删除的商品" in str(cell) for row in sheet for cell in row)


def test_staff_and_settings_changes_are_logged(session: Session) -> None:
    user = StaffUser(login="fang", name="王芳", role=Role.SERVICE)
    act_as(session, OWNER)
    session.add(user)
    session.flush()
    user.role = Role.MANAGER
    session.flush()
    (changed,) = entries(session, entity="staff_users", action="update", entity_id=user.id)
    assert changed.details == {"role": ["service", "manager"]} and changed.staff_id is None
    products.set_banned_words(session, ["最"], actor=PRODUCT)
    assert entries(session, entity="app_settings", label="titles.banned_words")


def test_writes_bump_the_change_counter(session: Session) -> None:
    before = change_seq(session)
    new_product(session)
    session.commit()  # the savepoint of the test session: the counter moves at commit
    assert change_seq(session) == before + 1


def test_deleted_records_leave_lists_and_come_back(session: Session) -> None:
    data = new_product(session)
    assert data.id is not None and data.version is not None
    changes = products.delete_product(session, data.id, data.version, actor=PRODUCT)
    assert changes.products
    assert (
        products.count_skus(session) == 0 and products.sku_page(session, PageRequest("seller_code"), actor=OWNER) == ()
    )
    assert browse.count_products(session) == 0
    (row,) = recycle.recycle_bin(session, OWNER)
    assert (row.kind, row.label, row.deleted_by) == ("products", "纯棉T恤", "周敏")
    assert row.purge_at - row.deleted_at == timedelta(days=30)
    recycle.restore_record(session, OWNER, "products", data.id)
    assert products.count_skus(session) == 1 and recycle.recycle_bin(session, OWNER) == ()
    assert [e.action for e in entries(session, entity="products", entity_id=data.id)] == ["create", "delete", "restore"]


def test_tickets_tasks_and_reviews_share_the_bin(session: Session) -> None:
    staff = StaffUser(login="fang", name="王芳", role=Role.SERVICE)
    session.add(staff)
    session.flush()
    ticket, task, review = (
        Ticket(subject="物流慢", category="logistics"),
        Task(title="盘点"),
        Review(staff_id=staff.id, month="2026-07"),
    )
    session.add_all([ticket, task, review])
    session.flush()
    manager = Actor(staff_id=None, role=Role.MANAGER)
    for kind, record in (("tickets", ticket), ("tasks", task), ("reviews", review)):
        recycle.delete_record(session, manager, kind, record.id, record.version)
    assert (
        queue.count_queue(session, queue.TicketFilter(view="all"), datetime.now(UTC))
        == browse.count_tasks(session)
        == browse.count_reviews(session, actor=OWNER)
        == 0
    )
    assert {r.kind for r in recycle.recycle_bin(session, OWNER)} == {"tickets", "tasks", "reviews"}


def test_purge_after_thirty_days(session: Session) -> None:
    data = new_product(session)
    assert data.id is not None and data.version is not None
    products.delete_product(session, data.id, data.version, actor=PRODUCT)
    now = datetime.now(UTC)
    assert recycle.purge_expired(session, now + timedelta(days=29)) == 0
    assert recycle.purge_expired(session, now + timedelta(days=31)) == 1
    assert session.get(Product, data.id) is None
    assert entries(session, entity="products", entity_id=data.id)[-1].action == "delete"  # the log keeps it


def test_figures_leave_the_recycle_bin_out(session: Session) -> None:
    from sellerdesk.services import dashboard, tasks

    staff = StaffUser(login="fang", name="王芳", role=Role.SERVICE)
    session.add(staff)
    session.flush()
    now = datetime.now(UTC)
    ticket = Ticket(subject="物流慢", category="logistics", status="open", resolution_due=now - timedelta(hours=1))
    task = Task(title="盘点", due_date=now.date())
    session.add_all([ticket, task])
    session.flush()
    assert (
        dashboard.overdue_ticket_count(session, now) == 1
        and tasks.count_due_today(session, now) + tasks.count_overdue(session, now) == 1
    )
    manager = Actor(staff_id=None, role=Role.MANAGER)
    recycle.delete_record(session, manager, "tickets", ticket.id, ticket.version)
    recycle.delete_record(session, manager, "tasks", task.id, task.version)
    assert (
        dashboard.overdue_ticket_count(session, now) == 0
        and tasks.count_due_today(session, now) + tasks.count_overdue(session, now) == 0
    )


def test_stock_movements_people_make_are_logged(session: Session) -> None:
    from sellerdesk.services import stock

    data = new_product(session)
    sku_id = data.skus[0].id
    assert sku_id is not None
    act_as(session, PRODUCT)
    result = stock.receive_stock(session, sku_id, 12, staff_id=None, reason="到货", ref="PO-1")
    (entry,) = entries(session, entity="stock_movements", entity_id=result.movement_ids[0])
    assert (entry.action, entry.staff_name) == ("create", "周敏")
    assert entry.details["on_hand_delta"] == [None, 12] and entry.details["reason"] == [None, "到货"]
    assert entry.label == f"SKU #{sku_id} +12" and entry.details["kind"] == [None, "receipt"]
