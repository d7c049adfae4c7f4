"""Stored inputs re-derive the same payslip; the cumulative tax carried from the last payslip
equals the month-by-month computation (no-refund rule included)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tests.domain.payroll.test_payslip import DEMO_RATES, STAFF_3, inputs
from workforce.domain.payroll.insurance import BaseBounds
from workforce.domain.payroll.pay_composition import PaidMonth
from workforce.domain.payroll.payslip import PayLine, TaxContext, compute_payslip
from workforce.domain.payroll.payslip_codec import (
    MonthBasis,
    decode_inputs,
    encode_inputs,
    lines_from_text,
    lines_text,
    payslip_hash,
    sha256,
)
from workforce.domain.payroll.tax import Carried, MonthIncome, carried_after, cumulative_withholding

D = Decimal
BASIS = MonthBasis(
    period=dt.date(2026, 3, 1),
    days_in_month=31,
    scale_effective_date=dt.date(2020, 1, 1),
    insurance_items=DEMO_RATES,
    bounds=BaseBounds(D("4863"), D("24315"), dt.date(2020, 1, 1)),
    allowances={"basic_performance": "200.00"},
    probation_share=D("0.80"),
    certificate_from_next_month=True,
)


def test_stored_inputs_give_the_same_payslip() -> None:
    lines = (*STAFF_3, PayLine("item:fine", "扣款", D("-50"), after_tax=True, insurable=False))
    original = inputs(
        month=3,
        lines=lines,
        days_employed=20,
        probation_share=D("0.80"),
        tax=TaxContext(
            first_month=1,
            special_deductions=D("1500"),
            carried=Carried(2, D("8276"), insurance=D("2189.24"), withheld=D("12.34")),
        ),
    )
    text = encode_inputs(original)
    decoded = decode_inputs(1, text, BASIS)
    assert decoded == original
    assert compute_payslip(decoded) == compute_payslip(original)
    assert encode_inputs(decoded) == text
    assert MonthBasis.from_text(BASIS.text()) == BASIS
    assert lines_from_text(lines_text(lines)) == lines
    assert payslip_hash(sha256(BASIS.text()), text) != payslip_hash(sha256("{}"), text)


def test_what_is_owed_is_stored_only_when_there_is_some() -> None:
    """上月欠扣 (§8.6) is part of a payslip's inputs; absent when nothing is owed, so the texts
    and hashes of payslips stored before it existed are unchanged."""
    plain = inputs(month=3)
    assert "owed" not in encode_inputs(plain)
    owing = inputs(month=3, owed=D("713.53"))
    text = encode_inputs(owing)
    assert '"owed":"713.53"' in text
    decoded = decode_inputs(1, text, BASIS)
    assert decoded == owing and compute_payslip(decoded).carry.owed_in == D("713.53")


def test_a_partly_paid_month_owes_arrears_the_same_way() -> None:
    paid = PaidMonth(dt.date(2026, 1, 1), "staff", 3, D("1929.29"), 16, 31, D("0.80"))
    assert paid.as_paid(D("3738")) == D("1543.43")  # 3,738 × 16/31 = 1,929.29; × 0.8


amounts = st.decimals(min_value=0, max_value=80000, places=2)


@given(st.lists(st.tuples(amounts, amounts), min_size=2, max_size=12))
def test_carrying_the_year_equals_month_by_month(months: list[tuple[Decimal, Decimal]]) -> None:
    incomes = [
        MonthIncome(index + 1, income, insurance=min(insurance, income))
        for index, (income, insurance) in enumerate(months)
    ]
    full = cumulative_withholding(incomes)
    carried = None
    for entry, expected in zip(incomes, full, strict=True):
        line = cumulative_withholding([entry], carried=carried)[0]
        assert line == expected
        carried = carried_after(line)
