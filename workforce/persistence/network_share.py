"""The embedded file must not live on a network share (SMB/CIFS, NFS …): SQLite's write-ahead
log works through shared memory, which cannot be shared across computers, and network file
systems' locks are not to be trusted. Such a file is refused before it is opened.

Linux: the file system type of the folder's mount (the longest mount point that contains it,
from ``/proc/self/mountinfo``). Windows: a UNC path (``\\\\server\\share``) or a drive that
Windows calls remote (``GetDriveTypeW``; not tested here). Elsewhere nothing is detected.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path, PurePosixPath

from workforce.domain.problems import ActionRefused

NETWORK_TYPES = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.smbnetfs",
        "fuse.gvfsd-fuse",
        "davfs",
        "fuse.davfs2",
        "ncpfs",
        "coda",
    }
)
_ESCAPE = re.compile(r"\\([0-7]{3})")
_DRIVE_REMOTE = 4


def _unescape(field: str) -> str:
    """``/mnt/my\\040share`` → ``/mnt/my share`` (mountinfo escapes blanks as octal)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def filesystem_type(folder: str, mountinfo: str) -> str | None:
    """The type of the file system holding ``folder`` (an absolute, resolved path), read from
    the text of ``/proc/self/mountinfo``: the mount with the longest mount point containing it
    (the last one listed wins a tie: it is mounted over the others)."""
    best: tuple[int, str] | None = None
    target = PurePosixPath(folder)
    for line in mountinfo.splitlines():
        fields = line.split()
        if "-" not in fields or len(fields) < 5:
            continue
        point = PurePosixPath(_unescape(fields[4]))
        after = fields[fields.index("-") + 1 :]
        if not after or not (target == point or point in target.parents):
            continue
        depth = len(point.parts)
        if best is None or depth >= best[0]:
            best = (depth, after[0])
    return best[1] if best else None


def _windows_remote(folder: Path) -> bool:
    text = str(folder)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return True
    if text.startswith("\\\\?\\UNC\\"):
        return True
    import ctypes

    root = os.path.splitdrive(text)[0] + "\\"
    windll = getattr(ctypes, "windll", None)
    return windll is not None and windll.kernel32.GetDriveTypeW(root) == _DRIVE_REMOTE


def network_type(folder: Path) -> str | None:
    """The network file system type holding ``folder``; None for a local disk (or unknown)."""
    if sys.platform == "win32":
        return "Windows 网络驱动器" if _windows_remote(folder) else None
    try:
        mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    kind = filesystem_type(str(folder), mountinfo)
    return kind if kind in NETWORK_TYPES else None


def refuse_network_share(database: Path) -> None:
    """Refuse an embedded database file whose folder is on a network share."""
    kind = network_type(database.resolve().parent)
    if kind is not None:
        raise ActionRefused(
            f"数据库文件「{database}」位于网络共享文件夹上（{kind}）：内置数据库不能放在网络共享上，"
            "多台电脑同时打开会损坏数据。请把它放在本机磁盘上；多人或多台电脑共用数据请改用 "
            "PostgreSQL 服务器数据库"
        )
