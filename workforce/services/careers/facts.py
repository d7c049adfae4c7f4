"""Bulk reads shared by the certificate, training, reminder and pipeline services: the people of a
unit with where they work, their followed social-work certificate with every registration, and the
hours they earned; one query per table, Core rows, no per-worker queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session, aliased

from workforce.domain.careers.certificates import Attendance
from workforce.domain.careers.compliance import (
    DEFAULT_YEARLY_HOURS,
    SOCIAL_WORK,
    CertificateFacts,
    followed_certificate,
)
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.accounts import Setting
from workforce.persistence.careers import CertificateRegistration
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Certificate, TrainingAttendance, TrainingSession, Worker
from workforce.services.context import Actor
from workforce.services.roster.org import OrgNode, org_nodes
from workforce.services.roster.scope import unit_within_scope

YEARLY_HOURS_SETTING = "training_yearly_hours"


@dataclass(frozen=True, slots=True)
class Person:
    """A worker as the career lists show them."""

    worker_id: int
    id_number: str
    name: str
    street: str
    community: str
    community_id: int
    post: str
    duties: str | None
    birth_date: dt.date
    community_start: dt.date | None
    highest_education: str | None
    status: str


def find_unit(session: Session, unit_id: int | None, actor: Actor | None = None) -> OrgNode | None:
    """The unit asked for; with ``actor``, limited to their scope (None: their whole scope)."""
    if actor is not None:
        unit_id = unit_within_scope(session, actor, unit_id)
    if unit_id is None:
        return None
    node = next((n for n in org_nodes(session) if n.id == unit_id), None)
    if node is None:
        raise ActionRefused(f"单位 {unit_id} 不存在")
    return node


def scoped(query: Select[Any], unit: OrgNode | None) -> Select[Any]:
    """Join a query on ``Worker`` to its community and street and keep the unit's workers; adds
    the street's and community's names as the last two columns."""
    community, street, district = aliased(OrgUnit), aliased(OrgUnit), aliased(OrgUnit)
    query = (
        query.add_columns(street.name, community.name)
        .join(community, Worker.community_id == community.id)
        .join(street, community.parent_id == street.id)
        .join(district, street.parent_id == district.id)
    )
    if unit is None:
        return query
    where: dict[str, ColumnElement[bool]] = {
        "district": district.id == unit.id,
        "street": street.id == unit.id,
        "community": Worker.community_id == unit.id,
        "grid": Worker.grid_id == unit.id,
    }
    return query.where(where[unit.kind])


def people(
    session: Session, unit: OrgNode | None = None, *, active_only: bool = True
) -> list[Person]:
    """The unit's workers (active ones by default) ordered by street, community and name."""
    query = scoped(
        select(
            Worker.id,
            Worker.id_number,
            Worker.name,
            Worker.community_id,
            Worker.post,
            Worker.duties,
            Worker.birth_date,
            Worker.community_start_date,
            Worker.highest_education,
            Worker.status,
        ),
        unit,
    )
    if active_only:
        query = query.where(Worker.status.in_([s.value for s in ACTIVE_STATUSES]))
    rows = session.connection().execute(query).all()
    found = [
        Person(w, n, name, street, community, cid, post, duties, birth, start, edu, status)
        for w, n, name, cid, post, duties, birth, start, edu, status, street, community in rows
    ]
    return sorted(found, key=lambda p: (p.street, p.community, p.name, p.worker_id))


def registrations(
    session: Session, certificate_ids: list[int] | None = None
) -> dict[int, list[dt.date]]:
    """Certificate id → its registration rows' dates (oldest first)."""
    query = select(CertificateRegistration.certificate_id, CertificateRegistration.registered_date)
    if certificate_ids is not None:
        query = query.where(CertificateRegistration.certificate_id.in_(certificate_ids))
    found: dict[int, list[dt.date]] = defaultdict(list)
    for certificate_id, day in session.connection().execute(
        query.order_by(CertificateRegistration.registered_date)
    ):
        found[certificate_id].append(day)
    return found


def _followed(
    session: Session, rows: list[tuple[int, int, str, dt.date | None]], ids: list[int] | None
) -> dict[int, CertificateFacts]:
    dates = registrations(session, ids) if rows else {}
    held: dict[int, list[tuple[str, dt.date | None]]] = defaultdict(list)
    for certificate_id, worker_id, level, registered in rows:
        days: list[dt.date | None] = [*dates.get(certificate_id, [])] or [registered]
        held[worker_id].extend((level, day) for day in days)
    return {w: f for w, pairs in held.items() if (f := followed_certificate(pairs)) is not None}


def certificates(session: Session, unit: OrgNode | None = None) -> dict[int, CertificateFacts]:
    """Worker id → the social-work certificate followed for reminders and hours (the highest
    level held) with all its registrations."""
    query = scoped(
        select(Certificate.id, Worker.id, Certificate.level, Certificate.registered_date)
        .select_from(Certificate)
        .join(Worker, Certificate.worker_id == Worker.id)
        .where(Certificate.kind == SOCIAL_WORK),
        unit,
    )
    rows = [(c, w, level, day) for c, w, level, day, _s, _c in session.connection().execute(query)]
    return _followed(session, rows, None)


def certificates_of(session: Session, worker_id: int) -> CertificateFacts | None:
    """One worker's followed social-work certificate."""
    rows = session.execute(
        select(
            Certificate.id, Certificate.worker_id, Certificate.level, Certificate.registered_date
        ).where(Certificate.worker_id == worker_id, Certificate.kind == SOCIAL_WORK)
    ).tuples()
    found = list(rows)
    return _followed(session, found, [r[0] for r in found]).get(worker_id)


def as_attendance(pairs: Iterable[tuple[dt.date, Decimal]]) -> list[Attendance]:
    return [Attendance(day, hours) for day, hours in pairs]


def attendance(
    session: Session, unit: OrgNode | None = None, since: dt.date | None = None
) -> dict[int, list[Attendance]]:
    """Worker id → hours of the sessions attended and passed (ending on or after ``since``)."""
    query = scoped(
        select(TrainingAttendance.worker_id, TrainingSession.end_date, TrainingSession.hours)
        .select_from(TrainingAttendance)
        .join(TrainingSession, TrainingAttendance.session_id == TrainingSession.id)
        .join(Worker, TrainingAttendance.worker_id == Worker.id)
        .where(TrainingAttendance.passed.is_(True)),
        unit,
    )
    if since is not None:
        query = query.where(TrainingSession.end_date >= since)
    found: dict[int, list[Attendance]] = defaultdict(list)
    for worker_id, end, hours, _street, _community in session.connection().execute(query):
        found[worker_id].append(Attendance(end, hours))
    return found


def yearly_target(session: Session) -> Decimal:
    """The yearly training target per worker (setting ``training_yearly_hours``, demo 40 学时)."""
    setting = session.get(Setting, YEARLY_HOURS_SETTING)
    if setting is None:
        return DEFAULT_YEARLY_HOURS
    try:
        value = Decimal(str(setting.value))
    except InvalidOperation:
        raise ActionRefused(f"年度培训学时要求设置有误：{setting.value}") from None
    if value < 0:
        raise ActionRefused(f"年度培训学时要求不能为负数：{setting.value}")
    return value
