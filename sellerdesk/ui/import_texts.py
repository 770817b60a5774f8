"""Import words: file kinds, row-problem codes and whole-file error codes, in the UI language.

The parsers and the import service speak in codes (and English messages for logs); this table gives
the sentence a shop's staff reads. Unknown codes fall back to the English message.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

FILE_KINDS = {
    "orders": QT_TRANSLATE_NOOP("Import", "Orders"),
    "order_lines": QT_TRANSLATE_NOOP("Import", "Orders (one row per item)"),
    "taobao_orders": QT_TRANSLATE_NOOP("Import", "Order file (ExportOrderList)"),
    "taobao_items": QT_TRANSLATE_NOOP("Import", "Item file (ExportOrderDetailList)"),
    "refunds": QT_TRANSLATE_NOOP("Import", "Refunds / after-sales"),
}
ROW_PROBLEMS = {
    "bad_money": QT_TRANSLATE_NOOP("Import", "Not an amount of money"),
    "bad_date": QT_TRANSLATE_NOOP("Import", "Not a date and time"),
    "bad_id": QT_TRANSLATE_NOOP("Import", "Not a valid order number"),
    "id_scientific": QT_TRANSLATE_NOOP(
        "Import",
        "The number was turned into scientific notation by Excel and its digits are lost. Download the "
        "original file from the platform again and import it without opening and saving it in Excel.",
    ),
    "missing_value": QT_TRANSLATE_NOOP("Import", "A required value is empty"),
    "bad_qty": QT_TRANSLATE_NOOP("Import", "Not a whole quantity"),
    "duplicate_order": QT_TRANSLATE_NOOP("Import", "The same order appears twice with different values"),
    "duplicate_line": QT_TRANSLATE_NOOP(
        "Import", "The same order line (sub-order number) appears twice with different values"
    ),
    "order_incomplete": QT_TRANSLATE_NOOP("Import", "Another row of this order has a problem"),
    "amounts_disagree": QT_TRANSLATE_NOOP(
        "Import", "The amounts in this row contradict each other (the message names them); the order is left out"
    ),
    "unknown_status": QT_TRANSLATE_NOOP(
        "Import", "Not a known status text (a new wording, or garbled): the status is taken from the other columns"
    ),
    "duplicate_code": QT_TRANSLATE_NOOP("Import", "The same seller code is on another row too"),
    "unknown_code": QT_TRANSLATE_NOOP("Import", "No SKU with this seller code, or no such warehouse"),
    "money_out_of_range": QT_TRANSLATE_NOOP("Import", "The amount is too large to be a real amount"),
    "qty_out_of_range": QT_TRANSLATE_NOOP("Import", "The quantity is too large to be a real quantity"),
    "text_too_long": QT_TRANSLATE_NOOP("Import", "The text is longer than SellerDesk can store for this column"),
    "truncated_row": QT_TRANSLATE_NOOP(
        "Import", "The file ends inside this row: the download was probably cut off. Download the file again."
    ),
}
FILE_ERRORS = {
    "empty_file": QT_TRANSLATE_NOOP("Import", "The file is empty."),
    "corrupt_file": QT_TRANSLATE_NOOP(
        "Import", "The file is damaged or incomplete (perhaps the download was cut off). Download it again."
    ),
    "encrypted_file": QT_TRANSLATE_NOOP(
        "Import", "The file is password-protected. Export it again without a password, or open it and save a copy."
    ),
    "unsupported_file": QT_TRANSLATE_NOOP("Import", "This kind of file cannot be imported. Use .csv, .xlsx or .xls."),
    "bad_encoding": QT_TRANSLATE_NOOP("Import", "The file's text encoding cannot be read."),
    "unreadable_file": QT_TRANSLATE_NOOP("Import", "The file cannot be read."),
    "not_an_export": QT_TRANSLATE_NOOP("Import", "Not an order export SellerDesk knows. Map its columns to import it."),
    "missing_columns": QT_TRANSLATE_NOOP("Import", "The file lacks required columns: {columns}"),
    "bad_mapping": QT_TRANSLATE_NOOP("Import", "The saved column mapping does not fit this file."),
    "fallback_unconfirmed": QT_TRANSLATE_NOOP(
        "Import",
        "The file lacks {columns}. {fallbacks} can be read in its place: tick “Use fallback columns” to import it.",
    ),
    "import_refused": QT_TRANSLATE_NOOP(
        "Import",
        "Nothing was imported: some files have problems. Correct them, or import only the valid rows of those files.",
    ),
    "bad_template": QT_TRANSLATE_NOOP(
        "Import",
        "The template {file} cannot be used. It must be an .xlsx file with columns for the order number, the "
        "carrier and the tracking number.",
    ),
    "file_too_large": QT_TRANSLATE_NOOP("Import", "The file is too large to import. Export a shorter period."),
    "unpacked_too_large": QT_TRANSLATE_NOOP(
        "Import", "The workbook unpacks to far more data than an export holds; it is not imported."
    ),
    "too_many_cells": QT_TRANSLATE_NOOP(
        "Import",
        "A sheet reaches too far (cells far below or right of the data). Delete those cells, or export again.",
    ),
    "too_many_rows": QT_TRANSLATE_NOOP("Import", "The file has too many rows. Export a shorter period."),
    "cell_too_long": QT_TRANSLATE_NOOP("Import", "A cell holds far more text than an export does; it is not imported."),
    "truncated_file": QT_TRANSLATE_NOOP(
        "Import", "The file ends early: the download was probably cut off. Download it again."
    ),
}
# How a file is read, shown next to its preview (FileNote codes).
FILE_NOTES = {
    "fallback_column": QT_TRANSLATE_NOOP("Import", "The file has no {column}: {stand_in} is read as {column}."),
    "fallback_unconfirmed": QT_TRANSLATE_NOOP(
        "Import", "The file has no {column}: {stand_in} can be read as {column} once you accept it."
    ),
}


def file_kind(code: str) -> str:
    source = FILE_KINDS.get(code)
    return QCoreApplication.translate("Import", str(source)) if source else code


def row_problem(code: str, english: str) -> str:
    source = ROW_PROBLEMS.get(code)
    return QCoreApplication.translate("Import", str(source)) if source else english


def file_error(code: str, english: str, columns: str = "", fallbacks: str = "") -> str:
    source = FILE_ERRORS.get(code)
    if not source:
        return english
    text = QCoreApplication.translate("Import", str(source))
    return text.replace("{columns}", columns).replace("{fallbacks}", fallbacks)


def file_note(code: str, english: str, column: str, stand_in: str) -> str:
    source = FILE_NOTES.get(code)
    if not source:
        return english
    return QCoreApplication.translate("Import", str(source)).replace("{column}", column).replace("{stand_in}", stand_in)
