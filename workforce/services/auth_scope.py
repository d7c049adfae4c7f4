"""A user's scope (管理范围): a district or street; scoped users see and change only the workers
in that subtree. Unscoped users (``scope_org_id`` None) see the whole region."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.problems import ActionRefused, Problem, Where, error
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Worker
from workforce.services.context import Actor
from workforce.services.org import descendants, org_nodes
from workforce.services.roster_plan import CHUNK, Work


def scope_units(session: Session, actor: Actor) -> set[int] | None:
    """The unit ids inside the actor's scope, or None when the actor sees everything."""
    if actor.scope_org_id is None:
        return None
    return descendants(org_nodes(session), actor.scope_org_id)


def scope_name(session: Session, actor: Actor) -> str:
    unit = session.get(OrgUnit, actor.scope_org_id) if actor.scope_org_id else None
    return unit.name if unit else "全部"


def unit_within_scope(session: Session, actor: Actor, unit_id: int | None) -> int | None:
    """The unit to read for a request about ``unit_id`` (None: everything the actor may see);
    refuses a unit outside the actor's scope."""
    units = scope_units(session, actor)
    if units is None:
        return unit_id
    if unit_id is None:
        return actor.scope_org_id
    if unit_id not in units:
        unit = session.get(OrgUnit, unit_id)
        name = unit.name if unit else str(unit_id)
        raise ActionRefused(
            f"「{name}」不在用户「{actor.username}」的管理范围（{scope_name(session, actor)}）内"
        )
    return unit_id


def require_in_scope(session: Session, actor: Actor, community_id: int, who: str) -> None:
    """Refuse a change to a worker (``who``) whose community is outside the actor's scope."""
    units = scope_units(session, actor)
    if units is not None and community_id not in units:
        raise ActionRefused(
            f"「{who}」不在用户「{actor.username}」的管理范围（{scope_name(session, actor)}）内"
        )


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
