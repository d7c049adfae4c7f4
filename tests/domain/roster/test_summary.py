"""The roster summary line, computed by hand for four people."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workforce.domain.roster.summary import summarise_roster

ON = dt.date(2026, 11, 25)


def test_four_people() -> None:
    people = [
        (dt.date(1991, 11, 26), "本科", True),  # 34: under 35 by one day
        (dt.date(1991, 11, 25), "大专", False),  # 35 today
        (dt.date(1980, 1, 1), "硕士", False),  # 46
        (dt.date(2000, 6, 1), "高中/中专", True),  # 26
    ]
    summary = summarise_roster(people, ON)
    assert (summary.headcount, summary.bachelor_ratio, summary.average_age) == (
        4,
        Decimal("50.0"),
        Decimal("35.3"),
    )
    assert (summary.under_35_ratio, summary.certified_ratio) == (Decimal("50.0"), Decimal("50.0"))
    assert summary.describe() == (
        "合计4人；本科以上学历占50.0%；平均年龄35.3岁；35岁以下占50.0%；持证率50.0%"
    )


def test_empty_roster() -> None:
    assert summarise_roster([], ON).average_age == Decimal("0.0")
