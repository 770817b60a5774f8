"""The home dashboard's service (services/dashboard.py): work queues, chart series and the figures, one read.

Runs on every backend of tests/conftest.py. No Qt here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy.orm import Session

from sellerdesk.models import AppSetting, Order, Product, Shop, Sku, StockMovement, Task, Ticket, Warehouse
from sellerdesk.services.dashboard import QUEUE_KEYS, WorkQueues, count_work_queues, load_home_dashboard
from sellerdesk.services.reports import Figures, list_daily_figures, list_refund_trend
from sellerdesk.services.rollup import rebuild_rollup

NOW = datetime(2026, 9, 20, 4, 0, tzinfo=UTC)  # 12:00 on Sep 20 in China
TODAY = date(2026, 9, 20)


def _order(shop: Shop, n: int, paid_at: datetime | None, status: str = "completed", refund: int = 0) -> Order:
    return Order(
        shop_id=shop.id,
        platform=shop.platform,
        platform_order_id=f"{shop.platform}-{n}",
        status=status,
        created_at=paid_at or NOW,
        paid_at=paid_at,
        paid_cents=10_000 + n,
        refund_cents=refund,
        units=1,
    )


@pytest.fixture
def shop(session: Session) -> tuple[Shop, Shop]:
    taobao = Shop(platform="taobao", name="旗舰店", ship_deadline_hours=48)
    jd = Shop(platform="jd", name="京东店", ship_deadline_hours=48)
    session.add_all([taobao, jd, Warehouse(code="main", name="主仓")])
    session.flush()
    session.add(AppSetting(key="late_ship_hours", value={"jd": 24}))  # JD ships within a day
    session.add_all(
        [
            _order(taobao, 1, NOW - timedelta(hours=50), "paid"),  # late (48 h)
            _order(taobao, 2, NOW - timedelta(hours=30), "paid"),  # not yet late
            _order(jd, 3, NOW - timedelta(hours=30), "paid"),  # late (the platform's 24 h)
            _order(jd, 4, NOW - timedelta(days=3), "shipped"),
            _order(taobao, 5, NOW - timedelta(days=31), refund=10_005),  # Aug 20: last month
            _order(taobao, 6, NOW - timedelta(days=200)),
            _order(taobao, 7, None, "pending_payment"),
        ]
    )
    session.flush()
    rebuild_rollup(session)
    return taobao, jd


def _skus(session: Session) -> None:
    product = Product(title="四件套")
    session.add(product)
    session.flush()
    warehouse = session.query(Warehouse).one()
    for code, on_hand, safety in (("A", 3, 10), ("B", 50, 10), ("C", 0, 0), ("D", 20, 0)):
        sku = Sku(product_id=product.id, seller_code=code, safety_stock=safety)
        session.add(sku)
        session.flush()
        if on_hand:
            session.add(StockMovement(sku_id=sku.id, warehouse_id=warehouse.id, kind="receipt", on_hand_delta=on_hand))
    session.flush()


def test_work_queues_count_what_the_filtered_tabs_show(session: Session, shop: tuple[Shop, Shop]) -> None:
    _skus(session)
    hour = timedelta(hours=1)
    session.add_all(
        [
            Ticket(subject="overdue", category="logistics", status="open", resolution_due=NOW - hour),
            Ticket(subject="no answer", category="other", status="new", first_response_due=NOW - hour),
            Ticket(
                subject="answered in time, resolution not due",
                category="other",
                status="pending",
                first_response_due=NOW - hour,
                first_response_at=NOW - 2 * hour,
                resolution_due=NOW + hour,
            ),
            Ticket(subject="solved late", category="other", status="resolved", resolution_due=NOW - hour),
            Ticket(subject="not due", category="other", status="open", resolution_due=NOW + hour),
            Task(title="today", due_date=TODAY, status="todo"),
            Task(title="today, doing", due_date=TODAY, status="doing"),
            Task(title="today, done", due_date=TODAY, status="done"),
            Task(title="tomorrow", due_date=TODAY + timedelta(days=1)),
            Task(title="no date"),
            Task(title="yesterday", due_date=TODAY - timedelta(days=1)),
            Task(title="this morning", due_date=TODAY, due_time=time(9, 0)),
        ]
    )
    session.flush()
    queues = count_work_queues(session, NOW)
    # Low stock: A under its safety stock, C with nothing available (the Products tab's red level).
    # Tasks: due today and not late yet (no time, or a time still to come); overdue (past the day or the time).
    assert queues == WorkQueues(
        late_to_ship=2, unshipped=3, overdue_tickets=2, low_stock=2, tasks_due_today=2, tasks_overdue=2
    )
    assert [queues.count(k) for k in QUEUE_KEYS] == [2, 3, 2, 2, 2, 2]
    with pytest.raises(ValueError):
        queues.count("everything")


def test_tasks_due_today_follow_the_china_day(session: Session) -> None:
    session.add(Task(title="Sep 21", due_date=date(2026, 9, 21)))
    session.flush()
    late_evening = datetime(2026, 9, 20, 16, 30, tzinfo=UTC)  # 00:30 on Sep 21 in China
    assert count_work_queues(session, late_evening).tasks_due_today == 1
    assert count_work_queues(session, NOW).tasks_due_today == 0


def test_home_dashboard_reads_a_year_of_days_and_a_year_of_months(session: Session, shop: tuple[Shop, Shop]) -> None:
    got = load_home_dashboard(session, NOW)
    assert got.has_data and got.today == TODAY
    assert len(got.daily) == 365 and (got.daily[0].day, got.daily[-1].day) == (TODAY - timedelta(days=364), TODAY)
    assert got.daily == list_daily_figures(session, TODAY - timedelta(days=364), TODAY, from_orders=True)
    by_day = {d.day: d for d in got.daily}
    assert by_day[date(2026, 8, 20)].by_platform == {"taobao": Figures(1, 10_005, 10_005, 1, 1)}
    assert got.platforms == ("taobao", "jd")  # the biggest first
    assert [m.month for m in got.refund_trend] == [f"{y}-{m:02d}" for y, m in [(2025, 10), (2025, 11), (2025, 12)]] + [
        f"2026-{m:02d}" for m in range(1, 10)
    ]
    assert got.refund_trend == list_refund_trend(session, 2026, 9, from_orders=True)
    assert got.figures is not None and got.queues is not None
    mtd = {c.key: c.current for c in got.figures.month_to_date.cards}
    assert mtd["paid_orders"] == 4 and mtd["gmv_cents"] == 10_001 + 10_002 + 10_003 + 10_004
    assert got.queues.late_to_ship == 2


def test_an_empty_database_has_no_dashboard(session: Session) -> None:
    got = load_home_dashboard(session, NOW)
    assert not got.has_data and got.figures is None and got.daily == () and got.platforms == ()
