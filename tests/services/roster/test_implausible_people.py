"""Issue 13 §8 (spec §10): a person born in the future, or outside 16–70 at entry, is refused
wherever a file is made — the roster import names row, field and value, and nothing is paid."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from tests.factories import make_worker
from tests.roster_samples import person_id
from tests.services.payroll_support import community, hire
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.persistence.payroll import Payslip
from workforce.persistence.people import Worker
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.roster.importing import apply_roster_import, plan_roster_import
from workforce.services.roster.workers import create_worker, load_worker, update_worker

TODAY = dt.date(2026, 12, 7)
FUTURE = dt.date(2030, 1, 1)
HEADER = ("街道", "社区", "姓名", "身份证号", "出生日期", "岗位", "岗位等级", "人员状态")


def test_a_roster_row_born_in_2030_is_refused_and_nobody_is_paid(
    db: Database, admin: Actor
) -> None:
    hire(db, admin, community(db, admin), 9)  # someone the month pays, so it can be calculated
    row = ("新华街道", "光明社区", "张未来", person_id(1, FUTURE), "2030-01-01", "其他", 3, "在职")
    grid = SheetGrid("花名册", (HEADER, row))
    plan = plan_roster_import(db, admin, grid, today=TODAY)
    assert [(p.where.row, p.where.column, p.where.value) for p in plan.problems] == [
        (2, "出生日期", "2030-01-01")
    ]
    with pytest.raises(ActionRefused) as refused:
        apply_roster_import(db, admin, grid, today=TODAY)
    message = refused.value.message
    assert "第2行" in message and "出生日期" in message and "2030-01-01" in message
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Worker)) == 1
    calculate_month(db, admin, "2026-12")
    with db.reading() as session:
        paid = session.scalars(select(Payslip.worker_id)).all()
        names = session.scalars(select(Worker.name).where(Worker.id.in_(paid))).all()
    assert names == ["测试9"]


def test_a_roster_row_15_on_the_day_work_starts_is_refused(db: Database, admin: Actor) -> None:
    header = (*HEADER, "参加工作时间")
    birth = dt.date(1994, 3, 2)
    row = (
        "新华街道",
        "光明社区",
        "李早",
        person_id(2, birth),
        None,
        "其他",
        3,
        "在职",
        "2010-03-01",
    )
    plan = plan_roster_import(db, admin, SheetGrid("花名册", (header, row)), today=TODAY)
    assert [(p.where.row, p.where.column, p.where.value, p.code) for p in plan.problems] == [
        (2, "参加工作时间", "2010-03-01", "age_at_entry")
    ]
    assert "15岁" in plan.problems[0].message


def test_the_worker_form_refuses_a_future_birth_and_an_entry_at_71(
    db: Database, admin: Actor
) -> None:
    unit = community(db, admin)
    unborn = make_worker(
        unit, 1, birth_date=FUTURE, work_start_date=None, community_start_date=None
    )
    with pytest.raises(ActionRefused, match=r"出生日期.*2030-01-01"):
        create_worker(db, admin, unborn, today=TODAY)
    worker_id = create_worker(db, admin, make_worker(unit, 2, birth_date=dt.date(1950, 3, 1)))
    current = load_worker(db, worker_id)
    late = replace(current.data, community_start_date=dt.date(2021, 3, 1))
    with pytest.raises(ActionRefused, match=r"进入社区工作时间.*71岁"):
        update_worker(db, admin, worker_id, late, current.version, today=TODAY)
