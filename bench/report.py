"""Monthly report benchmark on a 1,000,000-order demo shop, for its busiest month.

    python bench/report.py [--orders 1000000] [--runs 3] [--db PATH]

Builds the demo database once (bench/.cache/demo_<orders>.sqlite, ~2-3 minutes) and upgrades a cached one
in place; ``--db PATH`` measures on that SQLite file instead (a copy of a demo database: it is upgraded in
place when its schema is older, never generated). Each step runs in its own process, so its peak memory
(ru_maxrss) is its own:
- json: ``monthly_figures`` (what ``report monthly --json`` prints), best of ``--runs``;
- figures: ``build_monthly_report`` (every figure of the workbook), best of ``--runs``;
- workbook: ``export_monthly_workbook`` (figures + every paid order), best of ``--runs``.
Wall and CPU seconds are both shown: the machine has 2 cores shared with other work, so wall time is noisy.
Last line: one JSON object of the figures. Goals: json <= 1 s, workbook <= 15 s, workbook peak <= 500 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 3


def _database(orders: int, db: Path | None = None) -> str:
    """The cached demo database (or ``db``) at the current schema (built, or upgraded without a backup copy)."""
    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.db.migrate import current_revision, ensure_schema, head_revision, upgrade
    from sellerdesk.demo import generate_demo

    CACHE.mkdir(exist_ok=True)
    path = db or CACHE / f"demo_{orders}.sqlite"
    url = "sqlite:///" + str(path)
    if db is not None and (not path.exists() or current_revision(make_engine(url)) is None):
        raise SystemExit(f"{path} is not a SellerDesk database")
    engine = make_engine(url)
    if path.exists() and current_revision(engine) not in (None, head_revision()):
        started = time.perf_counter()
        upgrade(engine)  # our own cache: no backup beside it
        print(f"upgraded the cached database in {time.perf_counter() - started:.1f} s")
    elif not path.exists() or current_revision(engine) is None:
        path.unlink(missing_ok=True)
        engine = make_engine(url)
        ensure_schema(engine)
        started = time.perf_counter()
        with make_session_factory(engine).begin() as session:
            generate_demo(session, orders=orders, seed=SEED)
        print(f"demo shop with {orders:,} orders generated in {time.perf_counter() - started:.1f} s")
    engine.dispose()
    return url


def _busiest_month(url: str) -> tuple[int, int, int]:
    from sqlalchemy import func, select

    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.models import DailySales

    with make_session_factory(make_engine(url))() as session:
        per_month: dict[tuple[int, int], int] = {}
        for day, orders in session.execute(
            select(DailySales.day, func.sum(DailySales.paid_orders)).group_by(DailySales.day)
        ):
            key = (day.year, day.month)
            per_month[key] = per_month.get(key, 0) + int(orders)
    (year, month), orders = max(per_month.items(), key=lambda kv: kv[1])
    return year, month, orders


def _child(step: str, url: str, year: int, month: int) -> dict[str, float]:
    args = [sys.executable, __file__, "--child", step, url, str(year), str(month)]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _run_child(step: str, url: str, year: int, month: int) -> None:
    """One measured step in this process; prints wall, CPU and peak memory as JSON."""
    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.services.reports import build_monthly_report, export_monthly_workbook, monthly_figures

    with make_session_factory(make_engine(url))() as session, tempfile.TemporaryDirectory() as tmp:
        wall, cpu = time.perf_counter(), time.process_time()
        if step == "json":
            json.dumps(monthly_figures(session, year, month).to_json())
        elif step == "figures":
            build_monthly_report(session, year, month)
        else:
            path = export_monthly_workbook(session, year, month, Path(tmp) / "report.xlsx")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        size = path.stat().st_size / 1e6 if step == "workbook" else 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": peak, "file_mb": size}))


def _best(step: str, url: str, year: int, month: int, runs: int) -> dict[str, float]:
    results = [_child(step, url, year, month) for _ in range(runs)]
    best = min(results, key=lambda r: r["wall_s"])
    walls = ", ".join(f"{r['wall_s']:.2f}" for r in results)
    wall, cpu, peak = best["wall_s"], best["cpu_s"], best["peak_rss_mb"]
    print(f"{step:9} wall {wall:6.2f} s (runs: {walls})  cpu {cpu:6.2f} s  peak {peak:.0f} MB")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="an existing SQLite demo database (upgraded in place if older)")
    parser.add_argument("--child", nargs=4, metavar=("STEP", "URL", "YEAR", "MONTH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, url, year, month = args.child
        _run_child(step, url, int(year), int(month))
        return
    url = _database(args.orders, args.db)
    year, month, orders = _busiest_month(url)
    print(f"busiest month {year:04d}-{month:02d}: {orders:,} paid orders")
    json_step = _best("json", url, year, month, args.runs)
    figures = _best("figures", url, year, month, args.runs)
    workbook = _best("workbook", url, year, month, args.runs)
    print(f"workbook file {workbook['file_mb']:.1f} MB, {orders / workbook['wall_s']:,.0f} orders/s end to end")
    result = {
        "json_s": round(json_step["wall_s"], 3),
        "workbook_s": round(workbook["wall_s"], 2),
        "workbook_peak_rss_mb": round(workbook["peak_rss_mb"]),
        "json_cpu_s": round(json_step["cpu_s"], 3),
        "figures_s": round(figures["wall_s"], 2),
        "figures_cpu_s": round(figures["cpu_s"], 2),
        "workbook_cpu_s": round(workbook["cpu_s"], 2),
        "month_orders": orders,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
