"""The shop's text written into spreadsheets and CSV as text, never as something Excel or WPS would run.

Buyers choose their nicknames, messages and addresses: ``=HYPERLINK(…)`` or ``=cmd|' /C calc'!A0`` in a
nickname must reach the sheet as those characters. openpyxl stores any string starting with ``=`` as a
formula, so every export sets its text cells here. Text starting with ``= + - @``, tab or CR is also
marked so that editing the cell keeps it text: the quote-prefix style in xlsx (the cell shows no
apostrophe), a leading ``'`` in CSV (which has no styles). Numbers stay numbers.
"""

from __future__ import annotations

import re
from typing import Any

from sellerdesk.sheets.xlsx_package import _NEEDS_CLEANING as NEEDS_CLEANING
from sellerdesk.sheets.xlsx_package import clean_text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet would evaluate when typed in (or opened from CSV)."""
    return text.startswith(FORMULA_START)


def csv_text(value: object) -> str:
    """A CSV cell: formula-like text gets a leading apostrophe; numbers and other text as they are."""
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_START) else value
    return "" if value is None else str(value)


def set_cell(cell: Any, value: object) -> Any:
    """Give an openpyxl cell (normal or write-only) ``value``; text is always a string cell.

    Text loses the control characters a worksheet cannot hold (openpyxl would refuse the whole file).
    Returns the cell.
    """
    if not isinstance(value, str):
        cell.value = value
        return cell
    text = clean_text(value)
    cell.value = text
    cell.data_type = "s"  # openpyxl took a leading "=" for a formula
    if looks_like_formula(value):
        cell.quotePrefix = True
    return cell


def write_only_cells(sheet: Any, values: Any) -> list[Any]:
    """A write-only sheet's row of cells for ``values``, every text guarded by ``set_cell``."""
    from openpyxl.cell import WriteOnlyCell

    # Plain text goes as it is (openpyxl makes a string cell of it): a cell object costs ~3 µs.
    guard = _NEEDS_GUARD.search
    return [set_cell(WriteOnlyCell(sheet), v) if v.__class__ is str and guard(v) else v for v in values]


# A formula start, or a character clean_text would change (openpyxl refuses control characters).
_NEEDS_GUARD = re.compile(f"^[{re.escape(''.join(FORMULA_START))}]|{NEEDS_CLEANING.pattern}")
