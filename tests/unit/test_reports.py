"""Figures of services/reports.py against hand-computed values, and the daily roll-up against the orders.

Runs on every backend of tests/conftest.py (SQLite always, PostgreSQL when reachable). No Qt here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.db.engine import make_engine
from sellerdesk.db.migrate import alembic_config, ensure_schema, upgrade
from sellerdesk.demo import generate_demo
from sellerdesk.domain.timeutil import local_to_utc, utc_to_local
from sellerdesk.models import Buyer, Order, OrderItem, Product, Refund, Review, Shop, Sku, StaffUser, Task, Ticket
from sellerdesk.services.reports import (
    Durations,
    Figures,
    GoodsFigures,
    Ratio,
    build_monthly_report,
    compare_month,
    compute_breakdown,
    compute_dashboard,
    compute_repurchase,
    compute_service_figures,
    compute_team_figures,
    iter_paid_orders,
    list_daily_figures,
    list_refund_reasons,
    list_refund_trend,
    monthly_figures,
)
from sellerdesk.services.rollup import (
    rebuild_rollup,
    refresh_rollup,
    rollup_days,
    sum_orders_by_day,
    sum_rollup_by_day,
)

CN, TOKYO = "Asia/Shanghai", "Asia/Tokyo"
NOW = datetime(2026, 9, 5, tzinfo=UTC)


def at(y: int, m: int, d: int, h: int = 12, mi: int = 0, tz: str = CN) -> datetime:
    return local_to_utc(datetime(y, m, d, h, mi), tz)


@dataclass
class Shop_:
    """The hand-built shop: taobao in China time, JD in Tokyo time (days and months differ)."""

    a: Shop
    b: Shop
    skus: dict[str, Sku]
    buyers: dict[str, Buyer]
    orders: dict[str, Order]


def _sku(session: Session, code: str, cost: int, *, active: bool = True) -> Sku:
    product = Product(title=f"商品 {code}")
    session.add(product)
    session.flush()
    sku = Sku(product_id=product.id, seller_code=code, title=f"SKU {code}", cost_cents=cost, active=active)
    session.add(sku)
    session.flush()
    return sku


def _order(
    session: Session,
    shop: Shop,
    oid: str,
    paid_at: datetime | None,
    paid: int,
    refund: int,
    lines: list[tuple[Sku | str, int, int]],
    buyer: Buyer | None = None,
) -> Order:
    order = Order(
        shop_id=shop.id,
        platform=shop.platform,
        platform_order_id=oid,
        status="completed",
        paid_at=paid_at,
        created_at=paid_at or at(2026, 8, 15),
        paid_cents=paid,
        refund_cents=refund,
        units=sum(q for _, q, _ in lines),
        buyer_id=buyer.id if buyer else None,
        buyer_nick=buyer.nick if buyer else "",
    )
    session.add(order)
    session.flush()
    for i, (sku, qty, line_paid) in enumerate(lines):
        linked = isinstance(sku, Sku)
        session.add(
            OrderItem(
                order_id=order.id,
                sub_order_id=f"{oid}-{i}",
                sku_id=sku.id if isinstance(sku, Sku) else None,
                seller_code=sku.seller_code if isinstance(sku, Sku) else sku,
                title="线上标题" if linked else f"未知 {sku}",
                qty=qty,
                paid_cents=line_paid,
            )
        )
    session.flush()
    return order


@pytest.fixture
def shop(session: Session) -> Shop_:
    a = Shop(platform="taobao", name="旗舰店", timezone=CN, fee_rate_bp=500)
    b = Shop(platform="jd", name="京东店", timezone=TOKYO, fee_rate_bp=800)
    session.add_all([a, b])
    session.flush()
    skus = {
        "X": _sku(session, "X", 3000),
        "Y": _sku(session, "Y", 0),  # no cost entered
        "Z": _sku(session, "Z", 1000),  # active, never sold
        "W": _sku(session, "W", 500, active=False),
    }
    buyers = {n: Buyer(platform="taobao", nick=n) for n in ("b1**", "b2**")}
    session.add_all(buyers.values())
    session.flush()
    b1, b2 = buyers["b1**"], buyers["b2**"]
    x, y, w = skus["X"], skus["Y"], skus["W"]
    orders = {
        "O1": _order(session, a, "O1", at(2026, 8, 10, 10), 10000, 0, [(x, 2, 8000), (y, 1, 2000)], b1),
        "O2": _order(session, a, "O2", at(2026, 8, 11, 12), 6000, 3000, [(x, 1, 6000)], b1),
        "O3": _order(session, a, "O3", at(2026, 8, 31, 23, 30), 5000, 5000, [("ZZ-9", 1, 5000)], b2),
        # 23:30 in Tokyo is still August there; 00:30 on Sep 1 in Tokyo is 23:30 on Aug 31 in China.
        "O4": _order(session, b, "O4", at(2026, 8, 31, 23, 30, TOKYO), 4000, 0, [(w, 1, 4000)]),
        "O5": _order(session, b, "O5", at(2026, 9, 1, 0, 30, TOKYO), 7000, 0, [(x, 1, 7000)]),
        "O6": _order(session, a, "O6", None, 9000, 0, [(x, 3, 9000)]),  # never paid
        "O7": _order(session, a, "O7", at(2026, 7, 20), 5000, 0, [(x, 1, 5000)], b1),
        "O8": _order(session, a, "O8", at(2025, 8, 5), 20000, 2000, [(x, 2, 20000)], b2),
        "O9": _order(session, a, "O9", at(2026, 7, 11, 9), 2000, 0, [(x, 1, 2000)]),
    }
    rebuild_rollup(session)
    return Shop_(a, b, skus, buyers, orders)


# --- order figures, margin, sell-through, repurchase ---------------------------------------------------


def test_monthly_figures_count_each_shop_in_its_own_time_zone(session: Session, shop: Shop_) -> None:
    got = monthly_figures(session, 2026, 8)
    assert got.total == Figures(paid_orders=4, gmv_cents=25000, refund_cents=8000, refunded_orders=2, units=6)
    assert got.by_platform == {"taobao": Figures(3, 21000, 8000, 2, 5), "jd": Figures(1, 4000, 0, 0, 1)}
    assert got.total.aov_cents == 6250
    assert got.total.refund_rate_bp == 5000
    assert monthly_figures(session, 2026, 9).total == Figures(1, 7000, 0, 0, 1)


def test_gross_margin_and_sell_through_by_hand(session: Session, shop: Shop_) -> None:
    got = compute_breakdown(session, 2026, 8)
    # O1: X kept 8000, cost 2×3000, fee 5% 400; Y has no cost (kept 2000, fee 100). O2: half refunded:
    # X kept 3000, cost 1500, fee 150. O3: unlinked, fully refunded. O4 (JD, 8%): W kept 4000, cost 500, fee 320.
    assert got.goods == GoodsFigures(
        lines=5,
        units=6,
        sales_cents=25000,
        refund_cents=8000,
        fee_cents=970,
        cost_cents=8000,
        uncosted_lines=2,
        uncosted_units=2,
        uncosted_net_cents=2000,
        uncosted_fee_cents=100,
    )
    assert got.goods.net_sales_cents == 17000
    assert got.goods.costed_net_cents == 15000
    assert got.goods.gross_margin_cents == 15000 - 8000 - 870
    assert got.goods.gross_margin_rate_bp == 4087  # 6130 / 15000
    assert got.sell_through == Ratio(2, 3)  # X and Y of the active X, Y, Z (W is inactive)
    by_code = {s.seller_code: s for s in got.by_sku}
    assert set(by_code) == {"X", "Y", "Z", "W", "ZZ-9"}
    assert (by_code["X"].goods.units, by_code["X"].goods.gross_margin_cents) == (3, 11000 - 7500 - 550)
    assert not by_code["Z"].sold and by_code["Z"].active
    assert by_code["ZZ-9"].active is None and by_code["ZZ-9"].title == "未知 ZZ-9"
    assert [(s.platform, s.name, s.figures.paid_orders) for s in got.by_shop] == [
        ("jd", "京东店", 1),
        ("taobao", "旗舰店", 3),
    ]
    assert [p.goods.gross_margin_cents for p in got.by_platform] == [4000 - 500 - 320, 6130 - 3180]
    assert [s.seller_code for s in got.top_skus(2)] == ["X", "W"]  # by net sales: 11000, 4000


def test_a_line_carries_its_order_refund_share_rounded_half_up(session: Session, shop: Shop_) -> None:
    sku = _sku(session, "R", 101)
    _order(session, shop.a, "R1", at(2026, 6, 3), 999, 333, [(sku, 1, 500)])
    goods = compute_breakdown(session, 2026, 6).goods
    # refund 500×333/999 = 166.67 → 167; cost 101×666/999 = 67.33 → 67; fee 333×5% = 16.65 → 17.
    assert (goods.refund_cents, goods.cost_cents, goods.fee_cents) == (167, 67, 17)
    assert goods.gross_margin_cents == 333 - 67 - 17


def test_repurchase_counts_buyers_with_two_paid_orders_in_the_month(session: Session, shop: Shop_) -> None:
    assert compute_repurchase(session, 2026, 8) == Ratio(1, 2)  # b1 twice, b2 once; O4 has no buyer
    assert compute_repurchase(session, 2026, 7) == Ratio(0, 1)
    assert compute_repurchase(session, 2026, 8).bp == 5000


def test_month_over_month_and_year_over_year(session: Session, shop: Shop_) -> None:
    lines = {line.key: line for line in compare_month(session, 2026, 8).lines}
    gmv = lines["gmv_cents"].change
    assert (gmv.current, gmv.previous_month, gmv.previous_year) == (25000, 7000, 20000)
    assert (gmv.mom_bp, gmv.yoy_bp) == (25714, 2500)
    rate = lines["refund_rate_bp"].change
    assert (rate.current, rate.previous_month, rate.previous_year) == (5000, 0, 10000)
    assert (rate.mom_diff, rate.yoy_diff, rate.mom_bp) == (5000, -5000, None)
    assert lines["sell_through_bp"].change.current == 6667
    assert lines["repurchase_rate_bp"].change.previous_year == 0
    assert lines["gross_margin_cents"].change.previous_month == (7000 - 3000 * 2 - 350)
    empty = {line.key: line.change for line in compare_month(session, 2025, 9).lines}
    assert empty["gmv_cents"].previous_year is None  # no paid order in 2024-09: no base, no change
    assert empty["gmv_cents"].yoy_bp is None


def test_dashboard_compares_with_the_same_stretch_last_month(session: Session, shop: Shop_) -> None:
    got = compute_dashboard(session, at(2026, 8, 11, 13))
    today = {c.key: c for c in got.today.cards}
    assert (today["gmv_cents"].current, today["gmv_cents"].previous) == (6000, 2000)  # O2 vs O9 (Jul 11 09:00)
    assert today["refund_rate_bp"].current == 10000
    mtd = {c.key: c for c in got.month_to_date.cards}
    assert (mtd["paid_orders"].current, mtd["paid_orders"].previous) == (2, 1)  # O1, O2 vs O9 (Jul 11 09:00)
    assert (mtd["gmv_cents"].current, mtd["gmv_cents"].change_bp) == (16000, 70000)
    assert mtd["gross_margin_cents"].current == (8000 - 6000 - 400) + (3000 - 1500 - 150)
    assert mtd["gross_margin_cents"].previous == 2000 - 3000 - 100
    assert mtd["refund_rate_bp"].change_bp == 5000 - 0


def test_dashboard_top_skus_and_platforms_of_the_month_so_far(session: Session, shop: Shop_) -> None:
    now = at(2026, 8, 31, 23, 45)  # Sep 1 00:45 in Tokyo: the JD shop's month so far is September (O5)
    got = compute_dashboard(session, now)
    assert got.month_to_date.current.by_platform == {
        "taobao": Figures(3, 21000, 8000, 2, 5),
        "jd": Figures(1, 7000, 0, 0, 1),
    }
    assert [(s.seller_code, s.goods.net_sales_cents) for s in got.top_skus] == [("X", 18000), ("Y", 2000), ("ZZ-9", 0)]
    assert got.top_skus[-1].title == "未知 ZZ-9" and got.top_skus[-1].active is None
    assert got.top_skus[0].title == "SKU X" and got.top_skus[0].product == "商品 X"
    assert [s.seller_code for s in compute_dashboard(session, now, top=1).top_skus] == ["X"]
    assert compute_dashboard(session, now, top=0).top_skus == ()


def test_dashboard_shows_no_change_against_a_stretch_without_orders(session: Session, shop: Shop_) -> None:
    today = {c.key: c for c in compute_dashboard(session, at(2026, 8, 10, 13)).today.cards}
    assert today["paid_orders"].current == 1 and today["paid_orders"].previous == 0  # nothing on Jul 10
    assert today["refund_rate_bp"].change_bp is None and today["gmv_cents"].change_bp is None
    assert not today["gmv_cents"].previous_known


def test_refund_reasons_of_cases_applied_in_the_month(session: Session, shop: Shop_) -> None:
    cases = [
        ("r1", "仅退款", "质量问题", "refunded", 3000, at(2026, 8, 12)),
        ("r2", "退货退款", "不想要了", "refunded", 5000, at(2026, 8, 31, 23, 50)),
        ("r3", "仅退款", "质量问题", "refunding", 0, at(2026, 8, 20)),
        ("r4", "仅退款", "质量问题", "refunded", 900, at(2026, 9, 1, 0, 10)),  # September in China
    ]
    for rid, kind, reason, state, amount, applied in cases:
        session.add(
            Refund(
                shop_id=shop.a.id,
                platform_refund_id=rid,
                platform_order_id="O2",
                kind=kind,
                reason=reason,
                state=state,
                amount_cents=amount,
                applied_at=applied,
            )
        )
    session.flush()
    got = [
        (r.kind, r.reason, r.cases, r.refunded_cases, r.refunded_cents) for r in list_refund_reasons(session, 2026, 8)
    ]
    assert got == [("仅退款", "质量问题", 2, 1, 3000), ("退货退款", "不想要了", 1, 1, 5000)]


def test_paid_orders_of_the_month_stream_in_payment_order(session: Session, shop: Shop_) -> None:
    rows = iter_paid_orders(session, 2026, 8, batch=2)
    assert iter(rows) is rows  # a generator, not a list
    got = [(r.platform_order_id, r.paid_at) for r in rows]
    assert got == [
        ("O1", datetime(2026, 8, 10, 10)),
        ("O2", datetime(2026, 8, 11, 12)),
        ("O4", datetime(2026, 8, 31, 23, 30)),  # local times: Tokyo 23:30 is before China 23:30
        ("O3", datetime(2026, 8, 31, 23, 30)),
    ]


# --- service and team -----------------------------------------------------------------------------------


def _ticket(session: Session, shop: Shop, staff: StaffUser | None, created: datetime, **times: object) -> None:
    values: dict[str, object] = {"category": "other", "subject": "?"}
    values.update(times)
    session.add(Ticket(shop_id=shop.id, assignee_id=staff.id if staff else None, created_at=created, **values))


def test_service_figures_per_agent_by_hand(session: Session, shop: Shop_) -> None:
    assert compute_service_figures(session, 2026, 8, NOW).total is None  # no tickets: nothing to show
    one, two = (
        StaffUser(login="a1", name="张三", role="service"),
        StaffUser(login="a2", name="李四", role="x"),
    )
    session.add_all([one, two])
    session.flush()
    s = timedelta(seconds=1)
    t1, t2, t3 = at(2026, 8, 1, 10), at(2026, 8, 2, 10), at(2026, 8, 3, 10)
    _ticket(session, shop.a, one, t1, first_response_at=t1 + 600 * s, first_response_due=t1 + 1800 * s,
            resolved_at=t1 + 3600 * s, resolution_due=t1 + 86400 * s, satisfaction=5, category="pre_sale")  # fmt: skip
    _ticket(session, shop.a, one, t2, first_response_at=t2 + 3600 * s, first_response_due=t2 + 1800 * s,
            resolved_at=t2 + 7200 * s, resolution_due=t2 + 86400 * s, satisfaction=3, category="quality")  # fmt: skip
    _ticket(
        session,
        shop.a,
        one,
        t3,
        first_response_at=t3 + 1200 * s,
        first_response_due=t3 + 1800 * s,
        resolution_due=t3 + 86400 * s,
        category="bad_review",
    )  # fmt: skip  (open and past due: missed)
    late = at(2026, 8, 31, 23)
    _ticket(session, shop.a, two, late, first_response_due=at(2026, 9, 10), resolution_due=at(2026, 9, 20))
    july = at(2026, 7, 30, 10)
    _ticket(
        session, shop.a, two, july, first_response_at=july + 60 * s, resolved_at=july + 3 * 86400 * s, satisfaction=4
    )
    _ticket(session, shop.a, None, at(2026, 8, 5), first_response_at=at(2026, 8, 5) + 300 * s)
    session.flush()
    got = compute_service_figures(session, 2026, 8, NOW)
    by_name = {a.name: a for a in got.agents}
    a1, a2, nobody = by_name["张三"], by_name["李四"], by_name[""]
    assert (a1.created, a1.solved, a1.complaints, a1.bad_reviews) == (3, 2, 1, 1)
    assert a1.first_response == Durations(3, 1200, 1800)
    assert a1.resolution == Durations(2, 3600, 5400)
    assert (a1.first_response_sla, a1.resolution_sla) == (Ratio(2, 3), Ratio(2, 3))
    assert a1.satisfaction_avg == Decimal("4.00")
    assert (a2.created, a2.solved, a2.first_response, a2.resolution) == (
        1,
        1,
        Durations(),
        Durations(1, 259200, 259200),
    )
    assert (a2.first_response_sla, a2.resolution_sla, a2.satisfaction_avg) == (Ratio(), Ratio(), Decimal("4.00"))
    assert (nobody.staff_id, nobody.created, nobody.first_response) == (None, 1, Durations(1, 300, 300))
    total = got.total
    assert total is not None
    assert (total.created, total.solved) == (5, 3)
    assert total.first_response == Durations(4, 600, 1425)
    assert total.resolution == Durations(3, 7200, 90000)
    assert total.satisfaction_avg == Decimal("4.00")


def test_team_figures_tasks_and_reviews(session: Session, shop: Shop_) -> None:
    assert compute_team_figures(session, 2026, 8, NOW) == ()
    zhou = StaffUser(login="p1", name="周敏", role="product_specialist")
    chen = StaffUser(login="p2", name="陈静", role="marketing_specialist")
    lin = StaffUser(login="p3", name="林晓", role="operations_manager")
    session.add_all([zhou, chen, lin])
    session.flush()
    tasks = [
        (zhou, date(2026, 8, 10), at(2026, 8, 9)),  # on time
        (zhou, date(2026, 8, 10), at(2026, 8, 11, 1)),  # late
        (zhou, date(2026, 8, 20), None),  # open past due: overdue
        (zhou, date(2026, 9, 10), None),  # not this month
        (chen, date(2026, 7, 31), at(2026, 8, 1)),  # completed in August, due in July
        (chen, date(2026, 8, 31), at(2026, 8, 31, 23, 30)),  # on time (China day)
        (None, date(2026, 8, 5), None),
    ]
    for who, due, done in tasks:
        session.add(Task(title="t", assignee_id=who.id if who else None, due_date=due, completed_at=done))
    session.add(Review(staff_id=zhou.id, month="2026-08", score_bp=8540, grade="B", status="final"))
    session.add(Review(staff_id=lin.id, month="2026-08", score_bp=9600, grade="S", status="submitted"))
    session.add(Review(staff_id=chen.id, month="2026-07", score_bp=7000, grade="C"))
    session.flush()
    got = {p.name: p for p in compute_team_figures(session, 2026, 8, NOW)}
    assert set(got) == {"周敏", "陈静", "林晓"}
    z, c, n = got["周敏"], got["陈静"], got["林晓"]
    assert (z.tasks_completed, z.tasks_due, z.tasks_on_time, z.tasks_overdue) == (2, 3, 1, 2)
    assert (z.review_score_bp, z.review_grade, z.review_status) == (8540, "B", "final")
    assert (c.tasks_completed, c.tasks_due, c.tasks_on_time, c.tasks_overdue, c.review_score_bp) == (2, 1, 1, 0, None)
    assert (n.tasks_due, n.review_grade, n.on_time) == (0, "S", Ratio(0, 0))
    assert z.on_time.bp == 3333


# --- the daily roll-up ----------------------------------------------------------------------------------


def _raw_days(session: Session) -> dict[tuple[date, int, str], tuple[int, ...]]:
    """The roll-up computed the slow, obvious way: every paid order, its local day in Python."""
    zones = dict(session.execute(select(Shop.id, Shop.timezone)).all())
    found: dict[tuple[date, int, str], list[int]] = defaultdict(lambda: [0] * 5)
    stmt = select(Order.shop_id, Order.platform, Order.paid_at, Order.paid_cents, Order.refund_cents, Order.units)
    for shop_id, platform, paid_at, paid, refund, units in session.execute(stmt.where(Order.paid_at.is_not(None))):
        assert paid_at is not None
        row = found[(utc_to_local(paid_at, zones[shop_id]).date(), shop_id, platform)]
        for i, v in enumerate((1, paid, min(refund, paid), int(refund > 0), units)):
            row[i] += v
    return {k: tuple(v) for k, v in found.items()}


def _keyed(rows: list[tuple[date, int, str, int, int, int, int, int]]) -> dict[tuple[date, int, str], tuple[int, ...]]:
    return {(d, s, p): tuple(v) for d, s, p, *v in rows}


ALL = (date(2000, 1, 1), date(2100, 1, 1))


def test_rollup_equals_the_orders_after_demo_data_and_after_refresh(session: Session) -> None:
    generate_demo(session, orders=2000, seed=3, today=date(2026, 11, 23))
    rebuild_rollup(session)
    raw = _raw_days(session)
    assert _keyed(sum_rollup_by_day(session, *ALL)) == raw
    assert _keyed(sum_orders_by_day(session, date(2025, 11, 1), date(2026, 11, 30))) == raw
    first, last = date(2026, 10, 1), date(2026, 10, 31)
    assert list_daily_figures(session, first, last) == list_daily_figures(session, first, last, from_orders=True)

    ids = list(session.scalars(select(Order.id).where(Order.paid_at.is_not(None)).order_by(Order.id).limit(30)))
    before = rollup_days(session, ids)
    orders = {o.id: o for o in session.scalars(select(Order).where(Order.id.in_(ids)))}
    for i, order_id in enumerate(ids):
        order = orders[order_id]
        assert order.paid_at is not None
        if i < 10:
            order.paid_at += timedelta(days=40)  # paid on another day (an older export had it wrong)
        elif i < 20:
            order.refund_cents = order.paid_cents
        else:
            order.paid_at = None  # gone from the figures, as if deleted
    session.flush()
    assert _keyed(sum_rollup_by_day(session, *ALL)) != _raw_days(session)
    refresh_rollup(session, ids, days=before)
    assert _keyed(sum_rollup_by_day(session, *ALL)) == _raw_days(session)


def test_the_migration_backfills_the_rollup_from_existing_orders(tmp_path: Path) -> None:
    engine = make_engine("sqlite:///" + str(tmp_path / "old.sqlite"))
    ensure_schema(engine)
    with Session(engine) as session, session.begin():
        generate_demo(session, orders=500, seed=2, today=date(2026, 11, 23))
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")  # a database from before the roll-up, with orders
    upgrade(engine)
    with Session(engine) as session:
        assert _keyed(sum_rollup_by_day(session, *ALL)) == _raw_days(session)
    engine.dispose()


def test_daily_series_from_the_rollup_in_local_days(session: Session, shop: Shop_) -> None:
    days = {d.day: d for d in list_daily_figures(session, date(2026, 8, 1), date(2026, 9, 1))}
    assert len(days) == 32
    assert days[date(2026, 8, 31)].by_platform == {
        "taobao": Figures(1, 5000, 5000, 1, 1),
        "jd": Figures(1, 4000, 0, 0, 1),
    }
    assert days[date(2026, 9, 1)].total == Figures(1, 7000, 0, 0, 1)  # O5: Sep 1 in Tokyo
    assert days[date(2026, 8, 12)].total == Figures()
    trend = list_refund_trend(session, 2026, 8, months=3)
    assert [(m.month, m.figures.paid_orders, m.figures.refund_rate_bp) for m in trend] == [
        ("2026-06", 0, 0),  # every month present, sales or not
        ("2026-07", 2, 0),
        ("2026-08", 4, 5000),
    ]


def test_build_report_falls_back_to_the_orders_when_the_rollup_is_stale(session: Session, shop: Shop_) -> None:
    report = build_monthly_report(session, 2026, 8, NOW)
    assert report.daily_from_rollup
    _order(session, shop.a, "O10", at(2026, 8, 20), 1234, 0, [(shop.skus["X"], 1, 1234)])  # not in the roll-up
    stale = build_monthly_report(session, 2026, 8, NOW)
    assert not stale.daily_from_rollup
    assert sum((d.total for d in stale.daily), Figures()) == stale.comparison.current.figures.total
    assert stale.paid_orders == 5
    assert sum(1 for _ in stale.orders()) == 5
