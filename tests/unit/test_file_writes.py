"""Reports, exports, upload files and backups create a missing folder and say the true reason a write failed
(domain/file_writes.py). The reasons that can be provoked on this machine are provoked; the others (a file
Excel holds open on Windows, a read-only drive) are given as the OS reports them."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from sellerdesk.cli import main
from sellerdesk.db.backup import backup_database
from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.demo import generate_demo
from sellerdesk.domain.errors import FileWriteError
from sellerdesk.domain.file_writes import WRITE_CODES, write_failure, writing
from sellerdesk.services.reports import export_monthly_workbook
from sellerdesk.services.samples import write_export
from sellerdesk.sheets.catalog_sheets import write_sheet
from sellerdesk.sheets.shipping import ShipRow, write_ship_file
from sellerdesk.sheets.view_export import write_view


def _view(path: Path) -> Path:
    write_view(path, "Orders", ["id"], [["1"]])
    return path


def _catalog(path: Path) -> Path:
    write_sheet(path, "SKU", ["商家编码"], [["A1"]])
    return path


def _ship(path: Path) -> Path:
    from sellerdesk.domain.enums import Platform
    from sellerdesk.platforms.registry import PLATFORMS

    layout = PLATFORMS[Platform.TAOBAO].ship
    assert layout is not None
    return write_ship_file(path, layout, [ShipRow("1234567890", "圆通速递", "YT1234567890")])


WRITERS = {"view export": _view, "catalog and audit sheets": _catalog, "batch-ship file": _ship}


@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
def test_every_writer_creates_the_missing_folders(tmp_path: Path, writer: object) -> None:
    target = tmp_path / "Documents" / "SellerDesk" / "out.xlsx"
    assert callable(writer)
    assert writer(target) == target
    assert target.is_file()


@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
def test_a_folder_in_the_way_is_named_as_such(tmp_path: Path, writer: object) -> None:
    (tmp_path / "out.xlsx").mkdir()
    assert callable(writer)
    with pytest.raises(FileWriteError) as caught:
        writer(tmp_path / "out.xlsx")
    assert caught.value.code == "path_is_folder"
    assert caught.value.params["path"] == str(tmp_path / "out.xlsx")


@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
def test_a_file_where_a_folder_should_be(tmp_path: Path, writer: object) -> None:
    (tmp_path / "Documents").write_text("not a folder")
    assert callable(writer)
    with pytest.raises(FileWriteError) as caught:
        writer(tmp_path / "Documents" / "out.xlsx")
    assert caught.value.code == "not_a_folder"


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    """A folder this process may not write in: mode 0500, or immutable for root (who ignores modes)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() != 0:  # type: ignore[attr-defined,unused-ignore]
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)], check=False).returncode:
        pytest.skip("running as root on a file system without chattr +i: nothing is unwritable")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
def test_permission_denied_is_said_and_no_part_file_is_left(unwritable: Path, writer: object) -> None:
    assert callable(writer)
    with pytest.raises(FileWriteError) as caught:
        writer(unwritable / "out.xlsx")
    assert caught.value.code == "write_denied"
    assert caught.value.params["folder"] == str(unwritable)
    assert list(unwritable.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_said() -> None:
    def fill(path: Path) -> None:
        with writing(path), path.open("w") as out:
            out.write("x" * 10_000)
            out.flush()

    with pytest.raises(FileWriteError) as caught:
        fill(Path("/dev/full"))
    assert caught.value.code == "disk_full"


def test_a_name_too_long_is_said(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError) as caught:
        _view(tmp_path / ("订单" * 100 + ".xlsx"))
    assert caught.value.code == "bad_file_name"


def test_a_file_open_in_excel_or_libreoffice_is_said(tmp_path: Path) -> None:
    """Windows refuses to replace a file Excel holds with "access denied"; Excel's owner file tells why."""
    target = tmp_path / "月报.xlsx"
    target.write_bytes(b"old")
    denied = PermissionError(errno.EACCES, "Access is denied")
    assert write_failure(denied, target).code == "write_denied"
    (tmp_path / "~$月报.xlsx").write_bytes(b"owner")
    assert write_failure(denied, target).code == "file_in_use"
    (tmp_path / "~$月报.xlsx").unlink()
    (tmp_path / ".~lock.月报.xlsx#").write_text("LibreOffice lock")
    assert write_failure(denied, target).code == "file_in_use"


def _win(code: int) -> OSError:
    exc = OSError(errno.EINVAL, "windows error")
    exc.winerror = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (_win(32), "file_in_use"),  # ERROR_SHARING_VIOLATION
        (_win(33), "file_in_use"),  # ERROR_LOCK_VIOLATION
        (OSError(errno.EBUSY, "busy"), "file_in_use"),
        (OSError(errno.ENOSPC, "No space left on device"), "disk_full"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "disk_full"),
        (_win(112), "disk_full"),
        (OSError(errno.EROFS, "Read-only file system"), "read_only_location"),
        (_win(19), "read_only_location"),  # ERROR_WRITE_PROTECT
        (PermissionError(errno.EACCES, "Permission denied"), "write_denied"),
        (PermissionError(errno.EPERM, "Operation not permitted"), "write_denied"),
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "folder_missing"),
        (_win(3), "folder_missing"),  # ERROR_PATH_NOT_FOUND: a drive or share that is not there
        (NotADirectoryError(errno.ENOTDIR, "Not a directory"), "not_a_folder"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "bad_file_name"),
        (_win(123), "bad_file_name"),  # ERROR_INVALID_NAME
        (OSError(errno.EIO, "Input/output error"), "write_failed"),
    ],
)
def test_each_os_error_has_its_reason(tmp_path: Path, exc: OSError, code: str) -> None:
    error = write_failure(exc, tmp_path / "report.xlsx")
    assert error.code == code and code in WRITE_CODES
    assert error.params == {
        "path": str(tmp_path / "report.xlsx"),
        "folder": str(tmp_path),
        "detail": exc.strerror,
    }


# --- the writers that go through services: the monthly report, sample exports, backups ---------------------
# SQLite only: where the file goes is the same whatever the database.


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine("sqlite:///" + str(tmp_path / "shop.sqlite"))
    ensure_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def shop(sqlite_engine: Engine) -> Iterator[Session]:
    with make_session_factory(sqlite_engine)() as session:
        yield session


def test_the_monthly_report_creates_a_missing_documents_folder(shop: Session, tmp_path: Path) -> None:
    """The issue's case: ~/Documents did not exist, and the report said to close the file in Excel."""
    generate_demo(shop, orders=300, seed=2, today=date(2026, 11, 23))
    target = tmp_path / "home" / "Documents" / "SellerDesk monthly report 2026-10.xlsx"
    assert export_monthly_workbook(shop, 2026, 10, target) == target
    assert target.is_file()
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no partial file left


def test_the_monthly_report_into_a_folder_in_the_way(shop: Session, tmp_path: Path) -> None:
    (tmp_path / "report.xlsx").mkdir()
    with pytest.raises(FileWriteError) as caught:
        export_monthly_workbook(shop, 2026, 10, tmp_path / "report.xlsx")
    assert caught.value.code == "path_is_folder"


def test_report_on_the_command_line_says_the_reason(
    sqlite_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blocked").write_text("a file")
    out = str(tmp_path / "blocked" / "r.xlsx")
    code = main(["--db", str(tmp_path / "shop.sqlite"), "report", "monthly", "--month", "2026-10", "--out", out])
    assert code == 2
    assert "Cannot write" in capsys.readouterr().err


def test_sample_exports_go_into_a_new_folder(shop: Session, tmp_path: Path) -> None:
    generate_demo(shop, orders=50, seed=2, today=date(2026, 11, 23))
    target = tmp_path / "new" / "samples" / "jd_orders.csv"
    assert write_export(shop, "jd_orders", target) > 0
    assert target.is_file()


def test_a_backup_into_a_new_folder_and_into_a_file_in_the_way(sqlite_engine: Engine, tmp_path: Path) -> None:
    target = tmp_path / "backups" / "new" / "copy.sqlite"
    assert backup_database(sqlite_engine, target) == target and target.is_file()
    (tmp_path / "in-the-way").write_text("a file")
    with pytest.raises(FileWriteError) as caught:
        backup_database(sqlite_engine, tmp_path / "in-the-way" / "copy.sqlite")
    assert caught.value.code == "not_a_folder"
