"""One worker's yearly appraisals (the 考核 tab of the worker's file): year, result and where the
result came from, read from the audit log (an import names its file, an entry by hand its user);
a result the log does not mention (the demo, data loaded before the program kept a log) says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from workforce.domain.accounts.permissions import Action
from workforce.persistence.accounts import AuditEntry, ImportBatch
from workforce.persistence.people import Appraisal
from workforce.services.context import Actor, Database, require
from workforce.services.roster.scope import require_worker_in_scope

UNRECORDED = "无录入记录"
FIELD = "appraisal:"


@dataclass(frozen=True, slots=True)
class AppraisalRecord:
    year: int
    grade: str
    source: str  # 导入「file」 or 录入（user）, with the date; UNRECORDED when the log is silent


def _local_day(at: dt.datetime) -> str:
    when = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return f"{when.astimezone():%Y-%m-%d}"


def worker_appraisals(db: Database, actor: Actor, worker_id: int) -> tuple[AppraisalRecord, ...]:
    """The worker's results, newest year first, each with the last change that set it."""
    require(actor, Action.VIEW_WORKERS)
    with db.reading() as session:
        require_worker_in_scope(session, actor, worker_id)
        results = session.execute(
            select(Appraisal.year, Appraisal.grade)
            .where(Appraisal.worker_id == worker_id)
            .order_by(Appraisal.year.desc())
        ).all()
        entries = session.execute(
            select(AuditEntry.at, AuditEntry.username, AuditEntry.changes, ImportBatch.file_name)
            .outerjoin(ImportBatch, ImportBatch.id == AuditEntry.batch_id)
            .where(
                AuditEntry.entity == "worker",
                AuditEntry.entity_id == worker_id,
                AuditEntry.action == "appraisal",
            )
            .order_by(AuditEntry.id)
        ).all()
    sources: dict[int, str] = {}
    for at, username, changes, file_name in entries:
        for field in changes or {}:
            if not field.startswith(FIELD) or not field[len(FIELD) :].isdigit():
                continue
            day = _local_day(at)
            sources[int(field[len(FIELD) :])] = (
                f"导入「{file_name}」（{day}）" if file_name else f"录入（{username}，{day}）"
            )
    return tuple(
        AppraisalRecord(year, grade, sources.get(year, UNRECORDED)) for year, grade in results
    )
