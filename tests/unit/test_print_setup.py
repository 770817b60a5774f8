"""Wide sheets print sensibly (sheets/printing.py): landscape A4, every column on the page width, the header
row on every page; the monthly report opens on its summary alone, so a plain Print leaves the order list out.
LibreOffice, when installed, prints the workbook to PDF the same way."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from sellerdesk.demo import generate_demo
from sellerdesk.services.reports import export_monthly_workbook
from sellerdesk.sheets.catalog_sheets import write_sheet
from sellerdesk.sheets.report_workbook import label
from sellerdesk.sheets.view_export import write_view


def _fits_the_width(sheet: Any) -> None:
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.db.migrate import ensure_schema

    folder = tmp_path_factory.mktemp("print")
    engine = make_engine("sqlite:///" + str(folder / "shop.sqlite"))
    ensure_schema(engine)
    with make_session_factory(engine)() as session:
        _demo(session)
        path = export_monthly_workbook(session, 2026, 10, folder / "report.xlsx", "en")
    engine.dispose()
    return path


def _demo(session: Session) -> None:
    generate_demo(session, orders=3000, seed=5, today=date(2026, 11, 23))
    session.flush()


def test_every_report_sheet_is_landscape_fit_to_width_with_its_header_repeated(report: Path) -> None:
    book = load_workbook(report)
    for sheet in book.worksheets:
        _fits_the_width(sheet)
    summary = label("sheet.summary", "en")
    tables = [s for s in book.worksheets if s.title != summary]
    assert tables and all(s.print_title_rows == "$1:$1" for s in tables)


def test_a_plain_print_gives_the_summary_not_the_order_list(report: Path) -> None:
    """Excel and WPS print the selected sheet(s) unless told to print the whole workbook."""
    book = load_workbook(report)
    assert book.active.title == label("sheet.summary", "en")
    assert [s.title for s in book.worksheets if s.sheet_view.tabSelected] == [label("sheet.summary", "en")]


def test_list_exports_and_catalog_sheets_print_the_same_way(tmp_path: Path) -> None:
    write_view(tmp_path / "view.xlsx", "Orders", ["Order", "Buyer"], [["1", "x"]])
    write_sheet(tmp_path / "count.xlsx", "盘点", ["商家编码", "商品名称"], [["A1", "T"]])
    for name in ("view.xlsx", "count.xlsx"):
        sheet = load_workbook(tmp_path / name).worksheets[0]
        _fits_the_width(sheet)
        assert sheet.print_title_rows == "$1:$1"


@pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice and poppler-utils",
)
def test_libreoffice_prints_a_4_landscape_with_the_header_on_every_page(report: Path, tmp_path: Path) -> None:
    profile = tmp_path / "lo-profile"
    command = ["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(tmp_path), str(report)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "report.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert width > height  # landscape
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")
    order_pages = [p for p in pages if "Order id" in p or "Paid at" in p]
    assert len(order_pages) >= 2  # the order list runs over several pages…
    assert all("Paid at" in p and "Buyer" in p for p in order_pages)  # …each with the header row
