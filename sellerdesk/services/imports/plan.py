"""Plan: read a file once, recognise its layout, shop and problems (the preview), and keep that plan for
the import, so a file previewed in the app is not read and parsed a second time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from sellerdesk.domain.enums import Platform
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.domain.records import FileNote, ParsedFile, RowProblem
from sellerdesk.platforms import MAPPABLE_ERRORS, MappingLookup, ParseJob, plan_export, read_export
from sellerdesk.platforms.generic import MappingSpec
from sellerdesk.platforms.stamps import newest_time
from sellerdesk.platforms.worker import WorkerParse, worker_suits
from sellerdesk.services.imports.common import CHUNK, ORDER_CHUNK, ImportOptions, Progress
from sellerdesk.services.mappings import find_mapping
from sellerdesk.services.shops import import_target


def _parse_one(
    path: Path, platform: Platform | None, mapping_lookup: MappingLookup | None, options: ImportOptions
) -> tuple[ParsedFile, str]:
    """Read and parse one file whole (the preview); with the file's SHA-256."""
    job = _plan_one(path, platform, mapping_lookup, options)
    parsed = job.start()
    job.run(parsed)
    return parsed, job.table.sha256


def _plan_one(
    path: Path, platform: Platform | None, mapping_lookup: MappingLookup | None, options: ImportOptions
) -> ParseJob:
    """Read a file and recognise its layout; a layout no parser knows (or a known one lacking required
    columns) is read with its saved column mapping; ``options.mapping`` reads every file with that one."""
    table = read_export(path)
    return plan_export(
        table, platform, mapping=options.mapping, accept_fallbacks=options.accept_fallbacks, lookup=mapping_lookup
    )


def file_stamp(path: Path) -> tuple[int, int]:
    """Size and modification time: a file that changed since it was read is read again."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


@dataclass(frozen=True, eq=False)
class FilePlan:
    """A file as the preview read and parsed it, for the import to write without reading it again: the
    plan (layout, rows, problems) the user saw is the one the import runs."""

    path: Path
    stamp: tuple[int, int]  # ``file_stamp`` when it was read
    platform: Platform | None
    mapping: MappingSpec | None
    accept_fallbacks: bool
    parsed: ParsedFile
    sha256: str
    # A large file's parser process, still parsing while the preview is shown (``parsed`` fills as it goes):
    # an import started meanwhile writes from it as it parses. None once the parse was whole at the preview.
    parsing: WorkerParse | None = field(default=None, compare=False)

    @property
    def checking(self) -> bool:
        """Whether the file is still being parsed (its rows, problems and export time are not all known)."""
        return self.parsing is not None and not self.parsing.progress()[0]

    def close(self) -> None:
        """Stop a parse nobody will import from (the preview closed)."""
        if self.parsing is not None:
            self.parsing.close()

    def fits(self, path: Path, platform: Platform | None, options: ImportOptions) -> bool:
        """Whether an import of ``path`` with these choices would read the file as this plan did."""
        try:
            unchanged = file_stamp(path) == self.stamp
        except OSError:
            return False
        broken = self.parsing is not None and self.parsing.failure is not None  # e.g. stopped by a cancel
        return (
            unchanged
            and not broken
            and path == self.path
            and platform == self.platform
            and options.mapping == self.mapping
            and options.accept_fallbacks == self.accept_fallbacks
        )


@dataclass(frozen=True)
class FilePreview:
    """What a file is, before anything is written: the import dialog shows one row per file."""

    path: Path
    file_name: str
    platform: str = ""
    kind: str = ""
    generation: str = ""
    shop: str = ""  # the shop it would go to: the file's 店铺名称, else as the import would choose
    shop_in_file: bool = False  # the file names its shop (else the user may choose another)
    rows: int = 0
    orders: int = 0
    problems: tuple[RowProblem, ...] = ()
    warnings: tuple[RowProblem, ...] = ()
    exported_at: datetime | None = None
    error_code: str = ""  # a whole-file failure (empty, not an export, ...); the row is then refused
    error: str = ""
    missing_columns: tuple[str, ...] = ()
    header: tuple[str, ...] = ()  # for the mapping dialog when no platform matched
    notes: tuple[FileNote, ...] = ()  # how the file is read (fallback columns)
    fallbacks: tuple[str, ...] = ()  # columns offered in place of ``missing_columns``, once accepted
    # The parsed file, for ``import_paths(…, plans=…)`` (none for a file that cannot be imported).
    plan: FilePlan | None = field(default=None, compare=False, repr=False)
    # A large file is still being parsed in its own process: rows so far, problems not known yet
    # (``preview_progress`` gives the preview as it stands). The import may start meanwhile.
    checking: bool = False

    @property
    def importable(self) -> bool:
        return not self.error_code

    @property
    def needs_mapping(self) -> bool:
        return self.error_code in MAPPABLE_ERRORS and bool(self.header)

    @property
    def needs_fallbacks(self) -> bool:
        return self.error_code == "fallback_unconfirmed"


def preview_paths(
    session: Session,
    paths: Sequence[Path],
    *,
    platform: Platform | None = None,
    progress: Progress | None = None,
    options: ImportOptions | None = None,
) -> list[FilePreview]:
    """Parse every file and say what it holds and what is wrong, per file; writes nothing."""
    previews = []
    for n, path in enumerate(paths):
        previews.append(_preview_one(session, path, platform, options or ImportOptions()))
        if progress is not None:
            progress(n + 1, len(paths))
    return previews


def _preview_one(session: Session, path: Path, platform: Platform | None, options: ImportOptions) -> FilePreview:
    try:
        stamp: tuple[int, int] | None = file_stamp(path)
    except OSError:
        stamp = None  # reading it says what is wrong
    if stamp is not None and worker_suits(path):
        return _preview_streamed(session, path, stamp, platform, options)
    try:
        parsed, sha256 = _parse_one(path, platform, lambda header: find_mapping(session, header), options)
    except ImportFileError as exc:
        return _refused_preview(path, exc)
    plan = (
        None
        if stamp is None
        else FilePlan(path, stamp, platform, options.mapping, options.accept_fallbacks, parsed, sha256)
    )
    return _parsed_preview(session, path, parsed, options, plan)


def _preview_streamed(
    session: Session, path: Path, stamp: tuple[int, int], platform: Platform | None, options: ImportOptions
) -> FilePreview:
    """A large file: its parser process recognises it and goes on parsing while the preview is shown (its
    orders are taken in meanwhile); the preview says what is known once the first orders are in."""
    parsing = WorkerParse(
        path,
        platform=platform,
        mapping=options.mapping,
        accept_fallbacks=options.accept_fallbacks,
        lookup=lambda header: find_mapping(session, header),  # asked before ``plan`` returns, on this thread
        batch=ORDER_CHUNK,
    )
    try:
        parsed = parsing.plan()
    except ImportFileError as exc:
        parsing.close()
        return _refused_preview(path, exc)
    except BaseException:
        parsing.close()
        raise
    parsing.read_ahead()
    parsing.first_orders()
    plan = FilePlan(path, stamp, platform, options.mapping, options.accept_fallbacks, parsed, parsing.sha256, parsing)
    preview = _parsed_preview(session, path, parsed, options, plan)
    return preview_progress(replace(preview, rows=parsing.approx_rows))


def preview_progress(preview: FilePreview) -> FilePreview:
    """``preview`` as its file's parse stands now (the same preview for a file parsed whole already). Reads
    no database: the shop was chosen from the first orders."""
    plan = preview.plan
    if plan is None or plan.parsing is None or not preview.checking:
        return preview
    done, rows = plan.parsing.progress()
    failure = plan.parsing.failure
    if isinstance(failure, ImportFileError):
        return _refused_preview(preview.path, failure)
    if failure is not None:
        raise failure
    parsed = plan.parsed
    if not done:
        return replace(preview, rows=max(rows, preview.rows), orders=len(parsed.orders), checking=True)
    return replace(preview, **_parse_figures(parsed), checking=False)


def _parse_figures(parsed: ParsedFile) -> dict[str, Any]:
    """What a preview shows of a whole parse."""
    return {
        "rows": parsed.rows,
        "orders": len(parsed.orders) or len(parsed.refunds),
        "problems": tuple(parsed.problems),
        "warnings": tuple(parsed.warnings),
        "exported_at": parsed.exported_at or newest_time(parsed.orders),
        "notes": tuple(parsed.notes),
    }


def _refused_preview(path: Path, exc: ImportFileError) -> FilePreview:
    header: tuple[str, ...] = ()
    if exc.code in MAPPABLE_ERRORS:
        try:
            header = tuple(read_export(path).header)
        except ImportFileError:
            header = ()
    missing = tuple(str(c) for c in exc.params.get("columns", ()))
    fallbacks = tuple(str(c) for c in exc.params.get("fallbacks", ()))
    return FilePreview(
        path, path.name, error_code=exc.code, error=exc.message, missing_columns=missing, header=header,
        fallbacks=fallbacks,
    )  # fmt: skip


def _parsed_preview(
    session: Session, path: Path, parsed: ParsedFile, options: ImportOptions, plan: FilePlan | None
) -> FilePreview:
    return FilePreview(
        path,
        parsed.file_name,
        platform=parsed.platform.value,
        kind=parsed.kind.value,
        generation=parsed.header_generation,
        shop=_target_shop(session, parsed, options),
        shop_in_file=bool(parsed.shop_name),
        **_parse_figures(parsed),
        plan=plan,
        checking=plan is not None and plan.parsing is not None,
    )


def _target_shop(session: Session, parsed: ParsedFile, options: ImportOptions) -> str:
    """The name of the shop the file would be imported into (the preview writes nothing)."""
    ids = [o.order_id for o in parsed.orders[:CHUNK]] or [r.order_id for r in parsed.refunds[:CHUNK]]
    given = options.shops.get(parsed.file_name) or options.shop_name
    return import_target(session, parsed.platform, given=given, in_file=parsed.shop_name, order_ids=ids)[1]
