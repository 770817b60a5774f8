"""Backups: a consistent copy of an SQLite file (online backup API) or a pg_dump of PostgreSQL."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from sellerdesk.domain.errors import StorageError
from sellerdesk.domain.permissions import OWNER, Action, Actor, require


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
    target.parent.mkdir(parents=True, exist_ok=True)
    if engine.dialect.name == "sqlite":
        return _backup_sqlite(engine, target)
    if engine.dialect.name == "postgresql":
        return _backup_postgres(engine, target)
    raise StorageError(f"Backups of {engine.dialect.name} are not supported.", code="backup_unsupported")


def _backup_sqlite(engine: Engine, target: Path) -> Path:
    source = engine.url.database
    if not source or source == ":memory:":
        raise StorageError("An in-memory database cannot be backed up.", code="backup_unsupported")
    tmp = target.with_name(target.name + ".part")
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(tmp)) as dst:
            src.backup(dst)  # consistent even while the app writes (WAL)
        tmp.replace(target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
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
