"""Read an export file into a ``Table``: header cells and data rows, every cell as text.

CSV: encoding by BOM → strict UTF-8 → GB18030 (superset of the GBK Taobao and JD use), delimiter
sniffed (comma or tab), quoted multi-line cells via the csv module. Spreadsheets (.xlsx/.xlsm/.xls/
.xlsb) via python-calamine; numbers become text without losing digits (ids!), and a long id Excel has
already turned into a float stays recognisable as scientific notation (``2.78624e+18``).

The header is the first row that looks like one (exports sometimes put a title line above it).
Row numbers are 1-based as a spreadsheet shows them (header row = 1 in a plain export).
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeGuard

from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, PasswordError

from sellerdesk.domain.errors import ImportFileError
from sellerdesk.sheets.cleaning import normalize_header
from sellerdesk.sheets.limits import (
    MAX_CSV_BYTES,
    MAX_ROWS,
    MAX_XLS_BYTES,
    check_file_size,
    check_package,
    too_many_rows,
    truncated_file,
)

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb"})

Row = tuple[int, list[str]]  # (1-based row number, cells padded to the header width)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")  # stream name in an encrypted OOXML's OLE directory
_HEADER_SCAN_ROWS = 30
_MIN_HEADER_SCORE = 3
_KNOWN_BONUS = 1000  # a row of known export headers beats any row of generic header words
# Fragments that occur in export header names on every platform; used when no vocabulary is given.
_HEADER_FRAGMENTS = (
    "订单", "编号", "单号", "金额", "状态", "时间", "商品", "数量", "编码", "价格", "标题", "买家",
    "收货", "收件", "运费", "邮费", "备注", "退款", "售后", "快递", "物流", "店铺", "规格", "ID", "id",
)  # fmt: skip


@dataclass(frozen=True)
class Table:
    """One sheet of an export: the header and a re-iterable stream of text rows."""

    file_name: str
    header: tuple[str, ...]
    header_row: int
    row_source: Callable[[], Iterator[Row]] = field(repr=False)
    sheet_name: str = ""
    encoding: str = ""
    approx_rows: int = 0  # data rows, estimated before they are read (for progress)
    # Rows the file cuts short (a download that stopped): filled as the rows are read, before such a row
    # is handed out; the parsers refuse it (problem ``truncated_row``).
    cut_rows: set[int] = field(default_factory=set, compare=False)
    sha256: str = ""  # of the file's bytes, as read (an import batch records it)

    def rows(self) -> Iterator[Row]:
        """Data rows after the header, blank rows skipped; each call starts again from the top."""
        return self.row_source()

    def whole_rows(self) -> Iterator[Row]:
        """``rows`` for readers that keep no row problems: a row the file cut short refuses the file."""
        for row in self.row_source():
            if self.cut_rows and row[0] in self.cut_rows:
                raise truncated_file(self.file_name, row[0])
            yield row

    @property
    def normalized_header(self) -> tuple[str, ...]:
        return tuple(normalize_header(h) for h in self.header)

    @classmethod
    def from_rows(
        cls, header: Sequence[str], rows: Iterable[Sequence[str]], *, file_name: str = "", header_row: int = 1
    ) -> Table:
        """A table from in-memory rows (tests, the mapping dialog's preview)."""
        data = [list(r) for r in rows]
        width = len(header)

        def source() -> Iterator[Row]:
            return _data_rows(enumerate((list(r) for r in data), header_row + 1), width)

        return cls(file_name, tuple(header), header_row, source, approx_rows=len(data))


def read_table(path: str | Path, *, known_headers: Collection[str] | None = None) -> Table:
    """Read a CSV or spreadsheet export.

    ``known_headers`` (normalised header names) makes header-row detection exact; without it, generic
    header words are used. Raises ``ImportFileError`` with code ``empty_file``, ``corrupt_file``,
    ``encrypted_file``, ``unsupported_file`` or ``bad_encoding``.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in CSV_SUFFIXES and suffix not in WORKBOOK_SUFFIXES:
        raise ImportFileError(
            f"{p.name}: unsupported file type {suffix or '(none)'}; use .csv, .xlsx or .xls.",
            code="unsupported_file",
            file=p.name,
            suffix=suffix,
        )
    try:
        check_file_size(p, p.name, MAX_CSV_BYTES)  # the largest any kind may be: refused before reading
        data = p.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{p.name}: cannot be read ({exc}).", code="unreadable_file", file=p.name) from exc
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise _empty(p.name)
    if data.startswith(_OLE_MAGIC) and _ENCRYPTION_INFO in data:
        raise _encrypted(p.name)
    digest = hashlib.sha256(data).hexdigest()
    if suffix in CSV_SUFFIXES or _is_text_posing_as_workbook(data, p.name):
        return replace(_read_csv(p.name, data, known_headers), sha256=digest)
    if data.startswith(b"PK"):
        check_package(p, p.name)  # before calamine: what it cannot load would end the process
    else:
        check_file_size(p, p.name, MAX_XLS_BYTES)
    return replace(_read_workbook(p, known_headers), sha256=digest)


def _is_text_posing_as_workbook(data: bytes, name: str) -> bool:
    """Some back ends save tab-separated text (or an HTML table) under an .xls name."""
    if data.startswith((_OLE_MAGIC, b"PK\x03\x04")):
        return False
    if b"\x00" in data[:2048] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # binary: let the spreadsheet reader call it damaged
    head = data[:2048].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00").lower()
    if head.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta", b"<head")):
        raise ImportFileError(
            f"{name}: this is a web page saved with a spreadsheet name. Open it in Excel or WPS and save it "
            "as .xlsx, or export it again as CSV/xlsx.",
            code="unsupported_file",
            file=name,
            suffix="html",
        )
    return True


# --- CSV -------------------------------------------------------------------------------------------


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: BOM → UTF-8-SIG / UTF-16; strict UTF-8; else GB18030. Returns (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_to_cut(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    head = data[:400]
    if len(head) >= 8 and head[1::2].count(0) > len(head) // 4:
        return data.decode("utf-16-le"), "utf-16-le"  # UTF-16 without a BOM (ASCII-heavy header)
    try:
        return _decode_to_cut(data, "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_to_cut(data, "gb18030"), "gb18030"


_CUT_CHARACTER = "\ufffd"


def _decode_to_cut(data: bytes, encoding: str) -> str:
    """Decode strictly, except that a file ending inside a character (a download cut off there) keeps
    what came before and ends in U+FFFD, which marks its last record as cut."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.reason not in ("unexpected end of data", "incomplete multibyte sequence") or exc.end < len(data):
            raise
        return data[: exc.start].decode(encoding) + _CUT_CHARACTER


def _read_csv(name: str, data: bytes, known_headers: Collection[str] | None) -> Table:
    try:
        text, encoding = decode_bytes(data)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{name}: the text encoding is not UTF-8, UTF-16 or GBK/GB18030.", code="bad_encoding", file=name
        ) from exc
    delimiter = _sniff_delimiter(text)

    def records() -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(_lines(text), delimiter=delimiter)
        try:
            yield from enumerate(reader, 1)
        except csv.Error as exc:
            raise _broken_csv(name, exc) from exc

    head = list(itertools.islice(records(), _HEADER_SCAN_ROWS))
    header_row, header = _pick_header(head, known_headers, name)
    width = len(header)

    cut_rows: set[int] = set()
    ends_a_line = text.endswith(("\n", "\r"))
    # Certainly cut: inside a character, or short of the CR LF that ends every other line (the writers that
    # end lines with CR LF, JD's and Excel's, end the file with it too; those that end the file without a
    # line break, Pinduoduo's and Taobao's, write LF).
    certainly_cut = text.endswith(_CUT_CHARACTER) or (not ends_a_line and "\r\n" in text[:65536])

    def source() -> Iterator[Row]:
        data: Iterator[tuple[int, list[str]]] = itertools.islice(records(), header_row, None)
        if not ends_a_line:  # the last record may be cut: hold each back until the next one is read
            data = _last_record_checked(data, width, text, cut_rows, certain=certainly_cut)
        return _data_rows(data, width)

    approx_rows = max(0, text.count("\n") - header_row)  # quoted cells may hold line breaks: an estimate
    if approx_rows > MAX_ROWS:
        raise too_many_rows(name)
    return Table(name, tuple(header), header_row, source, encoding=encoding, approx_rows=approx_rows, cut_rows=cut_rows)


def _last_record_checked(
    records: Iterable[tuple[int, list[str]]], width: int, text: str, cut_rows: set[int], *, certain: bool = False
) -> Iterator[tuple[int, list[str]]]:
    """The records, the last one added to ``cut_rows`` first when it looks cut short.

    Only for a file without a final line break: many exports end that way whole (Pinduoduo's), so the
    record must also be ``certain`` (see the caller), short of cells, end inside quotes, or lack the tab
    the row before ends with.
    """
    held: tuple[int, list[str]] | None = None
    before: list[str] = []
    for record in records:
        if held is not None:
            yield held
            before = held[1]
        held = record
    if held is None:
        return
    cells = held[1]
    short = len(cells) < width and (not before or len(cells) < len(before))
    lost_tab = bool(before and cells) and before[-1].endswith("\t") and not cells[-1].endswith("\t")
    if certain or short or lost_tab or text.count('"') % 2:
        cut_rows.add(held[0])
    yield held


def _broken_csv(name: str, exc: csv.Error) -> ImportFileError:
    if "field larger than field limit" in str(exc):
        return ImportFileError(
            f"{name}: a cell holds more than {csv.field_size_limit():,} characters; it is not imported.",
            code="cell_too_long",
            file=name,
        )
    return ImportFileError(f"{name}: broken CSV ({exc}).", code="corrupt_file", file=name)


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their ends, as csv.reader takes them. Not through io.StringIO: it first copies
    the whole text at four bytes a character (a 40 MB export: 120 MB and 0.1 s, for every reader)."""
    first_lf, first_cr = text.find("\n"), text.find("\r")
    if first_lf < 0 or -1 < first_cr < first_lf - 1:  # one line, or classic Mac line ends (CR only)
        yield from io.StringIO(text, newline="")
        return
    find = text.find
    start = 0
    while end := find("\n", start) + 1:
        yield text[start:end]
        start = end
    if start < len(text):
        yield text[start:]


def _sniff_delimiter(text: str) -> str:
    """Tab for "Unicode text" saves (UTF-16, tab-separated), otherwise comma."""
    for line in itertools.islice(io.StringIO(text[:65536]), 10):
        tabs, commas = line.count("\t"), line.count(",")
        if tabs or commas:
            return "\t" if tabs > commas else ","
    return ","


# --- Spreadsheets ------------------------------------------------------------------------------------


def _read_workbook(path: Path, known_headers: Collection[str] | None) -> Table:
    name = path.name
    try:
        workbook = CalamineWorkbook.from_path(path)
        best = _best_sheet(workbook, known_headers)
    except PasswordError as exc:
        raise _encrypted(name) from exc
    except CalamineError as exc:
        raise _damaged(name, exc) from exc
    if best is None:
        raise _empty(name)
    sheet, header_row, head = best
    header = [cell_text(v).strip() for v in head[header_row - 1]]
    width = len(header)

    def source() -> Iterator[Row]:
        return _data_rows(enumerate(_text_rows(sheet, header_row, name), header_row + 1), width)

    last_row = sheet.end[0] if sheet.end else len(head) - 1
    return Table(name, tuple(header), header_row, source, sheet_name=sheet.name, approx_rows=last_row + 1 - header_row)


def _text_rows(sheet: CalamineSheet, skip: int, name: str) -> Iterator[list[str]]:
    """The sheet's rows after the first ``skip``, as text. Converted one by one as they are read (on an
    import's parser thread), rather than all at once up front: 0.2 s against 0.6 s for 100,000 rows."""
    try:
        if sheet.start in (None, (0, 0)):
            rows: Iterator[list[Any]] = itertools.islice(sheet.iter_rows(), skip, None)
        else:  # a sheet that starts below or right of A1: keep its empty area as to_python does
            with gc_paused():
                rows = iter(sheet.to_python(skip_empty_area=False)[skip:])
        for row in rows:
            yield row if _all_text(row) else [cell_text(v) for v in row]
    except CalamineError as exc:
        raise _damaged(name, exc) from exc


def _damaged(name: str, exc: CalamineError) -> ImportFileError:
    return ImportFileError(
        f"{name}: the file is damaged or incomplete and cannot be opened ({exc}). Download it again.",
        code="corrupt_file",
        file=name,
    )


def _best_sheet(
    workbook: CalamineWorkbook, known_headers: Collection[str] | None
) -> tuple[CalamineSheet, int, list[list[Any]]] | None:
    """The sheet whose header scores best, with its header row and first rows; None if every sheet is empty.

    Stops at the first sheet with known export headers (calamine parses a whole sheet to look at it).
    """
    best: tuple[int, CalamineSheet, int, list[list[Any]]] | None = None
    for sheet_name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(sheet_name)
        head = sheet.to_python(skip_empty_area=False, nrows=_HEADER_SCAN_ROWS)
        numbered = [(i, cells) for i, r in enumerate(head, 1) if _has_text(cells := [cell_text(v) for v in r])]
        if not numbered:
            continue
        score, row_no = _header_score(numbered, known_headers)
        if best is None or score > best[0]:
            best = (score, sheet, row_no, head)
        if score >= _KNOWN_BONUS:
            break
    return None if best is None else best[1:]


def _all_text(row: list[Any]) -> TypeGuard[list[str]]:
    """Every cell already text (exports mostly are): the row can be used as calamine gave it."""
    return {*map(type, row)} == {str}


def cell_text(value: object) -> str:
    """A calamine cell as text, keeping every digit of an id and marking lost ones as scientific."""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        if value.is_integer():
            # Excel keeps 15 significant digits: beyond that the id is already lost, so say so.
            return str(int(value)) if abs(value) < 1e15 else f"{value:.15g}"
        return repr(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)  # int, timedelta


# --- Shared --------------------------------------------------------------------------------------------


def _pick_header(
    numbered: list[tuple[int, list[str]]], known_headers: Collection[str] | None, name: str
) -> tuple[int, list[str]]:
    candidates = [(i, r) for i, r in numbered if _has_text(r)]
    if not candidates:
        raise _empty(name)
    _, row_no = _header_score(candidates, known_headers)
    header = next(r for i, r in candidates if i == row_no)
    return row_no, [h.strip() for h in header]


def _header_score(candidates: list[tuple[int, list[str]]], known_headers: Collection[str] | None) -> tuple[int, int]:
    """(score, row number) of the first row that looks like a header; else the first non-empty row.

    Known header names decide first; generic header words are the fallback (unknown layouts).
    """
    for scorer, bonus in ((_known_score, _KNOWN_BONUS), (_fragment_score, 0)):
        for row_no, cells in candidates:
            texts = [normalize_header(c) for c in cells if c.strip()]
            score = scorer(texts, known_headers or ())
            if score >= _MIN_HEADER_SCORE:
                return score + bonus, row_no  # a known-header match beats any generic one
    return 0, candidates[0][0]


def _known_score(texts: list[str], known_headers: Collection[str]) -> int:
    return sum(1 for t in texts if t in known_headers)


def _fragment_score(texts: list[str], known_headers: Collection[str]) -> int:
    return sum(1 for t in texts if any(f in t for f in _HEADER_FRAGMENTS))


def _has_text(cells: list[str]) -> bool:
    return bool("".join(cells).strip())


def _data_rows(numbered: Iterable[tuple[int, list[str]]], width: int) -> Iterator[Row]:
    """Skip blank rows and pad short rows so parsers can index any header column."""
    for row_no, cells in numbered:
        if not cells or (not cells[0].strip() and not "".join(cells).strip()):
            continue
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
        yield row_no, cells


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many objects are built and none becomes garbage.

    On Python 3.11 its repeated full passes over 100k freshly built rows or records cost as much
    as building them (measured: parsing 100k PDD orders ~2× faster).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _empty(name: str) -> ImportFileError:
    return ImportFileError(f"{name}: the file is empty.", code="empty_file", file=name)


def _encrypted(name: str) -> ImportFileError:
    return ImportFileError(
        f"{name}: the file is password-protected. Open it with the export password and save it "
        "without a password, or export it again without one.",
        code="encrypted_file",
        file=name,
    )
