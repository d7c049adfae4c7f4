"""Bulk reading of what the adjustment rules need, one query per table (no per-worker queries).

A run reads each worker's facts as one plain row, the appraisals already joined by the database
into one text per worker (only the years the rules read: ``first_year_read``). Workers whose
facts are equal get the same proposal but for their id, so the run builds a ``WorkerHistory`` and
evaluates the rules once per distinct facts (about 10,000 among 100,000 workers), not 100,000
histories from 370,000 appraisal rows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, String, case, cast, extract, func, or_, select
from sqlalchemy.orm import Session, aliased

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.rules import HonourFact, WorkerHistory, first_year_read
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.adjustment import PostAppointment
from workforce.persistence.aggregate import SEPARATOR, ordered_texts
from workforce.persistence.careers import first_registrations
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Appraisal, Certificate, Honour, Worker
from workforce.persistence.plain import plain_rows

APPRAISAL_YEARS_BACK = 12
# What a run needs of one worker, as plain tuples (100,000 are made per preparation):
# (worker id, community id, facts). The facts are hashable and equal for workers
# whose histories differ only by id: (the worker row's values from ``level_start_year`` on, the
# grades text last; the certificate level credited; the honours; the appointed new post).
# ``PlanFacts.history`` turns them into the rules' ``WorkerHistory``.
Facts = tuple[Any, ...]
PlanWorker = tuple[int, int, Facts]


def worker_state(worker: Worker) -> dict[str, object]:
    """The fields a run changes, as stored in an item's before/after state."""
    return {
        "post": worker.post,
        "level": worker.level,
        "level_start_year": worker.level_start_year,
        "credited_ladder": worker.credited_ladder,
        "early_steps_used": worker.early_steps_used,
        "early_streak_start": worker.early_streak_start,
        "credited_honour_kinds": worker.credited_honour_kinds,
    }


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """Every active worker's facts for the run of ``year``, in worker id order."""

    year: int
    workers: list[PlanWorker]
    places: dict[int, tuple[str, str]]  # (district, street) names by community
    _kinds: dict[str, frozenset[str]] = field(default_factory=dict)  # a handful of texts

    @staticmethod
    def level_start_year(facts: Facts) -> int | None:
        """The worker's stored ``level_start_year`` (kept in the item's state before the run)."""
        start: int | None = facts[0][0]
        return start

    def history(self, worker_id: int, facts: Facts) -> WorkerHistory:
        """The rules' history of a worker with these facts."""
        row, certificate, honours, new_post = facts
        (
            level_start,
            post,
            level,
            community_year,
            education,
            credited,
            used,
            streak,
            kinds,
            grades,
        ) = row
        found = self._kinds.get(kinds)
        if found is None:
            found = self._kinds[kinds] = frozenset(k for k in kinds.split(",") if k)
        return WorkerHistory(
            worker_id,
            post,
            level,
            level_start or community_year or self.year,  # tenure_start_year
            {int(g[:4]): g[4:] for g in grades.split(SEPARATOR)} if grades else {},
            education,
            certificate,
            credited,
            used,
            streak,
            honours,
            found,
            new_post,
        )


def load_facts(
    session: Session, year: int, effective_date: dt.date, rules: AdjustmentRules
) -> PlanFacts:
    """Every active worker's facts for the run of ``year`` (see ``PlanWorker``)."""
    community = aliased(OrgUnit)
    street = aliased(OrgUnit)
    district = aliased(OrgUnit)
    active = Worker.status.in_([s.value for s in ACTIVE_STATUSES])
    since = year - APPRAISAL_YEARS_BACK
    community_year = cast(extract("year", Worker.community_start_date), Integer)
    # the tenure start falls back on the community start year only without a level start year
    # (read only then, so workers differing in it alone share their facts)
    no_level_start = func.coalesce(Worker.level_start_year, 0) == 0
    # the grades the rules read (``first_year_read``) as one text per worker, "2025优秀" and so on
    # in year order: not the years before the tenure start (and the 优秀 streak), which change
    # nothing, so workers differing only in those share their facts. (Where ``history`` would
    # fall back further, on the run year, this reads more years than needed: never fewer.)
    tenure_start = func.coalesce(Worker.level_start_year, community_year)
    grades = (
        select(
            Appraisal.worker_id,
            ordered_texts(cast(Appraisal.year, String) + Appraisal.grade, Appraisal.year).label(
                "grades"
            ),
        )
        .join(Worker, Worker.id == Appraisal.worker_id)
        .where(
            Appraisal.year >= since,
            Appraisal.year < year,
            or_(
                Appraisal.year >= first_year_read(year, rules, year),  # (a tenure starting now)
                Appraisal.year >= tenure_start,
            ),
        )
        .group_by(Appraisal.worker_id)
        .subquery("grades")
    )
    rows = plain_rows(
        session,
        select(
            Worker.id,
            Worker.community_id,
            Worker.level_start_year,
            Worker.post,
            Worker.level,
            case((no_level_start, community_year)),
            Worker.highest_education,
            Worker.credited_ladder,
            Worker.early_steps_used,
            Worker.early_streak_start,
            Worker.credited_honour_kinds,
            grades.c.grades,
        )
        .outerjoin(grades, grades.c.worker_id == Worker.id)
        .where(active)
        .order_by(Worker.id),
    )
    # the names apart, once per community (joined to every worker row, they cost the server
    # two index lookups per worker)
    places = {
        community_id: (district_name, street_name)
        for community_id, district_name, street_name in session.execute(
            select(community.id, district.name, street.name)
            .join(street, community.parent_id == street.id)
            .join(district, street.parent_id == district.id)
            .where(community.id.in_(select(Worker.community_id).where(active)))
        )
    }
    certificates: dict[int, str] = {}
    ladder = rules.certificate_ladder
    first = first_registrations()  # credit starts at the first registration, not a renewal
    for worker_id, level in session.execute(
        select(Certificate.worker_id, Certificate.level)
        .join(first, first.c.certificate_id == Certificate.id)
        .where(first.c.first_registered <= effective_date)
    ):
        if ladder.get(level, 0) > ladder.get(certificates.get(worker_id, ""), 0):
            certificates[worker_id] = level
    honours: dict[int, list[HonourFact]] = defaultdict(list)
    for worker_id, kind, title, awarded in session.execute(
        select(Honour.worker_id, Honour.kind, Honour.title, Honour.awarded_date).where(
            Honour.awarded_date < effective_date
        )
    ):
        honours[worker_id].append(HonourFact(kind, title, awarded.year))
    honour_tuples = {worker_id: tuple(facts) for worker_id, facts in honours.items()}
    appointments = dict(
        session.execute(
            select(PostAppointment.worker_id, PostAppointment.new_post)
            .where(
                PostAppointment.run_id.is_(None), PostAppointment.effective_date <= effective_date
            )
            .order_by(PostAppointment.effective_date, PostAppointment.id)
        )
        .tuples()
        .all()
    )
    certificate, honour, appointment = certificates.get, honour_tuples.get, appointments.get
    return PlanFacts(
        year,
        [
            (
                row[0],
                row[1],
                (row[2:], certificate(row[0]), honour(row[0], ()), appointment(row[0])),
            )
            for row in rows
            if row[1] in places  # (a community outside the district → street tree: no run)
        ],
        places,
    )
