"""预算测算's data (issue 19): the people, units, rules and scenario a projection reads, and the
figures it gives (see ``projection`` for how they are computed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.rules import WorkerHistory
from workforce.domain.money import ZERO
from workforce.domain.payroll.insurance import BaseBounds, InsuranceItem
from workforce.domain.payroll.pay_composition import Allowances
from workforce.domain.scale import ScaleVersion

ONE = Decimal(1)
MONTHS = range(1, 13)


@dataclass(frozen=True, slots=True)
class Person:
    """One of today's active workers as the projection starts."""

    worker_id: int
    community: int
    history: WorkerHistory  # the rules' facts for the run of the first year
    retires: dt.date  # statutory retirement (the last day of a month)
    duties: str | None = None
    certificate_level: str | None = None
    certificate_from: dt.date | None = None  # first month the allowance is paid
    probation: bool = False
    base: Decimal | None = None  # the first year's contribution base on file
    # equal for workers whose ``history`` is the same but for the id (None: not known): their
    # state for the rules is found once
    facts: Hashable | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    """A community with its assumptions: grade shares (优秀 first), yearly leaver rate, 核定人数."""

    community: int
    district: str
    street: str
    name: str
    grade_shares: tuple[tuple[str, Decimal], ...]
    leaver_rate: Decimal = ZERO
    approved: int | None = None  # None: no refill


@dataclass(frozen=True, slots=True)
class Economy:
    """The rules in force as the projection starts."""

    scales: tuple[ScaleVersion, ...]
    allowances: Allowances
    insurance: tuple[InsuranceItem, ...]
    bounds: BaseBounds
    rules: AdjustmentRules = field(default_factory=AdjustmentRules)
    reward: Mapping[str, Decimal] = field(default_factory=dict)  # 奖励绩效 per year by grade
    bounds_growth: Decimal = ZERO
    entry: tuple[str, int] = ("staff", 1)
    refill_month: int = 1
    assume_first_grades: bool = False  # the year before the first: grades not yet on file


@dataclass(frozen=True, slots=True)
class Scenario:
    """A change to price; the empty scenario is the baseline."""

    name: str = "基线"
    scale: ScaleVersion | None = None  # a scale version from its effective date
    raise_rate: Decimal = ZERO
    raise_from: dt.date | None = None
    parity_from: dt.date | None = None  # 网格员 paid by the ``parity_with`` table from then
    parity_post: str = "grid"
    parity_with: str = "staff"
    step_years: int | None = None  # qualifying years per tenure step, from ``step_from``
    step_from: int | None = None
    headcount: Mapping[int, int] = field(default_factory=dict)  # 核定人数 change per community
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class Cost:
    """Money and people of one row (a year, a unit, a post, a month)."""

    gross: Decimal = ZERO
    employer: Decimal = ZERO
    headcount: Decimal = ZERO  # expected people paid in December (or at the retirement month)

    @property
    def total(self) -> Decimal:
        """人工成本合计: gross plus the employer's 五险一金."""
        return self.gross + self.employer

    def add(self, gross: Decimal, employer: Decimal, people: Decimal = ZERO) -> None:
        self.gross += gross
        self.employer += employer
        self.headcount += people


@dataclass(slots=True)
class YearFigures:
    """One year of one scenario: the cost, its breakdowns, and the people's movements."""

    year: int
    total: Cost = field(default_factory=Cost)
    by_district: dict[str, Cost] = field(default_factory=dict)
    by_street: dict[str, Cost] = field(default_factory=dict)
    by_post: dict[str, Cost] = field(default_factory=dict)
    by_month: dict[int, Cost] = field(default_factory=lambda: {m: Cost() for m in MONTHS})
    retirements: int = 0
    leavers: Decimal = ZERO
    hires: Decimal = ZERO
    adjusted: int = 0  # 调级人次 of the year's run
    adjustment_cost: Decimal = ZERO  # its 12 × monthly scale pay change


@dataclass(frozen=True, slots=True)
class Projection:
    scenario: Scenario
    years: tuple[YearFigures, ...]


@dataclass(frozen=True, slots=True)
class BudgetReport:
    """The baseline and each scenario over the same years, with the assumptions in words."""

    first: int
    years: int
    baseline: Projection
    scenarios: tuple[Projection, ...]
    assumptions: tuple[str, ...]
    people: int
    overdue: int  # active workers already past their statutory retirement (not counted)
    unit_name: str | None = None


def assumed_grades(
    shares: Sequence[tuple[str, Decimal]], count: int, year: int, first: int
) -> list[str]:
    """The grades of a unit's ``count`` workers (in worker id order) for ``year``: each grade's
    share of the unit rounded half-up (the last grade takes the rest), 优秀 rotating through the
    unit year by year (``first``: the first assumed year) as a quota does in practice."""
    if count == 0 or not shares:
        return []
    counts = [int((share * count).quantize(ONE, rounding="ROUND_HALF_UP")) for _, share in shares]
    counts[-1] = max(0, count - sum(counts[:-1]))
    while sum(counts) > count:  # rounding gave the first grades more than there are people
        index = max(i for i, c in enumerate(counts) if c > 0)
        counts[index] -= 1
    order = [grade for (grade, _), n in zip(shares, counts, strict=True) for _ in range(n)]
    shift = ((year - first) * counts[0]) % count
    return order[-shift:] + order[:-shift] if shift else order
