"""Import benchmark: a 100,000-order Pinduoduo CSV and a ~100,000-row JD xlsx, made with the project's
demo generator, each imported into a fresh database; then the CSV again (an idempotent re-import).

    python bench/import.py [--rows 100000] [--repeat N] [--parse auto|thread|worker]

Each import runs in its own process so its peak memory is its own. Ratios compare an import with just
reading the same file (no parsing, no database). CPU seconds (this process only) are printed beside wall
seconds: on a busy machine the wall time also counts waiting for a core, the CPU time does not.
Two lower bounds for the CSV import: parsing the file alone (no database), and SQLite's own work for the
rows the import wrote (copied by SQLite alone, under the import's own bulk settings).
The app's way is timed too: the import dialog's preview (``preview_paths``) and then the import of the
previewed files (``import_paths(…, plans=…)``), as the dialog runs them, against the import alone.
``--repeat N`` runs every step N times, interleaved, and prints each figure's median with its spread
(min–max) and the machine's load (1-minute load average) at each run: single runs vary a lot on a
shared machine. ``--parse`` chooses where large files are parsed (default: as the app does).
Last line: one JSON object of the figures (medians).
Goals: CSV <= 5 s, xlsx <= 7 s, re-import <= 5 s, peak <= 600 MB, preview + import <= 1.2 x import.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
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


def _child(args: list[str], parse: str = "auto") -> dict[str, float]:
    command = [sys.executable, __file__, "--parse", parse, "--child", *args]
    load = os.getloadavg()[0]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    figures["load"] = max(load, os.getloadavg()[0])
    return figures


def _set_parse(parse: str) -> None:
    """Where large files are parsed: a worker process (the app's choice above its size), or a thread."""
    from sellerdesk.platforms import worker

    if parse == "thread":
        worker.WORKER_MIN_BYTES = 1 << 62
    elif parse == "worker":
        worker.WORKER_MIN_BYTES = 0


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
    elif mode == "app":
        figures = _preview_and_import(Path(file), Path(db))
    else:
        from sellerdesk.db.after_commit import wait_for_after_commit
        from sellerdesk.db.engine import make_engine, make_session_factory, write_lock
        from sellerdesk.db.migrate import ensure_schema
        from sellerdesk.services.imports import import_paths

        engine = make_engine("sqlite:///" + db)
        ensure_schema(engine)
        factory = make_session_factory(engine)
        figures = {}
        for label in ("first", "again") if mode == "import_twice" else ("first",):
            started, cpu_started = time.perf_counter(), time.process_time()
            with factory(execution_options=write_lock()) as session, session.begin():  # as the app writes
                (result,) = import_paths(session, [Path(file)])
            figures[label] = time.perf_counter() - started
            figures[f"{label}_cpu"] = time.process_time() - cpu_started
            figures[f"{label}_created"] = result.created
            figures[f"{label}_unchanged"] = result.unchanged
            # What follows the commit (search documents of a large import, the checkpoint): the user has the
            # result already; timed apart, and over before the next step so that it is not counted there.
            followed = time.perf_counter()
            wait_for_after_commit()
            figures[f"{label}_after_commit"] = time.perf_counter() - followed
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["worker_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(figures))


def _preview_and_import(file: Path, db: Path) -> dict[str, float]:
    """The import dialog's way, through the services it calls: the preview on a read-only session (shops
    listed, every file parsed), then the import of the previewed files in a write transaction."""
    from sellerdesk.db.after_commit import wait_for_after_commit
    from sellerdesk.db.engine import make_engine, make_session_factory, write_lock
    from sellerdesk.db.migrate import ensure_schema
    from sellerdesk.services.imports import ImportOptions, import_paths, preview_paths
    from sellerdesk.services.shops import list_shops

    engine = make_engine("sqlite:///" + str(db))
    ensure_schema(engine)
    factory = make_session_factory(engine)
    started = time.perf_counter()
    with factory() as session:
        list_shops(session)
        previews = preview_paths(session, [file], options=ImportOptions())
    previewed = time.perf_counter()
    with factory(execution_options=write_lock()) as session, session.begin():
        (result,) = import_paths(session, [p.path for p in previews], plans=[p.plan for p in previews])
    done = time.perf_counter()
    wait_for_after_commit()
    engine.dispose()
    return {"seconds": done - started, "preview": previewed - started, "import": done - previewed,
            "created": result.created}  # fmt: skip


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


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}–{max(values):.2f})" if values else "-"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--parse", choices=("auto", "thread", "worker"), default="auto")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "DB"))
    args = parser.parse_args()
    if args.child:
        _set_parse(args.parse)
        _run_child(*args.child)
        return
    csv_path, xlsx_path = _make_files(args.rows)
    runs: dict[str, list[dict[str, float]]] = {}
    for n in range(args.repeat):
        for db in CACHE.glob("bench_*.sqlite*"):
            db.unlink()
        steps = {
            "read_csv": ["read", str(csv_path), "-"],
            "read_xlsx": ["read", str(xlsx_path), "-"],
            "csv": ["import_twice", str(csv_path), str(CACHE / "bench_csv.sqlite")],
            "xlsx": ["import", str(xlsx_path), str(CACHE / "bench_xlsx.sqlite")],
            "app_csv": ["app", str(csv_path), str(CACHE / "bench_app_csv.sqlite")],
            "app_xlsx": ["app", str(xlsx_path), str(CACHE / "bench_app_xlsx.sqlite")],
            "parse_csv": ["parse", str(csv_path), "-"],
        }
        for name, step in steps.items():
            runs.setdefault(name, []).append(_child(step, args.parse))
        sqlite_step = ["sqlite", str(CACHE / "bench_csv.sqlite"), str(CACHE / "bench_sqlite.sqlite")]
        runs.setdefault("sqlite_csv", []).append(_child(sqlite_step))
        csv_run, xlsx_run = runs["csv"][-1], runs["xlsx"][-1]
        print(f"run {n + 1}: CSV {csv_run['first']:.2f} s (load {csv_run['load']:.1f}), re-import "
              f"{csv_run['again']:.2f} s, xlsx {xlsx_run['first']:.2f} s (load {xlsx_run['load']:.1f}), app CSV "
              f"{runs['app_csv'][-1]['seconds']:.2f} s, app xlsx {runs['app_xlsx'][-1]['seconds']:.2f} s",
              flush=True)  # fmt: skip

    def values(step: str, key: str) -> list[float]:
        return [run[key] for run in runs[step]]

    def median(step: str, key: str) -> float:
        return round(statistics.median(values(step, key)), 2)

    loads = [run["load"] for step in runs.values() for run in step]
    print(f"{args.repeat} run(s), parse: {args.parse}; 1-minute load average {min(loads):.1f}–{max(loads):.1f} "
          f"on {os.cpu_count()} cores; medians (min–max):")  # fmt: skip
    print(f"read CSV              {_spread(values('read_csv', 'seconds'))}  ({runs['read_csv'][0]['rows']:,} rows)")
    print(f"read xlsx             {_spread(values('read_xlsx', 'seconds'))}  ({runs['read_xlsx'][0]['rows']:,} rows)")
    print(f"import CSV            {_spread(values('csv', 'first'))}  CPU {_spread(values('csv', 'first_cpu'))}  "
          f"created {runs['csv'][0]['first_created']:,} orders")  # fmt: skip
    print(f"re-import             {_spread(values('csv', 'again'))}  CPU {_spread(values('csv', 'again_cpu'))}  "
          f"unchanged {runs['csv'][0]['again_unchanged']:,}")  # fmt: skip
    print(f"after the commit      CSV {_spread(values('csv', 'first_after_commit'))}, xlsx "
          f"{_spread(values('xlsx', 'first_after_commit'))} (search documents, checkpoint)")  # fmt: skip
    print(f"import xlsx           {_spread(values('xlsx', 'first'))}  CPU {_spread(values('xlsx', 'first_cpu'))}  "
          f"created {runs['xlsx'][0]['first_created']:,} orders")  # fmt: skip
    for kind in ("csv", "xlsx"):
        app = runs[f"app_{kind}"]
        print(f"app {kind:4} preview+import {_spread(values(f'app_{kind}', 'seconds'))}: preview "
              f"{_spread(values(f'app_{kind}', 'preview'))}, import {_spread(values(f'app_{kind}', 'import'))}; "
              f"created {app[0]['created']:,}")  # fmt: skip
    print(f"parse CSV             {_spread(values('parse_csv', 'seconds'))}  (no database)")
    sqlite = runs["sqlite_csv"]
    print(f"SQLite alone, the CSV import's rows {_spread(values('sqlite_csv', 'seconds'))}: rows "
          f"{median('sqlite_csv', 'rows')}, search index {median('sqlite_csv', 'search')}, indexes "
          f"{median('sqlite_csv', 'indexes')}, commit {median('sqlite_csv', 'commit')} "
          f"(medians of {len(sqlite)})")  # fmt: skip
    peak = max(max(values(s, "peak_rss_mb")) for s in ("csv", "xlsx", "app_csv", "app_xlsx"))
    worker_peak = max(max(values(s, "worker_peak_rss_mb")) for s in ("csv", "xlsx"))
    print(f"peak RSS: importing process {peak:.0f} MB, its parser process {worker_peak:.0f} MB")
    figures = {
        "csv_100k_s": median("csv", "first"),
        "xlsx_100k_s": median("xlsx", "first"),
        "reimport_csv_100k_s": median("csv", "again"),
        "peak_rss_mb": round(peak),
        "worker_peak_rss_mb": round(worker_peak),
        "app_csv_100k_s": median("app_csv", "seconds"),
        "app_xlsx_100k_s": median("app_xlsx", "seconds"),
        "app_csv_ratio": round(median("app_csv", "seconds") / median("csv", "first"), 2),
        "app_xlsx_ratio": round(median("app_xlsx", "seconds") / median("xlsx", "first"), 2),
        "csv_100k_cpu_s": median("csv", "first_cpu"),
        "xlsx_100k_cpu_s": median("xlsx", "first_cpu"),
        "reimport_csv_100k_cpu_s": median("csv", "again_cpu"),
        "csv_after_commit_s": median("csv", "first_after_commit"),
        "xlsx_after_commit_s": median("xlsx", "first_after_commit"),
        "csv_parse_s": median("parse_csv", "seconds"),
        "csv_sqlite_alone_s": median("sqlite_csv", "seconds"),
        "csv_ratio_to_read": round(median("csv", "first") / median("read_csv", "seconds"), 1),
        "xlsx_ratio_to_read": round(median("xlsx", "first") / median("read_xlsx", "seconds"), 1),
        "runs": args.repeat,
        "load_min": round(min(loads), 1),
        "load_max": round(max(loads), 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
