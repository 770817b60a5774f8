"""A refund export opens an after-sale ticket for each refund still pending, with its deadlines from the
buyer's application; undoing the import removes those tickets again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.tickets import after_sale_from_text
from sellerdesk.models import Order, Ticket
from sellerdesk.services.imports import import_paths, undo_batch
from tests.unit.platforms.exportfiles import TB_REFUNDS, write_csv

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def test_pending_refund_opens_an_after_sale_ticket(session: Session, tmp_path: Path) -> None:
    import_paths(session, [SAMPLES / "ExportOrderList202609030915.csv"])
    order = session.scalars(select(Order).where(Order.platform_order_id == "2786218520199193598")).one()
    pending = {
        "退款编号": "150000000009",
        "订单编号": '="2786218520199193598"',
        "买家退款金额": "99999.00",  # more than was paid: the ticket's refund stops at the paid amount
        "是否需要退货": "是",
        "退款的申请时间": "2026-08-04 10:00:00",
        "退款状态": "买家已经申请退款，等待卖家同意",
        "买家退款原因": "尺码不合适",
    }
    done = pending | {"退款编号": "150000000010", "退款状态": "退款成功"}
    results = import_paths(session, [write_csv(tmp_path / "refunds.csv", TB_REFUNDS, [pending, done])])
    ticket = session.scalars(select(Ticket).where(Ticket.order_id == order.id)).one()
    assert (ticket.category, ticket.aftersale_type, ticket.subject) == ("return_refund", "return_refund", "尺码不合适")
    assert ticket.refund_cents == order.paid_cents
    assert ticket.platform == "taobao" and ticket.resolution_due == ticket.created_at + timedelta(hours=48)
    # The same pending refund again (a later export): no second ticket.
    again = pending | {"退款编号": "150000000011"}
    import_paths(session, [write_csv(tmp_path / "refunds2.csv", TB_REFUNDS, [again])])
    assert len(session.scalars(select(Ticket).where(Ticket.order_id == order.id)).all()) == 1
    batch = results[0].batch_id
    assert batch is not None
    undo_batch(session, batch)  # the import that opened the ticket: undone, the ticket goes with it
    assert session.scalars(select(Ticket).where(Ticket.order_id == order.id)).all() == []


def test_after_sale_type_from_the_export_words() -> None:
    assert after_sale_from_text("退货退款", shipped=True) == "return_refund"
    assert after_sale_from_text("仅退款", shipped=False) == "refund_unshipped"
    assert after_sale_from_text("否", shipped=True) == "refund_shipped"
    assert after_sale_from_text("换货", shipped=True) == "exchange"
    assert after_sale_from_text("补寄", shipped=True) == "resend"
    assert after_sale_from_text("", shipped=True) == ""
