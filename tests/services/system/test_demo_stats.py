"""Demo generation and statistics on both databases."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from tests.factories import make_worker
from workforce.domain.dates import age_on
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import Cancelled, CancelToken
from workforce.domain.stats.indicators import percent, round_tenth
from workforce.domain.vocab import BACHELOR_OR_ABOVE, Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.careers import CertificateRegistration, first_registrations
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import (
    Appraisal,
    Certificate,
    EducationRecord,
    PostLevelChange,
    StatusChange,
    TrainingAttendance,
    TrainingSession,
    Worker,
)
from workforce.services.adjustment.run import prepare_run
from workforce.services.context import Actor, Database
from workforce.services.roster.org import create_unit, org_tree
from workforce.services.roster.query import RosterRow, roster_rows
from workforce.services.roster.workers import create_worker
from workforce.services.stats.indicators import find_unit, statistics
from workforce.services.system.demo import DemoReport, generate_demo

TODAY = dt.date(2025, 6, 30)


def _count(db: Database, model: type) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def demo(db: Database, admin: Actor) -> DemoReport:
    return generate_demo(db, admin, workers=500, seed=11, today=TODAY)


def _recompute(rows: list[RosterRow], on: dt.date) -> dict[str, object]:
    """The indicators straight from the roster rows, the way a clerk would count them."""
    counted = [
        r
        for r in rows
        if r.status in ("在职", "试用")
        and (r.community_start_date is None or r.community_start_date <= on)
    ]
    n = len(counted)
    ages = [age_on(r.birth_date, on) for r in counted]
    certified = [
        r
        for r in counted
        if (since := r.certificate_obtained or r.certificate_registered) and since <= on
    ]
    return {
        "headcount": n,
        "by_post": Counter(r.post for r in counted),
        "by_district": Counter(r.district for r in counted),
        "bachelor_or_above_ratio": percent(
            sum(1 for r in counted if r.highest_education in BACHELOR_OR_ABOVE), n
        ),
        "average_age": round_tenth(Decimal(sum(ages)) / n),
        "under_35_ratio": percent(sum(1 for a in ages if a < 35), n),
        "certified_ratio": percent(len(certified), n),
        "committee_ratio": percent(sum(1 for r in counted if r.is_committee_member), n),
    }


def test_demo_writes_everything_in_bulk_with_one_audit_entry(
    db: Database, demo: DemoReport
) -> None:
    assert demo.workers == _count(db, Worker) == _count(db, PostLevelChange) == 500
    assert _count(db, StatusChange) >= 500
    assert _count(db, EducationRecord) == 1000  # full-time and highest, as insert_workers does
    assert demo.certificates == _count(db, Certificate) > 100
    assert demo.appraisals == _count(db, Appraisal) > 1000
    assert demo.training_sessions == _count(db, TrainingSession) > 0
    assert demo.attendances == _count(db, TrainingAttendance) > 0
    units = {n.kind: 0 for n in org_tree(db)}
    for node in org_tree(db):
        units[node.kind] += 1
    assert units == {
        "district": 1,
        "street": demo.streets,
        "community": demo.communities,
        "grid": demo.grids,
    }
    with db.reading() as session:
        entries = session.scalars(select(AuditEntry)).all()
        holders = session.execute(
            select(Worker.grid_id, func.count())
            .where(Worker.grid_id.is_not(None))
            .group_by(Worker.grid_id)
        ).all()
    assert [(e.action, e.username) for e in entries] == [("generate_demo", "admin")]
    assert "500人" in entries[0].note
    assert holders and max(count for _, count in holders) == 1


def test_stats_match_a_recount_of_the_roster(db: Database, admin: Actor, demo: DemoReport) -> None:
    with db.reading() as session:
        rows = roster_rows(session, on=TODAY)
    expected = _recompute(rows, TODAY)
    found = statistics(db, admin, as_of=TODAY)
    assert found.headcount == expected["headcount"]
    assert found.by_post == expected["by_post"]
    assert found.by_district == expected["by_district"]
    for name in (
        "bachelor_or_above_ratio",
        "average_age",
        "under_35_ratio",
        "certified_ratio",
        "committee_ratio",
    ):
        assert getattr(found, name) == expected[name], name
    with db.reading() as session:
        attended = session.scalar(
            select(func.count())
            .select_from(TrainingAttendance)
            .join(TrainingSession, TrainingAttendance.session_id == TrainingSession.id)
            .where(
                TrainingAttendance.passed.is_(True),
                TrainingSession.start_date.between(dt.date(2025, 1, 1), TODAY),
            )
        )
    assert attended is not None and found.training_person_times == attended > 0
    assert found.training_hours > 0


def test_stats_of_one_street(db: Database, admin: Actor, demo: DemoReport) -> None:
    street = next(n for n in org_tree(db) if n.kind == "street")
    assert find_unit(org_tree(db), street.name).id == street.id
    with db.reading() as session:
        rows = roster_rows(session, street.id, on=TODAY)
    found = statistics(db, admin, as_of=TODAY, unit_id=street.id)
    assert found.headcount == _recompute(rows, TODAY)["headcount"] and found.headcount > 0
    assert found.headcount < statistics(db, admin, as_of=TODAY).headcount


def test_demo_leaves_the_ids_usable_afterwards(
    db: Database, admin: Actor, demo: DemoReport
) -> None:
    community = next(n for n in org_tree(db) if n.kind == "community")
    worker_id = create_worker(db, admin, make_worker(community.id), today=TODAY)
    unit_id = create_unit(db, admin, community.id, "grid", "新建网格")
    with db.reading() as session:
        others = session.scalar(select(func.max(Worker.id)).where(Worker.id != worker_id))
        assert others is not None and worker_id > others
        assert unit_id == session.scalar(select(func.max(OrgUnit.id)))


def test_demo_refuses_a_database_with_workers_and_a_clerk(
    db: Database, admin: Actor, demo: DemoReport
) -> None:
    with pytest.raises(ActionRefused, match="已有人员档案"):
        generate_demo(db, admin, workers=10, seed=1, today=TODAY)
    clerk = Actor(admin.user_id, "clerk", Role.CLERK)
    with pytest.raises(ActionRefused, match="无权"):
        generate_demo(db, clerk, workers=10, seed=1, today=TODAY)
    assert _count(db, Worker) == 500


def test_cancel_writes_nothing(db: Database, admin: Actor) -> None:
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done > 300:  # while writing the first workers
            token.cancel()

    with pytest.raises(Cancelled):
        generate_demo(db, admin, workers=300, seed=1, today=TODAY, progress=progress, cancel=token)
    assert seen and seen[-1][0] > 300
    assert _count(db, Worker) == _count(db, AuditEntry) == 0
    assert _count(db, OrgUnit) == 1  # the default district only


def test_a_user_with_a_unit_sees_only_that_unit(
    db: Database, admin: Actor, demo: DemoReport
) -> None:
    streets = [n for n in org_tree(db) if n.kind == "street"]
    scoped = Actor(admin.user_id, "street_clerk", Role.CLERK, scope_org_id=streets[0].id)
    own = statistics(db, scoped, as_of=TODAY)
    assert own == statistics(db, admin, as_of=TODAY, unit_id=streets[0].id)
    with pytest.raises(ActionRefused, match="只能查看本单位"):
        statistics(db, scoped, as_of=TODAY, unit_id=streets[1].id)


def test_renewals_are_registration_rows_and_the_next_run_moves_a_quarter(
    db: Database, admin: Actor, demo: DemoReport
) -> None:
    with db.reading() as session:
        rows: dict[int, list[dt.date]] = {}
        for cid, on in session.execute(
            select(
                CertificateRegistration.certificate_id, CertificateRegistration.registered_date
            ).order_by(CertificateRegistration.registered_date)
        ):
            rows.setdefault(cid, []).append(on)
        latest = dict(
            session.execute(select(Certificate.id, Certificate.registered_date)).tuples().all()
        )
        firsts = first_registrations()
        first = dict(
            session.execute(select(firsts.c.certificate_id, firsts.c.first_registered))
            .tuples()
            .all()
        )
    assert rows and all(len(dates) >= 2 for dates in rows.values())
    for cid, dates in rows.items():
        assert latest[cid] == dates[-1] and first[cid] == dates[0]
    active = _count_active(db)
    run = prepare_run(db, admin, TODAY.year)
    assert 0.20 * active <= run.summary.total.person_times <= 0.35 * active


def _count_active(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).where(Worker.status == "在职")) or 0
