"""预算测算's year step (issue 19): a year's pay per distinct (post, level, pay profile), computed
once, and the rules' facts interned as states whose run is evaluated once per rules, scale and
year (shared by the runs whose rules are the same, as a raise or parity leaves them). The people
grouped into cohorts and their walk are in ``projection_walk``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.projection_model import (
    MONTHS,
    ONE,
    Economy,
    Scenario,
)
from workforce.domain.adjustment.projection_sums import fen
from workforce.domain.adjustment.rules import Proposer, WorkerHistory, facts_read, history_as
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
        self.employer_fen: dict[Decimal, int] = {}
        self.years: dict[int, PayYear] = {}

    def year(self, year: int) -> PayYear:
        """The pay of ``year``, made once (shared by the runs paid alike)."""
        found = self.years.get(year)
        if found is None:
            found = self.years[year] = PayYear(self, year)
        return found

    def contribution_fen(self, base: Decimal) -> int:
        """``contribution`` in fen."""
        found = self.employer_fen.get(base)
        if found is None:
            found = self.employer_fen[base] = fen(self.contribution(base))
        return found

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
    """``h`` with ``grade`` for ``year``."""
    grades = dict(h.appraisals)
    if grade is not None:
        grades[year] = grade
    return history_as(h, h.worker_id, grades)


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
