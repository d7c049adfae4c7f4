"""History of the demo population: yearly appraisals (§5) and training sessions (§6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from random import Random
from typing import NamedTuple

from workforce.domain.demo import names

APPRAISAL_YEARS = 4
EXCELLENT_QUOTA = Decimal("0.20")  # default 优秀 quota of a unit (§5)
_EXCELLENT_SHARE = 0.17


class Tenure(NamedTuple):
    """When a generated worker served: from the community start to the day they left (if any)."""

    start: dt.date
    leave: dt.date | None
    senior: bool  # 正职 or 副职: sent to the city's training

    def serving(self, on: dt.date) -> bool:
        return self.start <= on and (self.leave is None or self.leave > on)


@dataclass(frozen=True, slots=True)
class DemoTraining:
    """A training session and who attended it: ``attendance`` holds (worker index, passed)."""

    title: str
    organiser_level: str  # 市级, 旗县区, 街道
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    required: bool
    attendance: tuple[tuple[int, bool], ...]


def appraisal_years(today: dt.date) -> range:
    """The last completed years: results of year Y are entered early in Y+1."""
    return range(today.year - APPRAISAL_YEARS, today.year)


def last_run_year(today: dt.date) -> int:
    """The year of the last applied yearly run (§5): the next run, for ``today.year``, counts the
    appraisals of the last completed years, which are all entered (``appraisal_years``)."""
    return today.year - 1


def appraise(rng: Random, tenures: Sequence[Tenure], years: range) -> list[list[tuple[int, str]]]:
    """(year, grade) per worker of one community, keeping 优秀 within the unit's quota."""
    results: list[list[tuple[int, str]]] = [[] for _ in tenures]
    for year in years:
        cutoff = dt.date(year, 7, 1)
        year_end = dt.date(year, 12, 31)
        eligible = [
            i
            for i, t in enumerate(tenures)
            if t.start < cutoff and (t.leave is None or t.leave > year_end)
        ]
        quota = int(len(eligible) * EXCELLENT_QUOTA)
        wanted = round(len(eligible) * _EXCELLENT_SHARE + rng.random() - 0.5)
        excellent = set(rng.sample(eligible, max(0, min(quota, wanted))))
        for i in eligible:
            if i in excellent:
                grade = "优秀"
            else:
                r = rng.random()
                grade = "称职" if r < 0.955 else "基本称职" if r < 0.992 else "不称职"
            results[i].append((year, grade))
    return results


def _session(
    rng: Random,
    title: str,
    level: str,
    start: dt.date,
    days: int,
    hours: str,
    required: bool,
    candidates: Sequence[int],
    share: float,  # float-ok: a probability, not money
) -> DemoTraining:
    attendance = tuple((i, rng.random() < 0.97) for i in candidates if rng.random() < share)
    return DemoTraining(
        title,
        level,
        start,
        start + dt.timedelta(days=days - 1),
        Decimal(hours),
        required,
        attendance,
    )


def plan_training(
    rng: Random,
    today: dt.date,
    tenures: Sequence[Tenure],
    districts: Sequence[tuple[str, Sequence[int]]],
    streets: Sequence[tuple[str, Sequence[int]]],
) -> list[DemoTraining]:
    """Sessions of last year and this year so far: one city course for 正职/副职, one course per
    district and one per street; ``districts``/``streets`` give each unit's worker indices.

    Most serving workers reach 30–60 学时 a year (the 40-学时 requirement): the district's
    4-day course (32) and the street's day (8); 正职/副职 add the city's 2-day course (16)."""
    sessions: list[DemoTraining] = []
    for year in (today.year - 1, today.year):
        start = dt.date(year, 5, 12)
        if start + dt.timedelta(days=1) <= today:
            seniors = [i for i, t in enumerate(tenures) if t.senior and t.serving(start)]
            sessions.append(
                _session(
                    rng,
                    f"{year}年{names.TRAINING_CITY}",
                    "市级",
                    start,
                    2,
                    "16",
                    True,
                    seniors,
                    0.85,
                )
            )
        for order, (district, members) in enumerate(districts):
            start = dt.date(year, 4, 6) + dt.timedelta(days=order % 20)
            if start + dt.timedelta(days=3) <= today:
                serving = [i for i in members if tenures[i].serving(start)]
                sessions.append(
                    _session(
                        rng,
                        f"{district}{year}年{names.TRAINING_DISTRICT}",
                        "旗县区",
                        start,
                        4,
                        "32",
                        True,
                        serving,
                        0.92,
                    )
                )
        for order, (street, members) in enumerate(streets):
            start = dt.date(year, 9, 2) + dt.timedelta(days=order % 25)
            if start <= today:
                topic = names.TRAINING_STREET[(order + year) % len(names.TRAINING_STREET)]
                serving = [i for i in members if tenures[i].serving(start)]
                sessions.append(
                    _session(
                        rng,
                        f"{street}{year}年{topic}",
                        "街道",
                        start,
                        1,
                        "8",
                        False,
                        serving,
                        0.85,
                    )
                )
    return sessions
