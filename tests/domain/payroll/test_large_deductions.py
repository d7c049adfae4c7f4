"""A single deduction line larger than the month's gross (§10): which lines, against what."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from workforce.domain.payroll.large_deductions import (
    CALCULATED,
    EXPECTED,
    large_deduction,
    large_lines,
    pay_before_deductions,
)
from workforce.domain.payroll.payslip import PayLine

PAY = PayLine("scale", "岗位等级工资", D("3938.00"), prorated=True)


@pytest.mark.parametrize(
    ("extra", "large"),
    [
        ((PayLine("item:扣款", "扣款", D("-99999")),), ["扣款"]),
        ((PayLine("item:扣款", "扣款", D("-3938.00")),), []),  # equal to the gross: not larger
        ((PayLine("item:扣款", "扣款", D("-3938.01")),), ["扣款"]),
        ((PayLine("item:罚款", "罚款", D("-5000"), after_tax=True),), ["罚款"]),
        (  # a bonus raises the gross; two deductions are judged one by one
            (
                PayLine("item:奖金", "奖金", D("2000")),
                PayLine("item:扣款", "扣款", D("-3000")),
                PayLine("item:罚款", "罚款", D("-3000"), after_tax=True),
            ),
            [],
        ),
    ],
)
def test_which_lines_are_larger_than_the_gross(
    extra: tuple[PayLine, ...], large: list[str]
) -> None:
    assert [line.name for line in large_lines((PAY, *extra))] == large


def test_the_gross_counts_no_deduction_and_no_after_tax_line() -> None:
    lines = (PAY, PayLine("a", "扣款", D("-10")), PayLine("b", "退款", D("5"), after_tax=True))
    assert pay_before_deductions(lines) == D("3938.00")


def test_the_warning_names_person_line_amount_and_the_gross_compared() -> None:
    entered = large_deduction("张三", "扣款", D("-99999.00"), D("3938.00"), EXPECTED)
    assert not entered.is_error
    assert entered.message == (
        "张三的扣款「扣款」-99,999.00元超过预计本月应发3,938.00元，请核对金额，确认无误后方可录入"
    )
    calculated = large_deduction("张三", "扣款", D("-99999.00"), D("3938.00"), CALCULATED)
    assert calculated.message.endswith("超过本月应发3,938.00元，请在审核前核对")
