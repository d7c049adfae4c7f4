"""预算测算: the pay bill today's people and today's rules produce, year by year (issue 19).

Pure: the people as the projection starts (``Person``), their units' assumptions (``Unit``), the
rules in force (``Economy``) and a ``Scenario`` in, a ``Projection`` out. Each year:

1. on 1 January the yearly adjustment (§4) by the same rules the adjustment run uses
   (``Proposer``): the first year from the appraisals on file, later years from grades assumed
   by each unit's shares (``assumed_grades``);
2. every month a worker is present (up to the month of their statutory retirement, see
   ``domain.roster.retirement``) they are paid the scale pay in force (with a scenario's raise,
   scale or parity), 职业资格津贴 from its start, 一肩挑 and 基础绩效 (not on probation);
   奖励绩效 by the year's grade at the year's end;
3. the employer's 五险一金 on the year's base: the base on file for the first year (else the
   first month's gross), later the previous year's average monthly gross, clamped to bounds that
   grow by ``Economy.bounds_growth`` a year;
4. leavers at each unit's yearly rate leave at each year's end (the unit's costs count the
   expected share that stays, (1 − rate)^years); vacancies against 核定人数 (the unit's approved
   headcount, plus a scenario's change) are refilled at the entry grade on the refill month.
   Hires are paid the entry grade for the rest of the horizon (no step falls due within three
   years of entry) and leave at the unit's rate.

Amounts are rounded to the fen half-up per month and item as payroll rounds them; the expected
shares of a unit are applied to its sums and rounded once per row of the result.

The workers are walked in groups that take the same path (``projection_step``: cohorts with a
count, states of the rules' facts evaluated once per rules and year); this module adds up a
year's sums into the rows of the result. The data types are in ``projection_model``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.projection_model import (
    MONTHS,
    ONE,
    BudgetReport,
    Cost,
    Economy,
    Person,
    Projection,
    Scenario,
    Unit,
    YearFigures,
    assumed_grades,
)
from workforce.domain.adjustment.projection_step import (
    Paid,
    Pay,
    PayYear,
    Population,
    growth,
    rules_for,
)
from workforce.domain.money import ZERO, round_fen
from workforce.domain.payroll.insurance import BaseBounds, clamp_base
from workforce.domain.scale import ScaleVersion

__all__ = [
    "MONTHS",
    "BudgetReport",
    "Cost",
    "Economy",
    "Person",
    "Population",
    "Projection",
    "Scenario",
    "Unit",
    "YearFigures",
    "assumed_grades",
    "project",
    "project_population",
]


class _Bucket:
    """A year of a unit's post: its workers counted by (the year's pay, last year's pay (None:
    the first year), 奖励绩效 (None: retiring this year)); the first year's contributions by
    the last month paid."""

    __slots__ = ("employer", "rewarded", "tally")

    def __init__(self) -> None:
        self.tally: dict[tuple[Paid, Paid | None, Decimal | None], int] = {}
        self.employer: dict[int, Decimal] = {}
        self.rewarded = False


@dataclass(slots=True)
class _Sums:
    """A year's sums per unit, post and month before the unit's expected share of stayers."""

    present_at_refill: dict[int, int]
    buckets: dict[tuple[int, str], _Bucket] = field(default_factory=dict)
    rewarded: list[tuple[int, str]] = field(default_factory=list)  # by their first reward
    heads: dict[tuple[int, str], int] = field(default_factory=dict)
    # the twelve months' gross and employer contributions of a unit's post
    gross: dict[tuple[int, str], list[Decimal]] = field(default_factory=dict)
    employer: dict[tuple[int, str], list[Decimal]] = field(default_factory=dict)

    def spread(self, employer_of: Callable[[Paid], Decimal]) -> None:
        """The buckets into the units' months: the units with 奖励绩效 first (it is paid in
        December), then in the order of their first worker. A year paid the same every month
        is added once per unit and post, then to each month (exact sums: the same figures).
        ``employer_of``: the contributions on the base last year's pay gives."""
        gross, rewards = self.gross, dict[tuple[int, str], Decimal]()
        paid_of: dict[tuple[int, str], dict[Paid, int]] = {}
        for key, bucket in self.buckets.items():
            counts: dict[Paid, int] = {}
            until = bucket.employer
            heads, reward_sum = 0, None
            for (paid, before, reward), count in bucket.tally.items():
                counts[paid] = counts.get(paid, 0) + count
                if before is not None:
                    amount = employer_of(before) * count
                    last = len(paid.months)
                    until[last] = until[last] + amount if last in until else amount
                if reward is not None:
                    heads += count
                    if reward:
                        amount = reward * count
                        reward_sum = amount if reward_sum is None else reward_sum + amount
            paid_of[key] = counts
            if reward_sum is not None:
                rewards[key] = reward_sum
            employer = [ZERO] * 12
            for last, amount in until.items():
                for m in range(last):
                    employer[m] += amount
            self.employer[key] = employer
            if heads:
                self.heads[key] = heads
        for key in self.rewarded:
            gross[key] = [ZERO] * 11 + [ZERO + rewards[key]]
        for key, counts in paid_of.items():
            into = gross.get(key)
            if into is None:
                into = gross[key] = [ZERO] * 12
            constant: Decimal | None = None
            for paid, count in counts.items():
                each = paid.constant
                if each is not None:
                    amount = each * count if count != 1 else each
                    constant = amount if constant is None else constant + amount
                    continue
                for m, value in enumerate(paid.months):
                    into[m] += value * count if count != 1 else value
            if constant is not None:
                gross[key] = [value + constant for value in into]


class _Run:
    """The state one run carries from year to year: each cohort's state and last year's pay,
    and each unit's hires."""

    def __init__(self, population: Population, scenario: Scenario) -> None:
        self.population, self.scenario = population, scenario
        self.economy = population.economy
        self.pay = Pay(self.economy, scenario)
        self.states = [c.state for c in population.cohorts]
        self.paid: list[Paid | None] = [None] * len(population.cohorts)
        self.hires: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)  # (year index, n)

    def year(self, t: int, year: int) -> YearFigures:
        population = self.population
        figures = YearFigures(year)
        pay_year = PayYear(self.pay, year)
        scale = pay_year.regimes[0][0]
        rules = rules_for(self.economy, self.scenario, year)
        bounds = growth(self.economy.bounds, self.economy.bounds_growth, t)
        sums = _Sums(population.present[t])
        figures.retirements = population.retirements[t]
        self._walk(t, year, rules, scale, pay_year, bounds, sums, figures)
        employers: dict[Paid, Decimal] = {}

        def employer_of(before: Paid) -> Decimal:  # on the base last year's pay gives
            found = employers.get(before)
            if found is None:
                found = employers[before] = self.pay.contribution(
                    clamp_base(before.average, bounds)
                )
            return found

        sums.spread(employer_of)
        _unit_rows(
            figures,
            sums,
            population.unit_of,
            self.economy,
            self.scenario,
            pay_year,
            bounds,
            self.hires,
            t,
        )
        return figures

    def _walk(
        self,
        t: int,
        year: int,
        rules: AdjustmentRules,
        scale: ScaleVersion,
        pay_year: PayYear,
        bounds: BaseBounds,
        sums: _Sums,
        figures: YearFigures,
    ) -> None:
        """Each cohort present in ``year`` through the year's run, paid, into the buckets."""
        population, proposers = self.population, self.population.proposers
        steps = proposers.step_table(rules, scale, year)
        cohorts, states, paid_before = population.cohorts, self.states, self.paid
        profiles, known = population.profiles, pay_year.known
        contribution = self.pay.contribution
        buckets, rewarded = sums.buckets, sums.rewarded
        for i in population.alive[t]:
            cohort = cohorts[i]
            grade = cohort.grades[t]
            step = steps.get((states[i], grade[0]))
            if step is None:
                step = proposers.step(rules, scale, states[i], grade)
            states[i], post, level, changed, cost = step
            n = cohort.count
            if changed:
                figures.adjusted += n
                figures.adjustment_cost += cost * n
            profile = cohort.profiles[t]
            paid = known.get((post, level, profile))
            if paid is None:
                paid = known[post, level, profile] = pay_year.months(
                    post, level, *profiles[profile]
                )
            key = (cohort.community, post)
            bucket = buckets.get(key)
            if bucket is None:
                bucket = buckets[key] = _Bucket()
            before = paid_before[i]
            if before is None:  # the first year: the bases on file
                employer = _first_employer(cohort.bases, paid, bounds, contribution)
                until, last = bucket.employer, len(paid.months)
                until[last] = until[last] + employer if last in until else employer
            reward = cohort.rewards[t]
            tally = bucket.tally
            counted = (paid, before, reward)
            tally[counted] = tally.get(counted, 0) + n
            if reward and not bucket.rewarded:
                bucket.rewarded = True
                rewarded.append(key)
            paid_before[i] = paid  # next year's base: this year's average


def _first_employer(
    bases: Mapping[Decimal | None, int],
    paid: Paid,
    bounds: BaseBounds,
    contribution: Callable[[Decimal], Decimal],
) -> Decimal:
    """The first year's contributions of a cohort: on each base on file (else the first month's
    gross), times the workers with it."""
    if len(bases) == 1:
        ((base, count),) = bases.items()
        return ZERO + contribution(clamp_base(paid.first if base is None else base, bounds)) * count
    return sum(
        (
            contribution(clamp_base(paid.first if base is None else base, bounds)) * count
            for base, count in bases.items()
        ),
        ZERO,
    )


def project(
    people: Sequence[Person],
    units: Iterable[Unit],
    economy: Economy,
    scenario: Scenario,
    first: int,
    years: int,
) -> Projection:
    """The pay bill of ``years`` years from ``first`` under ``scenario`` (see the module)."""
    return project_population(Population(people, list(units), economy, first, years), scenario)


def project_population(population: Population, scenario: Scenario) -> Projection:
    """``project`` over people prepared once for every run of a projection: the runs share the
    cohorts and the rules' answers (a scenario that leaves the rules alone evaluates none)."""
    run = _Run(population, scenario)
    first = population.first
    return Projection(
        scenario,
        tuple(run.year(t, first + t) for t in range(population.years)),
    )


def _unit_rows(
    figures: YearFigures,
    sums: _Sums,
    unit_of: Mapping[int, Unit],
    economy: Economy,
    scenario: Scenario,
    pay_year: PayYear,
    bounds: BaseBounds,
    hires: dict[int, list[tuple[int, Decimal]]],
    t: int,
) -> None:
    """Apply each unit's expected share of stayers, refill its vacancies, add up the rows. Each
    unit's month is rounded to the fen once; the years and breakdowns are sums of those."""
    shares = {c: (ONE - u.leaver_rate) ** t for c, u in unit_of.items()}
    heads = _rows(figures, sums, unit_of, shares)
    by_month = figures.by_month
    post, level = economy.entry
    months = pay_year.months(post, level, None, 13, None, False, 12).months
    for community, unit in unit_of.items():
        stay = ONE - unit.leaver_rate
        if unit.approved is not None:
            earlier = sum((n * stay ** (t - k) for k, n in hires[community]), ZERO)
            present = sums.present_at_refill.get(community, 0) * shares[community] + earlier
            approved = unit.approved + scenario.headcount.get(community, 0)
            vacancies = max(ZERO, Decimal(approved) - present)
            if vacancies:
                hires[community].append((t, vacancies))
                figures.hires += vacancies
        earlier = sum((n * stay ** (t - k) for k, n in hires[community] if k < t), ZERO)
        new = sum((n for k, n in hires[community] if k == t), ZERO)
        for n, start in ((earlier, 1), (new, economy.refill_month)):
            if n == ZERO:
                continue
            employer = pay_year.pay.contribution(clamp_base(months[start - 1], bounds))
            paid = round_fen(employer * n)
            hired = _shared(months[start - 1 :], n)
            for m, gross in enumerate(hired, start=start):
                month = by_month[m]
                month.gross += gross
                month.employer += paid
            cost = Cost(ZERO + sum(hired, ZERO), ZERO + paid * len(hired), n)
            _add_to(figures, unit.district, unit.street, post, cost)
        made = earlier + new
        figures.leavers += (heads[community] + made) * unit.leaver_rate


def _rows(
    figures: YearFigures, sums: _Sums, unit_of: Mapping[int, Unit], shares: Mapping[int, Decimal]
) -> dict[int, Decimal]:
    """The units' rows, each month times the unit's expected share of stayers, into the year's
    months and breakdowns; the expected people paid per unit."""
    rows: dict[tuple[int, str], Cost] = {}
    by_month = figures.by_month
    for table, is_employer in ((sums.gross, False), (sums.employer, True)):
        columns = []
        for (community, post), summed in table.items():
            share = shares[community]
            unit_months = summed if share == ONE else _shared(summed, share)
            columns.append(unit_months)
            total = sum(unit_months, ZERO)
            row = rows.get((community, post))
            if row is None:
                row = rows[community, post] = Cost()
            if is_employer:
                row.employer += total
            else:
                row.gross += total
        for m, column in enumerate(zip(*columns, strict=True), start=1):
            if is_employer:
                by_month[m].employer += sum(column, ZERO)
            else:
                by_month[m].gross += sum(column, ZERO)
    heads: dict[int, Decimal] = defaultdict(Decimal)
    for (community, post), n in sums.heads.items():
        rows[community, post].headcount += n * shares[community]
        heads[community] += n * shares[community]
    # the rows of a street's post added up first (exact sums: the same figures, in the order
    # the rows give them)
    streets: dict[tuple[str, str, str], Cost] = {}
    for (community, post), cost in rows.items():
        unit = unit_of[community]
        key = (unit.district, unit.street, post)
        found = streets.get(key)
        if found is None:
            streets[key] = cost
        else:
            found.add(cost.gross, cost.employer, cost.headcount)
    for (district, street, post), cost in streets.items():
        _add_to(figures, district, street, post, cost)
    return heads


def _shared(months: Sequence[Decimal], share: Decimal) -> list[Decimal]:
    """Each month times ``share``, rounded to the fen (once per run of equal months)."""
    found: list[Decimal] = []
    before, value = None, ZERO
    for month in months:
        if month != before:
            before, value = month, round_fen(month * share)
        found.append(value)
    return found


def _add_to(figures: YearFigures, district: str, street: str, post: str, cost: Cost) -> None:
    figures.total.add(cost.gross, cost.employer, cost.headcount)
    for table, key in (
        (figures.by_district, district),
        (figures.by_street, f"{district}/{street}"),
        (figures.by_post, post),
    ):
        table.setdefault(key, Cost()).add(cost.gross, cost.employer, cost.headcount)
