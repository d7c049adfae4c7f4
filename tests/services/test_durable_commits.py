"""Durable commits on the embedded file (issue 13, part 3): a month locked, a run applied or
reverted, an import reported done are on the disk when the program says so — every commit of
those actions runs with ``PRAGMA synchronous=FULL`` (the write-ahead log synced at commit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event

from reports.xlsx_reader import pick_roster_sheet, read_workbook
from tests.roster_samples import person_id, simple_roster
from tests.services.payroll_support import community, hire, user
from workforce.domain.vocab import Role
from workforce.services.accounts.acting_user import actor_for
from workforce.services.adjustment.apply import apply_run, revert_run
from workforce.services.adjustment.run import approve_run, prepare_run
from workforce.services.context import Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.lifecycle import approve_month, lock_month
from workforce.services.roster.importing import apply_roster_import

FULL = 2  # what PRAGMA synchronous reports for FULL (NORMAL is 1)


@contextmanager
def commits(db: Database) -> Iterator[list[int]]:
    """The ``synchronous`` setting of the connection at each commit made meanwhile."""
    seen: list[int] = []

    def at_commit(connection: Any) -> None:
        driver = connection.connection.driver_connection
        seen.append(driver.execute("PRAGMA synchronous").fetchone()[0])

    event.listen(db.engine, "commit", at_commit)
    try:
        yield seen
    finally:
        event.remove(db.engine, "commit", at_commit)


def _durable(db: Database, action: Callable[[], object]) -> None:
    with commits(db) as seen:
        action()
    assert seen and set(seen) == {FULL}, seen


def test_locking_applying_reverting_and_importing_commit_durably(
    sqlite_db: Database, tmp_path: Path
) -> None:
    db = sqlite_db
    admin = actor_for(db)
    approver, finance = user(db, "shenhe", Role.APPROVER), user(db, "caiwu", Role.FINANCE)
    hire(db, admin, community(db, admin), 1, level=3, level_start_year=2023)
    sheet = simple_roster(
        tmp_path / "花名册.xlsx",
        ["街道", "社区", "姓名", "身份证号", "岗位", "岗位等级"],
        [["新华街道", "光明社区", "新人", person_id(77), "其他", 3]],
    )
    grid = pick_roster_sheet(read_workbook(sheet))
    _durable(db, lambda: apply_roster_import(db, admin, grid, today=dt.date(2026, 1, 15)))

    run_id = prepare_run(db, admin, 2026).run_id
    approve_run(db, approver, run_id)
    _durable(db, lambda: apply_run(db, admin, run_id))
    _durable(db, lambda: revert_run(db, approver, run_id, "重做"))

    calculate_month(db, admin, "2026-03")
    approve_month(db, approver, "2026-03")
    _durable(db, lambda: lock_month(db, finance, "2026-03"))
