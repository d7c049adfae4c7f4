"""Who is short of training hours and whose registration lapses (§6), person by person.

A person's hours are the sessions attended and passed, counted on each session's end date. Every
session counts towards both the yearly target (demo 40 学时) and the continuing education of the
current registration period (72/90 学时). Only the highest social-work certificate a person holds
is followed (an upgraded 助理 certificate lapsing is no news); its registrations are those of every
certificate row of that level (a roster re-import may have added a row for a renewal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from workforce.domain.careers.certificates import (
    CE_HOURS,
    Attendance,
    ContinuingEducation,
    continuing_education,
    hours_text,
    lapse_date,
    lapses_soon,
    yearly_hours,
)
from workforce.domain.careers.ladder import CERTIFICATE_LADDER

DEFAULT_YEARLY_HOURS = Decimal(40)
SOCIAL_WORK = "社会工作者职业水平证书"
ORGANISER_LEVELS = ("市级", "旗县区", "街道")


@dataclass(frozen=True, slots=True)
class CertificateFacts:
    """A person's social-work certificate as the rules need it: level and registration dates."""

    level: str
    registrations: tuple[dt.date, ...]


def followed_certificate(held: Sequence[tuple[str, dt.date | None]]) -> CertificateFacts | None:
    """Of (level, registration date) pairs, the highest level with all its registrations; None
    when nothing held is a social-work level."""
    levels = [level for level, _ in held if level in CERTIFICATE_LADDER]
    if not levels:
        return None
    best = max(levels, key=lambda level: CERTIFICATE_LADDER[level])
    dates = sorted({day for level, day in held if level == best and day is not None})
    return CertificateFacts(best, tuple(dates))


@dataclass(frozen=True, slots=True)
class HoursStatus:
    """One person's hours in a year against the target, and in the current registration period
    against the continuing-education requirement (None without a registration in force)."""

    year: int
    hours: Decimal
    target: Decimal
    ce: ContinuingEducation | None

    @property
    def short_by(self) -> Decimal:
        return max(Decimal(0), self.target - self.hours)


def hours_status(
    certificate: CertificateFacts | None,
    attended: Sequence[Attendance],
    year: int,
    on: dt.date,
    target: Decimal = DEFAULT_YEARLY_HOURS,
) -> HoursStatus:
    """Hours of ``year`` and continuing education on ``on``."""
    ce = None
    if certificate is not None and certificate.registrations:
        ce = continuing_education(certificate.level, certificate.registrations, attended, on)
    return HoursStatus(year, yearly_hours(attended, year), target, ce)


class ReminderKind(StrEnum):
    LAPSING = "registration_lapsing"
    LAPSED = "registration_lapsed"
    CE_SHORT = "ce_short"
    YEARLY_SHORT = "yearly_short"


REMINDER_NAMES = {
    ReminderKind.LAPSING: "登记即将到期",
    ReminderKind.LAPSED: "登记已过期",
    ReminderKind.CE_SHORT: "继续教育学时不足",
    ReminderKind.YEARLY_SHORT: "年度培训学时不足",
}


@dataclass(frozen=True, slots=True)
class Reminder:
    kind: ReminderKind
    due: dt.date
    text: str
    short_by: Decimal | None = None


def reminders_for(
    certificate: CertificateFacts | None,
    attended: Sequence[Attendance],
    today: dt.date,
    target: Decimal = DEFAULT_YEARLY_HOURS,
) -> list[Reminder]:
    """A registration lapsing within 90 days or lapsed, continuing education short in the current
    period, yearly hours short of the target."""
    found: list[Reminder] = []
    registrations = certificate.registrations if certificate else ()
    lapse = lapses_soon(registrations, today)
    if certificate is not None and lapse is not None:
        end = lapse - dt.timedelta(days=1)
        if lapse > today:
            days = (lapse - today).days
            text = f"{certificate.level}登记有效期至{end:%Y-%m-%d}，还有{days}天到期，请办理再登记"
            found.append(Reminder(ReminderKind.LAPSING, end, text))
        else:
            text = f"{certificate.level}登记已于{end:%Y-%m-%d}期满失效，请办理再登记"
            found.append(Reminder(ReminderKind.LAPSED, end, text))
    if certificate is not None and registrations:
        ce = continuing_education(certificate.level, registrations, attended, today, CE_HOURS)
        if ce is not None and ce.short_by > 0:
            text = (
                f"本登记周期（{ce.period.start:%Y-%m-%d}至{ce.period.end:%Y-%m-%d}）继续教育"
                f"{hours_text(ce.earned)}学时，还差{hours_text(ce.short_by)}学时（应达{hours_text(ce.required)}学时）"
            )
            found.append(Reminder(ReminderKind.CE_SHORT, ce.period.end, text, ce.short_by))
    hours = yearly_hours(attended, today.year)
    if hours < target:
        short = target - hours
        text = (
            f"{today.year}年培训{hours_text(hours)}学时，还差{hours_text(short)}学时"
            f"（年度要求{hours_text(target)}学时）"
        )
        found.append(Reminder(ReminderKind.YEARLY_SHORT, dt.date(today.year, 12, 31), text, short))
    return found


def valid_until(registrations: Sequence[dt.date]) -> dt.date | None:
    """The last day the latest registration is in force (the day before it lapses)."""
    lapse = lapse_date(registrations)
    return lapse - dt.timedelta(days=1) if lapse else None
