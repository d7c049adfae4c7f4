"""Yearly appraisal grades (年度考核, §5): configurable grade sets with a passing flag per grade,
and the 优秀 quota (default 20% of a unit's workers; exceeding it is a warning, not an error).

The region's scheme is stored as the ``appraisal_grades`` setting: the name of a preset ("称职",
"合格", "良好"), or ``{"grades": [{"name": "优秀", "passing": true}, …], "excellent": "优秀",
"excellent_quota": "0.20"}``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from workforce.domain.problems import Problem, Where, warning

SETTING_KEY = "appraisal_grades"
DEFAULT_QUOTA = Decimal("0.20")
APPRAISAL_SEASON_FROM = 11  # from November the year's own appraisals are being entered


def appraisal_year_at(today: dt.date) -> int:
    """The appraisal year a clerk is working on ``today``: the year itself from November (the
    year-end 考核, entered for next January's run), else the year before (entered early in the
    year, for this year's run). The adjustment run of year Y reads the appraisals of Y − 1."""
    return today.year if today.month >= APPRAISAL_SEASON_FROM else today.year - 1


@dataclass(frozen=True, slots=True)
class Grade:
    """An appraisal grade and whether a year with it counts toward the tenure step (§4.1)."""

    name: str
    passing: bool


GRADE_SETS: dict[str, tuple[Grade, ...]] = {
    "称职": (
        Grade("优秀", True),
        Grade("称职", True),
        Grade("基本称职", False),
        Grade("不称职", False),
    ),
    "合格": (
        Grade("优秀", True),
        Grade("合格", True),
        Grade("基本合格", False),
        Grade("不合格", False),
    ),
    "良好": (Grade("优秀", True), Grade("良好", True), Grade("合格", True), Grade("不合格", False)),
}
"""Presets named after their usual passing grade: 称职 (the default), 合格 and 良好 sets."""


@dataclass(frozen=True, slots=True)
class GradeScheme:
    """The grades in use, which one is 优秀, and its quota as a share of a unit's workers."""

    grades: tuple[Grade, ...] = GRADE_SETS["称职"]
    excellent: str = "优秀"
    excellent_quota: Decimal = DEFAULT_QUOTA

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(g.name for g in self.grades)

    @property
    def passing_grades(self) -> frozenset[str]:
        return frozenset(g.name for g in self.grades if g.passing)

    def normalise(self, text: str) -> str | None:
        """The grade a cell names ("称 职", "称职。" → 称职), or None when it is not one."""
        cleaned = re.sub(r"[\s\u3000。.]", "", text)
        return cleaned if cleaned in self.names else None

    def to_setting(self) -> dict[str, Any]:
        return {
            "grades": [{"name": g.name, "passing": g.passing} for g in self.grades],
            "excellent": self.excellent,
            "excellent_quota": str(self.excellent_quota),
        }

    @classmethod
    def from_setting(cls, value: object) -> GradeScheme:
        """The scheme of a stored setting; ``ValueError`` (in words) when it makes no sense."""
        if isinstance(value, str):
            value = {"preset": value}
        if not isinstance(value, dict):
            raise ValueError("考核等次设置应为预设名称或包含 grades 的对象")
        preset = value.get("preset")
        if preset is not None:
            if preset not in GRADE_SETS:
                raise ValueError(f"未知的考核等次预设「{preset}」（可用：{'、'.join(GRADE_SETS)}）")
            grades = GRADE_SETS[preset]
        else:
            grades = tuple(Grade(str(g["name"]), bool(g["passing"])) for g in value["grades"])
        names = [g.name for g in grades]
        if not grades or len(set(names)) != len(names):
            raise ValueError("考核等次不能为空或重复")
        excellent = str(value.get("excellent", "优秀"))
        if excellent not in names:
            raise ValueError(f"“{excellent}”不是设置中的考核等次")
        try:
            quota = Decimal(str(value.get("excellent_quota", DEFAULT_QUOTA)))
        except InvalidOperation:
            raise ValueError("优秀比例应为0到1之间的小数，如 0.20") from None
        if not Decimal(0) <= quota <= Decimal(1):
            raise ValueError("优秀比例应为0到1之间的小数，如 0.20")
        return cls(grades, excellent, quota)


@dataclass(frozen=True, slots=True)
class UnitTally:
    """One unit's headcount and its 优秀 results in a year."""

    unit: str
    year: int
    workers: int
    excellent: int


def allowed_excellent(scheme: GradeScheme, workers: int) -> int:
    """The most 优秀 a unit of ``workers`` people may have within the quota."""
    return math.floor(scheme.excellent_quota * workers)


def quota_warnings(scheme: GradeScheme, tallies: Iterable[UnitTally]) -> list[Problem]:
    """A warning for each unit whose 优秀 results exceed the quota (the results are kept)."""
    problems: list[Problem] = []
    percent = f"{scheme.excellent_quota * 100:.0f}%"
    for t in tallies:
        if t.excellent > scheme.excellent_quota * t.workers:
            most = allowed_excellent(scheme, t.workers)
            problems.append(
                warning(
                    "excellent_quota",
                    f"{t.unit}{t.year}年度考核“{scheme.excellent}”{t.excellent}人，"
                    f"超过在职{t.workers}人的{percent}（最多{most}人）",
                    Where(column="考核结果", value=scheme.excellent),
                )
            )
    return problems
