"""Shipping, in one place: carriers and tracking numbers entered in SellerDesk (typed, pasted or read from a
sheet), marking orders shipped, and the batch-ship files that send them to the platforms.

What a platform accepts (carrier names, the upload's columns) is its platform module's (``PlatformSpec``);
sheets/shipping.py writes the files from that layout.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.db.tracking import act_as
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import OrderStatus, Platform
from sellerdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from sellerdesk.domain.permissions import Action, Actor, require
from sellerdesk.models import Order
from sellerdesk.platforms.registry import spec_of
from sellerdesk.services.stock import sync_order_stock
from sellerdesk.sheets.shipping import MAX_ROWS_PER_FILE, ShipRow, fill_template, write_ship_file

_TRACKING = re.compile(r"^[A-Za-z0-9]{6,40}$")


@dataclass(frozen=True)
class ShipEntry:
    """A carrier and tracking number for one order, with the version the user saw."""

    order_id: int
    carrier: str
    tracking_no: str
    expected_version: int


def enter_tracking(session: Session, entries: Sequence[ShipEntry]) -> Changes:
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
        carrier = spec_of(order.platform).official_carrier(entry.carrier)
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


def mark_shipped(session: Session, entries: Sequence[ShipEntry], now: datetime, *, actor: Actor) -> Changes:
    """Record carrier and tracking and mark paid orders shipped at ``now``; all or nothing.

    Versions are checked (someone else's edit is a conflict); the stock ledger follows
    (``services.stock.sync_order_stock``).
    """
    require(actor, Action.SHIP_ORDERS)
    act_as(session, actor)
    if not entries:
        raise ValidationError("No orders to ship.", code="nothing_to_ship")
    ids = [e.order_id for e in entries]
    orders = {o.id: o for o in session.scalars(select(Order).where(Order.id.in_(ids)))}
    for entry in entries:
        order = orders.get(entry.order_id)
        if order is not None and order.status != OrderStatus.PAID.value:
            raise ValidationError(
                f"Order {order.platform_order_id} is not waiting to be shipped.",
                code="not_shippable",
                order=order.platform_order_id,
            )
    changes = enter_tracking(session, entries)  # checks existence, versions, carriers, numbers
    for order in orders.values():
        order.status = OrderStatus.SHIPPED.value
        order.shipped_at = now
    session.flush()
    sync_order_stock(session, ids)  # reservations become stock out
    return changes | Changes(orders=True, stock=True)


# ---------------------------------------------------------------- pasted or read tracking input


@dataclass(frozen=True)
class PastedLine:
    """One line of pasted or read tracking input, resolved to an order when possible."""

    line: int  # 1-based
    platform_order_id: str
    carrier: str  # the platform's full name when known, else as typed
    tracking_no: str
    order_id: int | None = None
    expected_version: int = 0
    problem: str = ""  # "" / not_found / ambiguous / unknown_carrier / not_shippable / incomplete


def parse_tracking_rows(session: Session, rows: Sequence[Sequence[str]]) -> tuple[PastedLine, ...]:
    """Rows of (order id, carrier, tracking no.) from a paste or a sheet, matched to orders."""
    cleaned = [tuple(str(c).strip() for c in row[:3]) for row in rows]
    wanted = {r[0] for r in cleaned if r and r[0]}
    found: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    keys = sorted(wanted)
    for start in range(0, len(keys), 500):
        stmt = select(Order.platform_order_id, Order.id, Order.version, Order.platform, Order.status).where(
            Order.platform_order_id.in_(keys[start : start + 500])
        )
        for pid, oid, version, platform, status in session.execute(stmt):
            found[pid].append((oid, version, platform, status))
    return tuple(_resolve(n, row, found) for n, row in enumerate(cleaned, 1) if any(row))


def _resolve(n: int, row: Sequence[str], found: Mapping[str, list[tuple[int, int, str, str]]]) -> PastedLine:
    pid, carrier, tracking = (*row, "", "", "")[:3]
    if not (pid and carrier and tracking):
        return PastedLine(n, pid, carrier, tracking, problem="incomplete")
    matches = found.get(pid, [])
    if len(matches) != 1:
        return PastedLine(n, pid, carrier, tracking, problem="not_found" if not matches else "ambiguous")
    oid, version, platform, status = matches[0]
    official = spec_of(platform).official_carrier(carrier)
    problem = "unknown_carrier" if official is None else ""
    if not problem and status != OrderStatus.PAID.value:
        problem = "not_shippable"
    return PastedLine(n, pid, official or carrier, tracking, oid, version, problem)


def split_pasted_text(text: str) -> list[list[str]]:
    """Tab-, comma- or space-separated lines (as copied from Excel/WPS or typed) → cells."""
    rows = []
    for line in text.splitlines():
        if not line.strip():
            continue
        sep = "\t" if "\t" in line else ("," if "," in line else ("，" if "，" in line else None))
        rows.append([c.strip() for c in line.split(sep)])
    return rows


_ID_HEADERS = ("订单编号", "订单号", "主订单编号", "订单ID", "order id")
_CARRIER_HEADERS = ("物流公司", "快递公司", "物流公司名称", "carrier")
_TRACKING_HEADERS = ("运单号", "快递单号", "物流单号", "运单编号", "tracking number", "tracking no.")


def tracking_rows_from_sheet(path: Path) -> list[list[str]]:
    """(order id, carrier, tracking no.) rows from a sheet: columns found by their headers, else the first three."""
    from sellerdesk.sheets.reading import read_table

    table = read_table(path, known_headers=(*_ID_HEADERS, *_CARRIER_HEADERS, *_TRACKING_HEADERS))
    header = [h.strip().lower() for h in table.header]

    def find(names: Sequence[str], fallback: int) -> int:
        return next((header.index(n.lower()) for n in names if n.lower() in header), fallback)

    cols = (find(_ID_HEADERS, 0), find(_CARRIER_HEADERS, 1), find(_TRACKING_HEADERS, 2))
    # No NUL reaches a query: PostgreSQL refuses it in any text, even a looked-up value.
    return [[cells[c].replace("\x00", "") if c < len(cells) else "" for c in cols] for _n, cells in table.whole_rows()]


# ---------------------------------------------------------------- batch-ship files


def shippable_platforms(session: Session, order_ids: Sequence[int]) -> tuple[str, ...]:
    """The platforms of these orders: one batch-ship file set each."""
    stmt = select(Order.platform).where(Order.id.in_(list(order_ids))).distinct().order_by(Order.platform)
    return tuple(session.scalars(stmt))


def ship_rows(session: Session, platform: Platform, order_ids: Sequence[int] | None = None) -> list[ShipRow]:
    """Orders to send: the given ones, or every paid, unshipped order with a tracking number entered."""
    stmt = select(Order.platform_order_id, Order.carrier, Order.tracking_no).where(
        Order.platform == platform.value, Order.tracking_no != ""
    )
    if order_ids is not None:
        stmt = stmt.where(Order.id.in_(order_ids))
    else:
        stmt = stmt.where(Order.status == OrderStatus.PAID.value)
    return [ShipRow(*row) for row in session.execute(stmt.order_by(Order.paid_at, Order.id))]


def write_batch_ship_files(
    session: Session,
    platform: Platform,
    folder: Path,
    *,
    order_ids: Sequence[int] | None = None,
    template: Path | None = None,
) -> list[Path]:
    """Write the upload file(s) in the platform's layout, at most 1,000 rows each; fill ``template`` when the
    user gave one."""
    layout = spec_of(platform).ship
    if layout is None:
        raise ValidationError(
            f"SellerDesk writes no batch-ship file for {platform.value}.",
            code="no_ship_layout",
            platform=platform.value,
        )
    rows = ship_rows(session, platform, order_ids)
    if not rows:
        raise ValidationError("No orders with tracking numbers to send.", code="nothing_to_ship")
    written = []
    for part, start in enumerate(range(0, len(rows), MAX_ROWS_PER_FILE), start=1):
        chunk = rows[start : start + MAX_ROWS_PER_FILE]
        target = folder / f"批量发货_{platform.value}_{part}.xlsx"
        if template is not None:
            written.append(fill_template(template, target, layout, chunk))
        else:
            written.append(write_ship_file(target, layout, chunk))
    return written
