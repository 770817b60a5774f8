"""Import benchmark: a 100,000-order Pinduoduo CSV and a ~100,000-row JD xlsx, made with the project's
demo generator, each imported into a fresh database; then the CSV again (an idempotent re-import).

    python bench/import.py [--rows 100000]

Each import runs in its own process so its peak memory is its own. Ratios compare an import with just
reading the same file (no parsing, no database). CPU seconds (this process only) are printed beside wall
seconds: on a busy machine the wall time also counts waiting for a core, the CPU time does not.
Two lower bounds for the CSV import: parsing the file alone (no database), and SQLite's own work for the
rows the import wrote (copied by SQLite alone, under the import's own bulk settings).
Last line: one JSON object of the figures.
Goals: CSV <= 5 s, xlsx <= 7 s, re-import <= first import, peak <= 600 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"


def _make_files(rows: int) -> tuple[Path, Path]:
    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.db.migrate import ensure_schema
    from sellerdesk.demo import generate_demo
    from sellerdesk.services.samples import write_export

    CACHE.mkdir(exist_ok=True)
    csv_path, xlsx_path = CACHE / f"pdd_{rows}.csv", CACHE / f"jd_{rows}.xlsx"
    if csv_path.exists() and xlsx_path.exists():
        return csv_path, xlsx_path
    source = CACHE / f"source_{rows}.sqlite"
    source.unlink(missing_ok=True)
    engine = make_engine("sqlite:///" + str(source))
    ensure_schema(engine)
    started = time.perf_counter()
    with make_session_factory(engine).begin() as session:
        generate_demo(session, orders=rows, seed=7)
    print(f"demo shop with {rows:,} orders generated in {time.perf_counter() - started:.1f} s")
    with make_session_factory(engine)() as session:
        # Every demo order in each platform's own layout (PDD splits multi-line carts into orders).
        n_csv = write_export(session, "pdd_orders", csv_path, max_rows=rows, every_platform=True)
        n_xlsx = write_export(session, "jd_orders", xlsx_path, max_rows=rows, every_platform=True)
    engine.dispose()
    source.unlink(missing_ok=True)
    print(f"wrote {csv_path.name} ({n_csv:,} rows) and {xlsx_path.name} ({n_xlsx:,} rows)")
    return csv_path, xlsx_path


def _child(args: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _run_child(mode: str, file: str, db: str) -> None:
    """One measured step in this process: read the file only, or import it into ``db`` (twice: re-import)."""
    from sellerdesk.platforms import read_export

    started, cpu_started = time.perf_counter(), time.process_time()
    if mode == "read":
        rows = sum(1 for _ in read_export(file).rows())
        figures = {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu_started, "rows": rows}
    elif mode == "parse":
        from sellerdesk.platforms import plan_parse

        job = plan_parse(read_export(file))
        parsed = job.start()
        job.run(parsed)
        figures = {"seconds": time.perf_counter() - started, "orders": len(parsed.orders)}
    elif mode == "sqlite":
        figures = _sqlite_alone(Path(file), Path(db))
    else:
        from sellerdesk.db.engine import make_engine, make_session_factory
        from sellerdesk.db.migrate import ensure_schema
        from sellerdesk.services.imports import import_paths

        engine = make_engine("sqlite:///" + db)
        ensure_schema(engine)
        factory = make_session_factory(engine)
        figures = {}
        for label in ("first", "again") if mode == "import_twice" else ("first",):
            started, cpu_started = time.perf_counter(), time.process_time()
            with factory.begin() as session:
                (result,) = import_paths(session, [Path(file)])
            figures[label] = time.perf_counter() - started
            figures[f"{label}_cpu"] = time.process_time() - cpu_started
            figures[f"{label}_created"] = result.created
            figures[f"{label}_unchanged"] = result.unchanged
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def _sqlite_alone(imported: Path, db: Path) -> dict[str, float]:
    """SQLite's own share of an import: the rows an import wrote, copied by SQLite alone into a fresh
    database under the import's own bulk settings (``bulk_indexing``, ``indexes_deferred``: indexes built
    at the end), in one transaction. No Python builds or binds a value, so no import of these rows can be
    faster."""
    from contextlib import ExitStack

    from sqlalchemy import event, text

    from sellerdesk.db.bulk import indexes_deferred
    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.db.migrate import ensure_schema
    from sellerdesk.models import Order, OrderItem
    from sellerdesk.services.search import bulk_indexing

    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    engine = make_engine("sqlite:///" + str(db))
    ensure_schema(engine)
    engine.dispose()  # connections made from here on see the imported database too
    event.listen(engine, "connect", lambda dbapi, _: dbapi.execute("ATTACH ? AS imported", (str(imported),)))
    tables = ("shops", "buyers", "orders", "order_items")
    copy_rows = [f"INSERT INTO {name} SELECT * FROM imported.{name}" for name in tables]
    copy_search = "INSERT INTO order_search (rowid, doc) SELECT rowid, doc FROM imported.order_search"
    figures: dict[str, float] = {}
    with make_session_factory(engine)() as session:
        started = time.perf_counter()
        with session.begin():
            adding = int(session.scalar(text("SELECT count(*) FROM imported.orders")) or 0)
            with ExitStack() as stack:  # as services/imports.py enters them for a shop's first import
                stack.enter_context(bulk_indexing(session))
                for model in (Order, OrderItem):
                    stack.enter_context(indexes_deferred(session, model.__table__, adding=adding))  # type: ignore[arg-type]
                for sql in copy_rows:
                    session.execute(text(sql))
                figures["rows"] = time.perf_counter() - started
                session.execute(text(copy_search))
                figures["search"] = time.perf_counter() - started - figures["rows"]
                indexes_started = time.perf_counter()
            figures["indexes"] = time.perf_counter() - indexes_started
            commit_started = time.perf_counter()
        figures["commit"] = time.perf_counter() - commit_started
        figures["seconds"] = time.perf_counter() - started
    engine.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "DB"))
    args = parser.parse_args()
    if args.child:
        _run_child(*args.child)
        return
    csv_path, xlsx_path = _make_files(args.rows)
    for db in CACHE.glob("bench_*.sqlite*"):
        db.unlink()
    read_csv = _child(["read", str(csv_path), "-"])
    read_xlsx = _child(["read", str(xlsx_path), "-"])
    csv_run = _child(["import_twice", str(csv_path), str(CACHE / "bench_csv.sqlite")])
    xlsx_run = _child(["import", str(xlsx_path), str(CACHE / "bench_xlsx.sqlite")])
    parse_csv = _child(["parse", str(csv_path), "-"])
    sqlite_csv = _child(["sqlite", str(CACHE / "bench_csv.sqlite"), str(CACHE / "bench_sqlite.sqlite")])
    print(f"read CSV    {read_csv['seconds']:6.2f} s  CPU {read_csv['cpu']:6.2f} s  ({read_csv['rows']:,} rows)")
    print(f"read xlsx   {read_xlsx['seconds']:6.2f} s  CPU {read_xlsx['cpu']:6.2f} s  ({read_xlsx['rows']:,} rows)")
    print(f"import CSV  {csv_run['first']:6.2f} s  CPU {csv_run['first_cpu']:6.2f} s  "
          f"created {csv_run['first_created']:,} orders")  # fmt: skip
    print(f"re-import   {csv_run['again']:6.2f} s  CPU {csv_run['again_cpu']:6.2f} s  "
          f"unchanged {csv_run['again_unchanged']:,}")  # fmt: skip
    print(f"import xlsx {xlsx_run['first']:6.2f} s  CPU {xlsx_run['first_cpu']:6.2f} s  "
          f"created {xlsx_run['first_created']:,} orders")  # fmt: skip
    print(f"parse CSV   {parse_csv['seconds']:6.2f} s  (no database; {parse_csv['orders']:,} orders)")
    print(f"SQLite alone, the CSV import's rows {sqlite_csv['seconds']:.2f} s: rows {sqlite_csv['rows']:.2f}, "
          f"search index {sqlite_csv['search']:.2f}, indexes {sqlite_csv['indexes']:.2f}, "
          f"commit {sqlite_csv['commit']:.2f}")  # fmt: skip
    print(f"peak RSS: CSV import {csv_run['peak_rss_mb']:.0f} MB, xlsx import {xlsx_run['peak_rss_mb']:.0f} MB")
    figures = {
        "csv_100k_s": round(csv_run["first"], 2),
        "xlsx_100k_s": round(xlsx_run["first"], 2),
        "reimport_csv_100k_s": round(csv_run["again"], 2),
        "peak_rss_mb": round(max(csv_run["peak_rss_mb"], xlsx_run["peak_rss_mb"])),
        "csv_100k_cpu_s": round(csv_run["first_cpu"], 2),
        "xlsx_100k_cpu_s": round(xlsx_run["first_cpu"], 2),
        "reimport_csv_100k_cpu_s": round(csv_run["again_cpu"], 2),
        "csv_parse_s": round(parse_csv["seconds"], 2),
        "csv_sqlite_alone_s": round(sqlite_csv["seconds"], 2),
        "csv_ratio_to_read": round(csv_run["first"] / read_csv["seconds"], 1),
        "xlsx_ratio_to_read": round(xlsx_run["first"] / read_xlsx["seconds"], 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
