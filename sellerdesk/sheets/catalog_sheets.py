"""Product sheets written with openpyxl in write-only mode: purchase list, stocktake count sheet, catalog.

Headers are Chinese (the shop's suppliers and warehouse staff read them); seller codes and barcodes are
text cells so Excel keeps leading zeros. Money is written as exact yuan from integer cents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sellerdesk.domain.file_writes import prepare_folder, writing
from sellerdesk.domain.money import cents_to_decimal
from sellerdesk.sheets.printing import fit_to_width
from sellerdesk.sheets.safe_cells import set_cell
from sellerdesk.sheets.xlsx_package import save_book

PURCHASE_HEADERS = ("供应商", "商家编码", "商品名称", "规格", "近期销量", "统计天数", "采购周期(天)", "安全库存",
                    "可用库存", "起订量", "建议采购量", "成本价", "采购金额")  # fmt: skip
COUNT_HEADERS = ("商家编码", "商品名称", "规格", "仓库", "账面数量", "实盘数量")
CATALOG_HEADERS = ("商家编码", "商品名称", "规格", "类目", "条形码", "售价", "成本价", "供应商", "采购周期(天)",
                   "起订量", "安全库存", "补货点")  # fmt: skip
_TEXT_COLUMNS = {"商家编码", "条形码"}


def write_sheet(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """One sheet: a bold frozen header, then the rows; returns the number of rows written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    prepare_folder(path)  # before the rows are read: a path that cannot be written is said at once
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    fit_to_width(sheet)
    for index, header in enumerate(headers):
        sheet.column_dimensions[chr(65 + index)].width = 28 if header in ("商品名称",) else 14
    bold = Font(bold=True)
    head = []
    for header in headers:
        cell = set_cell(WriteOnlyCell(sheet), header)
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    text_at = {i for i, h in enumerate(headers) if h in _TEXT_COLUMNS}
    count = 0
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            cell = set_cell(WriteOnlyCell(sheet), value)
            if i in text_at:
                cell.number_format = "@"
            cells.append(cell)
        sheet.append(cells)
        count += 1
    with writing(path):
        save_book(book, path)
    return count


def yuan(cents: int) -> Any:
    return cents_to_decimal(cents)
