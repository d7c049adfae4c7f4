"""生成示例数据: fill an empty database with a synthetic district or city in one transaction.

Everything is written with Core bulk inserts (PERF-NOTES: never ``add_all`` of 100,000 objects),
and the whole generation is one audit entry. The first history rows are those ``insert_workers``
gives a new worker (post/level, status, education, certificate), dated as the generator drew them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.ladder import ladder_value
from workforce.domain.demo.population import (
    DemoError,
    DemoPopulation,
    DemoWorker,
    generate_population,
)
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.domain.roster.worker import WORKER_FIELDS
from workforce.persistence.base import Base, utc_now
from workforce.persistence.careers import CertificateRegistration
from workforce.persistence.database import refresh_statistics
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import (
    Appraisal,
    Certificate,
    EducationRecord,
    PostLevelChange,
    StatusChange,
    TrainingAttendance,
    TrainingSession,
    Worker,
)
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, gc_paused, require
from workforce.services.roster.org import default_district_id
from workforce.services.scale import posts_in_force

MAX_WORKERS = 500_000
CHUNK = 5_000
SOURCE = "demo"
REASON = "示例数据"
_UNIT_KINDS = ("district", "street", "community", "grid")
_worker_values = attrgetter(*WORKER_FIELDS)


@dataclass(frozen=True, slots=True)
class DemoReport:
    """What was generated: counts of units, people and history rows."""

    workers: int
    districts: int
    streets: int
    communities: int
    grids: int
    certificates: int
    appraisals: int
    training_sessions: int
    attendances: int

    def describe(self) -> str:
        return (
            f"已生成示例数据：{self.workers}人，{self.districts}个区、{self.streets}个街道、"
            f"{self.communities}个社区、{self.grids}个网格；社工证{self.certificates}本，"
            f"考核{self.appraisals}条，培训{self.training_sessions}期{self.attendances}人次"
        )


def _refuse_unless_empty(session: Session, district_id: int) -> None:
    if session.scalar(select(Worker.id).limit(1)) is not None:
        raise ActionRefused("数据库中已有人员档案：示例数据只能生成到新建的空数据库中")
    units = session.scalar(
        select(func.count()).select_from(OrgUnit).where(OrgUnit.id != district_id)
    )
    if units:
        raise ActionRefused("数据库中已有街道、社区等组织机构：示例数据只能生成到新建的空数据库中")


def _table(model: type[Base]) -> Table:
    """The Core table of a mapped class: inserting into it skips the ORM's bulk machinery, which
    groups rows by their None columns and splices results (quadratic at 100,000 rows)."""
    return cast(Table, model.__table__)


def _insert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(_table(model)), rows)


def _allocate_ids(session: Session, model: type[Base], count: int) -> list[int]:
    """``count`` new primary keys, so rows can be inserted with plain ``executemany``.

    PostgreSQL draws them from the table's sequence; SQLite continues after the largest id (an
    INTEGER PRIMARY KEY does the same). ``RETURNING`` with ordered ids would do, but SQLite then
    inserts row by row: 30 times slower at 100,000 rows.
    """
    if count == 0:
        return []
    table = _table(model)
    if session.get_bind().dialect.name == "postgresql":
        sequence = func.pg_get_serial_sequence(table.name, "id")
        draw = select(func.nextval(sequence)).select_from(func.generate_series(1, count))
        return sorted(session.scalars(draw))
    start = session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0
    return list(range(start + 1, start + count + 1))


def _insert_with_ids(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows under newly allocated ids; returns the ids in the order of ``rows``."""
    ids = _allocate_ids(session, model, len(rows))
    for row, new_id in zip(rows, ids, strict=True):
        row["id"] = new_id
    _insert(session, model, rows)
    return ids


def _insert_units(session: Session, population: DemoPopulation, district_id: int) -> dict[int, int]:
    """Unit key → id, inserting level by level; the first district is the default district."""
    ids: dict[int, int] = {}
    for kind in _UNIT_KINDS:
        units = [u for u in population.units if u.kind == kind]
        if kind == "district":
            ids[units[0].key] = district_id
            units = units[1:]
        rows = [
            {
                "parent_id": None if u.parent is None else ids[u.parent],
                "kind": u.kind,
                "name": u.name,
                "sort_order": u.sort_order,
                "headcount_norm": None,
            }
            for u in units
        ]
        ids.update(
            zip((u.key for u in units), _insert_with_ids(session, OrgUnit, rows), strict=True)
        )
    return ids


def _worker_rows(
    workers: Sequence[DemoWorker], unit_ids: dict[int, int], now: dt.datetime
) -> list[dict[str, Any]]:
    rows = []
    for worker in workers:
        row = dict(zip(WORKER_FIELDS, _worker_values(worker.data), strict=True))
        row["community_id"] = unit_ids[worker.community]
        row["grid_id"] = None if worker.grid is None else unit_ids[worker.grid]
        cert = worker.certificate
        row["credited_ladder"] = ladder_value(
            worker.data.highest_education, cert.level if cert else None
        )
        row["version"] = 1
        row["created_at"] = row["updated_at"] = now
        rows.append(row)
    return rows


def _history(
    session: Session,
    workers: Sequence[DemoWorker],
    ids: Sequence[int],
    today: dt.date,
    now: dt.datetime,
) -> int:
    """The first history rows of each worker, their certificates' registrations (when renewed)
    and their appraisals; returns appraisals written."""
    pairs = list(zip(ids, workers, strict=True))
    post_levels = []
    for wid, w in pairs:
        start = w.data.community_start_date or today
        year = w.data.level_start_year or start.year
        post_levels.append(
            {
                "worker_id": wid,
                "post": w.data.post,
                "level": w.data.level,
                "reason": REASON,
                "source": SOURCE,
                "effective_date": start if year <= start.year else dt.date(year, 1, 1),
            }
        )
    _insert(session, PostLevelChange, post_levels)
    _insert(
        session,
        StatusChange,
        [
            {"worker_id": wid, "status": status, "effective_date": on, "reason": REASON}
            for wid, w in pairs
            for on, status in w.statuses
        ],
    )
    _insert(
        session,
        EducationRecord,
        [
            {
                "worker_id": wid,
                "education": education,
                "fulltime": fulltime,
                "school": w.data.school,
                "major": w.data.major,
                "recorded_on": today,
            }
            for wid, w in pairs
            for education, fulltime in (
                (w.data.fulltime_education, True),
                (w.data.highest_education, False),
            )
            if education
        ],
    )
    certificates = [
        {
            "worker_id": wid,
            "level": c.level,
            "number": c.number,
            "obtained_date": c.obtained_date,
            "registered_date": c.registered_date,
        }
        for wid, w in pairs
        if (c := w.certificate) is not None
    ]
    renewed = [w.registrations for _, w in pairs if w.certificate is not None]
    certificate_ids = _insert_with_ids(session, Certificate, certificates)
    _insert(
        session,
        CertificateRegistration,
        [
            {
                "certificate_id": cid,
                "registered_date": on,
                "source": "manual" if n == 0 else "renewal",
                "recorded_at": now,
            }
            for cid, dates in zip(certificate_ids, renewed, strict=True)
            for n, on in enumerate(dates)
        ],
    )
    appraisals = [
        {"worker_id": wid, "year": year, "grade": grade}
        for wid, w in pairs
        for year, grade in w.appraisals
    ]
    _insert(session, Appraisal, appraisals)
    return len(appraisals)


def _insert_training(session: Session, population: DemoPopulation, worker_ids: list[int]) -> None:
    sessions = population.trainings
    ids = _insert_with_ids(
        session,
        TrainingSession,
        [
            {
                "title": t.title,
                "organiser_level": t.organiser_level,
                "start_date": t.start_date,
                "end_date": t.end_date,
                "hours": t.hours,
                "required": t.required,
            }
            for t in sessions
        ],
    )
    attendance = [
        {"session_id": sid, "worker_id": worker_ids[index], "passed": passed}
        for sid, t in zip(ids, sessions, strict=True)
        for index, passed in t.attendance
    ]
    _insert(session, TrainingAttendance, attendance)


def _steps(workers: int) -> int:
    """Progress steps: each worker drawn, each worker written, then the commit."""
    return 2 * workers + 1


def _insert_workers(
    session: Session,
    population: DemoPopulation,
    unit_ids: dict[int, int],
    progress: ProgressFn,
    cancel: CancelToken | None,
) -> tuple[list[int], int]:
    """Workers with their history, in chunks; returns their ids and the appraisals written."""
    count = len(population.workers)
    total = _steps(count)
    now = utc_now()
    worker_ids: list[int] = []
    appraisals = 0
    for start in range(0, count, CHUNK):
        if cancel is not None:
            cancel.check()
        chunk = population.workers[start : start + CHUNK]
        ids = _insert_with_ids(session, Worker, _worker_rows(chunk, unit_ids, now))
        appraisals += _history(session, chunk, ids, population.today, now)
        worker_ids.extend(ids)
        progress(count + len(worker_ids), total)
    return worker_ids, appraisals


def generate_demo(
    db: Database,
    actor: Actor,
    *,
    workers: int,
    seed: int,
    today: dt.date | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> DemoReport:
    """Generate ``workers`` synthetic workers (deterministic for ``seed`` and ``today``).

    Refuses a database that already holds workers or units beyond the default district.
    ``progress`` gets (done, total) over drawing and writing; a cancel writes nothing.
    """
    require(actor, Action.GENERATE_DEMO)
    if not 1 <= workers <= MAX_WORKERS:
        raise ActionRefused(f"示例人数应在1–{MAX_WORKERS}之间")
    today = today or dt.date.today()
    total = _steps(workers)
    with gc_paused(), db.transaction() as session:
        district_id = default_district_id(session)
        _refuse_unless_empty(session, district_id)
        district = session.get_one(OrgUnit, district_id)
        try:
            population = generate_population(
                workers,
                seed,
                today,
                posts_in_force(session, today),
                first_district=district.name,
                progress=lambda done, _: progress(done, total),
                cancel=cancel,
            )
        except DemoError as exc:
            raise ActionRefused(str(exc)) from exc
        unit_ids = _insert_units(session, population, district_id)
        worker_ids, appraisals = _insert_workers(session, population, unit_ids, progress, cancel)
        if cancel is not None:
            cancel.check()
        _insert_training(session, population, worker_ids)
        report = DemoReport(
            workers=workers,
            districts=population.unit_count("district"),
            streets=population.unit_count("street"),
            communities=population.unit_count("community"),
            grids=population.unit_count("grid"),
            certificates=population.certificate_count,
            appraisals=appraisals,
            training_sessions=len(population.trainings),
            attendances=population.attendance_count,
        )
        audit.record(
            session,
            actor,
            "generate_demo",
            "demo",
            None,
            {"seed": (None, seed), "today": (None, today)},
            note=report.describe(),
        )
    refresh_statistics(db.engine)  # 1,000,000 rows and more at 100,000 workers
    progress(total, total)
    return report
