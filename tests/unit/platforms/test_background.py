"""Parsing on a helper thread: batches in file order, and the parser yields to the importer."""

from __future__ import annotations

import time
from pathlib import Path

from sellerdesk.platforms import plan_parse, read_export
from sellerdesk.platforms.background import BackgroundParse

SAMPLE = Path(__file__).parent.parent.parent / "data" / "samples" / "pdd_orders.csv"


def _pdd_file(tmp_path: Path, count: int) -> Path:
    header, first, *_ = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    rows = [first.replace("260731-216766565177693", f"260731-{n:015d}") for n in range(count)]
    path = tmp_path / "pdd.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8-sig")
    return path


def test_batches_come_in_file_order_and_cover_the_file(tmp_path: Path) -> None:
    job = plan_parse(read_export(_pdd_file(tmp_path, 1050)))
    with BackgroundParse(job) as parsing:
        batches = list(parsing.batches(200))
    assert [len(b) for b in batches] == [200] * 5 + [50]
    ids = [o.order_id for b in batches for o in b]
    assert ids == [f"260731-{n:015d}" for n in range(1050)]


def test_the_parser_pauses_while_the_importer_is_busy(tmp_path: Path) -> None:
    job = plan_parse(read_export(_pdd_file(tmp_path, 3000)))
    with BackgroundParse(job) as parsing:
        batches = parsing.batches(100)
        next(batches)  # the importer holds a batch: it runs Python, and the parser waits at its next row
        rows = parsing.result.rows
        time.sleep(0.05)
        assert parsing.result.rows - rows <= 1
        parsing.importer_waits()  # e.g. a statement is running in the database: the parser goes on
        assert parsing.wait().rows == 3000
        assert sum(len(b) for b in batches) == 2900
