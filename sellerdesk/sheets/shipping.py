"""Batch-ship upload files (批量发货): our own xlsx per platform, or the platform's template filled in.

Ids and tracking numbers are written as text cells (number format "@"), never as numbers, and without
the ="…" or ' tricks meant for people: the platform's parser would keep those characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sellerdesk.domain.enums import Platform
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.sheets.cleaning import normalize_header
from sellerdesk.sheets.safe_cells import set_cell

# Column headers per platform (platform-formats.md §8), first the order id, then carrier, then tracking.
SHIP_HEADERS: dict[Platform, tuple[str, str, str]] = {
    Platform.TAOBAO: ("订单编号", "物流公司", "运单号"),
    Platform.JD: ("订单号", "物流公司", "运单号"),
    Platform.PDD: ("订单号", "快递公司", "快递单号"),
    Platform.DOUYIN: ("订单号", "快递公司", "快递单号"),
}
_ID_HEADERS = {normalize_header(h) for h in ("订单编号", "订单号", "主订单编号", "订单ID")}
_CARRIER_HEADERS = {normalize_header(h) for h in ("物流公司", "快递公司", "物流公司名称")}
_TRACKING_HEADERS = {normalize_header(h) for h in ("运单号", "快递单号", "物流单号", "运单编号")}
MAX_ROWS_PER_FILE = 1000  # platforms refuse larger uploads


@dataclass(frozen=True)
class ShipRow:
    order_id: str
    carrier: str
    tracking_no: str


def write_ship_file(path: Path, platform: Platform, rows: Sequence[ShipRow], carriers: Sequence[str]) -> Path:
    """Our own upload file: one sheet of rows, one sheet listing the allowed carrier names."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "发货"
    for r, values in enumerate([SHIP_HEADERS[platform], *((s.order_id, s.carrier, s.tracking_no) for s in rows)], 1):
        for c, value in enumerate(values, 1):
            set_cell(sheet.cell(r, c), value)
    _as_text(sheet, columns=(1, 3), first_row=2)
    for letter, width in (("A", 26), ("B", 16), ("C", 24)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    listing = book.create_sheet("物流公司")
    for r, name in enumerate(carriers, 1):
        set_cell(listing.cell(r, 1), name)
    book.save(path)
    return path


def fill_template(template: Path, target: Path, rows: Sequence[ShipRow]) -> Path:
    """Fill the platform's own template: find its header row, write below it, keep every other sheet."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(template)
    except Exception as exc:
        raise ImportFileError(
            f"{template.name}: not a readable xlsx template ({exc}).", code="bad_template", file=template.name
        ) from exc
    for sheet in book.worksheets:
        found = _find_columns(sheet)
        if found is None:
            continue
        header_row, (id_col, carrier_col, tracking_col) = found
        for offset, row in enumerate(rows, start=1):
            r = header_row + offset
            set_cell(sheet.cell(r, id_col), row.order_id)
            set_cell(sheet.cell(r, carrier_col), row.carrier)
            set_cell(sheet.cell(r, tracking_col), row.tracking_no)
        _as_text(sheet, columns=(id_col, tracking_col), first_row=header_row + 1)
        book.save(target)
        return target
    raise ImportFileError(
        f"{template.name}: no sheet has the order id, carrier and tracking number columns.",
        code="bad_template",
        file=template.name,
    )


def _find_columns(sheet: object) -> tuple[int, tuple[int, int, int]] | None:
    for row in sheet.iter_rows(min_row=1, max_row=10):  # type: ignore[attr-defined]
        names = {normalize_header(str(c.value)): c.column for c in row if c.value is not None}
        ids = [col for name, col in names.items() if name in _ID_HEADERS]
        carriers = [col for name, col in names.items() if name in _CARRIER_HEADERS]
        tracking = [col for name, col in names.items() if name in _TRACKING_HEADERS]
        if ids and carriers and tracking:
            return row[0].row, (ids[0], carriers[0], tracking[0])
    return None


def _as_text(sheet: object, *, columns: tuple[int, ...], first_row: int) -> None:
    for col in columns:
        for (cell,) in sheet.iter_rows(min_row=first_row, min_col=col, max_col=col):  # type: ignore[attr-defined]
            cell.number_format = "@"
            if cell.value is not None:
                set_cell(cell, str(cell.value))
