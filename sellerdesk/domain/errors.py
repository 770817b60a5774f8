"""Expected errors: each carries a code and parameters; the UI maps codes to translated text.

Anything that is not a ``SellerDeskError`` is a bug and goes to the crash path.
"""

from __future__ import annotations

from typing import Any


class SellerDeskError(Exception):
    """Base of every expected error."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.params = params

    def __str__(self) -> str:
        return self.message


class ValidationError(SellerDeskError):
    code = "validation"


class NotFoundError(SellerDeskError):
    code = "not_found"


class ConflictError(SellerDeskError):
    """Someone else changed the row since it was read (version mismatch)."""

    code = "conflict"


class ImportFileError(SellerDeskError):
    """A file that cannot be imported at all (empty, truncated, not an export, ...)."""

    code = "import_file"


class StorageError(SellerDeskError):
    """The database cannot be used: locked, read-only, disk full, unreachable, newer schema."""

    code = "storage"


class PermissionDenied(SellerDeskError):
    code = "permission"


class Cancelled(SellerDeskError):
    """The user cancelled a long job; shown as nothing."""

    code = "cancelled"


class FileWriteError(SellerDeskError):
    """A file the user chose (or a default path) could not be written; its code says why, one of
    ``domain.file_writes.WRITE_CODES`` (``write_failure`` decides it from the OS error and gives the path)."""
