"""One program owns the embedded file at a time (Anki's "collection already open").

SQLite's own locks are POSIX advisory locks, which belong to the process: any ``close()`` of any
descriptor on the file inside the owning process drops them all (SQLite's "How To Corrupt An
SQLite Database File", §2.2) — Qt's file dialog does that when it lists the folder. A second
program then believes it is alone, checkpoints and removes the write-ahead log under the first.

So the program also locks ``workforce.db.lock`` beside the file: on POSIX with ``flock()``, whose
lock belongs to the open file description (a foreign ``close()`` of another descriptor does not
drop it, and the kernel drops it when the process dies, even by SIGKILL); on Windows with
``msvcrt.locking`` on one byte of it (not tested here: Windows keeps SQLite's locks anyway).
The holder writes who it is into the file, so the refused program can name it.

The lock is taken when the engine for a file is made and held until the last ``Database`` on
that file in this process is closed; within one process it is shared (a count per file).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from workforce.domain.problems import ActionRefused

SUFFIX = ".lock"
_WINDOWS_BYTE = 1 << 20  # Windows locks are mandatory: lock a byte past the holder's facts
_naming = {"program": "程序"}


def declare_program(name: str) -> None:
    """How this process is named to a program it refuses: 桌面程序, 命令行 …"""
    _naming["program"] = name


@dataclass(frozen=True, slots=True)
class Holder:
    """Who owns the file, as written into the lock file."""

    program: str
    command: str
    pid: int
    started: str  # local time, ISO
    host: str

    def describe(self) -> str:
        since = self.started.replace("T", " ")[:19]
        return (
            f"{self.program}「{self.command}」（进程 {self.pid}，自 {since} 起，"
            f"计算机 {self.host}）"
        )


def _me() -> Holder:
    command = " ".join([Path(sys.argv[0]).name or "python", *sys.argv[1:]]) if sys.argv else ""
    started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    return Holder(_naming["program"], command[:120], os.getpid(), started, socket.gethostname())


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def read_holder(database: Path) -> Holder | None:
    """The facts the holder wrote; None while it has not written them yet (or unreadable)."""
    try:
        facts = json.loads(lock_path(database).read_text(encoding="utf-8"))
        return Holder(**facts)
    except (OSError, ValueError, TypeError):
        return None


def refusal(database: Path, holder: Holder | None) -> ActionRefused:
    who = holder.describe() if holder is not None else "另一个程序"
    return ActionRefused(
        f"数据库文件「{database}」正由{who}使用，同一时间只能由一个程序打开：请先关闭该程序再试；"
        "多人同时使用请改用 PostgreSQL 服务器数据库"
    )


@dataclass
class _Held:
    fd: int
    count: int


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def acquire(database: Path) -> Path:
    """Own ``database`` for this process (again, if already owned); refuses when another
    program owns it. Returns the resolved path to pass to ``release``."""
    key = database.resolve()
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return key
        fd = os.open(lock_path(key), os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            raise refusal(key, read_holder(key))
        _held[key] = _Held(fd, 1)
        facts = json.dumps(asdict(_me()), ensure_ascii=False).encode("utf-8")
        with contextlib.suppress(OSError):  # without them a refusal says 另一个程序
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, facts)
        return key


def release(key: Path) -> None:
    """Give up one ownership of ``key``; the lock goes with the last one."""
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _held[key]
        os.close(held.fd)  # drops the lock; the file stays (its facts are stale, never trusted)


def owned() -> frozenset[Path]:
    """The files this process owns (for tests)."""
    with _guard:
        return frozenset(_held)
