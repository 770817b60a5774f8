"""Service tickets: deadlines from policies, the clock through replies, waits, resolves and reopens,
claims and assignments, version checks, merges, after-sale cases, canned replies, the queue, figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.errors import ConflictError, ValidationError
from sellerdesk.domain.timeutil import local_to_utc
from sellerdesk.models import Order, OrderItem, Product, Shop, Sku, StaffUser, StockMovement, Ticket, TicketEvent
from sellerdesk.services import dashboard, stock
from sellerdesk.services import orders as order_svc
from sellerdesk.services import tickets as svc
from sellerdesk.services.browse import PageRequest
from sellerdesk.services.tickets import canned, figures, policies
from sellerdesk.services.tickets.queue import TicketFilter

HOUR = 3600


def cn(*args: int) -> datetime:
    return local_to_utc(datetime(*args))  # type: ignore[arg-type]


MON = cn(2026, 8, 10, 10)  # Monday 10:00 China time; the default desk works 09:00–24:00


def _staff(session: Session, name: str) -> int:
    staff = StaffUser(login=name.lower(), name=name, role="service_specialist")
    session.add(staff)
    session.flush()
    return staff.id


def _order(session: Session, platform: str = "taobao", *, shipped: bool = True, paid: int = 5000) -> Order:
    shop = Shop(platform=platform, name=f"{platform} shop")
    session.add(shop)
    session.flush()
    order = Order(
        shop_id=shop.id, platform=platform, platform_order_id="T1001", status="shipped" if shipped else "paid",
        paid_at=MON - timedelta(days=3), shipped_at=MON - timedelta(days=2) if shipped else None,
        paid_cents=paid, buyer_nick="小明", carrier="顺丰", tracking_no="SF123",
    )  # fmt: skip
    session.add(order)
    session.flush()
    return order


def _ticket(session: Session, now: datetime = MON, **kw: object) -> Ticket:
    draft = svc.TicketDraft(**{"subject": "where is my parcel", "category": "logistics", **kw})  # type: ignore[arg-type]
    new = svc.create_ticket(session, draft, now)
    ticket = session.get(Ticket, new.id)
    assert ticket is not None
    return ticket


# ---------------------------------------------------------------- deadlines


def test_ticket_from_the_tab_gets_default_business_deadlines(session: Session) -> None:
    t = _ticket(session)
    assert (t.first_response_target_s, t.resolution_target_s, t.sla_business_hours) == (HOUR, 24 * HOUR, True)
    assert t.first_response_due == cn(2026, 8, 10, 11)
    assert t.resolution_due == cn(2026, 8, 11, 19)  # 14 h on Monday (to midnight), 10 h on Tuesday


def test_ticket_from_an_order_takes_the_platform_preset(session: Session) -> None:
    order = _order(session, "pdd")
    new = order_svc.create_ticket_for_order(session, order.id, "退货退款", "return_refund")
    t = session.get(Ticket, new.id)
    assert t is not None and t.platform == "pdd" and t.buyer_nick == "小明" and t.status == "new"
    assert t.sla_business_hours is False  # the platform's after-sale timer runs day and night
    assert t.resolution_due is not None and t.first_response_due is not None
    assert t.resolution_due - t.created_at == timedelta(hours=48)


def test_most_specific_policy_wins(session: Session) -> None:
    assert policies.find_target(session, "taobao", "pre_sale", "urgent").first_response_s == 180
    assert policies.find_target(session, "", "other", "urgent").first_response_s == 15 * 60
    assert policies.find_target(session, "kuaishou", "other", "normal").first_response_s == HOUR


def test_edited_policy_applies_to_new_tickets(session: Session) -> None:
    row = next(p for p in policies.list_policies(session) if (p.platform, p.category, p.priority) == ("", "", ""))
    edit = policies.PolicyEdit("", "", "", 2 * HOUR, 30 * HOUR, True, row.id, row.version)
    policies.save_policy(session, edit)
    assert _ticket(session).first_response_due == cn(2026, 8, 10, 12)
    with pytest.raises(ConflictError):
        policies.save_policy(session, edit)  # the version moved on
    with pytest.raises(ValidationError):
        policies.save_policy(session, policies.PolicyEdit("", "x", "", 5 * HOUR, HOUR, True))


def test_holiday_override_moves_the_deadline(session: Session) -> None:
    day = datetime(2026, 8, 11).date()
    policies.replace_overrides(session, 2026, [policies.DayOverride(day, False, "shop outing")])
    assert _ticket(session).resolution_due == cn(2026, 8, 12, 19)
    assert [o.note for o in policies.list_overrides(session, 2026)] == ["shop outing"]


def test_service_hours_setting(session: Session) -> None:
    hours = policies.service_hours(session)
    policies.save_service_hours(session, policies.ServiceHours(datetime(1, 1, 1, 8).time(), None, True, hours.version))
    assert _ticket(session, cn(2026, 8, 10, 7)).first_response_due == cn(2026, 8, 10, 9)


# ---------------------------------------------------------------- the clock


def test_first_reply_stops_the_response_clock(session: Session) -> None:
    t = _ticket(session)
    svc.record_reply(session, t.id, "我们查一下", now=MON + timedelta(minutes=30))
    svc.record_reply(session, t.id, "已催快递", now=MON + timedelta(hours=3))
    session.refresh(t)
    assert t.first_response_at == MON + timedelta(minutes=30)
    assert (t.first_response_s, t.response_breached, t.status) == (1800, False, "open")
    events = select(TicketEvent).where(TicketEvent.ticket_id == t.id).order_by(TicketEvent.id)  # as written
    kinds = [e.kind for e in session.scalars(events)]
    assert kinds == ["status", "status", "reply", "reply"]


def test_late_first_reply_is_a_breach_in_business_time(session: Session) -> None:
    t = _ticket(session, cn(2026, 8, 10, 23, 30))  # 30 min before closing
    assert t.first_response_due == cn(2026, 8, 11, 9, 30)
    svc.record_reply(session, t.id, "早上好", now=cn(2026, 8, 11, 10))
    session.refresh(t)
    assert (t.first_response_s, t.response_breached) == (HOUR + HOUR // 2, True)  # 23:30–24:00, 09:00–10:00


def test_waiting_on_buyer_pauses_and_resolve_counts_working_time_only(session: Session) -> None:
    t = _ticket(session)
    svc.record_reply(session, t.id, "请提供照片", now=MON + timedelta(hours=1))
    session.refresh(t)
    svc.set_status(session, t.id, "pending", expected_version=t.version, now=MON + timedelta(hours=2))
    session.refresh(t)
    assert t.resolution_due is None and t.clock_left_s == 22 * HOUR
    # The buyer answers two days later: the clock runs on with 22 h left.
    back = cn(2026, 8, 12, 10)
    svc.set_status(session, t.id, "open", expected_version=t.version, now=back)
    session.refresh(t)
    assert t.resolution_due == cn(2026, 8, 13, 17)  # 14 h Wednesday + 8 h Thursday
    svc.set_status(session, t.id, "resolved", expected_version=t.version, now=back + timedelta(hours=3))
    session.refresh(t)
    assert (t.resolution_s, t.resolution_breached, t.resolved_at) == (5 * HOUR, False, back + timedelta(hours=3))


def test_breach_reopen_and_resolve_again(session: Session) -> None:
    staff = _staff(session, "Lily")
    t = _ticket(session)
    svc.claim_ticket(session, t.id, staff, now=MON)
    session.refresh(t)
    late = cn(2026, 8, 12, 10)  # past Tuesday 19:00
    svc.set_status(session, t.id, "resolved", expected_version=t.version, now=late)
    session.refresh(t)
    assert t.resolution_breached and t.handled_by_id == staff and t.clock_left_s is not None and t.clock_left_s < 0
    svc.set_status(session, t.id, "open", expected_version=t.version, now=late + timedelta(hours=1))
    session.refresh(t)
    assert t.reopen_count == 1 and t.resolved_at is None
    assert t.resolution_due is not None and t.resolution_due < late + timedelta(hours=1)  # still overdue
    svc.set_status(session, t.id, "closed", expected_version=t.version, now=late + timedelta(hours=2))
    session.refresh(t)
    assert t.resolved_at == late + timedelta(hours=2) and t.status == "closed"


def test_reopen_with_time_left_resumes_the_clock(session: Session) -> None:
    t = _ticket(session)
    svc.set_status(session, t.id, "resolved", expected_version=t.version, now=MON + timedelta(hours=4))
    session.refresh(t)
    assert t.clock_left_s == 20 * HOUR and t.resolution_s == 4 * HOUR
    svc.set_status(session, t.id, "open", expected_version=t.version, now=cn(2026, 8, 17, 10))
    session.refresh(t)
    assert t.resolution_due == cn(2026, 8, 18, 15)  # 14 h Monday + 6 h Tuesday


def test_transition_rules(session: Session) -> None:
    t = _ticket(session)
    with pytest.raises(ValidationError) as err:
        svc.set_status(session, t.id, "new", expected_version=t.version, now=MON)
    assert err.value.code == "ticket_transition"


# ---------------------------------------------------------------- claims, versions, merges


def test_claim_once_then_conflict(session: Session) -> None:
    a, b = _staff(session, "A"), _staff(session, "B")
    t = _ticket(session)
    svc.claim_ticket(session, t.id, a, now=MON)
    with pytest.raises(ConflictError) as err:
        svc.claim_ticket(session, t.id, b, now=MON)
    assert err.value.code == "ticket_claimed"
    session.refresh(t)
    assert (t.assignee_id, t.status) == (a, "open")


def test_stale_edit_is_a_conflict(session: Session) -> None:
    t = _ticket(session)
    seen = t.version
    edit = svc.TicketEdit("where is my parcel", "logistics", "high", "vip", "", "小明")
    svc.update_ticket(session, t.id, edit, expected_version=seen, now=MON)
    with pytest.raises(ConflictError):
        svc.update_ticket(session, t.id, edit, expected_version=seen, now=MON)
    events = session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == t.id, TicketEvent.kind == "edit"))
    assert {(e.body, e.old_value, e.new_value) for e in events} == {
        ("priority", "normal", "high"), ("tags", "", "vip"), ("buyer_nick", "", "小明"),
    }  # fmt: skip


def test_new_priority_retargets_running_clocks(session: Session) -> None:
    t = _ticket(session)
    edit = svc.TicketEdit("where is my parcel", "logistics", "urgent", "", "", "")
    svc.update_ticket(session, t.id, edit, expected_version=t.version, now=MON)
    session.refresh(t)
    assert t.first_response_due == MON + timedelta(minutes=15) and t.resolution_due == MON + timedelta(hours=4)


def test_bulk_assign_and_unassign(session: Session) -> None:
    a = _staff(session, "A")
    t1, t2 = _ticket(session), _ticket(session)
    svc.assign_tickets(session, [t1.id, t2.id], a, now=MON)
    assert {session.get(Ticket, i).assignee_id for i in (t1.id, t2.id)} == {a}  # type: ignore[union-attr]
    svc.assign_tickets(session, [t1.id], None, now=MON)
    session.refresh(t1)
    assert t1.assignee_id is None


def test_merge_keeps_both_histories(session: Session) -> None:
    keep, dup = _ticket(session), _ticket(session, MON + timedelta(minutes=5), tags="催件")
    svc.add_note(session, keep.id, "first", now=MON)
    svc.record_reply(session, dup.id, "answer on the duplicate", now=MON + timedelta(minutes=10))
    svc.merge_tickets(session, keep.id, [dup.id], now=MON + timedelta(minutes=20))
    detail = svc.ticket_detail(session, keep.id)
    bodies = [e.body for e in detail.events]
    assert "first" in bodies and "answer on the duplicate" in bodies and detail.events[-1].kind == "merge"
    assert detail.first_response_at == MON + timedelta(minutes=10) and detail.tags == "催件"
    dup_detail = svc.ticket_detail(session, dup.id)
    assert (dup_detail.status, dup_detail.merged_into_id) == ("closed", keep.id)
    assert svc.count_queue(session, TicketFilter(), MON) == 1


# ---------------------------------------------------------------- after-sale


def _edit(**kw: object) -> svc.TicketEdit:
    base = {"subject": "退货", "category": "return_refund", "priority": "normal", "tags": "", "description": "",
            "buyer_nick": "小明"}  # fmt: skip
    return svc.TicketEdit(**{**base, **kw})  # type: ignore[arg-type]


def test_refund_never_above_what_was_paid(session: Session) -> None:
    order = _order(session, paid=5000)
    t = _ticket(session, order_id=order.id, category="return_refund")
    with pytest.raises(ValidationError) as err:
        svc.update_ticket(session, t.id, _edit(aftersale_type="return_refund", refund_cents=5001),
                          expected_version=t.version)  # fmt: skip
    assert err.value.code == "refund_above_paid"
    with pytest.raises(ValidationError) as err:
        svc.update_ticket(session, t.id, _edit(aftersale_type="refund_unshipped", refund_cents=100),
                          expected_version=t.version)  # fmt: skip
    assert err.value.code == "refund_order_shipped"
    with pytest.raises(ValidationError):
        svc.update_ticket(session, t.id, _edit(aftersale_type="resend", refund_cents=100), expected_version=t.version)
    svc.update_ticket(session, t.id, _edit(aftersale_type="return_refund", refund_cents=5000, return_tracking="YT9"),
                      expected_version=t.version)  # fmt: skip
    session.refresh(t)
    assert (t.refund_cents, t.return_tracking) == (5000, "YT9")


def _linked_line(session: Session) -> tuple[Order, Sku, OrderItem]:
    """A shipped order with one line of two units, linked to a SKU."""
    order = _order(session)
    product = Product(title="四件套")
    session.add(product)
    session.flush()
    sku = Sku(product_id=product.id, seller_code="LJ-1")
    session.add(sku)
    session.flush()
    item = OrderItem(order_id=order.id, sub_order_id="a", seller_code="LJ-1", title="四件套", qty=2, sku_id=sku.id)
    session.add(item)
    session.flush()
    return order, sku, item


def test_received_return_restocks_into_the_returns_warehouse(session: Session) -> None:
    order, sku, item = _linked_line(session)
    t = _ticket(session, order_id=order.id, category="return_refund")
    svc.update_ticket(session, t.id, _edit(aftersale_type="return_refund"), expected_version=t.version)
    session.refresh(t)
    with pytest.raises(ValidationError):
        svc.receive_return(session, t.id, item.id, 3, expected_version=t.version)
    changes = svc.receive_return(session, t.id, item.id, 2, expected_version=t.version, now=MON)
    assert changes.stock
    returns = stock.ensure_warehouses(session)[stock.RETURNS]
    assert stock.sku_balance(session, sku.id, returns).on_hand == 2
    moves = session.scalars(select(StockMovement).where(StockMovement.sku_id == sku.id)).all()
    assert [(m.kind, m.ref) for m in moves] == [("return", f"ticket-{t.id}")]
    session.refresh(t)
    with pytest.raises(ValidationError):
        svc.receive_return(session, t.id, item.id, 1, expected_version=t.version)


def _returned_line(session: Session, received: int) -> tuple[Order, Sku]:
    """A shipped order of two units whose ticket received ``received`` of them back (the stock synced)."""
    order, sku, item = _linked_line(session)
    stock.sync_order_stock(session, [order.id])
    t = _ticket(session, order_id=order.id, category="return_refund")
    svc.update_ticket(session, t.id, _edit(aftersale_type="return_refund"), expected_version=t.version)
    session.refresh(t)
    svc.receive_return(session, t.id, item.id, received, expected_version=t.version, now=MON)
    return order, sku


@pytest.mark.parametrize("received", [2, 1])
def test_a_refund_imported_after_the_ticket_received_the_return_sends_back_only_the_rest(
    session: Session, received: int
) -> None:
    order, sku = _returned_line(session, received)
    order.status, order.refund_state = "refunded", "refunded"  # what the next import of the order says
    session.flush()
    stock.sync_order_stock(session, [order.id])
    stock.sync_order_stock(session, [order.id])  # and the one after it
    returns = stock.ensure_warehouses(session)[stock.RETURNS]
    assert stock.sku_balance(session, sku.id, returns).on_hand == 2  # the two units, each once
    assert stock.stock_drift(session).movements == 0


def test_an_exchanged_units_return_stays_in_stock_when_the_order_is_synced(session: Session) -> None:
    order, sku = _returned_line(session, 2)
    stock.sync_order_stock(session, [order.id])  # the order is still shipped, never refunded
    returns = stock.ensure_warehouses(session)[stock.RETURNS]
    assert stock.sku_balance(session, sku.id, returns).on_hand == 2
    assert stock.stock_drift(session).movements == 0


def test_resend_records_the_follow_up_shipment(session: Session) -> None:
    order = _order(session)
    t = _ticket(session, order_id=order.id, category="resend_exchange")
    with pytest.raises(ValidationError):
        svc.record_resend(session, t.id, "中通", "ZT1", expected_version=t.version)
    svc.update_ticket(session, t.id, _edit(category="resend_exchange", aftersale_type="resend"),
                      expected_version=t.version)  # fmt: skip
    session.refresh(t)
    svc.record_resend(session, t.id, "中通", "ZT1", expected_version=t.version, now=MON)
    detail = svc.ticket_detail(session, t.id)
    assert (detail.resend_carrier, detail.resend_tracking) == ("中通", "ZT1")


def test_a_resends_units_leave_the_main_warehouse_once(session: Session) -> None:
    order, sku, item = _linked_line(session)
    stock.sync_order_stock(session, [order.id])
    main = stock.ensure_warehouses(session)[stock.MAIN]
    before = stock.sku_balance(session, sku.id, main).on_hand
    t = _ticket(session, order_id=order.id, category="resend_exchange")
    svc.update_ticket(session, t.id, _edit(category="resend_exchange", aftersale_type="resend"),
                      expected_version=t.version)  # fmt: skip
    session.refresh(t)
    with pytest.raises(ValidationError) as err:
        svc.record_resend(session, t.id, "中通", "ZT1", item_id=item.id, qty=3, expected_version=t.version)
    assert err.value.code == "resend_qty"
    changes = svc.record_resend(session, t.id, "中通", "ZT1", item_id=item.id, qty=1, expected_version=t.version)
    assert changes.stock and stock.sku_balance(session, sku.id, main).on_hand == before - 1
    session.refresh(t)  # the tracking number corrected: no second parcel out of stock
    changes = svc.record_resend(session, t.id, "中通", "ZT2", item_id=item.id, qty=1, expected_version=t.version)
    assert not changes.stock and stock.sku_balance(session, sku.id, main).on_hand == before - 1
    stock.sync_order_stock(session, [order.id])  # the order's own shipment is still booked once
    assert stock.sku_balance(session, sku.id, main).on_hand == before - 1
    assert stock.stock_drift(session).movements == 0
    kinds = [e.kind for e in svc.ticket_detail(session, t.id).events]
    assert kinds.count("ship_out") == 1 and kinds.count("reship") == 2


# ---------------------------------------------------------------- canned replies


def test_canned_reply_filled_from_the_ticket(session: Session) -> None:
    order = _order(session)
    t = _ticket(session, order_id=order.id, category="return_refund")
    svc.update_ticket(session, t.id, _edit(aftersale_type="return_refund", refund_cents=1250),
                      expected_version=t.version)  # fmt: skip
    svc.save_canned(session, svc.CannedEdit("退款", "return_refund", "{buyer}您好，订单{order_id}退款{refund_amount}"))
    svc.save_canned(session, svc.CannedEdit("物流", "logistics", "{carrier} {tracking_no} {unknown}"))
    rows = svc.list_canned(session, "return_refund")
    assert [r.title for r in rows] == ["退款"]
    detail = svc.ticket_detail(session, t.id)
    assert svc.fill_canned(rows[0].body, detail) == "小明您好，订单T1001退款¥12.50"
    logistics = svc.list_canned(session, "logistics")[0]
    assert svc.fill_canned(logistics.body, detail) == "顺丰 SF123 {unknown}"
    canned.delete_canned(session, logistics.id, expected_version=logistics.version)
    assert len(svc.list_canned(session)) == 1


# ---------------------------------------------------------------- queue


def test_queue_filters_and_home_count_agree(session: Session) -> None:
    me, other = _staff(session, "Me"), _staff(session, "Other")
    shop_order = _order(session)
    fresh = _ticket(session, MON)  # due 11:00
    old = _ticket(session, MON - timedelta(days=3), category="quality")  # overdue
    mine = _ticket(session, MON - timedelta(minutes=30), order_id=shop_order.id)  # first reply due 10:30: soon
    svc.claim_ticket(session, mine.id, me, now=MON)
    svc.assign_tickets(session, [old.id], other, now=MON)
    now = MON + timedelta(minutes=5)

    def ids(**kw: object) -> set[int]:
        flt = TicketFilter(**kw)  # type: ignore[arg-type]
        rows = svc.queue_page(session, flt, PageRequest(sort="created_at", descending=True), now)
        assert len(rows) == svc.count_queue(session, flt, now)
        return {r.id for r in rows}

    assert ids() == {fresh.id, old.id, mine.id}
    assert ids(view="mine", me=me) == {mine.id}
    assert ids(view="unassigned") == {fresh.id}
    assert ids(view="overdue") == {old.id}
    assert ids(view="soon") == {mine.id, fresh.id}
    assert ids(category="quality") == {old.id}
    assert ids(shop_id=shop_order.shop_id) == {mine.id}
    assert ids(search="PARCEL") == {fresh.id, old.id, mine.id} and ids(search=f"#{old.id}") == {old.id}
    assert dashboard.overdue_ticket_count(session, now) == 1
    row = svc.queue_page(session, TicketFilter(view="overdue"), PageRequest(sort="due"), now)[0]
    assert row.clock_state(now) == "overdue" and row.assignee == "Other"
    for sort in ("id", "subject", "category", "priority", "status", "assignee", "due", "buyer"):
        assert len(svc.queue_page(session, TicketFilter(), PageRequest(sort=sort), now)) == 3


# ---------------------------------------------------------------- figures


def test_agent_month_figures(session: Session) -> None:
    a, b = _staff(session, "Ann"), _staff(session, "Bob")
    for n, (agent, reply_min, resolve_h) in enumerate([(a, 10, 2), (a, 30, 3), (a, 90, 30), (b, 5, 1)]):
        t = _ticket(session, MON + timedelta(minutes=n), category="bad_review" if agent == b else "logistics")
        svc.claim_ticket(session, t.id, agent, now=t.created_at)
        svc.record_reply(session, t.id, "hi", now=t.created_at + timedelta(minutes=reply_min))
        if agent == b:
            session.refresh(t)
            svc.update_ticket(session, t.id, svc.TicketEdit(t.subject, "bad_review", "normal", "", "", "",
                                                            satisfaction=5, review_outcome="removed"),
                              expected_version=t.version)  # fmt: skip
        session.refresh(t)
        end = t.created_at + timedelta(hours=resolve_h)
        svc.set_status(session, t.id, "resolved", expected_version=t.version, now=end)
    month = svc.agent_month_figures(session, 2026, 8)
    ann = next(x for x in month.agents if x.name == "Ann")
    assert (ann.handled, ann.first_response_median_s, ann.first_response_p90_s) == (3, 1800, 5400)
    assert ann.sla_met == 2 and ann.sla_hit_rate_bp == 6667  # one late reply (30 h wall are 21 h at the desk)
    assert ann.resolution_p90_s == 21 * HOUR
    bob = next(x for x in month.agents if x.name == "Bob")
    assert (bob.bad_reviews, bob.bad_reviews_recovered, bob.satisfaction_x100) == (1, 1, 500)
    assert month.total is not None and month.total.handled == 4
    assert svc.agent_month_figures(session, 2026, 9).total is None


def test_ticket_resolved_after_midnight_on_month_end_counts_in_the_new_month(session: Session) -> None:
    t = _ticket(session, cn(2026, 8, 31, 23))
    svc.set_status(session, t.id, "resolved", expected_version=t.version, now=cn(2026, 9, 1, 0, 30))
    session.refresh(t)
    assert t.resolution_s == HOUR  # 23:00–24:00 only: the desk opens at 09:00
    assert svc.agent_month_figures(session, 2026, 8).total is None
    sept = svc.agent_month_figures(session, 2026, 9).total
    assert sept is not None and sept.handled == 1 and sept.resolution_median_s == HOUR


def test_a_months_service_figures_follow_the_shops_zone(session: Session) -> None:
    shop = Shop(platform="taobao", name="London shop", timezone="Europe/London")  # the only zone: the house's
    session.add(shop)
    session.flush()
    t = _ticket(session, cn(2026, 8, 31, 20))
    resolved = datetime(2026, 8, 31, 22, 30, tzinfo=UTC)  # 23:30 in London, already September 1 in China
    svc.set_status(session, t.id, "resolved", expected_version=t.version, now=resolved)
    august = svc.agent_month_figures(session, 2026, 8).total
    assert august is not None and august.handled == 1
    assert svc.agent_month_figures(session, 2026, 9).total is None
    home = dashboard.load_home_dashboard(session, datetime(2026, 8, 31, 22, 45, tzinfo=UTC)).service
    assert home is not None and home.total is not None and home.total.handled == 1


def test_percentile_nearest_rank() -> None:
    assert figures.percentile([], 90) is None
    assert figures.percentile([5], 90) == 5
    assert figures.percentile(list(range(1, 11)), 90) == 9
    assert figures.percentile(list(range(1, 11)), 50) == 5


def test_times_are_utc(session: Session) -> None:
    t = _ticket(session, datetime(2026, 8, 10, 2, tzinfo=UTC))
    assert t.created_at.tzinfo is not None


def test_figures_of_tickets_written_without_the_desk(session: Session) -> None:
    agent = _staff(session, "Old")
    start = cn(2026, 8, 3, 10)
    old = Ticket(
        subject="old", category="logistics", status="resolved", assignee_id=agent, created_at=start,
        first_response_at=start + timedelta(minutes=90), first_response_due=start + timedelta(hours=1),
        resolved_at=start + timedelta(hours=5), resolution_due=start + timedelta(hours=24), satisfaction=4,
    )  # fmt: skip
    session.add(old)
    mine = _ticket(session)  # opened by the desk: has its figures already
    session.flush()
    assert figures.record_past_figures(session) == 1
    session.refresh(old)
    assert (old.first_response_s, old.response_breached, old.resolution_s) == (5400, True, 5 * HOUR)
    assert (old.handled_by_id, old.sla_business_hours, old.resolution_target_s) == (agent, False, 24 * HOUR)
    month = svc.agent_month_figures(session, 2026, 8)
    assert month.total is not None and (month.total.handled, month.total.sla_met) == (1, 0)
    assert mine.first_response_s is None
