"""Fill an empty database with a year of a realistic demo shop (小林家居, four platforms).

``generate_demo`` is deterministic for a seed and a ``today``: ``random.Random(seed)`` is the only source of
randomness. The demo clock stops at 09:00 China time on ``today`` (or now, when ``today`` is not given and it
is earlier than that), so the demo holds no instant in the future. The caller owns the transaction; nothing
here commits.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.db.bulk import indexes_deferred
from sellerdesk.demo.base import (
    DAY,
    HOUR,
    Ids,
    Progress,
    Sink,
    advance_sequences,
    day_of_number,
    local_day_number,
    local_midnight,
    time_text,
)
from sellerdesk.demo.catalog import Catalog, build_catalog
from sellerdesk.demo.data import PRODUCTS
from sellerdesk.demo.ledger import MOVEMENT_COLUMNS, Movements
from sellerdesk.demo.orders import (
    BUYER_COLUMNS,
    ITEM_COLUMNS,
    ORDER_COLUMNS,
    REFUND_COLUMNS,
    OrderStats,
    generate_orders,
)
from sellerdesk.demo.stock import StockWriter
from sellerdesk.demo.team import TeamCounts, TeamWriter, write_settings
from sellerdesk.demo.tickets import (
    EVENT_COLUMNS,
    TICKET_COLUMNS,
    ServiceStats,
    TicketWriter,
    ticket_deadlines,
    write_canned_replies,
)
from sellerdesk.domain.changes import ALL, Changes
from sellerdesk.domain.errors import ValidationError
from sellerdesk.models import Base, Buyer, Order, Refund, Sku
from sellerdesk.services.rollup import rebuild_rollup
from sellerdesk.services.search import rebuild_search
from sellerdesk.services.tickets.figures import record_past_figures

DAYS = 365
CLOCK_HOUR = 9  # the demo's "now": 09:00 China time on ``today``

# Parents before children: the sink writes its tables in this order.
_SINK_TABLES = {
    "buyers": BUYER_COLUMNS,
    "orders": ORDER_COLUMNS,
    "order_items": ITEM_COLUMNS,
    "refunds": REFUND_COLUMNS,
    "stock_movements": MOVEMENT_COLUMNS,
    "tickets": TICKET_COLUMNS,
    "ticket_events": EVENT_COLUMNS,
}


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo wrote."""

    shops: int
    staff: int
    products: int
    skus: int
    listings: int
    buyers: int
    orders: int
    order_items: int
    refunds: int
    stock_movements: int
    tickets: int
    ticket_events: int
    canned_replies: int
    tasks: int
    task_series: int
    promotions: int
    kpi_templates: int
    reviews: int
    review_lines: int

    @property
    def changes(self) -> Changes:
        """A whole shop appeared: every screen is out of date."""
        return ALL


def generate_demo(
    session: Session,
    *,
    orders: int = 20_000,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Write a year of demo data up to ``today`` (China date; default: the current one) into an empty database.

    Raises ``ValidationError`` (code ``not_empty``) when orders, SKUs, buyers or refunds already exist, and
    ``Cancelled`` when ``cancelled()`` turns true; progress is reported as ``(done, total)``. The callbacks run
    on the calling thread and must not use ``session``. The daily sales roll-up and the order search index are
    rebuilt at the end, as imports keep them.
    """
    if orders < 0:
        raise ValidationError("The number of orders cannot be negative.", code="invalid_orders", orders=orders)
    _require_empty(session)
    if today is None:
        now = int(time.time()) // 60 * 60
        today = day_of_number(local_day_number(now))  # China's date, without needing a tz database
        as_of = min(local_midnight(today) + CLOCK_HOUR * HOUR, now)
    else:
        as_of = local_midnight(today) + CLOCK_HOUR * HOUR
    steps = Progress(orders + _tail(orders), progress, cancelled)
    with _collector_paused():
        return _fill(session, orders=orders, seed=seed, today=today, as_of=as_of, steps=steps)


def _tail(orders: int) -> int:
    """Progress steps after the orders: stock, tickets and the team take about a tenth of their time."""
    return max(orders // 10, 10)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Millions of short-lived row tuples and objects, none in a cycle, would make the cyclic garbage
    collector walk the heap over and over (~15 % of the run); reference counting still frees them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def _indexes_deferred(session: Session, *, rows: int) -> Iterator[None]:
    """The big tables' secondary indexes are built once at the end, as a first import into them does."""
    with ExitStack() as stack:
        for name in _SINK_TABLES:
            stack.enter_context(indexes_deferred(session, Base.metadata.tables[name], adding=rows))
        yield


def _fill(session: Session, *, orders: int, seed: int, today: date, as_of: int, steps: Progress) -> DemoSummary:
    start = local_midnight(today) - (DAYS - 1) * DAY
    rng = random.Random(seed)
    ids = Ids(session)
    clocks = time_text(start - 400 * DAY, as_of + DAY)
    catalog = build_catalog(session, ids, rng, start=start, days=DAYS, orders=orders)
    with _indexes_deferred(session, rows=orders), Sink(session, _SINK_TABLES) as sink:
        movements = Movements(sink, ids, clocks[0], catalog.warehouses)
        stats = generate_orders(rng, catalog, sink, clocks, ids, movements, steps, orders=orders, as_of=as_of)
        stock = StockWriter(rng, catalog, sink, movements, as_of)
        stock.write(stats)
        steps.advance(_tail(orders) // 2)
        dues = ticket_deadlines(session)
        service = TicketWriter(rng, catalog, sink, clocks, ids, as_of, dues).write(stats.tickets)
        steps.advance(_tail(orders) // 3)
    canned = write_canned_replies(session, ids)
    record_past_figures(session)  # the service desk's stored figures, for the tickets written directly
    team = TeamWriter(session, ids, rng, catalog, today=today, as_of=as_of).write(stats, service)
    write_settings(session, as_of=as_of, orders=orders, seed=seed)
    # The orders were written directly, so the roll-up and the search index that imports keep are made here.
    rebuild_rollup(session)
    rebuild_search(session)
    advance_sequences(session, ids.used_tables())
    steps.finish()
    return _summary(catalog, stats, sink, service, canned, team)


def _summary(
    catalog: Catalog, stats: OrderStats, sink: Sink, service: ServiceStats, canned: int, team: TeamCounts
) -> DemoSummary:
    return DemoSummary(
        shops=len(catalog.shops),
        staff=sum(len(members) for members in catalog.staff.values()),
        products=len(PRODUCTS),
        skus=len(catalog.skus),
        listings=sum(len(sku.listings) for sku in catalog.skus),
        buyers=stats.buyers,
        orders=stats.orders,
        order_items=stats.items,
        refunds=stats.refunds,
        stock_movements=sink.counts["stock_movements"],
        tickets=service.tickets,
        ticket_events=service.events,
        canned_replies=canned,
        tasks=team.tasks,
        task_series=team.task_series,
        promotions=team.promotions,
        kpi_templates=team.kpi_templates,
        reviews=team.reviews,
        review_lines=team.review_lines,
    )


def _require_empty(session: Session) -> None:
    for model in (Order, Sku, Buyer, Refund):
        if session.scalar(select(model.id).limit(1)) is not None:
            raise ValidationError(
                "The demo fills an empty database only; this one already has data.",
                code="not_empty",
                table=model.__tablename__,
            )
