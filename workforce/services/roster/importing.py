"""Roster import (一人一档 花名册, §11): the dry run that shows what would change, and the import.

``plan_roster_import`` writes nothing, not even organisation units. ``apply_roster_import`` plans
again inside one transaction and writes all or nothing: it refuses when any row has an error;
otherwise it creates the missing districts, streets, communities and grids, adds the new workers,
updates the changed ones (matched by ID number; **an empty cell leaves that field unchanged**),
and records an import batch with audit entries. Warnings (a bank account failing the Luhn check,
a doubtful date) do not block. Both report progress and honour a cancel token; a cancelled import
writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.domain.roster.worker import CertificateInput, WorkerInput
from workforce.domain.sheet import SheetGrid
from workforce.persistence.accounts import ImportBatch
from workforce.persistence.people import Certificate, Worker
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.roster.plan import (
    CHUNK,
    FieldChange,
    ImportPlan,
    RowCreate,
    RowUpdate,
    Work,
    make_plan,
)
from workforce.services.roster.scope_import import import_scope_problems
from workforce.services.roster.workers import apply_worker_update, insert_workers
from workforce.services.sheet_import import plan_valid_rows

__all__ = [
    "FieldChange",
    "ImportPlan",
    "ImportResult",
    "RowCreate",
    "RowUpdate",
    "apply_roster_import",
    "plan_roster_import",
]

REASON = "花名册导入"


@dataclass(frozen=True, slots=True)
class ImportResult:
    batch_id: int
    created: int
    updated: int
    new_units: tuple[str, ...]
    rejected: tuple[int, ...] = ()
    """The rows (Excel numbers) a valid-only import left out."""


def plan_roster_import(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    *,
    district_id: int | None = None,
    today: dt.date | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    column_map: Mapping[str, str] | None = None,
) -> ImportPlan:
    """The dry run: what importing ``grid`` would create, change and refuse. Writes nothing.

    ``column_map`` maps a sheet's own header to a canonical header (§11) for columns the aliases
    do not know; an empty target ignores the column.
    """
    require(actor, Action.IMPORT_ROSTER)
    with db.reading() as session:
        work = make_plan(
            session,
            grid,
            district_id=district_id,
            today=today or dt.date.today(),
            progress=progress,
            cancel=cancel,
            column_map=dict(column_map or {}),
        )
        _limit_to_scope(session, actor, work)
    return work.plan


def apply_roster_import(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    *,
    district_id: int | None = None,
    today: dt.date | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    column_map: Mapping[str, str] | None = None,
    valid_only: bool = False,
) -> ImportResult:
    """Import ``grid`` in one transaction; refuses (``ActionRefused`` with the problems) and
    writes nothing when any row has an error. Progress runs over planning, then writing.

    ``valid_only`` imports the rows without errors and leaves out the others (``rejected``
    names them; the audit records how many): for a file whose few bad rows the clerk fixes and
    imports again. It still refuses a sheet whose errors name no row (no header found)."""
    require(actor, Action.IMPORT_ROSTER)
    today = today or dt.date.today()
    with db.transaction() as session:
        steps = max(len(grid.rows), 1)

        def planned(sheet: SheetGrid) -> Work:
            work = make_plan(
                session,
                sheet,
                district_id=district_id,
                today=today,
                progress=lambda done, total: progress(done * steps // max(total, 1), 2 * steps),
                cancel=cancel,
                column_map=dict(column_map or {}),
            )
            _limit_to_scope(session, actor, work)
            return work

        valid = plan_valid_rows(planned, grid, valid_only=valid_only, refused=None)
        work, rejected = valid.plan, valid.rejected
        plan = work.plan
        errors = tuple(p for p in plan.problems if p.is_error)
        if errors:  # an error naming no row (no header) leaves no row valid
            raise ActionRefused(
                f"花名册「{plan.sheet}」有{len(errors)}处错误，未导入任何数据。"
                f"第一处：{errors[0].describe()}",
                errors,
            )
        batch = ImportBatch(
            kind="roster",
            file_name=(grid.file_name or grid.name)[:255],
            user_id=actor.user_id,
            created=len(work.creates),
            updated=len(work.updates),
        )
        session.add(batch)
        session.flush()
        writes = _Writes(session, actor, batch.id, today, cancel, steps, progress, work)
        writes.run()
        details: dict[str, object] = {"sheet": plan.sheet, "new_units": "、".join(plan.new_units)}
        if valid_only:
            details["rejected"] = len(rejected)
        note = f"{REASON}（仅导入无误的行，{len(rejected)}行未导入）" if valid_only else REASON
        audit.record_batch(session, actor, batch, details, note=note)
        progress(2 * steps, 2 * steps)
        return ImportResult(batch.id, batch.created, batch.updated, plan.new_units, rejected)


def _limit_to_scope(session: Session, actor: Actor, work: Work) -> None:
    """Rows outside a scoped user's district or street become errors naming the row."""
    outside = import_scope_problems(session, actor, work, work.plan.sheet)
    if outside:
        problems = sorted((*work.plan.problems, *outside), key=lambda p: p.where.row or 0)
        work.plan = replace(work.plan, problems=tuple(problems))


@dataclass
class _Writes:
    """The writing half of an import, in chunks between which cancel is checked."""

    session: Session
    actor: Actor
    batch_id: int
    today: dt.date
    cancel: CancelToken | None
    steps: int
    progress: ProgressFn
    work: Work

    def _report(self, done: int, total: int) -> None:
        if self.cancel:
            self.cancel.check()
        self.progress(self.steps + done * self.steps // max(total, 1), 2 * self.steps)

    def run(self) -> None:
        real = self.work.units.create(self.session, self.actor) if self.work.units else {}
        total = len(self.work.creates) + len(self.work.updates)
        creates = [(_placed(data, real), cert) for data, cert in self.work.creates]
        for start in range(0, len(creates), CHUNK):
            self._report(start, total)
            insert_workers(
                self.session,
                self.actor,
                creates[start : start + CHUNK],
                source="import",
                effective_date=self.today,
                batch_id=self.batch_id,
            )
        updates = [(wid, _placed(data, real), cert) for wid, data, cert in self.work.updates]
        for start in range(0, len(updates), CHUNK):
            self._report(len(creates) + start, total)
            self._update(updates[start : start + CHUNK])

    def _update(self, chunk: Sequence[tuple[int, WorkerInput, CertificateInput | None]]) -> None:
        workers = {
            w.id: w
            for w in self.session.scalars(
                select(Worker).where(Worker.id.in_([wid for wid, _, _ in chunk]))
            )
        }
        certificates: list[dict[str, Any]] = []
        for worker_id, data, certificate in chunk:
            apply_worker_update(
                self.session,
                self.actor,
                workers[worker_id],
                data,
                effective_date=self.today,
                reason=REASON,
                batch_id=self.batch_id,
            )
            if certificate is not None:
                certificates.append(_certificate_row(worker_id, certificate))
        if certificates:
            self.session.execute(insert(Certificate), certificates)
            audit.record_many(
                self.session,
                self.actor,
                "create",
                "certificate",
                (
                    (row["worker_id"], {k: (None, row[k]) for k in _CERTIFICATE_FIELDS})
                    for row in certificates
                ),
                batch_id=self.batch_id,
                note=REASON,
            )


_CERTIFICATE_FIELDS = ("level", "obtained_date", "registered_date")


def _certificate_row(worker_id: int, certificate: CertificateInput) -> dict[str, Any]:
    return {
        "worker_id": worker_id,
        "level": certificate.level,
        "obtained_date": certificate.obtained_date,
        "registered_date": certificate.registered_date,
    }


def _placed(data: WorkerInput, real: dict[int, int]) -> WorkerInput:
    """Replace placeholder unit ids (negative) with the ids of the units just created."""
    grid = real.get(data.grid_id, data.grid_id) if data.grid_id is not None else None
    return replace(data, community_id=real.get(data.community_id, data.community_id), grid_id=grid)
