"""Whole runs: every file planned first, then each parsed and written, all in one savepoint that a refused
or broken file rolls back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from sellerdesk.db.after_commit import wait_for_after_commit
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Platform
from sellerdesk.domain.permissions import OWNER, Action, Actor, require
from sellerdesk.domain.records import FileKind, ParsedFile
from sellerdesk.platforms import MappingLookup, NotGrouped, ParseJob
from sellerdesk.platforms.background import BackgroundParse
from sellerdesk.platforms.generic import MappingSpec
from sellerdesk.platforms.worker import WorkerParse, worker_suits
from sellerdesk.services.imports.common import (
    IMPORTED,
    ORDER_CHUNK,
    FileResult,
    ImportOptions,
    ImportRefused,
    ImportResults,
    IsCancelled,
    Progress,
    _chunks,
    _refused_result,
    lock_imports,
)
from sellerdesk.services.imports.follow import checkpoint_after_commit
from sellerdesk.services.imports.parse import _parser_runs_during_statements, _RunProgress
from sellerdesk.services.imports.plan import FilePlan, _plan_one
from sellerdesk.services.imports.write import _write_file
from sellerdesk.services.mappings import find_mapping
from sellerdesk.services.search import index_pending
from sellerdesk.sheets.reading import gc_paused


def import_paths(
    session: Session,
    paths: Sequence[Path],
    *,
    platform: Platform | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    actor: Actor = OWNER,
    plans: Iterable[FilePlan | None] = (),
) -> ImportResults:
    """Import files as one unit: if any file has problems (and valid rows are not accepted), nothing is kept.

    Every file is read and recognised first, so an unreadable or unknown file stops the run before
    anything is written. A file the preview already parsed (``plans``, from ``preview_paths``) is written
    from that parse, unless it changed since or is read with other choices. A large file is parsed in a
    worker process (``platforms.worker``), a smaller one on a helper thread, while this thread writes the
    orders parsed so far. The writes sit in a savepoint, rolled back when a file has problems
    (``ImportRefused``) and on a dry run.
    ``actor``: the desktop app passes who is signed in; the command line acts as the owner.
    """
    require(actor, Action.IMPORT_ORDERS)
    # What follows an earlier import's commit in this process comes first (the write lock's BEGIN waits for it
    # too; a session opened without it begins at its first statement, after this).
    wait_for_after_commit()
    options = options or ImportOptions()
    planned = [plan for plan in plans if plan is not None]
    # 100k+ live records: the collector's passes over them would cost as much as the work. They are
    # freed (by reference counting) before it runs again, so it never walks them at all.
    with gc_paused(), ExitStack() as workers:

        def lookup(header: Sequence[str]) -> MappingSpec | None:
            return find_mapping(session, header)

        files = [_source(path, platform, options, lookup, planned, workers) for path in paths]
        for file in files:  # in the order given: the first file that cannot be imported is the one named
            file.plan(platform, lookup, options)
        # A Taobao order file before its item file: the orders' own figures come first either way.
        files.sort(key=lambda f: f.kind != FileKind.TAOBAO_ORDERS)
        run = _RunProgress([f.approx_rows for f in files], progress, cancelled)
        results = _write_all(session, files, options, run)
    return ImportResults(results, Changes() if options.dry_run else IMPORTED)


@dataclass
class _File:
    """One file of a run and where its records come from: the preview's parse (``planned``), a worker
    process (``worker``), or a helper thread of this process (``job``, once planned)."""

    path: Path
    planned: ParsedFile | None = None
    worker: WorkerParse | None = None
    job: ParseJob | None = None
    kind: FileKind = FileKind.ORDERS
    approx_rows: int = 0
    sha256: str = ""

    def plan(self, platform: Platform | None, lookup: MappingLookup, options: ImportOptions) -> None:
        """Read and recognise the file (a worker does it in its process); raises ``ImportFileError``."""
        if self.planned is not None:
            self.kind, self.approx_rows = self.planned.kind, self.planned.rows
        elif self.worker is not None:
            self.worker.plan()
            self.kind, self.approx_rows, self.sha256 = self.worker.kind, self.worker.approx_rows, self.worker.sha256
        else:
            self.job = _plan_one(self.path, platform, lookup, options)
            self.kind, self.approx_rows, self.sha256 = self.job.kind, self.job.table.approx_rows, self.job.table.sha256

    def parse_whole(self, run: _RunProgress) -> ParsedFile:
        """The whole file, parsed (here, or by its worker)."""
        if self.planned is not None:
            run.finish(self.planned.rows)
            return self.planned
        if self.worker is not None:
            parsed = self.worker.wait()
            run.finish(parsed.rows)
            return parsed
        assert self.job is not None
        parsed = self.job.start()
        run.parse(self.job, parsed)
        return parsed

    @contextmanager
    def parsing(self, session: Session) -> Iterator[BackgroundParse | WorkerParse]:
        """The file streamed: its worker, or a helper thread that parses while this one waits for SQLite."""
        if self.worker is not None:
            yield self.worker
            return
        assert self.job is not None
        with BackgroundParse(self.job) as parsing, _parser_runs_during_statements(session, parsing):
            yield parsing


def _source(
    path: Path,
    platform: Platform | None,
    options: ImportOptions,
    lookup: MappingLookup,
    planned: Sequence[FilePlan],
    workers: ExitStack,
) -> _File:
    """Where a file's records will come from; a worker process starts at once (it reads and plans the file)."""
    plan = next((p for p in planned if p.fits(path, platform, options)), None)
    if plan is not None and plan.parsing is not None:  # a large file the preview still parses, or parsed so
        workers.callback(plan.parsing.close)
        return _File(path, worker=plan.parsing)
    if plan is not None:
        return _File(path, planned=plan.parsed, sha256=plan.sha256)
    if worker_suits(path):
        worker = WorkerParse(
            path,
            platform=platform,
            mapping=options.mapping,
            accept_fallbacks=options.accept_fallbacks,
            lookup=lookup,
            batch=ORDER_CHUNK,
        )
        workers.callback(worker.close)
        return _File(path, worker=worker)
    return _File(path)


def _write_all(session: Session, files: Sequence[_File], options: ImportOptions, run: _RunProgress) -> list[FileResult]:
    lock_imports(session)
    if not options.dry_run:
        index_pending(session)  # documents an earlier import left unindexed (it ended before adding them)
        checkpoint_after_commit(session)
    savepoint = session.begin_nested()
    results: list[FileResult] = []
    refused = False  # a file had problems: the others are only parsed, for their problem lists
    try:
        for file in files:
            if refused and not options.accept_valid_rows:
                parsed = file.parse_whole(run)
                results.append(_refused_result(parsed))
                continue
            result, parsed = _import_file(session, file, options, run)
            refused = refused or bool(parsed.problems)
            results.append(result if options.accept_valid_rows or not parsed.problems else _refused_result(parsed))
    except BaseException:  # a file broken halfway, a cancel, a database error: nothing is kept
        savepoint.rollback()
        raise
    if refused and not options.accept_valid_rows:
        savepoint.rollback()
        names = ", ".join(r.file_name for r in results if r.problems)
        raise ImportRefused(f"Nothing was imported: problems in {names}.", results)
    if options.dry_run:  # everything was checked and counted, nothing is kept
        savepoint.rollback()
        return [FileResult(**{**r.__dict__, "batch_id": None}) for r in results]
    savepoint.commit()
    return results


def _import_file(
    session: Session, file: _File, options: ImportOptions, run: _RunProgress
) -> tuple[FileResult, ParsedFile]:
    """Parse one file (in a worker, or on a helper thread) while writing its orders. When its problems refuse
    it, writing stops at the first one (the run's savepoint is rolled back) and the rest is only parsed,
    for the list."""
    if file.planned is not None or file.kind == FileKind.REFUNDS:  # parsed already; refund exports are small
        return _import_whole(session, file, options, run)
    file_savepoint = session.begin_nested()
    try:
        with file.parsing(session) as parsing:
            parsed = parsing.result
            assert parsed is not None
            batches = parsing.batches(ORDER_CHUNK, stop=lambda: bool(parsed.bad_rows) and not options.accept_valid_rows)
            result = _write_file(
                session, parsed, batches, file.sha256, options, lambda _: run.step(parsed.rows), file.approx_rows
            )
    except NotGrouped:  # an order's rows are apart (a sorted file): parse it whole, then write
        file_savepoint.rollback()
        return _import_whole(session, file, options, run)
    file_savepoint.commit()
    run.finish(parsed.rows)
    return result, parsed


def _import_whole(
    session: Session, file: _File, options: ImportOptions, run: _RunProgress
) -> tuple[FileResult, ParsedFile]:
    """Parse a file whole (unless the preview did), then write it."""
    written = 0
    if file.planned is not None:  # progress moves with the orders written, the parse having been the preview's
        parsed = file.planned

        def step(orders: int) -> None:
            nonlocal written
            written += orders
            run.step(parsed.rows * written // max(1, len(parsed.orders) or len(parsed.refunds)))

        # Refused: nothing is written, as a streamed file stops writing at its first problem.
        orders = [] if parsed.bad_rows and not options.accept_valid_rows else parsed.orders
        result = _write_file(session, parsed, _chunks(orders, ORDER_CHUNK), file.sha256, options, step, parsed.rows)
        run.finish(parsed.rows)
        return result, parsed
    parsed = file.parse_whole(run)
    chunks = _chunks(parsed.orders, ORDER_CHUNK)
    return _write_file(session, parsed, chunks, file.sha256, options, lambda _: run.step(0), parsed.rows), parsed
