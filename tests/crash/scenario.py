"""The database the kill runs start from, and the child process that runs one operation on it.

The child writes a marker line to standard output at each step it reaches (flushed at once), so
the parent knows, after killing it, where the kill landed: before the write transaction, inside
it, or after its commit returned.

    python -m tests.crash.scenario apply|lock|import URL [SHEET]
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from tests.roster_samples import simple_roster
from tests.services.payroll_support import user
from workforce.domain.idcard import make_id_number
from workforce.domain.vocab import Role
from workforce.persistence.accounts import User
from workforce.services.accounts.acting_user import actor_for
from workforce.services.adjustment import apply as adjustment_apply
from workforce.services.adjustment.run import approve_run, prepare_run
from workforce.services.context import Actor, Database
from workforce.services.payroll import lifecycle as payroll_lifecycle
from workforce.services.payroll.calc import calculate_month
from workforce.services.system.demo import generate_demo
from workforce.services.system.setup import initialise

WORKERS = 3000
IMPORTED = 1000
YEAR = 2026
MONTH = "2026-01"
TODAY = dt.date(2026, 1, 15)
HEADER = ["街道", "社区", "姓名", "身份证号", "岗位", "岗位等级"]


def imported_ids() -> list[str]:
    """ID numbers of the sheet's people (of a region the demo never draws: all are new)."""
    return [
        make_id_number("110101", dt.date(1977, 1, 1) + dt.timedelta(days=n // 400), n, n % 2 == 0)
        for n in range(IMPORTED)
    ]


def write_sheet(path: Path) -> Path:
    rows: list[list[object]] = [
        ["新华街道", "光明社区", f"导入{n}", number, "其他", 3]
        for n, number in enumerate(imported_ids())
    ]
    return simple_roster(path, HEADER, rows)


def prepare(db: Database) -> int:
    """Demo people, an approved adjustment run of the year and an approved payroll month.
    Returns the run's id."""
    initialise(db)
    admin = actor_for(db)
    generate_demo(db, admin, workers=WORKERS, seed=7, today=TODAY)
    approver = user(db, "shenhe", Role.APPROVER)
    user(db, "caiwu", Role.FINANCE)
    run_id = prepare_run(db, admin, YEAR).run_id
    approve_run(db, approver, run_id)
    calculate_month(db, admin, MONTH)
    payroll_lifecycle.approve_month(db, approver, MONTH)
    return run_id


def mark(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


@contextmanager
def marked(name: str) -> Iterator[None]:
    mark(name)
    yield
    mark(f"{name}-done")


def _watch(db: Database) -> None:
    """Markers for every session transaction: begun, and committed (after the commit returned)."""
    event.listen(db.sessions, "after_begin", lambda *_: mark("begin"))
    event.listen(db.sessions, "after_commit", lambda *_: mark("committed"))


def _watch_backup(module: Any) -> None:
    real = module.backup

    def backup(db: Database, reason: str) -> Any:
        with marked("backup"):
            return real(db, reason)

    module.backup = backup


def _finance(db: Database) -> Actor:
    with db.reading() as session:
        row = session.scalars(select(User).where(User.username == "caiwu")).one()
    return Actor(row.id, row.username, Role.FINANCE)


def operation(db: Database, name: str, sheet: str | None) -> Callable[[], object]:
    """The operation to kill, with everything it needs (the sheet read, the run found) made
    ready beforehand, so the kill lands in the operation and not in the start-up."""
    admin = actor_for(db)
    if name == "apply":
        from workforce.persistence.adjustment import AdjustmentRun

        with db.reading() as session:
            run_id = session.scalars(select(AdjustmentRun.id)).one()
        _watch_backup(adjustment_apply)
        return lambda: adjustment_apply.apply_run(db, admin, run_id)
    if name == "lock":
        finance = _finance(db)
        _watch_backup(payroll_lifecycle)
        return lambda: payroll_lifecycle.lock_month(db, finance, MONTH)
    from reports.xlsx_reader import pick_roster_sheet, read_workbook
    from workforce.services.roster.importing import apply_roster_import

    assert sheet is not None
    grid = pick_roster_sheet(read_workbook(sheet), None)
    return lambda: apply_roster_import(db, admin, grid, today=TODAY)


def main(argv: list[str]) -> int:
    name, url, *rest = argv
    db = Database.open(url)
    run = operation(db, name, rest[0] if rest else None)
    _watch(db)
    mark("ready")
    run()
    mark("finished")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
