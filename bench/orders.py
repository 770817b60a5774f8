"""Orders tab on the 1,000,000-order demo shop: first paint, scroll-bar jumps, a header sort, a search, memory.

Uses (and builds once, or upgrades in place) bench/.cache/demo_1000000.sqlite, like bench/report.py. Each
run is a fresh process, offscreen, with the app's real runner (the view's id list is read on the database
worker while the tab is already on screen). One warm-up run (file cache, .pyc), then three measured
runs; each run and the medians (wall and CPU) are printed, and as the last line one JSON object:
{"first_paint_ms", "jump_ms", "sort_ms", "search_ms", "rss_mb"}. Goals: ≤ 300, ≤ 50, ≤ 1000, ≤ 300 ms,
≤ 250 MB.

- first_paint_ms: the tab built, shown and painted (count + the first page, by an index walk);
- jump_ms: the slower of two scroll-bar jumps, to the middle and to the end, each to its repaint, once
  the id list is in (``jump_early_ms``: the same before it, pages by position from the nearer end);
- sort_ms: a click on the "Paid" header (largest first) to the repaint (``sort_unindexed_ms``: on
  "Buyer", which has no index of its own);
- search_ms: a search for part of an order id, applied as the debounce timer would, to the repaint
  (``search_broad_ms``: a word that thousands of orders contain);
- rss_mb: the process's peak resident memory at the end.

    python bench/orders.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
ORDERS = 1_000_000
RUNS = 3
KEYS = ("first_paint_ms", "jump_ms", "sort_ms", "search_ms", "rss_mb")
EXTRA = ("ids_ms", "jump_early_ms", "sort_unindexed_ms", "search_broad_ms")

CHILD = r"""
import json, os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
app = QApplication([])
from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.ui.runner import Runner, collect_garbage_on_main_thread
from sellerdesk.ui.tabs.orders import OrdersTab

collect_garbage_on_main_thread(app)
engine = make_engine(sys.argv[1])
factory = make_session_factory(engine)
runner = Runner(factory)  # the real worker thread, as in the app
with factory() as session:  # a sample order id and buyer to search for, read before the clock starts
    from sqlalchemy import select
    from sellerdesk.models import Order
    order_id = session.scalar(select(Order.platform_order_id).where(Order.id == 123_457))

def painted(tab):
    tab.view.viewport().repaint()
    app.processEvents()

def clock():
    return time.perf_counter(), time.process_time()

def since(start):
    wall, cpu = clock()
    return (wall - start[0]) * 1000, (cpu - start[1]) * 1000

def wait_for_ids(tab, timeout=60):
    start = time.perf_counter()
    while not tab.orders_model.has_ids:
        app.processEvents()
        time.sleep(0.002)
        assert time.perf_counter() - start < timeout, "the id list never came"

def jump(tab, fraction):
    bar = tab.view.verticalScrollBar()
    start = clock()
    bar.setValue(int(bar.maximum() * fraction))
    painted(tab)
    return since(start)

def worse(a, b):
    return a if a[0] >= b[0] else b

out = {}
start = clock()
tab = OrdersTab(factory, runner)
tab.resize(1400, 800)
tab.show()
painted(tab)
out["first_paint_ms"] = since(start)
assert tab.model.rowCount() == int(sys.argv[2]), tab.model.rowCount()
ids_start = time.perf_counter()
out["jump_early_ms"] = worse(jump(tab, 0.5), jump(tab, 1.0))
wait_for_ids(tab)
out["ids_ms"] = ((time.perf_counter() - ids_start) * 1000, 0.0)
jump(tab, 0.0)
out["jump_ms"] = worse(jump(tab, 0.5), jump(tab, 1.0))
assert tab.model.row_at(tab.model.rowCount() - 1) is not None

header = tab.view.horizontalHeader()
def sort_on(key):
    column = next(i for i in range(tab.model.columnCount()) if tab.model.column(i).key == key)
    start = clock()
    header.sortIndicatorChanged.emit(column, Qt.SortOrder.AscendingOrder)  # a header click
    painted(tab)
    took = since(start)
    assert tab.model.sort_state()[0] == column
    wait_for_ids(tab)
    return took
jump(tab, 0.0)
out["sort_ms"] = sort_on("paid_cents")
out["sort_unindexed_ms"] = sort_on("buyer_nick")
sort_on("paid_at")

def search(term):
    start = clock()
    tab.search_box.setText(term)
    tab._apply_search()  # what the debounce timer does after the last keystroke
    painted(tab)
    took = since(start)
    assert tab.model.rowCount() >= 1, term
    return took
out["search_ms"] = search(order_id[3:12])
out["search_broad_ms"] = search("四件套 ins")
search("")
wait_for_ids(tab)
out["rss_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0.0)
out["rows"] = tab.model.rowCount()
runner.shutdown()
print(json.dumps(out))
"""


def database() -> str:
    """The cached demo database at the current schema: generated once, else upgraded in place (our cache)."""
    from sellerdesk.db.engine import make_engine
    from sellerdesk.db.migrate import current_revision, head_revision, upgrade

    path = CACHE / f"demo_{ORDERS}.sqlite"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "sellerdesk", "--db", str(path), "demo", "--orders", str(ORDERS)], check=True
        )
    url = "sqlite:///" + str(path)
    engine = make_engine(url)
    if current_revision(engine) != head_revision():
        started = time.perf_counter()
        upgrade(engine)  # no backup beside it: the cache can be generated again
        print(f"upgraded the cached database in {time.perf_counter() - started:.1f} s")
    engine.dispose()
    return url


def run_child(url: str) -> dict[str, list[float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, url, str(ORDERS)], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        sys.exit(f"the measured run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    started = time.perf_counter()
    url = database()
    print(f"database: {url} ({time.perf_counter() - started:.1f} s to prepare)")
    run_child(url)  # warm-up: file cache, .pyc
    runs = [run_child(url) for _ in range(RUNS)]
    for number, run in enumerate(runs, 1):
        figures = ", ".join(f"{k} {run[k][0]:.4g} (cpu {run[k][1]:.4g})" for k in (*KEYS, *EXTRA))
        print(f"run {number}: {figures}")
    medians = {k: round(statistics.median(r[k][0] for r in runs), 1) for k in (*KEYS, *EXTRA)}
    cpu = {k: round(statistics.median(r[k][1] for r in runs), 1) for k in (*KEYS, *EXTRA)}
    print("median wall:", medians)
    print("median cpu: ", cpu)
    print(json.dumps({k: medians[k] for k in KEYS}))


if __name__ == "__main__":
    main()
