"""What a worker is paid in a month before items (§3, §8.1): 岗位等级工资 from the scale in force,
职业资格津贴 from registration, 一肩挑津贴, 基础绩效; and the arrears (补发, §8.4) owed when a level
change takes effect in a month already paid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain.careers.certificates import valid_stretches
from workforce.domain.money import ZERO, round_fen
from workforce.domain.payroll.payslip import PayLine, prorate
from workforce.domain.scale import ScaleVersion


@dataclass(frozen=True, slots=True)
class Allowances:
    """The allowance amounts in force for a month (per month), by kind and key."""

    certificate: Mapping[str, Decimal]
    one_shoulder: Decimal = ZERO
    basic_performance: Decimal = ZERO
    certificate_from_next_month: bool = True


@dataclass(frozen=True, slots=True)
class PayFacts:
    """The facts of one worker that decide the month's regular pay."""

    post: str
    level: int
    duties: str | None
    certificate_level: str | None
    certificate_registered: dt.date | None
    on_probation: bool


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def certificate_allowance_starts(registered: dt.date, from_next_month: bool) -> dt.date:
    """The first month the certificate allowance is paid: the month after registration by
    default (configurable: the same month)."""
    return next_month(registered) if from_next_month else first_of_month(registered)


def certificate_allowance_since(
    registrations: Sequence[dt.date], month: dt.date, from_next_month: bool
) -> dt.date | None:
    """职业资格津贴 for the month starting ``month`` (§6): paid while the registration is valid.

    A renewal made before the registration lapses continues the allowance; once it lapses it is
    paid up to the month of its last valid day and stops from the next month; a late renewal
    restarts it by the start rule (the month after that registration, or the same month). Returns
    the registration the paid stretch started from, or None when the month is not paid.
    """
    first = first_of_month(month)
    for start, end in valid_stretches(registrations):
        if certificate_allowance_starts(start, from_next_month) <= first <= first_of_month(end):
            return start
    return None


def regular_lines(
    facts: PayFacts, scale: ScaleVersion, allowances: Allowances, month: dt.date
) -> tuple[PayLine, ...]:
    """岗位等级工资 and the allowances that follow the worker's facts, for the month starting
    ``month``; probation pays no 绩效 (§3)."""
    lines = [
        PayLine("scale", "岗位等级工资", scale.monthly_pay(facts.post, facts.level), prorated=True)
    ]
    if (
        facts.certificate_level
        and facts.certificate_registered
        and facts.certificate_level in allowances.certificate
        and certificate_allowance_starts(
            facts.certificate_registered, allowances.certificate_from_next_month
        )
        <= first_of_month(month)
    ):
        lines.append(
            PayLine(
                "certificate",
                "职业资格津贴",
                allowances.certificate[facts.certificate_level],
                prorated=True,
            )
        )
    if facts.duties == "一肩挑" and allowances.one_shoulder:
        lines.append(PayLine("one_shoulder", "一肩挑津贴", allowances.one_shoulder, prorated=True))
    if not facts.on_probation and allowances.basic_performance:
        lines.append(
            PayLine("basic_performance", "基础绩效", allowances.basic_performance, prorated=True)
        )
    return tuple(lines)


@dataclass(frozen=True, slots=True)
class PaidMonth:
    """A month already paid: its month and the level-dependent pay it carried. When the month
    was paid for part of it (``days_employed`` of ``days_in_month``) or at the probation share,
    the new pay is taken the same way."""

    month: dt.date
    post: str
    level: int
    amount: Decimal
    days_employed: int = 0
    days_in_month: int = 0
    probation_share: Decimal | None = None

    def as_paid(self, full_month: Decimal) -> Decimal:
        """A full month's pay reduced as this month's pay was (days employed, probation)."""
        amount = full_month
        if self.days_in_month:
            amount = prorate(amount, self.days_employed, self.days_in_month)
        if self.probation_share is not None:
            amount = round_fen(amount * self.probation_share)
        return amount


def arrears_lines(
    paid: Sequence[PaidMonth],
    new_post: str,
    new_level: int,
    scale_for: Mapping[dt.date, ScaleVersion],
) -> tuple[PayLine, ...]:
    """补发: one taxable line per paid month at the old level, new pay − old pay (§8.4)."""
    lines = []
    for month in paid:
        difference = month.as_paid(scale_for[month.month].monthly_pay(new_post, new_level))
        difference -= month.amount
        if difference:
            lines.append(
                PayLine(
                    f"arrears:{month.month:%Y-%m}",
                    f"补发{month.month.year}年{month.month.month}月调级工资",
                    difference,
                )
            )
    return tuple(lines)
