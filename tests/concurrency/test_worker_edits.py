"""Two clerks save the same worker's file at the same moment: exactly one wins, the other is told
in Chinese who changed under them, and everything the winner saved is in the database."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from sqlalchemy import text

from tests.concurrency.race import ROUNDS, Tally, count, report, together, users
from tests.services.payroll_support import community, hire
from workforce.persistence.people import Worker
from workforce.services.context import Actor, Database
from workforce.services.roster.workers import load_worker, update_worker

FIELDS = (("phone", "remarks"), ("major", "school"))


def _edit(worker_id: int, actor: Actor, clerk: int, round_no: int):  # type: ignore[no-untyped-def]
    def job(database: Database, barrier: threading.Barrier) -> dict[str, str]:
        opened = load_worker(database, worker_id)
        values = {name: f"{name}-{clerk}-{round_no}" for name in FIELDS[clerk]}
        if clerk == 0:
            values["phone"] = f"1380000{round_no:04d}"
        barrier.wait()  # both clerks have the form open at the same version
        update_worker(database, actor, worker_id, replace(opened.data, **values), opened.version)
        return values

    return job


def test_two_clerks_saving_one_worker_never_lose_an_update(db: Database, admin: Actor) -> None:
    worker_id = hire(db, admin, community(db, admin), 1, name="张晓梅")
    tally = Tally()
    with users(db) as clerks:
        for round_no in range(ROUNDS):
            before = load_worker(db, worker_id).version
            results = together(
                clerks, [_edit(worker_id, admin, clerk, round_no) for clerk in (0, 1)]
            )
            winners = count(tally, results)
            saved = load_worker(db, worker_id)
            if len(winners) != 1:
                tally.lost_updates += len(winners) > 1
                continue
            (winner,) = winners
            won = results[winner]
            assert isinstance(won, dict)
            if any(getattr(saved.data, name) != value for name, value in won.items()):
                tally.lost_updates += 1
            assert saved.version == before + 1
    report("worker edits", tally)
    assert not tally.crashes, tally.crashes[:3]
    assert tally.lost_updates == 0
    assert tally.wins == ROUNDS
    assert len(tally.refusals) == ROUNDS
    assert all("「张晓梅」的档案已被他人修改" in message for message in tally.refusals), (
        tally.refusals[:3]
    )


def test_an_edit_does_not_wait_for_a_long_transaction_pointing_at_the_worker(
    db: Database, admin: Actor
) -> None:
    """A payroll month being calculated (or an adjustment plan prepared) writes rows pointing at
    every worker, and PostgreSQL's foreign-key check holds FOR KEY SHARE on each worker until
    that transaction commits, tens of seconds at 100,000 workers. A clerk saving a file in the
    meantime must not wait for it (the ten-clerks benchmark saw edits wait behind the plan)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time")
    worker_id = hire(db, admin, community(db, admin), 1, name="张晓梅")
    opened = load_worker(db, worker_id)
    saved: list[object] = []
    with db.engine.connect() as long_work:
        transaction = long_work.begin()
        # what inserting a payslip of this worker takes, until the month's commit
        long_work.execute(
            text(f"SELECT 1 FROM {Worker.__tablename__} WHERE id = :id FOR KEY SHARE"),
            {"id": worker_id},
        )
        data = replace(opened.data, remarks="电话已核实")
        clerk = threading.Thread(
            target=lambda: saved.append(update_worker(db, admin, worker_id, data, opened.version))
        )
        clerk.start()
        clerk.join(timeout=10)
        waited = clerk.is_alive()
        transaction.rollback()
    clerk.join()
    assert not waited, "the clerk's save waited for the other transaction's commit"
    assert saved and load_worker(db, worker_id).data.remarks == "电话已核实"
