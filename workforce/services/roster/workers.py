"""Worker file services: create, edit, transfer, change status. Each one audits and is atomic.

The bulk helpers (``insert_workers``, ``apply_worker_update``) run inside a caller's transaction so
the roster import and the single-worker form share one code path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.ladder import ladder_value
from workforce.domain.problems import ActionRefused, Problem
from workforce.domain.roster.worker import (
    FIELD_LABELS,
    WORKER_FIELDS,
    CertificateInput,
    WorkerInput,
    field_changes,
    validate_worker,
)
from workforce.domain.vocab import WorkerStatus
from workforce.persistence.base import NO_KEY_UPDATE, Base
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import (
    Certificate,
    EducationRecord,
    PostLevelChange,
    StatusChange,
    Transfer,
    Worker,
    allocate_ids,
)
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.roster.scope import require_in_scope
from workforce.services.scale import posts_in_force


@dataclass(frozen=True, slots=True)
class WorkerFile:
    """A worker as the form edits it: the input values and the version they were read at."""

    worker_id: int
    data: WorkerInput
    version: int
    certificate: CertificateInput | None


def _refuse_if_errors(problems: list[Problem]) -> None:
    errors = tuple(p for p in problems if p.is_error)
    if errors:
        raise ActionRefused("；".join(p.describe() for p in errors), errors)


def _values(data: WorkerInput) -> dict[str, Any]:
    """The fields as a dict; ``asdict`` deep-copies, which costs seconds on a large import."""
    return {name: getattr(data, name) for name in WORKER_FIELDS}


def _as_input(worker: Worker) -> WorkerInput:
    return WorkerInput(**{name: getattr(worker, name) for name in WORKER_FIELDS})


def _latest_certificate(session: Session, worker_id: int) -> Certificate | None:
    return session.scalar(
        select(Certificate)
        .where(Certificate.worker_id == worker_id)
        .order_by(Certificate.registered_date.desc().nulls_last(), Certificate.id.desc())
        .limit(1)
    )


def _core(model: type[Base]) -> Table:
    """The model's Core table: a Core insert skips the ORM's bulk machinery."""
    return cast(Table, model.__table__)


def insert_workers(
    session: Session,
    actor: Actor,
    entries: Sequence[tuple[WorkerInput, CertificateInput | None]],
    *,
    source: str,
    effective_date: dt.date,
    batch_id: int | None = None,
) -> list[int]:
    """Insert new workers with their first history rows and audit entries, in bulk.

    The credited ladder value is the maximum at creation: the level already reflects it (§4.3).
    """
    if not entries:
        return []
    rows: list[dict[str, Any]] = []
    for data, cert in entries:
        values = _values(data)
        values["credited_ladder"] = ladder_value(
            data.highest_education, cert.level if cert else None
        )
        rows.append(values)
    # Allocated ids and Core inserts: RETURNING makes SQLite insert row by row (PERF-NOTES)
    ids = allocate_ids(session, Worker, len(rows))
    for values, new_id in zip(rows, ids, strict=True):
        values["id"] = new_id
    session.execute(insert(_core(Worker)), rows)
    reason = "建档" if source == "manual" else "导入建档" if source == "import" else "示例数据"
    session.execute(
        insert(_core(PostLevelChange)),
        [
            {
                "worker_id": wid,
                "effective_date": effective_date,
                "post": data.post,
                "level": data.level,
                "reason": reason,
                "source": source,
            }
            for wid, (data, _) in zip(ids, entries, strict=True)
        ],
    )
    session.execute(
        insert(_core(StatusChange)),
        [
            {
                "worker_id": wid,
                "status": data.status,
                "effective_date": effective_date,
                "reason": reason,
            }
            for wid, (data, _) in zip(ids, entries, strict=True)
        ],
    )
    education = [
        {
            "worker_id": wid,
            "education": edu,
            "fulltime": fulltime,
            "school": data.school,
            "major": data.major,
            "recorded_on": effective_date,
        }
        for wid, (data, _) in zip(ids, entries, strict=True)
        for edu, fulltime in ((data.fulltime_education, True), (data.highest_education, False))
        if edu
    ]
    if education:
        session.execute(insert(_core(EducationRecord)), education)
    certificates = [
        {
            "worker_id": wid,
            "level": cert.level,
            "number": cert.number,
            "obtained_date": cert.obtained_date,
            "registered_date": cert.registered_date,
        }
        for wid, (_, cert) in zip(ids, entries, strict=True)
        if cert is not None
    ]
    if certificates:
        session.execute(insert(_core(Certificate)), certificates)
    audit.record_many(
        session,
        actor,
        "create",
        "worker",
        (
            (
                wid,
                {name: (None, value) for name, value in _values(data).items() if value is not None},
            )
            for wid, (data, _) in zip(ids, entries, strict=True)
        ),
        batch_id=batch_id,
    )
    return ids


def apply_worker_update(
    session: Session,
    actor: Actor,
    worker: Worker,
    new: WorkerInput,
    *,
    effective_date: dt.date,
    reason: str,
    batch_id: int | None = None,
) -> dict[str, tuple[object, object]]:
    """Write the changed fields and append the history rows they imply; returns the changes."""
    old = _as_input(worker)
    changes = field_changes(old, new)
    if not changes:
        return changes
    for name, (_, after) in changes.items():
        setattr(worker, name, after)
    if "post" in changes or "level" in changes:
        session.add(
            PostLevelChange(
                worker_id=worker.id,
                effective_date=effective_date,
                post=new.post,
                level=new.level,
                reason=reason,
                source="manual" if batch_id is None else "import",
            )
        )
    if "community_id" in changes:
        session.add(
            Transfer(
                worker_id=worker.id,
                from_community_id=old.community_id,
                to_community_id=new.community_id,
                effective_date=effective_date,
                reason=reason,
            )
        )
    if "status" in changes:
        session.add(
            StatusChange(
                worker_id=worker.id, status=new.status, effective_date=effective_date, reason=reason
            )
        )
    for name, fulltime in (("fulltime_education", True), ("highest_education", False)):
        if name in changes and getattr(new, name):
            session.add(
                EducationRecord(
                    worker_id=worker.id,
                    education=getattr(new, name),
                    fulltime=fulltime,
                    school=new.school,
                    major=new.major,
                    recorded_on=effective_date,
                )
            )
    audit.record(
        session, actor, "update", "worker", worker.id, changes, batch_id=batch_id, note=reason
    )
    return changes


def _check_new(session: Session, data: WorkerInput, today: dt.date) -> None:
    problems = validate_worker(data, {p.code: p for p in posts_in_force(session, today)}, today)
    _refuse_if_errors(problems)
    if session.get(OrgUnit, data.community_id) is None:
        raise ActionRefused(f"社区 {data.community_id} 不存在")


def create_worker(
    db: Database,
    actor: Actor,
    data: WorkerInput,
    certificate: CertificateInput | None = None,
    *,
    today: dt.date | None = None,
) -> int:
    """建档: validate and add one worker; refuses a duplicate ID number."""
    require(actor, Action.EDIT_WORKERS)
    today = today or dt.date.today()
    data = replace(data, id_number=data.id_number.strip().upper())
    with db.transaction() as session:
        _check_new(session, data, today)
        require_in_scope(session, actor, data.community_id, data.name)
        clash = session.scalar(select(Worker.name).where(Worker.id_number == data.id_number))
        if clash is not None:
            raise ActionRefused(f"身份证号 {data.id_number} 已存在（{clash}）")
        return insert_workers(
            session, actor, [(data, certificate)], source="manual", effective_date=today
        )[0]


def load_worker(db: Database, worker_id: int, *, actor: Actor | None = None) -> WorkerFile:
    """One worker's file for the edit form; refuses a worker outside ``actor``'s scope."""
    with db.reading() as session:
        worker = session.get(Worker, worker_id)
        if worker is None:
            raise ActionRefused(f"人员 {worker_id} 不存在")
        if actor is not None:
            require_in_scope(session, actor, worker.community_id, worker.name)
        cert = _latest_certificate(session, worker_id)
        cert_input = (
            CertificateInput(cert.level, cert.obtained_date, cert.registered_date, cert.number)
            if cert
            else None
        )
        return WorkerFile(worker_id, _as_input(worker), worker.version, cert_input)


def update_worker(
    db: Database,
    actor: Actor,
    worker_id: int,
    data: WorkerInput,
    expected_version: int,
    *,
    reason: str = "信息修改",
    today: dt.date | None = None,
) -> dict[str, tuple[object, object]]:
    """Edit a worker's file. Refuses when someone else saved it since it was read."""
    require(actor, Action.EDIT_WORKERS)
    today = today or dt.date.today()
    data = replace(data, id_number=data.id_number.strip().upper())
    with db.transaction() as session:
        worker = session.get(Worker, worker_id, with_for_update=NO_KEY_UPDATE)
        if worker is None:
            raise ActionRefused(f"人员 {worker_id} 不存在")
        if worker.version != expected_version:
            raise ActionRefused(
                f"「{worker.name}」的档案已被他人修改"
                f"（版本 {expected_version} → {worker.version}），"
                "请重新打开后再保存"
            )
        _check_new(session, data, today)
        require_in_scope(session, actor, worker.community_id, worker.name)
        require_in_scope(session, actor, data.community_id, data.name)
        if data.id_number != worker.id_number:
            clash = session.scalar(select(Worker.name).where(Worker.id_number == data.id_number))
            if clash is not None:
                raise ActionRefused(f"身份证号 {data.id_number} 已存在（{clash}）")
        name = worker.name
        changes = apply_worker_update(
            session, actor, worker, data, effective_date=today, reason=reason
        )
        try:  # the UPDATE compares the version in SQL too (version_id_col): the last word
            session.flush()
        except StaleDataError:
            raise ActionRefused(f"「{name}」的档案已被他人修改，请重新打开后再保存") from None
        return changes


def transfer_worker(
    db: Database,
    actor: Actor,
    worker_id: int,
    to_community_id: int,
    effective_date: dt.date,
    reason: str,
) -> None:
    """调动: move a worker to another community from a date."""
    require(actor, Action.EDIT_WORKERS)
    with db.transaction() as session:
        worker = session.get(Worker, worker_id)
        target = session.get(OrgUnit, to_community_id)
        if worker is None or target is None or target.kind != "community":
            raise ActionRefused("调动的人员或目标社区不存在")
        require_in_scope(session, actor, worker.community_id, worker.name)
        require_in_scope(session, actor, to_community_id, target.name)
        if worker.community_id == to_community_id:
            raise ActionRefused(f"「{worker.name}」已在「{target.name}」")
        new = replace(_as_input(worker), community_id=to_community_id, grid_id=None)
        apply_worker_update(
            session, actor, worker, new, effective_date=effective_date, reason=reason or "调动"
        )


def change_status(
    db: Database,
    actor: Actor,
    worker_id: int,
    status: WorkerStatus,
    effective_date: dt.date,
    reason: str,
) -> None:
    """人员状态变动 (离职, 退休, 调出, 转正 …) with its date and reason."""
    require(actor, Action.EDIT_WORKERS)
    if not reason.strip():
        raise ActionRefused(f"请填写{FIELD_LABELS['status']}变动的原因")
    with db.transaction() as session:
        worker = session.get(Worker, worker_id)
        if worker is None:
            raise ActionRefused(f"人员 {worker_id} 不存在")
        require_in_scope(session, actor, worker.community_id, worker.name)
        if worker.status == status.value:
            raise ActionRefused(f"「{worker.name}」的状态已是{status.value}")
        new = replace(_as_input(worker), status=status.value)
        apply_worker_update(
            session, actor, worker, new, effective_date=effective_date, reason=reason
        )
