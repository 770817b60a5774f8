"""A SellerDesk process killed (SIGKILL: no cleanup code runs) in the middle of an import, a monthly report
and a backup leaves the database whole and unchanged (integrity check ok, as many orders as before), never a
finished-looking output, and its partial files and temp folders go at the next start."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from sellerdesk.db.leftovers import STALE_SECONDS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "tests" / "data" / "samples"
COPIES = 80  # of the JD sample's 514 lines: 20,000 orders, ~3 s to import, so there is time to kill it


def _big_jd_file(path: Path) -> Path:
    """The JD sample many times over, each copy with new order ids."""
    with (SAMPLES / "jd_orders.csv").open(encoding="gb18030", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    with path.open("w", encoding="gb18030", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for copy in range(1, COPIES + 1):
            out.writerows([str(int(row[0]) + copy * 10**12), *row[1:]] for row in rows)
    return path


class Shop:
    def __init__(self, folder: Path) -> None:
        self.db = folder / "shop.sqlite"
        self.tmp = folder / "tmp"  # the processes' temp folder (TMPDIR)
        self.tmp.mkdir()
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(self.tmp), "SELLERDESK_DB": ""}

    def argv(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "sellerdesk", "--db", str(self.db), *args]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.argv(*args), env=self.env, capture_output=True, text=True, timeout=300, check=False)

    def kill_when(self, started: Callable[[], bool], *args: str) -> None:
        """Start a command and SIGKILL it as soon as ``started()`` says it is writing."""
        proc = subprocess.Popen(self.argv(*args), env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        try:
            while not started():
                if proc.poll() is not None:
                    pytest.fail(f"{args[0]} ended before it could be killed: {proc.stderr.read()!r}")  # type: ignore[union-attr]
                if time.monotonic() > deadline:
                    pytest.fail(f"{args[0]} never started writing")
                time.sleep(0.005)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=60)
            proc.stderr.close()  # type: ignore[union-attr]

    def orders(self) -> int:
        with closing(sqlite3.connect(self.db)) as conn:
            assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
            return int(conn.execute("SELECT count(*) FROM orders").fetchone()[0])


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _age(paths: list[Path]) -> None:
    """As if the next start came an hour later (leftovers younger than STALE_SECONDS may be a live run's)."""
    then = time.time() - STALE_SECONDS - 3600
    for path in paths:
        for root, dirs, files in os.walk(path) if path.is_dir() else [(str(path.parent), [], [path.name])]:
            for name in (*dirs, *files):
                os.utime(os.path.join(root, name), (then, then))
        os.utime(path, (then, then))


def test_killed_import_report_and_backup_leave_a_whole_database_and_no_leftovers(tmp_path: Path) -> None:
    shop = Shop(tmp_path)
    big = _big_jd_file(tmp_path / "big_jd.csv")
    assert shop.run("import", str(SAMPLES / "pdd_orders.csv")).returncode == 0
    before = shop.orders()
    wal = shop.db.with_name(shop.db.name + "-wal")

    # Mid-import: the transaction's pages spill into the -wal file once the page cache is full.
    shop.kill_when(lambda: _size(wal) > 1 << 20, "import", str(big))
    assert shop.orders() == before  # all or nothing: none of the file

    # Mid-report: its sheets are being written in its temp folder.
    assert shop.run("import", str(big)).returncode == 0
    imported = shop.orders()
    assert imported > before
    out = tmp_path / "report.xlsx"

    def report_writing() -> bool:
        return any(_size(f) > 0 for d in shop.tmp.glob("sellerdesk-report-*") for f in d.rglob("*") if f.is_file())

    shop.kill_when(report_writing, "report", "monthly", "--month", "2026-08", "--out", str(out))
    assert not out.exists()  # a workbook appears only when complete

    # Mid-backup: the copy is written as <target>.part, renamed when complete.
    target = shop.db.parent / "backups" / "manual.sqlite"
    part = target.with_name(target.name + ".part")
    shop.kill_when(lambda: _size(part) > 0, "db", "backup", str(target))
    assert shop.orders() == imported

    leftovers = [*shop.tmp.glob("sellerdesk-report-*"), *target.parent.glob("*.part")]
    assert [p.name for p in leftovers[1:]] == [part.name] and len(leftovers) == 2, leftovers  # killed midway
    _age(leftovers)
    check = shop.run("db", "check")  # the next start
    assert check.returncode == 0, check.stdout + check.stderr
    assert not list(shop.tmp.glob("sellerdesk-*"))
    assert not list(target.parent.glob("*.part"))
    assert not target.exists() or sqlite3.connect(target).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert shop.orders() == imported
