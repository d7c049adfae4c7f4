"""The promotion pipeline on both databases: the golden eligibility cases with every reason,
dated transitions with their refusals and side effects, history, the reserve pool, vacancies."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.factories import make_worker
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.adjustment import PostAppointment
from workforce.services.adjustment.appraisals import AppraisalEntry, record_appraisals
from workforce.services.careers.certificates import CertificateEntry, record_certificate
from workforce.services.careers.pipeline import history, move, pipeline_board
from workforce.services.careers.pipeline_lists import (
    eligibility_list,
    eligibility_rules,
    set_eligibility_rules,
    set_headcount_norm,
    vacancies,
)
from workforce.services.careers.training import SessionInput, create_session, record_attendance
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker, load_worker

GOLDEN = json.loads(
    (Path(__file__).parents[2] / "golden" / "eligibility_cases.json").read_text("utf-8")
)
ON = dt.date.fromisoformat(GOLDEN["on"])
D = dt.date.fromisoformat


def community(db: Database, admin: Actor, name: str = "光明社区") -> int:
    with db.transaction() as session:
        units = UnitResolver(session, admin, default_district_id(session))
        return units.resolve("新华街道", name, None)[0]


def build(db: Database, admin: Actor) -> dict[str, int]:
    """The golden people as a clerk enters them: file, certificate, appraisals, training."""
    where = community(db, admin)
    ids: dict[str, int] = {}
    for n, person in enumerate(GOLDEN["people"], 1):
        birth = D(person["birth"])
        data = make_worker(
            where,
            n,
            name=person["name"],
            birth_date=birth,
            post=person["post"],
            level=5,
            community_start_date=D(person["community_start"]),
            work_start_date=D(person["community_start"]),
            highest_education=person["education"],
            fulltime_education=person["education"],
        )
        ids[person["name"]] = worker = create_worker(db, admin, data, today=ON)
        if person["certificate"]:
            entry = CertificateEntry(
                worker, person["certificate"], None, None, D(person["registered"])
            )
            record_certificate(db, admin, entry, today=ON)
        if hours := Decimal(person["training_hours"]):
            data_session = SessionInput(
                f"培训{n}", "街道", dt.date(2025, 5, 1), dt.date(2025, 5, 3), hours
            )
            record_attendance(db, admin, create_session(db, admin, data_session), [worker])
    for year in (2023, 2024, 2025):
        entries = [
            AppraisalEntry(ids[p["name"]], p["appraisals"][str(year)])
            for p in GOLDEN["people"]
            if str(year) in p["appraisals"]
        ]
        record_appraisals(db, admin, year, entries, today=ON)
    return ids


@pytest.mark.parametrize("target", ["副职", "正职"])
def test_golden_eligibility_with_every_reason(db: Database, admin: Actor, target: str) -> None:
    ids = build(db, admin)
    listing = eligibility_list(db, admin, target, on=ON)
    got = {r.person.name: r for r in listing.rows}
    assert set(got) == set(ids)
    for person in GOLDEN["people"]:
        expect: dict[str, Any] | None = person["expect"].get(target)
        if expect is None:
            continue
        verdict = got[person["name"]].verdict
        assert verdict.eligible is expect["eligible"], person["name"]
        assert [c.text for c in verdict.checks] == expect["checks"], person["name"]
    assert [r.verdict.eligible for r in listing.rows] == sorted(
        (r.verdict.eligible for r in listing.rows), reverse=True
    )  # the eligible first


def test_rules_are_data(db: Database, admin: Actor) -> None:
    build(db, admin)
    rules = set_eligibility_rules(
        db, admin, {"target": "书记", "min_community_years": 12, "from_posts": ["deputy"]}
    )
    assert rules.target == "正职" and eligibility_rules(db, "正职") == rules
    listing = eligibility_list(db, admin, "正职", on=ON)
    assert {r.person.name: r.verdict.reasons_against for r in listing.rows} == {
        "陈敏": (),
        "刘洋": ("社区工作10年，不足12年",),
        "王丽": ("现任岗位不在可晋升的岗位范围内", "社区工作5年，不足12年"),
        "赵强": ("现任岗位不在可晋升的岗位范围内", "社区工作1年，不足12年"),
    }
    with pytest.raises(ActionRefused, match="资格条件有误：学历要求「中学」不是可用的学历"):
        set_eligibility_rules(db, admin, {"target": "副职", "min_education": "中学"})
    with pytest.raises(ActionRefused, match="目标「处长」不存在"):
        eligibility_list(db, admin, "处长", on=ON)


def test_moves_are_dated_audited_and_checked(db: Database, admin: Actor) -> None:
    ids = build(db, admin)
    wang, zhao, chen = ids["王丽"], ids["赵强"], ids["陈敏"]
    result = move(
        db,
        admin,
        wang,
        "后备人选",
        target_role="副职",
        effective_date=D("2025-06-01"),
        reason="民主推荐",
        source="组织推荐",
        today=ON,
    )
    assert dict(result.standing.pools) == {"副职": D("2025-06-01")}
    refusals = {
        "「王丽」：已是副职后备人选（自2025-06-01）": ("后备人选", "副职", "2025-07-01"),
        "「王丽」：后备人选须注明后备方向（两委、副职、书记）": ("后备人选", None, "2025-07-01"),
        "「王丽」：不是书记后备人选，无需退出": ("退出后备", "书记", "2025-07-01"),
        "「王丽」：日期2026-03-02晚于今天": ("两委成员", None, "2026-03-02"),
        "「王丽」：阶段「处长」不存在（可用：后备人选、退出后备、两委成员、副职、正职、定向考录公务员、"
        "事业编、副科级待遇）": ("处长", None, "2025-07-01"),
        "「王丽」：副科级待遇只适用于社区书记（正职）": ("副科级待遇", None, "2025-07-01"),
    }
    for message, (stage, role, day) in refusals.items():
        with pytest.raises(ActionRefused) as refused:
            move(
                db,
                admin,
                wang,
                stage,
                target_role=role,
                effective_date=D(day),
                reason="x",
                today=ON,
            )
        assert refused.value.message == message
    with pytest.raises(ActionRefused, match="必须填写变动原因"):
        move(db, admin, zhao, "两委成员", effective_date=ON, reason=" ", today=ON)

    pool = eligibility_list(db, admin, "副职", pool_only=True, on=ON)
    assert [(r.person.name, r.pool_since, r.verdict.eligible) for r in pool.rows] == [
        ("王丽", D("2025-06-01"), True)
    ]
    committee = move(
        db,
        admin,
        wang,
        "两委成员",
        effective_date=D("2025-11-01"),
        reason="当选居委会委员",
        source="换届选举",
        today=ON,
    )
    assert committee.committee_marked and load_worker(db, wang).data.is_committee_member
    deputy = move(
        db,
        admin,
        wang,
        "副职",
        effective_date=D("2026-01-05"),
        reason="任居委会副主任",
        source="街道党工委任命",
        today=ON,
    )
    assert deputy.standing.role == "副职" and not deputy.standing.pools  # left the pool
    with db.reading() as session:
        appointment = session.get(PostAppointment, deputy.appointment_id)
        assert appointment is not None
        assert (appointment.new_post, appointment.effective_date, appointment.run_id) == (
            "deputy",
            D("2026-01-05"),
            None,
        )
    assert move(
        db, admin, chen, "正职", effective_date=ON, reason="选任书记", today=ON
    ).appointment_id
    assert eligibility_list(db, admin, "副职", pool_only=True, on=ON).rows == ()
    assert [(t.label, t.source, t.recorded_by) for t in history(db, admin, wang)] == [
        ("后备人选（副职）", "组织推荐", "系统管理员"),
        ("两委成员", "换届选举", "系统管理员"),
        ("副职", "街道党工委任命", "系统管理员"),
    ]
    with db.reading() as session:
        notes = session.scalars(
            select(AuditEntry.note).where(
                AuditEntry.action == "pipeline", AuditEntry.entity_id == wang
            )
        ).all()
    assert notes[-1] == "2026-01-05 副职（街道党工委任命）：任居委会副主任"
    board = {r.person.name: r.standing.role for r in pipeline_board(db, admin)}
    assert board == {"王丽": "副职", "陈敏": "正职"}


def test_vacancies_against_headcount_norms(db: Database, admin: Actor) -> None:
    ids = build(db, admin)
    other = community(db, admin, "朝阳社区")
    set_headcount_norm(db, admin, community(db, admin), 6)
    move(
        db,
        admin,
        ids["赵强"],
        "后备人选",
        target_role="两委",
        effective_date=ON,
        reason="推荐",
        today=ON,
    )
    move(db, admin, ids["王丽"], "副职", effective_date=ON, reason="任副主任", today=ON)
    found = {v.community: v for v in vacancies(db, admin)}
    bright = found["光明社区"]
    assert (bright.norm, bright.headcount, bright.vacancy) == (6, 4, 2)
    roles = {r.role: (r.norm, r.holders, r.appointed, r.reserve, r.vacancy) for r in bright.roles}
    assert roles == {
        "正职": (1, 0, 0, 0, 1),
        "副职": (2, 2, 1, 0, 0),  # 陈敏, 刘洋 hold it; 王丽 appointed
        "两委成员": (5, 0, 0, 1, 5),
    }
    assert (found["朝阳社区"].norm, found["朝阳社区"].vacancy) == (None, None)
    assert [v.community for v in vacancies(db, admin, unit_id=other)] == ["朝阳社区"]
    with pytest.raises(ActionRefused, match="核定人数不能为负数"):
        set_headcount_norm(db, admin, other, -1)
