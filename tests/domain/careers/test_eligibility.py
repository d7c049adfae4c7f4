"""Promotion eligibility (§7): every rule with its reason, person by person."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from workforce.domain.careers.eligibility import Candidate, EligibilityRules, evaluate

ON = dt.date(2026, 3, 1)
DEPUTY = EligibilityRules(
    target="副职",
    min_community_years=3,
    appraisal_years=2,
    min_education="大专",
    min_certificate="助理社会工作师",
    min_training_hours=Decimal(40),
    max_age=45,
    from_posts=frozenset({"staff", "grid"}),
)
ALICE = Candidate(
    worker_id=1,
    name="王丽",
    post="staff",
    birth_date=dt.date(1990, 5, 17),
    community_start=dt.date(2020, 7, 1),
    highest_education="本科",
    certificate_level="社会工作师",
    appraisals={2024: "称职", 2025: "优秀"},
    training_hours_last_year=Decimal(48),
)


def test_a_qualified_person_passes_every_rule() -> None:
    verdict = evaluate(ALICE, DEPUTY, ON)
    assert verdict.eligible
    assert [c.rule for c in verdict.checks] == [
        "post",
        "community_years",
        "appraisals",
        "education",
        "certificate",
        "training",
        "age",
    ]
    assert verdict.checks[1].text == "社区工作5年，满足3年"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"post": "deputy"}, "现任岗位不在可晋升的岗位范围内"),
        ({"community_start": dt.date(2023, 6, 1)}, "社区工作2年，不足3年"),
        ({"appraisals": {2025: "称职"}}, "缺少2024年度考核结果"),
        ({"appraisals": {2024: "基本称职", 2025: "称职"}}, "考核未达要求：2024年基本称职"),
        ({"highest_education": "高中/中专"}, "学历高中/中专，低于大专"),
        ({"certificate_level": None}, "无社工证，未达到助理社会工作师"),
        ({"training_hours_last_year": Decimal("39.5")}, "2025年培训39.5学时，不足40学时"),
        ({"birth_date": dt.date(1979, 1, 1)}, "47周岁，超过45周岁"),
    ],
)
def test_each_failing_rule_says_why(change: dict[str, object], reason: str) -> None:
    verdict = evaluate(replace(ALICE, **change), DEPUTY, ON)  # type: ignore[arg-type]
    assert not verdict.eligible
    assert verdict.reasons_against == (reason,)


def test_excellent_count_and_rules_from_settings() -> None:
    rules = EligibilityRules.from_mapping(
        {"target": "正职", "appraisal_years": 2, "min_excellent": 2, "min_training_hours": "40"}
    )
    verdict = evaluate(ALICE, rules, ON)
    assert verdict.reasons_against == ("2024–2025年优秀1次，少于2次",)
    with pytest.raises(ValueError, match="未知的资格条件"):
        EligibilityRules.from_mapping({"target": "x", "min_years": 3})


def test_rules_round_trip_as_data() -> None:
    assert EligibilityRules.from_mapping(DEPUTY.to_mapping()) == DEPUTY
    assert DEPUTY.to_mapping()["from_posts"] == ["grid", "staff"]
    assert DEPUTY.to_mapping()["min_training_hours"] == "40"
    with pytest.raises(ValueError, match="学历要求「中学」不是可用的学历"):
        EligibilityRules.from_mapping({"target": "x", "min_education": "中学"})
    with pytest.raises(ValueError, match="证书要求「社工证」不是可用的等级"):
        EligibilityRules.from_mapping({"target": "x", "min_certificate": "社工证"})
