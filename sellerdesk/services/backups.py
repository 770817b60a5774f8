"""What Home says about backups: when the last good automatic backup was made, and whether that is too long ago.

Only an SQLite database file has automatic backups (db/backup.py); a server is backed up by whoever runs it,
so for PostgreSQL there is nothing to say. Checking a backup opens it and runs SQLite's integrity check,
which takes seconds on a big file: a result is kept per file (path, size, modification time), so Home's
reloads check each new backup once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from sellerdesk.db.backup import BackupCheck, automatic_backups, verify_backup
from sellerdesk.db.engine import sqlite_path

STALE_AFTER = timedelta(days=2)  # Home warns when the newest good backup is older than this

_checked: dict[tuple[Path, int, int], BackupCheck] = {}


@dataclass(frozen=True)
class BackupStatus:
    applies: bool  # False: not an SQLite file (a server database), Home says nothing
    last_good: datetime | None = None  # local wall-clock time, as the backups' names hold it
    path: Path | None = None
    stale: bool = False  # none at all, or the newest good one is older than STALE_AFTER
    age_days: int = 0  # whole days since the last good backup


def database_file(session: Session) -> Path | None:
    """The SQLite file behind ``session`` (None for a server or an in-memory database)."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    assert isinstance(engine, Engine)
    return sqlite_path(engine.url.render_as_string(hide_password=False))


def checked_backup(path: Path) -> BackupCheck:
    """``verify_backup``, once per version of the file."""
    try:
        stat = path.stat()
    except OSError:
        return verify_backup(path)
    key = (path, stat.st_size, stat.st_mtime_ns)
    if key not in _checked:
        _checked[key] = verify_backup(path)
    return _checked[key]


def backup_status(session: Session, now: datetime) -> BackupStatus:
    """The newest automatic backup that passes its check; ``now`` is local wall-clock time."""
    db_file = database_file(session)
    if db_file is None:
        return BackupStatus(applies=False)
    for stamp, path in automatic_backups(db_file):
        if checked_backup(path).ok:
            return BackupStatus(True, stamp, path, stale=now - stamp > STALE_AFTER, age_days=(now - stamp).days)
    return BackupStatus(True, stale=True)


@dataclass(frozen=True)
class BackupChoice:
    made_at: datetime
    path: Path
    check: BackupCheck


def backup_choices(session: Session) -> tuple[BackupChoice, ...]:
    """The automatic backups of the open database, newest first, each with what its check found."""
    db_file = database_file(session)
    if db_file is None:
        return ()
    return tuple(BackupChoice(stamp, path, checked_backup(path)) for stamp, path in automatic_backups(db_file))
