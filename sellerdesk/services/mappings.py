"""Column mappings for layouts no parser knows (Kuaishou, Xiaohongshu, anything new), saved per shop.

A mapping is keyed by the file's normalised header row, so the next export of the same layout imports
without asking again. The same mapping as a JSON file (``MappingSpec``, docs/column-mapping.md) is what
``sellerdesk import --mapping`` reads and the mapping dialog writes and reads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Platform
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.models import ColumnMapping, Shop
from sellerdesk.platforms.generic import MappingSpec, validate_mapping
from sellerdesk.services.shops import get_or_create_shop
from sellerdesk.sheets.cleaning import normalize_header


def header_signature(header: Sequence[str]) -> str:
    """The same layout gives the same signature, whatever the spacing or parentheses width."""
    normal = "\x1f".join(normalize_header(h) for h in header)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def load_mapping_file(path: Path) -> MappingSpec:
    """A column mapping JSON file; ``ImportFileError`` when it cannot be read or is not one."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(
            f"{path.name}: the column mapping cannot be read ({exc}).", code="mapping_bad_json", file=path.name,
            detail=str(exc),
        ) from None  # fmt: skip
    return MappingSpec.loads(text, path.name)


@dataclass(frozen=True)
class MappingSaved:
    changes: Changes
    mapping: MappingSpec


def save_mapping(session: Session, header: Sequence[str], spec: MappingSpec) -> MappingSaved:
    """Remember the user's mapping for this layout and shop (replacing an older one)."""
    validate_mapping(spec.columns, header)
    platform, mapping = spec.platform, spec.columns
    shop = get_or_create_shop(session, platform, spec.shop)
    signature = header_signature(header)
    row = session.scalar(
        select(ColumnMapping).where(ColumnMapping.shop_id == shop.id, ColumnMapping.signature == signature)
    )
    if row is None:
        row = ColumnMapping(shop_id=shop.id, signature=signature, platform=platform.value, mapping={})
        session.add(row)
    row.platform, row.mapping = platform.value, dict(mapping)
    session.flush()
    return MappingSaved(Changes(shops=True), MappingSpec(platform, dict(mapping), shop.name))  # the shop may be new


def find_mapping(session: Session, header: Sequence[str]) -> MappingSpec | None:
    """The newest saved mapping for this header row, with the shop it was saved for."""
    stmt = (
        select(ColumnMapping, Shop.name)
        .join(Shop, Shop.id == ColumnMapping.shop_id)
        .where(ColumnMapping.signature == header_signature(header))
        .order_by(ColumnMapping.id.desc())
        .limit(1)
    )
    found = session.execute(stmt).first()
    if found is None:
        return None
    row, shop_name = found
    return MappingSpec(Platform(row.platform), dict(row.mapping), shop_name)
