"""统计: the published indicators on a date, for the whole database or one organisation unit.

Reads Core rows (not ORM objects): the people with their district and first certificate date in
one query, the status histories that changed, and this year's training totals summed by the
database; ``domain.stats`` computes the rest. 100,000 workers take under a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, select
from sqlalchemy.orm import Session, aliased

from workforce.domain.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.stats import (
    UNDATED,
    Indicators,
    StatsPerson,
    TrainingTotals,
    compute_indicators,
)
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import (
    Certificate,
    StatusChange,
    TrainingAttendance,
    TrainingSession,
    Worker,
)
from workforce.services.context import Actor, Database, require
from workforce.services.org import OrgNode, descendants, org_nodes
from workforce.services.scales import posts_in_force

SOCIAL_WORK_CERTIFICATE = "社会工作者职业水平证书"


def _scoped(
    query: Select[Any], unit: OrgNode | None, *, with_district: bool = False
) -> Select[Any]:
    """Join a query on ``Worker`` to its community, street and district; keep the unit's workers
    (and add the district's name as the last column when asked).

    Filtering through the joins (not an IN list of descendants) stays one cheap query at any size.
    """
    community, street, district = aliased(OrgUnit), aliased(OrgUnit), aliased(OrgUnit)
    query = (
        query.join(community, Worker.community_id == community.id)
        .join(street, community.parent_id == street.id)
        .join(district, street.parent_id == district.id)
    )
    if with_district:
        query = query.add_columns(district.name)
    if unit is None:
        return query
    where: dict[str, ColumnElement[bool]] = {
        "district": district.id == unit.id,
        "street": street.id == unit.id,
        "community": Worker.community_id == unit.id,
        "grid": Worker.grid_id == unit.id,
    }
    return query.where(where[unit.kind])


def people_query(unit: OrgNode | None = None) -> Select[Any]:
    """Each worker of the unit (all when None) with the district and first certificate date."""
    certificates = (
        select(
            Certificate.worker_id,
            func.min(func.coalesce(Certificate.obtained_date, Certificate.registered_date)).label(
                "since"
            ),
        )
        .where(Certificate.kind == SOCIAL_WORK_CERTIFICATE)
        .group_by(Certificate.worker_id)
        .subquery()
    )
    query = select(
        Worker.id,
        Worker.birth_date,
        Worker.status,
        Worker.post,
        Worker.level,
        Worker.highest_education,
        Worker.is_committee_member,
        Worker.community_start_date,
        certificates.c.since,
        certificates.c.worker_id.is_not(None),
    ).outerjoin(certificates, certificates.c.worker_id == Worker.id)
    return _scoped(query, unit, with_district=True)


def _people(connection: Connection, unit: OrgNode | None) -> list[StatsPerson]:
    return [
        StatsPerson(
            worker_id,
            birth,
            status,
            post,
            level,
            district,
            education,
            committee,
            start,
            since if since is not None or not holds else UNDATED,
        )
        for (
            worker_id,
            birth,
            status,
            post,
            level,
            education,
            committee,
            start,
            since,
            holds,
            district,
        ) in connection.execute(people_query(unit)).all()
    ]


def _histories(connection: Connection) -> dict[int, list[tuple[dt.date, str]]]:
    """Status histories of the workers whose status changed (one row means no change)."""
    changed = (
        select(StatusChange.worker_id).group_by(StatusChange.worker_id).having(func.count() > 1)
    )
    rows = connection.execute(
        select(StatusChange.worker_id, StatusChange.effective_date, StatusChange.status)
        .where(StatusChange.worker_id.in_(changed))
        .order_by(StatusChange.worker_id, StatusChange.effective_date, StatusChange.id)
    ).all()
    histories: dict[int, list[tuple[dt.date, str]]] = {}
    for worker_id, effective, status in rows:
        histories.setdefault(worker_id, []).append((effective, status))
    return histories


def _training(connection: Connection, unit: OrgNode | None, as_of: dt.date) -> TrainingTotals:
    """Passed attendances of the unit's workers in sessions of the as-of year up to that date
    (whatever the worker's status now: the training took place)."""
    query = (
        select(func.count(), func.sum(TrainingSession.hours))
        .select_from(TrainingAttendance)
        .join(TrainingSession, TrainingAttendance.session_id == TrainingSession.id)
        .where(
            TrainingSession.start_date >= dt.date(as_of.year, 1, 1),
            TrainingSession.start_date <= as_of,
            TrainingAttendance.passed.is_(True),
        )
    )
    if unit is not None:
        query = _scoped(query.join(Worker, TrainingAttendance.worker_id == Worker.id), unit)
    count, hours = connection.execute(query).one()
    return TrainingTotals(count, hours if hours is not None else Decimal("0.0"))


def find_unit(nodes: Sequence[OrgNode], text: str) -> OrgNode:
    """The unit a person names: its name, or a path such as 新城区/中山东路街道 when ambiguous."""
    parts = [p for p in text.replace("／", "/").split("/") if p.strip()]
    by_id = {n.id: n for n in nodes}

    def path_ends_with(node: OrgNode) -> bool:
        current: OrgNode | None = node
        for name in reversed(parts):
            if current is None or current.name != name.strip():
                return False
            current = by_id.get(current.parent_id) if current.parent_id is not None else None
        return True

    found = [n for n in nodes if path_ends_with(n)] if parts else []
    if not found:
        raise ActionRefused(f"找不到单位「{text}」")
    if len(found) > 1:
        places = "、".join(_path(by_id, n) for n in found[:5])
        raise ActionRefused(f"「{text}」不止一个（{places}），请写出上级，如「上级/{parts[-1]}」")
    return found[0]


def _path(by_id: dict[int, OrgNode], node: OrgNode) -> str:
    names = []
    current: OrgNode | None = node
    while current is not None:
        names.append(current.name)
        current = by_id.get(current.parent_id) if current.parent_id is not None else None
    return "/".join(reversed(names))


def _scope(session: Session, actor: Actor, unit_id: int | None) -> OrgNode | None:
    """The unit to count: the one asked for, within the actor's own unit when they have one."""
    if unit_id is None and actor.scope_org_id is None:
        return None
    nodes = org_nodes(session)
    by_id = {n.id: n for n in nodes}
    if unit_id is not None and unit_id not in by_id:
        raise ActionRefused(f"单位 {unit_id} 不存在")
    if actor.scope_org_id is None:
        return by_id[unit_id] if unit_id is not None else None
    if unit_id is None:
        return by_id.get(actor.scope_org_id)
    if unit_id not in descendants(nodes, actor.scope_org_id):
        raise ActionRefused(f"当前用户只能查看本单位的统计，无权查看「{by_id[unit_id].name}」")
    return by_id[unit_id]


def statistics(
    db: Database, actor: Actor, *, as_of: dt.date | None = None, unit_id: int | None = None
) -> Indicators:
    """The indicators on ``as_of`` (default today) for the database or the unit ``unit_id``."""
    require(actor, Action.VIEW_WORKERS)
    as_of = as_of or dt.date.today()
    with db.reading() as session:
        unit = _scope(session, actor, unit_id)
        connection = session.connection()
        districts = connection.execute(
            select(OrgUnit.name)
            .where(OrgUnit.kind == "district")
            .order_by(OrgUnit.sort_order, OrgUnit.id)
        ).scalars()
        return compute_indicators(
            _people(connection, unit),
            as_of,
            histories=_histories(connection),
            posts=posts_in_force(session, as_of),
            districts=list(districts),
            training=_training(connection, unit, as_of),
        )
