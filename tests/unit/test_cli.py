"""The command line, end to end on an SQLite file: import, report, db check/backup/upgrade."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from sellerdesk.cli import main
from sellerdesk.domain.errors import SellerDeskError
from sellerdesk.platforms.generic import validate_mapping
from sellerdesk.services.mappings import load_mapping_file
from sellerdesk.sheets.reading import read_table

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


def test_db_check_reports_stock_drift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A movement deleted by hand: the ledger no longer says what the orders imply."""
    db = tmp_path / "demo.sqlite"
    assert _run(capsys, "--db", str(db), "demo", "--orders", "300")[0] == 0
    code, out, _ = _run(capsys, "--db", str(db), "db", "check")
    assert code == 0 and "drift" not in out and out.rstrip().endswith("ok")
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "DELETE FROM stock_movements WHERE id = (SELECT min(id) FROM stock_movements WHERE kind = ?)", ("sale_out",)
        )
    code, out, _ = _run(capsys, "--db", str(db), "db", "check")
    assert code == 1
    assert (
        "stock ledger drift: re-syncing the orders' stock would post 1 movement(s) for 1 order line(s) on 1 SKU(s)"
        in out
    )


def test_db_check_fails_on_an_unmigrated_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "empty.sqlite"
    sqlite3.connect(db).close()
    code, out, _ = _run(capsys, "--db", str(db), "db", "check")
    assert code == 1
    assert "problem" in out


REAL = Path(__file__).parent.parent / "data" / "real"
TMALL = REAL / "Data_analysis__tmall_order_report.csv"
TMALL_MAPPING = {
    "platform": "taobao",
    "shop": "天猫旗舰店",
    "columns": {
        "order_id": "订单编号",
        "created_at": "订单创建时间",
        "paid_at": "订单付款时间",
        "order_paid": "总金额",  # the 2020 file's 总金额: the gross paid amount (= 买家实际支付金额 + 退款金额)
        "order_refund": "退款金额",
        "address": "收货地址",
    },
}


def test_import_with_a_mapping_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, mapping = tmp_path / "shop.sqlite", tmp_path / "tmall.json"
    mapping.write_text(json.dumps(TMALL_MAPPING, ensure_ascii=False), encoding="utf-8")
    code, out, err = _run(capsys, "--db", str(db), "import", str(TMALL), "--mapping", str(mapping), "--json")
    assert code == 0, err
    (summary,) = json.loads(out)
    assert (summary["platform"], summary["kind"], summary["shop"], summary["created"]) == (
        "taobao", "orders", "天猫旗舰店", 28_010,
    )  # fmt: skip
    code, out, _ = _run(capsys, "--db", str(db), "report", "monthly", "--month", "2020-02", "--json")
    got = json.loads(out)  # hand counted in test_real_exports.py
    assert (got["paid_orders"], got["gmv_cents"], got["refund_cents"], got["refunded_orders"], got["units"]) == (
        24_081, 247_434_707, 57_215_792, 5_643, 0,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("{not json", "mapping_bad_json"),
        ('["order_id"]', "mapping_bad_json"),
        ('{"platform": "tmall", "columns": {}}', "mapping_bad_json"),
        ('{"columns": {"order_no": "订单编号"}}', "mapping_unknown_field"),
        (
            '{"columns": {"order_id": "订单号", "paid_at": "订单付款时间", "order_paid": "总金额"}}',
            "mapping_bad_column",
        ),
        ('{"columns": {"order_id": "订单编号", "paid_at": "订单付款时间"}}', "mapping_incomplete"),
    ],
)
def test_an_invalid_mapping_file_is_refused_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, code: str
) -> None:
    mapping = tmp_path / "bad.json"
    mapping.write_text(text, encoding="utf-8")
    small = tmp_path / "tmall.csv"  # the real file's header and first rows
    small.write_text("".join(TMALL.read_text(encoding="utf-8").splitlines(keepends=True)[:4]), encoding="utf-8")
    db = tmp_path / "shop.sqlite"
    status, out, err = _run(capsys, "--db", str(db), "import", str(small), "--mapping", str(mapping))
    assert status == 2 and out == ""
    error = _mapping_error(mapping, small)
    assert error.code == code
    assert f"error: {error}\n" in err


def _mapping_error(mapping: Path, data: Path) -> SellerDeskError:
    try:
        validate_mapping(load_mapping_file(mapping).columns, read_table(data).header)
    except SellerDeskError as exc:
        return exc
    raise AssertionError(f"{mapping} was accepted")


def test_douyin_without_paid_time_needs_accept_fallbacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], douyin_without_paid_time: Path
) -> None:
    path, db = douyin_without_paid_time, tmp_path / "shop.sqlite"
    code, out, err = _run(capsys, "--db", str(db), "import", str(path), "--json")
    assert code == 2 and "订单提交时间 for 支付完成时间" in err
    code, out, err = _run(capsys, "--db", str(db), "import", str(path), "--json", "--accept-fallbacks")
    assert code == 0, err
    (summary,) = json.loads(out)
    assert summary["created"] == 350
    assert [(n["code"], n["column"], n["stand_in"]) for n in summary["notes"]] == [
        ("fallback_column", "支付完成时间", "订单提交时间")
    ]


def test_reviews_create_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.domain.permissions import OWNER
    from sellerdesk.models import StaffUser
    from sellerdesk.services.reviews import TemplateLine, save_kpi_template

    db = tmp_path / "shop.sqlite"
    assert _run(capsys, "--db", str(db), "db", "upgrade")[0] == 0
    engine = make_engine(f"sqlite:///{db}")
    with make_session_factory(engine).begin() as session:
        session.add_all(
            [StaffUser(login="kf1", name="小李", role="service"), StaffUser(login="sp", name="周敏", role="product")]
        )
        save_kpi_template(session, OWNER, "service", (TemplateLine("解决工单数", "tickets_handled", 10, 10_000),), ())
    engine.dispose()
    code, out, _ = _run(capsys, "--db", str(db), "reviews", "create", "--month", "2026-08")
    assert code == 0 and "1 reviews made" in out and "product" in out  # no product template yet
    assert (
        "0 reviews made, 1 already there" in _run(capsys, "--db", str(db), "reviews", "create", "--month", "2026-08")[1]
    )
    out_file = tmp_path / "kf1.xlsx"
    code, out, _ = _run(
        capsys, "--db", str(db), "reviews", "export", "--month", "2026-08", "--staff", "kf1", "--out", str(out_file)
    )
    assert code == 0 and load_workbook(out_file).sheetnames == ["小李"]
    code, _, err = _run(capsys, "--db", str(db), "reviews", "create", "--month", "2026-8")
    assert code == 2 and "not a month" in err
