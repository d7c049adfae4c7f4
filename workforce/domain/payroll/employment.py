"""Who is paid in a month and for how many days (§8.1): from the community start date and the
dated status history (在职, 试用, 离职, 退休, 调出).

Conventions (the rules of this program, stated once):
- A status is in force from its effective date; a 离职 effective on the 16th leaves 15 paid days.
- Before a worker's first recorded status change, that first status is taken as in force (the
  first row is written when the file is created, often long after the worker started).
- The month is paid on probation (试用) when the status on its last employed day is 试用.
- Paid days are calendar days; by working days (a region setting) they are the working days of
  the paid stretches against the month's working days (``Employment.working_days``).
- The post and level of a month are those in force on its last day: a change effective any day of
  a month applies to the whole month (so arrears are owed for the month it falls in).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from workforce.domain.payroll.work_calendar import WorkCalendar
from workforce.domain.vocab import ACTIVE_STATUSES, WorkerStatus

PAID_STATUSES = frozenset(s.value for s in ACTIVE_STATUSES)


@dataclass(frozen=True, slots=True)
class MonthSpan:
    first: dt.date
    last: dt.date

    @property
    def days(self) -> int:
        return self.last.day

    @classmethod
    def of(cls, period: dt.date) -> MonthSpan:
        first = period.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return cls(first, last)

    def label(self) -> str:
        return f"{self.first.year}年{self.first.month}月"


@dataclass(frozen=True, slots=True)
class Employment:
    days: int
    probation: bool
    status: str  # the status on the last employed day (or the current one if none)
    spans: tuple[tuple[dt.date, dt.date], ...] = ()  # the paid stretches, first and last day

    def working_days(self, calendar: WorkCalendar) -> int:
        """The paid days that are working days (proration by working days, §8.1)."""
        return sum(calendar.working_days(first, last) for first, last in self.spans)


def status_on(day: dt.date, timeline: Sequence[tuple[dt.date, str]], current: str) -> str:
    """The status in force on ``day``; ``timeline`` is sorted by date (then by entry order)."""
    if not timeline:
        return current
    found = timeline[0][1]
    for effective, status in timeline:
        if effective > day:
            break
        found = status
    return found


def employment_in_month(
    span: MonthSpan,
    joined: dt.date | None,
    timeline: Sequence[tuple[dt.date, str]],
    current: str,
) -> Employment:
    """Paid days of the month (calendar days employed in a paid status) and the probation flag.

    ``timeline`` may be empty when no status change falls after the month's first day: the current
    status then held for the whole month.
    """
    start = span.first if joined is None or joined < span.first else joined
    if start > span.last:
        return Employment(0, False, current)
    if not timeline or all(effective <= span.first for effective, _ in timeline):
        status = current if not timeline else status_on(span.first, timeline, current)
        paid = status in PAID_STATUSES
        days = (span.last - start).days + 1 if paid else 0
        whole = ((start, span.last),) if paid else ()
        return Employment(days, status == WorkerStatus.PROBATION.value, status, whole)
    # Segments between the change dates that fall inside the month.
    cuts = sorted({d for d, _ in timeline if start < d <= span.last})
    days = 0
    spans: list[tuple[dt.date, dt.date]] = []
    last_status = status_on(start, timeline, current)
    segment_start = start
    for boundary in [*cuts, span.last + dt.timedelta(days=1)]:
        status = status_on(segment_start, timeline, current)
        if status in PAID_STATUSES:
            days += (boundary - segment_start).days
            spans.append((segment_start, boundary - dt.timedelta(days=1)))
            last_status = status
        segment_start = boundary
    return Employment(days, last_status == WorkerStatus.PROBATION.value, last_status, tuple(spans))


def in_force_on(
    day: dt.date, changes: Sequence[tuple[dt.date, str, int]]
) -> tuple[str, int] | None:
    """The (post, level) in force on ``day`` from dated changes sorted by date; before the first
    change, the first one (see the module's conventions)."""
    if not changes:
        return None
    found = changes[0]
    for change in changes:
        if change[0] > day:
            break
        found = change
    return found[1], found[2]
