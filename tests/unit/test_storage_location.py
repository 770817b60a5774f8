"""Read-only databases open read-only with a clear note; SQLite on a network share gets a warning; a
killed run's partial backups and temp folders go at the next start (and nothing else does)."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from sellerdesk.cli import main
from sellerdesk.db import engine as engine_module
from sellerdesk.db import location
from sellerdesk.db.engine import is_read_only_engine, is_read_only_failure, make_engine, make_session_factory
from sellerdesk.db.leftovers import STALE_SECONDS, remove_leftovers
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.domain.errors import StorageError
from sellerdesk.services.imports import import_paths
from sellerdesk.services.imports.follow import wait_for_checkpoints

SAMPLES = Path(__file__).parent.parent / "data" / "samples"


# --- read-only ---------------------------------------------------------------------------------------


def test_read_only_detection_by_file_or_folder_permission(tmp_path: Path) -> None:
    db = tmp_path / "shop.sqlite"
    assert not location.is_read_only(db)  # a new file is created, not read-only
    db.touch()

    def only(denied: Path) -> object:
        return lambda path, _mode: path != denied

    assert location.is_read_only(db, access=only(db))  # type: ignore[arg-type]
    assert location.is_read_only(db, access=only(tmp_path))  # type: ignore[arg-type]  # -wal, -shm go beside it
    assert not location.is_read_only(db, access=lambda _p, _m: True)


def _shop(tmp_path: Path) -> Path:
    db = tmp_path / "shop.sqlite"
    engine = make_engine(f"sqlite:///{db}")
    ensure_schema(engine)
    with make_session_factory(engine).begin() as session:
        import_paths(session, [SAMPLES / "jd_orders.csv"])
    wait_for_checkpoints()  # the tests below read the file by itself (immutable) or copy it
    engine.dispose()
    return db


def test_a_read_only_engine_reads_and_refuses_writes(tmp_path: Path) -> None:
    db = _shop(tmp_path)
    engine = make_engine(f"sqlite:///{db}", read_only=True)
    assert is_read_only_engine(engine)
    with engine.connect() as conn:
        orders = conn.execute(text("SELECT count(*) FROM orders")).scalar_one()
    assert orders > 0
    with pytest.raises(OperationalError) as exc, engine.begin() as conn:
        conn.execute(text("DELETE FROM orders"))
    assert is_read_only_failure(exc.value)
    engine.dispose()
    assert not is_read_only_engine(make_engine(f"sqlite:///{db}"))


def test_the_schema_of_a_read_only_database_is_not_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    sqlite3.connect(db).close()  # empty: it would be created
    with pytest.raises(StorageError) as exc:
        ensure_schema(make_engine(f"sqlite:///{db}", read_only=True))
    assert exc.value.code == "read_only"


def test_cli_reads_a_read_only_database_and_refuses_to_write_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _shop(tmp_path)
    monkeypatch.setattr(engine_module, "is_read_only", lambda _path: True)  # root may write anything
    assert main(["--db", str(db), "report", "monthly", "--month", "2026-08", "--json"]) == 0
    out, err = capsys.readouterr()
    assert '"paid_orders"' in out
    assert "read-only: changes cannot be saved" in err
    assert "Traceback" not in err
    assert main(["--db", str(db), "import", str(SAMPLES / "pdd_orders.csv")]) == 2
    _, err = capsys.readouterr()
    assert "read-only: changes cannot be saved" in err
    assert "error: The database" in err and "is read-only" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM orders WHERE platform = 'pdd'").fetchone()[0] == 0


# --- network shares ----------------------------------------------------------------------------------

PROC_MOUNTS = r"""/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/shop nfs4 rw,relatime 0 0
//nas/share /mnt/my\040nas cifs rw 0 0
user@host:/data /home/me/remote fuse.sshfs rw 0 0
tmpfs /mnt/shop/tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/me/shop.sqlite", "ext4"),
        ("/mnt/shop/data/shop.sqlite", "nfs4"),
        ("/mnt/my nas/shop.sqlite", "cifs"),
        ("/home/me/remote/shop.sqlite", "fuse.sshfs"),
        ("/mnt/shop/tmp/shop.sqlite", "tmpfs"),  # the longest mount point wins
        ("/mnt/shopping/shop.sqlite", "ext4"),  # a prefix of the name is not the folder
    ],
)
def test_linux_mount_types(path: str, kind: str) -> None:
    assert location.mount_fs_type(Path(path), location.parse_proc_mounts(PROC_MOUNTS)) == kind


def test_network_file_systems() -> None:
    for kind in ("nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "fuse.sshfs", "9p", "webdav"):
        assert location.is_network_fs(kind), kind
    for kind in ("ext4", "btrfs", "xfs", "apfs", "ntfs", "tmpfs", "overlay", "zfs", ""):
        assert not location.is_network_fs(kind), kind


def test_macos_mount_output() -> None:
    output = (
        "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
        "//me@nas._smb._tcp.local/shop on /Volumes/shop (smbfs, nodev, nosuid, mounted by me)\n"
        "nas:/export on /Volumes/nfs share (nfs, asynchronous)\n"
    )
    mounts = location.parse_mount_output(output)
    assert location.mount_fs_type(Path("/Volumes/shop/a.sqlite"), mounts) == "smbfs"
    assert location.mount_fs_type(Path("/Volumes/nfs share/a.sqlite"), mounts) == "nfs"
    assert location.mount_fs_type(Path("/Users/me/a.sqlite"), mounts) == "apfs"


def test_windows_unc_paths_and_mapped_drives() -> None:
    types = {"Z:\\": location.DRIVE_REMOTE, "C:\\": 3}

    def drive_type(root: str) -> int:
        return types.get(root, 0)

    assert location.windows_network_share(r"\\server\share\shop.sqlite", drive_type) == "UNC path"
    assert location.windows_network_share("//server/share/shop.sqlite", drive_type) == "UNC path"
    assert location.windows_network_share(r"\\?\UNC\server\share\shop.sqlite", drive_type) == "UNC path"
    assert location.windows_network_share(r"Z:\shop\shop.sqlite", drive_type) == "network drive"
    assert location.windows_network_share(r"C:\Users\me\shop.sqlite", drive_type) == ""
    assert location.windows_network_share(r"\\?\C:\Users\me\shop.sqlite", drive_type) == ""


def test_cli_warns_about_sqlite_on_a_network_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(location, "_mount_table", lambda: [("/", "ext4"), (str(tmp_path), "cifs")])
    assert main(["--db", str(tmp_path / "shop.sqlite"), "db", "upgrade"]) == 0
    _, err = capsys.readouterr()
    assert "network share (cifs)" in err and "PostgreSQL" in err


# --- leftovers -----------------------------------------------------------------------------------------


def _aged(path: Path, seconds: float = 3600) -> Path:
    """Make ``path`` (a file, or a folder and all it holds) look untouched for ``seconds``."""
    then = time.time() - seconds
    for root, dirs, files in os.walk(path):
        for name in (*dirs, *files):
            os.utime(os.path.join(root, name), (then, then))
    os.utime(path, (then, then))
    return path


def _file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    return path


def test_stale_leftovers_go_and_nothing_else(tmp_path: Path) -> None:
    db = tmp_path / "data" / "shop.sqlite"
    backups = db.parent / "backups"
    temp = tmp_path / "tmp"
    old_part = _aged(_file(backups / "shop.daily.20260101-000000.sqlite.part"))
    fresh_part = _file(backups / "shop.daily.20260102-000000.sqlite.part")  # another SellerDesk is writing it
    backup = _aged(_file(backups / "shop.daily.20260101-000000.sqlite"))
    old_report = temp / "sellerdesk-report-abc"
    _aged(_file(old_report / "sheet" / "rows.xml").parents[1])
    busy_report = temp / "sellerdesk-report-def"  # its folder is old, but a file in it is being written
    _file(busy_report / "rows.xml")
    os.utime(busy_report, (time.time() - 3600,) * 2)
    others = [_aged(_file(temp / "otherapp-123" / "a")), _aged(_file(temp / "sellerdesk-notes.txt"))]

    removed = remove_leftovers(db, temp_root=temp)

    assert sorted(removed) == sorted([old_part, old_report])
    assert fresh_part.exists() and backup.exists() and busy_report.exists()
    assert all(p.exists() for p in others)  # not ours: another program's, and a file (we only make folders)
    later = remove_leftovers(db, temp_root=temp, now=time.time() + STALE_SECONDS + 1)
    assert sorted(later) == sorted([fresh_part, busy_report])
    assert backup.exists() and all(p.exists() for p in others)


def test_a_wal_database_whose_shm_file_cannot_be_made_is_read_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite reads a WAL database through its -shm file; in a folder nobody may write it cannot make one."""
    db = _shop(tmp_path)
    real_connect = sqlite3.connect

    def connect(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if "mode=ro" in database:  # as SQLite answers there (root writes any folder, so it is simulated)
            return _FailingRead(real_connect(":memory:"))  # type: ignore[return-value]
        return real_connect(database, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", connect)
    engine = make_engine(f"sqlite:///{db}", read_only=True)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM orders")).scalar_one() > 0
    engine.dispose()


class _FailingRead:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, *_args: object) -> None:
        raise sqlite3.OperationalError("unable to open database file")

    def close(self) -> None:
        self._conn.close()
