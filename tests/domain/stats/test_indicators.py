"""Published indicators (§9) on a hand-computed population of seven workers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from workforce.domain.scale import PostRange
from workforce.domain.stats.indicators import (
    UNDATED,
    StatsPerson,
    TrainingTotals,
    compute_indicators,
    percent,
    round_tenth,
    status_on,
)

D = dt.date
POSTS = (
    PostRange("principal", "社区正职", 7, 18),
    PostRange("deputy", "社区副职", 4, 15),
    PostRange("staff", "其他社区工作者", 1, 12),
    PostRange("grid", "专职网格员", 1, 12, paid_as="staff"),
)
START = D(2015, 3, 1)
# id, born, status now, post, level, district, highest education, 两委, community start, certified
PEOPLE = (
    StatsPerson(
        1, D(1990, 7, 1), "在职", "staff", 3, "新城区", "本科", False, START, D(2020, 1, 1)
    ),
    StatsPerson(2, D(1980, 1, 15), "在职", "principal", 10, "新城区", "硕士", True, START, None),
    StatsPerson(
        3, D(2000, 3, 1), "试用", "grid", 1, "回民区", "大专", False, START, D(2025, 10, 10)
    ),
    StatsPerson(4, D(1985, 5, 5), "离职", "staff", 4, "回民区", "本科", True, START, D(2019, 1, 1)),
    StatsPerson(5, D(1995, 12, 31), "在职", "deputy", 5, "回民区", "本科", True, START, UNDATED),
    StatsPerson(6, D(1992, 2, 2), "在职", "staff", 2, "新城区", "大专", False, D(2025, 9, 1), None),
    StatsPerson(7, D(1970, 6, 30), "离职", "staff", 8, "回民区", "高中/中专", False, START, None),
)
# No. 7 left on 1 August 2025; No. 4's single status row keeps them out on every date.
HISTORIES = {7: [(START, "在职"), (D(2025, 8, 1), "离职")]}


@pytest.mark.parametrize(
    ("as_of", "counted", "ages", "under_35", "bachelor", "certified", "committee"),
    [
        # No. 1 is 34 the day before turning 35; No. 7 turns 55 that day and has not left yet;
        # No. 3's certificate and No. 6's start are still ahead.
        (D(2025, 6, 30), (1, 2, 3, 5, 7), (34, 45, 25, 29, 55), 3, 3, 2, 2),
        # No. 1 turns 35: no longer under 35.
        (D(2025, 7, 1), (1, 2, 3, 5, 7), (35, 45, 25, 29, 55), 2, 3, 2, 2),
        # No. 7 has left.
        (D(2025, 8, 1), (1, 2, 3, 5), (35, 45, 25, 29), 2, 3, 2, 2),
        # No. 6 has started; No. 3 holds the certificate from the day it was obtained.
        (D(2025, 10, 10), (1, 2, 3, 5, 6), (35, 45, 25, 29, 33), 3, 3, 3, 2),
    ],
)
def test_indicators_on_a_date(
    as_of: dt.date,
    counted: tuple[int, ...],
    ages: tuple[int, ...],
    under_35: int,
    bachelor: int,
    certified: int,
    committee: int,
) -> None:
    found = compute_indicators(
        PEOPLE, as_of, histories=HISTORIES, posts=POSTS, districts=("新城区", "回民区")
    )
    n = len(counted)
    assert found.headcount == n
    assert found.average_age == round_tenth(Decimal(sum(ages)) / n)
    assert (found.under_35, found.under_35_ratio) == (under_35, percent(under_35, n))
    assert found.bachelor_or_above == bachelor
    assert found.bachelor_or_above_ratio == percent(bachelor, n)
    assert (found.certified, found.certified_ratio) == (certified, percent(certified, n))
    assert (found.committee, found.committee_ratio) == (committee, percent(committee, n))
    people = {p.worker_id: p for p in PEOPLE}
    assert sum(found.by_post.values()) == sum(found.by_district.values()) == n
    assert found.by_district == {
        d: sum(1 for i in counted if people[i].district == d)
        for d in ("新城区", "回民区")
        if any(people[i].district == d for i in counted)
    }


def test_the_first_date_by_hand() -> None:
    found = compute_indicators(
        PEOPLE,
        D(2025, 6, 30),
        histories=HISTORIES,
        posts=POSTS,
        districts=("新城区", "回民区"),
        training=TrainingTotals(12, Decimal("96.5")),
    )
    assert found.average_age == Decimal("37.6")  # 188 / 5
    assert found.under_35_ratio == Decimal("60.0")
    assert found.bachelor_or_above_ratio == Decimal("60.0")
    assert found.certified_ratio == Decimal("40.0")
    assert found.committee_ratio == Decimal("40.0")
    assert found.by_post == {"principal": 1, "deputy": 1, "staff": 2, "grid": 1}
    assert list(found.post_names.values()) == [p.name for p in POSTS]
    assert found.by_post_level == {
        "principal": {10: 1},
        "deputy": {5: 1},
        "staff": {3: 1, 8: 1},
        "grid": {1: 1},
    }
    assert found.by_district == {"新城区": 2, "回民区": 3}
    assert (found.training_person_times, found.training_hours) == (12, Decimal("96.5"))


def test_nobody_counted_gives_zeros() -> None:
    found = compute_indicators(PEOPLE[3:4], D(2025, 6, 30))
    assert found.headcount == 0
    assert found.average_age == found.under_35_ratio == Decimal("0.0")
    assert found.by_post == {} and found.by_district == {}


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (1, 3, "33.3"),
        (2, 3, "66.7"),
        (1, 16, "6.3"),
        (3, 16, "18.8"),
        (1, 8, "12.5"),
        (0, 5, "0.0"),
        (5, 5, "100.0"),
        (0, 0, "0.0"),
    ],
)
def test_percentages_round_half_up_to_a_tenth(part: int, whole: int, expected: str) -> None:
    assert percent(part, whole) == Decimal(expected)


def test_average_age_rounds_half_up() -> None:
    people = [
        StatsPerson(i, D(2025 - age, 1, 1), "在职", "staff", 1, "区", None, False, None, None)
        for i, age in enumerate((35, 36, 36, 36))
    ]
    assert compute_indicators(people, D(2025, 6, 30)).average_age == Decimal("35.8")  # 35.75


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2010, 1, 1), "试用"),  # before the first record: the first status
        (D(2020, 1, 1), "试用"),
        (D(2020, 7, 1), "在职"),
        (D(2024, 12, 31), "在职"),
        (D(2025, 1, 1), "离职"),
    ],
)
def test_status_on_a_date_replays_the_history(on: dt.date, expected: str) -> None:
    history = [(D(2020, 1, 1), "试用"), (D(2020, 7, 1), "在职"), (D(2025, 1, 1), "离职")]
    assert status_on(history, on, current="离职") == expected
    assert status_on([], on, current="退休") == "退休"
