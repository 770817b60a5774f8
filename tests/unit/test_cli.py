"""The command line, end to end on an SQLite file: import, report, db check/backup/upgrade."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sellerdesk.cli import main

SAMPLES = Path(__file__).parent.parent / "data" / "samples"
ORDER_FILES = [
    "ExportOrderList202609030915.csv",
    "ExportOrderDetailList202609030915.csv",
    "jd_orders.csv",
    "pdd_orders.csv",
    "douyin_orders.csv",
]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _count_orders(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM orders").fetchone()[0])


def test_import_then_monthly_report_gives_expected_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "shop.sqlite"
    files = [str(SAMPLES / n) for n in ORDER_FILES]
    code, out, _ = _run(capsys, "--db", str(db), "import", *files, "--json")
    assert code == 0
    summaries = json.loads(out)
    assert [s["file"] for s in summaries] == ORDER_FILES
    assert {s["platform"] for s in summaries} == {"taobao", "jd", "pdd", "douyin"}
    code, out, _ = _run(capsys, "--db", str(db), "report", "monthly", "--month", "2026-08", "--json")
    assert code == 0
    got = json.loads(out)
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    for key in (
        "month",
        "paid_orders",
        "gmv_cents",
        "refund_cents",
        "refunded_orders",
        "net_sales_cents",
        "units",
        "aov_cents",
    ):
        assert got[key] == expected[key], key
    for platform, figures in expected["by_platform"].items():
        for key, value in figures.items():
            assert got["by_platform"][platform][key] == value, (platform, key)
    assert "refund_rate" in got


def test_a_refused_file_exits_non_zero_and_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "shop.sqlite"
    assert _run(capsys, "--db", str(db), "import", str(SAMPLES / "jd_orders.csv"))[0] == 0
    before = _count_orders(db)
    bad = tmp_path / "scientific.csv"
    text = (SAMPLES / "jd_orders.csv").read_text(encoding="gb18030").splitlines()
    assert text[1].startswith("386277118615,")
    bad.write_text("\n".join([text[0], text[1].replace("386277118615", "3.86277E+11", 1)]) + "\n", encoding="gbk")
    code, _, err = _run(capsys, "--db", str(db), "import", str(SAMPLES / "douyin_orders.csv"), str(bad))
    assert code == 2
    assert "scientific.csv" in err
    assert "3.86277E+11" in err
    assert _count_orders(db) == before


def test_an_unrelated_file_is_refused_with_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "shopping_list.csv"
    other.write_text("item,qty\napples,3\n", encoding="utf-8")
    code, _, err = _run(capsys, "--db", str(tmp_path / "s.sqlite"), "import", str(other))
    assert code == 2
    assert "shopping_list.csv" in err


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "shop.sqlite"
    code, out, _ = _run(capsys, "--db", str(db), "import", str(SAMPLES / "pdd_orders.csv"), "--dry-run", "--json")
    assert code == 0
    assert json.loads(out)[0]["created"] == 300
    assert _count_orders(db) == 0


def test_db_check_backup_and_bad_month(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "shop.sqlite"
    assert _run(capsys, "--db", str(db), "db", "upgrade")[0] == 0
    code, out, _ = _run(capsys, "--db", str(db), "db", "check")
    assert code == 0
    assert out.strip().endswith("ok")
    code, out, _ = _run(capsys, "--db", str(db), "db", "backup", str(tmp_path / "copy.sqlite"))
    assert code == 0
    assert (tmp_path / "copy.sqlite").exists()
    assert _run(capsys, "--db", str(db), "report", "monthly", "--month", "2026-13")[0] == 2


def test_db_check_fails_on_an_unmigrated_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "empty.sqlite"
    sqlite3.connect(db).close()
    code, out, _ = _run(capsys, "--db", str(db), "db", "check")
    assert code == 1
    assert "problem" in out
