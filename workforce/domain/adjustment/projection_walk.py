"""预算测算's people (issue 19): the workers grouped by the path they take, and each year's walk
of the groups through the adjustment run, shared by the runs whose rules are the same.

Workers of one unit whose facts for the rules are equal (``facts_read``), who are assumed the same
grade year after year, retire in the same month (or after the horizon) and are paid by the same
profile (certificate from the same month, 一肩挑, probation) take the same path through every run:
one ``Cohort``. A year's walk advances each cohort's state by the year's step (``Proposers``: the
rules evaluated once per state, grade, rules, scale and year) and counts the cohorts by line: their
unit and 奖励绩效, their pay key (post, level, pay profile) and last year's. None of it depends on
the pay, so the runs whose rules and scale are the same objects every year so far (a raise, parity,
a headcount change) share the walk; each run prices the lines (``projection``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.projection_model import (
    Economy,
    Person,
    Scenario,
    Unit,
    assumed_grades,
)
from workforce.domain.adjustment.projection_step import (
    Pay,
    Profile,
    Proposers,
    States,
    _with_grade,
)
from workforce.domain.adjustment.projection_sums import fen
from workforce.domain.money import ZERO
from workforce.domain.scale import ScaleVersion

# a year's workers counted by (their unit and 奖励绩效 (``Population.rewards``), their pay key
# (``Population.pay_keys``), last year's (-1: the first year))
Line = tuple[int, int, int]


@dataclass(slots=True)
class Walked:
    """One year of a trail of runs: the lines, the adjustment run's 人次 and cost, and each
    cohort's state and pay key after it."""

    tally: dict[Line, int]
    adjusted: int
    adjustment: Decimal
    states: list[int]
    pays: list[int]
    used: set[int]  # the pay keys of the year
    trail: tuple[tuple[AdjustmentRules, ScaleVersion], ...]  # (kept alive: the keys are ids)
    # the first year: the workers by unit, pay key and contribution base on file (None: none)
    bases: dict[tuple[int, int, Decimal | None], int] = field(default_factory=dict)


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
        self.pay_keys: dict[tuple[str, int, int], int] = {}  # (post, level, profile) → key
        self.pay_key_list: list[tuple[str, int, int]] = []
        self._walked: dict[tuple[tuple[int, int], ...], Walked] = {}
        self._pays: dict[tuple[object, ...], Pay] = {}
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
        known: dict[tuple[object, str | None], int] = {}  # (facts, assumed grade) → state
        paths_of: dict[tuple[object, ...], tuple[tuple[object, ...], tuple[object, ...]]] = {}
        for index, person in enumerate(people):
            if person.retires < dt.date(first, 1, 1):
                continue
            assumed = grades[index][0] if economy.assume_first_grades else None
            state = known.get((person.facts, assumed)) if person.facts is not None else None
            if state is None:
                history = person.history
                if economy.assume_first_grades:
                    history = _with_grade(history, first - 1, assumed)
                state = self.states.of(history, first)
                if person.facts is not None:
                    known[person.facts, assumed] = state
            mine = grades[index][first - first_assumed :]
            retires = person.retires if person.retires <= end else None
            pay = _pay_facts(person, horizon)
            key = (person.community, state, mine, retires, pay)
            cohort = cohorts.get(key)
            if cohort is None:
                ways = paths_of.get((mine, retires))
                if ways is None:
                    ways = paths_of[mine, retires] = (
                        tuple((codes.setdefault(g, len(codes)), g) for g in mine),
                        tuple(
                            None
                            if retires is not None and retires.year == year
                            else rewards.get(g or "", 0)
                            for g, year in zip(mine, horizon, strict=True)
                        ),
                    )
                cohort = cohorts[key] = Cohort(
                    person.community,
                    state,
                    retires,
                    *ways,  # type: ignore[arg-type]
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
        self._years(horizon, codes)

    def _years(self, horizon: range, codes: Mapping[str | None, int]) -> None:
        """Per year: the cohorts present, the retirements, who is present at the refill, and what
        a run's year walks: per cohort present its index, its grade code and pay profile as one
        number (``kinds``), its count, its unit and 奖励绩效 as one number (``rewards``)."""
        first, count = horizon[0], len(horizon)
        self.labels = {u.community: f"{u.district}/{u.street}" for u in self.units}  # by_street
        self.kinds = max(1, len(codes)) * max(1, len(self.profiles))
        self.grade_of = {code: (code, grade) for grade, code in codes.items()}
        rewards: dict[int | None, int] = {}
        for cohort in self.cohorts:
            for reward in cohort.rewards:
                rewards.setdefault(reward, len(rewards))
        self.rewards = list(rewards)  # a cohort's end: community × len(rewards) + the reward's
        self.alive: list[list[int]] = [[] for _ in horizon]
        self.walks: list[list[tuple[int, int, int, int]]] = [[] for _ in horizon]
        self.present: list[dict[int, int]] = [defaultdict(int) for _ in horizon]
        self.retirements = [0] * count
        profiles, refill = len(self.profiles), self.economy.refill_month
        for i, c in enumerate(self.cohorts):
            retires, n, community = c.retires, c.count, c.community
            years = count if retires is None else retires.year - first + 1
            end = community * len(rewards)
            for t in range(years):
                self.alive[t].append(i)
                kind = c.grades[t][0] * profiles + c.profiles[t]
                self.walks[t].append((i, kind, n, end + rewards[c.rewards[t]]))
                if retires is None or t < years - 1 or retires >= dt.date(first + t, refill, 1):
                    self.present[t][community] += n
            if retires is not None:
                self.retirements[years - 1] += n

    def pay(self, scenario: Scenario) -> Pay:
        """The pay of ``scenario``'s runs, shared by the scenarios that pay alike (the same scale
        version object, raise and parity)."""
        key = (
            id(scenario.scale),
            scenario.raise_rate,
            scenario.raise_from,
            scenario.parity_from,
            scenario.parity_post,
            scenario.parity_with,
        )
        found = self._pays.get(key)
        if found is None:
            found = self._pays[key] = Pay(self.economy, scenario)
        return found

    def walked(self, trail: tuple[tuple[AdjustmentRules, ScaleVersion], ...]) -> Walked:
        """The walk of year ``len(trail) - 1`` after the years of ``trail`` (each year's rules and
        scale), walked once for every run with the same trail."""
        key = tuple((id(rules), id(scale)) for rules, scale in trail)
        found = self._walked.get(key)
        if found is None:
            t = len(trail) - 1
            if t == 0:
                states, pays = [c.state for c in self.cohorts], [-1] * len(self.cohorts)
            else:
                before = self.walked(trail[:-1])
                states, pays = list(before.states), list(before.pays)
            found = self._walked[key] = self._walk(t, trail, states, pays)
            if t == 0:
                bases = found.bases
                for i in self.alive[0]:
                    cohort = self.cohorts[i]
                    for base, count in cohort.bases.items():
                        line = (cohort.community, pays[i], base)
                        bases[line] = bases.get(line, 0) + count
        return found

    def _walk(
        self,
        t: int,
        trail: tuple[tuple[AdjustmentRules, ScaleVersion], ...],
        states: list[int],
        pays: list[int],
    ) -> Walked:
        rules, scale = trail[-1]
        proposers, year = self.proposers, self.first + t
        steps = proposers.step_table(rules, scale, year)
        kinds, profiles = self.kinds, len(self.profiles)
        tally: dict[Line, int] = {}
        # state × kinds + (grade code, pay profile) → (the next state, pay key, changed, 12 ×
        # the monthly scale pay change)
        table: dict[int, tuple[int, int, bool, Decimal]] = {}
        adjusted, adjustment = 0, ZERO
        for i, kind, n, end in self.walks[t]:
            state = states[i]
            found = table.get(state * kinds + kind)
            if found is None:
                grade = self.grade_of[kind // profiles]
                step = steps.get((state, grade[0]))
                if step is None:
                    step = proposers.step(rules, scale, state, grade)
                following, post, level, changed, cost = step
                pay = self._pay_key(post, level, kind % profiles)
                found = table[state * kinds + kind] = (following, pay, changed, cost)
            states[i], pay, changed, cost = found
            if changed:
                adjusted += n
                adjustment += cost * n
            line = (end, pay, pays[i])
            tally[line] = tally.get(line, 0) + n
            pays[i] = pay
        used = {found[1] for found in table.values()}
        return Walked(tally, adjusted, adjustment, states, pays, used, trail)

    def _pay_key(self, post: str, level: int, profile: int) -> int:
        found = self.pay_keys.get((post, level, profile))
        if found is None:
            found = self.pay_keys[post, level, profile] = len(self.pay_key_list)
            self.pay_key_list.append((post, level, profile))
        return found

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
