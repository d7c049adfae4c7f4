"""Breakdowns, year-on-year and the pyramid (§9) on the hand-computed population of
``tests.stats_samples`` (eight workers, two districts), counted on 2025-12-31 and 2024-12-31."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.stats_samples import AS_OF, BEFORE, POPULATION, POSTS, UNITS, D, OrgNode
from workforce.domain.stats.breakdown import (
    AGE_BANDS,
    Figure,
    PyramidBand,
    age_band,
    members,
)
from workforce.domain.stats.indicators import Headline
from workforce.domain.stats.population import (
    Grade,
    Move,
    Population,
    community_on,
    grade_on,
    placed_on,
    year_earlier,
)
from workforce.domain.stats.report import StatsReport, build_report


def report(scope: OrgNode | None = None, communities: frozenset[int] | None = None) -> StatsReport:
    return build_report(
        POPULATION,
        AS_OF,
        units=UNITS,
        scope=scope,
        communities=communities,
        posts=POSTS,
        unit=scope.name if scope else "全部",
    )


@pytest.mark.parametrize(
    ("on", "placed"),
    [
        # (worker, community, post, level, age) of each counted person
        (AS_OF, {(1, 3, "staff", 3, 34), (2, 3, "principal", 10, 45), (3, 6, "staff", 2, 25),
                 (5, 9, "grid", 1, 24), (6, 9, "deputy", 6, 37), (8, 3, "staff", 4, 30)}),
        (BEFORE, {(1, 3, "staff", 3, 33), (2, 3, "principal", 10, 44), (3, 4, "staff", 2, 24),
                  (4, 4, "staff", 8, 54), (6, 9, "deputy", 5, 36), (8, 9, "staff", 4, 29)}),
        # the day before 辛's move: still in 丁社区
        (D(2025, 12, 30), {(1, 3, "staff", 3, 34), (2, 3, "principal", 10, 44),
                           (3, 6, "staff", 2, 25), (5, 9, "grid", 1, 24), (6, 9, "deputy", 6, 37),
                           (8, 9, "staff", 4, 29)}),
    ],
)  # fmt: skip
def test_each_person_is_placed_on_the_right_side_of_each_date(
    on: dt.date, placed: set[tuple[int, int, str, int, int]]
) -> None:
    found = placed_on(POPULATION, on)
    assert {(p.person.worker_id, p.community_id, p.post, p.level, p.age) for p in found} == placed


# unit id → (headcount, average age, 本科以上 %, 35岁以下 %, 持证率, 两委 %) on AS_OF, then BEFORE
EXPECTED = {
    None: (
        (6, "32.5", "83.3", "66.7", "66.7", "33.3"),  # ages 34 45 25 24 37 30
        (6, "36.7", "66.7", "50.0", "50.0", "50.0"),  # ages 33 44 24 54 36 29
    ),
    1: ((4, "33.5", "75.0", "75.0", "75.0", "25.0"), (4, "38.8", "50.0", "50.0", "25.0", "50.0")),
    2: ((3, "36.3", "100.0", "66.7", "66.7", "33.3"), (4, "38.8", "50.0", "50.0", "25.0", "50.0")),
    3: ((3, "36.3", "100.0", "66.7", "66.7", "33.3"), (2, "38.5", "100.0", "50.0", "50.0", "50.0")),
    4: ((0, "0.0", "0.0", "0.0", "0.0", "0.0"), (2, "39.0", "0.0", "50.0", "0.0", "50.0")),
    5: ((1, "25.0", "0.0", "100.0", "100.0", "0.0"), (0, "0.0", "0.0", "0.0", "0.0", "0.0")),
    6: ((1, "25.0", "0.0", "100.0", "100.0", "0.0"), (0, "0.0", "0.0", "0.0", "0.0", "0.0")),
    7: (
        (2, "30.5", "100.0", "50.0", "50.0", "50.0"),
        (2, "32.5", "100.0", "50.0", "100.0", "50.0"),
    ),
    8: (
        (2, "30.5", "100.0", "50.0", "50.0", "50.0"),
        (2, "32.5", "100.0", "50.0", "100.0", "50.0"),
    ),
    9: (
        (2, "30.5", "100.0", "50.0", "50.0", "50.0"),
        (2, "32.5", "100.0", "50.0", "100.0", "50.0"),
    ),
}


def _figures(h: Headline) -> tuple[int, str, str, str, str, str]:
    return (
        h.headcount,
        str(h.average_age),
        str(h.bachelor_or_above_ratio),
        str(h.under_35_ratio),
        str(h.certified_ratio),
        str(h.committee_ratio),
    )


def test_rows_by_district_street_and_community_on_both_dates() -> None:
    rows = report().rows
    assert [(r.unit_id, r.depth) for r in rows] == [
        (None, 0), (1, 1), (2, 2), (3, 3), (4, 3), (5, 2), (6, 3), (7, 1), (8, 2), (9, 3)
    ]  # fmt: skip
    assert rows[0].name == "全部" and rows[1].name == "一区"
    for row in rows:
        assert (_figures(row.current), _figures(row.previous)) == EXPECTED[row.unit_id], row.name


def test_year_on_year_change_of_the_published_figures() -> None:
    total, *_rest = report().rows
    change = total.change
    assert change.headcount == 0
    assert change.bachelor_or_above_ratio == Decimal("16.6")  # 83.3 − 66.7
    assert change.average_age == Decimal("-4.2")
    assert change.under_35_ratio == change.certified_ratio == Decimal("16.7")
    assert change.committee_ratio == Decimal("-16.7")
    second_street = next(r for r in report().rows if r.unit_id == 5)
    assert second_street.change.headcount == 1
    assert second_street.change.average_age is None  # nobody a year earlier: no comparison


def test_a_street_counts_whoever_was_in_its_communities_on_each_day() -> None:
    street = UNITS[1]
    found = report(street, frozenset({3, 4}))
    assert [(r.unit_id, r.current.headcount, r.previous.headcount) for r in found.rows] == [
        (2, 3, 4),  # 甲 乙 辛 now; 甲 乙 丙 丁 a year earlier
        (3, 3, 2),
        (4, 0, 2),
    ]
    assert found.total.current.average_age == Decimal("36.3")  # (34 + 45 + 30) / 3


def test_levels_per_post_list_every_level_of_the_range() -> None:
    levels = {p.post: dict(p.counts) for p in report().levels}
    assert list(levels) == ["principal", "deputy", "staff", "grid"]
    assert levels["principal"] == {level: int(level == 10) for level in range(7, 19)}
    assert levels["deputy"] == {level: int(level == 6) for level in range(4, 16)}  # not 5 any more
    assert {k: v for k, v in levels["staff"].items() if v} == {2: 1, 3: 1, 4: 1}
    assert [p.total for p in report().levels] == [1, 1, 3, 1]


def test_age_pyramid_in_five_year_bands() -> None:
    pyramid = report().pyramid
    assert [band.label for band in pyramid] == list(AGE_BANDS)
    assert AGE_BANDS[0] == "20岁以下" and AGE_BANDS[-1] == "60岁及以上"
    assert {b.label: (b.men, b.women) for b in pyramid if b.men or b.women} == {
        "20-24岁": (0, 1),
        "25-29岁": (0, 1),
        "30-34岁": (1, 1),
        "35-39岁": (1, 0),
        "45-49岁": (1, 0),
    }
    assert pyramid[0] == PyramidBand("20岁以下", 0, 0)


@pytest.mark.parametrize(
    ("age", "band"), [(0, 0), (19, 0), (20, 1), (24, 1), (25, 2), (34, 3), (35, 4), (59, 8),
                      (60, 9), (75, 9)],
)  # fmt: skip
def test_age_bands(age: int, band: int) -> None:
    assert age_band(age) == band


@pytest.mark.parametrize(
    ("figure", "people"),
    [
        (Figure("headcount"), [1, 2, 3, 5, 6, 8]),
        (Figure("under_35"), [1, 3, 5, 8]),
        (Figure("bachelor_or_above"), [1, 2, 5, 6, 8]),
        (Figure("certified"), [1, 3, 6, 8]),
        (Figure("committee"), [2, 6]),
        (Figure("post", post="staff"), [1, 3, 8]),
        (Figure("level", post="deputy", level=6), [6]),
        (Figure("level", post="deputy", level=5), []),
        (Figure("age_band", band=3), [1, 8]),
        (Figure("age_band", band=3, sex="男"), [8]),
    ],
)
def test_the_people_behind_a_figure(figure: Figure, people: list[int]) -> None:
    assert members(POPULATION, figure, AS_OF) == people


def test_the_people_behind_a_figure_of_a_street() -> None:
    assert members(POPULATION, Figure("headcount"), AS_OF, frozenset({3, 4})) == [1, 2, 8]
    assert members(POPULATION, Figure("headcount"), BEFORE, frozenset({3, 4})) == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("on", "community"),
    [
        (D(2020, 1, 1), 10),  # before the first move: where the first move came from
        (D(2021, 5, 31), 10),
        (D(2021, 6, 1), 11),  # on the day of a move: already in the new community
        (D(2023, 12, 31), 11),
        (D(2024, 1, 1), 12),
        (D(2026, 1, 1), 12),
    ],
)
def test_community_on_a_date_replays_the_transfers(on: dt.date, community: int) -> None:
    moves = [Move(D(2021, 6, 1), 10, 11), Move(D(2024, 1, 1), 11, 12)]
    assert community_on(moves, on, current=12) == community
    assert community_on([Move(D(2021, 6, 1), None, 11)], D(2020, 1, 1), current=11) == 11
    assert community_on([], on, current=7) == 7


@pytest.mark.parametrize(
    ("on", "grade"),
    [
        (D(2010, 1, 1), ("staff", 3)),  # before the first dated change: the first one
        (D(2022, 12, 31), ("staff", 3)),
        (D(2023, 1, 1), ("staff", 4)),
        (D(2025, 1, 1), ("deputy", 6)),
    ],
)
def test_post_and_level_on_a_date(on: dt.date, grade: tuple[str, int]) -> None:
    grades = [
        Grade(D(2020, 3, 1), "staff", 3),
        Grade(D(2023, 1, 1), "staff", 4),
        Grade(D(2025, 1, 1), "deputy", 6),
    ]
    assert grade_on(grades, on, ("deputy", 6)) == grade
    assert grade_on([], on, ("grid", 2)) == ("grid", 2)


@pytest.mark.parametrize(
    ("day", "earlier"),
    [(D(2025, 12, 31), D(2024, 12, 31)), (D(2024, 2, 29), D(2023, 2, 28)),
     (D(2025, 3, 1), D(2024, 3, 1))],
)  # fmt: skip
def test_the_same_day_a_year_earlier(day: dt.date, earlier: dt.date) -> None:
    assert year_earlier(day) == earlier


def test_a_community_right_under_a_district_adds_up_too() -> None:
    units = (*UNITS, OrgNode(11, 1, "community", "直属社区"))
    moved = Population(
        (*POPULATION.people[:6], POPULATION.people[6]._replace(status="在职", community_id=11)),
        POPULATION.statuses,
        POPULATION.moves,
        POPULATION.grades,
    )
    rows = build_report(moved, AS_OF, units=units, posts=POSTS).rows
    found = {r.unit_id: r.current.headcount for r in rows}
    # 庚 now in post in 直属社区; 辛 left out: 甲 乙 丙 庚 in 一区, 戊 己 in 二区
    assert (found[11], found[1], found[7], found[None]) == (1, 4, 2, 6)
    assert [r.unit_id for r in rows][:8] == [None, 1, 2, 3, 4, 5, 6, 11]
