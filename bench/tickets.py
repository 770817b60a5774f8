"""Ticket queue and service figures over 200,000 tickets (a year of a 30-agent desk).

Builds (once) bench/.cache/tickets_200000.sqlite with Core inserts: tickets spread over twelve months,
most resolved with their stored figures, a few thousand still open (some overdue, some breaching soon).
Then, three times each, in this process:

- every queue view the tab offers (all open, mine, unassigned, breaching soon, overdue, a category, a
  shop, a search): the count plus the first page, as the tab's model asks for them; ``queue_ms`` is the
  slowest view's median;
- ``agent_month_s``: one month of per-agent figures (``services.tickets.agent_month_figures``).

Goals: ≤ 300 ms for any queue view, ≤ 1 s for a month of figures. As the last line, one JSON object:
{"queue_ms", "agent_month_s"}.

    python bench/tickets.py [--url postgresql+psycopg://…]   (a PostgreSQL database is filled if empty)
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, insert, select

from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.models import Shop, StaffUser, Ticket
from sellerdesk.services import tickets as svc
from sellerdesk.services.browse import PageRequest
from sellerdesk.services.tickets.queue import TicketFilter

CACHE = Path(__file__).resolve().parent / ".cache"
TICKETS = 200_000
AGENTS = 30
RUNS = 3
NOW = datetime(2026, 12, 1, 4, tzinfo=UTC)  # noon China time: the end of the generated year
CATEGORIES = ("pre_sale", "logistics", "return_refund", "resend_exchange", "quality", "bad_review", "other")


def _rows(rnd: random.Random, shops: list[int]) -> list[dict[str, object]]:
    rows = []
    for n in range(TICKETS):
        open_ = n > TICKETS - 4000
        created = NOW - timedelta(seconds=int(365 * 86400 * (n / TICKETS) ** 0.9))
        if open_ and n % 10 == 0:  # opened within the hour: breaching soon
            created = NOW - timedelta(minutes=rnd.randint(10, 50))
        responded = created + timedelta(seconds=rnd.randint(30, 5400))
        resolved = created + timedelta(seconds=rnd.randint(1800, 40 * 3600))
        agent = rnd.randint(1, AGENTS)
        row: dict[str, object] = {
            "subject": f"工单 {n}",
            "category": CATEGORIES[n % len(CATEGORIES)],
            "priority": ("normal", "normal", "high", "low", "urgent")[n % 5],
            "status": ("new", "open", "pending")[n % 3] if open_ else ("resolved", "closed")[n % 2],
            "assignee_id": None if open_ and n % 4 == 0 else agent,
            "shop_id": shops[n % len(shops)],
            "platform": ("taobao", "jd", "pdd", "douyin")[n % 4],
            "buyer_nick": f"buyer{n % 50_000}",
            "created_at": created,
            "first_response_due": created + timedelta(hours=1),
            "resolution_due": None if open_ and n % 3 == 2 else created + timedelta(hours=24),
            "first_response_target_s": 3600,
            "resolution_target_s": 86400,
            "version": 1,
        }
        if not open_ or n % 2:
            row.update(first_response_at=responded, first_response_s=int((responded - created).total_seconds()))
            row["response_breached"] = responded > created + timedelta(hours=1)
        if not open_:
            row.update(
                resolved_at=resolved,
                resolution_s=int((resolved - created).total_seconds()),
                resolution_breached=resolved > created + timedelta(hours=24),
                handled_by_id=agent,
                satisfaction=rnd.choice((None, 3, 4, 5, 5)),
            )
        rows.append(row)
    return rows


def database(url: str | None) -> Engine:
    if url is None:
        CACHE.mkdir(exist_ok=True)
        url = f"sqlite:///{CACHE / f'tickets_{TICKETS}.sqlite'}"
    engine = make_engine(url)
    ensure_schema(engine)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        if s.scalar(select(func.count()).select_from(Ticket)) >= TICKETS:
            return engine
        started = time.perf_counter()
        s.execute(insert(StaffUser), [{"login": f"a{i}", "name": f"客服{i:02d}", "role": "service_specialist"}
                                      for i in range(1, AGENTS + 1)])  # fmt: skip
        s.execute(insert(Shop), [{"platform": p, "name": f"{p} 店"} for p in ("taobao", "jd", "pdd", "douyin")])
        shops = list(s.scalars(select(Shop.id)))
        rows = _rows(random.Random(7), shops)
        for start in range(0, len(rows), 10_000):
            s.execute(insert(Ticket), rows[start : start + 10_000])
        print(f"built {TICKETS:,} tickets in {time.perf_counter() - started:.1f} s")
    return engine


def _timed(fn: object) -> float:
    started = time.perf_counter()
    fn()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="database URL (default: a SQLite file under bench/.cache)")
    engine = database(parser.parse_args().url)
    factory = make_session_factory(engine)
    with factory() as s:
        shop = s.scalar(select(Shop.id))
    views = {
        "open": TicketFilter(),
        "mine": TicketFilter(view="mine", me=7),
        "unassigned": TicketFilter(view="unassigned"),
        "soon": TicketFilter(view="soon"),
        "overdue": TicketFilter(view="overdue"),
        "category": TicketFilter(category="quality", status=""),
        "shop": TicketFilter(shop_id=shop, status=""),
        "search": TicketFilter(search="buyer123", status=""),
        "all_by_due": TicketFilter(status=""),
    }
    medians: dict[str, float] = {}
    with factory() as s:
        for name, flt in views.items():
            sort = "due" if name == "all_by_due" else "created_at"
            request = PageRequest(sort=sort, descending=sort == "created_at", search=flt.search)

            def view(flt: TicketFilter = flt, request: PageRequest = request) -> None:
                svc.count_queue(s, flt, NOW)
                svc.queue_page(s, flt, request, NOW)

            view()  # warm
            times = [_timed(view) for _ in range(RUNS)]
            medians[name] = round(statistics.median(times), 1)
            count = svc.count_queue(s, flt, NOW)
            print(f"queue {name:<11} {count:>7,} tickets: {medians[name]:7.1f} ms (runs {[round(t) for t in times]})")
        month_times = [_timed(lambda: svc.agent_month_figures(s, 2026, 10)) / 1000 for _ in range(RUNS)]
        figures = svc.agent_month_figures(s, 2026, 10)
    total = figures.total
    assert total is not None
    agent_month = round(statistics.median(month_times), 3)
    print(f"agent month 2026-10: {total.handled:,} tickets handled by {len(figures.agents)} agents: {agent_month} s")
    print(json.dumps({"queue_ms": max(medians.values()), "agent_month_s": agent_month}))


if __name__ == "__main__":
    main()
