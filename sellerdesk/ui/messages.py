"""Expected errors as the user reads them: each error code mapped to translated text.

The core raises ``SellerDeskError(message, code=..., **params)`` in English and never imports Qt; this table
gives the words in the UI language, with ``{param}`` placeholders filled from the error's params.
Unknown codes fall back to the exception's own (English) message.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sellerdesk.domain.errors import ImportFileError, SellerDeskError
from sellerdesk.ui import import_texts

# Source texts by error code, marked for lupdate and translated when shown.
TEXTS = {
    "validation": QT_TRANSLATE_NOOP("Messages", "Some of the values are not valid."),
    "not_found": QT_TRANSLATE_NOOP("Messages", "The item no longer exists. Someone may have deleted it."),
    "conflict": QT_TRANSLATE_NOOP(
        "Messages", "Someone else changed this item while you were editing it. Reload it and try again."
    ),
    "permission": QT_TRANSLATE_NOOP("Messages", "Your role does not allow this. Ask the shop's owner if you need it."),
    "import_file": QT_TRANSLATE_NOOP("Messages", "This file cannot be imported."),
    "storage": QT_TRANSLATE_NOOP("Messages", "The database cannot be used right now."),
    "foreign_database": QT_TRANSLATE_NOOP(
        "Messages",
        "This file is a database, but not a SellerDesk database. Choose another file, or a new file name "
        "to create an empty SellerDesk database.",
    ),
    "newer_schema": QT_TRANSLATE_NOOP(
        "Messages", "This database was written by a newer version of SellerDesk. Update SellerDesk to open it."
    ),
    "cannot_open": QT_TRANSLATE_NOOP("Messages", "The database could not be opened:\n{detail}"),
    "read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "This database is read-only: changes cannot be saved. To change data, open a copy you may write, "
        "or ask for write permission to the file and its folder.",
    ),
    "database_unavailable": QT_TRANSLATE_NOOP(
        "Messages",
        "The database cannot be read or written right now. Check that the file or the server is "
        "reachable and not in use by another program, then try again.\n\nDetails: {detail}",
    ),
    "database_busy": QT_TRANSLATE_NOOP(
        "Messages",
        "Another PC or program is writing to the database, and it did not finish within {seconds} seconds. "
        "Nothing was changed here. Try again when it has finished.",
    ),
    "backup_failed": QT_TRANSLATE_NOOP("Messages", "The backup could not be written to {path}."),
    "backup_unsupported": QT_TRANSLATE_NOOP("Messages", "This kind of database cannot be backed up from SellerDesk."),
    "pg_dump_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "Backing up a PostgreSQL server needs the pg_dump program. Install the PostgreSQL client tools and try again.",
    ),
    "database_missing": QT_TRANSLATE_NOOP(
        "Messages", "The database file {path} does not exist. Check the path (nothing was created)."
    ),
    "backup_unusable": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} cannot be restored: it is damaged, not a database, or not a SellerDesk backup. Nothing was changed.",
    ),
    "restore_failed": QT_TRANSLATE_NOOP(
        "Messages", "Restoring {path} failed. The data it would have replaced is kept."
    ),
    "restore_unsupported": QT_TRANSLATE_NOOP(
        "Messages",
        "Only a database file on this PC can be restored from a backup file; restore a server with its tools.",
    ),
    "not_empty": QT_TRANSLATE_NOOP(
        "Messages", "The demo shop is only added to an empty database, and this one already holds data."
    ),
    # Orders and shipping
    "order_not_found": QT_TRANSLATE_NOOP("Messages", "This order no longer exists. Someone may have deleted it."),
    "order_changed": QT_TRANSLATE_NOOP(
        "Messages", "Order {order} was changed by someone else meanwhile. Check it again, then try once more."
    ),
    "not_shippable": QT_TRANSLATE_NOOP(
        "Messages", "Order {order} is not waiting to be shipped (it is not in the state “paid, to ship”)."
    ),
    "ship_hours_invalid": QT_TRANSLATE_NOOP(
        "Messages", "A shipping deadline must be between 1 and {max} hours after payment, not {hours}."
    ),
    "nothing_to_ship": QT_TRANSLATE_NOOP("Messages", "There are no orders with tracking numbers to ship."),
    "no_ship_layout": QT_TRANSLATE_NOOP(
        "Messages", "SellerDesk has no batch-ship file for {platform} orders: ship them in the platform's back end."
    ),
    "unknown_carrier": QT_TRANSLATE_NOOP(
        "Messages", "“{carrier}” is not a carrier the platform of order {order} accepts."
    ),
    "bad_tracking": QT_TRANSLATE_NOOP(
        "Messages", "“{tracking}” (order {order}) is not a tracking number: 6 to 40 letters and digits."
    ),
    "ticket_subject_missing": QT_TRANSLATE_NOOP("Messages", "A service ticket needs a subject."),
    # Products and stock
    "title_required": QT_TRANSLATE_NOOP("Messages", "A product needs a title."),
    "seller_code_required": QT_TRANSLATE_NOOP("Messages", "Every SKU needs a seller code."),
    "seller_code_taken": QT_TRANSLATE_NOOP(
        "Messages", "The seller code {value} is already used by another SKU. Each SKU needs a code of its own."
    ),
    "seller_code_unknown": QT_TRANSLATE_NOOP("Messages", "No SKU has the seller code “{value}”."),
    "negative_value": QT_TRANSLATE_NOOP(
        "Messages",
        "{value}: costs, prices, weights and stock figures cannot be negative, and the minimum order quantity "
        "is at least 1.",
    ),
    "sku_not_found": QT_TRANSLATE_NOOP("Messages", "This SKU no longer exists. Someone may have deleted it."),
    "order_item_not_found": QT_TRANSLATE_NOOP(
        "Messages", "This order line no longer exists. Someone may have changed the order meanwhile."
    ),
    "platform_required": QT_TRANSLATE_NOOP("Messages", "Choose a platform."),
    "warehouse_not_found": QT_TRANSLATE_NOOP("Messages", "There is no warehouse “{value}”."),
    "warehouse_code": QT_TRANSLATE_NOOP("Messages", "The warehouse code “{value}” is empty or already taken."),
    "qty_positive": QT_TRANSLATE_NOOP("Messages", "The quantity must be more than zero, not {value}."),
    "qty_nonzero": QT_TRANSLATE_NOOP("Messages", "The correction is zero. Enter how many to add or take away."),
    "same_warehouse": QT_TRANSLATE_NOOP("Messages", "Stock cannot be moved to the warehouse it is already in."),
    "reason_required": QT_TRANSLATE_NOOP("Messages", "Please give a reason."),
    "negative_stock": QT_TRANSLATE_NOOP(
        "Messages",
        "Not enough stock of {seller_code}: it would be {available} after this, and this SKU may not go below zero.",
    ),
    # Reports and the demo shop
    "report_lang": QT_TRANSLATE_NOOP("Messages", "The report cannot be written in the language “{lang}”."),
    "invalid_orders": QT_TRANSLATE_NOOP("Messages", "The number of orders cannot be negative ({orders})."),
    # Shops
    "shop_name_required": QT_TRANSLATE_NOOP("Messages", "A shop needs a name."),
    "shop_name_taken": QT_TRANSLATE_NOOP("Messages", "There is already a shop named {name} on this platform."),
    "shop_not_found": QT_TRANSLATE_NOOP("Messages", "This shop no longer exists. Reload the list."),
    "fee_rate_range": QT_TRANSLATE_NOOP("Messages", "A fee rate of {percent} % is not possible (0–100 %)."),
    "ship_hours_range": QT_TRANSLATE_NOOP("Messages", "A shipping deadline of {hours} hours is not possible."),
    "unknown_timezone": QT_TRANSLATE_NOOP("Messages", "“{zone}” is not a time zone. Choose one from the list."),
    # Team tasks
    "task_not_found": QT_TRANSLATE_NOOP("Messages", "This task no longer exists. Someone may have deleted it."),
    "task_title_required": QT_TRANSLATE_NOOP("Messages", "A task needs a title."),
    "task_title_long": QT_TRANSLATE_NOOP("Messages", "A task title can have at most {max} characters."),
    "task_time_without_date": QT_TRANSLATE_NOOP("Messages", "A due time needs a due date."),
    "staff_not_found": QT_TRANSLATE_NOOP(
        "Messages", "This person is no longer on the staff list. Choose someone else."
    ),
    "task_link_missing": QT_TRANSLATE_NOOP(
        "Messages", "A linked item no longer exists. Remove the link and try again."
    ),
    "task_column_missing": QT_TRANSLATE_NOOP("Messages", "This board column no longer exists. Reload the board."),
    "task_columns": QT_TRANSLATE_NOOP(
        "Messages", "Each status (to do, doing, done) needs at least one column, and column names must differ."
    ),
    "task_comment_empty": QT_TRANSLATE_NOOP("Messages", "Write something before adding the comment."),
    "task_repeat_interval": QT_TRANSLATE_NOOP("Messages", "A task can repeat every 1 to 366 days, weeks or months."),
    "task_repeat_weekdays": QT_TRANSLATE_NOOP("Messages", "Tick at least one weekday for a weekly repeat."),
    "task_repeat_month_day": QT_TRANSLATE_NOOP("Messages", "Choose a day of the month from 1 to 31, or the last day."),
    "task_repeat_ends": QT_TRANSLATE_NOOP("Messages", "The repeat cannot end before it starts."),
    "promotion_ends_first": QT_TRANSLATE_NOOP("Messages", "A promotion must end after it starts."),
    "promotion_no_skus": QT_TRANSLATE_NOOP("Messages", "Choose the SKUs the promotion is for."),
    # Service tickets
    "ticket_not_found": QT_TRANSLATE_NOOP("Messages", "This ticket no longer exists. Reload the queue."),
    "ticket_changed": QT_TRANSLATE_NOOP(
        "Messages", "Someone else changed this ticket meanwhile. It was reloaded: check it and save again."
    ),
    "ticket_claimed": QT_TRANSLATE_NOOP("Messages", "Someone else took this ticket a moment ago."),
    "ticket_transition": QT_TRANSLATE_NOOP("Messages", "A ticket cannot go from “{old}” to “{new}”."),
    "ticket_category": QT_TRANSLATE_NOOP("Messages", "“{value}” is not a ticket category."),
    "ticket_priority": QT_TRANSLATE_NOOP("Messages", "“{value}” is not a priority."),
    "ticket_rating": QT_TRANSLATE_NOOP("Messages", "A rating is 1 to 5 stars, not {value}."),
    "review_outcome": QT_TRANSLATE_NOOP("Messages", "“{value}” is not a review outcome."),
    "ticket_reply_empty": QT_TRANSLATE_NOOP("Messages", "Type the reply you sent before recording it."),
    "ticket_note_empty": QT_TRANSLATE_NOOP("Messages", "Type a note first."),
    "ticket_merged": QT_TRANSLATE_NOOP("Messages", "Ticket #{id} was merged into another ticket; merge into that one."),
    "aftersale_type": QT_TRANSLATE_NOOP("Messages", "“{value}” is not an after-sale type."),
    "refund_negative": QT_TRANSLATE_NOOP("Messages", "A refund cannot be negative."),
    "refund_not_refunding": QT_TRANSLATE_NOOP(
        "Messages", "This after-sale type refunds nothing: set the refund to zero or choose a refund type."
    ),
    "refund_above_paid": QT_TRANSLATE_NOOP(
        "Messages", "A refund of {refund} is more than the buyer paid for the order ({paid})."
    ),
    "refund_order_shipped": QT_TRANSLATE_NOOP(
        "Messages", "The order has been shipped, so this is not a refund before shipping."
    ),
    "aftersale_no_return": QT_TRANSLATE_NOOP(
        "Messages", "Only a return and refund, an exchange or a refused delivery brings goods back."
    ),
    "return_already_received": QT_TRANSLATE_NOOP("Messages", "This return has already been received."),
    "return_already_synced": QT_TRANSLATE_NOOP(
        "Messages", "The order's import already put this line back into the returns warehouse."
    ),
    "ticket_item_not_found": QT_TRANSLATE_NOOP("Messages", "That line is not on this ticket's order."),
    "return_item_unlinked": QT_TRANSLATE_NOOP(
        "Messages", "That order line is linked to no SKU yet: link it in the order first."
    ),
    "return_qty": QT_TRANSLATE_NOOP("Messages", "{qty} units cannot come back: the line holds {max}."),
    "aftersale_no_resend": QT_TRANSLATE_NOOP("Messages", "Only a resend or an exchange ships goods again."),
    "resend_qty": QT_TRANSLATE_NOOP("Messages", "{qty} units cannot be sent for this line: it holds {max}."),
    "resend_tracking_missing": QT_TRANSLATE_NOOP("Messages", "Enter the tracking number of the new shipment."),
    "canned_empty": QT_TRANSLATE_NOOP("Messages", "A canned reply needs a title and a text."),
    "canned_not_found": QT_TRANSLATE_NOOP("Messages", "This canned reply no longer exists."),
    "sla_targets": QT_TRANSLATE_NOOP(
        "Messages", "SLA targets must be more than zero, and the first response due before the resolution."
    ),
    "service_hours": QT_TRANSLATE_NOOP("Messages", "The service desk must close after it opens."),
    "override_year": QT_TRANSLATE_NOOP("Messages", "Every date must be in {year}."),
    "refund_amount_text": QT_TRANSLATE_NOOP("Messages", "Type the refund as an amount in yuan, e.g. 12.50."),
    # Imports
    "batch_not_found": QT_TRANSLATE_NOOP("Messages", "This import is no longer in the import history."),
    "batch_undone": QT_TRANSLATE_NOOP("Messages", "This import has already been undone."),
    "batch_touched_later": QT_TRANSLATE_NOOP(
        "Messages",
        "This import cannot be undone: later imports ({later}) changed the same orders. Undo those first.",
    ),
    "batch_seen_later": QT_TRANSLATE_NOOP(
        "Messages",
        "This import cannot be undone: later imports ({later}) include orders it created or changed. Undo those first.",
    ),
    "mapping_incomplete": QT_TRANSLATE_NOOP(
        "Messages", "The column mapping is not complete yet. Still to be mapped: {fields}."
    ),
    "mapping_bad_json": QT_TRANSLATE_NOOP(
        "Messages", "{file} is not a column mapping file SellerDesk can read: {detail}."
    ),
    "mapping_unknown_field": QT_TRANSLATE_NOOP(
        "Messages", "The column mapping names fields SellerDesk does not know: {fields}."
    ),
    "mapping_bad_column": QT_TRANSLATE_NOOP(
        "Messages", "The column mapping names columns this file does not have: {columns}."
    ),
    "mapping_paid_twice": QT_TRANSLATE_NOOP(
        "Messages",
        "Map the order's paid amount once: either as the paid amount or as the amount net of refunds, not both.",
    ),
    "fallback_unconfirmed": QT_TRANSLATE_NOOP(
        "Messages", "{file} lacks {columns}. {fallbacks} can be read in its place once you accept it."
    ),
    # Staff and sign-in
    "sign_in_failed": QT_TRANSLATE_NOOP("Messages", "The login or the password is wrong."),
    "login_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{login}” cannot be a login: use 2 to 64 letters, digits and . _ - @ (no spaces)."
    ),
    "login_taken": QT_TRANSLATE_NOOP("Messages", "The login “{login}” is already used by another account."),
    "first_account_owner": QT_TRANSLATE_NOOP(
        "Messages", "The first account must be the owner's: add the owner first, then the staff."
    ),
    "last_owner": QT_TRANSLATE_NOOP(
        "Messages", "{login} is the last active owner. Make someone else owner first; a shop always keeps one."
    ),
    "password_too_short": QT_TRANSLATE_NOOP("Messages", "A password needs at least {min} characters."),
    "password_mismatch": QT_TRANSLATE_NOOP("Messages", "The two passwords differ."),
    "role_invalid": QT_TRANSLATE_NOOP("Messages", "“{role}” is not a role SellerDesk knows."),
    "login_not_found": QT_TRANSLATE_NOOP("Messages", "There is no account with the login “{login}”."),
    "idle_minutes_invalid": QT_TRANSLATE_NOOP("Messages", "The idle time must be between 0 and {max} minutes."),
    # Writing a file (domain/file_writes.py decides the reason)
    "file_in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} could not be written: another program (Excel, WPS or LibreOffice) has it open. Close it there "
        "and try again, or choose another name.",
    ),
    "write_denied": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} could not be written: you have no permission to write in {folder}. Choose another folder, "
        "such as Documents.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "Messages", "{path} could not be written: the disk is full. Free some space or choose another drive."
    ),
    "read_only_location": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} could not be written: the drive or share is read-only. Choose a folder on a drive you may write to.",
    ),
    "folder_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} could not be written: the folder {folder} cannot be found or made. Check that the drive or "
        "network share is there, or choose another folder.",
    ),
    "not_a_folder": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} could not be written: a file stands where a folder of that path should be. Choose another folder.",
    ),
    "path_is_folder": QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a file. Choose a file name inside it."),
    "bad_file_name": QT_TRANSLATE_NOOP(
        "Messages", "{path} could not be written: the name is too long or holds characters the system does not allow."
    ),
    "write_failed": QT_TRANSLATE_NOOP("Messages", "{path} could not be written:\n{detail}"),
    # Performance reviews (services/reviews)
    "review_not_found": QT_TRANSLATE_NOOP("Messages", "This review no longer exists, or it is not yours to see."),
    "review_month_invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{month}” is not a month: write it as YYYY-MM, e.g. 2026-08."
    ),
    "review_line_unknown": QT_TRANSLATE_NOOP("Messages", "This KPI line is no longer on the review. Reload it."),
    "review_score_invalid": QT_TRANSLATE_NOOP("Messages", "The score of {line} must be between 0 and {max}."),
    "review_actual_from_data": QT_TRANSLATE_NOOP(
        "Messages", "The actual of {line} comes from the shop's data and cannot be typed over."
    ),
    "review_plan_text_required": QT_TRANSLATE_NOOP("Messages", "An improvement plan item needs a text."),
    "review_not_editable": QT_TRANSLATE_NOOP(
        "Messages", "This review cannot be changed at its current step. Reload it."
    ),
    "review_step_not_allowed": QT_TRANSLATE_NOOP(
        "Messages", "This step is not possible at the review's current stage. Reload it."
    ),
    "review_unscored": QT_TRANSLATE_NOOP(
        "Messages", "These lines have no score yet: {lines}. Enter their scores or actuals first."
    ),
    "grade_thresholds_invalid": QT_TRANSLATE_NOOP(
        "Messages", "Grade thresholds must fall from S to C (S above A above B above C, none below 0)."
    ),
    "kpi_role_invalid": QT_TRANSLATE_NOOP("Messages", "Role “{role}” has no KPI template."),
    "kpi_name_required": QT_TRANSLATE_NOOP("Messages", "Every KPI line needs a name (at most {max} characters)."),
    "kpi_metric_unknown": QT_TRANSLATE_NOOP("Messages", "“{metric}” is not a metric SellerDesk knows."),
    "kpi_metric_role": QT_TRANSLATE_NOOP("Messages", "The metric “{metric}” does not apply to this role."),
    "kpi_weight_invalid": QT_TRANSLATE_NOOP("Messages", "The weight of {line} must be between 0 % and 100 %."),
    "kpi_cap_invalid": QT_TRANSLATE_NOOP(
        "Messages", "A line's highest score must be above 0 and at most {max} points."
    ),
    "kpi_bands_required": QT_TRANSLATE_NOOP("Messages", "{line} is scored by bands: add at least one band."),
    "kpi_weights_total": QT_TRANSLATE_NOOP("Messages", "The weights add up to {total} %; they must total 100 %."),
}


def source_text(code: str) -> tuple[str, str] | None:
    """The translation context and English source text for an error code, if it has one.

    Whole-file import errors keep their words with the other import texts (import_texts.FILE_ERRORS).
    """
    if code in TEXTS:
        return "Messages", str(TEXTS[code])
    if code in import_texts.FILE_ERRORS:
        return "Import", str(import_texts.FILE_ERRORS[code])
    return None


def describe(exc: SellerDeskError) -> str:
    """The translated sentence for ``exc``; its English message when the code has no entry."""
    entry = source_text(exc.code)
    if entry is None:
        return exc.message
    text = QCoreApplication.translate(*entry).format_map(_Params(exc.params))
    file = exc.params.get("file")
    if isinstance(exc, ImportFileError) and file and "{file}" not in entry[1]:
        return f"{file}: {text}"  # a dialog about one of several files says which
    return text


class _Params(dict[str, object]):
    """Leaves an unknown ``{placeholder}`` as it is instead of raising KeyError."""

    def __init__(self, params: Mapping[str, object]) -> None:
        # Lists (batch numbers, field names) read as "3, 4", not "[3, 4]".
        super().__init__({k: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v for k, v in params.items()})

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
