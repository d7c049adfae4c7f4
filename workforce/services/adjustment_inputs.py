"""Bulk reading of what the adjustment rules need, one query per table (no per-worker queries)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from workforce.domain.adjustment import HonourFact, WorkerHistory
from workforce.domain.adjustment_rules import AdjustmentRules
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.adjustment import PostAppointment
from workforce.persistence.careers import first_registrations
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Appraisal, Certificate, Honour, Worker
from workforce.persistence.plain import plain_rows, year_of

APPRAISAL_YEARS_BACK = 12
new_tuple = tuple.__new__  # a NamedTuple without its Python-level constructor (100,000 made)


class WorkerIdentity(NamedTuple):  # a tuple: 100,000 are made per preparation
    worker_id: int
    district: str
    street: str
    level_start_year: int | None


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


def load_histories(
    session: Session, year: int, effective_date: dt.date, rules: AdjustmentRules
) -> list[tuple[WorkerIdentity, WorkerHistory]]:
    """Every active worker's identity and rule history for the run of ``year``."""
    community = aliased(OrgUnit)
    street = aliased(OrgUnit)
    district = aliased(OrgUnit)
    rows = plain_rows(
        session,
        select(
            Worker.id,
            district.name,
            street.name,
            Worker.post,
            Worker.level,
            Worker.level_start_year,
            Worker.community_start_date,
            Worker.highest_education,
            Worker.credited_ladder,
            Worker.early_steps_used,
            Worker.early_streak_start,
            Worker.credited_honour_kinds,
        )
        .join(community, Worker.community_id == community.id)
        .join(street, community.parent_id == street.id)
        .join(district, street.parent_id == district.id)
        .where(Worker.status.in_([s.value for s in ACTIVE_STATUSES]))
        .order_by(Worker.id),
    )
    appraisals: dict[int, dict[int, str]] = defaultdict(dict)
    for worker_id, appraisal_year, grade in plain_rows(
        session,
        select(Appraisal.worker_id, Appraisal.year, Appraisal.grade).where(
            Appraisal.year >= year - APPRAISAL_YEARS_BACK, Appraisal.year < year
        ),
    ):
        appraisals[worker_id][appraisal_year] = grade
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
    no_grades: dict[int, str] = {}  # shared by the workers without appraisals (never changed)
    honour_tuples = {worker_id: tuple(facts) for worker_id, facts in honours.items()}
    kinds_sets: dict[str, frozenset[str]] = {}  # a handful of distinct texts
    result = []
    for (
        worker_id,
        district_name,
        street_name,
        post,
        level,
        level_start,
        community_start,
        education,
        credited,
        early_used,
        streak,
        honour_kinds,
    ) in rows:
        kinds = kinds_sets.get(honour_kinds)
        if kinds is None:
            kinds = kinds_sets[honour_kinds] = frozenset(k for k in honour_kinds.split(",") if k)
        history = WorkerHistory(  # positional, in the order of its fields: 100,000 of them
            worker_id,
            post,
            level,
            level_start or year_of(community_start) or year,  # tenure_start_year
            appraisals.get(worker_id, no_grades),
            education,
            certificates.get(worker_id),
            credited,
            early_used,
            streak,
            honour_tuples.get(worker_id, ()),
            kinds,
            appointments.get(worker_id),
        )
        identity = new_tuple(WorkerIdentity, (worker_id, district_name, street_name, level_start))
        result.append((identity, history))
    return result
