"""Names of SellerDesk's scratch files, in one place: the writers name their temporary folders and partial
files so, and the sweep at the next start (``db/leftovers.py``) recognises a killed process's leftovers by
them, and never touches another program's files."""

from __future__ import annotations

TEMP_PREFIX = "sellerdesk-"  # every temporary folder SellerDesk makes starts so
PART_SUFFIX = ".part"  # a file being written, renamed to its real name once complete


def temp_prefix(purpose: str) -> str:
    """``tempfile``'s prefix for one kind of work, e.g. ``sellerdesk-report-``."""
    return f"{TEMP_PREFIX}{purpose}-"
