"""The statistics report (§9) as leadership reads it: the indicators of a unit and of every unit
below it on a date and the same day a year earlier, levels per post, the age pyramid, this
year's training, adjustment person-times and cost per year, and payroll cost per month.

``build_report`` is pure: the service reads the population and the money figures, this module
counts. The exports and the dashboard render a ``StatsReport``; the dashboard keeps the
``StatsWorkspace`` to list the people behind a figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain.scale import PostRange
from workforce.domain.stats.breakdown import (
    Figure,
    PostLevels,
    PyramidBand,
    Unit,
    UnitRow,
    age_pyramid,
    count_days,
    level_distribution,
    members,
    unit_rows,
)
from workforce.domain.stats.indicators import NO_TRAINING, TrainingTotals
from workforce.domain.stats.population import Population, year_earlier


@dataclass(frozen=True, slots=True)
class AdjustmentYear:
    """调级调薪: the applied run of a year, its person-times and yearly cost (年度增加资金, 元)."""

    year: int
    person_times: int
    yearly_cost: Decimal


@dataclass(frozen=True, slots=True)
class PayrollCost:
    """人工成本 of one payroll month: gross pay (应发) and the employer's contributions."""

    period: dt.date  # the first day of the month
    status: str  # 已计算, 已审核, 已锁定
    headcount: int
    gross: Decimal
    employer: Decimal

    @property
    def total(self) -> Decimal:
        return self.gross + self.employer


@dataclass(frozen=True, slots=True)
class RetirementsAhead:
    """退休预测: today's active workers reaching their statutory retirement (渐进式延迟法定退休年龄,
    issue 19) in each year ahead, per district; ``districts`` in the order of the tree."""

    years: tuple[int, ...] = ()
    districts: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(counts[i] for _, counts in self.districts) for i in range(len(self.years)))

    @property
    def missing(self) -> str:
        """Why there is no table, or "": a grid's people are counted with their community."""
        if not self.years:
            return "按网格统计时不列退休预测"
        return "" if self.districts else "没有在职、试用人员"


@dataclass(frozen=True, slots=True)
class StatsReport:
    title: str
    unit: str
    as_of: dt.date
    previous: dt.date  # the same day a year earlier
    rows: tuple[UnitRow, ...]  # rows[0] is the whole scope
    levels: tuple[PostLevels, ...]
    pyramid: tuple[PyramidBand, ...]
    training: TrainingTotals = NO_TRAINING
    adjustments: tuple[AdjustmentYear, ...] = ()
    payroll: tuple[PayrollCost, ...] = ()
    retirements: RetirementsAhead = RetirementsAhead()

    @property
    def total(self) -> UnitRow:
        return self.rows[0]


def build_report(
    population: Population,
    as_of: dt.date,
    *,
    units: Sequence[Unit] = (),
    scope: Unit | None = None,
    communities: Collection[int] | None = None,
    posts: Sequence[PostRange] = (),
    title: str = "",
    unit: str = "",
    training: TrainingTotals = NO_TRAINING,
    adjustments: Sequence[AdjustmentYear] = (),
    payroll: Sequence[PayrollCost] = (),
    retirements: RetirementsAhead = RetirementsAhead(),
) -> StatsReport:
    """Count ``population`` on ``as_of`` and a year earlier; ``communities`` (the scope's, when
    it is a unit) keeps those who were in them on each day, ``units`` give the rows."""
    previous = year_earlier(as_of)
    counts = count_days(population, (as_of, previous), communities)
    now, then = counts.communities
    return StatsReport(
        title=title,
        unit=unit,
        as_of=as_of,
        previous=previous,
        rows=tuple(unit_rows(units, scope, now, then, total_name=unit or "合计")),
        levels=tuple(level_distribution(counts.profile, posts)),
        pyramid=tuple(age_pyramid(counts.profile)),
        training=training,
        adjustments=tuple(adjustments),
        payroll=tuple(payroll),
        retirements=retirements,
    )


@dataclass(frozen=True, slots=True)
class StatsWorkspace:
    """A report with the people it was counted from, to list the people behind a figure."""

    report: StatsReport
    population: Population
    communities: frozenset[int] | None = None

    def members(self, figure: Figure) -> list[int]:
        return members(self.population, figure, self.report.as_of, self.communities)
