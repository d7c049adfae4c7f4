"""Read models of an adjustment run (§4) for the review screen, the CLI and the finance workbook:
the list of runs, an overview (status, who did what, person-times, yearly cost, totals by
district, street and post) and one line per person with the reasons in words. Core rows, a fixed
number of queries. A run shows everyone's pay: each read needs ``Action.VIEW_ADJUSTMENT``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.adjustment.plan import PlanLine, Tally, summarise, ten_thousand_yuan
from workforce.domain.money import ZERO
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import User
from workforce.persistence.adjustment import AdjustmentItem, AdjustmentRun
from workforce.persistence.org import OrgUnit
from workforce.persistence.pay import PayScale, ScalePost
from workforce.persistence.people import Worker
from workforce.services.adjustment.run import STATUS_NAMES, employer_share_rate, get_run
from workforce.services.context import Actor, Database, require


@dataclass(frozen=True, slots=True)
class GroupTotal:
    """人次 and 年度增加资金 of one district, street or post."""

    name: str
    person_times: int
    yearly_cost: Decimal


@dataclass(frozen=True, slots=True)
class RunLine:
    """One person of a run: where they work, old → new, the reasons, the money, the clerk's say."""

    item_id: int
    worker_id: int
    id_number: str
    name: str
    district: str
    street: str
    community: str
    old_post: str
    old_post_name: str
    old_level: int
    new_post: str
    new_post_name: str
    new_level: int
    proposed_level: int
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    monthly_delta: Decimal
    yearly_delta: Decimal
    excluded: bool
    override_reason: str

    @property
    def changed(self) -> bool:
        """Counted in the run: not excluded, and the post or level moves."""
        return not self.excluded and (self.old_post, self.old_level) != (
            self.new_post,
            self.new_level,
        )

    @property
    def blocked(self) -> bool:
        """Held back (ceiling, missing or failing appraisal) and not moving."""
        return bool(self.notes) and not self.changed and not self.excluded

    @property
    def overridden(self) -> bool:
        return not self.excluded and self.new_level != self.proposed_level

    @property
    def counted_monthly(self) -> Decimal:
        return self.monthly_delta if self.changed else ZERO

    @property
    def counted_yearly(self) -> Decimal:
        return self.yearly_delta if self.changed else ZERO


@dataclass(frozen=True, slots=True)
class RunOverview:
    run_id: int
    year: int
    effective_date: dt.date
    status: str
    status_name: str
    scale_name: str
    scale_effective_date: dt.date | None
    prepared_by: str | None
    prepared_at: dt.datetime
    approved_by: str | None
    approved_at: dt.datetime | None
    applied_by: str | None
    applied_at: dt.datetime | None
    reverted_by: str | None
    reverted_at: dt.datetime | None
    items: int
    person_times: int
    yearly_cost: Decimal
    blocked: int
    excluded: int
    overridden: int
    by_district: tuple[GroupTotal, ...]
    by_street: tuple[GroupTotal, ...]
    by_post: tuple[GroupTotal, ...]
    employer_share_rate: Decimal | None = None
    """The summed employer insurance rate the yearly costs include (None: they do not)."""

    @property
    def yearly_cost_wan(self) -> Decimal:
        """年度增加资金 in 万元, as cities publish it."""
        return ten_thousand_yuan(self.yearly_cost)


def _post_names(session: Session, scale_id: int | None) -> dict[str, str]:
    if scale_id is None:
        return {}
    rows = session.execute(
        select(ScalePost.code, ScalePost.name).where(ScalePost.scale_id == scale_id)
    ).tuples()
    return dict(rows.all())


def _lines(session: Session, run: AdjustmentRun) -> list[RunLine]:
    community, street, district = aliased(OrgUnit), aliased(OrgUnit), aliased(OrgUnit)
    item = AdjustmentItem
    names = _post_names(session, run.scale_id)
    rows = session.execute(
        select(
            item.id,
            item.worker_id,
            Worker.id_number,
            Worker.name,
            district.name,
            street.name,
            community.name,
            item.old_post,
            item.old_level,
            item.new_post,
            item.new_level,
            item.proposed_level,
            item.reasons,
            item.notes,
            item.monthly_delta,
            item.yearly_delta,
            item.excluded,
            item.override_reason,
        )
        .join(Worker, Worker.id == item.worker_id)
        .join(community, community.id == Worker.community_id)
        .join(street, street.id == community.parent_id)
        .join(district, district.id == street.parent_id)
        .where(item.run_id == run.id)
        .order_by(
            district.sort_order,
            district.id,
            street.sort_order,
            street.id,
            community.sort_order,
            community.id,
            item.worker_id,
        )
    ).tuples()
    return [
        RunLine(
            item_id=r[0],
            worker_id=r[1],
            id_number=r[2],
            name=r[3],
            district=r[4],
            street=r[5],
            community=r[6],
            old_post=r[7],
            old_post_name=names.get(r[7], r[7]),
            old_level=r[8],
            new_post=r[9],
            new_post_name=names.get(r[9], r[9]),
            new_level=r[10],
            proposed_level=r[11],
            reasons=tuple(str(reason["text"]) for reason in r[12]),
            notes=tuple(r[13]),
            monthly_delta=r[14],
            yearly_delta=r[15],
            excluded=r[16],
            override_reason=r[17],
        )
        for r in rows
    ]


def _totals(groups: Mapping[str, Tally]) -> tuple[GroupTotal, ...]:
    return tuple(GroupTotal(k, t.person_times, t.yearly_cost) for k, t in groups.items())


def _overview(session: Session, run: AdjustmentRun, lines: Sequence[RunLine]) -> RunOverview:
    summary = summarise(
        PlanLine(
            line.district,
            line.street,
            line.new_post_name,
            line.changed,
            line.blocked,
            line.counted_yearly,
        )
        for line in lines
    )
    user_ids = {run.prepared_by, run.approved_by, run.applied_by, run.reverted_by} - {None}
    users = dict(
        session.execute(select(User.id, User.display_name).where(User.id.in_(user_ids)))
        .tuples()
        .all()
    )
    scale = session.get(PayScale, run.scale_id) if run.scale_id is not None else None
    return RunOverview(
        run_id=run.id,
        year=run.year,
        effective_date=run.effective_date,
        status=run.status,
        status_name=STATUS_NAMES[run.status],
        scale_name=scale.name if scale else "",
        scale_effective_date=scale.effective_date if scale else None,
        prepared_by=users.get(run.prepared_by) if run.prepared_by else None,
        prepared_at=run.prepared_at,
        approved_by=users.get(run.approved_by) if run.approved_by else None,
        approved_at=run.approved_at,
        applied_by=users.get(run.applied_by) if run.applied_by else None,
        applied_at=run.applied_at,
        reverted_by=users.get(run.reverted_by) if run.reverted_by else None,
        reverted_at=run.reverted_at,
        items=len(lines),
        person_times=summary.total.person_times,
        yearly_cost=summary.total.yearly_cost,
        blocked=summary.blocked,
        excluded=sum(1 for line in lines if line.excluded),
        overridden=sum(1 for line in lines if line.overridden),
        by_district=_totals(summary.by_district),
        by_street=_totals(summary.by_street),
        by_post=_totals(summary.by_post),
        employer_share_rate=employer_share_rate(run),
    )


def run_report(db: Database, actor: Actor, run_id: int) -> tuple[RunOverview, list[RunLine]]:
    """The overview and the lines of a run, read once (for the workbook and the CLI)."""
    require(actor, Action.VIEW_ADJUSTMENT)
    with db.reading() as session:
        run = get_run(session, run_id)
        lines = _lines(session, run)
        return _overview(session, run, lines), lines


def run_overview(db: Database, actor: Actor, run_id: int) -> RunOverview:
    return run_report(db, actor, run_id)[0]


def run_lines(db: Database, actor: Actor, run_id: int) -> list[RunLine]:
    require(actor, Action.VIEW_ADJUSTMENT)
    with db.reading() as session:
        return _lines(session, get_run(session, run_id))


@dataclass(frozen=True, slots=True)
class RunInfo:
    """One run in the run list: who prepared, approved and applied it, and its figures."""

    run_id: int
    year: int
    effective_date: dt.date
    status: str
    status_name: str
    person_times: int
    yearly_cost: Decimal
    prepared_by: str
    prepared_at: dt.datetime
    approved_by: str
    applied_at: dt.datetime | None
    approved_at: dt.datetime | None = None
    applied_by: str = ""

    @property
    def yearly_cost_wan(self) -> Decimal:
        return ten_thousand_yuan(self.yearly_cost)


def list_runs(db: Database, actor: Actor, year: int | None = None) -> list[RunInfo]:
    """Every run (of ``year``, when given), newest first."""
    require(actor, Action.VIEW_ADJUSTMENT)
    preparer, approver, applier = aliased(User), aliased(User), aliased(User)
    run = AdjustmentRun
    query = (
        select(
            run.id,
            run.year,
            run.effective_date,
            run.status,
            run.person_times,
            run.yearly_cost,
            preparer.display_name,
            run.prepared_at,
            approver.display_name,
            run.applied_at,
            run.approved_at,
            applier.display_name,
        )
        .outerjoin(preparer, preparer.id == run.prepared_by)
        .outerjoin(approver, approver.id == run.approved_by)
        .outerjoin(applier, applier.id == run.applied_by)
        .order_by(run.id.desc())
    )
    if year is not None:
        query = query.where(run.year == year)
    with db.reading() as session:
        rows = session.execute(query).tuples()
        return [
            RunInfo(
                i, y, e, s, STATUS_NAMES.get(s, s), p, c, pb or "", pa, ab or "", aa, apa, lb or ""
            )
            for i, y, e, s, p, c, pb, pa, ab, aa, apa, lb in rows
        ]


def worker_id_for(db: Database, id_number: str) -> int:
    """The worker an ID number names (the CLI's way to point at a person)."""
    number = id_number.strip().upper()
    with db.reading() as session:
        found = session.scalar(select(Worker.id).where(Worker.id_number == number))
    if found is None:
        raise ActionRefused(f"没有身份证号为 {number} 的人员")
    return found


def people(db: Database, worker_ids: Collection[int]) -> dict[int, tuple[str, str]]:
    """ID number and name of each worker (to show what a re-preparation changed)."""
    if not worker_ids:
        return {}
    with db.reading() as session:
        rows = session.execute(
            select(Worker.id, Worker.id_number, Worker.name).where(
                Worker.id.in_(sorted(worker_ids))
            )
        ).tuples()
        return {w: (n, name) for w, n, name in rows}
