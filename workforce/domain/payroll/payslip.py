"""One worker's monthly payslip (§8.1–§8.3) as a pure function of typed inputs.

gross = scale pay + allowances + 基础绩效 (prorated, probation share) + the month's items + arrears;
deductions = the individual's 五险一金 + income tax (cumulative withholding, plus the tax on a
year-end bonus taxed separately) + after-tax deductions + the carry line; net = gross − deductions,
never negative (§8.6: what cannot be deducted is carried as 上月欠扣 into the next month). Every
input is kept on the payslip so a locked month can be re-derived.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain.money import ZERO, round_fen
from workforce.domain.payroll.insurance import (
    Contribution,
    InsuranceItem,
    contributions,
    individual_total,
)
from workforce.domain.payroll.tax import (
    Carried,
    MonthIncome,
    WithholdingLine,
    bonus_tax_separately,
    cumulative_withholding,
)

SEPARATE, MERGED = "separate", "merged"
BONUS_TREATMENTS = {SEPARATE: "单独计税", MERGED: "并入综合所得"}
"""全年一次性奖金's tax treatment (财税〔2018〕164号), chosen per payment."""


@dataclass(frozen=True, slots=True)
class PayLine:
    """One line of pay: 岗位等级工资, an allowance, an item, an arrears month …

    ``taxable`` lines count as wage income for tax; ``prorated`` lines follow the days employed and
    the probation share; ``after_tax`` lines (扣款 after tax) are deducted from net pay only;
    ``insurable`` lines count towards next year's contribution base. ``bonus`` marks a
    全年一次性奖金 and its tax treatment (``SEPARATE``: taxed on its own by the monthly table and
    kept out of the cumulative income; ``MERGED``: wage income like any other); "" for other lines.
    """

    code: str
    name: str
    amount: Decimal
    taxable: bool = True
    prorated: bool = False
    after_tax: bool = False
    insurable: bool = True
    bonus: str = ""


@dataclass(frozen=True, slots=True)
class TaxContext:
    """What this month's withholding needs: the earlier months of the year at this unit, either
    month by month (``earlier_months``) or as the figures ``carried`` from the last payslip."""

    earlier_months: tuple[MonthIncome, ...] = ()
    first_month: int = 1
    first_income_of_year: bool = False
    prior_year_low_income: bool = False
    special_deductions: Decimal = ZERO
    other_deductions: Decimal = ZERO
    carried: Carried | None = None


@dataclass(frozen=True, slots=True)
class PayInputs:
    worker_id: int
    month: int
    lines: tuple[PayLine, ...]
    days_employed: int
    days_in_month: int
    probation_share: Decimal | None  # e.g. 0.80 during 试用期; None when not on probation
    contribution_base: Decimal
    insurance_items: tuple[InsuranceItem, ...]
    tax: TaxContext
    owed: Decimal = ZERO  # 上月欠扣: the shortfall carried from the previous month (§8.6)


@dataclass(frozen=True, slots=True)
class Carry:
    """The carry line of a payslip (§8.6): ``owed_in`` (上月欠扣) is deducted after tax in full,
    ``owed_out`` (欠扣转下月) is the part of this month's deductions its pay could not cover,
    carried into the next month; the line is ``owed_in − owed_out``."""

    owed_in: Decimal = ZERO
    owed_out: Decimal = ZERO

    @property
    def line(self) -> Decimal:
        return self.owed_in - self.owed_out


def carry_shortfall(due: Decimal, owed: Decimal) -> tuple[Decimal, Carry]:
    """(net, carry) of a month whose pay after its own deductions is ``due`` with ``owed`` still
    owed from before: 实发 is never negative; the recovery is cash after tax, not a deduction
    for tax (the individual contributions counted in the month they were due)."""
    left = due - owed
    if left >= 0:
        return left, Carry(owed, ZERO)
    return ZERO, Carry(owed, -left)


@dataclass(frozen=True, slots=True)
class Payslip:
    worker_id: int
    month: int
    lines: tuple[PayLine, ...]  # after proration
    gross: Decimal
    taxable_income: Decimal
    contributions: tuple[Contribution, ...]
    insurance: Decimal
    special_deductions: Decimal
    other_deductions: Decimal
    tax_line: WithholdingLine
    after_tax_deductions: Decimal
    net: Decimal
    bonus_income: Decimal = ZERO  # 全年一次性奖金 taxed separately (not in ``taxable_income``)
    bonus_tax: Decimal = ZERO  # its tax, withheld this month
    carry: Carry = Carry()  # 上月欠扣 deducted and 欠扣转下月 carried (§8.6)

    @property
    def wage_tax(self) -> Decimal:
        """The cumulative withholding on wages (without a separately taxed bonus)."""
        return self.tax_line.withholding

    @property
    def tax(self) -> Decimal:
        """个人所得税 withheld this month: on wages and on a separately taxed bonus."""
        return self.tax_line.withholding + self.bonus_tax

    @property
    def deductions(self) -> Decimal:
        """扣款合计, with the carry line: 上月欠扣 in, less 欠扣转下月 out."""
        return self.insurance + self.tax + self.after_tax_deductions + self.carry.line

    @property
    def insurable_gross(self) -> Decimal:
        """The part of gross that counts towards next year's contribution base."""
        return sum(
            (line.amount for line in self.lines if line.insurable and not line.after_tax), ZERO
        )


def prorate(amount: Decimal, days_employed: int, days_in_month: int) -> Decimal:
    """By calendar days for joining or leaving mid-month (§8.1), to the fen."""
    if days_employed >= days_in_month:
        return amount
    return round_fen(amount * days_employed / days_in_month)


def _effective_lines(inputs: PayInputs) -> tuple[PayLine, ...]:
    return effective_lines(
        inputs.lines, inputs.days_employed, inputs.days_in_month, inputs.probation_share
    )


def effective_lines(
    lines: Sequence[PayLine],
    days_employed: int,
    days_in_month: int,
    probation_share: Decimal | None,
) -> tuple[PayLine, ...]:
    """The lines as paid: each prorated line by the days employed and the probation share."""
    result = []
    for line in lines:
        if not line.prorated:
            result.append(line)
            continue
        amount = prorate(line.amount, days_employed, days_in_month)
        if probation_share is not None:
            amount = round_fen(amount * probation_share)
        result.append(
            PayLine(
                line.code,
                line.name,
                amount,
                line.taxable,
                line.prorated,
                line.after_tax,
                line.insurable,
                line.bonus,
            )
        )
    return tuple(result)


def separate_bonus(lines: Sequence[PayLine]) -> Decimal:
    """The month's 全年一次性奖金 taxed separately: one payment, however many lines it came in."""
    return sum(
        (line.amount for line in lines if line.bonus == SEPARATE and not line.after_tax), ZERO
    )


def compute_payslip(inputs: PayInputs) -> Payslip:
    """The month's payslip; net = gross − (insurance + tax + after-tax deductions + the carry
    line) always, and never negative (§8.6).

    A bonus taxed separately is in gross but not in the cumulative income: its own tax is the
    monthly table on bonus ÷ 12 (财税〔2018〕164号), withheld in the month paid.
    """
    lines = _effective_lines(inputs)
    gross = sum((line.amount for line in lines if not line.after_tax), ZERO)
    bonus = separate_bonus(lines)
    taxable = sum(
        (
            line.amount
            for line in lines
            if line.taxable and not line.after_tax and line.bonus != SEPARATE
        ),
        ZERO,
    )
    exempt = gross - bonus - taxable
    parts = tuple(contributions(inputs.contribution_base, inputs.insurance_items))
    insurance = individual_total(parts)
    this_month = MonthIncome(
        inputs.month,
        gross - bonus,
        exempt_income=exempt,
        insurance=insurance,
        special_deductions=inputs.tax.special_deductions,
        other_deductions=inputs.tax.other_deductions,
    )
    tax_line = cumulative_withholding(
        (*inputs.tax.earlier_months, this_month),
        first_month=inputs.tax.first_month,
        first_income_of_year=inputs.tax.first_income_of_year,
        prior_year_low_income=inputs.tax.prior_year_low_income,
        carried=inputs.tax.carried,
    )[-1]
    bonus_tax = bonus_tax_separately(bonus) if bonus > 0 else ZERO
    after_tax = -sum((line.amount for line in lines if line.after_tax), ZERO)
    due = gross - insurance - tax_line.withholding - bonus_tax - after_tax
    net, carry = carry_shortfall(due, inputs.owed)
    return Payslip(
        inputs.worker_id,
        inputs.month,
        lines,
        gross,
        taxable,
        parts,
        insurance,
        inputs.tax.special_deductions,
        inputs.tax.other_deductions,
        tax_line,
        after_tax,
        net,
        bonus,
        bonus_tax,
        carry,
    )


def month_income(slip: Payslip) -> MonthIncome:
    """The figures a later month's withholding needs from this payslip."""
    return MonthIncome(
        slip.month,
        slip.gross - slip.bonus_income,
        exempt_income=slip.gross - slip.bonus_income - slip.taxable_income,
        insurance=slip.insurance,
        special_deductions=slip.special_deductions,
        other_deductions=slip.other_deductions,
    )


def totals(slips: Sequence[Payslip]) -> tuple[Decimal, Decimal, Decimal]:
    """(Σ gross, Σ deductions, Σ net) — the payroll workbook's totals row."""
    return (
        sum((s.gross for s in slips), ZERO),
        sum((s.deductions for s in slips), ZERO),
        sum((s.net for s in slips), ZERO),
    )
