"""Importing export files, in one pass per file: plan → parse → write → index → follow-ups.

- ``plan``: read a file, recognise its layout, shop and problems (what the import dialog's preview shows);
- ``parse``: the rows become records while the importing thread writes the ones parsed so far;
- ``write`` (orders) and ``refunds``: bulk inserts of new orders, merges into known ones;
- ``index``: the search documents, and the indexes a shop's first large import builds once at the end;
- ``follow``: the daily roll-up, the stock ledger, and the batch that records what a file changed;
- ``run``: all files of a run in one savepoint, kept whole or not at all;
- ``undo``: putting a batch back, and the history of batches.

Every batch records what it created and what it changed (with the previous values), so it can be undone.
The same file twice changes nothing; an older export never moves an order backwards.
"""

from sellerdesk.platforms import MAPPABLE_ERRORS, MappingLookup
from sellerdesk.services.imports.common import (
    BUYERS,
    CHUNK,
    IMPORT_CHANGES,
    IMPORT_LOCK_KEY,
    IMPORTED,
    INCOMPLETE_EXAMPLES,
    ORDER_CHUNK,
    ORDER_ITEMS,
    ORDERS,
    SEARCH_CHUNK,
    FileResult,
    ImportOptions,
    ImportRefused,
    ImportResults,
    IsCancelled,
    Progress,
    file_sha256,
    lock_imports,
)
from sellerdesk.services.imports.plan import FilePlan, FilePreview, preview_paths, preview_progress
from sellerdesk.services.imports.run import import_paths
from sellerdesk.services.imports.undo import BatchRow, list_batches, undo_batch
from sellerdesk.services.imports.write import is_identifying_nick

__all__ = [
    "BUYERS",
    "CHUNK",
    "IMPORTED",
    "IMPORT_CHANGES",
    "IMPORT_LOCK_KEY",
    "INCOMPLETE_EXAMPLES",
    "MAPPABLE_ERRORS",
    "ORDERS",
    "ORDER_CHUNK",
    "ORDER_ITEMS",
    "SEARCH_CHUNK",
    "BatchRow",
    "FilePlan",
    "FilePreview",
    "FileResult",
    "ImportOptions",
    "ImportRefused",
    "ImportResults",
    "IsCancelled",
    "MappingLookup",
    "Progress",
    "file_sha256",
    "import_paths",
    "is_identifying_nick",
    "list_batches",
    "lock_imports",
    "preview_paths",
    "preview_progress",
    "undo_batch",
]
