"""Platform export parsers: detect what a file is and turn its rows into generic records.

The import service calls ``detect_path`` for a preview and ``parse_file`` to import; files no
layout recognises go through ``parse_file(path, mapping=…)`` with a user-confirmed column mapping.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sellerdesk.domain.enums import Platform
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.domain.records import FileKind, ParsedFile
from sellerdesk.platforms.base import (
    LayoutMatch,
    LayoutParser,
    NotGrouped,
    fallbacks_unconfirmed,
    missing_columns,
    not_an_export,
)
from sellerdesk.platforms.detect import Detection, detect_file, detect_headers
from sellerdesk.platforms.generic import (
    GENERIC_FIELDS,
    GenericParser,
    MappingSpec,
    missing_fields,
    suggest_mapping,
    validate_mapping,
)
from sellerdesk.platforms.registry import PLATFORMS, known_headers, spec_of
from sellerdesk.sheets.reading import Table, read_table

__all__ = [
    "GENERIC_FIELDS",
    "MAPPABLE_ERRORS",
    "PLATFORMS",
    "Detection",
    "GenericParser",
    "NotGrouped",
    "ParseJob",
    "detect_file",
    "detect_headers",
    "detect_path",
    "missing_fields",
    "parse_file",
    "parse_table",
    "plan_export",
    "plan_parse",
    "read_export",
    "spec_of",
    "suggest_mapping",
]


def read_export(path: str | Path) -> Table:
    """Read a file with header-row detection tuned to every known export header."""
    return read_table(path, known_headers=known_headers())


def detect_path(path: str | Path) -> Detection:
    """Read a file and say what it is, for the preview before an import."""
    return detect_file(read_export(path))


def parse_file(
    path: str | Path,
    platform: Platform | None = None,
    *,
    mapping: Mapping[str, str] | None = None,
    accept_fallbacks: bool = False,
) -> ParsedFile:
    """Read, detect and parse one export file.

    ``platform`` restricts detection to that platform's layouts; ``mapping`` (canonical field ->
    header) parses with the generic parser instead, as ``platform`` (default OTHER). Raises
    ``ImportFileError`` for whole-file failures; row problems are in the result.
    """
    return parse_table(read_export(path), platform, mapping=mapping, accept_fallbacks=accept_fallbacks)


def parse_table(
    table: Table,
    platform: Platform | None = None,
    *,
    mapping: Mapping[str, str] | None = None,
    accept_fallbacks: bool = False,
) -> ParsedFile:
    """``parse_file`` for an already read table."""
    job = plan_parse(table, platform, mapping=mapping, accept_fallbacks=accept_fallbacks)
    result = job.start()
    job.run(result)
    return result


@dataclass(frozen=True)
class ParseJob:
    """A recognised file, ready to parse: ``parse_table`` in two steps, so that an import can write the
    orders parsed so far while another thread parses the rest (``ParsedFile.final``)."""

    table: Table
    parser: LayoutParser
    match: LayoutMatch
    shop_name: str = ""  # the shop a saved column mapping names, when the file itself names none

    @property
    def kind(self) -> FileKind:
        return self.match.layout.kind

    def start(self, *, stream: bool = False) -> ParsedFile:
        result = self.parser.start(self.table.file_name, self.match, stream=stream)
        result.shop_name = self.shop_name
        return result

    def run(self, result: ParsedFile) -> None:
        """Parse every row into ``result``; raises ``NotGrouped`` when streaming and an order's rows are apart."""
        self.parser.fill(self.table, self.match, result)


def plan_parse(
    table: Table,
    platform: Platform | None = None,
    *,
    mapping: Mapping[str, str] | None = None,
    accept_fallbacks: bool = False,
) -> ParseJob:
    """Recognise the table's layout; raises ``ImportFileError`` for a file no parser can read, or one that
    needs a fallback column the user has not accepted (``accept_fallbacks``)."""
    parser: LayoutParser
    if mapping is not None:
        parser = GenericParser(mapping, platform or Platform.OTHER)
        match = parser.detect(table.header, table.file_name)
        if match is None:
            raise not_an_export(table.file_name)
    else:
        detection = detect_file(table, platform=platform)
        spec = PLATFORMS.get(detection.platform) if detection.platform is not None else None
        if detection.match is None or spec is None or spec.parser is None:
            raise not_an_export(table.file_name)
        parser, match = spec.parser, detection.match
    if match.missing_required:
        raise missing_columns(table.file_name, match)
    if match.unconfirmed:
        if not accept_fallbacks:
            raise fallbacks_unconfirmed(table.file_name, match)
        match = match.confirmed()
    return ParseJob(table, parser, match)


# Whole-file failures a column mapping can overcome: unknown columns, or a known layout lacking some.
MAPPABLE_ERRORS = ("not_an_export", "missing_columns")
MappingLookup = Callable[[Sequence[str]], MappingSpec | None]


def plan_export(
    table: Table,
    platform: Platform | None = None,
    *,
    mapping: MappingSpec | None = None,
    accept_fallbacks: bool = False,
    lookup: MappingLookup | None = None,
) -> ParseJob:
    """Recognise a read file's layout; a layout no parser knows (or a known one lacking required columns)
    is read with the column mapping ``lookup`` finds for its header (a saved one); ``mapping`` reads the
    file with that one whatever it is."""
    if mapping is not None:
        return _plan_mapped(table, replace(mapping, platform=platform or mapping.platform), accept_fallbacks)
    try:
        return plan_parse(table, platform, accept_fallbacks=accept_fallbacks)
    except ImportFileError as exc:
        if exc.code not in MAPPABLE_ERRORS or lookup is None:
            raise
        saved = lookup(table.header)
        if saved is None:
            raise
        return _plan_mapped(table, saved, accept_fallbacks)


def _plan_mapped(table: Table, spec: MappingSpec, accept_fallbacks: bool) -> ParseJob:
    validate_mapping(spec.columns, table.header)
    job = plan_parse(table, spec.platform, mapping=spec.columns, accept_fallbacks=accept_fallbacks)
    return replace(job, shop_name=spec.shop)
