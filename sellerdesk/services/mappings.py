"""Column mappings for layouts no parser knows (Kuaishou, Xiaohongshu, anything new), saved per shop.

A mapping is keyed by the file's normalised header row, so the next export of the same layout imports
without asking again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Platform
from sellerdesk.domain.errors import ValidationError
from sellerdesk.models import ColumnMapping, Shop
from sellerdesk.platforms.generic import missing_fields
from sellerdesk.services.shops import get_or_create_shop
from sellerdesk.sheets.cleaning import normalize_header


@dataclass(frozen=True)
class SavedMapping:
    shop_name: str
    platform: Platform
    mapping: dict[str, str]


def header_signature(header: Sequence[str]) -> str:
    """The same layout gives the same signature, whatever the spacing or parentheses width."""
    normal = "\x1f".join(normalize_header(h) for h in header)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class MappingSaved:
    changes: Changes
    mapping: SavedMapping


def save_mapping(
    session: Session, header: Sequence[str], platform: Platform, shop_name: str, mapping: Mapping[str, str]
) -> MappingSaved:
    """Remember the user's mapping for this layout and shop (replacing an older one)."""
    missing = missing_fields(mapping)
    if missing:
        raise ValidationError(
            f"The mapping still needs: {', '.join(missing)}.", code="mapping_incomplete", fields=missing
        )
    unknown = sorted(h for h in mapping.values() if h and h not in header)
    if unknown:
        raise ValidationError(
            f"Not columns of this file: {', '.join(unknown)}.", code="mapping_bad_column", columns=unknown
        )
    shop = get_or_create_shop(session, platform, shop_name)
    signature = header_signature(header)
    row = session.scalar(
        select(ColumnMapping).where(ColumnMapping.shop_id == shop.id, ColumnMapping.signature == signature)
    )
    if row is None:
        row = ColumnMapping(shop_id=shop.id, signature=signature, platform=platform.value, mapping={})
        session.add(row)
    row.platform, row.mapping = platform.value, dict(mapping)
    session.flush()
    return MappingSaved(Changes(shops=True), SavedMapping(shop.name, platform, dict(mapping)))  # the shop may be new


def find_mapping(session: Session, header: Sequence[str]) -> SavedMapping | None:
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
    return SavedMapping(shop_name, Platform(row.platform), dict(row.mapping))
