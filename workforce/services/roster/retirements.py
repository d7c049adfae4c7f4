"""退休: each active worker's statutory retirement date under the 2025 reform (issue 19), the
workers retiring within a number of months (the reminder list) and the retirements per year
ahead (the statistic). Reads only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.roster.retirement import (
    DEFAULT_ORIGINAL_AGE,
    ORIGINAL_AGES,
    Retirement,
    original_age_of,
    retirement,
    retirements_by_year,
)
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.accounts import Setting
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Worker
from workforce.services.context import Actor, Database, require
from workforce.services.roster.org import descendants, org_nodes
from workforce.services.roster.scope import unit_within_scope

DEFAULTS_KEY = "retirement_defaults"
"""Setting: the region's original retirement age by sex, ``{"男": 60, "女": 50}`` by default."""


@dataclass(frozen=True, slots=True)
class Retiree:
    worker_id: int
    name: str
    sex: str
    birth_date: dt.date
    district: str
    street: str
    community: str
    post: str
    level: int
    retirement: Retirement


def original_age_defaults(session: Session) -> Mapping[str, int]:
    """The region's default original age per sex (setting ``retirement_defaults``)."""
    row = session.get(Setting, DEFAULTS_KEY)
    stored = None if row is None else row.value
    values = dict(DEFAULT_ORIGINAL_AGE)
    if isinstance(stored, dict):
        for sex, age in stored.items():
            if int(age) not in ORIGINAL_AGES:
                raise ValueError(f"设置{DEFAULTS_KEY}：{sex}的原退休年龄{age}不是50、55或60")
            values[str(sex)] = int(age)
    return values


def retirement_defaults(db: Database) -> Mapping[str, int]:
    """The region's default original age per sex, for a form to show a person's retirement."""
    with db.reading() as session:
        return original_age_defaults(session)


def active_retirements(session: Session, unit_id: int | None = None) -> list[Retiree]:
    """Every active worker (of the unit ``unit_id`` and below, when given) with their statutory
    retirement."""
    defaults = original_age_defaults(session)
    community, street, district = aliased(OrgUnit), aliased(OrgUnit), aliased(OrgUnit)
    query = select(
        Worker.id,
        Worker.name,
        Worker.sex,
        Worker.birth_date,
        district.name,
        street.name,
        community.name,
        Worker.post,
        Worker.level,
        Worker.retirement_age,
    ).where(Worker.status.in_([s.value for s in ACTIVE_STATUSES]))
    query = (
        query.join(community, Worker.community_id == community.id)
        .join(street, community.parent_id == street.id)
        .join(district, street.parent_id == district.id)
    )
    if unit_id is not None:
        query = query.where(Worker.community_id.in_(descendants(org_nodes(session), unit_id)))
    rows = session.execute(query.order_by(Worker.id)).all()
    return [
        Retiree(
            worker_id,
            name,
            sex,
            birth,
            district_name,
            street_name,
            community_name,
            post,
            level,
            retirement(birth, original_age_of(sex, age, defaults)),
        )
        for (
            worker_id,
            name,
            sex,
            birth,
            district_name,
            street_name,
            community_name,
            post,
            level,
            age,
        ) in rows
    ]


def months_on(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` months after ``day``'s month."""
    total = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(total, 12)
    return dt.date(year, month0 + 1, 1)


def retiring_soon(
    session: Session, unit_id: int | None, as_of: dt.date, months: int = 12
) -> list[Retiree]:
    """Active workers whose statutory retirement falls from ``as_of`` to the end of the month
    ``months`` months on (before its first day: months + 1 month ends), soonest first."""
    until = months_on(as_of, months)
    found = [p for p in active_retirements(session, unit_id) if as_of <= p.retirement.date < until]
    return sorted(found, key=lambda p: (p.retirement.date, p.worker_id))


def retiring_within(
    db: Database, actor: Actor, as_of: dt.date, months: int = 12, unit_id: int | None = None
) -> list[Retiree]:
    """The reminder list: active workers whose statutory retirement falls from ``as_of`` to the
    end of the month ``months`` months on, soonest first."""
    require(actor, Action.VIEW_WORKERS)
    with db.reading() as session:
        return retiring_soon(session, unit_within_scope(session, actor, unit_id), as_of, months)


def retirements_per_year(
    db: Database, actor: Actor, first_year: int, years: int = 5, unit_id: int | None = None
) -> dict[int, int]:
    """The statistic: how many of today's active workers reach their statutory retirement in
    each of ``years`` years from ``first_year``."""
    require(actor, Action.VIEW_WORKERS)
    with db.reading() as session:
        people = active_retirements(session, unit_within_scope(session, actor, unit_id))
    return retirements_by_year([p.retirement.date for p in people], first_year, years)
