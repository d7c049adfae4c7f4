"""预算测算's year step (issue 19): the people grouped by the path they take, each group advanced
through a year's adjustment run and paid once, with its count.

Workers of one unit whose facts for the rules are equal (``facts_read``), who are assumed the same
grade year after year, retire in the same month (or after the horizon) and are paid by the same
profile (certificate from the same month, 一肩挑, probation) take the same path through every run:
one ``_Cohort``. The rules' facts before a year's run are interned as numbered states, and the step
from a state with the year's assumed grade is evaluated once per rules, scale and year (shared by
the runs whose rules are the same, as a raise or parity leaves them). A cohort adds its count times
a worker's amounts: Decimal sums are exact, so the figures are those of a walk worker by worker,
to the fen, in the same order (cohorts in the order of their first worker).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.projection_model import (
    MONTHS,
    ONE,
    Economy,
    Person,
    Scenario,
    Unit,
    assumed_grades,
)
from workforce.domain.adjustment.projection_sums import fen
from workforce.domain.adjustment.rules import Proposer, WorkerHistory, facts_read
from workforce.domain.money import ZERO, round_fen
from workforce.domain.payroll.insurance import BaseBounds, contributions
from workforce.domain.scale import ScaleVersion, in_force

Regime = tuple[ScaleVersion, bool, bool]
# a worker's pay in a year but for post and level: (certificate, first month it is paid (13: not
# this year), duties, probation, last month paid)
Profile = tuple[str | None, int, str | None, bool, int]
# a state's run: (the next year's state, post, level, changed, 12 × the monthly scale pay change)
Step = tuple[int, str, int, bool, Decimal]


def growth(bounds: BaseBounds, rate: Decimal, years: int) -> BaseBounds:
    factor = (ONE + rate) ** years
    return replace(
        bounds, floor=round_fen(bounds.floor * factor), ceiling=round_fen(bounds.ceiling * factor)
    )


class Pay:
    """Monthly gross and employer contributions, each computed once per distinct input."""

    def __init__(self, economy: Economy, scenario: Scenario) -> None:
        self.economy, self.scenario = economy, scenario
        self.gross: dict[tuple[object, ...], Decimal] = {}
        self.employer: dict[Decimal, Decimal] = {}

    def scale_on(self, month: dt.date) -> Regime:
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

    def scale_pay(self, regime: Regime, post: str, level: int) -> Decimal:
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
        regime: Regime,
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


class Paid:
    """A year's gross month by month, shared by every worker paid the same (hashed by identity:
    a worker's year adds it to a tally without hashing twelve amounts)."""

    __slots__ = ("average", "changes", "constant", "first", "last", "months", "post")

    def __init__(self, months: tuple[Decimal, ...], post: str) -> None:
        self.months, self.post = months, post
        self.first = months[0]
        self.last = len(months)  # the last month paid
        self.average = round_fen(sum(months, ZERO) / len(months))  # next year's base
        fens = [fen(m) for m in months]
        # in fen: the amount of every month of a whole year paid the same, else None; the
        # months as (index, change from then on)
        self.constant = fens[0] if len(fens) == 12 and len(set(fens)) == 1 else None
        changes = [(0, fens[0])]
        changes += [
            (m, fens[m] - fens[m - 1]) for m in range(1, len(fens)) if fens[m] != fens[m - 1]
        ]
        if len(fens) < 12:
            changes.append((len(fens), -fens[-1]))
        self.changes = tuple(changes)


class PayYear:
    """One year's pay per distinct (post, level, profile): the twelve months' gross, computed
    once."""

    def __init__(self, pay: Pay, year: int) -> None:
        self.pay, self.year = pay, year
        self.regimes = [pay.scale_on(dt.date(year, m, 1)) for m in MONTHS]
        self.known: dict[tuple[object, ...], Paid] = {}

    def months(
        self,
        post: str,
        level: int,
        certificate: str | None,
        since: int,
        duties: str | None,
        probation: bool,
        last: int,
    ) -> Paid:
        """The gross of months 1..``last``; the certificate paid from month ``since``."""
        key = (post, level, certificate, since, duties, probation, last)
        found = self.known.get(key)
        if found is None:
            monthly = self.pay.monthly
            found = self.known[key] = Paid(
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
                ),
                post,
            )
        return found


def rules_for(economy: Economy, scenario: Scenario, year: int) -> AdjustmentRules:
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


def _with_grade(h: WorkerHistory, year: int, grade: str | None) -> WorkerHistory:
    """``h`` with ``grade`` for ``year`` (the constructor: ``replace`` costs several times more)."""
    grades = dict(h.appraisals)
    if grade is not None:
        grades[year] = grade
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


class States:
    """The rules' facts of a history before a year's run, interned: equal facts (every rule set
    of a projection reads the same years: only the years per step differ), one number and one
    history that stands for them; the same for the histories after a run."""

    def __init__(self, rules: AdjustmentRules) -> None:
        self.rules = rules
        self.ids: dict[tuple[object, ...], int] = {}
        self.histories: list[WorkerHistory] = []
        self.years: list[int] = []
        self.settled: dict[tuple[object, ...], int] = {}  # the histories after a run
        self.after: list[tuple[WorkerHistory, int]] = []
        # (a history after a run, the run year's grade) → the next year's state
        self.next: dict[tuple[int, str | None], int] = {}

    def of(self, history: WorkerHistory, year: int) -> int:
        """The state of ``history`` before the run of ``year``."""
        key = (year, facts_read(history, self.rules, year))
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = len(self.histories)
            self.histories.append(history)
            self.years.append(year)
        return found

    def settle(self, history: WorkerHistory, year: int) -> int:
        """``history`` after the run of ``year`` (its facts for the next run, the grade of
        ``year`` apart: the assumed one replaces it)."""
        key = (year, facts_read(history, self.rules, year + 1))
        found = self.settled.get(key)
        if found is None:
            found = self.settled[key] = len(self.after)
            self.after.append((history, year))
        return found

    def following(self, settled: int, grade: str | None) -> int:
        """The state of the next year: a history after a run with the grade assumed for it."""
        found = self.next.get((settled, grade))
        if found is None:
            history, year = self.after[settled]
            found = self.next[settled, grade] = self.of(_with_grade(history, year, grade), year + 1)
        return found


class Proposers:
    """The rules' answers shared by the runs of one projection: a scenario that does not change
    the rules (a raise, parity, a headcount) meets the same states as the baseline, evaluated
    once. Keyed by the rules and scale objects themselves, which it keeps alive."""

    def __init__(self, states: States) -> None:
        self.states = states
        self.known: dict[tuple[int, int, int], tuple[AdjustmentRules, ScaleVersion, Proposer]] = {}
        # per rules, scale and year: state → (the history after the run (``States.settle``), post,
        # level, changed, 12 × change) and (state, grade code) → the step
        self.runs: dict[tuple[int, int, int], dict[int, Step]] = {}
        self.steps: dict[tuple[int, int, int], dict[tuple[int, int], Step]] = {}

    def get(self, rules: AdjustmentRules, scale: ScaleVersion, year: int) -> Proposer:
        key = (id(rules), id(scale), year)
        found = self.known.get(key)
        if found is None:
            proposer = Proposer(rules, {p.code: p for p in scale.posts}, year)
            found = self.known[key] = (rules, scale, proposer)
            self.runs[key], self.steps[key] = {}, {}
        return found[2]

    def step_table(
        self, rules: AdjustmentRules, scale: ScaleVersion, year: int
    ) -> dict[tuple[int, int], Step]:
        self.get(rules, scale, year)
        return self.steps[id(rules), id(scale), year]

    def step(
        self,
        rules: AdjustmentRules,
        scale: ScaleVersion,
        state: int,
        grade: tuple[int, str | None],
    ) -> Step:
        """The run of ``state``'s year for a state, with the grade assumed for that year."""
        states = self.states
        year = states.years[state]
        proposer = self.get(rules, scale, year)
        key = (id(rules), id(scale), year)
        runs = self.runs[key]
        found = runs.get(state)
        if found is None:
            history = states.histories[state]
            changed, cost = False, ZERO
            if history.post in proposer.posts:
                old_post, old_level = history.post, history.level
                history, changed = _advance(history, year, proposer)
                if changed:
                    cost = 12 * (
                        scale.monthly_pay(history.post, history.level)
                        - scale.monthly_pay(old_post, old_level)
                    )
            settled = states.settle(history, year)
            found = runs[state] = (settled, history.post, history.level, changed, cost)
        settled, post, level, changed, cost = found
        step = (states.following(settled, grade[1]), post, level, changed, cost)
        self.steps[key][state, grade[0]] = step
        return step


@dataclass(slots=True)
class Cohort:
    """Workers of one unit who take the same path: their count and, per year of the horizon,
    the grade assumed (its code, the grade), the 奖励绩效 it earns, the pay profile."""

    community: int
    state: int  # at the start of the first year
    retires: dt.date | None  # None: after the horizon
    grades: tuple[tuple[int, str | None], ...]
    rewards: tuple[int | None, ...]  # in fen; None: retiring that year (no 奖励绩效, not counted)
    count: int = 0
    bases: dict[Decimal | None, int] = field(default_factory=dict)  # the first year's on file
    profiles: list[int] = field(default_factory=list)  # per year: ``Population.profiles``


class Population:
    """The people of one projection as cohorts, and what every run of it shares: the states,
    the rules' answers, the retirements and who is present at each year's refill."""

    def __init__(
        self,
        people: Sequence[Person],
        units: Sequence[Unit],
        economy: Economy,
        first: int,
        years: int,
    ) -> None:
        self.units, self.economy, self.first, self.years = units, economy, first, years
        self.unit_of = {u.community: u for u in units}
        self.states = States(economy.rules)
        self.proposers = Proposers(self.states)
        self.profiles: list[Profile] = []
        self._profile_ids: dict[Profile, int] = {}
        first_assumed = first - 1 if economy.assume_first_grades else first
        horizon = range(first, first + years)
        grades = _assumed(people, self.unit_of, range(first_assumed, first + years), first_assumed)
        codes: dict[str | None, int] = {}
        rewards = {grade: fen(amount) for grade, amount in economy.reward.items()}
        cohorts: dict[tuple[object, ...], Cohort] = {}
        paths: dict[tuple[object, ...], list[int]] = {}  # the profiles of each year
        end = dt.date(first + years - 1, 12, 31)
        for index, person in enumerate(people):
            if person.retires < dt.date(first, 1, 1):
                continue
            history = person.history
            if economy.assume_first_grades:
                history = _with_grade(history, first - 1, grades[index][0])
            state = self.states.of(history, first)
            mine = grades[index][first - first_assumed :]
            retires = person.retires if person.retires <= end else None
            pay = _pay_facts(person, horizon)
            key = (person.community, state, mine, retires, pay)
            cohort = cohorts.get(key)
            if cohort is None:
                cohort = cohorts[key] = Cohort(
                    person.community,
                    state,
                    retires,
                    tuple((codes.setdefault(g, len(codes)), g) for g in mine),
                    tuple(
                        None
                        if retires is not None and retires.year == year
                        else rewards.get(g or "", 0)
                        for g, year in zip(mine, horizon, strict=True)
                    ),
                )
                found = paths.get((pay, retires))
                if found is None:
                    found = paths[pay, retires] = [
                        self._profile(pay, retires, year) for year in horizon
                    ]
                cohort.profiles = found
            cohort.count += 1
            cohort.bases[person.base] = cohort.bases.get(person.base, 0) + 1
        self.cohorts = list(cohorts.values())  # in the order of their first worker
        self.codes = len(codes)
        self.alive: list[list[int]] = []
        self.retirements: list[int] = []
        self.present: list[dict[int, int]] = []
        for year in horizon:
            start, refill = dt.date(year, 1, 1), dt.date(year, economy.refill_month, 1)
            alive = [
                i for i, c in enumerate(self.cohorts) if c.retires is None or c.retires >= start
            ]
            present: dict[int, int] = defaultdict(int)
            retiring = 0
            for i in alive:
                c = self.cohorts[i]
                if c.retires is None or c.retires >= refill:
                    present[c.community] += c.count
                if c.retires is not None and c.retires.year == year:
                    retiring += c.count
            self.alive.append(alive)
            self.retirements.append(retiring)
            self.present.append(present)
        # what a run's year walks: per cohort present (its index, its grade code and pay profile
        # as one number, its count, its unit and 奖励绩效 as one number (``ends``))
        self.kinds = max(1, len(codes)) * max(1, len(self.profiles))
        self.grade_of = {code: (code, grade) for grade, code in codes.items()}
        self.ends: list[tuple[int, int | None]] = []
        ends: dict[tuple[int, int | None], int] = {}
        self.walks: list[list[tuple[int, int, int, int]]] = []
        kinds = len(self.profiles)
        for t, alive in enumerate(self.alive):
            walk = []
            for i in alive:
                c = self.cohorts[i]
                end = (c.community, c.rewards[t])
                found = ends.get(end)
                if found is None:
                    found = ends[end] = len(self.ends)
                    self.ends.append(end)
                walk.append((i, c.grades[t][0] * kinds + c.profiles[t], c.count, found))
            self.walks.append(walk)

    def _profile(
        self,
        pay: tuple[str | None, dt.date | None, str | None, bool],
        retires: dt.date | None,
        year: int,
    ) -> int:
        certificate, start, duties, probation = pay
        since = (
            13 if start is None or start.year > year else 1 if start.year < year else start.month
        )
        last = retires.month if retires is not None and retires.year == year else 12
        profile = (certificate if since < 13 else None, since, duties, probation, last)
        found = self._profile_ids.get(profile)
        if found is None:
            found = self._profile_ids[profile] = len(self.profiles)
            self.profiles.append(profile)
        return found


def _pay_facts(
    person: Person, horizon: range
) -> tuple[str | None, dt.date | None, str | None, bool]:
    """What of a worker's pay the horizon's years tell apart: the certificate and the month its
    allowance starts (before the first year: January of it), 一肩挑, probation."""
    start = person.certificate_from
    if person.certificate_level is None or start is None or start.year > horizon[-1]:
        certificate, start = None, None
    else:
        certificate, start = person.certificate_level, max(start, dt.date(horizon[0], 1, 1))
        start = start.replace(day=1)
    duties = person.duties if person.duties == "一肩挑" else None
    return certificate, start, duties, person.probation


def _assumed(
    people: Sequence[Person], unit_of: dict[int, Unit], years: range, first_assumed: int
) -> list[tuple[str | None, ...]]:
    """Each worker's assumed grade of each of ``years``: the unit's shares, 优秀 rotating through
    its workers (in the order given) year by year (``assumed_grades``)."""
    members: dict[int, list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        members[person.community].append(index)
    found: list[tuple[str | None, ...]] = [()] * len(people)
    for community, indexes in members.items():
        shares = unit_of[community].grade_shares
        by_year = [assumed_grades(shares, len(indexes), y, first_assumed) for y in years]
        for position, index in enumerate(indexes):
            found[index] = tuple(g[position] if g else None for g in by_year)
    return found
