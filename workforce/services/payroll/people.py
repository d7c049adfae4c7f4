"""Who is paid in a month and with what regular pay (§8.1), read in bulk: one query per table,
never one per worker (PERF-NOTES: a 100,000-worker month in seconds).

Status and post/level histories are read only for the workers with a change after the month
began (or ended); everyone else's current status and level held for the whole month.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select, union
from sqlalchemy.orm import Session

from workforce.domain.money import ZERO, round_fen
from workforce.domain.payroll.employment import (
    PAID_STATUSES,
    Employment,
    MonthSpan,
    employment_in_month,
    in_force_on,
)
from workforce.domain.payroll.pay_composition import (
    Allowances,
    PayFacts,
    certificate_allowance_since,
    regular_lines,
)
from workforce.domain.payroll.payslip import SEPARATE, PayLine
from workforce.domain.payroll.work_calendar import WorkCalendar
from workforce.domain.problems import ActionRefused
from workforce.domain.scale import ScaleVersion
from workforce.domain.vocab import WorkerStatus
from workforce.persistence.careers import CertificateRegistration
from workforce.persistence.payroll import PayItem, PayrollMonth, Payslip
from workforce.persistence.people import Certificate, PostLevelChange, StatusChange, Worker
from workforce.persistence.plain import dates_of, plain_rows


@dataclass(slots=True)
class Person:
    """One worker paid in the month, with the month's facts; ``regular`` lines are shared by
    everyone with the same facts, ``extra`` lines (items, arrears) are the worker's own."""

    worker_id: int
    name: str
    community_id: int
    post: str
    level: int
    status: str
    days: int
    probation: bool
    joined: dt.date | None
    regular: tuple[PayLine, ...]
    extra: list[PayLine]

    @property
    def lines(self) -> tuple[PayLine, ...]:
        return self.regular + tuple(self.extra) if self.extra else self.regular


def _timelines(session: Session, since: dt.date) -> dict[int, list[tuple[dt.date, str]]]:
    changed = select(StatusChange.worker_id).where(StatusChange.effective_date > since)
    timelines: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    rows = session.execute(
        select(StatusChange.worker_id, StatusChange.effective_date, StatusChange.status)
        .where(StatusChange.worker_id.in_(changed))
        .order_by(StatusChange.worker_id, StatusChange.effective_date, StatusChange.id)
    )
    for worker_id, effective, status in rows:
        timelines[worker_id].append((effective, status))
    return timelines


def _level_histories(session: Session, after: dt.date) -> dict[int, list[tuple[dt.date, str, int]]]:
    changed = select(PostLevelChange.worker_id).where(PostLevelChange.effective_date > after)
    histories: dict[int, list[tuple[dt.date, str, int]]] = defaultdict(list)
    rows = session.execute(
        select(
            PostLevelChange.worker_id,
            PostLevelChange.effective_date,
            PostLevelChange.post,
            PostLevelChange.level,
        )
        .where(PostLevelChange.worker_id.in_(changed))
        .order_by(PostLevelChange.worker_id, PostLevelChange.effective_date, PostLevelChange.id)
    )
    for worker_id, effective, post, level in rows:
        histories[worker_id].append((effective, post, level))
    return histories


def _certificates(
    session: Session, span: MonthSpan, allowances: Allowances
) -> dict[int, tuple[str, dt.date]]:
    """Per worker, the best-paid certificate whose allowance is paid in the month: registered,
    started, not lapsed (§6; a renewal before the lapse does not restart it)."""
    best: dict[int, tuple[str, dt.date]] = {}
    amounts = allowances.certificate
    certificate = Certificate.__table__.c
    registration = CertificateRegistration.__table__.c
    dates = union(
        select(registration.certificate_id, registration.registered_date),
        select(certificate.id, certificate.registered_date).where(
            certificate.registered_date.is_not(None)
        ),
    ).subquery()
    rows = plain_rows(
        session,
        select(certificate.id, certificate.worker_id, certificate.level, dates.c.registered_date)
        .join(dates, dates.c.certificate_id == certificate.id)
        .where(certificate.level.in_(sorted(amounts)), dates.c.registered_date <= span.last)
        .order_by(certificate.id),
    )
    registered_on = dates_of(row[3] for row in rows)
    registrations: dict[int, tuple[int, str, list[dt.date]]] = {}
    for certificate_id, worker_id, level, registered in rows:
        entry = registrations.get(certificate_id)
        if entry is None:
            entry = registrations[certificate_id] = (worker_id, level, [])
        entry[2].append(registered_on[registered])  # (dated registrations only)
    # Certificates registered on the same days start their allowance alike: decided once.
    decided: dict[tuple[dt.date, ...], dt.date | None] = {}
    for worker_id, level, days in registrations.values():
        key = tuple(days)
        if key in decided:
            since = decided[key]
        else:
            since = decided[key] = certificate_allowance_since(
                days, span.first, allowances.certificate_from_next_month
            )
        if since is None:
            continue
        held = best.get(worker_id)
        if held is None or amounts[level] > amounts[held[0]]:
            best[worker_id] = (level, since)
    return best


_PROBATION = WorkerStatus.PROBATION.value

Employed = tuple[int, str, int, str, int, str, Employment, dt.date | None]
"""worker id, name, community, current post, level, duties, the month's employment, joined."""


def employed_in_month(session: Session, span: MonthSpan) -> list[Employed]:
    """Everyone employed for at least one day of the month, by their status history (§8.1):
    who the calculation pays, and who ``verify`` expects a payslip for."""
    timelines = _timelines(session, span.first)
    worker = Worker.__table__.c  # plain DBAPI rows: no per-row result processing
    rows = plain_rows(
        session,
        select(
            worker.id,
            worker.name,
            worker.community_id,
            worker.post,
            worker.level,
            worker.duties,
            worker.status,
            worker.community_start_date,
        )
        .where(
            or_(
                worker.status.in_(sorted(PAID_STATUSES)),
                worker.id.in_(
                    select(StatusChange.worker_id).where(StatusChange.effective_date > span.first)
                ),
            )
        )
        .order_by(worker.id),
    )
    joined_on = dates_of(row[7] for row in rows)
    whole: dict[tuple[dt.date, str], Employment] = {}
    employed: list[Employed] = []
    for worker_id, name, community_id, current_post, current_level, duties, status, started in rows:
        joined = joined_on.get(started)
        timeline = timelines.get(worker_id)
        if timeline is None:  # the current status held all month (the usual case, inlined)
            if status not in PAID_STATUSES or (joined is not None and joined > span.last):
                continue
            start = span.first if joined is None or joined < span.first else joined
            employment = whole.get((start, status))  # shared by everyone who started alike
            if employment is None:
                employment = whole[(start, status)] = Employment(
                    (span.last - start).days + 1,
                    status == _PROBATION,
                    status,
                    ((start, span.last),),
                )
        else:
            employment = employment_in_month(span, joined, timeline, status)
            if employment.days <= 0:
                continue
        employed.append(
            (worker_id, name, community_id, current_post, current_level, duties, employment, joined)
        )
    return employed


def load_people(
    session: Session,
    span: MonthSpan,
    scale: ScaleVersion,
    allowances: Allowances,
    calendar: WorkCalendar | None = None,
) -> list[Person]:
    """Everyone employed for at least one day of the month, with their regular pay lines and
    paid days: calendar days, or working days when a ``calendar`` is given (§8.1).

    Refuses when a worker's post and level have no amount in the scale in force.
    """
    employed = employed_in_month(session, span)
    levels = _level_histories(session, span.last)
    certificates = _certificates(session, span, allowances)
    cache: dict[tuple[object, ...], tuple[PayLine, ...]] = {}
    working: dict[tuple[tuple[dt.date, dt.date], ...], int] = {}
    people: list[Person] = []
    missing: list[str] = []
    for (
        worker_id,
        name,
        community_id,
        current_post,
        current_level,
        duties,
        employment,
        joined,
    ) in employed:
        days = employment.days
        if calendar is not None:  # by working days; nearly everyone shares the whole month
            days = working.get(employment.spans, -1)
            if days < 0:
                days = working[employment.spans] = employment.working_days(calendar)
        history = levels.get(worker_id)
        post, level = current_post, current_level
        if history:
            post, level = in_force_on(span.last, history) or (post, level)
        certificate = certificates.get(worker_id)
        # The certificate's date only decides whether its allowance has started, which
        # ``_certificates`` settled: workers with the same level share one tuple of lines.
        key = (
            post,
            level,
            duties == "一肩挑",
            certificate[0] if certificate else None,
            employment.probation,
        )
        lines = cache.get(key)
        if lines is None:
            facts = PayFacts(
                post,
                level,
                duties,
                certificate[0] if certificate else None,
                certificate[1] if certificate else None,
                employment.probation,
            )
            try:
                lines = regular_lines(facts, scale, allowances, span.first)
            except KeyError:
                missing.append(f"{name}（{post} {level}级）")
                continue
            cache[key] = lines
        people.append(
            Person(
                worker_id,
                name,
                community_id,
                post,
                level,
                employment.status,
                days,
                employment.probation,
                joined,
                lines,
                [],
            )
        )
    if missing:
        raise ActionRefused(
            f"{span.label()}的薪酬标准中没有以下人员的岗位等级：{'、'.join(missing[:5])}"
            + (f"等{len(missing)}人" if len(missing) > 5 else "")
        )
    return people


def add_items(
    session: Session, span: MonthSpan, people: list[Person], bonus_default: str = SEPARATE
) -> int:
    """Append the month's items (取暖补贴, 扣款, 全年一次性奖金 …) to each person's lines; returns
    how many. An annual bonus without its own treatment takes the region's ``bonus_default``.
    Refuses items of workers not employed in the month."""
    by_worker = {p.worker_id: p for p in people}
    count = 0
    orphans: set[int] = set()
    rows = session.execute(
        select(
            PayItem.worker_id,
            PayItem.code,
            PayItem.name,
            PayItem.amount,
            PayItem.taxable,
            PayItem.insurable,
            PayItem.after_tax,
            PayItem.annual_bonus,
        )
        .where(PayItem.period == span.first)
        .order_by(PayItem.worker_id, PayItem.id)
    )
    for worker_id, code, name, amount, taxable, insurable, after_tax, bonus in rows:
        person = by_worker.get(worker_id)
        if person is None:
            orphans.add(worker_id)
            continue
        person.extra.append(
            PayLine(
                f"item:{code}",
                name,
                amount,
                taxable=taxable,
                after_tax=after_tax,
                insurable=insurable,
                bonus="" if bonus is None else bonus or bonus_default,
            )
        )
        count += 1
    if orphans:
        names = session.scalars(
            select(Worker.name).where(Worker.id.in_(sorted(orphans))).order_by(Worker.id)
        ).all()
        raise ActionRefused(
            f"以下人员{span.label()}不在职，不能发放本月项目：{'、'.join(names[:5])}"
            + (f"等{len(names)}人" if len(names) > 5 else "")
        )
    refuse_second_separate_bonus(session, span, people)
    return count


def refuse_second_separate_bonus(session: Session, span: MonthSpan, people: list[Person]) -> None:
    """全年一次性奖金单独计税 is allowed once a year per person (财税〔2018〕164号): refuse a
    month that would tax a second one separately."""
    wanted = [p.worker_id for p in people if any(line.bonus == SEPARATE for line in p.extra)]
    if not wanted:
        return
    earlier: list[tuple[str, dt.date]] = []
    for start in range(0, len(wanted), 5000):
        earlier.extend(
            session.execute(
                select(Worker.name, PayrollMonth.period)
                .join(Payslip, Payslip.worker_id == Worker.id)
                .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
                .where(
                    Payslip.worker_id.in_(wanted[start : start + 5000]),
                    Payslip.bonus_income > 0,
                    PayrollMonth.period >= span.first.replace(month=1),
                    PayrollMonth.period < span.first,
                )
            ).tuples()
        )
    if earlier:
        earlier.sort(key=lambda found: found[1])
        named = "、".join(f"{name}（{period.month}月）" for name, period in earlier[:5])
        raise ActionRefused(
            f"全年一次性奖金每年只能单独计税一次，以下人员{span.first.year}年已单独计税：{named}；"
            f"请将{span.label()}的奖金改为并入综合所得"
        )


def full_month_insurable(lines: tuple[PayLine, ...], probation_share: Decimal | None) -> Decimal:
    """A full month's insurable gross from the lines (a new hire's contribution base, §8.2);
    a 全年一次性奖金 is a year's payment, not a month's, and stays out of it."""
    total = ZERO
    for line in lines:
        if line.after_tax or not line.insurable or line.bonus:
            continue
        amount = line.amount
        if line.prorated and probation_share is not None:
            amount = round_fen(amount * probation_share)
        total += amount
    return total
