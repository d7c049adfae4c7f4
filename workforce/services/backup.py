"""备份与恢复 of the embedded database: a copy before each adjustment apply and payroll lock, the
newest few kept, a preview of what each copy holds, and restoring one in place of the live file.

PostgreSQL is backed up by its administrator with ``pg_dump`` (see the README); here only SQLite
files are copied.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import select

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.accounts import Setting, User
from workforce.persistence.backup_files import (
    PARTIAL,
    DamagedCopy,
    FileFacts,
    copy_file,
    copy_live,
    read_facts,
    replace_live,
    sqlite_file,
)
from workforce.persistence.migrate import alembic_config, current_revision, upgrade_to_head
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require

FOLDER = "backups"
KEEP_SETTING = "backup_keep"
DEFAULT_KEEP = 20
STALE_PARTIAL_SECONDS = 3600
BEFORE_APPLY = "调级应用"
BEFORE_LOCK = "工资锁定"
BEFORE_RESTORE = "恢复前"
MANUAL = "手动"
_NAME = re.compile(r"^workforce-(\d{8}-\d{6})(?:-(\d+))?-(.*)\.db$")
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')  # not allowed in Windows file names


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file and what it holds (备份预览)."""

    path: Path
    made_at: dt.datetime
    reason: str
    size: int
    facts: FileFacts

    @property
    def name(self) -> str:
        return self.path.name


def backup_folder(db: Database) -> Path | None:
    """The ``backups`` folder beside the database file; None when there is no file."""
    live = sqlite_file(db.engine)
    return None if live is None else live.parent / FOLDER


def _keep(db: Database) -> int:
    with db.reading() as session:
        setting = session.get(Setting, KEEP_SETTING)
    value = setting.value if setting is not None else None
    return value if isinstance(value, int) and value > 0 else DEFAULT_KEEP


def _new_name(folder: Path, reason: str, now: dt.datetime) -> Path:
    """A name never used before in ``folder``: within one second, a counter after the newest
    (kept by the rotation) orders them; the ``.part`` is reserved exclusively all the same."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    label = _UNSAFE.sub("_", reason.strip())[:40] or MANUAL
    found = [f for f in _files(folder) if f[1] == _stamp(stamp)]
    counter = max((f[3] for f in found), default=0) + 1
    while True:
        middle = stamp if counter == 1 else f"{stamp}-{counter}"
        path = folder / f"workforce-{middle}-{label}.db"
        partial = path.with_name(path.name + PARTIAL)
        try:
            os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            pass
        else:
            if not path.exists():
                return path
            partial.unlink(missing_ok=True)
        counter += 1


def _stamp(text: str) -> dt.datetime:
    """The local time written into a backup's name."""
    return dt.datetime.strptime(text, "%Y%m%d-%H%M%S").astimezone()


def _files(folder: Path) -> list[tuple[Path, dt.datetime, str, int]]:
    """The backups, newest first: by the time in the name, then the counter within a second
    (read from the names alone: another rotation may delete a file meanwhile)."""
    found = []
    for path in folder.glob("workforce-*.db"):
        match = _NAME.match(path.name)
        if match:
            found.append((path, _stamp(match.group(1)), match.group(3), int(match.group(2) or 1)))
    return sorted(found, key=lambda f: (f[1], f[3]), reverse=True)


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups, and leftovers of copies interrupted over an
    hour ago (a younger ``.part`` may be a copy in progress)."""
    removed = [f[0] for f in _files(folder)[keep:]]
    stale = time.time() - STALE_PARTIAL_SECONDS
    for partial in folder.glob(f"workforce-*.db{PARTIAL}"):
        with contextlib.suppress(FileNotFoundError):
            if partial.stat().st_mtime < stale:
                removed.append(partial)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


_one_at_a_time = threading.Lock()
"""Backups of this process, one after the other: naming, copying and rotating never interleave
(and no other program makes backups of the file: it owns it, see ``file_lock``)."""


def backup(
    db: Database, reason: str, *, now: dt.datetime | None = None, checked: bool = True
) -> Path | None:
    """Copy the live SQLite database into the backups folder; None for PostgreSQL/in-memory.

    Runs outside any transaction of the caller (the copy reads through its own connection).
    The copy must pass SQLite's ``integrity_check`` (unless not ``checked``: the copy of what a
    restore replaces keeps the file as it was, damaged or not); a copy that cannot be made, or
    is not intact, refuses the action that asked for it."""
    folder = backup_folder(db)
    if folder is None:
        return None
    keep = _keep(db)
    try:
        with _one_at_a_time:
            folder.mkdir(parents=True, exist_ok=True)
            path = _new_name(folder, reason, now or dt.datetime.now().astimezone())
            copy_live(db.engine, path, checked=checked)
            rotate(folder, keep)
    except DamagedCopy as exc:
        raise ActionRefused(
            f"数据库的备份未通过完整性检查（{exc}），该备份已删除，操作未执行：数据库文件可能已损坏，"
            "请先从「备份与恢复」中恢复最近的完好备份，或联系技术支持"
        ) from exc
    except (OSError, sqlite3.Error) as exc:  # refused before anything was written
        raise ActionRefused(f"无法备份数据库到「{folder}」（{exc}），操作未执行") from exc
    return path


def create_backup(db: Database, actor: Actor, reason: str = MANUAL) -> Path:
    """立即备份 on request; refuses for a server database (use pg_dump there)."""
    require(actor, Action.EDIT_CONFIGURATION)
    path = backup(db, reason or MANUAL)
    if path is None:
        raise ActionRefused("服务器数据库（PostgreSQL）请由数据库管理员用 pg_dump 备份")
    return path


def _describe(path: Path, made: dt.datetime, reason: str, *, check: bool = False) -> BackupInfo:
    facts = read_facts(path, tuple(ACTIVE_STATUSES), check=check)
    return BackupInfo(path, made, reason, path.stat().st_size, facts)


def list_backups(db: Database, actor: Actor) -> list[BackupInfo]:
    """The backups beside the database, newest first, each with its preview."""
    require(actor, Action.EDIT_CONFIGURATION)
    folder = backup_folder(db)
    if folder is None or not folder.is_dir():
        return []
    found = []
    for path, made, reason, _ in _files(folder):
        try:
            found.append(_describe(path, made, reason))
        except (sqlite3.DatabaseError, FileNotFoundError):
            continue  # not a database (a stray file with our name), or just rotated away
    return found


def inspect(db: Database, path: Path) -> BackupInfo:
    """Check that ``path`` is an intact workforce database this program can open or upgrade."""
    match = _NAME.match(path.name)
    made = (
        _stamp(match.group(1))
        if match
        else dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC).astimezone()
    )
    try:
        info = _describe(path, made, match.group(3) if match else "", check=True)
    except sqlite3.DatabaseError as exc:
        raise ActionRefused(f"「{path.name}」不是本系统的数据库文件（{exc}）") from exc
    known = {
        script.revision
        for script in ScriptDirectory.from_config(alembic_config(db.engine)).walk_revisions()
    }
    if info.facts.revision is None:
        raise ActionRefused(f"「{path.name}」不是本系统的数据库文件（没有结构版本）")
    if info.facts.revision not in known:
        raise ActionRefused(
            f"「{path.name}」的结构版本 {info.facts.revision} 由更新的程序生成，本程序不能打开"
        )
    if not info.facts.intact:
        raise ActionRefused(f"「{path.name}」已损坏（完整性检查未通过），不能恢复")
    return info


def restore(db: Database, actor: Actor, path: Path) -> BackupInfo:
    """恢复: put a backup in place of the live database (the current file is backed up first),
    upgrade it if it is older, and record the restore in the restored database's audit log.
    Every connection of ``db`` is closed; ``db`` reads the restored file afterwards."""
    require(actor, Action.EDIT_CONFIGURATION)
    live = sqlite_file(db.engine)
    if live is None:
        raise ActionRefused("服务器数据库（PostgreSQL）请由数据库管理员用 pg_restore 恢复")
    info = inspect(db, path)
    before = current_revision(db.engine)
    staged = live.with_name(f".{live.name}.restore")
    copy_file(path, staged)  # before the safety copy, whose rotation may delete ``path``
    safety = backup(db, BEFORE_RESTORE, checked=False)  # the damaged file too
    try:
        replace_live(db.engine, staged)
    except OSError as exc:  # Windows: another program holds the file open
        staged.unlink(missing_ok=True)
        raise ActionRefused(
            f"无法替换数据库文件（{exc}）：请关闭其他正在使用该数据库的程序后重试"
        ) from exc
    upgrade_to_head(db.engine)
    kept = safety.name if safety else ""
    with db.transaction() as session:
        user_id = session.scalar(select(User.id).where(User.username == actor.username))
        audit.record(
            session,
            Actor(user_id, actor.username, actor.role, actor.scope_org_id),
            "restore",
            "database",
            None,
            {"revision": (before, info.facts.revision)},
            note=f"由备份「{path.name}」恢复；恢复前的数据另存为「{kept}」",
        )
    return info
