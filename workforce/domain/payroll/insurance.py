"""Social insurance and housing fund (五险一金, §8.2): a yearly contribution base clamped to the
region's floor and ceiling, employer and individual rates per item with effective dates, and a
rounding policy per item (公积金 often to the yuan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain.money import ZERO, round_fen, round_yuan

ROUNDINGS = {"fen": round_fen, "yuan": round_yuan}


@dataclass(frozen=True, slots=True)
class InsuranceItem:
    """One item (养老, 医疗, 失业, 工伤, 生育, 公积金) in force from ``effective_date``."""

    code: str
    name: str
    employer_rate: Decimal
    individual_rate: Decimal
    effective_date: dt.date
    rounding: str = "fen"


@dataclass(frozen=True, slots=True)
class BaseBounds:
    """缴费基数上下限 (60%–300% of the provincial average wage), from ``effective_date``."""

    floor: Decimal
    ceiling: Decimal
    effective_date: dt.date


@dataclass(frozen=True, slots=True)
class Contribution:
    code: str
    name: str
    base: Decimal
    employer: Decimal
    individual: Decimal


def clamp_base(base: Decimal, bounds: BaseBounds) -> Decimal:
    """The contribution base within the floor and ceiling."""
    return min(max(base, bounds.floor), bounds.ceiling)


def items_in_force(items: Sequence[InsuranceItem], on: dt.date) -> list[InsuranceItem]:
    """For each item code, the newest version effective on or before ``on``."""
    newest: dict[str, InsuranceItem] = {}
    for item in items:
        if item.effective_date <= on and (
            item.code not in newest or item.effective_date > newest[item.code].effective_date
        ):
            newest[item.code] = item
    return sorted(newest.values(), key=lambda i: [x.code for x in items].index(i.code))


def contributions(base: Decimal, items: Sequence[InsuranceItem]) -> list[Contribution]:
    """Employer and individual amounts per item on a (clamped) base, each rounded by its policy."""
    result = []
    for item in items:
        round_item = ROUNDINGS[item.rounding]
        result.append(
            Contribution(
                item.code,
                item.name,
                base,
                round_item(base * item.employer_rate),
                round_item(base * item.individual_rate),
            )
        )
    return result


def individual_total(parts: Sequence[Contribution]) -> Decimal:
    """专项扣除: the individual's 三险一金 for the month."""
    return sum((p.individual for p in parts), ZERO)


def employer_total(parts: Sequence[Contribution]) -> Decimal:
    return sum((p.employer for p in parts), ZERO)


def yearly_base(monthly_gross_last_year: Sequence[Decimal], bounds: BaseBounds) -> Decimal:
    """Default base: last year's average monthly gross, clamped (new hires: first full month)."""
    if not monthly_gross_last_year:
        raise ValueError("no months to average")
    average = round_fen(sum(monthly_gross_last_year, ZERO) / len(monthly_gross_last_year))
    return clamp_base(average, bounds)
