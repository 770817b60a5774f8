"""Write the fuzz run's seed corpus (tests/data/fuzz): the head of every sample and real export, as it is
(same encoding and bytes) and re-saved as xlsx, so every platform layout and both readers get fuzzed.

Run it again after adding a sample: ``python tests/fuzz/make_corpus.py``. The files are small on purpose
(a case reads and imports one in a few milliseconds), so a minute tries thousands of variants.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

DATA = Path(__file__).parents[1] / "data"
OUT = DATA / "fuzz"
ROWS = 12  # data rows kept of each export


def _head_lines(data: bytes, rows: int) -> bytes:
    """The header and the first ``rows`` records, cut at a record's end (cells may hold line breaks)."""
    text = data.decode("latin-1")  # byte for byte: the cut keeps the file's own encoding
    reader = csv.reader(io.StringIO(text, newline=""))
    end = 0
    for n, _ in enumerate(reader):
        if n > rows:
            break
        end = reader.line_num
    return b"".join(data.splitlines(keepends=True)[:end])


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("unknown encoding")


def _as_xlsx(rows: list[list[str]], out: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(out)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    sources = sorted((DATA / "samples").glob("*.csv")) + sorted((DATA / "real").glob("*.csv"))
    for src in sources:
        head = _head_lines(src.read_bytes(), ROWS)
        (OUT / src.name).write_bytes(head)
        rows = list(csv.reader(io.StringIO(_decode(head), newline="")))
        _as_xlsx(rows, OUT / f"{src.stem}.xlsx")
    for src in sorted((DATA / "real").glob("*.xlsx")):
        sheet = CalamineWorkbook.from_path(str(src)).get_sheet_by_index(0).to_python(nrows=ROWS + 1)
        _as_xlsx([[str(c) for c in row] for row in sheet], OUT / src.name)


if __name__ == "__main__":
    main()
