"""Write: a refund export's rows, and what they change on the orders."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from sellerdesk.domain.business_time import BusinessCalendar
from sellerdesk.domain.enums import RefundState
from sellerdesk.domain.records import RefundRecord
from sellerdesk.models import (
    Order,
    Refund,
)
from sellerdesk.services.imports.common import _chunks, _Tally
from sellerdesk.services.shops import ShopRow
from sellerdesk.services.tickets import cases as tickets
from sellerdesk.services.tickets.policies import load_calendar

# --- refunds ------------------------------------------------------------------------------------------


def _write_refunds(
    session: Session,
    shop: ShopRow,
    records: Sequence[RefundRecord],
    tally: _Tally,
    step: Callable[[int], None],
) -> None:
    orders = _order_ids_by_platform_id(session, shop.id, sorted({r.order_id for r in records}))
    existing = {
        row.platform_refund_id: row
        for part in _chunks([r.refund_id for r in records])
        for row in session.execute(
            select(Refund.id, Refund.platform_refund_id, Refund.amount_cents, Refund.state, Refund.status_raw).where(
                Refund.shop_id == shop.id, Refund.platform_refund_id.in_(part)
            )
        )
    }
    calendar: BusinessCalendar | None = None
    for record in records:
        values = {
            "platform_order_id": record.order_id,
            "order_id": orders.get(record.order_id),
            "amount_cents": record.amount_cents or 0,
            "state": record.state.value,
            "status_raw": record.status_raw,
            "kind": record.kind,
            "reason": record.reason,
            "seller_code": record.seller_code,
            "title": record.title,
            "applied_at": record.applied_at,
            "finished_at": record.finished_at,
        }
        row = existing.get(record.refund_id)
        if row is None:
            new_id = session.scalar(
                insert(Refund).returning(Refund.id),
                {"shop_id": shop.id, "platform_refund_id": record.refund_id, **values},
            )
            assert new_id is not None
            tally.log("refunds", new_id, "created")
            tally.created += 1
            if record.state == RefundState.REFUNDING and values["order_id"] is not None:
                calendar = calendar or load_calendar(session)
                ticket_id = tickets.open_for_refund(
                    session, int(str(values["order_id"])), kind=record.kind, reason=record.reason,
                    refund_cents=record.amount_cents or 0, applied_at=record.applied_at, calendar=calendar,
                )  # fmt: skip
                if ticket_id is not None:  # a new after-sale case: the service desk works it (undo removes it)
                    tally.log("tickets", ticket_id, "created")
        elif (row.amount_cents, row.state, row.status_raw) != (
            values["amount_cents"],
            values["state"],
            record.status_raw,
        ):
            before = session.execute(select(Refund).where(Refund.id == row.id)).scalar_one()
            tally.log("refunds", row.id, "updated", {k: getattr(before, k) for k in values})
            session.execute(update(Refund).where(Refund.id == row.id).values(**values))
            tally.updated += 1
        else:
            tally.unchanged += 1
    step(len(records))
    tally.seen.extend(orders.values())  # refunds of these orders: the batch depends on them
    _apply_refunds_to_orders(session, sorted({v for v in orders.values()}), tally)


def _order_ids_by_platform_id(session: Session, shop_id: int, ids: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in _chunks(ids):
        stmt = select(Order.platform_order_id, Order.id).where(
            Order.shop_id == shop_id, Order.platform_order_id.in_(part)
        )
        found.update(session.execute(stmt).all())
    return found


def _apply_refunds_to_orders(session: Session, order_ids: Sequence[int], tally: _Tally) -> None:
    """A completed refund in the refund export raises the order's refunded amount (never lowers it)."""
    for part in _chunks(order_ids):
        done = (
            select(Refund.order_id, func.sum(Refund.amount_cents))
            .where(Refund.order_id.in_(part), Refund.state == RefundState.REFUNDED.value)
            .group_by(Refund.order_id)
        )
        refunded = dict(session.execute(done).all())
        rows = session.execute(
            select(Order.id, Order.paid_cents, Order.refund_cents, Order.refund_state, Order.version).where(
                Order.id.in_(part)
            )
        )
        for order_id, paid, current, state, version in rows:
            amount = min(int(refunded.get(order_id, 0)), paid)
            if amount > current:
                tally.orders_changed.add(order_id)
                tally.stock_orders.add(order_id)
                tally.log("orders", order_id, "updated", {"refund_cents": current, "refund_state": state})
                session.execute(
                    update(Order)
                    .where(Order.id == order_id)
                    .values(refund_cents=amount, refund_state=RefundState.REFUNDED.value, version=version + 1)
                )
