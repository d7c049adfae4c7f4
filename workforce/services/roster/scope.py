"""A user's scope (管理范围): a district or street; scoped users see and change only the workers
in that subtree. Unscoped users (``scope_org_id`` None) see the whole region. Roster import rows:
``auth_scope_import``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from workforce.domain.problems import ActionRefused
from workforce.persistence.org import OrgUnit
from workforce.services.context import Actor
from workforce.services.roster.org import descendants, org_nodes


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
