"""Hostile or oversized files are refused with a code before a reader sees them; the process survives.

The xlsx packages are written by hand (zip + XML), as an attacker would: python-calamine given these
would end the process (it allocates the whole rectangle from A1 to the farthest cell).
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from sellerdesk.domain.errors import ImportFileError
from sellerdesk.sheets import limits
from sellerdesk.sheets.reading import read_table

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}
_HEAD_ROW = "".join(
    f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>'
    for c, h in zip("ABC", ("订单号", "商品名称", "订单金额"), strict=True)
)


def _sheet_start(dimension: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">{dim}<sheetData>'


_SHEET_END = "</sheetData></worksheet>"


def _package(path: Path, sheet: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in _PARTS.items():
            z.writestr(name, text)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def _refused(path: Path) -> str:
    with pytest.raises(ImportFileError) as exc:
        read_table(path)
    assert exc.value.params["file"] == path.name
    return exc.value.code


def test_a_single_cell_at_the_last_address_is_refused(tmp_path: Path) -> None:
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    assert _refused(_package(tmp_path / "far.xlsx", _sheet_start() + far + _SHEET_END)) == "too_many_cells"
    with_header = f'<row r="1">{_HEAD_ROW}</row>{far}'
    assert _refused(_package(tmp_path / "far2.xlsx", _sheet_start() + with_header + _SHEET_END)) == "too_many_cells"
    # A far cell in a row element without a number, or in a wide column only, counts the same.
    wide = f'<row r="1">{_HEAD_ROW}</row><row><c r="XFD7"><v>1</v></c></row><row><c r="A999999"><v>1</v></c></row>'
    assert _refused(_package(tmp_path / "far3.xlsx", _sheet_start() + wide + _SHEET_END)) == "too_many_cells"
    # The process is still here, and a normal sheet still reads.
    rows = f'<row r="1">{_HEAD_ROW}</row><row r="2"><c r="A2"><v>1</v></c></row>'
    table = read_table(_package(tmp_path / "ok.xlsx", _sheet_start("A1:C2") + rows + _SHEET_END))
    assert table.header == ("订单号", "商品名称", "订单金额")


def test_cells_placed_by_counting_or_under_a_prefix_count_too(tmp_path: Path) -> None:
    header = f'<row r="1">{_HEAD_ROW}</row>'
    unreferenced = '<c t="inlineStr"><is><t>x</t></is></c>'
    wide = _sheet_start() + header + '<row r="1048576">' + unreferenced * 20_000 + "</row>" + _SHEET_END
    assert _refused(_package(tmp_path / "counted.xlsx", wide)) == "too_many_cells"
    prefixed = f'<row r="1048576"><x:c xmlns:x="{_MAIN}" r="XFD1048576"><x:v>1</x:v></x:c></row>'
    assert _refused(_package(tmp_path / "prefixed.xlsx", _sheet_start() + header + prefixed + _SHEET_END)) == (
        "too_many_cells"
    )
    # Far down but one column wide: 900,000 cells, within the limit, and read.
    narrow = _sheet_start() + header + f'<row r="900000">{unreferenced}</row>' + _SHEET_END
    assert read_table(_package(tmp_path / "narrow.xlsx", narrow)).header == ("订单号", "商品名称", "订单金额")


def test_a_declared_dimension_beyond_the_limit_is_refused(tmp_path: Path) -> None:
    rows = f'<row r="1">{_HEAD_ROW}</row>'
    path = _package(tmp_path / "dim.xlsx", _sheet_start("A1:XFD1048576") + rows + _SHEET_END)
    assert _refused(path) == "too_many_cells"


def test_a_sheet_shorter_than_its_dimension_or_unended_is_truncated(tmp_path: Path) -> None:
    rows = f'<row r="1">{_HEAD_ROW}</row>' + "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(2, 6)
    )
    assert _refused(_package(tmp_path / "short.xlsx", _sheet_start("A1:C10") + rows + _SHEET_END)) == "truncated_file"
    assert _refused(_package(tmp_path / "unended.xlsx", _sheet_start("A1:C5") + rows)) == "truncated_file"
    assert read_table(_package(tmp_path / "whole.xlsx", _sheet_start("A1:C5") + rows + _SHEET_END)).approx_rows == 4


def _bomb(path: Path, inflated: int) -> Path:
    """A sheet of ``inflated`` bytes, nearly all one repeated byte: a few hundred KB compressed."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, text in _PARTS.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write((_sheet_start() + f'<row r="1">{_HEAD_ROW}</row>').encode())
            block = b" " * (1 << 20)
            for _ in range(inflated >> 20):
                part.write(block)
            part.write(_SHEET_END.encode())
    return path


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _bomb(tmp_path / "bomb.xlsx", 200 << 20)
    assert path.stat().st_size < 2 << 20
    inflated: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: str | zipfile.ZipInfo, *args: object, **kw: object) -> object:
        inflated.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    started = time.perf_counter()
    assert _refused(path) == "unpacked_too_large"
    assert time.perf_counter() - started < 1
    assert "xl/worksheets/sheet1.xml" not in inflated  # its directory entry was enough


def test_a_part_whose_real_size_exceeds_the_budget_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Declared sizes within the limits; what the parts really inflate to is counted as they stream.
    monkeypatch.setattr(limits, "RATIO_FROM", 64 << 20)
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 24 << 20)
    path = _bomb(tmp_path / "big.xlsx", 16 << 20)
    monkeypatch.setattr(limits, "_check_declared", lambda infos, name: None)
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 8 << 20)
    assert _refused(path) == "unpacked_too_large"


def test_a_legitimate_large_export_passes(tmp_path: Path) -> None:
    """100,001 rows × 30 columns (A1:AD100001), as an export of that size is laid out."""
    path = tmp_path / "big.xlsx"
    letters = [chr(65 + i) for i in range(26)] + ["AA", "AB", "AC", "AD"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, text in _PARTS.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(_sheet_start("A1:AD100001").encode())
            for start in range(1, 100_002, 1000):
                part.write(
                    "".join(
                        f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in letters) + "</row>"
                        for r in range(start, min(start + 1000, 100_002))
                    ).encode()
                )
            part.write(_SHEET_END.encode())
    limits.check_package(path, path.name)  # no refusal


def test_legacy_xls_and_csv_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    monkeypatch.setattr("sellerdesk.sheets.reading.MAX_XLS_BYTES", 1024)
    assert _refused(xls) == "file_too_large"
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text("订单号,订单金额\n" + "".join(f"{i},1.00\n" for i in range(50)), encoding="utf-8")
    monkeypatch.setattr("sellerdesk.sheets.reading.MAX_ROWS", 20)
    assert _refused(csv_file) == "too_many_rows"
    monkeypatch.setattr("sellerdesk.sheets.reading.MAX_CSV_BYTES", 100)
    assert _refused(csv_file) == "file_too_large"


def test_an_overlong_csv_cell_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text('订单号,商品名称,订单金额\n1,"' + "长" * 200_000 + '",1.00\n', encoding="utf-8")
    assert _refused(path) == "cell_too_long"


def test_readers_without_row_problems_refuse_a_cut_file(tmp_path: Path) -> None:
    path = tmp_path / "count.csv"
    path.write_text("商家编码,仓库,实盘数量\r\nA-1,main,3\r\nA-2,main,1", encoding="utf-8")  # CR LF lines, cut
    table = read_table(path)
    with pytest.raises(ImportFileError) as exc:
        list(table.whole_rows())
    assert exc.value.code == "truncated_file" and exc.value.params["row"] == 3
    path.write_text("商家编码,仓库,实盘数量\r\nA-1,main,3\r\nA-2,main,1\r\n", encoding="utf-8")
    assert len(list(read_table(path).whole_rows())) == 2


def test_a_part_with_a_garbled_deflate_stream_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    """Found by the fuzz run: zlib's own error (not an OSError) escaped the package check."""
    path = _package(tmp_path / "garbled.xlsx", _sheet_start() + f'<row r="1">{_HEAD_ROW}</row>' + _SHEET_END)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + info.compress_size] = b"\xff" * info.compress_size  # a reserved block type
    path.write_bytes(bytes(data))
    assert _refused(path) == "corrupt_file"
