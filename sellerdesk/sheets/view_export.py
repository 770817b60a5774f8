"""Writing a list view to xlsx: openpyxl write-only mode (rows streamed, constant memory), text kept as text.

Long ids and tracking numbers are written as strings with the text number format, so Excel and WPS
never turn them into 2.78621852019919E+18; buyers' text is guarded against becoming a formula (safe_cells).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from sellerdesk.domain.file_writes import prepare_folder, writing
from sellerdesk.domain.scratch import PART_SUFFIX
from sellerdesk.sheets.printing import fit_to_width
from sellerdesk.sheets.safe_cells import set_cell, write_only_cells
from sellerdesk.sheets.xlsx_package import save_book

EXCEL_MAX_ROWS = 1_048_576  # including the header row


def write_view(path: Path, sheet_title: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``headers`` then ``rows`` (str, int or None cells) to ``path``; returns the data rows written.

    Stops at Excel's row limit. Written to a temporary name first: a cancelled or failed export leaves
    no half file behind.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    prepare_folder(path)  # before the rows are read: a path that cannot be written is said at once
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title[:31] or "Sheet1")
    fit_to_width(sheet)  # before the first row: a streamed sheet writes its page setup with its head
    bold = Font(bold=True)
    header_cells = []
    for h in headers:
        cell = set_cell(WriteOnlyCell(sheet), h)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    sheet.freeze_panes = "A2"
    written = 0
    try:
        for row in rows:
            if written >= EXCEL_MAX_ROWS - 1:
                break
            sheet.append(write_only_cells(sheet, row))
            written += 1
    except BaseException:
        sheet.close()  # end the streamed sheet cleanly (its temp file goes with it); nothing is saved
        raise
    tmp = path.with_name(path.name + PART_SUFFIX)
    with writing(path):
        try:
            save_book(book, tmp)
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return written
