"""预算测算 and the retirement lists on both databases (issue 19): the projection's first year is
the adjustment run's plan, scenarios read from their files, nothing in the database changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import aliased

from workforce.domain.adjustment.scenario import Assumptions
from workforce.domain.careers.compliance import ReminderKind
from workforce.domain.problems import ActionRefused
from workforce.domain.roster.retirement import retirement
from workforce.persistence.accounts import AuditEntry, Setting
from workforce.persistence.org import OrgUnit
from workforce.persistence.pay import PayScale
from workforce.persistence.people import Appraisal, Worker
from workforce.services.adjustment.projection import budget_projection
from workforce.services.adjustment.run import prepare_run
from workforce.services.careers.training_report import reminders
from workforce.services.context import Actor, Database
from workforce.services.roster.retirements import retirements_per_year, retiring_within
from workforce.services.system.demo import generate_demo

TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def demo(db: Database, admin: Actor) -> Database:
    generate_demo(db, admin, workers=300, seed=3, today=TODAY)
    return db


def _retire_the_overdue(db: Database) -> int:
    """Workers the demo keeps active past their statutory retirement leave (as they would)."""
    with db.transaction() as session:
        overdue = [
            worker_id
            for worker_id, sex, birth in session.execute(
                select(Worker.id, Worker.sex, Worker.birth_date).where(
                    Worker.status.in_(["在职", "试用"])
                )
            )
            if retirement(birth, 60 if sex == "男" else 50).date < dt.date(2027, 1, 1)
        ]
        session.execute(update(Worker).where(Worker.id.in_(overdue)).values(status="退休"))
    return len(overdue)


def _appraise_2026(db: Database) -> None:
    """The 2026 results are in (the demo's last are of 2025): each keeps their 2025 grade."""
    with db.transaction() as session:
        last = dict(
            session.execute(
                select(Appraisal.worker_id, Appraisal.grade).where(Appraisal.year == 2025)
            )
            .tuples()
            .all()
        )
        active = session.scalars(select(Worker.id).where(Worker.status.in_(["在职", "试用"])))
        session.add_all(
            Appraisal(worker_id=w, year=2026, grade=last.get(w, "称职")) for w in active
        )


def test_the_first_year_is_the_adjustment_runs_plan(demo: Database, admin: Actor) -> None:
    assert _retire_the_overdue(demo) > 0
    _appraise_2026(demo)
    report = budget_projection(demo, admin, 2027, 3)
    assert report.overdue == 0
    first = report.baseline.years[0]
    run = prepare_run(demo, admin, 2027)
    assert first.adjusted == run.summary.total.person_times > 0
    assert first.adjustment_cost == run.summary.total.yearly_cost


def test_the_projection_only_reads(demo: Database, admin: Actor) -> None:
    with demo.reading() as session:
        audited = session.scalar(select(func.count()).select_from(AuditEntry))
        levels = session.execute(select(Worker.id, Worker.level).order_by(Worker.id)).all()
    report = budget_projection(
        demo,
        admin,
        2027,
        2,
        [{"name": "普调5%", "raise": {"rate": "0.05", "from": "2027-01-01"}}],
        Assumptions(refill=False),
    )
    with demo.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == audited
        assert session.execute(select(Worker.id, Worker.level).order_by(Worker.id)).all() == levels
    (raised,) = report.scenarios
    for base, other in zip(report.baseline.years, raised.years, strict=True):
        assert other.total.gross > base.total.gross
        assert other.total.headcount == base.total.headcount
    assert any("考核" in note for note in report.assumptions)


def test_a_region_sets_the_default_original_age(demo: Database, admin: Actor) -> None:
    before = retirements_per_year(demo, admin, 2027, 3)
    with demo.transaction() as session:
        session.add(Setting(key="retirement_defaults", value={"男": 60, "女": 55}))
    after = retirements_per_year(demo, admin, 2027, 3)
    assert before != after
    soon = retiring_within(demo, admin, dt.date(2027, 1, 1), 12)
    assert all(dt.date(2027, 1, 1) <= p.retirement.date < dt.date(2028, 1, 1) for p in soon)
    assert len(soon) == after[2027]
    assert all(p.retirement.original_age == (60 if p.sex == "男" else 55) for p in soon)


def test_a_scenario_naming_an_unknown_community_is_refused(demo: Database, admin: Actor) -> None:
    with pytest.raises(ActionRefused, match="不是唯一的社区"):
        budget_projection(demo, admin, 2027, 1, [{"name": "增编", "headcount": {"无此社区": 2}}])
    with pytest.raises(ActionRefused, match="未知的项"):
        budget_projection(demo, admin, 2027, 1, [{"name": "错字", "rasie": {}}])


def test_a_headcount_change_costs_entry_grade(demo: Database, admin: Actor) -> None:
    street = aliased(OrgUnit)
    with demo.reading() as session:
        street_name, name = session.execute(
            select(street.name, OrgUnit.name)
            .join(street, street.id == OrgUnit.parent_id)
            .where(OrgUnit.kind == "community")
            .order_by(OrgUnit.id)
            .limit(1)
        ).one()
    community = f"{street_name}/{name}"
    report = budget_projection(
        demo, admin, 2027, 1, [{"name": "增编2人", "headcount": {community: 2}}]
    )
    (more,) = report.scenarios
    assert more.years[0].hires - report.baseline.years[0].hires == 2
    extra = more.years[0].total.gross - report.baseline.years[0].total.gross
    assert extra > Decimal(2 * 12 * 3000)


def test_the_reminders_list_who_retires_within_twelve_months(demo: Database, admin: Actor) -> None:
    today = dt.date(2027, 3, 15)
    soon = retiring_within(demo, admin, today, 12)
    listed = reminders(demo, admin, today=today, kinds=frozenset({ReminderKind.RETIRING}))
    assert {r.person.worker_id for r in listed} == {p.worker_id for p in soon} != set()
    assert [r.due for r in listed] == sorted(r.due for r in listed)
    assert all(today <= r.due < dt.date(2028, 4, 1) for r in listed)
    assert "达到法定退休年龄" in listed[0].text and listed[0].kind_name == "即将退休"


def test_a_scenario_names_a_stored_scale_version(demo: Database, admin: Actor) -> None:
    with demo.reading() as session:
        name, effective = session.execute(
            select(PayScale.name, PayScale.effective_date)
            .where(PayScale.effective_date <= dt.date(2027, 1, 1))
            .order_by(PayScale.effective_date.desc())
            .limit(1)
        ).one()
    same = [
        {"name": "同一标准", "scale": {"from": "2027-07-01", "version": name}},
        {"name": "按日期", "scale": {"from": "2027-07-01", "version": f"{effective:%Y-%m-%d}"}},
    ]
    report = budget_projection(demo, admin, 2027, 2, same)
    for run in report.scenarios:
        assert [y.total.total for y in run.years] == [y.total.total for y in report.baseline.years]
    with pytest.raises(ActionRefused, match="没有名为或生效于「无此标准」"):
        budget_projection(
            demo,
            admin,
            2027,
            1,
            [{"name": "x", "scale": {"from": "2027-07-01", "version": "无此标准"}}],
        )


def test_parity_for_workers_already_paid_alike_says_it_changes_nothing(
    demo: Database, admin: Actor
) -> None:
    """The demo scale pays 专职网格员 by the 其他社区工作者 table already: 同酬 is the baseline,
    and the report says why rather than leaving the clerk to wonder at equal columns."""
    parity = {"name": "网格员同酬", "parity": {"from": "2027-07-01"}}
    report = budget_projection(demo, admin, 2027, 2, [parity])
    (run,) = report.scenarios
    assert [y.total.total for y in run.years] == [y.total.total for y in report.baseline.years]
    assert run.scenario.notes == (
        "现行薪酬标准中专职网格员已按其他社区工作者标准计发，同酬不改变测算",
    )
    raise_only = budget_projection(
        demo, admin, 2027, 1, [{"name": "普调", "raise": {"rate": "0.05", "from": "2027-01-01"}}]
    )
    assert raise_only.scenarios[0].scenario.notes == ()
