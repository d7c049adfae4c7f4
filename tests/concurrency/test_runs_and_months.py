"""Two users pressing the same button at once: applying or reverting one adjustment run,
approving, locking or returning one payroll month. Exactly one succeeds; the other is refused in
Chinese; the data is what one action alone would leave."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from sqlalchemy import func, select

from tests.concurrency.race import ROUNDS, Tally, count, report, together, users
from tests.services.payroll_support import community, hire, user
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import PayrollMonth
from workforce.persistence.people import Appraisal, Worker
from workforce.services.adjustment.apply import apply_run, revert_run
from workforce.services.adjustment.run import approve_run, prepare_run
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.lifecycle import approve_month, lock_month, return_month
from workforce.services.roster.workers import load_worker, update_worker

SLOW_ROUNDS = max(3, ROUNDS // 5)  # each round prepares a run or calculates a month first


def _press(action: Callable[[Database], object]) -> Callable[[Database, threading.Barrier], object]:
    def job(database: Database, barrier: threading.Barrier) -> object:
        barrier.wait()
        return action(database)

    return job


def _levels(db: Database) -> dict[int, tuple[str, int, int]]:
    with db.reading() as session:
        rows = session.execute(select(Worker.id, Worker.post, Worker.level, Worker.version))
        return {r[0]: (r[1], r[2], r[3]) for r in rows}


def _audits(db: Database, action: str) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).where(AuditEntry.action == action)) or 0


def _promotable(db: Database, admin: Actor, how_many: int) -> list[int]:
    unit = community(db, admin)
    ids = [hire(db, admin, unit, n, level=3, level_start_year=2023) for n in range(1, how_many + 1)]
    with db.transaction() as session:
        session.add_all(
            Appraisal(worker_id=w, year=y, grade="称职") for w in ids for y in (2023, 2024, 2025)
        )
    return ids


def _approved_run(db: Database, admin: Actor, approver: Actor) -> int:
    run_id = prepare_run(db, admin, 2026).run_id
    approve_run(db, approver, run_id)
    return run_id


def test_applying_and_reverting_one_run_twice_at_once(db: Database, admin: Actor) -> None:
    ids = _promotable(db, admin, 3)
    approver, clerk = user(db, "shenhe", Role.APPROVER), user(db, "luru", Role.CLERK)
    approver2 = user(db, "shenhe2", Role.APPROVER)
    applied, reverted = Tally(), Tally()
    with users(db) as both:
        for _ in range(SLOW_ROUNDS):
            before = _levels(db)
            run_id = _approved_run(db, admin, approver)
            results = together(
                both,
                [
                    _press(partial(apply_run, actor=admin, run_id=run_id)),
                    _press(partial(apply_run, actor=clerk, run_id=run_id)),
                ],
            )
            count(applied, results)
            after = _levels(db)
            # one application: every worker one level up and written exactly once
            if any(after[w][1:] != (before[w][1] + 1, before[w][2] + 1) for w in ids):
                applied.lost_updates += 1
            results = together(
                both,
                [
                    _press(partial(revert_run, actor=approver, run_id=run_id, reason="重复")),
                    _press(partial(revert_run, actor=approver2, run_id=run_id, reason="重复")),
                ],
            )
            count(reverted, results)
            if any(_levels(db)[w][:2] != before[w][:2] for w in ids):
                reverted.lost_updates += 1
    report("apply run", applied)
    report("revert run", reverted)
    for tally, verb in (
        (applied, "只有已审核的批次可以应用"),
        (reverted, "只有已应用的批次可以撤销"),
    ):
        assert not tally.crashes, tally.crashes[:3]
        assert tally.wins == SLOW_ROUNDS and tally.lost_updates == 0
        assert len(tally.refusals) == SLOW_ROUNDS
        assert all(verb in message for message in tally.refusals), tally.refusals[:3]
    assert _audits(db, "apply") == _audits(db, "revert") == SLOW_ROUNDS


def test_a_clerk_edit_racing_an_applied_run_is_never_overwritten(
    db: Database, admin: Actor
) -> None:
    """The run writes levels while a clerk saves the same worker: one of them must be refused,
    never the clerk's level silently replaced by the run's."""
    tally = Tally()
    (worker_id,) = _promotable(db, admin, 1)
    approver, clerk = user(db, "shenhe", Role.APPROVER), user(db, "luru", Role.CLERK)
    with users(db) as both:
        for round_no in range(SLOW_ROUNDS):
            run_id = _approved_run(db, admin, approver)
            opened = load_worker(db, worker_id)
            edited = replace(opened.data, level=opened.data.level + 2, remarks=f"r{round_no}")

            def clerk_saves(d: Database, edited: object = edited, version: int = opened.version):
                return update_worker(d, clerk, worker_id, edited, version)  # type: ignore[arg-type]

            results = together(
                both, [_press(partial(apply_run, actor=admin, run_id=run_id)), _press(clerk_saves)]
            )
            winners = count(tally, results)
            level = load_worker(db, worker_id).data.level
            expected = {0: opened.data.level + 1, 1: opened.data.level + 2}
            if len(winners) != 1 or level != expected[winners[0]]:
                tally.lost_updates += 1
            # back to the start for the next round (a new plan supersedes a refused one)
            if 0 in winners:
                revert_run(db, approver, run_id, "重复测试")
            else:
                current = load_worker(db, worker_id)
                update_worker(db, admin, worker_id, opened.data, current.version)
    report("apply run vs worker edit", tally)
    assert not tally.crashes, tally.crashes[:3]
    assert tally.lost_updates == 0


def test_approving_locking_and_returning_one_month_at_once(db: Database, admin: Actor) -> None:
    hire(db, admin, community(db, admin), 1)
    approvers = [user(db, f"shenhe{n}", Role.APPROVER) for n in (1, 2)]
    finance = [user(db, f"caiwu{n}", Role.FINANCE) for n in (1, 2)]
    approved, locked, lock_or_return = Tally(), Tally(), Tally()
    with users(db) as both:
        for index in range(SLOW_ROUNDS):
            period = f"{2026 + index // 12}-{index % 12 + 1:02d}"
            calculate_month(db, admin, period)
            approvals = [_press(partial(approve_month, actor=a, period=period)) for a in approvers]
            count(approved, together(both, approvals))
            # a lock and a return at the same moment: the month ends locked or back in draft
            outcome = together(
                both,
                [
                    _press(partial(lock_month, actor=finance[0], period=period)),
                    _press(partial(return_month, actor=approvers[0], period=period, reason="核对")),
                ],
            )
            if count(lock_or_return, outcome) != [1]:
                assert _status(db, period) == "locked"
                continue
            calculate_month(db, admin, period)  # it was returned to draft: again, then race locks
            approve_month(db, approvers[1], period)
            count(
                locked,
                together(
                    both, [_press(partial(lock_month, actor=f, period=period)) for f in finance]
                ),
            )
            assert _status(db, period) == "locked"
    report("approve month", approved)
    report("lock month", locked)
    report("lock vs return month", lock_or_return)
    for tally in (approved, locked, lock_or_return):
        assert not tally.crashes, tally.crashes[:3]
        assert tally.wins == tally.rounds == len(tally.refusals)
    assert _audits(db, "lock") == SLOW_ROUNDS


def _status(db: Database, period: str) -> str:
    first = dt.date(int(period[:4]), int(period[5:]), 1)
    with db.reading() as session:
        return session.scalar(select(PayrollMonth.status).where(PayrollMonth.period == first)) or ""
