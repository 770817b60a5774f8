"""Backups: a consistent copy of an SQLite file (online backup API) or a pg_dump of PostgreSQL; automatic
SQLite backups (daily, before imports and restores) kept grandfather-father-son style, each verified by
opening it; restore of a verified backup after saving the current data."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine

from sellerdesk.db.files import create_private_file
from sellerdesk.domain.errors import StorageError
from sellerdesk.domain.file_writes import prepare_folder, write_failure
from sellerdesk.domain.permissions import OWNER, Action, Actor, require
from sellerdesk.domain.scratch import PART_SUFFIX

_SQLITE_FULL = 13  # SQLITE_FULL: the copy's disk is full (sqlite.org/rescode.html)


def backup_path_beside(engine: Engine, folder: Path | None, tag: str) -> Path:
    """``sellerdesk.sqlite`` → ``sellerdesk.<tag>.<timestamp>.sqlite`` next to it (or in ``folder``)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    db_file = engine.url.database if engine.dialect.name == "sqlite" else None
    if db_file and db_file != ":memory:":
        source = Path(db_file)
        return (folder or source.parent) / f"{source.stem}.{tag}.{stamp}{source.suffix}"
    return (folder or Path.cwd()) / f"sellerdesk-{engine.url.database}.{tag}.{stamp}.sql"


def backup_database(engine: Engine, target: Path, *, actor: Actor = OWNER) -> Path:
    """Write a consistent copy of the database to ``target``; raises StorageError on failure.

    ``actor``: the desktop app passes who is signed in (a backup holds everything); the command line is the owner.
    """
    require(actor, Action.MANAGE_BACKUPS)
    prepare_folder(target, private=True)  # a folder made for backups is the user's alone
    if engine.dialect.name == "sqlite":
        return _backup_sqlite(engine, target)
    if engine.dialect.name == "postgresql":
        return _backup_postgres(engine, target)
    raise StorageError(f"Backups of {engine.dialect.name} are not supported.", code="backup_unsupported")


def _backup_sqlite(engine: Engine, target: Path) -> Path:
    source = engine.url.database
    if not source or source == ":memory:":
        raise StorageError("An in-memory database cannot be backed up.", code="backup_unsupported")
    tmp = target.with_name(target.name + PART_SUFFIX)
    try:
        tmp.unlink(missing_ok=True)  # a copy cut short by a kill
        create_private_file(tmp)
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(tmp)) as dst:
            src.backup(dst)  # consistent even while the app writes (WAL)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_failure(exc, target) from exc
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == _SQLITE_FULL:
            raise write_failure(OSError(errno.ENOSPC, str(exc)), target) from exc
        raise StorageError(f"Backup to {target} failed: {exc}", code="backup_failed", path=str(target)) from exc
    return target


def _backup_postgres(engine: Engine, target: Path) -> Path:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise StorageError(
            "pg_dump was not found; install the PostgreSQL client tools to back up a server database.",
            code="pg_dump_missing",
        )
    url = engine.url
    cmd = [pg_dump, "--format=custom", "--file", str(target), "--dbname", url.database or ""]
    if url.host:
        cmd += ["--host", url.host]
    if url.port:
        cmd += ["--port", str(url.port)]
    if url.username:
        cmd += ["--username", url.username]
    env = {"PGPASSWORD": url.password} if url.password else {}
    result = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **env}, check=False)
    if result.returncode != 0:
        raise StorageError(f"pg_dump failed: {result.stderr.strip()}", code="backup_failed", path=str(target))
    return target


# --- automatic backups, verification, rotation and restore (SQLite) -----------------------------------

BACKUP_FOLDER = "backups"  # beside the database file
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
_STAMP_FORMAT = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupCheck:
    """What opening a backup found: ``ok`` with the schema revision it holds, else the problem."""

    path: Path
    ok: bool
    revision: str | None = None
    problem: str = ""  # missing, not_a_database, corrupt, foreign


def backup_folder(db_file: Path) -> Path:
    return db_file.parent / BACKUP_FOLDER


def verify_backup(path: Path) -> BackupCheck:
    """Open a backup read-only: its integrity check must pass and it must hold a SellerDesk schema."""
    if not path.is_file():
        return BackupCheck(path, False, problem="missing")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                return BackupCheck(path, False, problem="corrupt")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in tables or "orders" not in tables:
                return BackupCheck(path, False, problem="foreign")
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return BackupCheck(path, False, problem="not_a_database")
    return BackupCheck(path, True, revision=found[0] if found else None)


def auto_backup_path(db_file: Path, reason: str, now: datetime) -> Path:
    """``backups/sellerdesk.<reason>.<stamp>.sqlite`` beside the database."""
    return backup_folder(db_file) / f"{db_file.stem}.{reason}.{now.strftime(_STAMP_FORMAT)}{db_file.suffix}"


def automatic_backups(db_file: Path) -> list[tuple[datetime, Path]]:
    """The automatic backups of a database, newest first (their time is in their name)."""
    found = []
    for path in backup_folder(db_file).glob(f"{db_file.stem}.*{db_file.suffix}"):
        stamp = path.name[: -len(db_file.suffix)].rsplit(".", 1)[-1] if db_file.suffix else path.name
        try:
            found.append((datetime.strptime(stamp, _STAMP_FORMAT), path))
        except ValueError:
            continue  # not one of ours
    return sorted(found, reverse=True)


def backups_to_keep(stamps: Sequence[datetime], now: datetime) -> set[datetime]:
    """Grandfather-father-son: the newest backup of each of the last 7 days, 4 ISO weeks and 12 months
    (counted back from ``now``), and always the newest of all."""
    keep: set[datetime] = set()
    newest = sorted(stamps, reverse=True)
    if newest:
        keep.add(newest[0])
    today = now.date()
    periods = (
        (KEEP_DAILY, lambda t: t.date(), lambda d: (today - d).days),
        (KEEP_WEEKLY, lambda t: t.date().isocalendar()[:2], lambda w: _weeks_between(today, w)),
        (KEEP_MONTHLY, lambda t: (t.year, t.month), lambda m: (today.year - m[0]) * 12 + today.month - m[1]),
    )
    for count, period, age in periods:
        seen: set[object] = set()
        for stamp in newest:
            key = period(stamp)
            if key not in seen and 0 <= age(key) < count:
                seen.add(key)
                keep.add(stamp)
    return keep


def _weeks_between(today: date, week: tuple[int, int]) -> int:
    monday = date.fromisocalendar(week[0], week[1], 1)
    this_monday = today - timedelta(days=today.weekday())
    return (this_monday - monday).days // 7


def rotate_backups(db_file: Path, now: datetime) -> list[Path]:
    """Delete the automatic backups ``backups_to_keep`` does not keep; returns the deleted paths."""
    found = automatic_backups(db_file)
    keep = backups_to_keep([stamp for stamp, _ in found], now)
    deleted = [path for stamp, path in found if stamp not in keep]
    for path in deleted:
        path.unlink(missing_ok=True)
    return deleted


def automatic_backup(
    bind: Engine | Connection, reason: str, now: datetime | None = None, *, actor: Actor = OWNER
) -> Path | None:
    """A verified backup into ``backups/`` before an import or a restore, or as the day's backup
    (``reason`` "daily": only when none was made today); then the old ones are rotated out.
    Returns the backup, or None when none was due (or the database is not an SQLite file)."""
    engine = bind.engine if isinstance(bind, Connection) else bind
    db_file = _sqlite_file(engine)
    if db_file is None or not db_file.exists():
        return None
    now = now or datetime.now()
    if reason == "daily" and any(stamp.date() == now.date() for stamp, _ in automatic_backups(db_file)):
        return None
    path = backup_database(engine, auto_backup_path(db_file, reason, now), actor=actor)
    check = verify_backup(path)
    if not check.ok:
        path.unlink(missing_ok=True)
        raise StorageError(
            f"The backup {path} failed its check ({check.problem}).", code="backup_failed", path=str(path)
        )
    rotate_backups(db_file, now)
    return path


def last_good_backup(db_file: Path) -> tuple[datetime, Path] | None:
    """The newest automatic backup that passes its check (Home shows it)."""
    for stamp, path in automatic_backups(db_file):
        if verify_backup(path).ok:
            return stamp, path
    return None


def restore_database(engine: Engine, backup: Path, known_revisions: set[str]) -> Path | None:
    """Replace the database's content with ``backup``, after checking it and saving the current data.

    Refuses (StorageError) a missing, corrupt, foreign or newer-SellerDesk backup; nothing changes then.
    Returns the safety copy of the data that was replaced (None when there was no database yet). The
    caller closes its other connections first and brings the schema to head afterwards (an older backup
    is upgraded like any old database).
    """
    db_file = _sqlite_file(engine)
    if db_file is None:
        raise StorageError("Only an SQLite database can be restored from a backup file.", code="restore_unsupported")
    check = verify_backup(backup)
    if not check.ok:
        raise StorageError(
            f"{backup} cannot be restored: {check.problem}.",
            code="backup_unusable",
            path=str(backup),
            problem=check.problem,
        )
    if check.revision not in known_revisions:
        raise StorageError(f"{backup} was written by a newer SellerDesk.", code="newer_schema", revision=check.revision)
    safety = (
        backup_database(engine, auto_backup_path(db_file, "before-restore", datetime.now()))
        if db_file.exists()
        else None
    )
    engine.dispose()
    try:
        with closing(sqlite3.connect(backup)) as src, closing(sqlite3.connect(db_file)) as dst:
            src.backup(dst)  # page by page, in one transaction on the target: all or nothing
    except sqlite3.Error as exc:
        raise StorageError(f"Restoring {backup} failed: {exc}", code="restore_failed", path=str(backup)) from exc
    return safety


def _sqlite_file(engine: Engine) -> Path | None:
    name = engine.url.database if engine.dialect.name == "sqlite" else None
    return Path(name) if name and name != ":memory:" else None
