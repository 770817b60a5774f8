"""Expected errors as the user reads them: each error code mapped to translated text.

The core raises ``SellerDeskError(message, code=..., **params)`` in English and never imports Qt; this table
gives the words in the UI language, with ``{param}`` placeholders filled from the error's params.
Unknown codes fall back to the exception's own (English) message.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sellerdesk.domain.errors import SellerDeskError

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
    "database_unavailable": QT_TRANSLATE_NOOP(
        "Messages",
        "The database cannot be read or written right now. Check that the file or the server is "
        "reachable and not in use by another program, then try again.\n\nDetails: {detail}",
    ),
    "backup_failed": QT_TRANSLATE_NOOP("Messages", "The backup could not be written to {path}."),
    "backup_unsupported": QT_TRANSLATE_NOOP("Messages", "This kind of database cannot be backed up from SellerDesk."),
    "pg_dump_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "Backing up a PostgreSQL server needs the pg_dump program. Install the PostgreSQL client tools and try again.",
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
    "unknown_carrier": QT_TRANSLATE_NOOP(
        "Messages", "“{carrier}” is not a carrier the platform of order {order} accepts."
    ),
    "bad_tracking": QT_TRANSLATE_NOOP(
        "Messages", "“{tracking}” (order {order}) is not a tracking number: 6 to 40 letters and digits."
    ),
    "ticket_subject_missing": QT_TRANSLATE_NOOP("Messages", "A service ticket needs a subject."),
    # Imports
    "batch_touched_later": QT_TRANSLATE_NOOP(
        "Messages",
        "This import cannot be undone: later imports ({later}) changed the same orders. Undo those first.",
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
    "staff_not_found": QT_TRANSLATE_NOOP("Messages", "There is no account with the login “{login}”."),
    "idle_minutes_invalid": QT_TRANSLATE_NOOP("Messages", "The idle time must be between 0 and {max} minutes."),
}


def describe(exc: SellerDeskError) -> str:
    """The translated sentence for ``exc``; its English message when the code has no entry."""
    source = TEXTS.get(exc.code)
    if source is None:
        return exc.message
    return QCoreApplication.translate("Messages", str(source)).format_map(_Params(exc.params))


class _Params(dict[str, object]):
    """Leaves an unknown ``{placeholder}`` as it is instead of raising KeyError."""

    def __init__(self, params: Mapping[str, object]) -> None:
        # Lists (batch numbers, field names) read as "3, 4", not "[3, 4]".
        super().__init__({k: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v for k, v in params.items()})

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
