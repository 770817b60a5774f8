"""Automatic backups, their rotation, verification and restore; the CLI never makes an empty database
out of a mistyped path for a command that only reads."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from sellerdesk.cli import main
from sellerdesk.db.backup import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    auto_backup_path,
    automatic_backup,
    automatic_backups,
    backups_to_keep,
    last_good_backup,
    restore_database,
    rotate_backups,
    verify_backup,
)
from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.db.migrate import ensure_schema, known_revisions
from sellerdesk.domain.errors import StorageError
from sellerdesk.models import Order
from sellerdesk.services.imports import import_paths

SAMPLES = Path(__file__).parent.parent / "data" / "samples"


@pytest.fixture
def shop(tmp_path: Path) -> Engine:
    engine = make_engine("sqlite:///" + str(tmp_path / "shop" / "sellerdesk.sqlite"))
    ensure_schema(engine)
    with make_session_factory(engine).begin() as session:
        import_paths(session, [SAMPLES / "pdd_orders.csv"])
    return engine


def _orders(engine: Engine) -> int:
    with make_session_factory(engine)() as session:
        return int(session.scalar(select(func.count()).select_from(Order)) or 0)


def _db_file(engine: Engine) -> Path:
    assert engine.url.database
    return Path(engine.url.database)


def test_rotation_keeps_exactly_7_daily_4_weekly_12_monthly_over_a_year() -> None:
    """Daily backups for a simulated year, rotated every day: what stays is the promised set."""
    start = datetime(2026, 1, 1, 9, 0)
    kept: set[datetime] = set()
    for day in range(365):
        now = start + timedelta(days=day)
        kept = backups_to_keep([*kept, now], now)
    now = start + timedelta(days=364)
    days = {k.date() for k in kept}
    assert {now.date() - timedelta(days=n) for n in range(KEEP_DAILY)} <= days
    weeks = {k.isocalendar()[:2] for k in kept}
    assert len({(now - timedelta(weeks=n)).isocalendar()[:2] for n in range(KEEP_WEEKLY)} & weeks) == KEEP_WEEKLY
    months = {(k.year, k.month) for k in kept}
    assert len(months) == KEEP_MONTHLY
    assert len(kept) <= KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY
    # nothing older than a year survives, and each kept backup is the newest of its day
    assert min(kept) >= now - timedelta(days=366)


def test_rotation_on_disk_deletes_only_what_the_rule_drops(shop: Engine) -> None:
    db_file = _db_file(shop)
    now = datetime(2026, 12, 6, 10, 0)
    for n in range(40):  # a backup a day for 40 days, made by hand
        path = auto_backup_path(db_file, "daily", now - timedelta(days=n))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    deleted = rotate_backups(db_file, now)
    left = [stamp for stamp, _ in automatic_backups(db_file)]
    assert set(left) == backups_to_keep([now - timedelta(days=n) for n in range(40)], now)
    assert len(left) + len(deleted) == 40


def test_daily_backup_once_a_day_verified(shop: Engine) -> None:
    now = datetime(2026, 12, 6, 8, 0)
    first = automatic_backup(shop, "daily", now)
    assert first is not None and verify_backup(first).ok
    assert automatic_backup(shop, "daily", now + timedelta(hours=5)) is None  # one a day is enough
    before_import = automatic_backup(shop, "before-import", now + timedelta(hours=6))
    assert before_import is not None
    stamp, path = last_good_backup(_db_file(shop)) or (None, None)
    assert path == before_import and stamp == (now + timedelta(hours=6)).replace(microsecond=0)
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0  # readable by the user only


def test_backup_restore_round_trip_keeps_a_copy_of_what_it_replaced(shop: Engine, tmp_path: Path) -> None:
    backup = automatic_backup(shop, "daily", datetime(2026, 12, 6, 8, 0))
    assert backup is not None
    count = _orders(shop)
    with make_session_factory(shop).begin() as session:
        session.execute(Order.__table__.delete())
    assert _orders(shop) == 0
    safety = restore_database(shop, backup, known_revisions())
    assert safety is not None and verify_backup(safety).ok
    assert _orders(shop) == count
    shop.dispose()
    with sqlite3.connect(safety) as conn:
        assert conn.execute("SELECT count(*) FROM orders").fetchone() == (0,)  # what was replaced is kept


@pytest.mark.parametrize("kind", ["corrupt", "foreign", "not_a_database", "missing"])
def test_a_bad_backup_is_refused_and_changes_nothing(shop: Engine, tmp_path: Path, kind: str) -> None:
    bad = tmp_path / f"{kind}.sqlite"
    if kind == "not_a_database":
        bad.write_bytes(b"this is a spreadsheet, not a database" * 100)
    elif kind == "foreign":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE contacts (name TEXT)")
    elif kind == "corrupt":
        good = automatic_backup(shop, "daily", datetime(2026, 12, 6, 8, 0))
        assert good is not None
        data = bytearray(good.read_bytes())
        page = 4096
        data[page * 3 : page * 3 + 400] = b"\xff" * 400  # damage a page in the middle
        bad.write_bytes(bytes(data))
    count = _orders(shop)
    with pytest.raises(StorageError) as caught:
        restore_database(shop, bad, known_revisions())
    assert caught.value.code == "backup_unusable"
    assert caught.value.params["problem"] in {kind, "corrupt", "not_a_database"}
    assert _orders(shop) == count
    assert not [p for _, p in automatic_backups(_db_file(shop)) if ".before-restore." in p.name]


def test_cli_does_not_make_a_database_out_of_a_mistyped_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.sqlite"
    for argv in (
        ["db", "check"],
        ["db", "backup", str(tmp_path / "b.sqlite")],
        ["report", "monthly", "--month", "2026-08"],
    ):
        assert main(["--db", str(missing), *argv]) == 2
        assert "does not exist" in capsys.readouterr().err
        assert not missing.exists()
    assert main(["--db", str(missing), "db", "upgrade"]) == 0  # meant to create one
    assert missing.exists()


def test_cli_restore_and_backups_listing(shop: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_file = _db_file(shop)
    backup = automatic_backup(shop, "daily", datetime(2026, 12, 6, 8, 0))
    assert backup is not None
    shop.dispose()
    assert main(["--db", str(db_file), "db", "backups"]) == 0
    assert "ok" in capsys.readouterr().out
    assert main(["--db", str(db_file), "db", "restore", str(backup)]) == 1  # no terminal, no --yes: nothing
    assert main(["--db", str(db_file), "db", "restore", str(backup), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "saved to" in out and "Restored" in out
    assert main(["--db", str(db_file), "db", "restore", str(tmp_path / "nope.sqlite"), "--yes"]) == 2


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_new_database_and_its_folder_are_the_users_alone(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "SellerDesk"
    engine = make_engine("sqlite:///" + str(folder / "sellerdesk.sqlite"))
    ensure_schema(engine)
    engine.dispose()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "sellerdesk.sqlite").stat().st_mode & 0o777 == 0o600


def test_home_knows_the_last_good_backup_and_when_it_is_too_old(shop: Engine) -> None:
    from sellerdesk.services.backups import backup_choices, backup_status

    now = datetime(2026, 12, 6, 9, 0)
    db_file = Path(str(shop.url.database))
    with make_session_factory(shop)() as session:
        status = backup_status(session, now)
        assert status.applies and status.last_good is None and status.stale  # none yet
        old = automatic_backup(shop, "daily", now - timedelta(days=3))
        status = backup_status(session, now)
        assert (status.last_good, status.path, status.stale) == (now - timedelta(days=3), old, True)
        good = automatic_backup(shop, "manual", now - timedelta(days=1))
        broken = auto_backup_path(db_file, "daily", now - timedelta(hours=1))
        broken.write_bytes(b"not a database")  # a newer one that fails its check does not count
        status = backup_status(session, now)
        assert (status.last_good, status.path, status.stale) == (now - timedelta(days=1), good, False)
        choices = backup_choices(session)
        assert [(c.path, c.check.ok, c.check.problem) for c in choices] == [
            (broken, False, "not_a_database"), (good, True, ""), (old, True, "")
        ]  # fmt: skip


def test_a_server_database_has_no_automatic_backups_to_show(session: Session) -> None:
    from sellerdesk.services.backups import backup_status

    status = backup_status(session, datetime(2026, 12, 6, 9, 0))
    assert status.applies == (session.get_bind().dialect.name == "sqlite")  # the tests' SQLite is a file
