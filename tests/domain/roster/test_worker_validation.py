"""Validation of one worker's file: every problem names its field and value."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.factories import make_worker
from workforce.domain.roster.worker import validate_worker
from workforce.domain.scale import PostRange

POSTS = {
    "principal": PostRange("principal", "社区正职", 7, 18),
    "staff": PostRange("staff", "其他社区工作者", 1, 12),
}
TODAY = dt.date(2026, 11, 25)


def codes(**overrides: object) -> list[str]:
    worker = replace(make_worker(1), **overrides)  # type: ignore[arg-type]
    return [p.code for p in validate_worker(worker, POSTS, TODAY)]


def test_valid_worker_has_no_problems() -> None:
    assert codes() == []


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"name": " "}, "missing_name"),
        ({"id_number": "150102199005170011"}, "invalid_id_number"),
        ({"birth_date": dt.date(1990, 5, 18)}, "birth_date_mismatch"),
        ({"sex": "女"}, "sex_mismatch"),
        ({"post": "deputy"}, "unknown_post"),
        ({"level": 13}, "level_out_of_range"),
        ({"post": "principal", "level": 6}, "level_out_of_range"),
        ({"highest_education": "小学"}, "invalid_highest_education"),
        ({"community_start_date": dt.date(2027, 1, 1)}, "future_date"),
        ({"work_start_date": dt.date(1980, 1, 1)}, "date_before_birth"),
        ({"community_start_date": dt.date(2010, 1, 1)}, "community_before_work"),
        ({"bank_account": "6222020200112233441"}, "bank_account_luhn"),
    ],
)
def test_each_rule(overrides: dict[str, object], code: str) -> None:
    assert code in codes(**overrides)


def test_luhn_failure_is_only_a_warning() -> None:
    worker = replace(make_worker(1), bank_account="6222020200112233441")
    (problem,) = validate_worker(worker, POSTS, TODAY)
    assert not problem.is_error
    assert problem.where.column == "银行账号"


def born(day: dt.date, **overrides: object) -> dict[str, tuple[str, str, str]]:
    """Problems of a worker born on ``day`` (the ID number agrees)."""
    worker = make_worker(1, birth_date=day, **overrides)
    return {
        p.code: (p.where.column, p.where.value, p.message)
        for p in validate_worker(worker, POSTS, TODAY)
    }


def test_a_birth_date_in_the_future_is_refused_naming_field_and_value() -> None:
    found = born(dt.date(2030, 1, 1), work_start_date=None, community_start_date=None)
    assert list(found) == ["birth_in_future"]
    column, value, message = found["birth_in_future"]
    assert (column, value) == ("出生日期", "2030-01-01")
    assert "晚于今天" in message


@pytest.mark.parametrize(
    ("birth", "entry", "ok"),
    [
        (dt.date(1994, 3, 1), dt.date(2010, 3, 1), True),  # 16 on the day work starts
        (dt.date(1994, 3, 2), dt.date(2010, 3, 1), False),  # 15 years 364 days
        (dt.date(1996, 2, 29), dt.date(2012, 2, 29), True),  # leap-day birthday, 16th on the day
        (dt.date(1950, 3, 2), dt.date(2021, 3, 1), True),  # 70 years 364 days: still 70
        (dt.date(1950, 3, 1), dt.date(2020, 3, 1), True),  # exactly 70
        (dt.date(1950, 3, 1), dt.date(2021, 3, 1), False),  # 71: over 70
    ],
)
def test_age_at_entry_is_16_to_70(birth: dt.date, entry: dt.date, ok: bool) -> None:
    found = born(birth, work_start_date=entry, community_start_date=entry)
    codes_found = [code for code in found if code == "age_at_entry"]
    assert codes_found == ([] if ok else ["age_at_entry"])


def test_each_work_date_is_checked_and_named() -> None:
    birth = dt.date(1990, 5, 17)
    found = born(
        birth, work_start_date=dt.date(2005, 7, 1), community_start_date=dt.date(2018, 3, 1)
    )
    column, value, message = found["age_at_entry"]
    assert (column, value) == ("参加工作时间", "2005-07-01")
    assert "15岁" in message and "1990-05-17" in message and "16–70" in message


def test_without_work_dates_the_age_today_counts() -> None:
    """No 参加工作时间 nor 进入社区工作时间: the file starts today, so the age today is checked."""
    young = dt.date(2010, 11, 26)  # 15 on TODAY (2026-11-25)
    found = born(young, work_start_date=None, community_start_date=None)
    assert found["age_at_entry"][:2] == ("出生日期", "2010-11-26")
    assert "未填写参加工作时间和进入社区工作时间" in found["age_at_entry"][2]
    assert "age_at_entry" not in born(
        dt.date(2010, 11, 25), work_start_date=None, community_start_date=None
    )
    old = dt.date(1955, 11, 25)  # 71 today
    assert "age_at_entry" in born(old, work_start_date=None, community_start_date=None)


def test_over_70_without_work_dates_is_fine_once_no_longer_paid() -> None:
    """A retired or departed worker's file may be kept at any age; only a paid status starts now."""
    old = dt.date(1945, 1, 1)
    for status in ("退休", "离职", "调出"):
        found = born(old, work_start_date=None, community_start_date=None, status=status)
        assert "age_at_entry" not in found, status
