"""Where an SQLite file lives, and what that means for using it: a file (or folder) SellerDesk may not
write is opened read-only, and a file on a network share gets a warning.

SQLite locks a database through the file system. On a network share (SMB/CIFS, NFS, AFP, sshfs, ...)
those locks are unreliable, so two PCs writing one file can corrupt it (sqlite.org/useovernet.html):
a shop that shares its data between PCs should use PostgreSQL. A database that cannot be written (a
copy on a read-only medium, a file without write permission) can still be read: it is opened read-only
rather than failing with a traceback at the first write.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

# File system types of network mounts, as /proc/mounts (Linux) and mount(8) (macOS, BSD) name them.
NETWORK_FS_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afp", "afpfs", "webdav", "davfs", "ncpfs",
        "9p", "afs", "ceph", "glusterfs", "lustre", "gpfs", "beegfs", "sshfs", "fuse.sshfs", "fuse.davfs2",
        "fuse.rclone", "fuse.glusterfs", "fuse.cephfs", "fuse.gvfsd-fuse", "fuse.smbnetfs",
    }
)  # fmt: skip
DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive


def is_read_only(path: Path, *, access: Callable[[Path, int], bool] | None = None) -> bool:
    """True when the database file exists but SellerDesk may not change it: the file is not writable, or its
    folder is not (SQLite writes its -wal and -shm files beside it). A missing file is not read-only: it is
    created. ``access`` is ``os.access`` (tests pass their own)."""
    check = access or os.access
    if not path.exists():
        return False
    return not check(path, os.W_OK) or not check(path.parent, os.W_OK)


def network_share(path: Path) -> str:
    """What kind of network location ``path`` is on ("UNC path", "network drive", "nfs", "cifs", ...), or ""
    for a local disk (and whenever it cannot be told)."""
    if sys.platform == "win32":
        return windows_network_share(str(path), _windows_drive_type)
    try:
        mounts = _mount_table()
    except OSError:
        return ""
    fs_type = mount_fs_type(_existing(path), mounts)
    return fs_type if is_network_fs(fs_type) else ""


def is_network_fs(fs_type: str) -> bool:
    kind = fs_type.lower()
    return kind in NETWORK_FS_TYPES or kind.startswith(("nfs", "smb", "cifs", "fuse.sshfs"))


def windows_network_share(path: str, drive_type: Callable[[str], int]) -> str:
    """A UNC path (``\\\\server\\share\\...``, also ``//server/share``) or a drive letter mapped to a share."""
    if path.startswith(("\\\\", "//")) and not path.startswith(("\\\\?\\", "\\\\.\\")):
        return "UNC path"
    if path.startswith("\\\\?\\UNC\\"):
        return "UNC path"
    drive = path.removeprefix("\\\\?\\")[:2]
    if len(drive) == 2 and drive[1] == ":" and drive_type(drive + "\\") == DRIVE_REMOTE:
        return "network drive"
    return ""


def _windows_drive_type(root: str) -> int:
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return 0
    return int(windll.kernel32.GetDriveTypeW(root))


def mount_fs_type(path: Path, mounts: Iterable[tuple[str, str]]) -> str:
    """The file system type of the mount ``path`` is on: the longest mount point that contains it."""
    best, kind = "", ""
    target = str(path)
    for mount_point, fs_type in mounts:
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, kind = mount_point, fs_type
    return kind


def parse_proc_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, type) of each line of /proc/mounts; spaces in paths are written as ``\\040``."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((_unescape(fields[1]), fields[2]))
    return mounts


def parse_mount_output(text: str) -> list[tuple[str, str]]:
    """(mount point, type) from macOS/BSD ``mount``: ``//u@server/share on /Volumes/share (smbfs, nodev)``."""
    mounts = []
    for line in text.splitlines():
        head, sep, options = line.rpartition(" (")
        _, on, mount_point = head.partition(" on ")
        if sep and on:
            mounts.append((mount_point, options.split(",")[0].rstrip(")").strip()))
    return mounts


def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def _mount_table() -> list[tuple[str, str]]:
    proc = Path("/proc/mounts")
    if proc.exists():
        return parse_proc_mounts(proc.read_text(encoding="utf-8", errors="replace"))
    try:
        result = subprocess.run(["mount"], capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return parse_mount_output(result.stdout)


def _existing(path: Path) -> Path:
    """``path`` resolved, or its nearest existing folder (a new database file does not exist yet)."""
    path = path.resolve()
    while not path.exists() and path.parent != path:
        path = path.parent
    return path
