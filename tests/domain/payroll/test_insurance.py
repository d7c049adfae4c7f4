"""五险一金 (§8.2) with the demo region's rates and bounds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from workforce.domain.payroll.insurance import (
    BaseBounds,
    InsuranceItem,
    clamp_base,
    contributions,
    employer_total,
    individual_total,
    items_in_force,
    yearly_base,
)

D = Decimal
START = dt.date(2024, 1, 1)
DEMO = [
    InsuranceItem("pension", "养老", D("0.16"), D("0.08"), START),
    InsuranceItem("medical", "医疗", D("0.08"), D("0.02"), START),
    InsuranceItem("unemployment", "失业", D("0.005"), D("0.005"), START),
    InsuranceItem("injury", "工伤", D("0.002"), D("0"), START),
    InsuranceItem("housing_fund", "公积金", D("0.12"), D("0.12"), START, rounding="yuan"),
]
BOUNDS = BaseBounds(D("4863"), D("24315"), START)


@pytest.mark.parametrize(
    ("base", "clamped"), [("3000", "4863"), ("4863", "4863"), ("8000", "8000"), ("30000", "24315")]
)
def test_base_is_clamped(base: str, clamped: str) -> None:
    assert clamp_base(D(base), BOUNDS) == D(clamped)


def test_demo_rates_on_a_base_of_5123_45() -> None:
    parts = {c.code: c for c in contributions(D("5123.45"), DEMO)}
    assert parts["pension"].individual == D("409.88")  # 409.876
    assert parts["medical"].individual == D("102.47")  # 102.469
    assert parts["unemployment"].individual == D("25.62")  # 25.61725
    assert parts["injury"].individual == D("0.00")
    assert parts["housing_fund"].individual == D("615.00")  # 614.814 → to the yuan
    assert individual_total(list(parts.values())) == D("1152.97")
    assert employer_total(list(parts.values())) == D("1880.50")


def test_rates_follow_their_effective_dates() -> None:
    raised = InsuranceItem("pension", "养老", D("0.16"), D("0.09"), dt.date(2026, 7, 1))
    before = items_in_force([*DEMO, raised], dt.date(2026, 6, 30))
    after = items_in_force([*DEMO, raised], dt.date(2026, 7, 1))
    assert before[0].individual_rate == D("0.08")
    assert after[0].individual_rate == D("0.09")
    assert [i.code for i in after] == [i.code for i in DEMO]


def test_yearly_base_is_last_years_average_clamped() -> None:
    assert yearly_base([D("5000"), D("6000")], BOUNDS) == D("5500.00")
    assert yearly_base([D("3000")], BOUNDS) == D("4863")
