"""The run's shortcut: ``Proposer`` answers exactly as ``propose_adjustment`` for every worker,
though it evaluates each distinct set of facts once; the plan's summary counted by line."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.adjustment.test_rules import CASES, POSTS, history_from
from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.plan import PlanLine, summarise, summarise_counted
from workforce.domain.adjustment.rules import (
    HonourFact,
    Proposer,
    WorkerHistory,
    propose_adjustment,
)


def test_golden_cases_through_one_proposer() -> None:
    proposers: dict[int, Proposer] = {}
    for number, case in enumerate(CASES["cases"] * 2):  # the second round answers from memory
        year = case["year"]
        proposer = proposers.setdefault(year, Proposer(AdjustmentRules(), POSTS, year))
        history = dataclasses.replace(history_from(case["history"]), worker_id=number)
        expected = propose_adjustment(history, AdjustmentRules(), POSTS, year)
        assert proposer.propose(history) == expected
    assert sum(len(p.known) for p in proposers.values()) <= len(CASES["cases"])


GRADES = st.sampled_from(["优秀", "称职", "合格", "基本称职", "不称职"])
HONOURS = st.builds(
    HonourFact,
    st.sampled_from(["市级及以上表彰", "劳模", "区级表彰"]),
    st.just("表彰"),
    st.integers(2015, 2026),
)
HISTORIES = st.builds(
    WorkerHistory,
    worker_id=st.integers(1, 10**6),
    post=st.sampled_from(sorted(POSTS)),
    level=st.integers(1, 18),
    tenure_start_year=st.integers(2012, 2027),
    appraisals=st.dictionaries(st.integers(2008, 2026), GRADES, max_size=8),
    highest_education=st.sampled_from([None, "大专", "本科", "硕士"]),
    certificate_level=st.sampled_from([None, "助理社会工作师", "社会工作师"]),
    credited_ladder=st.integers(0, 3),
    early_steps_used=st.integers(0, 2),
    early_streak_start=st.sampled_from([None, 2022, 2025, 2026]),
    honours=st.lists(HONOURS, max_size=2).map(tuple),
    credited_honour_kinds=st.frozensets(st.sampled_from(["劳模", "市级及以上表彰"])),
    new_post=st.sampled_from([None, "staff", "deputy", "principal"]),
)


@settings(max_examples=60)
@given(st.lists(HISTORIES, min_size=1, max_size=40), st.booleans())
def test_proposer_answers_as_the_rules(histories: list[WorkerHistory], early: bool) -> None:
    rules = AdjustmentRules(early_enabled=early)
    proposer = Proposer(rules, POSTS, 2027)
    for history in histories:
        for same_facts in (history, dataclasses.replace(history, worker_id=history.worker_id + 1)):
            expected = propose_adjustment(same_facts, rules, POSTS, 2027)
            assert proposer.propose(same_facts) == expected


def test_counted_summary_equals_the_line_by_line_one() -> None:
    lines = [
        PlanLine("甲区", "一街道", "staff", True, False, Decimal("1200.00")),
        PlanLine("甲区", "一街道", "staff", True, False, Decimal("1200.00")),
        PlanLine("乙区", "二街道", "deputy", True, True, Decimal("2400.50")),
        PlanLine("乙区", "二街道", "deputy", False, True, Decimal("0")),
        PlanLine("甲区", "三街道", "staff", False, False, Decimal("0")),
    ]
    counted = summarise_counted([(lines[0], 2), *((line, 1) for line in lines[2:])])
    assert counted == summarise(lines)
    assert (counted.total.person_times, counted.total.yearly_cost) == (3, Decimal("4800.50"))
    assert counted.blocked == 1
