"""The audit log as people read it (审计日志查询): filter, page newest first, export.

Pages are keyset pages on the id (``before_id``), so the thousandth page of a million-row log
costs what the first one does; every filter is an indexed column or stops at the page size.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import AuditEntry, User
from workforce.persistence.models import Base
from workforce.persistence.people import Worker
from workforce.services.accounts.audit_labels import field_name
from workforce.services.context import Actor, Database, require

PAGE = 200
MARGIN = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What the clerk asked for; empty fields do not filter. Dates are local and inclusive."""

    since: dt.date | None = None
    until: dt.date | None = None
    username: str = ""
    action: str = ""
    entity: str = ""
    entity_id: int | None = None
    id_number: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str  # as stored (the column or key)
    old: str | None
    new: str | None
    label: str = ""  # as a clerk reads it (岗位等级 for level)


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audit entry (审计记录)."""

    entry_id: int
    at: dt.datetime  # aware, UTC
    username: str
    action: str
    entity: str
    entity_id: int | None
    changes: tuple[FieldChange, ...]
    batch_id: int | None
    note: str


@dataclass(frozen=True, slots=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    next_before: int | None  # pass as ``before_id`` for the next (older) page; None at the end


@dataclass(frozen=True, slots=True)
class AuditChoices:
    usernames: tuple[str, ...]
    actions: tuple[str, ...]
    entities: tuple[str, ...]


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC)


def _worker_rows(session: Session, id_number: str) -> ColumnElement[bool]:
    """Entries about the worker with this ID number: the file itself and every row of the
    tables that belong to a person (a ``worker_id`` column), found by their own id."""
    worker_id = session.scalar(select(Worker.id).where(Worker.id_number == id_number.upper()))
    if worker_id is None:
        raise ActionRefused(f"没有身份证号为「{id_number}」的人员")
    owned = [
        and_(
            AuditEntry.entity == table.name,
            AuditEntry.entity_id.in_(select(table.c.id).where(table.c.worker_id == worker_id)),
        )
        for table in Base.metadata.sorted_tables
        if "worker_id" in table.c and "id" in table.c
    ]
    return or_(and_(AuditEntry.entity == "worker", AuditEntry.entity_id == worker_id), *owned)


def _contains(text: str) -> ColumnElement[bool]:
    """Free text in the note or in the old/new values (stored as JSON, non-ASCII escaped)."""
    escaped = json.dumps(text)[1:-1]
    stored = cast(AuditEntry.changes, Text)
    found = [
        AuditEntry.note.contains(text, autoescape=True),
        stored.contains(text, autoescape=True),
    ]
    if escaped != text:
        found.append(stored.contains(escaped, autoescape=True))
    return or_(*found)


def _first_id_from(session: Session, moment: dt.datetime) -> int | None:
    """The id of the first entry at or after ``moment`` (one seek on the time index)."""
    found = select(AuditEntry.id).where(AuditEntry.at >= moment)
    return session.scalar(found.order_by(AuditEntry.at).limit(1))


def _dated(session: Session, query: Select[Any], wanted: AuditFilter) -> Select[Any]:
    """The date range, plus the id range it covers so a newest-first scan by id stays inside it.

    Ids grow with time; a transaction can take its time stamp a little before its insert, so the
    id bounds are taken a day wide of the range and the time condition itself stays exact.
    """
    if wanted.since is not None:
        start = _local_midnight_utc(wanted.since)
        query = query.where(AuditEntry.at >= start)
        low = _first_id_from(session, start - MARGIN)
        query = query.where(AuditEntry.id >= (low if low is not None else 0))
    if wanted.until is not None:
        end = _local_midnight_utc(wanted.until + dt.timedelta(days=1))
        query = query.where(AuditEntry.at < end)
        high = _first_id_from(session, end + MARGIN)
        if high is not None:
            query = query.where(AuditEntry.id < high)
    return query


def _query(session: Session, wanted: AuditFilter) -> Select[tuple[AuditEntry]]:
    query = _dated(session, select(AuditEntry), wanted)
    for column, value in (
        (AuditEntry.username, wanted.username.strip()),
        (AuditEntry.action, wanted.action.strip()),
        (AuditEntry.entity, wanted.entity.strip()),
    ):
        if value:
            query = query.where(column == value)
    if wanted.entity_id is not None:
        query = query.where(AuditEntry.entity_id == wanted.entity_id)
    if wanted.id_number.strip():
        query = query.where(_worker_rows(session, wanted.id_number.strip()))
    if wanted.text.strip():
        query = query.where(_contains(wanted.text.strip()))
    return query


def _row(entry: AuditEntry) -> AuditRow:
    at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=dt.UTC)  # SQLite drops the zone
    changes: dict[str, Any] = entry.changes or {}
    return AuditRow(
        entry.id,
        at,
        entry.username,
        entry.action,
        entry.entity,
        entry.entity_id,
        tuple(
            FieldChange(name, *_pair(value), field_name(entry.entity, name))
            for name, value in changes.items()
        ),
        entry.batch_id,
        entry.note or "",
    )


def _pair(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, list | tuple) and len(value) == 2:
        return (_shown(value[0]), _shown(value[1]))
    return (None, _shown(value))


def _shown(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def audit_page(
    db: Database,
    actor: Actor,
    wanted: AuditFilter,
    *,
    before_id: int | None = None,
    limit: int = PAGE,
) -> AuditPage:
    """One page of entries, newest first, older than ``before_id`` when given."""
    require(actor, Action.VIEW_AUDIT)
    with db.reading() as session:
        query = _query(session, wanted)
        if before_id is not None:
            query = query.where(AuditEntry.id < before_id)
        entries = session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit + 1)).all()
        rows = tuple(_row(e) for e in entries[:limit])
    more = len(entries) > limit
    return AuditPage(rows, rows[-1].entry_id if more and rows else None)


def audit_entries(
    db: Database,
    actor: Actor,
    wanted: AuditFilter,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk: int = 2000,
) -> Iterator[AuditRow]:
    """Every matching entry, newest first, read page by page (for export)."""
    require(actor, Action.VIEW_AUDIT)
    before: int | None = None
    done = 0
    while True:
        if cancelled is not None and cancelled():
            return
        page = audit_page(db, actor, wanted, before_id=before, limit=chunk)
        yield from page.rows
        done += len(page.rows)
        if progress is not None:
            progress(done)
        if page.next_before is None:
            return
        before = page.next_before


def audit_count(db: Database, actor: Actor, wanted: AuditFilter) -> int:
    """How many entries match (for the status line and the export's progress)."""
    require(actor, Action.VIEW_AUDIT)
    with db.reading() as session:
        inner = _query(session, wanted).with_only_columns(AuditEntry.id).subquery()
        return session.scalar(select(func.count()).select_from(inner)) or 0


def audit_choices(db: Database, actor: Actor) -> AuditChoices:
    """The users, actions and entities to offer in the filter boxes."""
    require(actor, Action.VIEW_AUDIT)
    with db.reading() as session:
        users = session.scalars(select(User.username).order_by(User.username)).all()
        entities = session.scalars(select(AuditEntry.entity).distinct()).all()
        actions = session.scalars(select(AuditEntry.action).distinct()).all()
    return AuditChoices(tuple(users), tuple(sorted(actions)), tuple(sorted(entities)))
