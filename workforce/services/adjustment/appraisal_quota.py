"""The 优秀 quota per community (§5): counted over the stored results with a batch's changes laid
over them, so a dry run warns exactly as the import would."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from workforce.domain.adjustment.appraisal import GradeScheme, UnitTally, quota_warnings
from workforce.domain.problems import Problem
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Appraisal, Worker


class GradeChange(Protocol):
    @property
    def worker_id(self) -> int: ...
    @property
    def year(self) -> int: ...
    @property
    def new(self) -> str: ...


def _community_names(session: Session) -> dict[int, str]:
    street = aliased(OrgUnit)
    rows = session.execute(
        select(OrgUnit.id, street.name, OrgUnit.name)
        .join(street, OrgUnit.parent_id == street.id)
        .where(OrgUnit.kind == "community")
    ).tuples()
    return {cid: f"{street_name}{name}" for cid, street_name, name in rows}


def community_quota_warnings(
    session: Session,
    scheme: GradeScheme,
    touched: Collection[tuple[int, int]],
    changes: Iterable[GradeChange],
) -> list[Problem]:
    """Warnings for the communities and years that ``touched`` (worker, year) pairs fall in, where
    优秀 results after ``changes`` exceed the quota of the community's active workers."""
    if not touched:
        return []
    years = sorted({year for _, year in touched})
    community_of = dict(session.execute(select(Worker.id, Worker.community_id)).tuples().all())
    excellent = {
        (worker, year)
        for worker, year in session.execute(
            select(Appraisal.worker_id, Appraisal.year).where(
                Appraisal.year.in_(years), Appraisal.grade == scheme.excellent
            )
        ).tuples()
    }
    for change in changes:
        key = (change.worker_id, change.year)
        if change.new == scheme.excellent:
            excellent.add(key)
        else:
            excellent.discard(key)
    counts = Counter((community_of[w], y) for w, y in excellent if w in community_of)
    workers = dict(
        session.execute(
            select(Worker.community_id, func.count())
            .where(Worker.status.in_([s.value for s in ACTIVE_STATUSES]))
            .group_by(Worker.community_id)
        )
        .tuples()
        .all()
    )
    names = _community_names(session)
    units = sorted({(community_of[w], y) for w, y in touched if w in community_of})
    return quota_warnings(
        scheme,
        (UnitTally(names.get(c, str(c)), y, workers.get(c, 0), counts[(c, y)]) for c, y in units),
    )
