"""Certificate registration periods, lapse warnings and continuing education (§6)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from workforce.domain.careers.certificates import (
    Attendance,
    Period,
    continuing_education,
    date_problems,
    hours_text,
    lapses_soon,
    period_on,
    registration_periods,
    yearly_hours,
)

D = dt.date


def test_periods_across_a_renewal() -> None:
    # Registered 2020-06-01, renewed early on 2023-05-20: the first period ends the day before.
    assert registration_periods([D(2020, 6, 1), D(2023, 5, 20)]) == [
        Period(D(2020, 6, 1), D(2023, 5, 19)),
        Period(D(2023, 5, 20), D(2026, 5, 19)),
    ]


def test_leap_day_registration() -> None:
    assert registration_periods([D(2024, 2, 29)]) == [Period(D(2024, 2, 29), D(2027, 2, 27))]


@pytest.mark.parametrize(
    ("day", "start"),
    [(D(2020, 5, 31), None), (D(2021, 1, 1), D(2020, 6, 1)), (D(2023, 6, 1), None)],
)
def test_period_on_a_day(day: dt.date, start: dt.date | None) -> None:
    period = period_on([D(2020, 6, 1)], day)
    assert (period.start if period else None) == start


@pytest.mark.parametrize(
    ("today", "warned"),
    [(D(2023, 3, 2), None), (D(2023, 3, 3), D(2023, 6, 1)), (D(2023, 7, 1), D(2023, 6, 1))],
)
def test_lapse_warning_90_days_ahead(today: dt.date, warned: dt.date | None) -> None:
    assert lapses_soon([D(2020, 6, 1)], today) == warned


def test_continuing_education_counts_only_the_current_period() -> None:
    attended = [
        Attendance(D(2022, 10, 1), Decimal(40)),  # first period
        Attendance(D(2023, 9, 1), Decimal(30)),
        Attendance(D(2024, 4, 1), Decimal("12.5")),
    ]
    ce = continuing_education("社会工作师", [D(2020, 6, 1), D(2023, 6, 1)], attended, D(2024, 6, 1))
    assert ce is not None
    assert (ce.required, ce.earned, ce.short_by) == (Decimal(90), Decimal("42.5"), Decimal("47.5"))
    helper = continuing_education("助理社会工作师", [D(2023, 6, 1)], attended, D(2024, 6, 1))
    assert helper is not None and helper.required == Decimal(72)


def test_yearly_hours() -> None:
    attended = [
        Attendance(D(2025, 1, 5), Decimal(8)),
        Attendance(D(2025, 12, 31), Decimal(4)),
        Attendance(D(2026, 1, 1), Decimal(6)),
    ]
    assert yearly_hours(attended, 2025) == Decimal(12)


def test_dates_must_be_in_order() -> None:
    today = D(2026, 3, 1)
    assert date_problems(D(2020, 5, 1), [D(2020, 6, 1), D(2023, 6, 1)], today) == []
    assert date_problems(D(2020, 5, 1), [D(2020, 4, 1), D(2026, 3, 2)], today) == [
        "登记日期2020-04-01早于取得日期2020-05-01",
        "登记日期2026-03-02晚于今天",
    ]
    assert date_problems(D(2026, 4, 1), [], today) == ["取得日期2026-04-01晚于今天"]


@pytest.mark.parametrize(
    ("hours", "text"), [(Decimal("48.0"), "48"), (Decimal("12.5"), "12.5"), (Decimal(0), "0")]
)
def test_hours_read_out(hours: Decimal, text: str) -> None:
    assert hours_text(hours) == text
