"""A single deduction line larger than the month's gross is a warning the clerk confirms, never
silent (§10): −99,999 typed for −99.99 would otherwise be paid as a negative net.

The gross a deduction is compared with is the month's pay before any deduction line: the
positive lines that are not after-tax (scale pay, allowances, 基础绩效 as paid, the month's
items, arrears). A deduction line is any negative line, before or after tax. Such a line always
leaves the net negative, so a payslip with a net of 0 or more never has one.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from workforce.domain.money import ZERO
from workforce.domain.payroll.payslip import PayLine
from workforce.domain.problems import Problem, Where, warning

LARGE_DEDUCTION = "large_deduction"

CALCULATED = "本月应发"
EXPECTED = "预计本月应发"
LAST_CALCULATED = "上次计算的应发"
"""What the deduction was compared with: the calculated month, or before it is calculated the
pay the calculation would give, or (when the month cannot be calculated yet) the last payslip."""


def pay_before_deductions(lines: Iterable[PayLine]) -> Decimal:
    """The month's gross before any deduction line."""
    return sum((line.amount for line in lines if line.amount > 0 and not line.after_tax), ZERO)


def exceeds(amount: Decimal, gross: Decimal) -> bool:
    """Whether ``amount`` is a deduction larger than ``gross``."""
    return amount < 0 and -amount > gross


def large_lines(lines: tuple[PayLine, ...]) -> list[PayLine]:
    """The deduction lines of a payslip each larger than its gross."""
    gross = pay_before_deductions(lines)
    return [line for line in lines if exceeds(line.amount, gross)]


def large_deduction(
    person: str,
    item: str,
    amount: Decimal,
    gross: Decimal,
    compared: str,
    where: Where | None = None,
) -> Problem:
    """The warning, naming the person, the line, its amount and the gross it was compared with."""
    advice = "请在审核前核对" if compared == CALCULATED else "请核对金额，确认无误后方可录入"
    message = f"{person}的扣款「{item}」{amount:,.2f}元超过{compared}{gross:,.2f}元，{advice}"
    return warning(LARGE_DEDUCTION, message, where or Where())
