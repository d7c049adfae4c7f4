"""Applying then reverting a run restores every worker exactly, for several generated
populations (a property over demo seeds; the database makes each case a few seconds)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from workforce.persistence.accounts import Setting
from workforce.persistence.people import Worker
from workforce.services.accounts.acting_user import actor_for
from workforce.services.adjustment.apply import apply_run, revert_run
from workforce.services.adjustment.run import approve_run, prepare_run
from workforce.services.context import Database
from workforce.services.scale import posts_in_force
from workforce.services.system.demo import generate_demo

STATE = (
    Worker.post,
    Worker.level,
    Worker.level_start_year,
    Worker.credited_ladder,
    Worker.early_steps_used,
    Worker.early_streak_start,
    Worker.credited_honour_kinds,
)


def _snapshot(db: Database) -> dict[int, tuple[object, ...]]:
    with db.reading() as session:
        return {row[0]: tuple(row[1:]) for row in session.execute(select(Worker.id, *STATE))}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_apply_then_revert_restores_every_worker(sqlite_db: Database, seed: int) -> None:
    admin = actor_for(sqlite_db)
    generate_demo(sqlite_db, admin, workers=300, seed=seed, today=dt.date(2026, 2, 1))
    with sqlite_db.transaction() as session:
        session.add(Setting(key="allow_single_user_approval", value=True))
    before = _snapshot(sqlite_db)
    run = prepare_run(sqlite_db, admin, 2026)
    assert run.summary.total.person_times > 0
    approve_run(sqlite_db, admin, run.run_id)
    apply_run(sqlite_db, admin, run.run_id)
    applied = _snapshot(sqlite_db)
    moved = [w for w in before if before[w][:2] != applied[w][:2]]
    assert len(moved) == run.summary.total.person_times
    with sqlite_db.reading() as session:
        ranges = {
            p.code: (p.min_level, p.max_level) for p in posts_in_force(session, run.effective_date)
        }
    for post, level, *_ in applied.values():  # levels always stay within their post's range
        low, high = ranges[str(post)]
        assert low <= int(str(level)) <= high, (post, level)
    revert_run(sqlite_db, admin, run.run_id, "核对")
    assert _snapshot(sqlite_db) == before
