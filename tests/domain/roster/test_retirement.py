"""Statutory retirement under the 2025 reform: the decision's comparison table at the cohort
boundaries (golden data a clerk can check against the 附件), and the invariants of the rule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workforce.domain.roster.retirement import (
    REFORM_2025,
    Cohort,
    RetirementRules,
    original_age_of,
    retirement,
    retirements_by_year,
)

CASES = json.loads(
    (Path(__file__).parents[2] / "golden" / "retirement_cases.json").read_text("utf-8")
)["cases"]


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['sex']}{c['original_age']}-{c['born']}" for c in CASES]
)
def test_comparison_table(case: dict[str, Any]) -> None:
    year, month = map(int, case["born"].split("-"))
    for day in (1, 15, 28):  # the day of birth never matters, only the month
        found = retirement(dt.date(year, month, day), case["original_age"])
        assert found.age_text == case["age"]
        assert f"{found.date:%Y-%m}" == case["retires"]


def test_retirement_is_the_last_day_of_the_month() -> None:
    assert retirement(dt.date(1965, 1, 31), 60).date == dt.date(2025, 2, 28)
    assert retirement(dt.date(1976, 9, 1), 60).date == dt.date(2039, 9, 30)
    assert retirement(dt.date(1966, 1, 20), 60).date == dt.date(2026, 5, 31)


def test_an_unknown_original_age_is_refused() -> None:
    with pytest.raises(ValueError, match="50、55或60"):
        retirement(dt.date(1970, 1, 1), 58)


def test_a_table_applies_only_from_its_date() -> None:
    """A later table (say, a region's own) counts for those reaching the original age after it."""
    later = RetirementRules(dt.date(2030, 1, 1), {60: Cohort(60, (1965, 1), 2, 36)})
    tables = (REFORM_2025, later)
    assert retirement(dt.date(1966, 1, 1), 60, tables).delay_months == 4  # reached 2026: 2025 rules
    assert retirement(dt.date(1970, 1, 1), 60, tables).delay_months == 31  # reached 2030


def test_original_age_stored_or_the_regions_default() -> None:
    assert original_age_of("女", 55, {"女": 50}) == 55
    assert original_age_of("女", None, {"女": 50}) == 50
    assert original_age_of("男", None, {}) == 60


def test_retirements_counted_per_year() -> None:
    days = [dt.date(2027, 3, 31), dt.date(2027, 12, 31), dt.date(2029, 1, 31), dt.date(2031, 1, 31)]
    assert retirements_by_year(days, 2027, 3) == {2027: 2, 2028: 0, 2029: 1}


births = st.dates(dt.date(1955, 1, 1), dt.date(2000, 12, 31))


@given(births, st.sampled_from([50, 55, 60]))
def test_delay_within_the_cap_and_never_earlier(birth: dt.date, age: int) -> None:
    found = retirement(birth, age)
    cap = {60: 36, 55: 36, 50: 60}[age]
    assert 0 <= found.delay_months <= cap
    assert found.date >= dt.date(birth.year + age, birth.month, 1)


@given(births, births, st.sampled_from([50, 55, 60]))
def test_born_later_never_retires_earlier_or_at_a_lower_age(
    a: dt.date, b: dt.date, age: int
) -> None:
    first, second = sorted((a, b))
    early, late = retirement(first, age), retirement(second, age)
    assert early.date <= late.date
    assert early.delay_months <= late.delay_months
