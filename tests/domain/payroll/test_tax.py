"""Cumulative withholding (§8.3): the tax authority's published example, the 2020 notices,
the year-end bonus, the case format, and the invariants."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workforce.domain.money import round_fen
from workforce.domain.payroll.tax import (
    ANNUAL_TABLE,
    MonthIncome,
    bonus_tax_separately,
    cumulative_withholding,
)
from workforce.domain.payroll.tax_case import CaseError, explain, parse_case

GOLDEN = Path(__file__).parents[2] / "golden" / "tax"
D = Decimal


def test_published_example_555_625_1850() -> None:
    result = explain(parse_case(json.loads((GOLDEN / "published_2019.json").read_text())))
    assert [m["withholding"] for m in result["months"]] == ["555.00", "625.00", "1850.00"]
    january = result["months"][0]
    assert january["cumulative_taxable"] == "18500.00"
    assert (january["rate"], january["quick_deduction"]) == ("0.03", "0.00")
    assert result["months"][2]["rate"] == "0.10"
    assert result["total_withholding"] == "3030.00"


def test_first_wage_income_of_the_year_deducts_from_january() -> None:
    # Starts work in July: 5,000 × 7 instead of 5,000 × 1 (公告2020年第13号).
    months = [MonthIncome(7, D("10000"), insurance=D("1000"))]
    plain = cumulative_withholding(months, first_month=7)
    first = cumulative_withholding(months, first_month=7, first_income_of_year=True)
    assert plain[0].cumulative_basic_deduction == D("5000")
    assert plain[0].withholding == D("120.00")  # (10000 − 5000 − 1000) × 3%
    assert first[0].cumulative_basic_deduction == D("35000")
    assert first[0].withholding == D("0")


def test_prior_year_low_income_deducts_60000_from_january() -> None:
    months = [MonthIncome(m, D("6000"), insurance=D("600")) for m in range(1, 13)]
    lines = cumulative_withholding(months, prior_year_low_income=True)
    assert all(line.cumulative_basic_deduction == D("60000") for line in lines)
    assert [line.withholding for line in lines[:10]] == [D("0")] * 10
    # December: 72,000 − 60,000 − 7,200 = 4,800 × 3% = 144
    assert sum(line.withholding for line in lines) == D("144.00")


def test_no_refund_when_cumulative_tax_falls() -> None:
    months = [MonthIncome(1, D("20000")), MonthIncome(2, D("0"), other_deductions=D("10000"))]
    lines = cumulative_withholding(months)
    assert lines[0].withholding == D("450.00")
    assert lines[1].withholding == D("0")
    assert lines[1].cumulative_tax < lines[0].withheld_before + lines[0].withholding


@pytest.mark.parametrize(
    ("bonus", "tax"),
    [("36000", "1080.00"), ("36001", "3390.10"), ("0", "0"), ("144000", "14190.00")],
)
def test_year_end_bonus_taxed_separately(bonus: str, tax: str) -> None:
    assert bonus_tax_separately(D(bonus)) == D(tax)


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ({"year": 2025, "months": [{"month": 1, "income": 1, "bonus": 2}]}, "months[0].bonus"),
        ({"year": 2025, "months": [{"month": 1, "income": -5}]}, "months[0].income"),
        (
            {"year": 2025, "months": [{"month": 2, "income": 1}, {"month": 1, "income": 1}]},
            "months[1].month",
        ),
        ({"year": 2025, "months": [{"month": 13, "income": 1}]}, "months[0].month"),
        (
            {"year": 2025, "first_month": 3, "months": [{"month": 2, "income": 1}]},
            "months[0].month",
        ),
        ({"year": 2025, "months": [], "extra": 1}, "extra"),
        ({"year": 2025, "months": [{"month": 1, "income": "abc"}]}, "months[0].income"),
    ],
)
def test_invalid_cases_name_the_field(case: dict[str, object], field: str) -> None:
    with pytest.raises(CaseError) as refused:
        parse_case(case)
    assert str(refused.value).startswith(f"{field}:")


AMOUNTS = st.decimals(min_value=0, max_value=200000, places=2, allow_nan=False)


@given(st.lists(st.tuples(AMOUNTS, AMOUNTS), min_size=1, max_size=12))
def test_sum_of_withholdings_is_the_annual_tax_when_income_never_decreases(
    entries: list[tuple[Decimal, Decimal]],
) -> None:
    months = [
        MonthIncome(i + 1, income + 5000 + insurance, insurance=insurance)
        for i, (income, insurance) in enumerate(entries)
    ]
    lines = cumulative_withholding(months)
    taxable = lines[-1].cumulative_taxable
    bracket = ANNUAL_TABLE.bracket(taxable)
    annual = round_fen(taxable * bracket.rate - bracket.quick_deduction)
    assert sum(line.withholding for line in lines) == annual
    assert all(line.withholding >= 0 for line in lines)


def test_explain_shows_the_net_pay_and_its_carry() -> None:
    """§8.6 in ``payroll explain``: a short first month pays 0 and carries 713.53 as 上月欠扣."""
    case = parse_case(
        {
            "year": 2026,
            "months": [
                {"month": 1, "income": "381.09", "insurance": "1094.62"},
                {"month": 2, "income": "3938", "insurance": "1094.62"},
            ],
        }
    )
    january, february = explain(case)["months"]
    assert (january["net"], january["owed_in"], january["owed_out"]) == ("0.00", "0.00", "713.53")
    assert (february["net"], february["owed_in"], february["owed_out"]) == (
        "2129.85",
        "713.53",
        "0.00",
    )
    assert february["cumulative_insurance"] == "2189.24"  # still 专项扣除 in January
