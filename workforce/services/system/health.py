"""启动检查: is the embedded database file intact? ``PRAGMA quick_check`` at start (the desktop,
off the GUI thread; ``workforce check`` on the command line). A damaged file is written no more:
every write is refused with a message that says what happened and what to do, and the newest
backup that passes ``PRAGMA integrity_check`` is offered for restoring.

PostgreSQL keeps its own pages consistent: nothing to check there, the answer is always intact.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workforce.domain.problems import ActionRefused
from workforce.persistence.backup_files import sqlite_file
from workforce.persistence.database import describe_url
from workforce.persistence.integrity import check_engine, check_file
from workforce.services.backup import BackupInfo, list_backups, restore
from workforce.services.context import Actor, Database


@dataclass(frozen=True, slots=True)
class Health:
    """The answer of the check: the database as a person names it and SQLite's problem lines
    (none when intact)."""

    database: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def damaged_message(health: Health, *, writing_stopped: bool = True) -> str:
    """What every refused write says, in plain words: what happened, that nothing more is
    written (or, from ``workforce check``, that nothing should be), what to do."""
    stop = (
        "为免损坏扩大，本程序已停止写入，此后的任何修改都不会保存。"
        if writing_stopped
        else "为免损坏扩大，请不要再用本程序修改数据。"
    )
    return (
        f"数据库文件「{health.database}」已损坏（SQLite 完整性检查未通过）。{stop}"
        "请由管理员从最近一份完好的备份恢复（命令行：workforce backup list，"
        "workforce backup restore 文件名），或退出程序，把该文件交技术人员检查。"
    )


def check_database(db: Database) -> Health:
    """``PRAGMA quick_check`` of the embedded file (read only); PostgreSQL: intact. A file that
    is not there is not made by looking for it."""
    name = describe_url(db.engine).removeprefix("sqlite:///")
    live = sqlite_file(db.engine)
    if live is not None and not live.is_file():
        return Health(name, ("数据库文件不存在",))
    return Health(name, check_engine(db.engine))


def stop_writing_if_damaged(db: Database) -> Health:
    """The start-up check: a damaged file is written no more (``Database.refuse_writes``)."""
    health = check_database(db)
    if not health.ok:
        db.refuse_writes(damaged_message(health))
    return health


def newest_intact_backup(db: Database, actor: Actor) -> BackupInfo | None:
    """The newest backup that passes ``PRAGMA integrity_check`` (an older one when the newest
    are damaged too); None when there is none. Administrators only, like every backup."""
    for info in list_backups(db, actor):
        if not check_file(info.path):
            return info
    return None


def restore_intact(db: Database, actor: Actor, path: Path) -> BackupInfo:
    """Put an intact backup in place of the damaged file (``backup.restore``: the damaged file is
    kept as a backup first, the restore is audited) and write again once the file checks intact.
    Writes stay refused when the restore is refused or fails."""
    problems = check_file(path)
    if problems:
        raise ActionRefused(f"备份「{path.name}」也已损坏（{problems[0]}），不能恢复")
    refused = db.writes_refused
    db.allow_writes()  # the restore records itself in the restored file's audit log
    try:
        info = restore(db, actor, path)
    except BaseException:
        if refused is not None:
            db.refuse_writes(refused)
        raise
    health = check_database(db)
    if not health.ok:
        db.refuse_writes(damaged_message(health))
        raise ActionRefused(damaged_message(health))
    return info
