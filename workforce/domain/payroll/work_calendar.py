"""Working days for proration (§8.1: joining or leaving mid-month pays by calendar days,
configurable: by working days).

A working day is Monday to Friday, except the statutory holidays (放假), plus the adjusted working
days (调休上班) on a weekend, as the yearly notice of the 国务院办公厅 sets them. The calendar is
dated data (a region setting), one entry per year:
``{"2026": {"source": "...", "holidays": [["2026-01-01", "2026-01-03"], ...],
"workdays": ["2026-01-04", ...]}}``; a holiday is a date or an inclusive [from, to] range.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

CALENDAR_DAYS, WORKING_DAYS = "calendar_days", "working_days"
PRORATIONS = {CALENDAR_DAYS: "按日历天数", WORKING_DAYS: "按工作日"}


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """One year's 节假日安排: the days off (放假) and the weekend days worked (调休上班)."""

    year: int
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]
    source: str = ""

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def working_days(self, first: dt.date, last: dt.date) -> int:
        """Working days from ``first`` to ``last`` inclusive (0 when ``last`` is before
        ``first``); both in this calendar's year."""
        if last < first:
            return 0
        if first.year != self.year or last.year != self.year:
            raise ValueError(f"{first}–{last} is outside the {self.year} calendar")
        count = 0
        day = first
        while day <= last:
            count += self.is_working_day(day)
            day += dt.timedelta(days=1)
        return count


def _day(value: Any, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{where}：「{value}」不是日期（应为 YYYY-MM-DD）") from None


def _days(entries: Iterable[Any], where: str) -> set[dt.date]:
    found: set[dt.date] = set()
    for entry in entries:
        if isinstance(entry, list | tuple):
            if len(entry) != 2:
                raise ValueError(f"{where}：「{entry}」应为一个日期或[起, 止]两个日期")
            first, last = _day(entry[0], where), _day(entry[1], where)
            if last < first:
                raise ValueError(f"{where}：{first}–{last} 止日早于起日")
            found.update(first + dt.timedelta(days=n) for n in range((last - first).days + 1))
        else:
            found.add(_day(entry, where))
    return found


def parse_calendar(year: int, data: Mapping[str, Any]) -> WorkCalendar:
    """A year's calendar from its setting entry; ValueError names the list and the value."""
    holidays = _days(data.get("holidays", ()), f"{year}年放假日期")
    workdays = _days(data.get("workdays", ()), f"{year}年调休上班日期")
    for day in sorted(holidays | workdays):
        if day.year != year:
            raise ValueError(f"{year}年节假日安排中有其他年份的日期：{day}")
    both = sorted(holidays & workdays)
    if both:
        raise ValueError(f"{year}年节假日安排中{both[0]}既是放假日又是上班日")
    return WorkCalendar(year, frozenset(holidays), frozenset(workdays), str(data.get("source", "")))


def month_days(calendar: WorkCalendar, month: dt.date) -> tuple[list[str], list[str]]:
    """The month's holidays and adjusted working days as ISO dates (kept with the month's
    payroll, so its proration can be read back)."""

    def within(days: frozenset[dt.date]) -> list[str]:
        return sorted(d.isoformat() for d in days if (d.year, d.month) == (month.year, month.month))

    return within(calendar.holidays), within(calendar.workdays)
