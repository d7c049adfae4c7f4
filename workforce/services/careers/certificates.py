"""Certificates (§6): record one, register or renew it, correct a registration date, and read them
back with their registration periods, lapse dates and the month the allowance starts.

Nothing is overwritten: each registration (the first and every renewal) is a dated row and
``Certificate.registered_date`` follows the latest. A certificate entered before any renewal (by
hand or by a roster import) has its ``registered_date`` as its only registration until the first
renewal or correction writes it as a row. Allowance and ladder credit start from the first
registration; the adjustment run reads it through ``first_registrations``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.certificates import (
    LAPSE_WARNING_DAYS,
    Period,
    date_problems,
    registration_periods,
)
from workforce.domain.careers.compliance import SOCIAL_WORK, valid_until
from workforce.domain.payroll.pay_composition import certificate_allowance_starts
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import CERTIFICATE_ALIASES, CERTIFICATE_LEVELS, normalise
from workforce.persistence.accounts import Setting
from workforce.persistence.base import NO_KEY_UPDATE
from workforce.persistence.careers import CertificateRegistration
from workforce.persistence.people import Certificate, Worker
from workforce.services.accounts import audit
from workforce.services.careers import facts as career_facts
from workforce.services.context import Actor, Database, require

FROM_NEXT_MONTH = "certificate_allowance_from_next_month"


@dataclass(frozen=True, slots=True)
class CertificateEntry:
    """A certificate as a clerk enters it; the registration date may follow later."""

    worker_id: int
    level: str
    number: str | None = None
    obtained_date: dt.date | None = None
    registered_date: dt.date | None = None
    kind: str = SOCIAL_WORK


@dataclass(frozen=True, slots=True)
class CertificateView:
    """One certificate with what follows from its registrations on a day."""

    certificate_id: int
    worker_id: int
    kind: str
    level: str
    number: str | None
    obtained: dt.date | None
    registrations: tuple[dt.date, ...]
    periods: tuple[Period, ...]
    valid_until: dt.date | None  # the last day the latest registration is in force
    state: str  # 未登记, 有效, 即将到期, 已过期
    allowance_from: dt.date | None  # the first month paid
    ladder_from: dt.date | None  # the first registration


def clean_number(text: str | None) -> str | None:
    """A certificate number as stored: no spaces, upper case; empty → None."""
    cleaned = "".join((text or "").split()).upper()
    return cleaned or None


def clean_level(kind: str, level: str) -> str:
    if kind != SOCIAL_WORK:
        if not level.strip():
            raise ActionRefused("证书等级不能为空")
        return level.strip()
    found = normalise(level, CERTIFICATE_LEVELS, CERTIFICATE_ALIASES)
    if found is None:
        raise ActionRefused(f"证书等级「{level}」应为{'、'.join(CERTIFICATE_LEVELS)}之一")
    return found


def refuse_dates(obtained: dt.date | None, registered: list[dt.date], today: dt.date) -> None:
    problems = date_problems(obtained, registered, today)
    if problems:
        raise ActionRefused("；".join(problems))


def state_on(registrations: tuple[dt.date, ...], today: dt.date) -> tuple[dt.date | None, str]:
    """(last valid day, 未登记/有效/即将到期 (within 90 days)/已过期) on ``today``."""
    end = valid_until(registrations)
    if end is None:
        return None, "未登记"
    if end < today:
        return end, "已过期"
    return end, "即将到期" if (end - today).days < LAPSE_WARNING_DAYS else "有效"


def from_next_month(session: Session) -> bool:
    """Whether the allowance starts the month after registration (the default) or the same."""
    setting = session.get(Setting, FROM_NEXT_MONTH)
    return True if setting is None else bool(setting.value)


def view(
    row: tuple[int, int, str, str, str | None, dt.date | None, dt.date | None],
    rows_dates: list[dt.date],
    today: dt.date,
    next_month: bool,
) -> CertificateView:
    certificate_id, worker_id, kind, level, number, obtained, registered = row
    dates = tuple(rows_dates or ([registered] if registered else []))
    end, state = state_on(dates, today)
    first = dates[0] if dates else None
    allowance = certificate_allowance_starts(first, next_month) if first else None
    periods = tuple(registration_periods(dates))
    return CertificateView(
        certificate_id,
        worker_id,
        kind,
        level,
        number,
        obtained,
        dates,
        periods,
        end,
        state,
        allowance,
        first,
    )


def _dates(session: Session, certificate: Certificate) -> list[dt.date]:
    rows = career_facts.registrations(session, [certificate.id]).get(certificate.id, [])
    return rows or ([certificate.registered_date] if certificate.registered_date else [])


def _write_dates(
    session: Session, certificate: Certificate, dates: list[dt.date], source: str
) -> None:
    """Make the certificate's registration rows exactly ``dates`` (kept rows keep their source)."""
    known = set(career_facts.registrations(session, [certificate.id]).get(certificate.id, []))
    gone = known - set(dates)
    if gone:
        session.execute(
            delete(CertificateRegistration).where(
                CertificateRegistration.certificate_id == certificate.id,
                CertificateRegistration.registered_date.in_(gone),
            )
        )
    new = sorted(set(dates) - known)
    if new:
        session.execute(
            insert(CertificateRegistration),
            [
                {"certificate_id": certificate.id, "registered_date": d, "source": source}
                for d in new
            ],
        )
    certificate.registered_date = max(dates) if dates else None


def _locked(session: Session, certificate_id: int) -> Certificate:
    certificate = session.get(Certificate, certificate_id, with_for_update=NO_KEY_UPDATE)
    if certificate is None:
        raise ActionRefused(f"证书 {certificate_id} 不存在")
    return certificate


def record_certificate(
    db: Database, actor: Actor, entry: CertificateEntry, *, today: dt.date | None = None
) -> int:
    """登记证书: add a worker's certificate. Refuses a number already on file, a second
    certificate of the same level (renew that one instead) and dates out of order."""
    require(actor, Action.RECORD_CERTIFICATES)
    today = today or dt.date.today()
    level = clean_level(entry.kind, entry.level)
    number = clean_number(entry.number)
    registered = [entry.registered_date] if entry.registered_date else []
    refuse_dates(entry.obtained_date, registered, today)
    with db.transaction() as session:
        worker = session.get(Worker, entry.worker_id)
        if worker is None:
            raise ActionRefused(f"人员 {entry.worker_id} 不存在")
        if number is not None:
            owner = session.execute(
                select(Worker.name, Certificate.level)
                .join(Certificate, Certificate.worker_id == Worker.id)
                .where(Certificate.number == number)
            ).first()
            if owner is not None:
                raise ActionRefused(f"证书编号 {number} 已登记（{owner[0]}，{owner[1]}）")
        same = session.scalar(
            select(Certificate.id).where(
                Certificate.worker_id == worker.id,
                Certificate.kind == entry.kind,
                Certificate.level == level,
            )
        )
        if same is not None:
            raise ActionRefused(f"「{worker.name}」已有{level}证书，续期请办理再登记")
        certificate = Certificate(
            worker_id=worker.id,
            kind=entry.kind,
            level=level,
            number=number,
            obtained_date=entry.obtained_date,
        )
        session.add(certificate)
        session.flush()
        _write_dates(session, certificate, registered, "manual")
        changes = {
            "level": (None, level),
            "number": (None, number),
            "obtained_date": (None, entry.obtained_date),
            "registered_date": (None, entry.registered_date),
        }
        audit.record(
            session, actor, "certificate", "worker", worker.id, changes, note=f"登记{level}证书"
        )
        return certificate.id


def register_certificate(
    db: Database,
    actor: Actor,
    certificate_id: int,
    registered: dt.date,
    *,
    today: dt.date | None = None,
) -> None:
    """注册/再登记: the certificate's first registration or a renewal, later than the last one."""
    require(actor, Action.RECORD_CERTIFICATES)
    today = today or dt.date.today()
    with db.transaction() as session:
        certificate = _locked(session, certificate_id)
        dates = _dates(session, certificate)
        if dates and registered <= dates[-1]:
            raise ActionRefused(
                f"再登记日期应晚于上次登记日期{dates[-1]:%Y-%m-%d}；"
                "如是登记日期填错，请更正登记日期"
            )
        refuse_dates(certificate.obtained_date, [registered], today)
        old = certificate.registered_date
        _write_dates(session, certificate, [*dates, registered], "renewal" if dates else "manual")
        audit.record(
            session,
            actor,
            "certificate_renewal" if dates else "certificate",
            "worker",
            certificate.worker_id,
            {"registered_date": (old, registered)},
            note=f"{certificate.level}证书{'再登记' if dates else '注册登记'}",
        )


def correct_registration(
    db: Database,
    actor: Actor,
    certificate_id: int,
    old: dt.date,
    new: dt.date,
    *,
    reason: str,
    today: dt.date | None = None,
) -> None:
    """更正登记日期: a registration entered with the wrong date. The allowance and the ladder
    credit follow the corrected first registration (the next adjustment plan and payroll)."""
    require(actor, Action.RECORD_CERTIFICATES)
    if not reason.strip():
        raise ActionRefused("更正登记日期必须填写原因")
    today = today or dt.date.today()
    with db.transaction() as session:
        certificate = _locked(session, certificate_id)
        dates = _dates(session, certificate)
        if old not in dates:
            shown = "、".join(f"{d:%Y-%m-%d}" for d in dates) or "无"
            raise ActionRefused(f"该证书没有{old:%Y-%m-%d}的登记（已有：{shown}）")
        if new in dates:
            raise ActionRefused(f"该证书已有{new:%Y-%m-%d}的登记")
        refuse_dates(certificate.obtained_date, [new], today)
        _write_dates(session, certificate, [d for d in dates if d != old] + [new], "correction")
        audit.record(
            session,
            actor,
            "certificate_correction",
            "worker",
            certificate.worker_id,
            {f"registration:{certificate.level}": (old, new)},
            note=reason.strip(),
        )


def _views(session: Session, worker_id: int | None, today: dt.date) -> list[CertificateView]:
    """Certificates of one worker, or of everyone (two queries either way)."""
    query = select(
        Certificate.id,
        Certificate.worker_id,
        Certificate.kind,
        Certificate.level,
        Certificate.number,
        Certificate.obtained_date,
        Certificate.registered_date,
    ).order_by(Certificate.worker_id, Certificate.id)
    if worker_id is not None:
        query = query.where(Certificate.worker_id == worker_id)
    found = list(session.connection().execute(query).tuples())
    ids = [r[0] for r in found] if worker_id is not None else None
    dates = career_facts.registrations(session, ids)
    next_month = from_next_month(session)
    return [view(r, dates.get(r[0], []), today, next_month) for r in found]


def worker_certificates(
    db: Database, actor: Actor, worker_id: int, *, today: dt.date | None = None
) -> list[CertificateView]:
    """A worker's certificates with registrations, periods, lapse and allowance start."""
    require(actor, Action.VIEW_WORKERS)
    with db.reading() as session:
        return _views(session, worker_id, today or dt.date.today())


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """证书台账: one certificate with its holder and where they work."""

    street: str
    community: str
    name: str
    id_number: str
    certificate: CertificateView


def certificate_register(
    db: Database, actor: Actor, *, unit_id: int | None = None, today: dt.date | None = None
) -> list[RegisterRow]:
    """Every certificate of the unit's active workers, by street, community and name."""
    require(actor, Action.VIEW_WORKERS)
    today = today or dt.date.today()
    with db.reading() as session:
        people = career_facts.people(session, career_facts.find_unit(session, unit_id, actor))
        by_worker: dict[int, list[CertificateView]] = {}
        for item in _views(session, None, today):
            by_worker.setdefault(item.worker_id, []).append(item)
    return [
        RegisterRow(p.street, p.community, p.name, p.id_number, c)
        for p in people
        for c in by_worker.get(p.worker_id, [])
    ]


def certificate_by_number(db: Database, number: str) -> int:
    """The certificate with this number (spaces and case ignored)."""
    cleaned = clean_number(number)
    with db.reading() as session:
        found = session.scalar(select(Certificate.id).where(Certificate.number == cleaned))
    if found is None:
        raise ActionRefused(f"没有编号为 {number} 的证书")
    return found
