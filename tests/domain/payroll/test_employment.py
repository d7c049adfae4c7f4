"""Paid days and probation in a month (§8.1) from the start date and the status history."""

from __future__ import annotations

import datetime as dt

import pytest

from workforce.domain.payroll.employment import MonthSpan, employment_in_month, in_force_on

MARCH = MonthSpan.of(dt.date(2026, 3, 1))
D = dt.date


@pytest.mark.parametrize(
    ("joined", "timeline", "current", "days", "probation"),
    [
        (D(2018, 3, 1), [], "在职", 31, False),
        (D(2026, 3, 16), [], "试用", 16, True),
        (D(2026, 4, 1), [], "在职", 0, False),
        (None, [(D(2026, 3, 11), "离职")], "离职", 0, False),  # first status extends back
        (None, [(D(2020, 1, 1), "在职"), (D(2026, 3, 11), "离职")], "离职", 10, False),
        (None, [(D(2020, 1, 1), "在职"), (D(2026, 2, 1), "离职")], "离职", 0, False),
        (None, [(D(2026, 1, 1), "试用"), (D(2026, 3, 16), "在职")], "在职", 31, False),
        (None, [(D(2026, 1, 1), "在职"), (D(2026, 3, 20), "退休")], "退休", 19, False),
        (None, [(D(2026, 11, 25), "在职")], "在职", 31, False),  # file created later
        (D(2026, 3, 10), [(D(2026, 3, 10), "试用"), (D(2026, 3, 25), "离职")], "离职", 15, True),
    ],
)
def test_paid_days(
    joined: dt.date | None,
    timeline: list[tuple[dt.date, str]],
    current: str,
    days: int,
    probation: bool,
) -> None:
    employment = employment_in_month(MARCH, joined, timeline, current)
    assert (employment.days, employment.probation) == (days, probation)


def test_post_and_level_in_force_on_the_last_day() -> None:
    changes = [(D(2020, 1, 1), "staff", 3), (D(2026, 3, 15), "staff", 4)]
    assert in_force_on(MARCH.last, changes) == ("staff", 4)
    assert in_force_on(D(2026, 2, 28), changes) == ("staff", 3)
    assert in_force_on(D(2019, 1, 1), changes) == ("staff", 3)
    assert in_force_on(D(2019, 1, 1), []) is None


def test_month_span() -> None:
    february = MonthSpan.of(dt.date(2024, 2, 17))
    assert (february.first, february.last, february.days) == (D(2024, 2, 1), D(2024, 2, 29), 29)
    assert february.label() == "2024年2月"
