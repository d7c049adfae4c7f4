"""A worker's whole file (一人一档) for the record card: identity and every dated history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.persistence.people import (
    Appraisal,
    Certificate,
    EducationRecord,
    Honour,
    PostLevelChange,
    StatusChange,
    TrainingAttendance,
    TrainingSession,
    Worker,
)
from workforce.services.context import Actor, Database, require
from workforce.services.roster.query import RosterRow, roster_rows
from workforce.services.scale import posts_in_force


@dataclass(frozen=True, slots=True)
class Dossier:
    """Everything the paper folder holds, as plain rows (dates and texts)."""

    person: RosterRow
    education: tuple[
        tuple[dt.date, str, bool, str, str], ...
    ]  # recorded, level, fulltime, school, major
    posts: tuple[tuple[dt.date, str, int, str], ...]  # effective, post name, level, reason
    appraisals: tuple[tuple[int, str], ...]
    certificates: tuple[tuple[str, str, dt.date | None, dt.date | None], ...]
    training: tuple[
        tuple[dt.date, str, str, Decimal, bool], ...
    ]  # end, title, level, hours, passed
    honours: tuple[tuple[dt.date, str, str], ...]
    statuses: tuple[tuple[dt.date, str, str], ...]


def worker_id_by_number(db: Database, id_number: str) -> int:
    with db.reading() as session:
        found = session.scalar(select(Worker.id).where(Worker.id_number == id_number.upper()))
    if found is None:
        raise ActionRefused(f"没有身份证号为 {id_number} 的人员")
    return found


def load_dossier(db: Database, actor: Actor, worker_id: int) -> Dossier:
    require(actor, Action.VIEW_WORKERS)
    with db.reading() as session:
        rows = roster_rows(session, worker_id=worker_id, actor=actor)
        if not rows:
            raise ActionRefused(f"人员 {worker_id} 不存在")
        person = rows[0]
        names = {p.code: p.name for p in posts_in_force(session, dt.date.today())}
        education = session.execute(
            select(
                EducationRecord.recorded_on,
                EducationRecord.education,
                EducationRecord.fulltime,
                EducationRecord.school,
                EducationRecord.major,
            )
            .where(EducationRecord.worker_id == worker_id)
            .order_by(EducationRecord.recorded_on)
        ).all()
        posts = session.execute(
            select(
                PostLevelChange.effective_date,
                PostLevelChange.post,
                PostLevelChange.level,
                PostLevelChange.reason,
            )
            .where(PostLevelChange.worker_id == worker_id)
            .order_by(PostLevelChange.effective_date, PostLevelChange.id)
        ).all()
        appraisals = session.execute(
            select(Appraisal.year, Appraisal.grade)
            .where(Appraisal.worker_id == worker_id)
            .order_by(Appraisal.year)
        ).all()
        certificates = session.execute(
            select(
                Certificate.level,
                Certificate.number,
                Certificate.obtained_date,
                Certificate.registered_date,
            )
            .where(Certificate.worker_id == worker_id)
            .order_by(Certificate.id)
        ).all()
        training = session.execute(
            select(
                TrainingSession.end_date,
                TrainingSession.title,
                TrainingSession.organiser_level,
                TrainingSession.hours,
                TrainingAttendance.passed,
            )
            .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
            .where(TrainingAttendance.worker_id == worker_id)
            .order_by(TrainingSession.end_date)
        ).all()
        honours = session.execute(
            select(Honour.awarded_date, Honour.kind, Honour.title)
            .where(Honour.worker_id == worker_id)
            .order_by(Honour.awarded_date)
        ).all()
        statuses = session.execute(
            select(StatusChange.effective_date, StatusChange.status, StatusChange.reason)
            .where(StatusChange.worker_id == worker_id)
            .order_by(StatusChange.effective_date)
        ).all()
    return Dossier(
        person=person,
        education=tuple((d, e, f, s or "", m or "") for d, e, f, s, m in education),
        posts=tuple((d, names.get(p, p), lv, r) for d, p, lv, r in posts),
        appraisals=tuple((y, g) for y, g in appraisals),
        certificates=tuple((lv, n or "", o, r) for lv, n, o, r in certificates),
        training=tuple((d, t, o, h, p) for d, t, o, h, p in training),
        honours=tuple((d, k, t) for d, k, t in honours),
        statuses=tuple((d, s, r) for d, s, r in statuses),
    )
