"""Individual income tax on wages (§8.3): the cumulative withholding method (累计预扣法,
国家税务总局公告2018年第61号), the 公告2020年第13号 and 第19号 deductions, and the year-end bonus
taxed separately (财税〔2018〕164号, monthly table on bonus ÷ 12)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain.money import ZERO, round_fen


@dataclass(frozen=True, slots=True)
class Bracket:
    upper: Decimal | None  # inclusive upper bound; None = no bound
    rate: Decimal
    quick_deduction: Decimal


@dataclass(frozen=True, slots=True)
class TaxTable:
    """A rate table in force from ``effective_date``."""

    effective_date: dt.date
    brackets: tuple[Bracket, ...]

    def bracket(self, amount: Decimal) -> Bracket:
        for bracket in self.brackets:
            if bracket.upper is None or amount <= bracket.upper:
                return bracket
        raise ValueError("tax table has no open top bracket")


def _table(effective: dt.date, rows: Sequence[tuple[str | None, str, str]]) -> TaxTable:
    return TaxTable(
        effective,
        tuple(Bracket(Decimal(u) if u else None, Decimal(r), Decimal(q)) for u, r, q in rows),
    )


ANNUAL_TABLE = _table(
    dt.date(2019, 1, 1),
    [
        ("36000", "0.03", "0"),
        ("144000", "0.10", "2520"),
        ("300000", "0.20", "16920"),
        ("420000", "0.25", "31920"),
        ("660000", "0.30", "52920"),
        ("960000", "0.35", "85920"),
        (None, "0.45", "181920"),
    ],
)
"""综合所得年度税率表 (the annual table used for cumulative withholding)."""

MONTHLY_TABLE = _table(
    dt.date(2019, 1, 1),
    [
        ("3000", "0.03", "0"),
        ("12000", "0.10", "210"),
        ("25000", "0.20", "1410"),
        ("35000", "0.25", "2660"),
        ("55000", "0.30", "4410"),
        ("80000", "0.35", "7160"),
        (None, "0.45", "15160"),
    ],
)
"""按月换算后的综合所得税率表 (for the separately taxed year-end bonus)."""

BASIC_DEDUCTION_PER_MONTH = Decimal("5000")
LOW_INCOME_YEARLY_DEDUCTION = Decimal("60000")


@dataclass(frozen=True, slots=True)
class MonthIncome:
    """One month's wage income and deductions as withheld by this unit."""

    month: int
    income: Decimal
    exempt_income: Decimal = ZERO
    insurance: Decimal = ZERO  # 专项扣除: the individual's 三险一金
    special_deductions: Decimal = ZERO  # 专项附加扣除
    other_deductions: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class WithholdingLine:
    """How one month's withholding arises: every cumulative figure, the bracket, the result."""

    month: int
    cumulative_income: Decimal
    cumulative_exempt_income: Decimal
    cumulative_basic_deduction: Decimal
    cumulative_insurance: Decimal
    cumulative_special_deductions: Decimal
    cumulative_other_deductions: Decimal
    cumulative_taxable: Decimal
    rate: Decimal
    quick_deduction: Decimal
    cumulative_tax: Decimal
    withheld_before: Decimal
    withholding: Decimal


@dataclass(frozen=True, slots=True)
class Carried:
    """The year so far at this unit, up to and including ``month``: the cumulative figures and
    the tax already withheld. A month's withholding then needs only the last payslip, not every
    earlier month (the withheld total is kept, not re-derived, because of the no-refund rule)."""

    month: int
    income: Decimal = ZERO
    exempt_income: Decimal = ZERO
    insurance: Decimal = ZERO
    special_deductions: Decimal = ZERO
    other_deductions: Decimal = ZERO
    withheld: Decimal = ZERO


def carried_after(line: WithholdingLine) -> Carried:
    """What the month after ``line`` starts from."""
    return Carried(
        line.month,
        line.cumulative_income,
        line.cumulative_exempt_income,
        line.cumulative_insurance,
        line.cumulative_special_deductions,
        line.cumulative_other_deductions,
        line.withheld_before + line.withholding,
    )


def basic_deduction(
    month: int, first_month: int, *, first_income_of_year: bool, prior_year_low_income: bool
) -> Decimal:
    """累计减除费用 up to ``month``: 5,000 × months employed here; 5,000 × month for a first wage
    income of the year (公告2020年第13号); 60,000 from January for last year's low earners
    (公告2020年第19号)."""
    if prior_year_low_income:
        return LOW_INCOME_YEARLY_DEDUCTION
    months = month if first_income_of_year else month - first_month + 1
    return BASIC_DEDUCTION_PER_MONTH * months


def cumulative_withholding(
    months: Sequence[MonthIncome],
    *,
    first_month: int = 1,
    first_income_of_year: bool = False,
    prior_year_low_income: bool = False,
    table: TaxTable = ANNUAL_TABLE,
    carried: Carried | None = None,
) -> list[WithholdingLine]:
    """Each month's withholding by the cumulative method; never negative (no refund before the
    annual settlement). ``months`` are this unit's months of the year, in order, after the
    ``carried`` figures of the months before them (if given)."""
    lines: list[WithholdingLine] = []
    income = exempt = insurance = special = other = withheld = ZERO
    if carried is not None:
        income, exempt, insurance = carried.income, carried.exempt_income, carried.insurance
        special, other = carried.special_deductions, carried.other_deductions
        withheld = carried.withheld
    for entry in months:
        if carried is not None and entry.month <= carried.month:
            raise ValueError(f"month {entry.month} is not after the carried month {carried.month}")
        income += entry.income
        exempt += entry.exempt_income
        insurance += entry.insurance
        special += entry.special_deductions
        other += entry.other_deductions
        basic = basic_deduction(
            entry.month,
            first_month,
            first_income_of_year=first_income_of_year,
            prior_year_low_income=prior_year_low_income,
        )
        taxable = max(ZERO, income - exempt - basic - insurance - special - other)
        bracket = table.bracket(taxable)
        tax = max(ZERO, round_fen(taxable * bracket.rate - bracket.quick_deduction))
        withholding = max(ZERO, tax - withheld)
        lines.append(
            WithholdingLine(
                entry.month,
                income,
                exempt,
                basic,
                insurance,
                special,
                other,
                taxable,
                bracket.rate,
                bracket.quick_deduction,
                tax,
                withheld,
                withholding,
            )
        )
        withheld += withholding
    return lines


def bonus_tax_separately(bonus: Decimal, table: TaxTable = MONTHLY_TABLE) -> Decimal:
    """全年一次性奖金单独计税: the monthly table's bracket of bonus ÷ 12, applied to the bonus."""
    bracket = table.bracket(bonus / 12)
    return max(ZERO, round_fen(bonus * bracket.rate - bracket.quick_deduction))
