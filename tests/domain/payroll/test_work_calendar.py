"""Working days (§8.1, by working days): Monday–Friday minus the statutory holidays plus the
adjusted working days, from the 2026 notice of the 国务院办公厅 installed with the demo region."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from decimal import Decimal
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workforce.domain.payroll.employment import MonthSpan, employment_in_month
from workforce.domain.payroll.payslip import prorate
from workforce.domain.payroll.work_calendar import WorkCalendar, parse_calendar

D = dt.date


def demo_2026() -> WorkCalendar:
    text = resources.files("workforce.data").joinpath("demo-region.json").read_text("utf-8")
    return parse_calendar(2026, json.loads(text)["settings"]["work_calendar"]["2026"])


CAL = demo_2026()


def month_total(month: int) -> int:
    last = calendar.monthrange(2026, month)[1]
    return CAL.working_days(D(2026, month, 1), D(2026, month, last))


def test_2026_months_by_the_notice() -> None:
    # January: 22 weekdays − 1, 2 January + Sunday 4 January; February: 20 − 16–20, 23
    # February + Saturdays 14 and 28; October: 22 − 1, 2, 5, 6, 7 October + Saturday 10 October.
    assert [month_total(m) for m in range(1, 13)] == [
        21,
        16,
        22,
        21,
        19,
        21,
        23,
        21,
        22,
        18,
        21,
        23,
    ]
    assert sum(month_total(m) for m in range(1, 13)) == 248
    assert CAL.is_working_day(D(2026, 9, 20))  # a Sunday worked (调休上班)
    assert not CAL.is_working_day(D(2026, 6, 19))  # 端午节, a Friday


def test_a_joiner_on_the_16th_of_a_month_with_a_holiday() -> None:
    """June 2026 has 21 working days (端午 on Friday 19 June). A worker joining on Tuesday 16 June
    works 16–18, 22–26, 29–30 June: 10 days, so 3,738 × 10 ÷ 21 = 1,780.00, where calendar days
    would pay 3,738 × 15 ÷ 30 = 1,869.00."""
    span = MonthSpan.of(D(2026, 6, 1))
    employment = employment_in_month(span, D(2026, 6, 16), [], "在职")
    assert (employment.days, employment.working_days(CAL), month_total(6)) == (15, 10, 21)
    assert prorate(Decimal("3738"), 10, 21) == Decimal("1780.00")
    assert prorate(Decimal("3738"), 15, 30) == Decimal("1869.00")


def test_a_leaver_counts_the_working_days_before_leaving() -> None:
    """离职 effective Thursday 8 October: paid 1–7 October, all holidays: no working day."""
    span = MonthSpan.of(D(2026, 10, 1))
    timeline = [(D(2025, 1, 1), "在职"), (D(2026, 10, 8), "离职")]
    employment = employment_in_month(span, None, timeline, "离职")
    assert employment.days == 7
    assert employment.spans == ((D(2026, 10, 1), D(2026, 10, 7)),)
    assert employment.working_days(CAL) == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"holidays": ["2026-13-01"]}, "2026年放假日期：「2026-13-01」不是日期"),
        ({"holidays": [["2026-05-05", "2026-05-01"]]}, "止日早于起日"),
        ({"workdays": ["2027-01-04"]}, "其他年份的日期：2027-01-04"),
        ({"holidays": ["2026-05-09"], "workdays": ["2026-05-09"]}, "既是放假日又是上班日"),
    ],
)
def test_bad_calendars_are_refused_in_words(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_calendar(2026, data)


days = st.dates(min_value=D(2026, 1, 1), max_value=D(2026, 12, 31))


@given(days, days, days)
def test_working_days_add_up_over_a_split(a: dt.date, b: dt.date, c: dt.date) -> None:
    first, middle, last = sorted((a, b, c))
    whole = CAL.working_days(first, last)
    split = CAL.working_days(first, middle) + CAL.working_days(middle + dt.timedelta(1), last)
    assert whole == split <= (last - first).days + 1
