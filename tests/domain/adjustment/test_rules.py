"""The grade adjustment rules (§4): golden cases a clerk can review, and invariants."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.rules import HonourFact, WorkerHistory, propose_adjustment
from workforce.domain.scale import PostRange

POSTS = {
    "principal": PostRange("principal", "社区正职", 7, 18),
    "deputy": PostRange("deputy", "社区副职", 4, 15),
    "staff": PostRange("staff", "其他社区工作者", 1, 12),
    "grid": PostRange("grid", "专职网格员", 1, 12, paid_as="staff"),
}
CASES = json.loads((Path(__file__).parents[2] / "golden" / "adjustment_cases.json").read_text())


def history_from(data: dict[str, Any]) -> WorkerHistory:
    values = dict(data)
    values["appraisals"] = {int(y): g for y, g in values.get("appraisals", {}).items()}
    values["honours"] = tuple(HonourFact(**h) for h in values.get("honours", []))
    values["credited_honour_kinds"] = frozenset(values.get("credited_honour_kinds", []))
    return WorkerHistory(worker_id=1, **values)


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_golden_case(case: dict[str, Any]) -> None:
    proposal = propose_adjustment(
        history_from(case["history"]), AdjustmentRules(), POSTS, case["year"]
    )
    expect = case["expect"]
    assert (proposal.new_post, proposal.new_level) == (expect["post"], expect["level"])
    assert [r.rule for r in proposal.reasons] == expect["rules"]
    texts = " ".join(r.text for r in proposal.reasons)
    for snippet in expect.get("texts", []):
        assert snippet in texts
    for snippet in expect.get("notes", []):
        assert any(snippet in note for note in proposal.notes), proposal.notes
    if "credited_ladder" in expect:
        assert proposal.credited_ladder == expect["credited_ladder"]


def test_a_switched_off_rule_gives_nothing() -> None:
    history = history_from(
        {
            "post": "staff",
            "level": 3,
            "tenure_start_year": 2023,
            "appraisals": {"2023": "称职", "2024": "优秀", "2025": "优秀"},
        }
    )
    rules = AdjustmentRules(tenure_enabled=False, early_enabled=False)
    assert not propose_adjustment(history, rules, POSTS, 2026).changed


def test_rules_from_settings_refuse_unknown_keys() -> None:
    assert (
        AdjustmentRules.from_mapping({"qualifying_years_per_step": 2}).qualifying_years_per_step
        == 2
    )
    with pytest.raises(ValueError, match="未知的调级规则参数"):
        AdjustmentRules.from_mapping({"qualifying_year": 2})


GRADES = st.sampled_from(["优秀", "称职", "基本称职", "不称职"])


@st.composite
def histories(draw: st.DrawFn) -> tuple[WorkerHistory, int]:
    year = draw(st.integers(min_value=2018, max_value=2030))
    post = draw(st.sampled_from(sorted(POSTS)))
    level = draw(st.integers(POSTS[post].min_level, POSTS[post].max_level))
    start = draw(st.integers(year - 8, year))
    appraisals = draw(st.dictionaries(st.integers(year - 8, year - 1), GRADES, max_size=8))
    honours = draw(
        st.lists(
            st.builds(
                HonourFact,
                st.sampled_from(["市级及以上表彰", "劳模", "区级表彰"]),
                st.just("荣誉"),
                st.integers(year - 5, year - 1),
            ),
            max_size=3,
        )
    )
    history = WorkerHistory(
        worker_id=1,
        post=post,
        level=level,
        tenure_start_year=start,
        appraisals=appraisals,
        highest_education=draw(st.sampled_from([None, "大专", "本科", "硕士", "博士"])),
        certificate_level=draw(
            st.sampled_from([None, "助理社会工作师", "社会工作师", "高级社会工作师"])
        ),
        credited_ladder=draw(st.integers(0, 3)),
        early_steps_used=draw(st.integers(0, 2)),
        honours=tuple(honours),
        new_post=draw(st.sampled_from([None, *sorted(POSTS)])),
    )
    return history, year


@given(histories())
def test_levels_always_stay_within_the_post_range(case: tuple[WorkerHistory, int]) -> None:
    history, year = case
    proposal = propose_adjustment(history, AdjustmentRules(), POSTS, year)
    post = POSTS[proposal.new_post]
    assert post.min_level <= proposal.new_level <= post.max_level


@given(histories())
def test_applying_then_running_again_changes_nothing(case: tuple[WorkerHistory, int]) -> None:
    history, year = case
    first = propose_adjustment(history, AdjustmentRules(), POSTS, year)
    applied = WorkerHistory(
        worker_id=1,
        post=first.new_post,
        level=first.new_level,
        tenure_start_year=year if first.changed else history.tenure_start_year,
        appraisals=history.appraisals,
        highest_education=history.highest_education,
        certificate_level=history.certificate_level,
        credited_ladder=first.credited_ladder,
        early_steps_used=first.early_steps_used,
        early_streak_start=first.early_streak_start,
        honours=history.honours,
        credited_honour_kinds=first.credited_honour_kinds,
    )
    second = propose_adjustment(applied, AdjustmentRules(), POSTS, year)
    if first.changed:
        assert not second.changed, second.reasons
