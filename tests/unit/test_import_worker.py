"""Large files are parsed in a worker process (``platforms/worker.py``): the import writes the same orders,
refuses the same rows, falls back the same way for a sorted file, asks for saved mappings, and a cancel
or a failure ends the worker. Here every file goes to a worker (``WORKER_MIN_BYTES = 0``)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.errors import Cancelled, ImportFileError
from sellerdesk.models import Order, OrderItem
from sellerdesk.platforms import parse_file, worker
from sellerdesk.platforms.worker import WorkerFailed, WorkerParse, decode_orders, encode_orders
from sellerdesk.services.imports import ORDER_CHUNK, ImportOptions, ImportRefused, import_paths
from tests.unit import test_imports as base

SAMPLES = Path(__file__).parent.parent / "data" / "samples"
ORDER_FILES = sorted(p.name for p in SAMPLES.glob("*.csv"))


@pytest.fixture
def in_worker(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every import parses in a worker; the files that went to one."""
    started: list[Path] = []
    start = WorkerParse.__init__

    def counted(self: WorkerParse, path: Path, **kwargs: Any) -> None:
        started.append(Path(path))
        start(self, path, **kwargs)

    monkeypatch.setattr(worker, "WORKER_MIN_BYTES", 0)
    monkeypatch.setattr(WorkerParse, "__init__", counted)
    return started


def _state(session: Session) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    # Not the ids: PostgreSQL's sequences go on after a rollback.
    skipped = ("id", "order_id", "shop_id", "buyer_id", "sku_id", "imported_at", "updated_at")
    orders = session.execute(select(*(c for c in Order.__table__.c if c.name not in skipped)))
    items = session.execute(select(*(c for c in OrderItem.__table__.c if c.name not in skipped)))
    return sorted(map(tuple, orders), key=repr), sorted(map(tuple, items), key=repr)


@pytest.mark.parametrize("name", ORDER_FILES)
def test_records_cross_the_pipe_unchanged(name: str) -> None:
    parsed = parse_file(SAMPLES / name)
    assert decode_orders(encode_orders(parsed.orders)) == parsed.orders


def test_the_worker_writes_what_the_thread_writes(
    session: Session, monkeypatch: pytest.MonkeyPatch, in_worker: list[Path]
) -> None:
    files = [SAMPLES / n for n in ORDER_FILES]
    savepoint = session.begin_nested()
    monkeypatch.setattr(worker, "WORKER_MIN_BYTES", 1 << 62)
    threaded = import_paths(session, files)
    expected = _state(session)
    savepoint.rollback()
    assert not in_worker
    monkeypatch.setattr(worker, "WORKER_MIN_BYTES", 0)
    results = import_paths(session, files)
    assert sorted(in_worker) == sorted(files)
    assert [r.__dict__ | {"batch_id": 0} for r in results] == [r.__dict__ | {"batch_id": 0} for r in threaded]
    assert _state(session) == expected
    again = import_paths(session, files)  # a re-import merges what the worker sends
    assert not any(r.created for r in again)
    assert _state(session) == expected


def test_problems_refuse_the_file_as_on_the_thread(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_worker: list[Path]
) -> None:
    lines = (SAMPLES / "pdd_orders.csv").read_text(encoding="utf-8-sig").splitlines()
    at = next(i for i, line in enumerate(lines) if i > 100 and "0.00,99.00,99.00" in line)  # a later row
    lines[at] = lines[at].replace("0.00,99.00,99.00", "0.00,九十九,99.00")
    path = tmp_path / "pdd_bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    with pytest.raises(ImportRefused) as in_process:
        import_paths(session, [path])
    accepted = import_paths(session, [path], options=ImportOptions(accept_valid_rows=True, dry_run=True))
    monkeypatch.setattr(worker, "WORKER_MIN_BYTES", 1 << 62)
    with pytest.raises(ImportRefused) as threaded:
        import_paths(session, [path])
    assert in_process.value.results == threaded.value.results
    assert accepted == import_paths(session, [path], options=ImportOptions(accept_valid_rows=True, dry_run=True))
    assert len(in_worker) == 2


def test_a_sorted_file_and_a_saved_mapping_work_in_the_worker(
    session: Session, tmp_path: Path, in_worker: list[Path]
) -> None:
    base.test_a_file_sorted_apart_imports_like_the_original(session, tmp_path)
    base.test_an_unknown_layout_imports_with_a_saved_mapping(session, tmp_path)
    assert {p.name for p in in_worker} >= {"jd_sorted.csv", "kuaishou_orders.csv"}


def test_a_file_that_cannot_be_imported_is_named_by_the_worker(tmp_path: Path, in_worker: list[Path]) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with WorkerParse(path) as parsing, pytest.raises(ImportFileError) as info:
        parsing.plan()
    assert info.value.code == "not_an_export" and info.value.params == {"file": "notes.csv"}


def test_a_cancel_ends_the_worker(session: Session, tmp_path: Path, in_worker: list[Path]) -> None:
    path = base._many_pdd_orders(tmp_path, 3 * ORDER_CHUNK)
    calls: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        import_paths(session, [path], progress=lambda done, total: calls.append((done, total)),
                     cancelled=lambda: len(calls) >= 2)  # fmt: skip
    assert in_worker == [path]
    assert not multiprocessing.active_children()
    assert session.scalar(select(Order.id).limit(1)) is None


def test_a_worker_that_dies_fails_the_import(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "WORKER_MIN_BYTES", 0)
    monkeypatch.setattr(worker, "_work", _dies)  # (not the spawned worker's: it imports the module anew)
    with WorkerParse(SAMPLES / "pdd_orders.csv") as parsing:
        parsing._process.kill()
        with pytest.raises(WorkerFailed):
            parsing.plan()


def _dies(*_: object) -> None:
    raise SystemExit(1)
