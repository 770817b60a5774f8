"""docs/amounts.md states each platform's AMOUNT_COLUMNS table row for row."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellerdesk.domain.enums import Platform
from sellerdesk.platforms.base import API_DOCS, GUESS, PROVED, AmountColumn
from sellerdesk.platforms.registry import PLATFORMS

DOC = Path(__file__).parents[3] / "docs" / "amounts.md"


@pytest.mark.parametrize(("heading", "platform"), [("Taobao / Tmall", Platform.TAOBAO), ("Pinduoduo", Platform.PDD),
                                                   ("Douyin", Platform.DOUYIN), ("JD", Platform.JD)])  # fmt: skip
def test_doc_states_every_row(heading: str, platform: Platform) -> None:
    table: tuple[AmountColumn, ...] = PLATFORMS[platform].amount_columns
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| column")]
    assert rows[1:] == [f"| {r.column} | {r.meaning} | {r.evidence} |" for r in table]
    assert {r.evidence for r in table} <= {PROVED, API_DOCS, GUESS}
