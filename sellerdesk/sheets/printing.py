"""How a sheet SellerDesk writes prints: on A4 across (landscape), every column on the page width with as
many pages down as it takes (fit to width, ``fitToHeight`` 0), the header row repeated on every page (print
titles). Excel, WPS and LibreOffice all honour these page-setup fields of the xlsx file.

A workbook prints, by default, only its selected sheet in Excel and WPS ("Print Active Sheets"); the xlsx
format has no flag that keeps one sheet from printing when someone prints the whole workbook, and LibreOffice
prints a sheet without a print area even when the others have one. So a long list (the monthly report's
every-order sheet) is kept from the default print by leaving the first sheet the only selected one
(``select_only_first``), and prints sensibly when asked for.
"""

from __future__ import annotations

from typing import Any

A4 = "9"  # the page-setup paper size code of A4


def fit_to_width(sheet: Any, *, header_row: int | None = 1, landscape: bool = True) -> None:
    """Landscape (or portrait) A4, all columns on the page width, ``header_row`` repeated on every page."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    if header_row is not None:
        repeat_header(sheet, header_row)


def repeat_header(sheet: Any, row: int) -> None:
    sheet.print_title_rows = f"{row}:{row}"


def select_only_first(book: Any) -> None:
    """The first sheet opens and is the only one selected, so a plain Print prints it alone."""
    book.active = 0
    for index, sheet in enumerate(book.worksheets):
        sheet.sheet_view.tabSelected = index == 0
