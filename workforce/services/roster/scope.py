"""A user's scope (管理范围): a district or street; scoped users see and change only the workers
in that subtree. Unscoped users (``scope_org_id`` None) see the whole region. Roster import rows:
``auth_scope_import``."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.problems import ActionRefused
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Worker
from workforce.services.context import Actor


def scope_units(session: Session, actor: Actor) -> set[int] | None:
    """The unit ids inside the actor's scope, or None when the actor sees everything.

    Only the scope's subtree is read (a recursive query): a city has tens of thousands of units
    (its grids), and each edit asks this more than once (bench/bench_ten_clerks.py: reading the
    whole tree made a scoped clerk's edit take 1.2 s at 100,000 workers)."""
    if actor.scope_org_id is None:
        return None
    tree = select(OrgUnit.id).where(OrgUnit.id == actor.scope_org_id).cte("scope", recursive=True)
    tree = tree.union_all(select(OrgUnit.id).where(OrgUnit.parent_id == tree.c.id))
    return set(session.scalars(select(tree.c.id)))


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


def require_worker_in_scope(session: Session, actor: Actor, worker_id: int) -> str:
    """The worker's name; refused when there is no such worker or their community is outside the
    actor's scope (what a screen about one person checks first)."""
    worker = session.execute(
        select(Worker.name, Worker.community_id).where(Worker.id == worker_id)
    ).one_or_none()
    if worker is None:
        raise ActionRefused(f"人员 {worker_id} 不存在")
    require_in_scope(session, actor, worker.community_id, worker.name)
    return str(worker.name)
