"""Read models for the adjustment, appraisal and scale screens, in plain values: the list of
runs, a run's state with what changed since the last preparation, the pre-flight check before
preparing, approvers, communities, and a community's workers with their grades of a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.adjustment.appraisal import GradeScheme
from workforce.domain.problems import ActionRefused
from workforce.domain.scale import ScaleVersion
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.people import Appraisal, Worker
from workforce.services.accounts.users import UserInfo, list_users
from workforce.services.adjustment import views as adjustment_views
from workforce.services.adjustment.appraisals import appraisal_counts, grade_scheme
from workforce.services.adjustment.run import PreparedRun
from workforce.services.adjustment.views import RunInfo, RunLine, RunOverview, people, run_report
from workforce.services.context import Actor, Database
from workforce.services.roster.org import org_nodes
from workforce.services.roster.query import roster_rows
from workforce.services.scales.admin import ScaleInfo, scale_table

IN_POST = frozenset(status.value for status in ACTIVE_STATUSES)


@dataclass(frozen=True, slots=True)
class Person:
    id_number: str
    name: str


@dataclass(frozen=True, slots=True)
class SinceLast:
    """What a re-preparation changed against the plan it replaced."""

    added: tuple[Person, ...]
    removed: tuple[Person, ...]
    changed: tuple[Person, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True, slots=True)
class RunState:
    """A run as the wizard shows it: overview, lines, the scale it used, what changed."""

    overview: RunOverview
    lines: tuple[RunLine, ...]
    scale: ScaleVersion | None
    since_last: SinceLast | None = None


def load_run(
    db: Database,
    run_id: int,
    since_last: SinceLast | None = None,
    *,
    actor: Actor,
) -> RunState:
    overview, lines = run_report(db, actor, run_id)
    scale = None
    if overview.scale_effective_date is not None:
        scale = scale_table(db, overview.scale_effective_date).version
    return RunState(overview, tuple(lines), scale, since_last)


def since_last(db: Database, prepared: PreparedRun) -> SinceLast | None:
    diff = prepared.since_last
    if diff is None:
        return None
    known = people(db, {*diff.added, *diff.removed, *diff.changed})

    def named(ids: Sequence[int]) -> tuple[Person, ...]:
        return tuple(Person(*known[w]) if w in known else Person("", str(w)) for w in ids)

    return SinceLast(named(diff.added), named(diff.removed), named(diff.changed))


@dataclass(frozen=True, slots=True)
class Preflight:
    """What a preparation for ``year`` will work from: workers in post, the appraisals of the
    year before by grade, and the pay scale in force on the effective date (None: none is)."""

    year: int
    effective_date: dt.date
    in_post: int
    grades: dict[str, int]
    scale: ScaleInfo | None

    @property
    def appraised(self) -> int:
        return sum(self.grades.values())


def preflight(db: Database, year: int, effective: dt.date) -> Preflight:
    with db.reading() as session:
        in_post = session.scalar(
            select(func.count()).select_from(Worker).where(Worker.status.in_(IN_POST))
        )
    try:
        scale: ScaleInfo | None = scale_table(db, effective).info
    except ActionRefused:
        scale = None
    return Preflight(year, effective, in_post or 0, appraisal_counts(db, year - 1), scale)


def list_runs(db: Database, actor: Actor, year: int | None = None) -> list[RunInfo]:
    """Every run, newest first (``adjustment_views.list_runs``), as ``actor`` may see them."""
    return adjustment_views.list_runs(db, actor, year)


def approvers(db: Database) -> list[UserInfo]:
    """Active accounts allowed to approve a plan (审核员, 管理员)."""
    return [
        user
        for user in list_users(db)
        if user.active and is_allowed(user.role, Action.APPROVE_ADJUSTMENT)
    ]


@dataclass(frozen=True, slots=True)
class Community:
    community_id: int
    label: str


def communities(db: Database) -> list[Community]:
    """Every community as 街道 / 社区, in the tree's order."""
    with db.reading() as session:
        nodes = org_nodes(session)
    names = {node.id: node.name for node in nodes}
    return [
        Community(node.id, f"{names.get(node.parent_id or 0, '')} / {node.name}")
        for node in nodes
        if node.kind == "community"
    ]


@dataclass(frozen=True, slots=True)
class GradeRow:
    """A worker in post in the community, with the grade stored for the year (or None)."""

    worker_id: int
    name: str
    id_number: str
    post_name: str
    level: int
    status: str
    grade: str | None


@dataclass(frozen=True, slots=True)
class GradeSheet:
    community_id: int
    year: int
    scheme: GradeScheme
    rows: tuple[GradeRow, ...]


def community_grades(db: Database, community_id: int, year: int) -> GradeSheet:
    with db.reading() as session:
        scheme = grade_scheme(session)
        workers = [r for r in roster_rows(session, community_id) if r.status in IN_POST]
        ids = [r.worker_id for r in workers]
        grades = dict(
            session.execute(
                select(Appraisal.worker_id, Appraisal.grade).where(
                    Appraisal.year == year, Appraisal.worker_id.in_(ids)
                )
            )
            .tuples()
            .all()
        )
    rows = tuple(
        GradeRow(r.worker_id, r.name, r.id_number, r.post_name, r.level, r.status,
                 grades.get(r.worker_id))
        for r in workers
    )  # fmt: skip
    return GradeSheet(community_id, year, scheme, rows)
