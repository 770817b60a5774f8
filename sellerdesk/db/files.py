"""Files that hold the shop's data (the database, its backups, logs) are the user's alone: folders
SellerDesk creates are 0700 and its files 0600 where the OS has modes (buyers' personal data)."""

from __future__ import annotations

import os
from pathlib import Path


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) if missing; a folder made here is readable by the user only. A folder
    the user already has (a Documents folder chosen for the database) keeps its mode."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by the user only, unless it exists (SQLite takes an empty file as a
    new database, and its -wal and -shm files take the database file's mode)."""
    if path.exists():
        return
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)
