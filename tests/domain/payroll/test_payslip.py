"""One payslip (§8.1–§8.3, §8.6): composition, proration, probation, net = gross − deductions
with the carry line, and net never negative (the shortfall carried as 上月欠扣)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from workforce.domain.payroll.insurance import InsuranceItem
from workforce.domain.payroll.payslip import (
    Carry,
    PayInputs,
    PayLine,
    TaxContext,
    carry_shortfall,
    compute_payslip,
    month_income,
    prorate,
)

D = Decimal
START = dt.date(2024, 1, 1)
DEMO_RATES = (
    InsuranceItem("pension", "养老", D("0.16"), D("0.08"), START),
    InsuranceItem("medical", "医疗", D("0.08"), D("0.02"), START),
    InsuranceItem("unemployment", "失业", D("0.005"), D("0.005"), START),
    InsuranceItem("injury", "工伤", D("0.002"), D("0"), START),
    InsuranceItem("housing_fund", "公积金", D("0.12"), D("0.12"), START, rounding="yuan"),
)
STAFF_3 = (
    PayLine("scale", "岗位等级工资", D("3738"), prorated=True),
    PayLine("certificate", "职业资格津贴", D("200"), prorated=True),
    PayLine("basic_performance", "基础绩效", D("200"), prorated=True),
)


def inputs(**overrides: object) -> PayInputs:
    values: dict[str, object] = {
        "worker_id": 1,
        "month": 1,
        "lines": STAFF_3,
        "days_employed": 31,
        "days_in_month": 31,
        "probation_share": None,
        "contribution_base": D("4863"),
        "insurance_items": DEMO_RATES,
        "tax": TaxContext(),
    }
    values.update(overrides)
    return PayInputs(**values)  # type: ignore[arg-type]


def test_a_staff_level_3_month() -> None:
    slip = compute_payslip(inputs())
    assert slip.gross == D("4138")
    # base 4,863 (the floor): 389.04 + 97.26 + 24.32 + 0 + 584 (公积金 583.56 → yuan)
    assert slip.insurance == D("1094.62")
    assert slip.tax == D("0")  # 4,138 − 5,000 − 1,094.62 < 0
    assert slip.net == D("3043.38")


def test_joining_mid_month_pays_calendar_days() -> None:
    slip = compute_payslip(inputs(days_employed=16, days_in_month=30))
    assert slip.lines[0].amount == prorate(D("3738"), 16, 30) == D("1993.60")


def test_probation_pays_the_share() -> None:
    slip = compute_payslip(inputs(probation_share=D("0.80"), lines=STAFF_3[:1]))
    assert slip.gross == D("2990.40")


def test_untaxed_items_and_after_tax_deductions() -> None:
    lines = (
        PayLine("scale", "岗位等级工资", D("12000")),
        PayLine("heating", "取暖补贴", D("1000"), taxable=False),
        PayLine("fine", "扣款", D("-50"), after_tax=True),
    )
    slip = compute_payslip(inputs(lines=lines))
    assert slip.gross == D("13000")
    assert slip.taxable_income == D("12000")
    assert slip.after_tax_deductions == D("50")
    # taxable 12,000 − 5,000 − 1,094.62 = 5,905.38 × 3% = 177.16
    assert slip.tax == D("177.16")
    assert slip.net == slip.gross - slip.insurance - slip.tax - D("50")


def test_later_months_withhold_cumulatively() -> None:
    lines = (PayLine("scale", "岗位等级工资", D("30000")),)
    context = TaxContext(special_deductions=D("2000"))
    january = compute_payslip(inputs(lines=lines, contribution_base=D("24315"), tax=context))
    february = compute_payslip(
        inputs(
            month=2,
            lines=lines,
            contribution_base=D("24315"),
            tax=TaxContext(earlier_months=(month_income(january),), special_deductions=D("2000")),
        )
    )
    assert february.tax_line.withheld_before == january.tax
    assert february.tax_line.cumulative_income == D("60000")


def test_a_short_first_month_carries_its_shortfall_into_the_next() -> None:
    """§8.6: joined on 29 January with the full month's 五险一金 (base 4,863 → 1,094.62)."""
    january = compute_payslip(inputs(days_employed=3))
    assert january.gross == D("400.44")  # 361.74 + 19.35 + 19.35
    assert january.insurance == D("1094.62")  # due in full: still 专项扣除 in January
    assert january.tax_line.cumulative_insurance == D("1094.62")
    assert january.net == D("0")
    assert january.carry == Carry(D("0"), D("694.18"))  # 欠扣转下月
    assert january.deductions == january.gross  # 1,094.62 − 694.18

    february = compute_payslip(
        inputs(
            month=2,
            tax=TaxContext(earlier_months=(month_income(january),)),
            owed=january.carry.owed_out,
        )
    )
    assert february.carry == Carry(D("694.18"), D("0"))  # 上月欠扣, recovered in full
    assert february.tax == D("0")  # the recovery is cash: no new deduction for tax
    assert february.tax_line.cumulative_insurance == D("2189.24")
    assert february.net == D("3043.38") - D("694.18") == D("2349.20")
    assert february.net == february.gross - february.deductions


def test_a_shortfall_larger_than_the_next_pay_carries_on() -> None:
    net, carry = carry_shortfall(D("300.00"), D("694.18"))
    assert (net, carry) == (D("0"), Carry(D("694.18"), D("394.18")))
    net, carry = carry_shortfall(D("-100.00"), D("394.18"))
    assert (net, carry) == (D("0"), Carry(D("394.18"), D("494.18")))
    net, carry = carry_shortfall(D("3043.38"), D("494.18"))
    assert (net, carry) == (D("2549.20"), Carry(D("494.18"), D("0")))


MONEY = st.decimals(min_value=-500, max_value=50000, places=2, allow_nan=False)
OWED = st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False)


@given(
    st.lists(st.tuples(MONEY, st.booleans(), st.booleans()), min_size=1, max_size=6),
    st.decimals(min_value=0, max_value=30000, places=2, allow_nan=False),
    st.integers(1, 31),
    OWED,
)
def test_net_is_gross_minus_deductions(
    raw: list[tuple[Decimal, bool, bool]], base: Decimal, days: int, owed: Decimal
) -> None:
    """With the carry line: 扣款合计 = 五险一金 + 个税 + 税后扣款 + 上月欠扣 − 欠扣转下月."""
    lines = tuple(
        PayLine(f"l{i}", "项目", amount, taxable=taxable, prorated=prorated)
        for i, (amount, taxable, prorated) in enumerate(raw)
    )
    slip = compute_payslip(
        inputs(lines=lines, contribution_base=base, days_employed=days, owed=owed)
    )
    assert slip.net == slip.gross - slip.deductions
    assert slip.tax >= 0
    assert slip.net >= 0  # §8.6: never negative
    assert slip.carry.owed_in == owed
    assert slip.carry.owed_out >= 0
    assert slip.net == 0 or slip.carry.owed_out == 0  # carried only when nothing is paid
    # what is carried is exactly what the month's pay could not cover
    due = slip.gross - slip.insurance - slip.tax - slip.after_tax_deductions
    assert slip.net - slip.carry.owed_out == due - owed
