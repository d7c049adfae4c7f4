"""Statutory retirement dates under the gradual reform (渐进式延迟法定退休年龄).

Source: 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13, in force
2025-01-01) and its 附件《国务院关于渐进式延迟法定退休年龄的办法》 with the comparison tables
(附件 对照表 一、二、三). For each original age the decision names the first birth cohort that
retires later, the birth months per extra month, and the cap:

- men, 60 → 63: from January 1965, one month more every 4 birth months, at most 36 months
  (born September 1976 or later: 63);
- women cadres (original 55) → 58: from January 1970, every 4 birth months, at most 36
  (born September 1981 or later: 58);
- women workers (original 50) → 55: from January 1975, every 2 birth months, at most 60
  (born November 1984 or later: 55).

With k = months from the cohort's first birth month to the worker's birth month, the delay is
min(cap, k ÷ step + 1) (whole division; k < 0: no delay). Retirement is at the end of the month
the (delayed) age is reached. The rules are data with an effective date: a region (or a later
decision) can give another table from another date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

MONTHS = 12


@dataclass(frozen=True, slots=True)
class Cohort:
    """How one original retirement age rises: from the birth month ``first`` (year, month), one
    month more for every ``step`` birth months, at most ``cap`` months."""

    original_age: int
    first: tuple[int, int]
    step: int
    cap: int

    def delay_months(self, birth: dt.date) -> int:
        k = (birth.year - self.first[0]) * MONTHS + birth.month - self.first[1]
        if k < 0:
            return 0
        return min(self.cap, k // self.step + 1)


@dataclass(frozen=True, slots=True)
class RetirementRules:
    """One dated table of cohorts, by original age (50, 55, 60)."""

    effective: dt.date
    cohorts: Mapping[int, Cohort]
    source: str = ""


REFORM_2025 = RetirementRules(
    dt.date(2025, 1, 1),
    MappingProxyType(
        {
            60: Cohort(60, (1965, 1), 4, 36),
            55: Cohort(55, (1970, 1), 4, 36),
            50: Cohort(50, (1975, 1), 2, 60),
        }
    ),
    "全国人大常委会关于实施渐进式延迟法定退休年龄的决定（2024年9月13日，2025年1月1日起施行）",
)
RULES: tuple[RetirementRules, ...] = (REFORM_2025,)
ORIGINAL_AGES = (50, 55, 60)
DEFAULT_ORIGINAL_AGE: Mapping[str, int] = MappingProxyType({"男": 60, "女": 50})


@dataclass(frozen=True, slots=True)
class Retirement:
    """A worker's statutory retirement: the age in years and months and the date (a month's end)."""

    original_age: int
    delay_months: int
    date: dt.date

    @property
    def age_text(self) -> str:
        years, months = divmod(self.original_age * MONTHS + self.delay_months, MONTHS)
        return f"{years}岁{months}个月" if months else f"{years}岁"

    @property
    def month(self) -> tuple[int, int]:
        return self.date.year, self.date.month


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def rules_for_birth(birth: dt.date, original_age: int, tables: Sequence[RetirementRules]) -> int:
    """The delay in months: the latest table whose effective date is on or before the month the
    original age is reached (a worker who reached it before the reform retired without delay)."""
    reached = _month_end(birth.year + original_age, birth.month)
    delay = 0
    for table in sorted(tables, key=lambda t: t.effective):
        if table.effective > reached:
            break
        cohort = table.cohorts.get(original_age)
        delay = cohort.delay_months(birth) if cohort else 0
    return delay


def retirement(
    birth: dt.date, original_age: int, tables: Sequence[RetirementRules] = RULES
) -> Retirement:
    """The statutory retirement of a worker born on ``birth`` whose original age is
    ``original_age``: the end of the month in which the delayed age is reached."""
    if original_age not in ORIGINAL_AGES:
        raise ValueError(f"原法定退休年龄应为50、55或60岁，实为{original_age}")
    delay = rules_for_birth(birth, original_age, tables)
    months = birth.year * MONTHS + birth.month - 1 + original_age * MONTHS + delay
    year, month0 = divmod(months, MONTHS)
    return Retirement(original_age, delay, _month_end(year, month0 + 1))


def original_age_of(sex: str, stored: int | None, defaults: Mapping[str, int]) -> int:
    """The worker's original age: stored on the person, else the region's default for the sex."""
    if stored is not None:
        return stored
    return defaults.get(sex, DEFAULT_ORIGINAL_AGE.get(sex, 60))


def retirements_by_year(dates: Sequence[dt.date], first: int, years: int) -> dict[int, int]:
    """How many of ``dates`` fall in each of ``years`` calendar years from ``first``."""
    counts = dict.fromkeys(range(first, first + years), 0)
    for day in dates:
        if day.year in counts:
            counts[day.year] += 1
    return counts


class Retirements:
    """``retirement(...).date`` for many people: computed once per birth month, sex and stored
    original age (a roster of 100,000 has a few thousand)."""

    def __init__(
        self, defaults: Mapping[str, int], tables: Sequence[RetirementRules] = RULES
    ) -> None:
        self.defaults, self.tables = defaults, tables
        self.known: dict[tuple[int, int, str, int | None], dt.date] = {}

    def of(self, birth: dt.date | None, sex: str, stored: int | None) -> dt.date | None:
        if birth is None:
            return None
        key = (birth.year, birth.month, sex, stored)
        found = self.known.get(key)
        if found is None:
            age = original_age_of(sex, stored, self.defaults)
            found = self.known[key] = retirement(birth, age, self.tables).date
        return found
