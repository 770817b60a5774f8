"""Sheets whose rows are serialized here and spliced into openpyxl's package."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from sellerdesk.sheets.reading import read_table
from sellerdesk.sheets.xlsx_package import column_letter, write_text_sheet


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 51, 52)] == ["A", "Z", "AA", "AB", "AZ", "BA"]


def test_text_sheet_reads_back_exactly_and_is_stored_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "orders.xlsx"
    header = ["订单号", "商品名称", "备注", "数量"]
    rows = [
        ["2786218520199193598", "防水床笠 <大号> & 枕套", " 前后空格 ", "1"],
        ["3000000000000000001", "", "控制\x01字符\r\n换行", "12"],
        ["3000000000000000002", "\x02", "", ""],  # nothing left once cleaned: no cell
    ]
    assert write_text_sheet(path, "订单", [header, *rows]) == 4

    table = read_table(path)
    assert list(table.header) == header
    read = [cells for _, cells in table.rows()]
    assert read == [rows[0], ["3000000000000000001", "", "控制字符\n换行", "12"], ["3000000000000000002", "", "", ""]]

    sheet = openpyxl.load_workbook(path, read_only=True)["订单"]
    assert next(sheet.iter_rows(min_row=2, values_only=True))[0] == "2786218520199193598"  # a text cell

    with zipfile.ZipFile(path) as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "订单号" in xml and "&#" not in xml  # characters as UTF-8, not as numeric references
