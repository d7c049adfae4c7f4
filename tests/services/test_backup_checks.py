"""Backups under load and their checks (issue 13, part 5): many at once within one second with
rotation on never fail and never collide; a refused lock or apply writes no backup; a copy that
fails SQLite's integrity check refuses the action and is not kept."""

from __future__ import annotations

import datetime as dt
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.services.payroll_support import community, hire, user
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import Setting
from workforce.persistence.payroll import PayrollMonth
from workforce.services.accounts.acting_user import actor_for
from workforce.services.adjustment.apply import apply_run
from workforce.services.adjustment.run import prepare_run
from workforce.services.backup import backup, backup_folder
from workforce.services.context import Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.lifecycle import approve_month, lock_month

THREADS = 6
EACH = 8
KEEP = 3


def _files(db: Database, pattern: str = "*") -> list[Path]:
    folder = backup_folder(db)
    assert folder is not None
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


def test_many_backups_in_one_second_with_rotation_all_succeed(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as session:
        session.add(Setting(key="backup_keep", value=KEEP))
    second = dt.datetime(2026, 11, 25, 9, 0).astimezone()
    others = [Database.open(str(sqlite_db.engine.url.database)) for _ in range(THREADS)]

    def clerk(index: int) -> list[Path | None]:
        return [backup(others[index], "锁定", now=second) for _ in range(EACH)]

    try:
        with ThreadPoolExecutor(THREADS) as pool:
            made = [p for batch in pool.map(clerk, range(THREADS)) for p in batch]
    finally:
        for each in others:
            each.close()
    assert len(set(made)) == THREADS * EACH  # every backup got a name of its own
    kept = _files(sqlite_db, "*.db")
    assert len(kept) == KEEP and not _files(sqlite_db, "*.part")
    for path in kept:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_lock_refused_because_the_month_is_only_calculated_writes_no_backup(
    sqlite_db: Database,
) -> None:
    admin = actor_for(sqlite_db)
    hire(sqlite_db, admin, community(sqlite_db, admin), 1)
    calculate_month(sqlite_db, admin, "2026-03")
    with pytest.raises(ActionRefused, match="只有已审核的月份可以锁定"):
        lock_month(sqlite_db, user(sqlite_db, "caiwu", Role.FINANCE), "2026-03")
    assert _files(sqlite_db) == []


def test_an_apply_refused_because_the_run_is_not_approved_writes_no_backup(
    sqlite_db: Database,
) -> None:
    admin = actor_for(sqlite_db)
    hire(sqlite_db, admin, community(sqlite_db, admin), 1)
    run_id = prepare_run(sqlite_db, admin, 2026).run_id
    with pytest.raises(ActionRefused, match="只有已审核的批次可以应用"):
        apply_run(sqlite_db, admin, run_id)
    assert _files(sqlite_db) == []


def test_a_backup_that_fails_the_integrity_check_refuses_the_lock_and_is_not_kept(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workforce.persistence import backup_files

    admin = actor_for(sqlite_db)
    hire(sqlite_db, admin, community(sqlite_db, admin), 1)
    calculate_month(sqlite_db, admin, "2026-03")
    approve_month(sqlite_db, user(sqlite_db, "shenhe", Role.APPROVER), "2026-03")
    monkeypatch.setattr(backup_files, "check_file", lambda _path: ("Rowid 2005 out of order",))
    with pytest.raises(ActionRefused, match="未通过完整性检查（Rowid 2005 out of order）"):
        lock_month(sqlite_db, user(sqlite_db, "caiwu", Role.FINANCE), "2026-03")
    assert _files(sqlite_db) == []  # neither the copy nor its .part
    with sqlite_db.reading() as session:
        status = session.scalar(select(PayrollMonth.status))
    assert status == "approved"
