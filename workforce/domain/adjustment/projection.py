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

The workers are walked in groups that take the same path (``projection_walk``: cohorts with a
count, counted by line per year, the walk shared by the runs with the same rules; states of the
rules' facts evaluated once per rules and year in ``projection_step``, with the pay per distinct
post, level and pay profile); this module prices each line once and adds up a year's sums, in
integer fen (``projection_sums``: exact, so the same figures as Decimal sums), into the rows of
the result. The data types are in ``projection_model``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

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
from workforce.domain.adjustment.projection_step import Paid, PayYear, growth, rules_for
from workforce.domain.adjustment.projection_sums import Book, Runs, runs_of, shared
from workforce.domain.adjustment.projection_walk import Line, Population
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


class _Unit:
    """A year of a unit's post in fen: the gross of its workers paid the same every month, the
    other months' changes, the employer's contributions by the last month paid, the people
    counted in December and their 奖励绩效. (A plain class: 23,000 a year at city scale.)"""

    __slots__ = ("changes", "flat", "full", "heads", "reward", "until")

    def __init__(self, until: dict[int, int] | None) -> None:
        self.flat = 0
        self.changes: dict[int, int] | None = None  # (made when a pay changes within the year)
        self.full = 0  # the contributions of those paid to December
        self.until = until  # of the others, by the last month (None: none)
        self.heads = 0
        self.reward = 0


class _Run:
    """The state one run carries from year to year: each cohort's state and last year's pay,
    and each unit's hires."""

    def __init__(self, population: Population, scenario: Scenario) -> None:
        self.population, self.scenario = population, scenario
        self.economy = population.economy
        self.pay = population.pay(scenario)
        self.trail: tuple[tuple[AdjustmentRules, ScaleVersion], ...] = ()
        self.paids: dict[int, Paid] = {}  # last year's pay by pay key
        self.hires: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)  # (year index, n)
        self.powers: dict[Decimal, list[Decimal]] = {}  # a share that stays: to the k-th year

    def power(self, stay: Decimal) -> list[Decimal]:
        """``stay`` to the k-th year, k from 0 (the same Decimals as computed each time)."""
        found = self.powers.get(stay)
        if found is None:
            found = self.powers[stay] = [stay**k for k in range(self.population.years)]
        return found

    def year(self, t: int, year: int) -> YearFigures:
        population = self.population
        figures = YearFigures(year)
        pay_year = self.pay.year(year)
        scale = pay_year.regimes[0][0]
        self.trail = (*self.trail, (rules_for(self.economy, self.scenario, year), scale))
        bounds = growth(self.economy.bounds, self.economy.bounds_growth, t)
        figures.retirements = population.retirements[t]
        walked = population.walked(self.trail)
        figures.adjusted, figures.adjustment_cost = walked.adjusted, walked.adjustment
        profiles, keys = population.profiles, population.pay_key_list
        paids = {}
        for key in walked.used:
            post, level, profile = keys[key]
            paids[key] = pay_year.months(post, level, *profiles[profile])
        first: dict[tuple[int, str], dict[int, int]] = {}
        if t == 0:  # the first year's contributions: on the bases on file
            self._first(bounds, first, walked.bases, paids)
        contribution = self.pay.contribution_fen

        def employer_of(before: Paid) -> int:  # on the base last year's pay gives
            return contribution(clamp_base(before.average, bounds))

        units, rewarded = _spread(
            walked.tally, population.rewards, paids, self.paids, first, employer_of
        )
        self.paids = paids
        book = Book()
        shares = {c: self.power(ONE - u.leaver_rate)[t] for c, u in population.unit_of.items()}
        heads = _rows(book, units, rewarded, population.unit_of, shares)
        self._refill(book, figures, heads, pay_year, bounds, t, population.present[t])
        book.into(figures)
        return figures

    def _first(
        self,
        bounds: BaseBounds,
        first: dict[tuple[int, str], dict[int, int]],
        bases: Mapping[tuple[int, int, Decimal | None], int],
        paids: Mapping[int, Paid],
    ) -> None:
        """The first year's contributions (on the base on file, else the first month's gross)
        by unit, post and last month paid; ``bases``: the workers by unit, pay key and base."""
        contribution = self.pay.contribution_fen
        for (community, pay, base), count in bases.items():
            paid = paids[pay]
            until = first.setdefault((community, paid.post), {})
            employer = contribution(clamp_base(paid.first if base is None else base, bounds))
            until[paid.last] = until.get(paid.last, 0) + employer * count

    def _refill(
        self,
        book: Book,
        figures: YearFigures,
        heads: Mapping[int, Decimal],
        pay_year: PayYear,
        bounds: BaseBounds,
        t: int,
        present_at_refill: Mapping[int, int],
    ) -> None:
        """Each unit's vacancies refilled at the entry grade, its hires of earlier years paid,
        its leavers counted."""
        economy, scenario, hires = self.economy, self.scenario, self.hires
        post, level = economy.entry
        entry = pay_year.months(post, level, None, 13, None, False, 12)
        months = runs_of(entry.changes)
        # per first month paid: the months from then on, a hire's contributions
        paid_from = {
            start: (
                [(max(a, start - 1), b, v) for a, b, v in months if b >= start],
                self.pay.contribution(clamp_base(entry.months[start - 1], bounds)),
            )
            for start in {1, economy.refill_month}
        }
        labels, into = self.population.labels, book.employer
        for community, unit in self.population.unit_of.items():
            power = self.power(ONE - unit.leaver_rate)
            mine = hires[community]
            # (every hire is of an earlier year until this year's is added)
            earlier = sum((n * power[t - k] for k, n in mine), ZERO) if mine else ZERO
            new = ZERO
            if unit.approved is not None:
                present = present_at_refill.get(community, 0) * power[t] + earlier
                approved = unit.approved + scenario.headcount.get(community, 0)
                vacancies = max(ZERO, Decimal(approved) - present)
                if vacancies:
                    mine.append((t, vacancies))
                    figures.hires += vacancies
                    new = ZERO + vacancies
            for n, start in ((earlier, 1), (new, economy.refill_month)):
                if n == ZERO:
                    continue
                hired, employer = paid_from[start]
                paid = int(round_fen(employer * n).scaleb(2))
                gross = book.months(shared(hired, n), employer=False)
                into[start - 1] += paid
                into[12] -= paid
                book.add(unit.district, labels[community], post, gross, paid * (13 - start), n)
            made = earlier + new
            figures.leavers += (heads[community] + made) * unit.leaver_rate


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


def _spread(
    tally: Mapping[Line, int],
    rewards: Sequence[int | None],
    paids: Mapping[int, Paid],
    befores: Mapping[int, Paid],
    first: Mapping[tuple[int, str], dict[int, int]],
    employer_of: Callable[[Paid], int],
) -> tuple[dict[tuple[int, str], _Unit], list[tuple[int, str]]]:
    """The lines into their units' posts (in the order of their first worker), priced once
    each; the units with 奖励绩效 in the order of their first reward."""
    units: dict[tuple[int, str], _Unit] = {}
    rewarded: list[tuple[int, str]] = []
    priced = {pay: (p.post, p.constant, p.changes, p.last) for pay, p in paids.items()}
    employers = {pay: employer_of(before) for pay, before in befores.items()}
    for (end, pay, last_year), n in tally.items():
        community, code = divmod(end, len(rewards))
        reward = rewards[code]
        post, constant, changes, last = priced[pay]
        key = (community, post)
        unit = units.get(key)
        if unit is None:
            unit = units[key] = _Unit(first.get(key))
            if unit.until is not None:  # the first year's: those paid to December apart
                unit.full = unit.until.pop(12, 0)
                if not unit.until:
                    unit.until = None
        if constant is not None:
            unit.flat += constant * n
        else:
            into = unit.changes
            if into is None:
                into = unit.changes = {}
            for index, delta in changes:
                into[index] = into.get(index, 0) + delta * n
        employer = employers.get(last_year)
        if employer is not None:
            if last == 12:
                unit.full += employer * n
            else:
                until = unit.until
                if until is None:
                    until = unit.until = {}
                until[last] = until.get(last, 0) + employer * n
        if reward is not None:
            unit.heads += n
            if reward:
                if not unit.reward:
                    rewarded.append(key)
                unit.reward += reward * n
    return units, rewarded


def _rows(
    book: Book,
    units: Mapping[tuple[int, str], _Unit],
    rewarded: Sequence[tuple[int, str]],
    unit_of: Mapping[int, Unit],
    shares: Mapping[int, Decimal],
) -> dict[int, Decimal]:
    """The units' rows, each month times the unit's expected share of stayers (rounded once per
    unit and month), into the year's months and breakdowns; the expected people paid per unit.
    The rows of a street's post are added up first, in the order of the units with 奖励绩效,
    then the others (in the order of their first worker)."""
    heads: dict[int, Decimal] = defaultdict(Decimal)
    for (community, _), unit in units.items():
        if unit.heads:
            heads[community] += unit.heads * shares[community]
    streets: dict[tuple[str, str, str], list[Any]] = {}
    into_gross, into_employer = book.gross, book.employer
    rounded: dict[Decimal, dict[int, int]] = {}  # per share: fen → rounded fen
    order = [*rewarded, *(key for key, unit in units.items() if not unit.reward)]
    whole = {community for community, share in shares.items() if share == ONE}
    for key in order:
        community, post = key
        unit, share = units[key], shares[community]
        if unit.changes is None and unit.until is None and community in whole:
            # the most of them: paid the same all year, 奖励绩效 in December (the same sums
            # as their runs below; index 12 is past the year)
            flat, reward, full = unit.flat, unit.reward, unit.full
            into_gross[0] += flat
            into_gross[11] += reward
            into_employer[0] += full
            gross_sum, employer_sum = flat * 12 + reward, full * 12
        else:
            gross_sum, employer_sum = _shared_rows(unit, share, rounded, into_gross, into_employer)
        people = ZERO + unit.heads * share if unit.heads else ZERO
        u = unit_of[community]
        row_key = (u.district, u.street, post)
        found = streets.get(row_key)
        if found is None:
            streets[row_key] = [gross_sum, employer_sum, people]
        else:
            found[0] += gross_sum
            found[1] += employer_sum
            found[2] += people
    for (district, street, post), (gross_, employer_, people_) in streets.items():
        book.add(district, f"{district}/{street}", post, gross_, employer_, people_)
    return heads


def _shared_rows(
    unit: _Unit,
    share: Decimal,
    rounded: dict[Decimal, dict[int, int]],
    into_gross: list[int],
    into_employer: list[int],
) -> tuple[int, int]:
    """A unit's post's months times its share of stayers (rounded once per month) into the
    year's months; its gross and contributions."""
    gross, employer = _months(unit)
    if share != ONE:
        known = rounded.get(share)
        if known is None:
            known = rounded[share] = {}
        gross, employer = shared(gross, share, known), shared(employer, share, known)
    gross_sum = employer_sum = 0
    for start, end, value in gross:
        if value:
            into_gross[start] += value
            into_gross[end] -= value
            gross_sum += value * (end - start)
    for start, end, value in employer:
        if value:
            into_employer[start] += value
            into_employer[end] -= value
            employer_sum += value * (end - start)
    return gross_sum, employer_sum


def _months(unit: _Unit) -> tuple[Runs, Runs]:
    """A unit's post's gross and contributions as runs of equal months."""
    flat, reward, changes, until = unit.flat, unit.reward, unit.changes, unit.until
    if changes:  # (the unit's own: changed in place)
        changes[0] = changes.get(0, 0) + flat
        if reward:
            changes[11] = changes.get(11, 0) + reward
        gross = runs_of(sorted(changes.items()))
    elif reward:
        gross = [(0, 11, flat), (11, 12, flat + reward)]
    else:
        gross = [(0, 12, flat)]
    if not until:
        employer = [(0, 12, unit.full)]
    else:
        until[12] = until.get(12, 0) + unit.full
        employer = runs_of(_until(until))
    return gross, employer


def _until(until: Mapping[int, int]) -> list[tuple[int, int]]:
    """Contributions paid up to a last month as (month index, change from then on)."""
    total = sum(until.values())
    changes = [(0, total)]
    changes += sorted((last, -amount) for last, amount in until.items() if last < 12)
    return changes
