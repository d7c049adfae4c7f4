"""Social-work certificates and continuing education (§6): registration periods of 3 years,
lapse warnings 90 days ahead, and continuing-education hours per registration period
(72 学时 for 助理, 90 for 中级/高级). Allowance and ladder credit start from registration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

REGISTRATION_YEARS = 3
LAPSE_WARNING_DAYS = 90
ONE_DAY = dt.timedelta(days=1)
CE_HOURS = {"助理社会工作师": Decimal(72), "社会工作师": Decimal(90), "高级社会工作师": Decimal(90)}


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True, slots=True)
class Period:
    """One registration period: from a registration up to the day before it lapses or the next
    registration, whichever is first."""

    start: dt.date
    end: dt.date  # inclusive

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def registration_periods(registrations: Sequence[dt.date]) -> list[Period]:
    """Periods of a certificate's registrations (first registration and each renewal)."""
    return [Period(start, end) for start, end in _periods(registrations)]


def valid_spans(registrations: Sequence[dt.date]) -> list[Period]:
    """The stretches a certificate stays registered: a renewal made before the lapse continues
    the stretch, one made after it starts a new stretch after a gap."""
    return [Period(start, end) for start, end in valid_stretches(registrations)]


def _periods(registrations: Sequence[dt.date]) -> list[tuple[dt.date, dt.date]]:
    dates = sorted(set(registrations))
    periods = []
    for index, start in enumerate(dates):
        lapse = add_years(start, REGISTRATION_YEARS) - ONE_DAY
        if index + 1 < len(dates):
            lapse = min(lapse, dates[index + 1] - ONE_DAY)
        periods.append((start, lapse))
    return periods


def valid_stretches(registrations: Sequence[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """``valid_spans`` as (first, last day) pairs (the payroll asks it of every certificate)."""
    spans: list[tuple[dt.date, dt.date]] = []
    for start, end in _periods(registrations):
        if spans and spans[-1][1] + ONE_DAY == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def period_on(registrations: Sequence[dt.date], day: dt.date) -> Period | None:
    """The registration period in force on ``day``; None before registration or after a lapse."""
    return next((p for p in registration_periods(registrations) if p.contains(day)), None)


def lapse_date(registrations: Sequence[dt.date]) -> dt.date | None:
    """The day the latest registration lapses (3 years after it)."""
    return add_years(max(registrations), REGISTRATION_YEARS) if registrations else None


def lapses_soon(registrations: Sequence[dt.date], today: dt.date) -> dt.date | None:
    """The lapse date when it falls within the next 90 days (or has passed), else None."""
    lapse = lapse_date(registrations)
    if lapse is None or (lapse - today).days > LAPSE_WARNING_DAYS:
        return None
    return lapse


def hours_text(value: Decimal) -> str:
    """学时 as read out: 48, 12.5 (never 48.0 or 4.8E+1)."""
    return f"{value.normalize():f}"


@dataclass(frozen=True, slots=True)
class Attendance:
    """Hours a person earned at one session (attended and passed), on the session's end date."""

    day: dt.date
    hours: Decimal


@dataclass(frozen=True, slots=True)
class ContinuingEducation:
    period: Period
    required: Decimal
    earned: Decimal

    @property
    def short_by(self) -> Decimal:
        return max(Decimal(0), self.required - self.earned)


def continuing_education(
    level: str,
    registrations: Sequence[dt.date],
    attended: Sequence[Attendance],
    today: dt.date,
    required_hours: Mapping[str, Decimal] = CE_HOURS,
) -> ContinuingEducation | None:
    """Hours earned in the current registration period against the requirement for the level."""
    period = period_on(registrations, today)
    if period is None or level not in required_hours:
        return None
    earned = sum((a.hours for a in attended if period.contains(a.day)), Decimal(0))
    return ContinuingEducation(period, required_hours[level], earned)


def yearly_hours(attended: Sequence[Attendance], year: int) -> Decimal:
    """General training hours of a calendar year (the yearly target is 40 学时 in the demo)."""
    return sum((a.hours for a in attended if a.day.year == year), Decimal(0))


def date_problems(
    obtained: dt.date | None, registrations: Sequence[dt.date], today: dt.date
) -> list[str]:
    """Dates in order (obtained ≤ each registration ≤ today), each problem in words."""
    problems = []
    if obtained is not None and obtained > today:
        problems.append(f"取得日期{obtained:%Y-%m-%d}晚于今天")
    for day in sorted(set(registrations)):
        if day > today:
            problems.append(f"登记日期{day:%Y-%m-%d}晚于今天")
        if obtained is not None and day < obtained:
            problems.append(f"登记日期{day:%Y-%m-%d}早于取得日期{obtained:%Y-%m-%d}")
    return problems
