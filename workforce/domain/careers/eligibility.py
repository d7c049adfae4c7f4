"""Promotion eligibility (§7): configurable rules per target (后备人选, 两委, 副职, 正职 …) and, for
each person, whether they qualify and why or why not, rule by rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from workforce.domain.careers.certificates import hours_text
from workforce.domain.careers.ladder import CERTIFICATE_LADDER
from workforce.domain.dates import age_on
from workforce.domain.vocab import EDUCATION_RANK


@dataclass(frozen=True, slots=True)
class EligibilityRules:
    """What a target post asks; ``None`` switches a rule off. Data per region (§7)."""

    target: str
    min_community_years: int | None = None
    appraisal_years: int | None = None  # the last N years must all pass …
    passing_grades: frozenset[str] = frozenset({"优秀", "称职", "合格", "良好"})
    min_excellent: int = 0  # … with at least this many 优秀 among them
    min_education: str | None = None
    min_certificate: str | None = None
    min_training_hours: Decimal | None = None  # in the last calendar year
    max_age: int | None = None
    from_posts: frozenset[str] = field(default_factory=frozenset)  # empty = any post

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> EligibilityRules:
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"未知的资格条件：{'、'.join(sorted(unknown))}")
        values = dict(data)
        for name in ("passing_grades", "from_posts"):
            if name in values:
                values[name] = frozenset(values[name])
        if values.get("min_training_hours") is not None:
            values["min_training_hours"] = Decimal(str(values["min_training_hours"]))
        education, certificate = values.get("min_education"), values.get("min_certificate")
        if education is not None and education not in EDUCATION_RANK:
            raise ValueError(
                f"学历要求「{education}」不是可用的学历（{'、'.join(EDUCATION_RANK)}）"
            )
        if certificate is not None and certificate not in CERTIFICATE_LADDER:
            raise ValueError(
                f"证书要求「{certificate}」不是可用的等级（{'、'.join(CERTIFICATE_LADDER)}）"
            )
        return cls(**values)

    def to_mapping(self) -> dict[str, Any]:
        """The rules as JSON-ready data; ``from_mapping`` reads it back."""
        data: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, frozenset):
                value = sorted(value)
            elif isinstance(value, Decimal):
                value = str(value)
            data[name] = value
        return data


@dataclass(frozen=True, slots=True)
class Candidate:
    worker_id: int
    name: str
    post: str
    birth_date: dt.date
    community_start: dt.date | None
    highest_education: str | None
    certificate_level: str | None
    appraisals: Mapping[int, str]
    training_hours_last_year: Decimal


@dataclass(frozen=True, slots=True)
class Check:
    rule: str
    passed: bool
    text: str


@dataclass(frozen=True, slots=True)
class Verdict:
    worker_id: int
    eligible: bool
    checks: tuple[Check, ...]

    @property
    def reasons_against(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.checks if not c.passed)


def _years_between(start: dt.date, on: dt.date) -> int:
    return age_on(start, on)


def evaluate(candidate: Candidate, rules: EligibilityRules, on: dt.date) -> Verdict:
    """Every switched-on rule, each with a sentence a clerk can read out."""
    checks: list[Check] = []
    if rules.from_posts:
        ok = candidate.post in rules.from_posts
        checks.append(Check("post", ok, "现任岗位符合" if ok else "现任岗位不在可晋升的岗位范围内"))
    if rules.min_community_years is not None:
        years = _years_between(candidate.community_start, on) if candidate.community_start else 0
        ok = years >= rules.min_community_years
        checks.append(
            Check(
                "community_years",
                ok,
                f"社区工作{years}年，{'满足' if ok else '不足'}{rules.min_community_years}年",
            )
        )
    if rules.appraisal_years:
        recent = list(range(on.year - rules.appraisal_years, on.year))
        grades = [candidate.appraisals.get(y) for y in recent]
        missing = [y for y, g in zip(recent, grades, strict=True) if g is None]
        failing = [
            f"{y}年{g}"
            for y, g in zip(recent, grades, strict=True)
            if g is not None and g not in rules.passing_grades
        ]
        excellent = sum(1 for g in grades if g == "优秀")
        span = f"{recent[0]}–{recent[-1]}年" if len(recent) > 1 else f"{recent[0]}年"
        if missing:
            checks.append(
                Check("appraisals", False, f"缺少{'、'.join(map(str, missing))}年度考核结果")
            )
        elif failing:
            checks.append(Check("appraisals", False, f"考核未达要求：{'、'.join(failing)}"))
        elif excellent < rules.min_excellent:
            checks.append(
                Check("appraisals", False, f"{span}优秀{excellent}次，少于{rules.min_excellent}次")
            )
        else:
            checks.append(Check("appraisals", True, f"{span}考核均合格"))
    if rules.min_education is not None:
        have = EDUCATION_RANK.get(candidate.highest_education or "", -1)
        ok = have >= EDUCATION_RANK[rules.min_education]
        checks.append(
            Check(
                "education",
                ok,
                f"学历{candidate.highest_education or '未填'}，"
                f"{'达到' if ok else '低于'}{rules.min_education}",
            )
        )
    if rules.min_certificate is not None:
        have = CERTIFICATE_LADDER.get(candidate.certificate_level or "", 0)
        held = f"持有{candidate.certificate_level}" if candidate.certificate_level else "无社工证"
        ok = have >= CERTIFICATE_LADDER[rules.min_certificate]
        checks.append(
            Check(
                "certificate",
                ok,
                f"{held}，{'达到' if ok else '未达到'}{rules.min_certificate}",
            )
        )
    if rules.min_training_hours is not None:
        ok = candidate.training_hours_last_year >= rules.min_training_hours
        checks.append(
            Check(
                "training",
                ok,
                f"{on.year - 1}年培训{hours_text(candidate.training_hours_last_year)}学时，"
                f"{'满足' if ok else '不足'}{hours_text(rules.min_training_hours)}学时",
            )
        )
    if rules.max_age is not None:
        age = age_on(candidate.birth_date, on)
        ok = age <= rules.max_age
        checks.append(
            Check("age", ok, f"{age}周岁，{'未超过' if ok else '超过'}{rules.max_age}周岁")
        )
    return Verdict(candidate.worker_id, all(c.passed for c in checks), tuple(checks))
