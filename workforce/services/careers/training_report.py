"""Training hours read back (§6): the compliance report per community (who is short and by how
much), one worker's sessions and hours, and the reminders list. Bulk reads only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.certificates import add_years
from workforce.domain.careers.compliance import (
    REMINDER_NAMES,
    CertificateFacts,
    HoursStatus,
    ReminderKind,
    hours_status,
    reminders_for,
)
from workforce.domain.problems import ActionRefused
from workforce.persistence.people import TrainingAttendance, TrainingSession, Worker
from workforce.services.careers import facts as career_facts
from workforce.services.careers.facts import Person
from workforce.services.careers.training_screens import SESSION_FACT_COLUMNS, SessionFacts
from workforce.services.context import Actor, Database, require
from workforce.services.roster.retirements import retiring_soon


@dataclass(frozen=True, slots=True)
class ComplianceRow:
    person: Person
    certificate: CertificateFacts | None
    status: HoursStatus


@dataclass(frozen=True, slots=True)
class CommunityCompliance:
    """One community's figures: who met the yearly target, who is short and by how much in all,
    and how many registered social workers are short of continuing education."""

    street: str
    community: str
    headcount: int
    met: int
    short: int
    short_hours: Decimal
    registered: int
    ce_short: int


@dataclass(frozen=True, slots=True)
class ComplianceReport:
    year: int
    on: dt.date
    target: Decimal
    rows: tuple[ComplianceRow, ...]
    communities: tuple[CommunityCompliance, ...]

    @property
    def short_rows(self) -> tuple[ComplianceRow, ...]:
        return tuple(
            r for r in self.rows if r.status.short_by or (r.status.ce and r.status.ce.short_by)
        )


def _summarise(rows: list[ComplianceRow]) -> tuple[CommunityCompliance, ...]:
    groups: dict[tuple[str, str], list[ComplianceRow]] = {}
    for row in rows:
        groups.setdefault((row.person.street, row.person.community), []).append(row)
    return tuple(
        CommunityCompliance(
            street,
            community,
            len(group),
            sum(1 for r in group if not r.status.short_by),
            sum(1 for r in group if r.status.short_by),
            sum((r.status.short_by for r in group), Decimal(0)),
            sum(1 for r in group if r.status.ce is not None),
            sum(1 for r in group if r.status.ce is not None and r.status.ce.short_by),
        )
        for (street, community), group in groups.items()
    )


def training_compliance(
    db: Database,
    actor: Actor,
    *,
    year: int | None = None,
    unit_id: int | None = None,
    today: dt.date | None = None,
) -> ComplianceReport:
    """培训达标情况: every active worker of the unit with the year's hours against the target and
    continuing education in the registration period in force at the year's end (or today)."""
    require(actor, Action.VIEW_WORKERS)
    today = today or dt.date.today()
    year = year or today.year
    if year > today.year:
        raise ActionRefused(f"{year}年尚未到来")
    on = min(today, dt.date(year, 12, 31))
    with db.reading() as session:
        unit = career_facts.find_unit(session, unit_id, actor)
        people = career_facts.people(session, unit)
        certificates = career_facts.certificates(session, unit)
        since = min(dt.date(year, 1, 1), add_years(on, -3))
        attended = career_facts.attendance(session, unit, since)
        target = career_facts.yearly_target(session)
    rows = [
        ComplianceRow(
            p,
            certificates.get(p.worker_id),
            hours_status(
                certificates.get(p.worker_id), attended.get(p.worker_id, []), year, on, target
            ),
        )
        for p in people
    ]
    return ComplianceReport(year, on, target, tuple(rows), _summarise(rows))


@dataclass(frozen=True, slots=True)
class AttendedSession(SessionFacts):
    passed: bool


@dataclass(frozen=True, slots=True)
class WorkerTraining:
    """One worker's sessions (newest first), hours per year and continuing education today."""

    sessions: tuple[AttendedSession, ...]
    hours_by_year: dict[int, Decimal]
    status: HoursStatus
    certificate: CertificateFacts | None


def worker_training(
    db: Database, actor: Actor, worker_id: int, *, today: dt.date | None = None
) -> WorkerTraining:
    require(actor, Action.VIEW_WORKERS)
    today = today or dt.date.today()
    with db.reading() as session:
        if session.get(Worker, worker_id) is None:
            raise ActionRefused(f"人员 {worker_id} 不存在")
        rows = session.execute(
            select(
                *SESSION_FACT_COLUMNS,
                TrainingAttendance.passed,
            )
            .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
            .where(TrainingAttendance.worker_id == worker_id)
            .order_by(TrainingSession.end_date.desc(), TrainingSession.id.desc())
        ).tuples()
        sessions = tuple(AttendedSession(*r) for r in rows)
        certificate = career_facts.certificates_of(session, worker_id)
        target = career_facts.yearly_target(session)
    attended = career_facts.as_attendance((s.end_date, s.hours) for s in sessions if s.passed)
    by_year: dict[int, Decimal] = {}
    for item in attended:
        by_year[item.day.year] = by_year.get(item.day.year, Decimal(0)) + item.hours
    status = hours_status(certificate, attended, today.year, today, target)
    return WorkerTraining(sessions, by_year, status, certificate)


@dataclass(frozen=True, slots=True)
class ReminderRow:
    """提醒: a person, what is due, and the sentence to read out."""

    person: Person
    kind: ReminderKind
    due: dt.date
    text: str
    short_by: Decimal | None

    @property
    def kind_name(self) -> str:
        return REMINDER_NAMES[self.kind]


def reminders(
    db: Database,
    actor: Actor,
    *,
    unit_id: int | None = None,
    today: dt.date | None = None,
    kinds: frozenset[ReminderKind] | None = None,
    within_days: int | None = None,
) -> list[ReminderRow]:
    """Registrations lapsing within 90 days or lapsed, continuing education short in the current
    period, yearly hours short, and statutory retirements within 12 months (issue 19), for the
    unit's active workers; soonest first. ``within_days`` keeps those due by today + N days
    (what is overdue included)."""
    require(actor, Action.VIEW_WORKERS)
    today = today or dt.date.today()

    def wanted(kind: ReminderKind) -> bool:
        return kinds is None or kind in kinds

    with db.reading() as session:
        unit = career_facts.find_unit(session, unit_id, actor)
        people = career_facts.people(session, unit)
        certificates = career_facts.certificates(session, unit)
        since = min(dt.date(today.year, 1, 1), add_years(today, -3))
        attended = career_facts.attendance(session, unit, since)
        target = career_facts.yearly_target(session)
        retiring = (
            retiring_soon(session, unit.id if unit else None, today)
            if wanted(ReminderKind.RETIRING)
            else []
        )
    by_id = {p.worker_id: p for p in people}
    found = [
        ReminderRow(p, r.kind, r.due, r.text, r.short_by)
        for p in people
        for r in reminders_for(
            certificates.get(p.worker_id), attended.get(p.worker_id, []), today, target
        )
        if wanted(r.kind)
    ]
    found += [
        ReminderRow(
            by_id[r.worker_id],
            ReminderKind.RETIRING,
            r.retirement.date,
            f"{r.retirement.date:%Y年%m月%d日}达到法定退休年龄"
            f"（{r.retirement.age_text}，原{r.retirement.original_age}岁）",
            None,
        )
        for r in retiring
        if r.worker_id in by_id
    ]
    if within_days is not None:
        last = today + dt.timedelta(days=within_days)
        found = [r for r in found if r.due <= last]
    order = list(ReminderKind)
    return sorted(
        found,
        key=lambda r: (
            order.index(r.kind),
            r.due,
            r.person.street,
            r.person.community,
            r.person.name,
        ),
    )
