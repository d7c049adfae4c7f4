"""The statistics report from the database (both backends): the as-of rule through real history
rows (a transfer, a leaver, a level change by an adjustment run), the year-on-year figures, the
pyramid, adjustment and payroll cost, and the people behind a figure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import make_worker
from workforce.domain.roster.worker import CertificateInput
from workforce.domain.stats.breakdown import Figure
from workforce.domain.vocab import Role, WorkerStatus
from workforce.persistence.accounts import User
from workforce.persistence.people import Appraisal
from workforce.services.adjustment.apply import apply_run
from workforce.services.adjustment.run import approve_run, prepare_run
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, create_unit, default_district_id
from workforce.services.roster.workers import change_status, create_worker, transfer_worker
from workforce.services.stats.indicators import statistics
from workforce.services.stats.report import statistics_report, statistics_workspace

D = dt.date
CREATED = D(2020, 1, 1)
AS_OF, BEFORE = D(2025, 12, 31), D(2024, 12, 31)


def _tree(db: Database, admin: Actor) -> dict[str, int]:
    other = create_unit(db, admin, None, "district", "二区")
    with db.transaction() as session:
        home = UnitResolver(session, admin, default_district_id(session))
        away = UnitResolver(session, admin, other)
        return {
            "district": default_district_id(session),
            "other": other,
            "甲": home.resolve("一街", "甲社区", None)[0],
            "乙": home.resolve("一街", "乙社区", None)[0],
            "丙": away.resolve("三街", "丙社区", None)[0],
        }


@pytest.fixture
def people(db: Database, admin: Actor) -> dict[str, int]:
    units = _tree(db, admin)

    def hire(n: int, community: str, created: dt.date = CREATED, **overrides: object) -> int:
        data = make_worker(units[community], n, **overrides)
        return create_worker(db, admin, data, today=created)

    ids = {
        # 34 on AS_OF, three years 称职 at level 3: one step in the 2026 run
        "a": hire(1, "甲", D(2023, 6, 1), birth_date=D(1991, 3, 10), male=False,
                  level_start_year=2023),
        # 45 on AS_OF (born that day), 硕士, 两委, principal 10
        "b": hire(2, "甲", birth_date=D(1980, 12, 31), post="principal", level=10,
                  highest_education="硕士", is_committee_member=True),
        # moves 乙 → 丙 on 2025-07-01
        "c": hire(3, "乙", birth_date=D(2000, 1, 1), male=False, highest_education="大专"),
        # leaves on 2025-03-01
        "d": hire(4, "乙", birth_date=D(1970, 6, 30), highest_education="高中/中专", level=8),
        # starts in community work on 2025-09-01
        "e": hire(5, "丙", D(2025, 9, 1), birth_date=D(2001, 2, 28), male=False,
                  community_start_date=D(2025, 9, 1)),
    }  # fmt: skip
    with db.transaction() as session:
        session.add(Appraisal(worker_id=ids["a"], year=2025, grade="称职"))
        session.add_all(
            Appraisal(worker_id=ids["a"], year=year, grade="称职") for year in (2023, 2024)
        )
    transfer_worker(db, admin, ids["c"], units["丙"], D(2025, 7, 1), "工作需要")
    change_status(db, admin, ids["d"], WorkerStatus.LEFT, D(2025, 3, 1), "辞职")
    ids.update(units)
    return ids


def test_rows_on_both_dates_follow_the_history(
    db: Database, admin: Actor, people: dict[str, int]
) -> None:
    report = statistics_report(db, admin, as_of=AS_OF)
    assert report.previous == BEFORE
    found = {r.unit_id: (r.current.headcount, r.previous.headcount) for r in report.rows}
    assert found[None] == (4, 4)  # a b c e now; a b c d a year earlier
    assert found[people["甲"]] == (2, 2)
    assert found[people["乙"]] == (0, 2)
    assert found[people["丙"]] == (2, 0)
    assert found[people["district"]] == (2, 4)
    assert found[people["other"]] == (2, 0)
    total = report.total
    assert total.current.average_age == Decimal("32.0")  # (34 + 45 + 25 + 24) / 4
    assert total.previous.average_age == Decimal("38.8")  # (33 + 44 + 24 + 54) / 4
    assert total.change.average_age == Decimal("-6.8")
    assert total.current.under_35_ratio == Decimal("75.0")
    assert total.current.bachelor_or_above_ratio == Decimal("75.0")  # a, b, e
    assert total.current.committee_ratio == Decimal("25.0")
    plain = statistics(db, admin, as_of=AS_OF)  # the published indicators agree
    assert (plain.headcount, plain.average_age) == (4, total.current.average_age)


def test_a_unit_counts_who_was_in_it_on_each_day(
    db: Database, admin: Actor, people: dict[str, int]
) -> None:
    report = statistics_report(db, admin, as_of=AS_OF, unit_id=people["other"])
    assert report.unit == "二区" and report.title == "二区社区工作者统计表"
    assert [(r.name, r.current.headcount, r.previous.headcount) for r in report.rows] == [
        ("二区", 2, 0),
        ("三街", 2, 0),
        ("丙社区", 2, 0),
    ]
    earlier = statistics_report(db, admin, as_of=D(2025, 6, 30), unit_id=people["乙"])
    assert earlier.total.current.headcount == 1  # c, before the move; d had left
    workspace = statistics_workspace(db, admin, as_of=D(2025, 6, 30), unit_id=people["乙"])
    assert workspace.members(Figure("headcount")) == [people["c"]]


def test_pyramid_levels_and_the_people_behind_them(
    db: Database, admin: Actor, people: dict[str, int]
) -> None:
    workspace = statistics_workspace(db, admin, as_of=AS_OF)
    report = workspace.report
    bands = {b.label: (b.men, b.women) for b in report.pyramid if b.men or b.women}
    assert bands == {"20-24岁": (0, 1), "25-29岁": (0, 1), "30-34岁": (0, 1), "45-49岁": (1, 0)}
    levels = {p.post: {k: v for k, v in p.counts if v} for p in report.levels if p.total}
    assert levels == {"principal": {10: 1}, "staff": {3: 3}}
    assert workspace.members(Figure("under_35")) == sorted(people[k] for k in "ace")
    assert workspace.members(Figure("level", post="principal", level=10)) == [people["b"]]
    assert workspace.members(Figure("age_band", band=6, sex="男")) == [people["b"]]


def test_adjustment_and_payroll_cost(db: Database, admin: Actor, people: dict[str, int]) -> None:
    with db.transaction() as session:
        user = User(username="shenhe", display_name="审核员", role=Role.APPROVER.value)
        session.add(user)
        session.flush()
        approver = Actor(user.id, user.username, Role.APPROVER)
    run = prepare_run(db, admin, 2026)
    approve_run(db, approver, run.run_id)
    apply_run(db, admin, run.run_id)
    after = statistics_report(db, admin, as_of=D(2026, 6, 30))
    assert [(a.year, a.person_times) for a in after.adjustments] == [(2026, 1)]
    assert after.adjustments[0].yearly_cost == Decimal("2040.00")  # 12 × (3,908 − 3,738)
    staff = next(p for p in after.levels if p.post == "staff")
    assert {k: v for k, v in staff.counts if v} == {3: 2, 4: 1}  # a went up on 1 January
    before = statistics_report(db, admin, as_of=AS_OF)
    assert before.adjustments == ()
    staff = next(p for p in before.levels if p.post == "staff")
    assert {k: v for k, v in staff.counts if v} == {3: 3}  # the level held on 31 December
    street = statistics_report(db, admin, as_of=D(2026, 6, 30), unit_id=people["乙"])
    assert street.adjustments == ()  # a is in 甲社区


def test_payroll_cost_per_month(db: Database, admin: Actor, people: dict[str, int]) -> None:
    from workforce.services.payroll.calc import calculate_month

    calculate_month(db, admin, "2026-01")
    report = statistics_report(db, admin, as_of=D(2026, 1, 31))
    (month,) = report.payroll
    assert (month.period, month.status, month.headcount) == (D(2026, 1, 1), "已计算", 4)
    assert month.gross > 0 and month.total == month.gross + month.employer
    parts = [
        statistics_report(db, admin, as_of=D(2026, 1, 31), unit_id=people[unit]).payroll
        for unit in ("甲", "丙")
    ]
    assert sum(p[0].gross for p in parts) == month.gross
    assert sum(p[0].headcount for p in parts) == 4
    assert statistics_report(db, admin, as_of=D(2025, 12, 31)).payroll == ()


def test_fast_counts_agree_with_the_people_behind_each_figure(
    db: Database, admin: Actor, people: dict[str, int]
) -> None:
    for day in (AS_OF, BEFORE, D(2025, 7, 1)):
        workspace = statistics_workspace(db, admin, as_of=day)
        head = workspace.report.total.current
        for figure, count in (
            (Figure("headcount"), head.headcount),
            (Figure("under_35"), head.under_35),
            (Figure("bachelor_or_above"), head.bachelor_or_above),
            (Figure("certified"), head.certified),
            (Figure("committee"), head.committee),
        ):
            assert len(workspace.members(figure)) == count, (day, figure)


def test_certificate_counts_from_its_date(db: Database, admin: Actor) -> None:
    units = _tree(db, admin)
    certificate = CertificateInput("助理社会工作师", D(2025, 5, 1), D(2025, 9, 1), "Z-1")
    create_worker(db, admin, make_worker(units["甲"], 9), certificate, today=CREATED)
    assert statistics_report(db, admin, as_of=D(2025, 4, 30)).total.current.certified == 0
    assert statistics_report(db, admin, as_of=D(2025, 5, 1)).total.current.certified == 1


def test_retirements_per_year_ahead_by_district(
    db: Database, admin: Actor, people: dict[str, int]
) -> None:
    from workforce.services.roster.retirements import retirements_per_year

    # 女, original age 50, born March 1976: 8 months later (2024 decision) — November 2026
    near = make_worker(people["甲"], 11, birth_date=D(1976, 3, 15), male=False)
    # 男, born May 1967: 60 and 8 months — January 2028
    later = make_worker(people["丙"], 12, birth_date=D(1967, 5, 20))
    for data in (near, later):
        create_worker(db, admin, data, today=CREATED)
    report = statistics_report(db, admin, as_of=AS_OF)
    ahead = report.retirements
    assert ahead.years == (2026, 2027, 2028, 2029, 2030)
    by_district = dict(ahead.districts)
    assert set(by_district) == {report.rows[1].name, "二区"}
    assert by_district[report.rows[1].name] == (1, 0, 0, 0, 0)
    assert by_district["二区"] == (0, 0, 1, 0, 0)
    assert ahead.totals == tuple(retirements_per_year(db, admin, 2026, 5).values())
    street = statistics_report(db, admin, as_of=AS_OF, unit_id=people["other"])
    assert street.retirements.districts == (("二区", (0, 0, 1, 0, 0)),)
