"""全年一次性奖金 on the payslip (§8.3, 财税〔2018〕164号): taxed separately by the monthly table on
bonus ÷ 12 and kept out of the cumulative income, or merged into it; chosen per payment."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.payroll.test_payslip import inputs
from workforce.domain.payroll.payslip import (
    MERGED,
    SEPARATE,
    PayLine,
    TaxContext,
    compute_payslip,
    month_income,
)
from workforce.domain.payroll.payslip_codec import decode_lines, encode_lines
from workforce.domain.payroll.tax import carried_after

D = Decimal
GOLDEN = json.loads(
    (Path(__file__).parents[2] / "golden" / "tax" / "annual_bonus.json").read_text("utf-8")
)


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=lambda c: f"{c['bonus']}-{c['treatment']}")
def test_golden_bonus_cases(case: dict[str, Any]) -> None:
    lines = (
        PayLine("scale", "岗位等级工资", D(GOLDEN["wages"])),
        PayLine("item:年终奖", "全年一次性奖金", D(case["bonus"]), bonus=case["treatment"]),
    )
    slip = compute_payslip(inputs(lines=lines, contribution_base=D(GOLDEN["contribution_base"])))
    assert slip.gross == D(GOLDEN["wages"]) + D(case["bonus"])
    assert slip.wage_tax == D(case["wage_tax"])
    assert slip.bonus_tax == D(case["bonus_tax"])
    assert slip.tax == D(case["tax"])
    assert slip.tax_line.cumulative_income == D(case["cumulative_income"])
    assert slip.net == D(case["net"])


def test_the_separate_bonus_stays_out_of_later_months() -> None:
    """February's cumulative figures carry January's wages only, and the bonus tax is not part
    of the wage tax withheld before (else February's withholding would be too low)."""
    wages = PayLine("scale", "岗位等级工资", D("10000"))
    bonus = PayLine("item:年终奖", "全年一次性奖金", D("36000"), bonus=SEPARATE)
    january = compute_payslip(inputs(lines=(wages, bonus), contribution_base=D("10000")))
    by_months = compute_payslip(
        inputs(
            month=2,
            lines=(wages,),
            contribution_base=D("10000"),
            tax=TaxContext(earlier_months=(month_income(january),)),
        )
    )
    carried = compute_payslip(
        inputs(
            month=2,
            lines=(wages,),
            contribution_base=D("10000"),
            tax=TaxContext(carried=carried_after(january.tax_line)),
        )
    )
    assert by_months.tax_line == carried.tax_line
    assert carried.tax_line.cumulative_income == D("20000")
    assert carried.tax_line.withheld_before == D("82.50")
    assert carried.tax == D("82.50")


def test_bonus_treatment_survives_the_stored_lines() -> None:
    lines = (
        PayLine("a", "全年一次性奖金", D("1000"), bonus=SEPARATE),
        PayLine("b", "全年一次性奖金", D("1000"), bonus=MERGED),
        PayLine("c", "取暖补贴", D("300")),
    )
    assert decode_lines(encode_lines(lines)) == lines


MONEY = st.decimals(min_value=-500, max_value=50000, places=2, allow_nan=False)
BONUS = st.decimals(min_value=0, max_value=2_000_000, places=2, allow_nan=False)


@given(
    st.lists(st.tuples(MONEY, st.booleans()), min_size=1, max_size=4),
    st.lists(st.tuples(BONUS, st.sampled_from([SEPARATE, MERGED])), min_size=1, max_size=3),
    st.decimals(min_value=0, max_value=30000, places=2, allow_nan=False),
    st.integers(1, 12),
)
def test_net_is_gross_minus_deductions_with_bonuses(
    raw: list[tuple[Decimal, bool]],
    bonuses: list[tuple[Decimal, str]],
    base: Decimal,
    month: int,
) -> None:
    lines = tuple(
        PayLine(f"l{i}", "项目", amount, taxable=taxable, prorated=True)
        for i, (amount, taxable) in enumerate(raw)
    ) + tuple(
        PayLine(f"b{i}", "全年一次性奖金", amount, bonus=treatment)
        for i, (amount, treatment) in enumerate(bonuses)
    )
    slip = compute_payslip(inputs(month=month, lines=lines, contribution_base=base))
    assert slip.net == slip.gross - slip.deductions
    assert slip.tax == slip.wage_tax + slip.bonus_tax >= 0
    separate = sum((a for a, t in bonuses if t == SEPARATE), D(0))
    assert slip.bonus_income == separate
    assert slip.tax_line.cumulative_income == slip.gross - separate
