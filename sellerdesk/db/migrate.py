"""Schema state: create a new database at head, upgrade an old one after a backup, check it.

A new database is built by running every migration (one code path for new and existing users).
An existing one behind head is backed up beside itself before it is upgraded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from sellerdesk.db.backup import backup_database, backup_path_beside
from sellerdesk.db.engine import is_read_only_engine, read_only_error
from sellerdesk.domain.errors import StorageError
from sellerdesk.models import Base


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("sellerdesk.db") / "migrations"))
    cfg.set_main_option("path_separator", "os")
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this SellerDesk knows (a database at another one is from a newer version)."""
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


@dataclass(frozen=True)
class SchemaResult:
    created: bool = False
    upgraded_from: str | None = None
    backup: Path | None = None


def ensure_schema(engine: Engine, *, backup_dir: Path | None = None) -> SchemaResult:
    """Bring the database to head. Refuses a database from a newer SellerDesk or a foreign one."""
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return SchemaResult()
    if is_read_only_engine(engine):  # creating or upgrading the schema writes
        raise read_only_error(engine)
    if current is None:
        if _has_tables(engine):
            raise StorageError("The database has tables but is not a SellerDesk database.", code="foreign_database")
        upgrade(engine)
        return SchemaResult(created=True)
    if current not in known_revisions():
        raise StorageError(
            "The database was written by a newer SellerDesk; update SellerDesk to open it.",
            code="newer_schema",
            revision=current,
        )
    saved = backup_database(engine, backup_path_beside(engine, backup_dir, f"before-{head}"))
    upgrade(engine)
    return SchemaResult(upgraded_from=current, backup=saved)


@dataclass
class CheckReport:
    """What ``sellerdesk db check`` found; ``ok`` only when there is no problem at all."""

    revision: str | None
    head: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave the search index to the migrations: it is dialect-specific (FTS5 and its shadow tables on
    SQLite) and not one of the models."""
    return not (type_ == "table" and name is not None and name.startswith("order_search"))


def check_database(engine: Engine) -> CheckReport:
    """Integrity check, foreign keys, migration state and model/schema agreement."""
    report = CheckReport(revision=current_revision(engine), head=head_revision())
    if report.revision != report.head:
        report.problems.append(f"schema at revision {report.revision}, expected {report.head}")
        return report
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            if rows != ["ok"]:
                report.problems.extend(f"integrity: {r}" for r in rows[:20])
            fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            report.problems.extend(f"foreign key: table {r[0]} row {r[1]} → {r[2]}" for r in fk[:20])
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
        report.problems.extend(f"schema differs from the model: {d}" for d in diff)
    return report
