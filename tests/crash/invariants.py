"""What must hold in a database file after its writer was killed at any moment: nothing half
done, no orphan rows, the audit log agreeing with the data, and no broken backup beside it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine, func, inspect, select, text

from tests.crash.scenario import MONTH, imported_ids
from workforce.persistence.accounts import AuditEntry, ImportBatch
from workforce.persistence.adjustment import AdjustmentRun
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.persistence.people import Worker
from workforce.services.adjustment.apply import _current_states, _same_state
from workforce.services.context import Database
from workforce.services.payroll.calc import as_period

Counts = dict[str, int]


def table_counts(engine: Engine) -> Counts:
    with engine.connect() as connection:
        return {
            name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            for name in inspect(connection).get_table_names()
        }


def file_checks(path: Path) -> list[str]:
    """SQLite's own checks on the file (recovering its write-ahead log first) and its backups."""
    broken = []
    with closing(sqlite3.connect(path)) as connection:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            broken.append(f"integrity_check: {integrity[:3]}")
        orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:
            broken.append(f"foreign_key_check: {orphans[:3]}")
    for copy in sorted((path.parent / "backups").glob("workforce-*.db")):
        with closing(sqlite3.connect(f"file:{copy}?mode=ro", uri=True)) as connection:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                broken.append(f"backup {copy.name} is damaged")
    return broken


def adjustment_done(db: Database) -> bool:
    """Applied with every worker at the planned state, the apply and each change audited; or
    approved with every worker as before and nothing audited. Anything else raises."""
    with db.reading() as session:
        run = session.scalars(select(AdjustmentRun)).one()
        states = _current_states(session, run.id)
        at_after = sum(_same_state(current, item.state_after) for item, current, _ in states)
        at_before = sum(_same_state(current, item.state_before) for item, current, _ in states)
        applies = session.scalar(
            select(func.count()).where(
                AuditEntry.action == "apply",
                AuditEntry.entity == "adjustment_run",
                AuditEntry.entity_id == run.id,
            )
        )
        adjusted = session.scalar(
            select(func.count()).where(
                AuditEntry.action == "adjust", AuditEntry.note.contains(f"批次{run.id}")
            )
        )
    applied = run.status == "applied"
    if applied:
        assert at_after == len(states) and applies == 1 and adjusted == len(states), (
            f"applied run: {at_after}/{len(states)} workers moved, {applies} apply audits, "
            f"{adjusted} change audits"
        )
    else:
        assert run.status == "approved", run.status
        assert at_before == len(states) and applies == 0 and adjusted == 0, (
            f"unapplied run: {at_before}/{len(states)} workers as before, {applies} apply audits"
        )
    return applied


def lock_done(db: Database) -> bool:
    """Locked with its payslips and the lock audited, or approved as before and not audited."""
    with db.reading() as session:
        month = session.scalars(
            select(PayrollMonth).where(PayrollMonth.period == as_period(MONTH))
        ).one()
        slips = session.scalar(select(func.count()).where(Payslip.month_id == month.id))
        locks = session.scalar(
            select(func.count()).where(
                AuditEntry.action == "lock", AuditEntry.entity_id == month.id
            )
        )
    assert slips == month.worker_count and slips > 0
    assert month.status in ("approved", "locked"), month.status
    locked = month.status == "locked"
    assert locks == (1 if locked else 0), f"{month.status} month with {locks} lock audits"
    assert (month.locked_at is not None) == locked
    return locked


def import_done(db: Database) -> bool:
    """Every row of the sheet imported in one batch with its audit entries, or none."""
    numbers = imported_ids()
    with db.reading() as session:
        present = session.scalar(select(func.count()).where(Worker.id_number.in_(numbers)))
        batches = session.scalars(select(ImportBatch)).all()
        audited = session.scalar(
            select(func.count()).where(
                AuditEntry.action == "create",
                AuditEntry.entity == "worker",
                AuditEntry.batch_id.in_([b.id for b in batches]),
            )
        )
    assert present in (0, len(numbers)), f"{present} of {len(numbers)} rows imported"
    assert len(batches) == (1 if present else 0), f"{len(batches)} batches, {present} workers"
    assert sum(b.created for b in batches) == audited == present, (
        f"{audited} audit entries for {present} imported workers"
    )
    return bool(present)


DONE = {"apply": adjustment_done, "lock": lock_done, "import": import_done}
