"""Tracking numbers entered in SellerDesk, and the batch-ship files that send them to the platforms."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.carriers import carrier_names, official_carrier
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import OrderStatus, Platform
from sellerdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from sellerdesk.models import Order
from sellerdesk.sheets.shipping import MAX_ROWS_PER_FILE, ShipRow, fill_template, write_ship_file

_TRACKING = re.compile(r"^[A-Za-z0-9]{6,40}$")


@dataclass(frozen=True)
class TrackingEntry:
    order_id: int
    carrier: str
    tracking_no: str
    expected_version: int


def enter_tracking(session: Session, entries: Sequence[TrackingEntry]) -> Changes:
    """Record carriers and tracking numbers; carriers become the platform's full name.

    Every entry is checked before any is written; a row someone changed meanwhile is a conflict.
    """
    orders = {o.id: o for o in session.scalars(select(Order).where(Order.id.in_([e.order_id for e in entries])))}
    planned = []
    for entry in entries:
        order = orders.get(entry.order_id)
        if order is None:
            raise NotFoundError(f"Order {entry.order_id} does not exist.", code="order_not_found", id=entry.order_id)
        if order.version != entry.expected_version:
            raise ConflictError(
                f"Order {order.platform_order_id} was changed by someone else; reload it.",
                code="order_changed",
                order=order.platform_order_id,
            )
        carrier = official_carrier(entry.carrier, Platform(order.platform))
        if carrier is None:
            raise ValidationError(
                f"{entry.carrier!r} is not a carrier {order.platform} accepts.",
                code="unknown_carrier",
                carrier=entry.carrier,
                order=order.platform_order_id,
            )
        tracking = entry.tracking_no.strip().replace(" ", "")
        if not _TRACKING.match(tracking):
            raise ValidationError(
                f"{entry.tracking_no!r} is not a tracking number (6-40 letters and digits).",
                code="bad_tracking",
                tracking=entry.tracking_no,
                order=order.platform_order_id,
            )
        planned.append((order, carrier, tracking))
    for order, carrier, tracking in planned:
        order.carrier, order.tracking_no = carrier, tracking
    session.flush()
    return Changes(orders=True)


def ship_rows(session: Session, platform: Platform, order_ids: Sequence[int] | None = None) -> list[ShipRow]:
    """Orders to send: the given ones, or every paid, unshipped order with a tracking number entered."""
    stmt = select(Order.platform_order_id, Order.carrier, Order.tracking_no).where(
        Order.platform == platform.value, Order.tracking_no != ""
    )
    if order_ids is not None:
        stmt = stmt.where(Order.id.in_(order_ids))
    else:
        stmt = stmt.where(Order.status == OrderStatus.PAID.value)
    return [ShipRow(*row) for row in session.execute(stmt.order_by(Order.paid_at))]


def write_batch_ship_files(
    session: Session,
    platform: Platform,
    folder: Path,
    *,
    order_ids: Sequence[int] | None = None,
    template: Path | None = None,
) -> list[Path]:
    """Write the upload file(s), at most 1,000 rows each; fill ``template`` when the user gave one."""
    rows = ship_rows(session, platform, order_ids)
    if not rows:
        raise ValidationError("No orders with tracking numbers to send.", code="nothing_to_ship")
    written = []
    for part, start in enumerate(range(0, len(rows), MAX_ROWS_PER_FILE), start=1):
        chunk = rows[start : start + MAX_ROWS_PER_FILE]
        target = folder / f"批量发货_{platform.value}_{part}.xlsx"
        if template is not None:
            written.append(fill_template(template, target, chunk))
        else:
            written.append(write_ship_file(target, platform, chunk, carrier_names(platform)))
    return written
