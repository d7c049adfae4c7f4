"""The adjustment run end to end on both databases: prepare, four eyes, apply, revert."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.factories import make_worker
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry, Setting, User
from workforce.persistence.adjustment import AdjustmentItem, PostAppointment
from workforce.persistence.people import Appraisal, PostLevelChange, Worker
from workforce.services.adjustment.apply import apply_run, revert_run
from workforce.services.adjustment.run import approve_run, override_item, prepare_run
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker, load_worker, update_worker

STAFF_3, STAFF_4 = Decimal("3738"), Decimal("3908")
PASSING = {2023: "称职", 2024: "称职", 2025: "称职"}


def _seed(db: Database, admin: Actor) -> dict[str, int]:
    with db.transaction() as session:
        community = UnitResolver(session, admin, default_district_id(session)).resolve(
            "新华街道", "光明社区", None
        )[0]
    ids = {
        "tenure": create_worker(
            db, admin, make_worker(community, 1, level=3, level_start_year=2023)
        ),
        "ceiling": create_worker(
            db, admin, make_worker(community, 2, level=12, level_start_year=2023)
        ),
        "missing": create_worker(
            db, admin, make_worker(community, 3, level=5, level_start_year=2025)
        ),
        "appointed": create_worker(
            db, admin, make_worker(community, 4, level=3, level_start_year=2025)
        ),
    }
    with db.transaction() as session:
        for key in ("tenure", "ceiling"):
            session.add_all(
                Appraisal(worker_id=ids[key], year=y, grade=g) for y, g in PASSING.items()
            )
        session.add(Appraisal(worker_id=ids["appointed"], year=2025, grade="称职"))
        session.add(
            PostAppointment(
                worker_id=ids["appointed"],
                new_post="deputy",
                effective_date=dt.date(2025, 12, 1),
                reason="选任副主任",
            )
        )
    return ids


def _approver(db: Database) -> Actor:
    with db.transaction() as session:
        user = User(username="shenhe", display_name="审核员", role=Role.APPROVER.value)
        session.add(user)
        session.flush()
        return Actor(user.id, user.username, Role.APPROVER)


def _states(db: Database) -> dict[int, tuple[object, ...]]:
    with db.reading() as session:
        rows = session.execute(
            select(
                Worker.id,
                Worker.post,
                Worker.level,
                Worker.level_start_year,
                Worker.credited_ladder,
                Worker.early_steps_used,
                Worker.early_streak_start,
            )
        ).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def test_prepare_reports_person_times_cost_and_blocked(db: Database, admin: Actor) -> None:
    ids = _seed(db, admin)
    prepared = prepare_run(db, admin, 2026)
    # tenure 3 → 4; appointed staff 3 → deputy floor 4 (deputy 4 pays 4188)
    assert prepared.summary.total.person_times == 2
    expected = 12 * (STAFF_4 - STAFF_3) + 12 * (Decimal("4188") - STAFF_3)
    assert prepared.summary.total.yearly_cost == expected
    assert prepared.summary.blocked == 2  # ceiling and the missing appraisal
    with db.reading() as session:
        items = {i.worker_id: i for i in session.scalars(select(AdjustmentItem))}
    assert (
        items[ids["tenure"]].reasons[0]["text"].startswith("任职年限晋级：2023–2025 连续三年称职")
    )
    assert any("已达本岗最高等级" in n for n in items[ids["ceiling"]].notes)
    assert any("缺少2025年度考核结果" in n for n in items[ids["missing"]].notes)


def test_four_eyes_then_apply_then_revert_restores_everyone(db: Database, admin: Actor) -> None:
    ids = _seed(db, admin)
    before = _states(db)
    run = prepare_run(db, admin, 2026)
    with pytest.raises(ActionRefused, match="双人复核"):
        approve_run(db, admin, run.run_id)
    approve_run(db, _approver(db), run.run_id)
    assert apply_run(db, admin, run.run_id) == 4
    after = _states(db)
    assert after[ids["tenure"]][:3] == ("staff", 4, 2026)
    assert after[ids["appointed"]][:3] == ("deputy", 4, 2026)
    assert after[ids["missing"]] == before[ids["missing"]]
    with db.reading() as session:
        history = session.scalars(
            select(PostLevelChange.reason).where(PostLevelChange.source == "adjustment")
        ).all()
    assert history == ["2026年度调级", "2026年度调级"]
    with pytest.raises(ActionRefused, match="不能重复调级"):
        prepare_run(db, admin, 2026)
    revert_run(db, admin, run.run_id, "考核结果录入有误")
    assert _states(db) == before
    assert prepare_run(db, admin, 2026).summary.total.person_times == 2


def test_a_worker_changed_after_preparation_blocks_apply(db: Database, admin: Actor) -> None:
    ids = _seed(db, admin)
    run = prepare_run(db, admin, 2026)
    approve_run(db, _approver(db), run.run_id)
    file = load_worker(db, ids["tenure"])
    update_worker(db, admin, ids["tenure"], replace(file.data, level=6), file.version)
    with pytest.raises(ActionRefused, match="请重新准备"):
        apply_run(db, admin, run.run_id)
    assert load_worker(db, ids["tenure"]).data.level == 6


def test_override_and_re_preparation_show_what_changed(db: Database, admin: Actor) -> None:
    ids = _seed(db, admin)
    first = prepare_run(db, admin, 2026)
    with pytest.raises(ActionRefused, match="书面理由"):
        override_item(db, admin, first.run_id, ids["tenure"], reason=" ", excluded=True)
    override_item(db, admin, first.run_id, ids["tenure"], reason="待核实学历", excluded=True)
    with db.transaction() as session:
        session.add(Appraisal(worker_id=ids["missing"], year=2025, grade="称职"))
        community = session.get_one(Worker, ids["tenure"]).community_id
    newcomer = create_worker(db, admin, make_worker(community, 9, level=2, level_start_year=2023))
    with db.transaction() as session:
        session.add_all(Appraisal(worker_id=newcomer, year=y, grade=g) for y, g in PASSING.items())
    second = prepare_run(db, admin, 2026)
    assert second.since_last is not None
    assert second.since_last.added == (newcomer,)
    assert ids["missing"] not in second.since_last.changed


def test_self_approval_only_where_the_region_allows_it_and_recorded(
    db: Database, admin: Actor
) -> None:
    _seed(db, admin)
    run = prepare_run(db, admin, 2026)
    with pytest.raises(ActionRefused, match="准备人以外的审核员审核（双人复核）"):
        approve_run(db, admin, run.run_id)
    with db.transaction() as session:
        session.add(Setting(key="allow_single_user_approval", value=True))
    approve_run(db, admin, run.run_id)
    with db.reading() as session:
        note = session.scalars(
            select(AuditEntry.note).where(
                AuditEntry.entity == "adjustment_run", AuditEntry.action == "approve"
            )
        ).one()
    assert note == "单人审批（本地区允许）：准备人与审核人为同一人"


def test_applied_history_rows_read_back_with_their_date_post_and_level(
    db: Database, admin: Actor
) -> None:
    """The history rows are written through the driver (COPY on PostgreSQL): they read back as
    the ORM wrote them — the run's effective date, the new post and level, a creation time."""
    ids = _seed(db, admin)
    run = prepare_run(db, admin, 2026)
    approve_run(db, _approver(db), run.run_id)
    apply_run(db, admin, run.run_id)
    with db.reading() as session:
        rows = {
            r.worker_id: r
            for r in session.scalars(
                select(PostLevelChange).where(PostLevelChange.source == "adjustment")
            )
        }
    tenure, appointed = rows[ids["tenure"]], rows[ids["appointed"]]
    assert (tenure.effective_date, tenure.post, tenure.level) == (dt.date(2026, 1, 1), "staff", 4)
    assert (appointed.post, appointed.level) == ("deputy", 4)
    assert isinstance(tenure.created_at, dt.datetime)
