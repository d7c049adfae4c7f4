"""Worker services on both databases: audit, history, atomicity, conflicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import delete, func, select

from tests.factories import make_worker
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role, WorkerStatus
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.people import (
    EducationRecord,
    PostLevelChange,
    StatusChange,
    Transfer,
    Worker,
)
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import (
    change_status,
    create_worker,
    insert_workers,
    load_worker,
    transfer_worker,
    update_worker,
)


def _community(db: Database, actor: Actor, name: str = "光明社区") -> int:
    with db.transaction() as session:
        resolver = UnitResolver(session, actor, default_district_id(session))
        return resolver.resolve("新华街道", name, None)[0]


def test_create_then_edit_keeps_history_and_audits(db: Database, admin: Actor) -> None:
    community = _community(db, admin)
    worker_id = create_worker(db, admin, make_worker(community))
    file = load_worker(db, worker_id)
    changes = update_worker(db, admin, worker_id, replace(file.data, level=5), file.version)
    assert changes == {"level": (3, 5)}
    with db.reading() as session:
        levels = session.scalars(
            select(PostLevelChange.level).where(PostLevelChange.worker_id == worker_id)
        ).all()
        assert levels == [3, 5]
        audits = session.execute(
            select(AuditEntry.action, AuditEntry.changes).where(AuditEntry.entity == "worker")
        ).all()
    assert [a for a, _ in audits] == ["create", "update"]
    assert audits[1][1] == {"level": ["3", "5"]}


def test_invalid_worker_is_refused_and_nothing_written(db: Database, admin: Actor) -> None:
    community = _community(db, admin)
    bad = make_worker(community, level=15)  # staff range is 1–12
    with pytest.raises(ActionRefused, match="1–12"):
        create_worker(db, admin, bad)
    with db.reading() as session:
        assert session.scalar(select(func.count(Worker.id))) == 0
        assert (
            session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.entity == "worker"))
            == 0
        )


def test_duplicate_id_number_is_refused(db: Database, admin: Actor) -> None:
    community = _community(db, admin)
    create_worker(db, admin, make_worker(community))
    with pytest.raises(ActionRefused, match="已存在"):
        create_worker(db, admin, make_worker(community, name="另一人"))


def test_stale_edit_is_a_conflict_and_keeps_the_first_save(db: Database, admin: Actor) -> None:
    community = _community(db, admin)
    worker_id = create_worker(db, admin, make_worker(community))
    first = load_worker(db, worker_id)
    second = load_worker(db, worker_id)
    update_worker(db, admin, worker_id, replace(first.data, phone="13800000000"), first.version)
    with pytest.raises(ActionRefused, match="已被他人修改"):
        update_worker(
            db, admin, worker_id, replace(second.data, phone="13911111111"), second.version
        )
    assert load_worker(db, worker_id).data.phone == "13800000000"


def test_transfer_and_status_change_are_dated_events(db: Database, admin: Actor) -> None:
    first = _community(db, admin)
    second = _community(db, admin, "幸福社区")
    worker_id = create_worker(db, admin, make_worker(first))
    transfer_worker(db, admin, worker_id, second, dt.date(2025, 3, 1), "工作需要")
    change_status(db, admin, worker_id, WorkerStatus.LEFT, dt.date(2025, 6, 30), "辞职")
    with db.reading() as session:
        move = session.scalars(select(Transfer)).one()
        assert (move.from_community_id, move.to_community_id) == (first, second)
        assert move.effective_date == dt.date(2025, 3, 1)
        statuses = session.scalars(select(StatusChange.status).order_by(StatusChange.id)).all()
    assert statuses == ["在职", "离职"]
    assert load_worker(db, worker_id).data.status == "离职"


def test_finance_cannot_edit_workers(db: Database, admin: Actor) -> None:
    community = _community(db, admin)
    finance = Actor(None, "cw", Role.FINANCE)
    with pytest.raises(ActionRefused, match="无权"):
        create_worker(db, finance, make_worker(community))


def test_bulk_insert_returns_each_rows_own_id_after_existing_and_deleted_workers(
    db: Database, admin: Actor
) -> None:
    """insert_workers allocates ids itself (no RETURNING): every id is the row it was given for,
    also after other workers and a deleted one, and history rows point at the right worker."""
    community = _community(db, admin)
    first = create_worker(db, admin, make_worker(community, 1))
    doomed = create_worker(db, admin, make_worker(community, 2))
    with db.transaction() as session:  # a gap at the top of the ids
        session.execute(delete(PostLevelChange).where(PostLevelChange.worker_id == doomed))
        session.execute(delete(StatusChange).where(StatusChange.worker_id == doomed))
        session.execute(delete(EducationRecord).where(EducationRecord.worker_id == doomed))
        session.execute(delete(Worker).where(Worker.id == doomed))
    entries = [(make_worker(community, n, level=n), None) for n in range(3, 9)]
    with db.transaction() as session:
        ids = insert_workers(
            session, admin, entries, source="import", effective_date=dt.date(2026, 1, 1)
        )
    assert len(set(ids)) == 6 and first not in ids
    with db.reading() as session:
        names = dict(session.execute(select(Worker.id, Worker.name)).tuples().all())
        levels = dict(
            session.execute(select(PostLevelChange.worker_id, PostLevelChange.level)).tuples().all()
        )
    assert [names[i] for i in ids] == [f"测试{n}" for n in range(3, 9)]
    assert [levels[i] for i in ids] == list(range(3, 9))
    # the next single worker still gets a fresh id
    assert create_worker(db, admin, make_worker(community, 9)) not in {first, *ids}
