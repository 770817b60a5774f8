"""Every platform SellerDesk knows, one line each: what the command line, detection, the batch-ship and
sample writers and the UI read. A platform's facts live in its own module (platforms/<name>/); adding one
is a new module and a line here (docs/architecture.md, "Platforms: one room each").
"""

from __future__ import annotations

from collections.abc import Mapping

from sellerdesk.domain.enums import Platform
from sellerdesk.platforms import douyin, jd, mapped, pdd, taobao
from sellerdesk.platforms.spec import PlatformSpec

PLATFORMS: Mapping[Platform, PlatformSpec] = {
    spec.platform: spec
    for spec in (
        taobao.SPEC,
        jd.SPEC,
        pdd.SPEC,
        douyin.SPEC,
        mapped.KUAISHOU,
        mapped.XIAOHONGSHU,
        mapped.OTHER,
    )
}


def spec_of(platform: Platform | str) -> PlatformSpec:
    """The platform's spec; a code no entry has (a newer version's) gets OTHER's."""
    try:
        return PLATFORMS[Platform(platform)]
    except (ValueError, KeyError):
        return PLATFORMS[Platform.OTHER]


def parsed_platforms() -> tuple[Platform, ...]:
    """Platforms with export layouts of their own (the others are read through a column mapping)."""
    return tuple(p for p, spec in PLATFORMS.items() if spec.parser is not None)


def known_headers() -> frozenset[str]:
    """Every header name any layout knows (normalised): makes header-row detection exact."""
    return frozenset(
        alias
        for spec in PLATFORMS.values()
        if spec.parser is not None
        for layout in spec.parser.layouts
        for names in (*layout.aliases.values(), layout.signature)
        for alias in names
    )


def mappable_platforms() -> tuple[Platform, ...]:
    """Platforms a column-mapped file can belong to: those without a layout of their own first (the usual
    reason to map), then the others (a thin or changed export detection refuses), OTHER last."""
    unparsed = [p for p, spec in PLATFORMS.items() if spec.parser is None and p is not Platform.OTHER]
    return (*unparsed, *parsed_platforms(), Platform.OTHER)
