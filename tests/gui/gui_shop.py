"""A small but complete shop database for the GUI tests (fast to build, every tab has rows)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.models import Order, Product, Review, Shop, Sku, StaffUser, StockMovement, Task, Ticket, Warehouse
from sellerdesk.services.search import rebuild_search

NOW = datetime.now(UTC)
ORDERS = 250  # more than two pages of the table model
SKUS = 130


def fill_shop(session: Session) -> None:
    """A small but complete shop: every tab has rows, the dashboard has figures this month."""
    shops = [Shop(id=1, platform="taobao", name="小林家居旗舰店"), Shop(id=2, platform="jd", name="小林家居京东店")]
    staff = [StaffUser(id=i, login=f"s{i}", name=n, role="service") for i, n in enumerate("阿芳 小雷 老周".split(), 1)]
    session.add_all([*shops, *staff, Warehouse(id=1, code="main", name="主仓"), Product(id=1, title="纯棉四件套")])
    session.flush()
    session.execute(
        insert(Sku),
        [
            {
                "id": i,
                "product_id": 1,
                "seller_code": f"LJ-{i:04d}",
                "spec": "雾霾蓝 1.8m",
                "price_cents": 29900,
                "cost_cents": 11000,
                "safety_stock": 10,
            }
            for i in range(1, SKUS + 1)
        ],
    )
    session.execute(
        insert(StockMovement),
        [{"sku_id": i, "warehouse_id": 1, "kind": "receipt", "on_hand_delta": i % 25} for i in range(1, SKUS + 1)],
    )
    session.execute(insert(Order), [_order(n) for n in range(1, ORDERS + 1)])
    rebuild_search(session)  # the orders' search index, as an import keeps it
    session.add_all(
        [Ticket(subject=f"物流问题 {n}", category="logistics", status="open", assignee_id=n % 3 + 1) for n in range(30)]
        + [
            Task(title=f"盘点 {n}", due_date=date.today() + timedelta(days=n - 5), assignee_id=n % 3 + 1)
            for n in range(20)
        ]
        + [Review(staff_id=s.id, month=m, grade="A", score_bp=9000) for s in staff for m in ("2026-06", "2026-07")]
    )
    session.flush()


def _order(n: int) -> dict[str, object]:
    paid = NOW - timedelta(hours=n * 5)
    return {
        "shop_id": 1 + n % 2,
        "platform": ("taobao", "jd")[n % 2],
        "platform_order_id": f"P{n:06d}",
        "status": "paid" if n % 5 == 0 else "completed",
        "created_at": paid,
        "paid_at": paid,
        "paid_cents": 1000 + n,
        "refund_cents": 500 if n % 17 == 0 else 0,
        "units": 1,
        "buyer_nick": f"买家{n}",
        "tracking_no": f"SF{n:08d}",
    }


def new_database(path: Path, *, filled: bool = True) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    ensure_schema(engine)
    if filled:
        with make_session_factory(engine).begin() as session:
            fill_shop(session)
    return engine
