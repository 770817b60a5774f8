"""Batch-ship upload files (批量发货): our own xlsx per platform, or the platform's template filled in.

Ids and tracking numbers are written as text cells (number format "@"), never as numbers, and without
the ="…" or ' tricks meant for people: the platform's parser would keep those characters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sellerdesk.domain.errors import ImportFileError
from sellerdesk.domain.file_writes import writing
from sellerdesk.sheets.cleaning import normalize_header
from sellerdesk.sheets.safe_cells import set_cell

MAX_ROWS_PER_FILE = 1000  # platforms refuse larger uploads


@dataclass(frozen=True)
class ShipLayout:
    """A platform's batch-ship upload, as its platform module states it (platform-formats.md §8).

    Each column is the header we write first, then the other names the platform's own template uses;
    ``carriers`` are the full carrier names its upload accepts (listed on a sheet of our file), and
    ``carrier_renames`` turns a common full name into the platform's own (JD: 京东快递 is 京东物流).
    """

    order_id: tuple[str, ...]
    carrier: tuple[str, ...]
    tracking: tuple[str, ...]
    carriers: tuple[str, ...]
    carrier_renames: Mapping[str, str] = field(default_factory=dict)

    @property
    def header(self) -> tuple[str, str, str]:
        return self.order_id[0], self.carrier[0], self.tracking[0]


@dataclass(frozen=True)
class ShipRow:
    order_id: str
    carrier: str
    tracking_no: str


def write_ship_file(path: Path, layout: ShipLayout, rows: Sequence[ShipRow]) -> Path:
    """Our own upload file: one sheet of rows, one sheet listing the allowed carrier names."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "发货"
    for r, values in enumerate([layout.header, *((s.order_id, s.carrier, s.tracking_no) for s in rows)], 1):
        for c, value in enumerate(values, 1):
            set_cell(sheet.cell(r, c), value)
    _as_text(sheet, columns=(1, 3), first_row=2)
    for letter, width in (("A", 26), ("B", 16), ("C", 24)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    listing = book.create_sheet("物流公司")
    for r, name in enumerate(layout.carriers, 1):
        set_cell(listing.cell(r, 1), name)
    with writing(path):
        book.save(path)
    return path


def fill_template(template: Path, target: Path, layout: ShipLayout, rows: Sequence[ShipRow]) -> Path:
    """Fill the platform's own template: find its header row (by ``layout``'s names), write below it, keep every
    other sheet."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(template)
    except Exception as exc:
        raise ImportFileError(
            f"{template.name}: not a readable xlsx template ({exc}).", code="bad_template", file=template.name
        ) from exc
    for sheet in book.worksheets:
        found = _find_columns(sheet, layout)
        if found is None:
            continue
        header_row, (id_col, carrier_col, tracking_col) = found
        for offset, row in enumerate(rows, start=1):
            r = header_row + offset
            set_cell(sheet.cell(r, id_col), row.order_id)
            set_cell(sheet.cell(r, carrier_col), row.carrier)
            set_cell(sheet.cell(r, tracking_col), row.tracking_no)
        _as_text(sheet, columns=(id_col, tracking_col), first_row=header_row + 1)
        with writing(target):
            book.save(target)
        return target
    raise ImportFileError(
        f"{template.name}: no sheet has the order id, carrier and tracking number columns.",
        code="bad_template",
        file=template.name,
    )


def _find_columns(sheet: object, layout: ShipLayout) -> tuple[int, tuple[int, int, int]] | None:
    wanted = [{normalize_header(h) for h in names} for names in (layout.order_id, layout.carrier, layout.tracking)]
    for row in sheet.iter_rows(min_row=1, max_row=10):  # type: ignore[attr-defined]
        names = {normalize_header(str(c.value)): c.column for c in row if c.value is not None}
        found = [[col for name, col in names.items() if name in headers] for headers in wanted]
        if all(found):
            return row[0].row, (found[0][0], found[1][0], found[2][0])
    return None


def _as_text(sheet: object, *, columns: tuple[int, ...], first_row: int) -> None:
    for col in columns:
        for (cell,) in sheet.iter_rows(min_row=first_row, min_col=col, max_col=col):  # type: ignore[attr-defined]
            cell.number_format = "@"
            if cell.value is not None:
                set_cell(cell, str(cell.value))
