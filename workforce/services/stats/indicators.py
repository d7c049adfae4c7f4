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

from sqlalchemy import ColumnElement, Connection, Select, String, func, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.stats.indicators import (
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
from workforce.services.context import Actor, Database, gc_paused, require
from workforce.services.roster.org import OrgNode, descendants, org_nodes
from workforce.services.scale import posts_in_force

SOCIAL_WORK_CERTIFICATE = "社会工作者职业水平证书"


Org = tuple[type[OrgUnit], type[OrgUnit], type[OrgUnit]]


def _org() -> Org:
    """Aliases for a row's community, street and district."""
    return aliased(OrgUnit), aliased(OrgUnit), aliased(OrgUnit)


def scoped(
    query: Select[Any],
    unit: OrgNode | None,
    *,
    community_of: InstrumentedAttribute[int] = Worker.community_id,
    or_where: ColumnElement[bool] | None = None,
    org: Org | None = None,
) -> Select[Any]:
    """Join a query on ``Worker`` (or on any row with a community column, ``community_of``) to
    its community, street and district (``org``, when the caller selects from them too); keep
    the unit's rows, and those ``or_where`` keeps.

    Filtering through the joins (not an IN list of descendants) stays one cheap query at any size.
    """
    community, street, district = org or _org()
    query = (
        query.join(community, community_of == community.id)
        .join(street, community.parent_id == street.id)
        .join(district, street.parent_id == district.id)
    )
    if unit is None:
        return query
    where: dict[str, ColumnElement[bool]] = {
        "district": district.id == unit.id,
        "street": street.id == unit.id,
        "community": community_of == unit.id,
        "grid": Worker.grid_id == unit.id,
    }
    condition = where[unit.kind]
    return query.where(condition if or_where is None else or_(condition, or_where))


def people_query(
    unit: OrgNode | None = None,
    *,
    or_where: ColumnElement[bool] | None = None,
    with_district: bool = True,
) -> Select[Any]:
    """Each worker of the unit (all when None; also those ``or_where`` keeps): the columns of
    ``StatsPerson`` in its order, the district's name left empty unless asked for. A holder of a
    certificate without dates on file counts from ``UNDATED``."""
    certificates = (
        select(
            Certificate.worker_id,
            func.coalesce(
                func.min(func.coalesce(Certificate.obtained_date, Certificate.registered_date)),
                UNDATED,
            ).label("since"),
        )
        .where(Certificate.kind == SOCIAL_WORK_CERTIFICATE)
        .group_by(Certificate.worker_id)
        .subquery()
    )
    org = _org()
    query = select(
        Worker.id,
        Worker.birth_date,
        Worker.status,
        Worker.post,
        Worker.level,
        org[2].name if with_district else literal("", String),
        Worker.highest_education,
        Worker.is_committee_member,
        Worker.community_start_date,
        certificates.c.since,
        Worker.sex,
        Worker.community_id,
    ).outerjoin(certificates, certificates.c.worker_id == Worker.id)
    if unit is None and not with_district:
        return query
    return scoped(query, unit, or_where=or_where, org=org)


def read_people(
    connection: Connection,
    unit: OrgNode | None,
    *,
    or_where: ColumnElement[bool] | None = None,
    with_district: bool = True,
) -> list[StatsPerson]:
    """The ``StatsPerson`` of every worker of the unit (any status: the date decides)."""
    query = people_query(unit, or_where=or_where, with_district=with_district)
    return [StatsPerson._make(row) for row in connection.execute(query)]


def status_histories(connection: Connection) -> dict[int, list[tuple[dt.date, str]]]:
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


def training_totals(connection: Connection, unit: OrgNode | None, as_of: dt.date) -> TrainingTotals:
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
        query = scoped(query.join(Worker, TrainingAttendance.worker_id == Worker.id), unit)
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


def scope_unit(session: Session, actor: Actor, unit_id: int | None) -> OrgNode | None:
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
    with gc_paused(), db.reading() as session:  # 100,000 people read and counted, all alive
        unit = scope_unit(session, actor, unit_id)
        connection = session.connection()
        districts = connection.execute(
            select(OrgUnit.name)
            .where(OrgUnit.kind == "district")
            .order_by(OrgUnit.sort_order, OrgUnit.id)
        ).scalars()
        return compute_indicators(
            read_people(connection, unit),
            as_of,
            histories=status_histories(connection),
            posts=posts_in_force(session, as_of),
            districts=list(districts),
            training=training_totals(connection, unit, as_of),
        )
