"""Plan: read a file once, recognise its layout, shop and problems (the preview), and keep that plan for
the import, so a file previewed in the app is not read and parsed a second time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from sellerdesk.domain.enums import Platform
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.domain.records import FileNote, ParsedFile, RowProblem
from sellerdesk.platforms import MAPPABLE_ERRORS, MappingLookup, ParseJob, plan_export, read_export
from sellerdesk.platforms.generic import MappingSpec
from sellerdesk.platforms.stamps import newest_time
from sellerdesk.services.imports.common import CHUNK, ImportOptions, Progress
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

    def fits(self, path: Path, platform: Platform | None, options: ImportOptions) -> bool:
        """Whether an import of ``path`` with these choices would read the file as this plan did."""
        try:
            unchanged = file_stamp(path) == self.stamp
        except OSError:
            return False
        return (
            unchanged
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
    try:
        parsed, sha256 = _parse_one(path, platform, lambda header: find_mapping(session, header), options)
    except ImportFileError as exc:
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
    return FilePreview(
        path,
        parsed.file_name,
        platform=parsed.platform.value,
        kind=parsed.kind.value,
        generation=parsed.header_generation,
        shop=_target_shop(session, parsed, options),
        shop_in_file=bool(parsed.shop_name),
        rows=parsed.rows,
        orders=len(parsed.orders) or len(parsed.refunds),
        problems=tuple(parsed.problems),
        warnings=tuple(parsed.warnings),
        exported_at=parsed.exported_at or newest_time(parsed.orders),
        notes=tuple(parsed.notes),
        plan=None
        if stamp is None
        else FilePlan(path, stamp, platform, options.mapping, options.accept_fallbacks, parsed, sha256),
    )


def _target_shop(session: Session, parsed: ParsedFile, options: ImportOptions) -> str:
    """The name of the shop the file would be imported into (the preview writes nothing)."""
    ids = [o.order_id for o in parsed.orders[:CHUNK]] or [r.order_id for r in parsed.refunds[:CHUNK]]
    given = options.shops.get(parsed.file_name) or options.shop_name
    return import_target(session, parsed.platform, given=given, in_file=parsed.shop_name, order_ids=ids)[1]
