"""Test factories: valid workers with overrides (``make_worker(level=5)``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from workforce.domain.idcard import make_id_number
from workforce.domain.roster.worker import WorkerInput


def make_id(sequence: int = 1, birth: dt.date = dt.date(1990, 5, 17), male: bool = True) -> str:
    return make_id_number("150102", birth, sequence, male)


def make_worker(community_id: int, sequence: int = 1, **overrides: Any) -> WorkerInput:
    """A valid 其他社区工作者 at level 3, born 1990-05-17; ``sequence`` varies the ID number.

    Work started 2012-07-01 (or at 18, for someone born too late for that: a worker is at least
    16 on the day work starts, spec §10) and community work 2018-03-01 (or when work started)."""
    birth = overrides.pop("birth_date", dt.date(1990, 5, 17))
    work = max(dt.date(2012, 7, 1), dt.date(birth.year + 18, 7, 1))
    joined = max(dt.date(2018, 3, 1), overrides.get("work_start_date") or work)
    male = overrides.pop("male", True)
    base = WorkerInput(
        id_number=make_id(sequence, birth, male),
        name=f"测试{sequence}",
        sex="男" if male else "女",
        birth_date=birth,
        community_id=community_id,
        post="staff",
        level=3,
        highest_education="本科",
        fulltime_education="大专",
        community_start_date=joined,
        work_start_date=work,
    )
    return replace(base, **overrides)
