"""Roster import rows outside a scoped user's district or street (管理范围) become errors."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.problems import Problem, Where, error
from workforce.persistence.people import Worker
from workforce.services.context import Actor
from workforce.services.roster.plan import CHUNK, Work
from workforce.services.roster.scope import scope_name, scope_units


def _inside(units: set[int], work: Work, ref: int | None) -> bool:
    """Whether a unit (real id, or negative placeholder an import would create) lies in scope."""
    planned = work.units.new if work.units is not None else []
    while ref is not None and ref < 0:
        ref = planned[-ref - 1].parent_ref if -ref - 1 < len(planned) else None
    return ref is not None and ref in units


def import_scope_problems(
    session: Session, actor: Actor, work: Work, sheet: str
) -> tuple[Problem, ...]:
    """One error per roster row a scoped user may not import: a new worker placed outside the
    scope, or an existing worker who is (or would be moved) outside it."""
    units = scope_units(session, actor)
    if units is None:
        return ()
    outside = f"不在用户「{actor.username}」的管理范围（{scope_name(session, actor)}）内"
    problems: list[Problem] = []
    for row, (data, _certificate) in zip(work.plan.creates, work.creates, strict=True):
        if not _inside(units, work, data.community_id):
            message = f"「{row.name}」所在单位「{row.unit_path}」{outside}"
            problems.append(error("out_of_scope", message, Where(sheet, row.row)))
    ids = [worker_id for worker_id, _data, _cert in work.updates]
    current: dict[int, int] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(Worker.id, Worker.community_id).where(
            Worker.id.in_(ids[start : start + CHUNK])
        )
        current.update(session.execute(query).tuples().all())
    for update, (worker_id, data, _cert) in zip(work.plan.updates, work.updates, strict=True):
        if current.get(worker_id) not in units or not _inside(units, work, data.community_id):
            message = f"「{update.name}」{outside}，不能修改"
            problems.append(error("out_of_scope", message, Where(sheet, update.row)))
    return tuple(problems)
