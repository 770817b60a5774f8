"""Writing a file the user chose or a default path (reports, exports, upload files, backups): the folder is
created when missing, and a failure says its true reason instead of a guess.

Every writer wraps its final save in ``writing(path)``; an ``OSError`` inside becomes a ``FileWriteError``
whose code is one of ``WRITE_CODES`` (texts in zh_CN and en in the UI's messages). The reason is read from
the error's kind and number (``errno``, and ``winerror`` on Windows), never from its wording.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sellerdesk.domain.errors import FileWriteError

# Windows system error codes (learn.microsoft.com, "System Error Codes (0-499)").
_WIN_IN_USE = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WIN_DISK_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_WIN_READ_ONLY = {19}  # ERROR_WRITE_PROTECT
_WIN_NOT_FOUND = {2, 3, 15, 21, 53, 67}  # file, path, drive, drive not ready, network path, network name
_WIN_BAD_NAME = {123, 161, 206}  # ERROR_INVALID_NAME, ERROR_BAD_PATHNAME, ERROR_FILENAME_EXCED_RANGE

WRITE_CODES = (
    "file_in_use",  # another program (Excel, WPS, LibreOffice) has the file open
    "write_denied",  # no permission to write the file or its folder
    "disk_full",
    "read_only_location",  # a read-only drive or share
    "folder_missing",  # the folder could not be found or made (a drive or share that is not there)
    "not_a_folder",  # a file stands where a folder of the path should be
    "path_is_folder",  # the chosen name is an existing folder
    "bad_file_name",
    "write_failed",  # anything else: the OS's own words go with it
)


def lock_files(path: Path) -> list[Path]:
    """The owner files office programs put beside a document they have open: Excel and WPS ``~$name``,
    LibreOffice ``.~lock.name#``."""
    return [path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")]


def open_elsewhere(path: Path) -> bool:
    return any(p.exists() for p in lock_files(path))


def write_failure(exc: OSError, path: Path) -> FileWriteError:
    """The true reason ``exc`` stopped writing ``path``, as an expected error with a code and the path."""
    number, win = exc.errno, getattr(exc, "winerror", None)
    if win in _WIN_IN_USE or number in (errno.EBUSY, errno.ETXTBSY):
        code = "file_in_use"
    elif isinstance(exc, PermissionError) and open_elsewhere(path):
        code = "file_in_use"  # Windows refuses to replace a file Excel holds open with "access denied"
    elif number in (errno.ENOSPC, errno.EDQUOT) or win in _WIN_DISK_FULL:
        code = "disk_full"
    elif number == errno.EROFS or win in _WIN_READ_ONLY:
        code = "read_only_location"
    elif isinstance(exc, IsADirectoryError) or _is_dir(path):
        code = "path_is_folder"
    elif isinstance(exc, PermissionError):
        code = "write_denied"
    elif isinstance(exc, NotADirectoryError | FileExistsError):
        code = "not_a_folder"
    elif number == errno.ENOENT or win in _WIN_NOT_FOUND:
        code = "folder_missing"
    elif number in (errno.ENAMETOOLONG, errno.EINVAL) or win in _WIN_BAD_NAME:
        code = "bad_file_name"
    else:
        code = "write_failed"
    detail = exc.strerror or str(exc)
    return FileWriteError(
        f"Cannot write {path}: {detail}", code=code, path=str(path), folder=str(path.parent), detail=detail
    )


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def prepare_folder(path: Path, *, private: bool = False) -> None:
    """Create the folder ``path`` is to be written in (and its parents) when missing; ``private``: a folder
    made here is the user's alone (0700, as ``db/files.make_private_dir``), for copies of the shop's data."""
    try:
        path.parent.mkdir(mode=0o700 if private else 0o777, parents=True, exist_ok=True)
    except OSError as exc:
        raise write_failure(exc, path) from exc
    if _is_dir(path):
        raise write_failure(IsADirectoryError(errno.EISDIR, "Is a directory", str(path)), path)


@contextmanager
def writing(path: Path, *, private: bool = False) -> Iterator[Path]:
    """Around the code that writes ``path``: its folder is made first, and an ``OSError`` becomes a
    ``FileWriteError`` with the reason."""
    path = Path(path)
    prepare_folder(path, private=private)
    try:
        yield path
    except OSError as exc:
        raise write_failure(exc, path) from exc
