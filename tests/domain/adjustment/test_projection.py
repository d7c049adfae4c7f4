"""预算测算 (issue 19): golden figures worked by hand, and a scenario that changes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from workforce.domain.adjustment.projection import (
    Economy,
    Person,
    Population,
    Scenario,
    Unit,
    assumed_grades,
    project,
    project_population,
)
from workforce.domain.adjustment.rules import WorkerHistory
from workforce.domain.payroll.insurance import BaseBounds, InsuranceItem
from workforce.domain.payroll.pay_composition import Allowances
from workforce.domain.scale import PostRange, ScaleVersion

D = Decimal
POSTS = (
    PostRange("principal", "社区正职", 7, 18),
    PostRange("staff", "其他社区工作者", 1, 12),
    PostRange("grid", "专职网格员", 1, 12, paid_as="staff"),
)
# staff level L pays 3,000 + 100 × L; principal 4,000 + 100 × L
AMOUNTS = {("staff", level): D(3000 + 100 * level) for level in range(1, 13)} | {
    ("principal", level): D(4000 + 100 * level) for level in range(7, 19)
}
SCALE = ScaleVersion(dt.date(2020, 1, 1), POSTS, AMOUNTS)
ECONOMY = Economy(
    scales=(SCALE,),
    allowances=Allowances({"中级": D(300)}, one_shoulder=D(300), basic_performance=D(200)),
    insurance=(InsuranceItem("pension", "养老", D("0.10"), D("0.08"), dt.date(2020, 1, 1)),),
    bounds=BaseBounds(D(3000), D(30000), dt.date(2020, 1, 1)),
    refill_month=7,
)
ALL_PASS = (("优秀", D(0)), ("称职", D(1)))
FAR = dt.date(2060, 12, 31)


def person(worker_id: int, level: int, start: int, grades: dict[int, str], **kw: object) -> Person:
    history = WorkerHistory(worker_id, "staff", level, start, grades)
    values: dict[str, object] = {"retires": FAR} | kw
    return Person(worker_id, 1, history, **values)  # type: ignore[arg-type]


def test_three_workers_over_three_years() -> None:
    """A: 优秀 2025 and 2026 → early step to level 4 in 2027 (base on file 3,500).
    B: level 5, retires 2028-06-30 (six months paid in 2028).
    核定 3: one vacancy refilled at staff 1 from July 2027, B's from July 2028."""
    people = [
        person(1, 3, 2025, {2025: "优秀", 2026: "优秀"}, base=D(3500)),
        person(2, 5, 2026, {2026: "称职"}, retires=dt.date(2028, 6, 30)),
    ]
    unit = Unit(1, "新城区", "中山路街道", "幸福社区", ALL_PASS, approved=3)
    years = project(people, [unit], ECONOMY, Scenario(), 2027, 3).years
    # 2027: A 3,600 × 12 + B 3,700 × 12 + hire 3,300 × 6; employer 10 % of 3,500, 3,700, 3,300
    assert (years[0].total.gross, years[0].total.employer) == (D(107400), D(10620))
    assert (years[0].adjusted, years[0].adjustment_cost) == (1, D(1200))
    assert years[0].hires == 1
    # 2028: A (base: 2027's average 3,600), B six months, the 2027 hire, a hire from July
    assert (years[1].total.gross, years[1].total.employer) == (D(124800), D(12480))
    assert years[1].retirements == 1 and years[1].hires == 1
    # 2029: A and two hires, nobody to refill
    assert (years[2].total.gross, years[2].total.employer) == (D(122400), D(12240))
    assert years[2].hires == 0 and years[2].adjusted == 0
    assert years[2].total.total == D(134640)
    assert years[2].total.headcount == 3


def test_months_add_up_to_the_year() -> None:
    people = [person(1, 3, 2025, {2025: "优秀", 2026: "优秀"}, retires=dt.date(2027, 9, 30))]
    unit = Unit(1, "新城区", "中山路街道", "幸福社区", ALL_PASS, approved=1)
    year = project(people, [unit], ECONOMY, Scenario(), 2027, 1).years[0]
    assert sum((c.gross for c in year.by_month.values()), D(0)) == year.total.gross
    assert sum((c.employer for c in year.by_month.values()), D(0)) == year.total.employer
    assert year.by_month[9].gross == D(3600)
    assert year.by_month[10].gross == D(0)  # retired at September's end, refilled next year


def test_a_general_raise_and_parity() -> None:
    own = ScaleVersion(
        dt.date(2020, 1, 1),
        (*POSTS[:2], PostRange("grid", "专职网格员", 1, 12)),
        AMOUNTS | {("grid", level): D(2000) for level in range(1, 13)},
    )
    economy = Economy((own,), ECONOMY.allowances, ECONOMY.insurance, ECONOMY.bounds, refill_month=1)
    grid = Person(1, 1, WorkerHistory(1, "grid", 2, 2026, {}), FAR)
    unit = Unit(1, "区", "街道", "社区", ALL_PASS)
    base = project([grid], [unit], economy, Scenario(), 2027, 1).years[0]
    assert base.total.gross == D((2000 + 200) * 12)
    parity = Scenario("网格员同酬", parity_from=dt.date(2027, 7, 1))
    raised = project([grid], [unit], economy, parity, 2027, 1).years[0]
    assert raised.total.gross == D(2200 * 6 + (3200 + 200) * 6)
    rise = Scenario("普调5%", raise_rate=D("0.05"), raise_from=dt.date(2027, 1, 1))
    assert project([grid], [unit], economy, rise, 2027, 1).years[0].total.gross == D(
        (2100 + 200) * 12
    )


def test_assumed_grades_keep_the_shares_and_rotate() -> None:
    shares = (("优秀", D("0.2")), ("称职", D("0.7")), ("基本称职", D("0.1")))
    first = assumed_grades(shares, 10, 2027, 2027)
    second = assumed_grades(shares, 10, 2028, 2027)
    assert sorted(first) == sorted(second)
    assert first.count("优秀") == 2 and first.count("基本称职") == 1
    assert {i for i, g in enumerate(first) if g == "优秀"}.isdisjoint(
        {i for i, g in enumerate(second) if g == "优秀"}
    )


@st.composite
def districts(draw: st.DrawFn) -> tuple[list[Person], list[Unit]]:
    units = [
        Unit(
            c,
            f"区{c % 2}",
            f"街道{c}",
            f"社区{c}",
            (("优秀", D("0.2")), ("称职", D("0.8"))),
            leaver_rate=draw(st.sampled_from([D(0), D("0.05"), D("0.1")])),
            approved=draw(st.one_of(st.none(), st.integers(0, 6))),
        )
        for c in range(1, draw(st.integers(1, 3)) + 1)
    ]
    people = []
    for worker_id in range(1, draw(st.integers(0, 12)) + 1):
        post = draw(st.sampled_from(["staff", "principal", "grid"]))
        level = draw(st.integers(7, 12))
        start = draw(st.integers(2018, 2026))
        grades = {y: draw(st.sampled_from(["优秀", "称职", "不称职"])) for y in range(start, 2027)}
        history = WorkerHistory(worker_id, post, level, start, grades)
        people.append(
            Person(
                worker_id,
                draw(st.sampled_from(units)).community,
                history,
                draw(st.dates(dt.date(2026, 1, 1), dt.date(2032, 1, 1))).replace(day=28),
                duties=draw(st.sampled_from([None, "一肩挑"])),
                certificate_level=draw(st.sampled_from([None, "中级"])),
                certificate_from=dt.date(2027, draw(st.integers(1, 12)), 1),
                base=draw(st.one_of(st.none(), st.integers(2000, 9000).map(D))),
            )
        )
    return people, units


@settings(max_examples=40, deadline=None)
@given(districts())
def test_a_scenario_that_changes_nothing_is_the_baseline(
    district: tuple[list[Person], list[Unit]],
) -> None:
    people, units = district
    nothing = Scenario(
        "无变化",
        raise_rate=D(0),
        raise_from=dt.date(2028, 1, 1),
        step_years=3,
        step_from=2028,
        headcount={u.community: 0 for u in units},
        scale=ScaleVersion(dt.date(2028, 1, 1), POSTS, dict(AMOUNTS)),
    )
    baseline = project(people, units, ECONOMY, Scenario(), 2027, 4)
    same = project(people, units, ECONOMY, nothing, 2027, 4)
    for a, b in zip(baseline.years, same.years, strict=True):
        assert (a.total, a.by_street, a.by_post, a.by_month) == (
            b.total,
            b.by_street,
            b.by_post,
            b.by_month,
        )


@settings(max_examples=30, deadline=None)
@given(districts())
def test_runs_that_share_the_walk_give_their_own_figures(
    district: tuple[list[Person], list[Unit]],
) -> None:
    """A raise keeps the rules: it walks the baseline's walk (once) and prices it its own way,
    to the same figures as projected alone; a change of the rules walks its own."""
    people, units = district
    economy = replace(ECONOMY, assume_first_grades=True)
    rise = Scenario("普调5%", raise_rate=D("0.05"), raise_from=dt.date(2027, 7, 1))
    steps = Scenario("两年一调", step_years=2)
    population = Population(people, units, economy, 2027, 3)
    together = [project_population(population, s) for s in (Scenario(), rise, steps)]
    assert len(population._walked) == 3 + 3  # the baseline's (shared by the raise), the steps'
    for scenario, shared in zip((Scenario(), rise, steps), together, strict=True):
        assert repr(shared) == repr(project(people, units, economy, scenario, 2027, 3))


def test_workers_with_the_same_facts_are_one_state_each_assumed_grade() -> None:
    """Workers the reading gives the same facts (``Person.facts``) are given their state once
    per grade assumed for the year before the first: the figures are those without the key."""
    economy = replace(ECONOMY, assume_first_grades=True)
    shares = (("优秀", D("0.5")), ("称职", D("0.5")))
    unit = Unit(1, "新城区", "中山路街道", "幸福社区", shares, approved=5)
    people = [
        person(w, 3, 2024, {2024: "优秀", 2025: "优秀"}, base=D(3500), facts="a")
        for w in range(1, 5)
    ]
    population = Population(people, [unit], economy, 2027, 3)
    assert len(population.states.histories) == 2  # 2026 assumed 优秀 for two, 称职 for two
    keyed = project_population(population, Scenario())
    plain = [replace(p, facts=None) for p in people]
    assert repr(keyed) == repr(project(plain, [unit], economy, Scenario(), 2027, 3))
