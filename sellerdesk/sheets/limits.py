"""How big an import file may be, checked before any reader sees it: a refusal with a code, never an abort.

python-calamine loads a whole sheet as one rectangle from A1 to the farthest cell, 32 bytes a cell: one
cell at XFD1048576 asks for 512 GiB and the allocator ends the process, which no ``except`` can catch.
A zip part that inflates a thousandfold (a "zip bomb") takes the memory the same way. So an xlsx package is
read here first, streaming and without keeping anything: the sizes its directory declares, the bytes
its parts really inflate to, each sheet's declared dimension and the farthest cell it really has.

A legitimate 100,000-row × 30-column export (~150 MB of sheet XML, 3 million cells, parts about 10× their
compressed size) stays far below every limit; checking it costs ~0.9 s of CPU (inflating ~0.35 s, the scan
the rest), about a tenth of its import. An .xlsb's parts are held to the same sizes, but its sheets are
binary records and their cells are not placed here; a legacy .xls is capped by its file size.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sellerdesk.domain.errors import ImportFileError

MAX_CSV_BYTES = 512 << 20  # ~1.3 million rows of a 30-column export
MAX_PACKAGE_BYTES = 256 << 20  # an xlsx as downloaded (compressed); 100,000 rows take ~17 MB
MAX_XLS_BYTES = 128 << 20  # legacy .xls holds at most 65,536 rows
MAX_UNPACKED_BYTES = 1 << 30  # all parts of an xlsx inflated
MAX_RATIO = 200  # inflated / compressed, for parts over RATIO_FROM (real exports: 5-20)
RATIO_FROM = 8 << 20
MAX_CELLS = 40_000_000  # the rectangle calamine allocates (~1.3 GB); 100,000 × 30 is 3 million
MAX_ROWS = 1_048_576  # Excel's own row limit, also for CSV

_CHUNK = 8 << 20
# A cell that can widen the rectangle: its reference has a column beyond AZ or a row of six digits or
# more (every other cell lies inside A1:AZ99999, so these few decide the rectangle), or it has no
# reference first (then its place is counted: see ``_counted_extent``). With a literal start the pattern
# takes 0.4 s for 150 MB of sheet XML, about as long as inflating it; allowing a namespace prefix (``x:c``,
# .NET writers) takes twice as long, so only for text that has one.
_FAR_CELL = rb'c(?: r="((?:[B-Z][A-Z]|[A-Z]{3})(?=\d)|[A-Z]{1,2}(?=\d{6}))(\d+)"|>|/>|\s(?!r="))'
_FAR_PLAIN, _FAR_PREFIXED = re.compile(b"<" + _FAR_CELL), re.compile(rb"<(?:\w+:)?" + _FAR_CELL)
_NEAR_ROWS, _NEAR_COLUMNS = 99_999, 52
_TAG = re.compile(rb"<(?:\w+:)?(row|c)(?=[\s/>])([^>]*)>")
_REFERENCE = re.compile(rb'\br="([A-Z]*)(\d*)"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"')
_LAST_ROW = re.compile(rb'<(?:\w+:)?row [^>]*?r="(\d+)"')
_END_OF_SHEET = re.compile(rb"</(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*/>")


def column_number(letters: bytes | str) -> int:
    """``A`` → 1, ``AD`` → 30, ``XFD`` → 16384."""
    n = 0
    for ch in letters.encode() if isinstance(letters, str) else letters:
        n = n * 26 + ch - 64
    return n


def check_file_size(path: Path, name: str, limit: int) -> None:
    size = path.stat().st_size
    if size > limit:
        raise ImportFileError(
            f"{name}: the file is {size >> 20} MB; files over {limit >> 20} MB are not imported.",
            code="file_too_large",
            file=name,
            size_mb=size >> 20,
            limit_mb=limit >> 20,
        )


@dataclass(frozen=True)
class SheetExtent:
    """How a sheet part ends: its declared last row, its real last row element, and its closing tag."""

    declared_rows: int  # from <dimension>; 0 when the writer gave none
    last_row: int  # the last row element's number (0: none)
    complete: bool  # the sheet data is closed

    @property
    def cut(self) -> bool:
        """The part ends early: no end of sheet data, or fewer rows than its own dimension declares
        (writers declare the used range, so a sheet ends at or after it)."""
        return not self.complete or self.declared_rows > max(self.last_row, 1)


# What zipfile raises on a damaged part: a bad header or CRC, a deflate stream that is garbage (zlib's own
# error, not an OSError), a cut file, a method it does not know, an encrypted part (RuntimeError).
DAMAGED_ZIP = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError)


def check_package(path: Path, name: str) -> None:
    """Refuse an xlsx/xlsm/xlsb calamine could not load within the limits, or whose sheet was cut short.

    A package that is not a zip at all is left to calamine (it words the damage).
    """
    check_file_size(path, name, MAX_PACKAGE_BYTES)
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return
    with book:
        infos = book.infolist()
        _check_declared(infos, name)
        budget = MAX_UNPACKED_BYTES
        for info in infos:
            if info.is_dir() or info.filename.startswith(("xl/media/", "docProps/thumbnail")):
                continue  # pictures: calamine does not inflate them
            is_sheet = info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            try:
                used, extent = _inflate(book, info, name, budget, scan=is_sheet)
            except DAMAGED_ZIP as exc:
                raise ImportFileError(
                    f"{name}: the file is damaged or incomplete ({exc}). Download it again.",
                    code="corrupt_file",
                    file=name,
                ) from exc
            budget -= used
            if extent is not None and extent.cut:
                raise truncated_file(name)


def _check_declared(infos: list[zipfile.ZipInfo], name: str) -> None:
    """The directory's own figures: refused before anything is inflated."""
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise _too_big(name)
    for info in infos:
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _too_big(name)


def _inflate(
    book: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: int, *, scan: bool
) -> tuple[int, SheetExtent | None]:
    """Inflate one part chunk by chunk (zipfile stops at the declared size and checks the CRC, so a part
    that lies about its size is damaged); a sheet part is scanned for its extent on the way."""
    used = 0
    rows = columns = last_row = declared = 0
    data = tail = b""
    counted = False
    for number, chunk in enumerate(_read(book, info)):
        used += len(chunk)
        if used > budget or (used > RATIO_FROM and used > MAX_RATIO * max(info.compress_size, 1)):
            raise _too_big(name)
        if not scan:
            continue
        data = tail + chunk
        end = data.rfind(b"<") if len(chunk) == _CHUNK else len(data)  # whole tags only; the rest comes again
        if end < 0:
            end = len(data)
        if number == 0 and (m := _DIMENSION.search(data, 0, 4096)):
            declared = int(m[2])
            if declared * column_number(m[1]) > MAX_CELLS:
                raise _too_many_cells(name, f"{m[1].decode()}{declared}")
        far = _FAR_PREFIXED if b":c" in data else _FAR_PLAIN
        for letters, digits in [] if counted else far.findall(data, 0, end):
            if not digits:  # a cell placed by counting: every cell must be placed to know the rectangle
                (rows, columns), counted = _counted_extent(book, info), True
                break
            rows = max(rows, int(digits))
            columns = max(columns, column_number(letters))
        if rows * columns > MAX_CELLS if counted else max(rows, _NEAR_ROWS) * max(columns, _NEAR_COLUMNS) > MAX_CELLS:
            raise _too_many_cells(name, f"{rows} rows × {columns} columns")
        if found := _last(_LAST_ROW, data, end):
            last_row = int(found[1])
        tail = data[end:]
    if not scan:
        return used, None
    complete = bool(_END_OF_SHEET.search(data))  # in the last chunk: only closing elements follow it
    if max(rows, last_row) > MAX_ROWS:
        raise too_many_rows(name)
    return used, SheetExtent(declared, last_row, complete)


def _counted_extent(book: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    """The last row and column any cell lands in, placed as calamine places them: by the reference, else
    in the next column (a cell) or the next row (a row). A tag at a time (~1 s for 100,000 rows), so only
    for sheets with such cells; stops once the rectangle is too big."""
    row = column = rows = columns = 0
    rest = b""
    for chunk in _read(book, info):
        data = rest + chunk
        end = data.rfind(b"<")
        for tag, attributes in _TAG.findall(data, 0, end):
            ref = _REFERENCE.search(attributes)
            if tag == b"row":
                row, column = (int(ref[2]) if ref and ref[2] else row + 1), 0
            else:
                column = column_number(ref[1]) if ref and ref[1] else column + 1
                row = int(ref[2]) if ref and ref[2] else row
            rows, columns = max(rows, row), max(columns, column)
        if rows * columns > MAX_CELLS:
            break
        rest = data[end:]
    return rows, columns


def _read(book: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with book.open(info) as part:
        while chunk := part.read(_CHUNK):
            yield chunk


def _last(pattern: re.Pattern[bytes], data: bytes, end: int) -> re.Match[bytes] | None:
    """The last match in ``data[:end]``, looking at its end first (row elements come every few hundred bytes)."""
    for start in (max(0, end - 65536), 0):
        found = None
        for found in pattern.finditer(data, start, end):  # noqa: B007 - the last one is wanted
            pass
        if found is not None:
            return found
    return None


def truncated_file(name: str, row: int = 0) -> ImportFileError:
    where = f" inside row {row}" if row else ""
    return ImportFileError(
        f"{name}: the file ends early{where} (the download was cut off?); it is not imported. Download it again.",
        code="truncated_file",
        file=name,
        row=row,
    )


def _too_big(name: str) -> ImportFileError:
    return ImportFileError(
        f"{name}: the workbook unpacks to more than {MAX_UNPACKED_BYTES >> 20} MB, or far more than its "
        "size suggests; it is not imported. Export it again from the platform.",
        code="unpacked_too_large",
        file=name,
    )


def _too_many_cells(name: str, extent: str) -> ImportFileError:
    return ImportFileError(
        f"{name}: a sheet reaches {extent}: more than {MAX_CELLS:,} cells; it is not imported. "
        "Delete the stray cells far below or right of the data, or export it again.",
        code="too_many_cells",
        file=name,
        extent=extent,
    )


def too_many_rows(name: str) -> ImportFileError:
    return ImportFileError(
        f"{name}: more than {MAX_ROWS:,} rows; split the export by date and import the parts.",
        code="too_many_rows",
        file=name,
    )
