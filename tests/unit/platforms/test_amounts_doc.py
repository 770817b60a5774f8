"""docs/amounts.md states each platform's AMOUNT_COLUMNS table row for row."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellerdesk.platforms import douyin, jd, pdd, taobao
from sellerdesk.platforms.base import API_DOCS, GUESS, PROVED, AmountColumn

DOC = Path(__file__).parents[3] / "docs" / "amounts.md"


@pytest.mark.parametrize(("heading", "table"), [("Taobao / Tmall", taobao.AMOUNT_COLUMNS),
                                                ("Pinduoduo", pdd.AMOUNT_COLUMNS), ("Douyin", douyin.AMOUNT_COLUMNS),
                                                ("JD", jd.AMOUNT_COLUMNS)])  # fmt: skip
def test_doc_states_every_row(heading: str, table: tuple[AmountColumn, ...]) -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| column")]
    assert rows[1:] == [f"| {r.column} | {r.meaning} | {r.evidence} |" for r in table]
    assert {r.evidence for r in table} <= {PROVED, API_DOCS, GUESS}
