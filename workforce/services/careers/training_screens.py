"""Reads behind the training session screen (§6): every session with its attendance count, the
attendance list of one session, and the workers to pick from (a unit's, or found by name or
身份证号). Core rows, one query each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from workforce.domain.accounts.permissions import Action
from workforce.persistence.people import TrainingAttendance, TrainingSession, Worker
from workforce.services.careers.facts import Person, find_unit, people, scoped
from workforce.services.context import Actor, Database, require

SEARCH_LIMIT = 200


# A session's own facts, in SessionFacts' order.
SESSION_FACT_COLUMNS = (
    TrainingSession.id,
    TrainingSession.title,
    TrainingSession.organiser_level,
    TrainingSession.start_date,
    TrainingSession.end_date,
    TrainingSession.hours,
    TrainingSession.required,
)


@dataclass(frozen=True, slots=True)
class SessionFacts:
    """A training session's own facts, as SESSION_FACT_COLUMNS reads them; a screen's row adds
    its own figures after them."""

    session_id: int
    title: str
    organiser_level: str
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    required: bool


@dataclass(frozen=True, slots=True)
class SessionRow(SessionFacts):
    attendees: int


@dataclass(frozen=True, slots=True)
class AttendeeRow:
    worker_id: int
    id_number: str
    name: str
    street: str
    community: str
    passed: bool
    hours: Decimal  # the session's hours when passed, else 0


def training_sessions(db: Database, actor: Actor) -> list[SessionRow]:
    """Every session, the latest first, with how many are on its list."""
    require(actor, Action.VIEW_WORKERS)
    counts = (
        select(TrainingAttendance.session_id, func.count().label("n"))
        .group_by(TrainingAttendance.session_id)
        .subquery()
    )
    query = (
        select(
            *SESSION_FACT_COLUMNS,
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.session_id == TrainingSession.id)
        .order_by(TrainingSession.start_date.desc(), TrainingSession.id.desc())
    )
    with db.reading() as session:
        rows = session.connection().execute(query).all()
    return [SessionRow(*row) for row in rows]


def session_attendees(db: Database, actor: Actor, session_id: int) -> list[AttendeeRow]:
    """The attendance list of one session, by street, community and name."""
    require(actor, Action.VIEW_WORKERS)
    query = scoped(
        select(
            Worker.id,
            Worker.id_number,
            Worker.name,
            TrainingAttendance.passed,
            TrainingSession.hours,
        )
        .join(TrainingAttendance, TrainingAttendance.worker_id == Worker.id)
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .where(TrainingAttendance.session_id == session_id),
        None,
    )
    with db.reading() as session:
        rows = session.connection().execute(query).all()
    found = [
        AttendeeRow(w, n, name, street, community, passed, hours if passed else Decimal(0))
        for w, n, name, passed, hours, street, community in rows
    ]
    return sorted(found, key=lambda r: (r.street, r.community, r.name, r.worker_id))


def pick_candidates(
    db: Database, actor: Actor, *, unit_id: int | None = None, search: str = ""
) -> list[Person]:
    """Active workers to put on a list: those of the unit, or (with a search) those whose name or
    身份证号 contains the text, at most ``SEARCH_LIMIT``."""
    require(actor, Action.VIEW_WORKERS)
    text = search.strip()
    with db.reading() as session:
        found = people(session, find_unit(session, unit_id, actor))
    if not text:
        return found
    return [p for p in found if text in p.name or text in p.id_number][:SEARCH_LIMIT]


__all__ = [
    "SESSION_FACT_COLUMNS",
    "AttendeeRow",
    "SessionFacts",
    "SessionRow",
    "pick_candidates",
    "session_attendees",
    "training_sessions",
]
