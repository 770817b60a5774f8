"""Which platform and file kind an export is, from its headers (and Taobao's file-name stems).

Every layout of every registered platform's parser scores the header; the best one wins. No match is a normal result
(``Detection.matched`` is False): the UI then offers the column-mapping dialog (generic.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sellerdesk.domain.enums import Platform
from sellerdesk.domain.records import FileKind
from sellerdesk.platforms.base import LayoutMatch
from sellerdesk.platforms.registry import PLATFORMS
from sellerdesk.sheets.reading import Table


@dataclass(frozen=True)
class Detection:
    """What a file looks like. ``platform`` None: no known export layout matched."""

    platform: Platform | None
    kind: FileKind | None
    score: int
    missing_required: tuple[str, ...] = ()  # header names of required columns the file lacks
    generation: str = ""  # e.g. "L2", "D1", "商品维度"
    layout: str = ""
    match: LayoutMatch | None = field(default=None, repr=False, compare=False)

    @property
    def matched(self) -> bool:
        return self.platform is not None

    @property
    def importable(self) -> bool:
        return self.matched and not self.missing_required and not (self.match and self.match.unconfirmed)

    @property
    def message(self) -> str:
        if not self.matched:
            return "No platform export matched the file's columns; map the columns by hand."
        if self.missing_required:
            return f"Looks like a {self.platform} {self.kind} file, but misses: {', '.join(self.missing_required)}."
        return f"{self.platform} {self.kind} file ({self.generation or self.layout})."


NO_MATCH = Detection(None, None, 0)


def detect_headers(headers: Sequence[str], file_name: str = "", *, platform: Platform | None = None) -> Detection:
    """The best-scoring layout over all platforms' parsers (or only ``platform``'s)."""
    best: tuple[Platform, LayoutMatch] | None = None
    for key, spec in PLATFORMS.items():
        if spec.parser is None or (platform is not None and key is not platform):
            continue
        match = spec.parser.detect(headers, file_name)
        if match is not None and (best is None or match.score > best[1].score):
            best = (key, match)
    if best is None:
        return NO_MATCH
    key, match = best
    return Detection(
        key, match.layout.kind, match.score, match.missing_required, match.generation, match.layout.name, match
    )


def detect_file(table: Table, file_name: str | None = None, *, platform: Platform | None = None) -> Detection:
    """Detect from a read table; ``file_name`` defaults to the table's."""
    return detect_headers(table.header, file_name or table.file_name, platform=platform)
