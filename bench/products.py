"""Products tab on a shop with 20,000 SKUs and 1,000,000 orders: first paint, search, sort, replenishment.

Builds (cached under bench/.cache/) the 1M-order demo database and adds ~19,700 SKUs with Core inserts,
each with a stock receipt. Then runs the measurement offscreen in fresh processes (one warm-up, three
measured), prints each run and the medians (wall and CPU), and as its last line one JSON object:
{"tab_first_paint_ms", "search_ms", "sort_ms", "replenishment_all_s"}. Goals: ≤ 300, ≤ 200, ≤ 300 ms, ≤ 2 s.

    python bench/products.py            # reuse the cached database
    python bench/products.py --rebuild  # build it again
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

CACHE = Path(__file__).parent / ".cache"
DEMO = CACHE / "products_1m.sqlite"
DB = CACHE / "products_20k_skus_1m.sqlite"
TARGET_SKUS = 20_000
RUNS = 3

CHILD = r"""
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
app = QApplication([])
from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.ui.runner import Runner

engine = make_engine("sqlite:///" + sys.argv[1])
factory = make_session_factory(engine)
runner = Runner(factory, synchronous=True)
from sellerdesk.ui.tabs.products import ProductsTab
from sellerdesk.services import products

def painted(tab):
    tab.view.viewport().repaint()
    app.processEvents()

def clock():
    return time.perf_counter(), time.process_time()

def since(start):
    wall, cpu = clock()
    return (wall - start[0]) * 1000, (cpu - start[1]) * 1000

out = {}
start = clock()
tab = ProductsTab(factory, runner)
tab.resize(1400, 800)
tab.show()
painted(tab)
out["tab_first_paint_ms"] = since(start)
start = clock()
tab.search_box.setText("四件套 X1")
tab._apply_search()
painted(tab)
out["search_ms"] = since(start)
tab.search_box.setText("")
tab._apply_search()
column = next(i for i in range(tab.model.columnCount()) if tab.model.column(i).key == "available")
start = clock()
tab.view.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
painted(tab)
out["sort_ms"] = since(start)
assert tab.model.sort_state()[0] == column
start = clock()
with factory() as session:
    rows = products.replenishment(session, 30, only_needed=False)
wall, cpu = since(start)
out["replenishment_all_s"] = (wall / 1000, cpu / 1000)
out["skus"] = (len(rows), tab.model.total)
print(json.dumps(out))
runner.shutdown()
"""


def build(rebuild: bool) -> Path:
    if DB.exists() and not rebuild:
        return DB
    if not DEMO.exists():
        subprocess.run(
            [sys.executable, "-m", "sellerdesk", "--db", str(DEMO), "demo", "--orders", "1000000"], check=True
        )
    tmp = DB.with_suffix(".tmp")
    shutil.copyfile(DEMO, tmp)
    add_skus(tmp)
    tmp.replace(DB)
    return DB


def add_skus(path: Path) -> None:
    """Core inserts: products of 10 SKUs each, every SKU with one receipt into the main warehouse."""
    from sqlalchemy import func, insert, select

    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.domain.timeutil import utcnow
    from sellerdesk.models import Product, Sku, StockMovement
    from sellerdesk.services.stock import ensure_warehouses

    engine = make_engine(f"sqlite:///{path}")
    with make_session_factory(engine).begin() as session:
        have = int(session.scalar(select(func.count(Sku.id))) or 0)
        main = ensure_warehouses(session)["main"]
        first_product = int(session.scalar(select(func.max(Product.id))) or 0) + 1
        first_sku = int(session.scalar(select(func.max(Sku.id))) or 0) + 1
        extra = TARGET_SKUS - have
        roles, stages = ("traffic", "profit", "hero", "image"), ("intro", "growth", "mature", "decline")
        products = [
            {"id": first_product + p, "title": f"扩展商品 {p:05d} 纯棉毛巾", "category": f"类目{p % 12}",
             "role": roles[p % 4], "lifecycle": stages[p % 4], "shelf_status": "on_shelf", "version": 1}
            for p in range((extra + 9) // 10)
        ]  # fmt: skip
        session.execute(insert(Product), products)
        now = utcnow()
        skus = [
            {"id": first_sku + i, "product_id": first_product + i // 10, "seller_code": f"X{i:06d}",
             "spec": f"颜色{i % 10}", "price_cents": 1990 + i % 5000, "cost_cents": 900 + i % 3000,
             "safety_stock": i % 30, "reorder_point": i % 30 + 10, "lead_time_days": 7 + i % 20,
             "min_order_qty": 1 + i % 50, "version": 1}
            for i in range(extra)
        ]  # fmt: skip
        session.execute(insert(Sku), skus)
        receipts = [
            {"sku_id": first_sku + i, "warehouse_id": main, "kind": "receipt", "on_hand_delta": i % 200,
             "reserved_delta": 0, "at": now, "reason": "bench: opening stock", "ref": "BENCH"}
            for i in range(extra)
        ]  # fmt: skip
        session.execute(insert(StockMovement), receipts)
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()


def run_child(db: Path) -> dict[str, list[float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CHILD, str(db)], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    db = build(args.rebuild)
    print(f"database: {db} ({time.perf_counter() - started:.1f} s to prepare)")
    run_child(db)  # warm-up: file cache, .pyc
    runs = [run_child(db) for _ in range(RUNS)]
    keys = ("tab_first_paint_ms", "search_ms", "sort_ms", "replenishment_all_s")
    for number, run in enumerate(runs, 1):
        figures = ", ".join(f"{k} {run[k][0]:.3g} (cpu {run[k][1]:.3g})" for k in keys)
        print(f"run {number}: {figures}; SKUs {run['skus']}")
    medians = {k: round(statistics.median(r[k][0] for r in runs), 3) for k in keys}
    cpu = {k: round(statistics.median(r[k][1] for r in runs), 3) for k in keys}
    print("median wall:", medians)
    print("median cpu: ", cpu)
    print(json.dumps(medians))


if __name__ == "__main__":
    main()
