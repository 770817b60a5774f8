"""A large file's preview comes once its parser process has recognised it and sent its first orders; the
parse goes on while the preview is shown, and an import started meanwhile writes from it as it parses:
the file is read and parsed once, and the import need not wait for the preview's parse to end."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk.models import ImportBatch
from sellerdesk.platforms import worker
from sellerdesk.services.imports import (
    ORDER_CHUNK,
    FilePreview,
    ImportOptions,
    ImportRefused,
    import_paths,
    preview_paths,
    preview_progress,
)
from tests.unit import test_imports as base
from tests.unit.test_import_worker import _state

SAMPLES = Path(__file__).parent.parent / "data" / "samples"
ORDER_FILES = sorted(SAMPLES.glob("*.csv"))


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as large: previewed while its parser process parses."""
    monkeypatch.setattr(worker, "WORKER_MIN_BYTES", 0)


def _finished(preview: FilePreview) -> FilePreview:
    deadline = time.monotonic() + 60
    while preview.checking:
        assert time.monotonic() < deadline, "the parse never ended"
        time.sleep(0.02)
        preview = preview_progress(preview)
    return preview


def _shown(preview: FilePreview) -> tuple[object, ...]:
    return (
        preview.file_name, preview.platform, preview.kind, preview.generation, preview.shop, preview.rows,
        preview.orders, preview.problems, preview.warnings, preview.exported_at, preview.notes, preview.error_code,
    )  # fmt: skip


def test_the_preview_of_a_parse_in_progress_ends_as_the_whole_preview(
    session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    late_problem = ("0.00,99.00,99.00", "0.00,九十九,99.00")
    files = [*ORDER_FILES, base._many_pdd_orders(tmp_path, 2 * ORDER_CHUNK + 10, last=late_problem)]
    whole = preview_paths(session, files)
    monkeypatch.setattr(worker, "WORKER_MIN_BYTES", 0)
    streamed = preview_paths(session, files)
    try:
        assert all(p.plan is not None and p.plan.parsing is not None for p in streamed)
        assert [_shown(_finished(p)) for p in streamed] == [_shown(p) for p in whole]
        assert [p.row for p in _finished(streamed[-1]).problems] == [2 * ORDER_CHUNK + 11]
    finally:
        for preview in streamed:
            assert preview.plan is not None
            preview.plan.close()


@pytest.mark.usefixtures("streamed")
def test_an_import_started_while_the_preview_parses_writes_what_the_import_alone_writes(
    session: Session, tmp_path: Path
) -> None:
    files = [base._many_pdd_orders(tmp_path, 4 * ORDER_CHUNK), SAMPLES / "jd_orders.csv"]
    savepoint = session.begin_nested()
    alone = import_paths(session, files)
    expected = _state(session)
    savepoint.rollback()
    previews = preview_paths(session, files)
    results = import_paths(session, files, plans=[p.plan for p in previews])  # at once: still parsing, likely
    assert [(r.created, r.rows, r.problems) for r in results] == [(r.created, r.rows, r.problems) for r in alone]
    assert _state(session) == expected
    assert all(p.plan is not None and p.plan.parsing is not None for p in previews)
    assert not any(p.plan.parsing._process.is_alive() for p in previews if p.plan and p.plan.parsing)


@pytest.mark.usefixtures("streamed")
def test_a_problem_late_in_the_file_refuses_the_import_started_before_it_was_found(
    session: Session, tmp_path: Path
) -> None:
    path = base._many_pdd_orders(tmp_path, 3 * ORDER_CHUNK, last=("0.00,99.00,99.00", "0.00,九十九,99.00"))
    before = base._snapshot(session)
    (preview,) = preview_paths(session, [path])
    with pytest.raises(ImportRefused) as info:
        import_paths(session, [path], plans=[preview.plan])
    assert [p.row for p in info.value.results[0].problems] == [3 * ORDER_CHUNK + 1]
    assert base._snapshot(session) == before
    assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0
    # The same preview, valid rows accepted: written from the parse already taken in.
    (result,) = import_paths(session, [path], plans=[preview.plan], options=ImportOptions(accept_valid_rows=True))
    assert (result.created, result.refused) == (3 * ORDER_CHUNK - 1, 1)


@pytest.mark.usefixtures("streamed")
def test_closing_a_preview_stops_its_parse_and_a_stopped_parse_is_not_imported_from(
    session: Session, tmp_path: Path
) -> None:
    path = base._many_pdd_orders(tmp_path, 6 * ORDER_CHUNK)
    (preview,) = preview_paths(session, [path])
    plan = preview.plan
    assert plan is not None and plan.parsing is not None
    plan.close()
    assert not plan.parsing._process.is_alive()
    if plan.parsing.failure is not None:  # stopped before its end: the import reads the file again
        assert not plan.fits(path, None, ImportOptions())
    (result,) = import_paths(session, [path], plans=[plan])
    assert result.created == 6 * ORDER_CHUNK


@pytest.mark.usefixtures("streamed")
def test_a_file_that_is_no_export_is_refused_by_the_preview_as_before(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("hello,world\n1,2\n", encoding="utf-8")
    (preview,) = preview_paths(session, [path])
    assert preview.error_code and not preview.checking and preview.plan is None
