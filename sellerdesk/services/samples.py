"""Export files in each platform's own format, written from orders in the database.

``sellerdesk demo --export-samples DIR`` uses them so a new user can try an import at once, and the
import benchmark uses them to make 100,000-row files. They follow the real layouts (headers, encodings,
``="…"`` ids, ``No:`` tracking numbers, PDD tab quirks) that the importers read: each platform module
states its layouts and row writers (``PlatformSpec.samples``); this service reads the orders for them.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.sample_rows import SampleLine, SampleOrder
from sellerdesk.models import Order, Shop
from sellerdesk.platforms.registry import PLATFORMS
from sellerdesk.platforms.samples import Row, SampleExport
from sellerdesk.sheets.export_files import write_export_file


def _orders(session: Session, platform: Platform | None) -> Generator[Order]:
    stmt = select(Order).options(selectinload(Order.items)).order_by(Order.id).execution_options(yield_per=2000)
    if platform is not None:
        stmt = stmt.where(Order.platform == platform.value)
    result = session.scalars(stmt)
    try:
        yield from result
    finally:  # a file cut to a row count stops early: the cursor (a server-side one on PostgreSQL) closes now
        result.close()


def sample_order(order: Order, shop_name: str) -> SampleOrder:
    """An order as the platforms' sample writers take it (they know no database)."""
    lines = tuple(
        SampleLine(
            i.sub_order_id, i.title, i.spec, i.seller_code, i.platform_item_id, i.platform_sku_id, i.qty,
            i.unit_price_cents, i.payable_cents, i.paid_cents, i.refund_cents,
            OrderStatus(i.status) if i.status else None, RefundState(i.refund_state),
        )
        for i in order.items
    )  # fmt: skip
    return SampleOrder(
        order.platform_order_id, shop_name, OrderStatus(order.status), order.created_at, order.paid_at,
        order.shipped_at, order.completed_at, order.goods_cents, order.shipping_cents, order.discount_cents,
        order.paid_cents, order.refund_cents, order.units, order.buyer_nick, order.receiver_name,
        order.receiver_phone, order.receiver_province, order.receiver_city, order.receiver_district,
        order.receiver_address, order.receiver_zip, order.buyer_message, order.seller_memo, order.carrier,
        order.tracking_no, lines,
    )  # fmt: skip


def exports() -> dict[str, tuple[Platform, SampleExport]]:
    """Every registered platform's sample exports by file stem."""
    return {e.stem: (platform, e) for platform, spec in PLATFORMS.items() for e in spec.samples}


def write_export(
    session: Session, stem: str, path: Path, *, max_rows: int | None = None, every_platform: bool = False
) -> int:
    """Write one export (CSV, or xlsx when ``path`` ends in .xlsx); returns the number of data rows.

    ``every_platform`` renders all orders in this layout (benchmarks use it to make large files).
    ``max_rows`` ends the file before the first order whose rows would not all fit: an export never cuts
    an order's lines apart (a JD order cut at the last row fails its own amount check and refuses the file).
    """
    platform, export = exports()[stem]
    shops = dict(session.execute(select(Shop.id, Shop.name)).all())
    source = _orders(session, None if every_platform else platform)
    writer = export.rows
    orders = (list(writer(sample_order(order, shops[order.shop_id]))) for order in source)
    try:
        return write_export_file(path, export.header, _whole_orders(orders, max_rows), encoding=export.encoding)
    finally:
        source.close()


def _whole_orders(orders: Iterator[list[Row]], max_rows: int | None) -> Iterator[Row]:
    """Every row of each order, up to ``max_rows`` rows, never part of an order."""
    written = 0
    for rows in orders:
        if max_rows is not None and written + len(rows) > max_rows:
            return
        written += len(rows)
        yield from rows
