"""read_table: encodings, delimiters, header detection, row numbers, spreadsheets as text, file errors."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from sellerdesk.domain.errors import ImportFileError
from sellerdesk.sheets.cleaning import is_scientific, parse_datetime
from sellerdesk.sheets.reading import Table, cell_text, read_table

HEADER = ["订单号", "商品名称", "订购数量", "应付金额", "订单状态"]
ROWS = [
    ["386277118615", "小林家居 收纳箱", "1", "298.00", "完成"],
    ["399294932261", "乳胶枕", "2", "970.00", "等待出库"],
]


def _csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    return "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"


def _rows(table: Table) -> list[tuple[int, list[str]]]:
    return list(table.rows())


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b"\xef\xbb\xbf"),  # PDD: UTF-8 with BOM
        ("utf-8", b""),  # Douyin: plain UTF-8
        ("gbk", b""),  # Taobao / JD
        ("gb18030", b""),
        ("utf-16-le", b"\xff\xfe"),  # Excel "Unicode text"
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_csv_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(prefix + _csv_text([HEADER, *ROWS]).encode(encoding))
    table = read_table(path)
    assert list(table.header) == HEADER
    assert _rows(table) == [(2, ROWS[0]), (3, ROWS[1])]


def test_gb18030_only_characters(tmp_path: Path) -> None:
    # 𠮷 is outside GBK; a GB18030 file must still decode.
    path = tmp_path / "o.csv"
    path.write_bytes(_csv_text([HEADER, ["1", "𠮷家居", "1", "1.00", "完成"]]).encode("gb18030"))
    assert _rows(read_table(path))[0][1][1] == "𠮷家居"


def test_utf16_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "o.txt"
    path.write_bytes(b"\xff\xfe" + _csv_text([HEADER, ROWS[0]], "\t").encode("utf-16-le"))
    table = read_table(path)
    assert list(table.header) == HEADER
    assert _rows(table) == [(2, ROWS[0])]


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_bytes(_csv_text([HEADER]).encode("gbk") + b"\xff\xff\xff\n")
    with pytest.raises(ImportFileError) as exc:
        read_table(path)
    assert exc.value.code == "bad_encoding"


def test_quoted_multiline_cells_and_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    text = (
        "订单号,商品名称,订购数量,应付金额,订单状态\r\n"
        '1,"两行\r\n标题",1,"1,299.00","\t完成\t"\r\n'
        "\r\n"  # blank line: skipped, still counted
        "2,短行\r\n"  # short row: padded
    )
    path.write_text(text, encoding="utf-8")
    rows = _rows(read_table(path))
    assert rows[0] == (2, ["1", "两行\r\n标题", "1", "1,299.00", "\t完成\t"])
    assert rows[1] == (4, ["2", "短行", "", "", ""])


@pytest.mark.parametrize(
    "text",
    [
        '订单号,标题\n1,"两行\n标题"\n2,b',  # LF, no line end at the end
        '订单号,标题\r\n1,"两行\r\n标题"\r\n2,b\r\n',  # CRLF
        '订单号,标题\r1,"两行\r标题"\r2,b\r',  # classic Mac: CR only
        '订单号,标题\r1,"两\n行"\r2,b\r',  # CR ends, a quoted LF inside a cell
        "订单号,标题",  # a header alone
    ],
)
def test_csv_lines_are_split_as_the_csv_module_splits_a_file(tmp_path: Path, text: str) -> None:
    import csv
    import io

    path = tmp_path / "o.csv"
    path.write_bytes(text.encode("utf-8"))
    table = read_table(path)
    expected = list(csv.reader(io.StringIO(text, newline="")))
    assert [list(table.header)] + [cells for _, cells in _rows(table)] == expected


def test_title_line_above_header(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text(_csv_text([["订单导出 2026-08-01 至 2026-08-31"], [], HEADER, ROWS[0]]), encoding="utf-8")
    table = read_table(path)
    assert (table.header_row, list(table.header)) == (3, HEADER)
    assert _rows(table) == [(4, ROWS[0])]


def test_known_headers_pick_the_header_row(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text(_csv_text([["店铺", "小林家居", "导出人", "admin"], HEADER, ROWS[0]]), encoding="utf-8")
    table = read_table(path, known_headers={"订单号", "订购数量", "应付金额", "订单状态"})
    assert table.header_row == 2


def test_unknown_layout_keeps_first_row_as_header(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text(_csv_text([["name", "age"], ["a", "1"]]), encoding="utf-8")
    table = read_table(path)
    assert (table.header_row, list(table.header)) == (1, ["name", "age"])


def test_rows_can_be_read_twice(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text(_csv_text([HEADER, *ROWS]), encoding="utf-8")
    table = read_table(path)
    assert _rows(table) == _rows(table)


# --- errors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\r\n\r\n  \r\n", b",,,\r\n,,\r\n"])
def test_empty_csv(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "o.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as exc:
        read_table(path)
    assert exc.value.code == "empty_file"
    assert exc.value.params["file"] == "o.csv"


def test_empty_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "o.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(ImportFileError) as exc:
        read_table(path)
    assert exc.value.code == "empty_file"


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for r in rows:
        sheet.append(r)
    workbook.save(path)
    return path


def test_truncated_xlsx(tmp_path: Path) -> None:
    whole = _xlsx(tmp_path / "whole.xlsx", [HEADER, *ROWS] * 50).read_bytes()
    path = tmp_path / "half.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportFileError) as exc:
        read_table(path)
    assert exc.value.code == "corrupt_file"


def test_xlsx_with_broken_part(tmp_path: Path) -> None:
    source = _xlsx(tmp_path / "whole.xlsx", [HEADER, *ROWS])
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data[: len(data) // 2] if info.filename.endswith("sheet1.xml") else data)
    with pytest.raises(ImportFileError) as exc:
        read_table(path)
    assert exc.value.code == "truncated_file"  # its sheet data never ends


def test_encrypted_office_file(tmp_path: Path) -> None:
    # An encrypted OOXML file is an OLE compound file with an "EncryptionInfo" stream.
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    ole += bytes(1024) + "EncryptionInfo".encode("utf-16-le") + bytes(200) + b"EncryptedPackage" + bytes(512)
    path = tmp_path / "快手订单.xlsx"
    path.write_bytes(bytes(ole))
    with pytest.raises(ImportFileError) as exc:
        read_table(path)
    assert exc.value.code == "encrypted_file"
    assert "password" in exc.value.message


@pytest.mark.parametrize("name", ["orders.pdf", "orders", "orders.numbers"])
def test_unsupported_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(ImportFileError) as exc:
        read_table(path)
    assert exc.value.code == "unsupported_file"


# --- spreadsheets -------------------------------------------------------------------------------------


def test_xlsx_cells_as_text(tmp_path: Path) -> None:
    serial = (date(2026, 8, 1) - date(1899, 12, 30)).days + 0.5
    path = _xlsx(
        tmp_path / "o.xlsx",
        [
            ["订单导出"],  # a title line
            ["订单号", "金额", "数量", "时间", "日期", "序列号时间", "是否"],
            ["2786218520199193598", 1299.5, 2, datetime(2026, 8, 1, 10, 0, 5), date(2026, 8, 2), serial, True],
            [386277118615, 12.0, 3.0, "2026/8/1 9:05", "", "", False],
            [2.78624e18, 0.1 + 0.2, 1, "", "", "", ""],  # an id Excel already turned into a float
        ],
    )
    table = read_table(path)
    assert table.header_row == 2
    rows = _rows(table)
    assert rows[0] == (
        3,
        ["2786218520199193598", "1299.5", "2", "2026-08-01 10:00:05", "2026-08-02", repr(serial), "TRUE"],
    )
    assert rows[1] == (4, ["386277118615", "12", "3", "2026/8/1 9:05", "", "", "FALSE"])
    assert rows[2][1][0] == "2.78624e+18"
    assert is_scientific(rows[2][1][0])
    assert parse_datetime(rows[0][1][5]) == datetime(2026, 8, 1, 12, 0)  # Excel serial date


def test_xlsx_date_formatted_serials(tmp_path: Path) -> None:
    path = tmp_path / "o.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["订单号", "支付时间", "商品数量"])
    sheet.append(["1", (date(2026, 8, 1) - date(1899, 12, 30)).days + 0.25, "1"])
    sheet["B2"].number_format = "yyyy-mm-dd hh:mm:ss"
    workbook.save(path)
    assert _rows(read_table(path))[0][1][1] == "2026-08-01 06:00:00"


def test_xlsx_picks_the_sheet_with_the_header(tmp_path: Path) -> None:
    path = tmp_path / "o.xlsx"
    workbook = openpyxl.Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["本文件由系统导出"])
    workbook.create_sheet("空白")
    data = workbook.create_sheet("订单")
    data.append(HEADER)
    data.append(ROWS[0])
    workbook.save(path)
    table = read_table(path)
    assert (table.sheet_name, list(table.header)) == ("订单", HEADER)
    assert _rows(table) == [(2, ROWS[0])]


def test_cell_text() -> None:
    assert cell_text(1234567890123.0) == "1234567890123"
    assert cell_text(1234567890123456.0) == "1.23456789012346e+15"  # past Excel's 15 digits: lost
    assert cell_text(0.5) == "0.5"
    assert cell_text(7) == "7"
    assert cell_text("x") == "x"


def test_100k_row_csv_reads_every_row(tmp_path: Path) -> None:
    """Speed is measured by bench/import.py; this checks a large file streams through completely."""
    path = tmp_path / "big.csv"
    header = "订单号,商品,订单状态,商品总价(元),店铺优惠折扣(元),邮费(元),用户实付金额(元),商品数量(件),支付时间\r\n"
    line = (
        "260731-216766565177693,小林家居 竹纤维毛巾,已发货，待签收,104.00,5.00,0,99.00,\t1\t,\t2026-08-01 00:00:05\r\n"
    )
    path.write_bytes((header + line * 100_000).encode("utf-8-sig"))
    rows = read_table(path).rows()
    first = next(rows)
    assert first[0] == 2
    assert first[1][7] == "\t1\t"  # cells come raw; cleaning is the parser's job
    assert sum(1 for _ in rows) == 99_999


def test_tab_separated_text_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "refunds.xls"
    path.write_bytes(_csv_text([HEADER, ROWS[0]], "\t").encode("gbk"))
    table = read_table(path)
    assert (list(table.header), _rows(table)) == (HEADER, [(2, ROWS[0])])


def test_html_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "orders.xls"
    path.write_text("<html><body><table><tr><td>订单号</td></tr></table></body></html>", encoding="utf-8")
    with pytest.raises(ImportFileError) as exc:
        read_table(path)
    assert exc.value.code == "unsupported_file"


def test_binary_garbage_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "orders.xlsx"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ImportFileError) as exc:
        read_table(path)
    assert exc.value.code == "corrupt_file"


def test_xlsx_rows_are_the_same_wherever_the_table_starts(tmp_path: Path) -> None:
    # Rows are converted as they are read; a sheet whose table starts right of or below A1 keeps its empty
    # leading cells and rows, as one that starts at A1 reads without any.
    at_a1 = read_table(_xlsx(tmp_path / "a1.xlsx", [HEADER, *ROWS]))
    path = tmp_path / "c3.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for r, values in enumerate([HEADER, *ROWS], start=3):
        for c, value in enumerate(values, start=3):
            sheet.cell(row=r, column=c, value=value)
    workbook.save(path)
    at_c3 = read_table(path)
    assert at_c3.header == ("", "", *at_a1.header)
    assert [(n - 2, cells[2:]) for n, cells in _rows(at_c3)] == _rows(at_a1)
    assert all(cells[:2] == ["", ""] for _, cells in _rows(at_c3))
    assert at_a1.approx_rows == at_c3.approx_rows == len(ROWS)
