"""The roster read model: one flat row per worker, names resolved, read with Core in one query.

Lists, exports and statistics read these rows, never ORM objects (PERF-NOTES: 100,000 rows).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from workforce.persistence.org import OrgUnit
from workforce.persistence.pay import ScalePost
from workforce.persistence.people import Certificate, Worker
from workforce.persistence.plain import plain_rows
from workforce.services.context import Actor
from workforce.services.roster.org import descendants, org_nodes
from workforce.services.roster.scope import unit_within_scope
from workforce.services.scale import posts_in_force


@dataclass(frozen=True, slots=True)
class RosterRow:
    """A worker as the roster shows it (§11 columns), with ids for navigation."""

    worker_id: int
    version: int
    district: str
    street: str
    community: str
    community_id: int
    grid: str | None
    name: str
    sex: str
    ethnicity: str
    id_number: str
    birth_date: dt.date
    political_status: str
    party_join_date: dt.date | None
    fulltime_education: str | None
    highest_education: str | None
    school: str | None
    major: str | None
    work_start_date: dt.date | None
    community_start_date: dt.date | None
    recruitment_channel: str | None
    duties: str | None
    is_committee_member: bool
    post: str
    post_name: str
    level: int
    level_start_year: int | None
    certificate_level: str | None
    certificate_obtained: dt.date | None
    certificate_registered: dt.date | None
    phone: str | None
    bank_name: str | None
    bank_account: str | None
    status: str
    remarks: str | None


def _query(post_names: dict[str, str]) -> Select[tuple[object, ...]]:
    grid = aliased(OrgUnit)
    community = aliased(OrgUnit)
    street = aliased(OrgUnit)
    district = aliased(OrgUnit)
    ranked = select(
        Certificate.worker_id,
        Certificate.level,
        Certificate.obtained_date,
        Certificate.registered_date,
        func.row_number()
        .over(
            partition_by=Certificate.worker_id,
            order_by=(Certificate.registered_date.desc().nulls_last(), Certificate.id.desc()),
        )
        .label("rank"),
    ).subquery()
    return (
        select(
            Worker.id,
            Worker.version,
            district.name,
            street.name,
            community.name,
            Worker.community_id,
            grid.name,
            Worker.name,
            Worker.sex,
            Worker.ethnicity,
            Worker.id_number,
            Worker.birth_date,
            Worker.political_status,
            Worker.party_join_date,
            Worker.fulltime_education,
            Worker.highest_education,
            Worker.school,
            Worker.major,
            Worker.work_start_date,
            Worker.community_start_date,
            Worker.recruitment_channel,
            Worker.duties,
            Worker.is_committee_member,
            Worker.post,
            Worker.post,
            Worker.level,
            Worker.level_start_year,
            ranked.c.level,
            ranked.c.obtained_date,
            ranked.c.registered_date,
            Worker.phone,
            Worker.bank_name,
            Worker.bank_account,
            Worker.status,
            Worker.remarks,
        )
        .join(community, Worker.community_id == community.id)
        .join(street, community.parent_id == street.id)
        .join(district, street.parent_id == district.id)
        .outerjoin(grid, Worker.grid_id == grid.id)
        .outerjoin(ranked, (ranked.c.worker_id == Worker.id) & (ranked.c.rank == 1))
        .order_by(street.sort_order, street.id, community.sort_order, community.id, Worker.id)
    )


def roster_rows(
    session: Session,
    under_org_id: int | None = None,
    *,
    on: dt.date | None = None,
    worker_id: int | None = None,
    actor: Actor | None = None,
) -> list[RosterRow]:
    """All workers (any status), optionally only those under one organisation unit, or one.
    With ``actor``, only the workers in the actor's scope (a unit outside it is refused)."""
    if actor is not None:
        under_org_id = unit_within_scope(session, actor, under_org_id)
    posts = posts_in_force(session, on or dt.date.today())
    names = {p.code: p.name for p in posts}
    if not names:
        names = dict(session.execute(select(ScalePost.code, ScalePost.name)).tuples().all())
    query = _query(names)
    if under_org_id is not None:
        ids = descendants(org_nodes(session), under_org_id)
        query = query.where(Worker.community_id.in_(ids))
    if worker_id is not None:
        query = query.where(Worker.id == worker_id)
    # Plain DBAPI rows, converting only dates and the flag: SQLAlchemy's result processing of
    # 100,000 rows (SQLite dates parsed in Python) cost more than the query (PERF-NOTES).
    result = []
    text_dates = session.get_bind().dialect.name == "sqlite"  # ISO text there, dates elsewhere
    parse = dt.date.fromisoformat
    for row in plain_rows(session, query):
        values = list(row)
        if text_dates:
            for index in _DATES:
                if values[index] is not None:
                    values[index] = parse(values[index])
        values[22] = bool(values[22])
        values[24] = names.get(str(values[23]), str(values[23]))
        result.append(RosterRow(*values))
    return result


# positions in ``_query``: birth, party join, work start, community start, certificate dates
_DATES = (11, 13, 18, 19, 28, 29)
