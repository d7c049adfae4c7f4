"""The adjustment plan's money and summary (§4): monthly and yearly cost per person, person-times
(人次) and totals by district, street and post — the figures a city reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from workforce.domain.adjustment.rules import Proposal
from workforce.domain.money import ZERO, round_fen
from workforce.domain.payroll.insurance import InsuranceItem
from workforce.domain.scale import ScaleVersion

MONTHS_PER_YEAR = 12


def monthly_delta(scale: ScaleVersion, proposal: Proposal, new_level: int | None = None) -> Decimal:
    """岗位等级工资 after minus before, in the scale in force on the run's date."""
    level = proposal.new_level if new_level is None else new_level
    before = scale.monthly_pay(proposal.old_post, proposal.old_level)
    after = scale.monthly_pay(proposal.new_post, level)
    return round_fen(after - before)


def employer_rate(items: Sequence[InsuranceItem]) -> Decimal:
    """The employer's rates of 五险一金 summed (the items in force on the run's date, §8.2)."""
    return sum((item.employer_rate for item in items), ZERO)


def yearly_delta(monthly: Decimal, employer_share_rate: Decimal = ZERO) -> Decimal:
    """12 × the monthly change, plus — when the run is asked for it (§4) — 12 × the employer's
    insurance share of that change, rounded to the fen once a month.

    The share is a documented approximation: Σ employer rates × the monthly pay change. It
    ignores the base's floor and ceiling (缴费基数上下限), the yearly base lag (the base follows
    last year's pay) and the per-item rounding (公积金 to the yuan); payroll computes the real
    contributions month by month."""
    share = round_fen(monthly * employer_share_rate)
    return round_fen((monthly + share) * MONTHS_PER_YEAR)


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One worker of the plan as the summary groups it."""

    district: str
    street: str
    post: str
    changed: bool
    blocked: bool
    yearly: Decimal


@dataclass(slots=True)
class Tally:
    person_times: int = 0
    yearly_cost: Decimal = ZERO

    def add(self, yearly: Decimal, count: int = 1) -> None:
        self.person_times += count
        self.yearly_cost += yearly * count  # exact: fen amounts, no rounding


@dataclass(slots=True)
class PlanSummary:
    """人次 and 年度增加资金, in total and by district, street and post; blocked workers counted."""

    total: Tally = field(default_factory=Tally)
    blocked: int = 0
    by_district: dict[str, Tally] = field(default_factory=dict)
    by_street: dict[str, Tally] = field(default_factory=dict)
    by_post: dict[str, Tally] = field(default_factory=dict)


def summarise(lines: Iterable[PlanLine]) -> PlanSummary:
    return summarise_counted((line, 1) for line in lines)


def summarise_counted(lines: Iterable[tuple[PlanLine, int]]) -> PlanSummary:
    """``summarise`` of lines given with how many workers share each (a run groups its 100,000
    workers into a few thousand identical lines first)."""
    summary = PlanSummary()
    for line, count in lines:
        if line.blocked and not line.changed:
            summary.blocked += count
        if not line.changed:
            continue
        summary.total.add(line.yearly, count)
        summary.by_district.setdefault(line.district, Tally()).add(line.yearly, count)
        street = f"{line.district}/{line.street}"
        summary.by_street.setdefault(street, Tally()).add(line.yearly, count)
        summary.by_post.setdefault(line.post, Tally()).add(line.yearly, count)
    return summary


def ten_thousand_yuan(amount: Decimal) -> Decimal:
    """An amount in 万元 to two decimals, as cities publish it ("增加资金 1,388.72 万元")."""
    return round_fen(amount / Decimal(10000))
