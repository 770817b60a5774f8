"""What a killed SellerDesk leaves behind, removed at the next start: partial backups (``*.part`` in the
backups folder) and its own temporary folders (``sellerdesk-*`` in the system's temp folder).

A file or folder counts only when it is old enough that no running SellerDesk (another window, another
command) can still be writing it, and, where the OS has owners, when it is the current user's. Nothing is
removed by any other rule: other programs' files and the user's own stay.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sellerdesk.db.backup import backup_folder
from sellerdesk.domain.scratch import PART_SUFFIX, TEMP_PREFIX

# A live backup or report touches its files every few seconds; one untouched this long is a dead process's.
STALE_SECONDS = 15 * 60


def remove_leftovers(db_file: Path | None, *, temp_root: Path | None = None, now: float | None = None) -> list[Path]:
    """Remove stale leftovers of ``db_file``'s backups and SellerDesk's temp folders; returns what went.

    Never raises for a file it cannot remove (in use on Windows, another user's): it is tried next time.
    """
    now = time.time() if now is None else now
    removed = []
    for path in _candidates(db_file, temp_root or Path(tempfile.gettempdir())):
        try:
            if not _ours(path) or now - _last_touched(path) < STALE_SECONDS:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _candidates(db_file: Path | None, temp_root: Path) -> Iterator[Path]:
    if db_file is not None:
        yield from _glob(backup_folder(db_file), f"*{PART_SUFFIX}")
    yield from (p for p in _glob(temp_root, f"{TEMP_PREFIX}*") if p.is_dir())


def _glob(folder: Path, pattern: str) -> list[Path]:
    try:
        return sorted(folder.glob(pattern))
    except OSError:  # a folder that is gone or unreadable: nothing of ours to find there
        return []


def _ours(path: Path) -> bool:
    """The current user's (always true where the OS has no owners)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or path.lstat().st_uid == getuid()


def _last_touched(path: Path) -> float:
    """The newest change time of ``path`` and, for a folder, of what it holds (a folder's own time does not
    move while a file in it grows)."""
    times = [path.lstat().st_mtime]
    if path.is_dir() and not path.is_symlink():
        for root, dirs, files in os.walk(path):
            times.extend(os.lstat(os.path.join(root, name)).st_mtime for name in (*dirs, *files))
    return max(times)
