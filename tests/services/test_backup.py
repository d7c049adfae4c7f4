"""Backups of the embedded file: made before apply and lock, rotated, previewed, restored."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from tests.services.payroll_support import community, hire, user
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry, Setting
from workforce.persistence.database import check_server_version
from workforce.persistence.people import Worker
from workforce.services.accounts.acting_user import actor_for
from workforce.services.backup import (
    BEFORE_LOCK,
    BEFORE_RESTORE,
    backup,
    backup_folder,
    create_backup,
    list_backups,
    restore,
)
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.lifecycle import approve_month, lock_month


def _names(db: Database) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(Worker.name).order_by(Worker.id)))


def test_locking_a_month_leaves_a_backup_of_the_file_as_it_was(sqlite_db: Database) -> None:
    admin = actor_for(sqlite_db)
    unit = community(sqlite_db, admin)
    hire(sqlite_db, admin, unit, 1)
    calculate_month(sqlite_db, admin, "2026-03")
    approve_month(sqlite_db, user(sqlite_db, "shenhe", Role.APPROVER), "2026-03")
    assert list_backups(sqlite_db, admin) == []
    lock_month(sqlite_db, user(sqlite_db, "caiwu", Role.FINANCE), "2026-03")

    (made,) = list_backups(sqlite_db, admin)
    assert made.reason == BEFORE_LOCK and BEFORE_LOCK in made.name
    assert made.path.parent == backup_folder(sqlite_db)
    assert (made.facts.workers, made.facts.active_workers) == (1, 1)
    assert made.facts.last_locked_month is None  # taken before the lock
    assert made.facts.revision is not None and made.size > 0
    with sqlite3.connect(made.path) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT status FROM payroll_month").fetchone()[0] == "approved"


def test_no_file_backup_for_a_server_database(db: Database, admin: Actor) -> None:
    if db.engine.dialect.name == "sqlite":
        pytest.skip("about the server database")
    assert backup(db, "x") is None
    with pytest.raises(ActionRefused, match="pg_dump"):
        create_backup(db, admin)


def test_only_the_newest_backups_are_kept(sqlite_db: Database) -> None:
    admin = actor_for(sqlite_db)
    with sqlite_db.transaction() as session:
        session.add(Setting(key="backup_keep", value=3))
    start = dt.datetime(2026, 11, 25, 9, 0).astimezone()
    for minute in range(5):
        backup(sqlite_db, f"第{minute}次", now=start + dt.timedelta(minutes=minute))
    folder = backup_folder(sqlite_db)
    assert folder is not None
    interrupted = folder / "workforce-20261125-090500-中断.db.part"
    interrupted.write_bytes(b"half")
    os.utime(interrupted, (time.time() - 7200, time.time() - 7200))  # two hours ago
    in_progress = folder / "workforce-20261125-091000-他人.db.part"  # another clerk's copy
    in_progress.write_bytes(b"")
    backup(sqlite_db, "第5次", now=start + dt.timedelta(minutes=5))
    assert [b.reason for b in list_backups(sqlite_db, admin)] == ["第5次", "第4次", "第3次"]
    assert list(folder.glob("*.part")) == [in_progress]


def test_two_backups_in_the_same_second_get_two_files(sqlite_db: Database) -> None:
    now = dt.datetime(2026, 11, 25, 9, 0).astimezone()
    with ThreadPoolExecutor(2) as pool:
        paths = list(pool.map(lambda reason: backup(sqlite_db, reason, now=now), ["锁定", "锁定"]))
    assert len({p for p in paths if p is not None}) == 2
    assert all(p is not None and p.stat().st_size > 0 for p in paths)


def test_restore_puts_the_old_data_back_and_keeps_the_current_as_a_backup(
    sqlite_db: Database,
) -> None:
    admin = actor_for(sqlite_db)
    unit = community(sqlite_db, admin)
    hire(sqlite_db, admin, unit, 1, name="甲")
    first = create_backup(sqlite_db, admin, "只有甲")
    hire(sqlite_db, admin, unit, 2, name="乙")
    assert _names(sqlite_db) == ["甲", "乙"]

    restore(sqlite_db, admin, first)

    assert _names(sqlite_db) == ["甲"]  # the same Database object reads the restored file
    with sqlite_db.reading() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "restore")).one()
    assert first.name in entry.note
    kept = [b for b in list_backups(sqlite_db, admin) if b.reason == BEFORE_RESTORE]
    assert len(kept) == 1 and kept[0].facts.workers == 2  # the data before the restore


def test_restore_refuses_what_is_not_a_workforce_database(
    sqlite_db: Database, tmp_path: Path
) -> None:
    admin = actor_for(sqlite_db)
    junk = tmp_path / "笔记.db"
    junk.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(ActionRefused, match="不是本系统的数据库"):
        restore(sqlite_db, admin, junk)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(ActionRefused, match="没有结构版本"):
        restore(sqlite_db, admin, other)
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    with pytest.raises(ActionRefused, match="更新的程序"):
        restore(sqlite_db, admin, newer)
    assert list_backups(sqlite_db, admin) == []  # refused before anything was touched


def test_clerks_may_not_restore(sqlite_db: Database) -> None:
    clerk = user(sqlite_db, "luru", Role.CLERK)
    with pytest.raises(ActionRefused, match="无权"):
        create_backup(sqlite_db, clerk)


def test_an_old_postgresql_server_is_refused_with_a_clear_message(db: Database) -> None:
    old = SimpleNamespace(info=SimpleNamespace(server_version=120017))
    with pytest.raises(ActionRefused, match=r"12\.17.*13 或更高"):
        check_server_version(old)
    check_server_version(SimpleNamespace(info=SimpleNamespace(server_version=130000)))
    if db.engine.dialect.name == "postgresql":  # the real server passed the check at connect
        with db.engine.connect() as connection:
            assert connection.dialect.server_version_info >= (13,)


def test_opening_a_too_old_server_fails_before_anything_is_read(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workforce.persistence import database

    monkeypatch.setattr(database, "MINIMUM_POSTGRESQL", 99)  # the real server plays an old one
    opened = Database.open(pg_url)
    try:
        with pytest.raises(ActionRefused, match="需要 99 或更高版本"), opened.reading() as session:
            session.scalar(select(Worker.id))
    finally:
        opened.close()


def test_a_backup_that_cannot_be_written_refuses_clearly(sqlite_db: Database) -> None:
    folder = backup_folder(sqlite_db)
    assert folder is not None
    folder.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(ActionRefused, match="无法备份数据库"):
        backup(sqlite_db, BEFORE_LOCK)


def test_a_file_held_open_elsewhere_is_not_replaced(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows another program's open handle makes the rename fail: nothing changes."""
    from workforce.persistence import backup_files

    admin = actor_for(sqlite_db)
    unit = community(sqlite_db, admin)
    hire(sqlite_db, admin, unit, 1, name="甲")
    made = create_backup(sqlite_db, admin)
    hire(sqlite_db, admin, unit, 2, name="乙")
    real = backup_files.os.replace

    def held(source: object, target: object) -> None:
        if Path(str(target)).name == "workforce.db":
            raise PermissionError("另一个程序正在使用此文件")
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(backup_files.os, "replace", held)
    with pytest.raises(ActionRefused, match="请关闭其他正在使用该数据库的程序"):
        restore(sqlite_db, admin, made)
    assert _names(sqlite_db) == ["甲", "乙"]
    assert not list(Path(str(backup_folder(sqlite_db))).parent.glob(".*.restore"))
