"""Whole runs: every file planned first, then each parsed and written, all in one savepoint that a refused
or broken file rolls back."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Platform
from sellerdesk.domain.permissions import OWNER, Action, Actor, require
from sellerdesk.domain.records import FileKind, ParsedFile
from sellerdesk.platforms import NotGrouped, ParseJob
from sellerdesk.platforms.background import BackgroundParse
from sellerdesk.platforms.generic import MappingSpec
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
    file_sha256,
    lock_imports,
)
from sellerdesk.services.imports.parse import _parser_runs_during_statements, _RunProgress
from sellerdesk.services.imports.plan import _plan_one
from sellerdesk.services.imports.write import _write_file
from sellerdesk.services.mappings import find_mapping
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
) -> ImportResults:
    """Import files as one unit: if any file has problems (and valid rows are not accepted), nothing is kept.

    Every file is read and recognised first, so an unreadable or unknown file stops the run before
    anything is written. Each file is then parsed on a helper thread while this one writes the orders
    parsed so far: SQLite works without holding the GIL, so parsing and writing overlap. The writes
    sit in a savepoint, rolled back when a file has problems (``ImportRefused``) and on a dry run.
    ``actor``: the desktop app passes who is signed in; the command line acts as the owner.
    """
    require(actor, Action.IMPORT_ORDERS)
    options = options or ImportOptions()
    # 100k+ live records: the collector's passes over them would cost as much as the work. They are
    # freed (by reference counting) before it runs again, so it never walks them at all.
    with gc_paused():

        def lookup(header: Sequence[str]) -> MappingSpec | None:
            return find_mapping(session, header)

        jobs = [(_plan_one(path, platform, lookup, options), path) for path in paths]
        # A Taobao order file before its item file: the orders' own figures come first either way.
        jobs.sort(key=lambda j: j[0].kind != FileKind.TAOBAO_ORDERS)
        results = _write_all(session, jobs, options, _RunProgress(jobs, progress, cancelled))
    return ImportResults(results, Changes() if options.dry_run else IMPORTED)


def _write_all(
    session: Session, jobs: Sequence[tuple[ParseJob, Path]], options: ImportOptions, run: _RunProgress
) -> list[FileResult]:
    lock_imports(session)
    savepoint = session.begin_nested()
    results: list[FileResult] = []
    refused = False  # a file had problems: the others are only parsed, for their problem lists
    try:
        for job, path in jobs:
            if refused and not options.accept_valid_rows:
                parsed = job.start()
                run.parse(job, parsed)
                results.append(_refused_result(parsed))
                continue
            result, parsed = _import_file(session, job, file_sha256(path), options, run)
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
    session: Session, job: ParseJob, file_hash: str, options: ImportOptions, run: _RunProgress
) -> tuple[FileResult, ParsedFile]:
    """Parse one file on a helper thread while writing its orders. When its problems refuse it, writing
    stops at the first one (the run's savepoint is rolled back) and the rest is only parsed, for the list."""
    if job.kind == FileKind.REFUNDS:  # refund exports are small and written as a whole
        return _import_whole(session, job, file_hash, options, run)
    file_savepoint = session.begin_nested()
    try:
        with BackgroundParse(job) as parsing, _parser_runs_during_statements(session, parsing):
            parsed = parsing.result
            batches = parsing.batches(ORDER_CHUNK, stop=lambda: bool(parsed.bad_rows) and not options.accept_valid_rows)
            result = _write_file(
                session, parsed, batches, file_hash, options, lambda _: run.step(parsed.rows), job.table.approx_rows
            )
    except NotGrouped:  # an order's rows are apart (a sorted file): parse it whole, then write
        file_savepoint.rollback()
        return _import_whole(session, job, file_hash, options, run)
    file_savepoint.commit()
    run.finish(parsed.rows)
    return result, parsed


def _import_whole(
    session: Session, job: ParseJob, file_hash: str, options: ImportOptions, run: _RunProgress
) -> tuple[FileResult, ParsedFile]:
    """Parse a file whole on this thread, then write it."""
    parsed = job.start()
    run.parse(job, parsed)
    orders = _chunks(parsed.orders, ORDER_CHUNK)
    return _write_file(session, parsed, orders, file_hash, options, lambda _: run.step(0), parsed.rows), parsed
