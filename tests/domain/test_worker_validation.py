"""Validation of one worker's file: every problem names its field and value."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.factories import make_worker
from workforce.domain.scale import PostRange
from workforce.domain.worker import validate_worker

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
