"""Carriers: the full official names most platforms' batch-ship uploads accept, common short names, and the rule
that turns what people type into a platform's full name. Each platform module states its own list (its ship
layout); these are the shared parts.

Platforms reject a short name (圆通) where the full name (圆通速递) is expected (platform-formats.md §8).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# Full names as the platforms list them, shared by most platforms.
COMMON = (
    "顺丰速运",
    "圆通速递",
    "中通快递",
    "申通快递",
    "韵达快递",
    "极兔速递",
    "邮政快递包裹",
    "EMS",
    "德邦快递",
    "京东快递",
    "百世快递",
    "丰网速运",
)
# Short names, English codes and old names people type → the full name.
ALIASES = {
    "顺丰": "顺丰速运", "SF": "顺丰速运", "顺丰快递": "顺丰速运",
    "圆通": "圆通速递", "YTO": "圆通速递", "圆通快递": "圆通速递",
    "中通": "中通快递", "ZTO": "中通快递",
    "申通": "申通快递", "STO": "申通快递",
    "韵达": "韵达快递", "YUNDA": "韵达快递", "韵达速递": "韵达快递",
    "极兔": "极兔速递", "JT": "极兔速递", "J&T": "极兔速递", "极兔快递": "极兔速递",
    "邮政": "邮政快递包裹", "POSTB": "邮政快递包裹", "中国邮政": "邮政快递包裹",
    "德邦": "德邦快递", "DBKD": "德邦快递", "德邦物流": "德邦快递",
    "京东": "京东快递", "JD": "京东快递",
    "百世": "百世快递", "HTKY": "百世快递", "百世汇通": "百世快递",
}  # fmt: skip


def official_carrier(name: str, accepted: Sequence[str], renames: Mapping[str, str] | None = None) -> str | None:
    """The full name in ``accepted`` for ``name`` (already full, short, or a code); None when unknown.

    ``renames``: the platform's own name for a common full name (JD calls 京东快递 京东物流).
    """
    text = name.strip()
    if text in accepted:
        return text
    full = ALIASES.get(text) or ALIASES.get(text.upper())
    if full is not None and renames:
        full = renames.get(full, full)
    return full if full in accepted else None
