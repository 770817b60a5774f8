"""Sheet rows serialized here, spliced into a package openpyxl built: for workbooks of many rows.

openpyxl's per-cell path writes ~4,000 rows/s of 14 columns, and its writer stores every non-ASCII
character as a numeric reference (``&#35746;``: 8 bytes where UTF-8 takes 3). The rows are written as
UTF-8 text instead, as Excel, WPS and the Java writers behind platform exports write it, then put into
the package's empty ``<sheetData>``.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from sellerdesk.domain.scratch import temp_prefix

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text a worksheet can hold: XML-illegal control characters dropped, line ends as LF."""
    if not _NEEDS_CLEANING.search(text):
        return text
    return _ILLEGAL.sub("", text.replace("\r\n", "\n")).replace("\r", "\n")


def xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def column_letter(index: int) -> str:
    """0 → "A", 27 → "AB" (tables here stay well below 702 columns)."""
    return (chr(64 + index // 26) if index >= 26 else "") + chr(65 + index % 26)


def text_cell(reference: str, text: str, style: int | None = None) -> str:
    """An inline-string cell; ``text`` must already be ``clean_text``."""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    s = "" if style is None else f' s="{style}"'
    return f'<c r="{reference}" t="inlineStr"{s}><is><t{space}>{xml_escape(text)}</t></is></c>'


def write_text_sheet(path: Path, title: str, rows: Iterable[Sequence[str]]) -> int:
    """A workbook of one sheet of text cells (empty text: no cell), header first; returns the rows written."""
    from openpyxl import Workbook

    count = 0
    with tempfile.TemporaryDirectory(prefix=temp_prefix("sheet")) as tmp:
        body = Path(tmp) / "rows.xml"
        with body.open("w", encoding="utf-8") as out:
            letters: list[str] = []
            for count, row in enumerate(rows, 1):
                letters.extend(column_letter(i) for i in range(len(letters), len(row)))
                texts = [clean_text(v) for v in row]
                cells = "".join(text_cell(f"{letters[i]}{count}", t) for i, t in enumerate(texts) if t)
                out.write(f'<row r="{count}">{cells}</row>')
        book = Workbook(write_only=True)
        book.create_sheet(title)
        skeleton = Path(tmp) / "skeleton.xlsx"
        book.save(skeleton)
        splice_sheet_rows(skeleton, path, {title: body})
    return count


def save_book(book: Any, path: Path) -> None:
    """Save a workbook; when that fails, end its streamed (write-only) sheets, which would otherwise complain
    when collected, then let the error go on."""
    try:
        book.save(path)
    except BaseException:
        for sheet in book.worksheets:
            with suppress(Exception):  # a sheet the failed save had already ended
                sheet.close()
        raise


def splice_sheet_rows(skeleton: Path, out: Path, rows: dict[str, Path]) -> None:
    """Copy the package, putting each sheet's rows file (by sheet title) into its empty ``<sheetData>``."""
    with zipfile.ZipFile(skeleton) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as dst:
        parts = {part: rows[title] for title, part in _sheet_parts(src).items() if title in rows}
        for info in src.infolist():
            data = src.read(info)
            if info.filename not in parts:
                dst.writestr(info, data)
                continue
            head, sep, tail = data.decode("utf-8").partition("<sheetData></sheetData>")
            assert sep, info.filename
            with dst.open(info.filename, "w", force_zip64=True) as part, parts[info.filename].open("rb") as body:
                part.write(f"{head}<sheetData>".encode())
                shutil.copyfileobj(body, part, 1 << 20)
                part.write(f"</sheetData>{tail}".encode())


def _sheet_parts(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title → its part name, from workbook.xml and its relationships."""
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "p": "http://schemas.openxmlformats.org/package/2006/relationships",
    }
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): str(rel.get("Target")) for rel in rels.findall("p:Relationship", ns)}
    sheets = ElementTree.fromstring(book.read("xl/workbook.xml")).findall("m:sheets/m:sheet", ns)
    found = {}
    for sheet in sheets:
        target = targets[sheet.get(f"{{{ns['r']}}}id")]
        found[str(sheet.get("name"))] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return found
