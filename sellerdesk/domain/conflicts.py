"""Three-way comparison of an edited record: what the other person changed, and ours on top of theirs.

A record is flattened to ``{(part, field): value}``; ``part`` is "" for the record itself and names a
line (a SKU's id) otherwise. ``base`` is what the editor loaded, ``theirs`` what is stored now, ``mine``
what the editor holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

Key = tuple[str, str]  # (part, field)
_NOT_COMPARED = frozenset({"id", "version", "listings", "skus"})


@dataclass(frozen=True)
class Difference:
    key: Key
    base: object
    theirs: object
    mine: object

    @property
    def clash(self) -> bool:
        """Both changed the same field to different values: applying ours replaces theirs."""
        return self.mine != self.base and self.mine != self.theirs


@dataclass(frozen=True)
class Merge:
    differences: tuple[Difference, ...]  # every field the other person changed
    mine: tuple[Key, ...]  # the fields we changed (applied on top of theirs)


def three_way(base: Mapping[Key, object], theirs: Mapping[Key, object], mine: Mapping[Key, object]) -> Merge:
    keys = sorted(set(base) | set(theirs) | set(mine))
    differences = tuple(
        Difference(k, base.get(k), theirs.get(k), mine.get(k)) for k in keys if theirs.get(k) != base.get(k)
    )
    return Merge(differences, tuple(k for k in keys if mine.get(k) != base.get(k)))


def record_fields(record: Any, part: str = "") -> dict[Key, object]:
    """A frozen dataclass's comparable fields (ids, versions and nested lines left out)."""
    assert is_dataclass(record)
    return {(part, f.name): getattr(record, f.name) for f in fields(record) if f.name not in _NOT_COMPARED}


def product_fields(product: Any) -> dict[Key, object]:
    """A ``services.products.ProductData`` flattened: its fields, then each SKU's under ``sku:<id>``."""
    found = record_fields(product)
    for n, sku in enumerate(product.skus):
        found.update(record_fields(sku, f"sku:{sku.id}" if sku.id is not None else f"new:{n}"))
    return found
