"""The monthly workbook (sheets/report_workbook.py), read back with openpyxl and python-calamine.

The summary must show the figures of ``monthly_figures`` (and tests/data/samples/expected.json), every
paid order must have its row, and no text from a buyer may become a formula. No Qt here.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.cli import main
from sellerdesk.demo import generate_demo
from sellerdesk.domain.errors import Cancelled
from sellerdesk.models import Order, OrderItem
from sellerdesk.services.catalog import import_catalog
from sellerdesk.services.imports import import_paths
from sellerdesk.services.reports import build_monthly_report, export_monthly_workbook, monthly_figures
from sellerdesk.sheets.report_workbook import Lang, label, value_label, write_monthly_workbook

SAMPLES = Path(__file__).parent.parent / "data" / "samples"
ORDER_FILES = [
    "ExportOrderList202609030915.csv",
    "ExportOrderDetailList202609030915.csv",
    "jd_orders.csv",
    "pdd_orders.csv",
    "douyin_orders.csv",
]
EXPECTED: dict[str, Any] = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
MONEY = ("gmv_cents", "refund_cents", "net_sales_cents", "aov_cents")
COUNTS = ("paid_orders", "refunded_orders", "units")
ALL_SHEETS = ("summary", "shops", "skus", "daily", "refunds", "service", "team", "orders")
NASTY = ('=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx", "#N/A")


def _cents(value: object) -> int:
    assert isinstance(value, int | float), value
    return int((Decimal(str(value)) * 100).to_integral_value())


def _summary_figures(rows: list[list[Any]], lang: Lang) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The summary's "this month" column and its per-platform table, keyed like ``to_json``."""
    keys = {label(k, lang): k for k in (*MONEY, *COUNTS)}
    total = {keys[r[0]]: r[1] for r in rows if r and r[0] in keys and r[1] != ""}
    header = next(i for i, r in enumerate(rows) if r[0] == label("platform", lang))
    columns = [keys.get(h) for h in rows[header]]
    platforms = {value_label(p, lang): p for p in ("taobao", "jd", "pdd", "douyin", "kuaishou", "xiaohongshu", "other")}
    by_platform = {}
    for row in rows[header + 1 :]:
        if row[0] not in platforms:
            break
        by_platform[platforms[row[0]]] = {k: v for k, v in zip(columns, row, strict=False) if k}
    return total, by_platform


def _check_summary(rows: list[list[Any]], lang: Lang, expected: dict[str, Any]) -> None:
    total, by_platform = _summary_figures(rows, lang)
    for key in MONEY:
        assert _cents(total[key]) == expected[key], key
    for key in COUNTS:
        assert total[key] == expected[key], key
    assert set(by_platform) == set(expected["by_platform"])
    for platform, figures in by_platform.items():
        for key in MONEY:
            assert _cents(figures[key]) == expected["by_platform"][platform][key], (platform, key)
        for key in COUNTS:
            assert figures[key] == expected["by_platform"][platform][key], (platform, key)


def _read_back(path: Path, lang: Lang, expected: dict[str, Any], sheets: tuple[str, ...]) -> dict[str, Any]:
    """Both readers agree with ``expected``; returns openpyxl's workbook for further checks."""
    names = [label(f"sheet.{s}", lang) for s in sheets]
    calamine = CalamineWorkbook.from_path(str(path))
    assert calamine.sheet_names == names
    _check_summary(calamine.get_sheet_by_name(names[0]).to_python(), lang, expected)
    book = load_workbook(path)
    assert book.sheetnames == names
    _check_summary([list(r) for r in book[names[0]].iter_rows(values_only=True)], lang, expected)
    for ws in book.worksheets:
        assert ws.freeze_panes is not None, ws.title
        formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
        assert formulas == [], ws.title
    orders = book[label("sheet.orders", lang)]
    assert orders.max_row - 1 == expected["paid_orders"]  # one row per paid order under the header
    assert orders.auto_filter.ref == f"A1:N{expected['paid_orders'] + 1}"
    return {"book": book, "calamine": calamine}


# --- from the sample exports ----------------------------------------------------------------------------


def test_workbook_from_the_sample_exports_shows_the_expected_figures(session: Session, tmp_path: Path) -> None:
    import_catalog(session, SAMPLES / "catalog.xlsx")
    import_paths(session, [SAMPLES / n for n in ORDER_FILES])
    path = export_monthly_workbook(session, 2026, 8, tmp_path / "2026-08.xlsx", "zh_CN")
    figures = monthly_figures(session, 2026, 8).to_json()
    assert {k: figures[k] for k in (*MONEY, *COUNTS)} == {k: EXPECTED[k] for k in (*MONEY, *COUNTS)}
    # No tickets, no tasks in the samples: no Service and no Team sheet.
    got = _read_back(path, "zh_CN", EXPECTED, ("summary", "shops", "skus", "daily", "refunds", "orders"))
    ids = {r[3] for r in got["book"][label("sheet.orders", "zh_CN")].iter_rows(min_row=2, values_only=True)}
    paid = select(Order.platform_order_id).where(Order.paid_at.is_not(None))
    assert len(ids) == EXPECTED["paid_orders"] and ids <= set(session.scalars(paid))
    daily = got["calamine"].get_sheet_by_name(label("sheet.daily", "zh_CN")).to_python()[1:]
    assert sum(_cents(r[1]) for r in daily) == EXPECTED["gmv_cents"]  # days add up to the month
    assert sum(int(r[2]) for r in daily) == EXPECTED["paid_orders"]


def test_workbook_in_english(session: Session, tmp_path: Path) -> None:
    import_paths(session, [SAMPLES / n for n in ORDER_FILES])
    path = export_monthly_workbook(session, 2026, 8, tmp_path / "en.xlsx", "en")
    _read_back(path, "en", EXPECTED, ("summary", "shops", "skus", "daily", "refunds", "orders"))
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Summary").to_python()
    assert rows[0][0] == "Monthly report · 2026-08"


# --- from a demo shop, with buyer text that looks like formulas ------------------------------------------


def _plant_formula_text(session: Session) -> Order:
    """A paid October order whose buyer, memo and an unlinked line's title look like formulas."""
    order = session.scalars(
        select(Order).where(Order.paid_at >= datetime(2026, 10, 10, tzinfo=UTC)).order_by(Order.paid_at).limit(1)
    ).one()
    order.buyer_nick, order.seller_memo, order.buyer_message = NASTY[0], NASTY[3], NASTY[2]
    order.receiver_city = NASTY[4]
    session.add(OrderItem(order_id=order.id, sub_order_id="planted", seller_code="ZZ-PLANT", title=NASTY[1], qty=1))
    session.flush()
    return order


def test_workbook_from_a_demo_shop(session: Session, tmp_path: Path) -> None:
    generate_demo(session, orders=2000, seed=3, today=date(2026, 11, 23))
    order = _plant_formula_text(session)
    seen: list[tuple[int, int]] = []
    path = export_monthly_workbook(
        session, 2026, 10, tmp_path / "demo.xlsx", "zh_CN", progress=lambda d, t: seen.append((d, t))
    )
    expected = monthly_figures(session, 2026, 10).to_json()
    # The demo's promotions are real ones: the Double 11 presale ended in October.
    got = _read_back(path, "zh_CN", expected, (*ALL_SHEETS[:-1], "promotions", ALL_SHEETS[-1]))
    assert seen and seen[-1][0] == seen[-1][1]
    orders = got["book"][label("sheet.orders", "zh_CN")]
    row = next(r for r in orders.iter_rows(min_row=2) if r[3].value == order.platform_order_id)
    assert [c.value for c in row[6:9]] == [NASTY[0], order.receiver_province, NASTY[4]]
    assert row[6].data_type == "s" and row[6].quotePrefix
    assert [row[12].value, row[13].value] == [NASTY[2], NASTY[3]]
    skus = got["book"][label("sheet.skus", "zh_CN")]
    planted = next(r for r in skus.iter_rows(min_row=2, values_only=True) if r[0] == "ZZ-PLANT")
    assert planted[1] == NASTY[1]
    assert planted[3] == label("sku.unlinked", "zh_CN")
    through = build_monthly_report(session, 2026, 10).breakdown.sell_through
    note = [r[0] for r in skus.iter_rows(values_only=True)][-1]  # below the table, outside its filter
    assert note.startswith("动销率") and f"{through.denominator} 个在售 SKU 中 {through.numerator} 个" in note
    assert skus.auto_filter.ref.endswith(str(skus.max_row - 2))
    summary = got["book"][label("sheet.summary", "zh_CN")]
    assert len(summary._charts) == 3
    assert len(got["book"][label("sheet.daily", "zh_CN")]._charts) == 1


def test_cancelling_leaves_no_file(session: Session, tmp_path: Path) -> None:
    generate_demo(session, orders=2000, seed=3, today=date(2026, 11, 23))
    path = tmp_path / "cancelled.xlsx"
    with pytest.raises(Cancelled):
        export_monthly_workbook(session, 2026, 10, path, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_month_still_makes_a_workbook(session: Session, tmp_path: Path) -> None:
    report = build_monthly_report(session, 2026, 8)
    path = write_monthly_workbook(tmp_path / "empty.xlsx", report, "en")
    book = load_workbook(path)
    assert book.sheetnames == [
        label(f"sheet.{s}", "en") for s in ("summary", "shops", "skus", "daily", "refunds", "orders")
    ]
    assert book["Orders"].max_row == 1


# --- command line, LibreOffice ------------------------------------------------------------------------------


def _json_figures(figures: dict[str, Any]) -> dict[str, Any]:
    """What ``report monthly --json`` prints, as the summary shows it (the refund rate in basis points)."""
    shown = {k: figures[k] for k in (*MONEY, *COUNTS)}
    shown["refund_rate_bp"] = int((Decimal(str(figures["refund_rate"])) * 10_000).to_integral_value())
    return shown


def _summary_as_json(rows: list[list[Any]], lang: Lang) -> dict[str, Any]:
    """The summary's "this month" figures keyed like ``_json_figures`` (money in cents, rates in basis points)."""
    keys = {label(k, lang): k for k in (*MONEY, *COUNTS, "refund_rate_bp")}
    got: dict[str, Any] = {}
    for row in rows:
        if row and row[0] in keys and keys[row[0]] not in got:
            key, value = keys[row[0]], row[1]
            if isinstance(value, str):  # a CSV cell: "25%" or "12.5"
                value = Decimal(value.rstrip("%")) / (100 if value.endswith("%") else 1)
            number = Decimal(str(value))
            scale = 100 if key in MONEY else 10_000 if key == "refund_rate_bp" else 1
            got[key] = int((number * scale).to_integral_value())
    return got


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_summary_shows_what_report_monthly_json_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: Lang
) -> None:
    """Acceptance: the sample exports, imported, give a workbook whose Summary shows the figures of
    ``report monthly --json`` and of expected.json."""
    db, out = tmp_path / "shop.sqlite", tmp_path / "report.xlsx"
    assert main(["--db", str(db), "import", *(str(SAMPLES / n) for n in ORDER_FILES)]) == 0
    capsys.readouterr()
    code = main(
        ["--db", str(db), "report", "monthly", "--month", "2026-08", "--json", "--out", str(out), "--lang", lang]
    )
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    assert {k: printed[k] for k in (*MONEY, *COUNTS)} == {k: EXPECTED[k] for k in (*MONEY, *COUNTS)}
    expected = _json_figures(printed)
    summary = label("sheet.summary", lang)
    calamine_rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name(summary).to_python()
    openpyxl_rows = [list(r) for r in load_workbook(out)[summary].iter_rows(values_only=True)]
    assert _summary_as_json(calamine_rows, lang) == expected
    assert _summary_as_json(openpyxl_rows, lang) == expected
    for rows in (calamine_rows, openpyxl_rows):
        _check_summary(rows, lang, EXPECTED)  # and per platform
    _, by_platform = _summary_figures(openpyxl_rows, lang)
    for platform, figures in printed["by_platform"].items():
        assert _cents(by_platform[platform]["gmv_cents"]) == figures["gmv_cents"]


def _libreoffice(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    # Its own profile: another LibreOffice may be running.
    command = ["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=300)


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice not installed")
def test_libreoffice_converts_the_workbook_to_pdf_and_every_sheet_to_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, out = tmp_path / "shop.sqlite", tmp_path / "report.xlsx"
    assert main(["--db", str(db), "import", *(str(SAMPLES / n) for n in ORDER_FILES)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "report", "monthly", "--month", "2026-08", "--json", "--out", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)
    profile = tmp_path / "lo-profile"
    _libreoffice(["--convert-to", "pdf", "--outdir", str(tmp_path), str(out)], profile)
    pdf = tmp_path / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())) >= 6  # a page or more per sheet
    # Each sheet to its own CSV (token 12 = -1), raw values (token 9 = false), UTF-8 (76).
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    folder = tmp_path / "csv"
    _libreoffice(["--convert-to", csv_filter, "--outdir", str(folder), str(out)], profile)
    sheets = load_workbook(out, read_only=True).sheetnames
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"report-{name}.csv" for name in sheets)
    with (folder / f"report-{sheets[0]}.csv").open(encoding="utf-8", newline="") as f:
        summary = list(csv.reader(f))
    assert _summary_as_json(summary, "zh_CN") == _json_figures(printed)
    with (folder / f"report-{label('sheet.orders', 'zh_CN')}.csv").open(encoding="utf-8", newline="") as f:
        assert len(list(csv.reader(f))) == 1 + EXPECTED["paid_orders"]
