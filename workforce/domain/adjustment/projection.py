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
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.rules import Proposer, WorkerHistory
from workforce.domain.money import ZERO, round_fen
from workforce.domain.payroll.insurance import BaseBounds, InsuranceItem, clamp_base, contributions
from workforce.domain.payroll.pay_composition import Allowances
from workforce.domain.scale import ScaleVersion, in_force

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


def _growth(bounds: BaseBounds, rate: Decimal, years: int) -> BaseBounds:
    factor = (ONE + rate) ** years
    return replace(
        bounds, floor=round_fen(bounds.floor * factor), ceiling=round_fen(bounds.ceiling * factor)
    )


class _Pay:
    """Monthly gross and employer contributions, each computed once per distinct input."""

    def __init__(self, economy: Economy, scenario: Scenario) -> None:
        self.economy, self.scenario = economy, scenario
        self.gross: dict[tuple[object, ...], Decimal] = {}
        self.employer: dict[Decimal, Decimal] = {}

    def scale_on(self, month: dt.date) -> tuple[ScaleVersion, bool, bool]:
        """The scale in force on ``month``, and whether the raise and the parity apply."""
        s = self.scenario
        versions = list(self.economy.scales)
        if s.scale is not None:
            versions.append(s.scale)
        scale = in_force(versions, month)
        if scale is None:
            raise ValueError(f"{month:%Y-%m}没有生效的薪酬标准")
        raised = s.raise_from is not None and s.raise_rate != ZERO and month >= s.raise_from
        parity = s.parity_from is not None and month >= s.parity_from
        return scale, raised, parity

    def scale_pay(self, regime: tuple[ScaleVersion, bool, bool], post: str, level: int) -> Decimal:
        scale, raised, parity = regime
        if parity and post == self.scenario.parity_post:
            post = self.scenario.parity_with
        found = scale.post(post)
        if found is not None:
            level = min(max(level, found.min_level), found.max_level)
        pay = scale.monthly_pay(post, level)
        return round_fen(pay * (ONE + self.scenario.raise_rate)) if raised else pay

    def monthly(
        self,
        regime: tuple[ScaleVersion, bool, bool],
        post: str,
        level: int,
        certificate: str | None,
        duties: str | None,
        probation: bool,
    ) -> Decimal:
        key = (id(regime[0]), regime[1], regime[2], post, level, certificate, duties, probation)
        found = self.gross.get(key)
        if found is None:
            a = self.economy.allowances
            found = self.scale_pay(regime, post, level)
            if certificate:
                found += a.certificate.get(certificate, ZERO)
            if duties == "一肩挑":
                found += a.one_shoulder
            if not probation:
                found += a.basic_performance
            self.gross[key] = found
        return found

    def contribution(self, base: Decimal) -> Decimal:
        found = self.employer.get(base)
        if found is None:
            found = self.employer[base] = sum(
                (c.employer for c in contributions(base, self.economy.insurance)), ZERO
            )
        return found


Regime = tuple[ScaleVersion, bool, bool]


def _regimes(pay: _Pay, year: int) -> list[Regime]:
    return [pay.scale_on(dt.date(year, m, 1)) for m in MONTHS]


def _rules_for(economy: Economy, scenario: Scenario, year: int) -> AdjustmentRules:
    if scenario.step_years and (scenario.step_from is None or year >= scenario.step_from):
        return replace(economy.rules, qualifying_years_per_step=scenario.step_years)
    return economy.rules


def _advance(history: WorkerHistory, year: int, proposer: Proposer) -> tuple[WorkerHistory, bool]:
    """The history after the run of ``year`` is applied (as ``adjustment_apply`` writes it: a
    changed level restarts the tenure clock), and whether the post or level changed."""
    proposal = proposer.propose(history)
    if (
        not proposal.changed
        and history.new_post is None
        and proposal.credited_ladder == history.credited_ladder
        and proposal.early_steps_used == history.early_steps_used
        and proposal.early_streak_start == history.early_streak_start
        and proposal.credited_honour_kinds == history.credited_honour_kinds
    ):
        return history, False
    return (
        WorkerHistory(  # (the constructor: ``replace`` costs several times more)
            history.worker_id,
            proposal.new_post,
            proposal.new_level,
            year if proposal.changed else history.tenure_start_year,
            history.appraisals,
            history.highest_education,
            history.certificate_level,
            proposal.credited_ladder,
            proposal.early_steps_used,
            proposal.early_streak_start,
            history.honours,
            proposal.credited_honour_kinds,
            None,
        ),
        proposal.changed,
    )


class _Paid:
    """A year's gross month by month, shared by every worker paid the same (hashed by identity:
    a worker's year adds it to a tally without hashing twelve amounts)."""

    __slots__ = ("average", "first", "months")

    def __init__(self, months: tuple[Decimal, ...]) -> None:
        self.months = months
        self.first = months[0]
        self.average = round_fen(sum(months, ZERO) / len(months))  # next year's base


def _with_grades(h: WorkerHistory, grades: dict[int, str]) -> WorkerHistory:
    """``h`` with its own grades (the constructor: ``replace`` costs several times more)."""
    return WorkerHistory(
        h.worker_id,
        h.post,
        h.level,
        h.tenure_start_year,
        grades,
        h.highest_education,
        h.certificate_level,
        h.credited_ladder,
        h.early_steps_used,
        h.early_streak_start,
        h.honours,
        h.credited_honour_kinds,
        h.new_post,
    )


class _Year:
    """One year's pay per distinct (post, level, certificate start, duties, probation, last
    month): the twelve months' gross, computed once."""

    def __init__(self, pay: _Pay, year: int) -> None:
        self.pay, self.year = pay, year
        self.regimes = _regimes(pay, year)
        self.known: dict[tuple[object, ...], _Paid] = {}

    def months(
        self,
        post: str,
        level: int,
        certificate: str | None,
        since: int,
        duties: str | None,
        probation: bool,
        last: int,
    ) -> _Paid:
        """The gross of months 1..``last``; the certificate paid from month ``since``."""
        key = (post, level, certificate, since, duties, probation, last)
        found = self.known.get(key)
        if found is None:
            monthly = self.pay.monthly
            found = self.known[key] = _Paid(
                tuple(
                    monthly(
                        self.regimes[m - 1],
                        post,
                        level,
                        certificate if m >= since else None,
                        duties,
                        probation,
                    )
                    for m in range(1, last + 1)
                )
            )
        return found


def _since(person: Person, year: int) -> int:
    """The first month of ``year`` the certificate allowance is paid (13: not this year)."""
    start = person.certificate_from
    if person.certificate_level is None or start is None or start.year > year:
        return 13
    return 1 if start.year < year else start.month


@dataclass(slots=True)
class _Sums:
    """A year's sums per unit, post and month before the unit's expected share of stayers."""

    heads: dict[tuple[int, str], Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    # the twelve months' gross and employer contributions of a unit's post
    gross: dict[tuple[int, str], list[Decimal]] = field(default_factory=dict)
    employer: dict[tuple[int, str], list[Decimal]] = field(default_factory=dict)
    present_at_refill: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    # workers sharing their twelve months' gross; employer contributions by their last month
    gross_of: dict[tuple[int, str, _Paid], int] = field(default_factory=lambda: defaultdict(int))
    employer_until: dict[tuple[int, str, int], Decimal] = field(
        default_factory=lambda: defaultdict(Decimal)
    )

    def months(
        self, table: dict[tuple[int, str], list[Decimal]], key: tuple[int, str]
    ) -> list[Decimal]:
        found = table.get(key)
        if found is None:
            found = table[key] = [ZERO] * 12
        return found

    def spread(self) -> None:
        """The shared gross and contributions into the units' months."""
        for (community, post, paid), count in self.gross_of.items():
            into = self.months(self.gross, (community, post))
            for m, gross in enumerate(paid.months):
                into[m] += gross * count if count != 1 else gross
        for (community, post, last), employer in self.employer_until.items():
            into = self.months(self.employer, (community, post))
            for m in range(last):
                into[m] += employer


class Proposers:
    """The rules' answers shared by the runs of one projection: a scenario that does not change
    the rules (a raise, parity, a headcount) meets the same facts as the baseline, evaluated
    once. Keyed by the rules and scale objects themselves, which it keeps alive."""

    def __init__(self) -> None:
        self.known: dict[tuple[int, int, int], tuple[AdjustmentRules, ScaleVersion, Proposer]] = {}

    def get(self, rules: AdjustmentRules, scale: ScaleVersion, year: int) -> Proposer:
        key = (id(rules), id(scale), year)
        found = self.known.get(key)
        if found is None:
            proposer = Proposer(rules, {p.code: p for p in scale.posts}, year)
            found = self.known[key] = (rules, scale, proposer)
        return found[2]


class _Run:
    """The state one projection carries from year to year: each worker's history and base, and
    each unit's hires."""

    def __init__(
        self,
        people: Sequence[Person],
        units: Iterable[Unit],
        economy: Economy,
        scenario: Scenario,
        proposers: Proposers | None = None,
    ) -> None:
        self.people, self.economy, self.scenario = people, economy, scenario
        self.proposers = Proposers() if proposers is None else proposers
        self.unit_of = {u.community: u for u in units}
        self.pay = _Pay(economy, scenario)
        self.by_unit: dict[int, list[int]] = defaultdict(list)
        for index, person in enumerate(people):
            self.by_unit[person.community].append(index)
        # each worker's grades, one copy per run: the assumed years are written into it
        self.grades = [dict(p.history.appraisals) for p in people]
        self.histories = [
            _with_grades(p.history, grades) for p, grades in zip(people, self.grades, strict=True)
        ]
        self.bases: list[Decimal | None] = [p.base for p in people]
        self.hires: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)  # (year index, n)

    def year(self, t: int, year: int, first_assumed: int) -> YearFigures:
        figures = YearFigures(year)
        pay_year = _Year(self.pay, year)
        scale = pay_year.regimes[0][0]
        rules = _rules_for(self.economy, self.scenario, year)
        proposer = self.proposers.get(rules, scale, year)
        bounds = _growth(self.economy.bounds, self.economy.bounds_growth, t)
        grades_of = _assume(self.by_unit, self.unit_of, self.grades, year, first_assumed)
        sums = _Sums()
        refill = dt.date(year, self.economy.refill_month, 1)
        start = dt.date(year, 1, 1)
        for index, person in enumerate(self.people):
            if person.retires < start:
                continue
            if person.retires >= refill:
                sums.present_at_refill[person.community] += 1
            history = self.histories[index]
            if history.post in proposer.posts:
                old_post, old_level = history.post, history.level
                history, changed = _advance(history, year, proposer)
                self.histories[index] = history
                if changed:
                    figures.adjusted += 1
                    figures.adjustment_cost += 12 * (
                        scale.monthly_pay(history.post, history.level)
                        - scale.monthly_pay(old_post, old_level)
                    )
            figures.retirements += person.retires.year == year
            self._pay(index, person, history, pay_year, bounds, grades_of.get(index), sums)
        sums.spread()
        _unit_rows(
            figures,
            sums,
            self.unit_of,
            self.economy,
            self.scenario,
            pay_year,
            bounds,
            self.hires,
            t,
        )
        return figures

    def _pay(
        self,
        index: int,
        person: Person,
        history: WorkerHistory,
        pay_year: _Year,
        bounds: BaseBounds,
        grade: str | None,
        sums: _Sums,
    ) -> None:
        """One worker's year into the unit's sums; their base for the next year."""
        retiring = person.retires.year == pay_year.year
        last = person.retires.month if retiring else 12
        paid = pay_year.months(
            history.post,
            history.level,
            person.certificate_level,
            _since(person, pay_year.year),
            person.duties,
            person.probation,
            last,
        )
        sums.gross_of[person.community, history.post, paid] += 1
        base = self.bases[index]
        employer = self.pay.contribution(clamp_base(paid.first if base is None else base, bounds))
        sums.employer_until[person.community, history.post, last] += employer
        if not retiring:
            sums.heads[person.community, history.post] += ONE
            reward = self.economy.reward.get(grade or "", ZERO)
            if reward:
                sums.months(sums.gross, (person.community, history.post))[11] += reward
        self.bases[index] = paid.average  # next year's base: this year's average


def project(
    people: Sequence[Person],
    units: Iterable[Unit],
    economy: Economy,
    scenario: Scenario,
    first: int,
    years: int,
    proposers: Proposers | None = None,
) -> Projection:
    """The pay bill of ``years`` years from ``first`` under ``scenario`` (see the module);
    ``proposers``: the rules' answers shared with other runs over the same people."""
    run = _Run(people, units, economy, scenario, proposers)
    first_assumed = first - 1 if economy.assume_first_grades else first
    return Projection(
        scenario,
        tuple(
            run.year(t, year, first_assumed) for t, year in enumerate(range(first, first + years))
        ),
    )


def _assume(
    by_unit: Mapping[int, list[int]],
    unit_of: Mapping[int, Unit],
    grades_by_worker: list[dict[int, str]],
    year: int,
    first_assumed: int,
) -> dict[int, str]:
    """Put the assumed grade of the year before ``year`` into the histories (when it is an
    assumed year) and return each worker's assumed grade of ``year`` (for 奖励绩效)."""
    grades_of: dict[int, str] = {}
    for community, members in by_unit.items():
        shares = unit_of[community].grade_shares
        if year - 1 >= first_assumed:
            grades = assumed_grades(shares, len(members), year - 1, first_assumed)
            for index, grade in zip(members, grades, strict=True):
                grades_by_worker[index][year - 1] = grade
        grades = assumed_grades(shares, len(members), year, first_assumed)
        grades_of.update(zip(members, grades, strict=True))
    return grades_of


def _unit_rows(
    figures: YearFigures,
    sums: _Sums,
    unit_of: Mapping[int, Unit],
    economy: Economy,
    scenario: Scenario,
    pay_year: _Year,
    bounds: BaseBounds,
    hires: dict[int, list[tuple[int, Decimal]]],
    t: int,
) -> None:
    """Apply each unit's expected share of stayers, refill its vacancies, add up the rows. Each
    unit's month is rounded to the fen once; the years and breakdowns are sums of those."""
    shares = {c: (ONE - u.leaver_rate) ** t for c, u in unit_of.items()}
    rows: dict[tuple[int, str], Cost] = defaultdict(Cost)
    by_month = figures.by_month
    for table, is_employer in ((sums.gross, False), (sums.employer, True)):
        for (community, post), summed in table.items():
            share = shares[community]
            unit_months = summed if share == ONE else [round_fen(v * share) for v in summed]
            total = sum(unit_months, ZERO)
            row = rows[community, post]
            if is_employer:
                row.employer += total
                for m, value in enumerate(unit_months, start=1):
                    by_month[m].employer += value
            else:
                row.gross += total
                for m, value in enumerate(unit_months, start=1):
                    by_month[m].gross += value
    heads: dict[int, Decimal] = defaultdict(Decimal)
    for (community, post), n in sums.heads.items():
        rows[community, post].headcount += n * shares[community]
        heads[community] += n * shares[community]
    for (community, post), cost in rows.items():
        _add(figures, unit_of[community], post, cost)
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
            cost = Cost(headcount=n)
            for m in range(start, 13):
                gross, paid = round_fen(months[m - 1] * n), round_fen(employer * n)
                by_month[m].add(gross, paid)
                cost.add(gross, paid)
            _add(figures, unit, post, cost)
        made = earlier + new
        figures.leavers += (heads[community] + made) * unit.leaver_rate


def _add(figures: YearFigures, unit: Unit, post: str, cost: Cost) -> None:
    figures.total.add(cost.gross, cost.employer, cost.headcount)
    for table, key in (
        (figures.by_district, unit.district),
        (figures.by_street, f"{unit.district}/{unit.street}"),
        (figures.by_post, post),
    ):
        table.setdefault(key, Cost()).add(cost.gross, cost.employer, cost.headcount)
