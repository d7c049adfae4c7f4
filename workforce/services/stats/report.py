"""统计报表: the indicators of a unit and of every unit below it on a date, with the same day a
year earlier, levels per post, the age pyramid, adjustment and payroll cost.

Reads Core rows in a handful of queries (the people with ``stats.people_query``, the status,
transfer and post/level histories that matter, the training, adjustment and payroll sums) and
leaves the counting to ``domain.stats_report``. 100,000 workers take under a second.

A unit's people are those in it on the day counted: the query keeps the unit's current workers
and every worker who moved after the earlier day, and the domain places each by their transfers.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.roster.retirement import retirements_by_year
from workforce.domain.stats.population import Grade, Move, Population, year_earlier
from workforce.domain.stats.report import (
    AdjustmentYear,
    PayrollCost,
    RetirementsAhead,
    StatsReport,
    StatsWorkspace,
    build_report,
)
from workforce.persistence.accounts import Setting
from workforce.persistence.adjustment import AdjustmentItem, AdjustmentRun
from workforce.persistence.org import OrgUnit
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.persistence.people import PostLevelChange, Transfer, Worker
from workforce.services.adjustment.run import APPLIED
from workforce.services.context import Actor, Database, gc_paused, require
from workforce.services.payroll.guard import APPROVED, CALCULATED, LOCKED, STATUS_NAMES
from workforce.services.roster.org import OrgNode
from workforce.services.roster.retirements import active_retirements
from workforce.services.scale import posts_in_force
from workforce.services.stats.indicators import (
    read_people,
    scope_unit,
    scoped,
    status_histories,
    training_totals,
)

PAID_STATUSES = (CALCULATED, APPROVED, LOCKED)  # months whose payslips hold current figures
RETIREMENT_YEARS = 5  # 退休预测: the years after the statistics date's


def read_population(connection: Connection, unit: OrgNode | None, since: dt.date) -> Population:
    """The people of ``unit`` (all when None) with the histories needed on days from ``since``:
    the whole transfer and post/level history of the workers who moved or changed after it."""
    moved = select(Transfer.worker_id).where(Transfer.effective_date > since)
    regraded = (  # a single row is the grade held all along
        select(PostLevelChange.worker_id)
        .group_by(PostLevelChange.worker_id)
        .having(func.count() > 1, func.max(PostLevelChange.effective_date) > since)
    )
    cross = unit is not None and unit.kind != "grid"
    people = read_people(
        connection, unit, or_where=Worker.id.in_(moved) if cross else None, with_district=False
    )
    moves: dict[int, list[Move]] = {}
    for worker_id, *move in connection.execute(
        select(
            Transfer.worker_id,
            Transfer.effective_date,
            Transfer.from_community_id,
            Transfer.to_community_id,
        )
        .where(Transfer.worker_id.in_(moved))
        .order_by(Transfer.worker_id, Transfer.effective_date, Transfer.id)
    ):
        moves.setdefault(worker_id, []).append(Move(*move))
    grades: dict[int, list[Grade]] = {}
    for worker_id, *grade in connection.execute(
        select(
            PostLevelChange.worker_id,
            PostLevelChange.effective_date,
            PostLevelChange.post,
            PostLevelChange.level,
        )
        .where(PostLevelChange.worker_id.in_(regraded))
        .order_by(PostLevelChange.worker_id, PostLevelChange.effective_date, PostLevelChange.id)
    ):
        grades.setdefault(worker_id, []).append(Grade(*grade))
    return Population(people, status_histories(connection), moves, grades)


def _units(connection: Connection) -> list[OrgNode]:
    """Districts, streets and communities in the tree's order (grids are not rows)."""
    rows = connection.execute(
        select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.kind, OrgUnit.name)
        .where(OrgUnit.kind != "grid")
        .order_by(OrgUnit.sort_order, OrgUnit.id)
    )
    return [OrgNode(*row) for row in rows]


def _communities(units: list[OrgNode], unit: OrgNode | None) -> frozenset[int] | None:
    """The communities under a district, street or community; None for everything or a grid."""
    if unit is None or unit.kind == "grid":
        return None
    children: dict[int | None, list[OrgNode]] = {}
    for node in units:
        children.setdefault(node.parent_id, []).append(node)
    found, stack = set(), [unit]
    while stack:
        node = stack.pop()
        if node.kind == "community":
            found.add(node.id)
        stack.extend(children.get(node.id, ()))
    return frozenset(found)


def _adjustments(
    connection: Connection, unit: OrgNode | None, as_of: dt.date
) -> list[AdjustmentYear]:
    """Applied runs up to the as-of year: person-times and yearly cost of the counted items (not
    excluded, post or level changed), of the unit's current workers when a unit is asked."""
    changed = (AdjustmentItem.old_post != AdjustmentItem.new_post) | (
        AdjustmentItem.old_level != AdjustmentItem.new_level
    )
    query = (
        select(AdjustmentRun.year, func.count(), func.sum(AdjustmentItem.yearly_delta))
        .select_from(AdjustmentItem)
        .join(AdjustmentRun, AdjustmentItem.run_id == AdjustmentRun.id)
        .where(
            AdjustmentRun.status == APPLIED,
            AdjustmentRun.year <= as_of.year,
            AdjustmentItem.excluded.is_(False),
            changed,
        )
        .group_by(AdjustmentRun.year)
        .order_by(AdjustmentRun.year)
    )
    if unit is not None:
        query = scoped(query.join(Worker, AdjustmentItem.worker_id == Worker.id), unit)
    return [
        AdjustmentYear(year, count, cost if cost is not None else Decimal("0.00"))
        for year, count, cost in connection.execute(query)
    ]


def _payroll(connection: Connection, unit: OrgNode | None, as_of: dt.date) -> list[PayrollCost]:
    """Payroll cost of each calculated month of the as-of year up to its month: the month's
    totals, or the unit's payslips (by the community each was paid in)."""
    months = (
        PayrollMonth.period >= dt.date(as_of.year, 1, 1),
        PayrollMonth.period <= as_of,
        PayrollMonth.status.in_(PAID_STATUSES),
    )
    if unit is None:
        query = select(
            PayrollMonth.period,
            PayrollMonth.status,
            PayrollMonth.worker_count,
            PayrollMonth.gross_total,
            PayrollMonth.employer_total,
        ).where(*months)
    else:
        slips = (
            select(
                PayrollMonth.period,
                PayrollMonth.status,
                func.count(),
                func.sum(Payslip.gross),
                func.sum(Payslip.employer),
            )
            .select_from(Payslip)
            .join(PayrollMonth, Payslip.month_id == PayrollMonth.id)
            .where(*months)
            .group_by(PayrollMonth.period, PayrollMonth.status)
        )
        if unit.kind == "grid":  # a grid is known by the worker's current grid
            slips = slips.join(Worker, Payslip.worker_id == Worker.id)
        query = scoped(slips, unit, community_of=Payslip.community_id)
    zero = Decimal("0.00")
    return [
        PayrollCost(
            period, STATUS_NAMES.get(status, status), count, gross or zero, employer or zero
        )
        for period, status, count, gross, employer in connection.execute(
            query.order_by(PayrollMonth.period)
        )
    ]


def _retirements(
    session: Session, units: list[OrgNode], unit: OrgNode | None, as_of: dt.date
) -> RetirementsAhead:
    """退休预测: the scope's active workers reaching their statutory retirement in each of the
    five years after ``as_of``'s, per district (none for a grid: its people are counted with
    their community)."""
    if unit is not None and unit.kind == "grid":
        return RetirementsAhead()
    first = as_of.year + 1
    dates: dict[str, list[dt.date]] = {}
    for person in active_retirements(session, None if unit is None else unit.id):
        dates.setdefault(person.district, []).append(person.retirement.date)
    order = [n.name for n in units if n.kind == "district" and n.name in dates]
    order += sorted(set(dates) - set(order))
    return RetirementsAhead(
        tuple(range(first, first + RETIREMENT_YEARS)),
        tuple(
            (name, tuple(retirements_by_year(dates[name], first, RETIREMENT_YEARS).values()))
            for name in order
        ),
    )


def _unit_title(units: list[OrgNode], unit: OrgNode | None, session: Session) -> str:
    """The unit as a title names it: 新城区中山东路街道, or the region for everything."""
    if unit is None:
        region = session.get(Setting, "region_name")
        return str(region.value) if region is not None else ""
    by_id = {node.id: node for node in units}
    names = [unit.name]
    parent = by_id.get(unit.parent_id) if unit.parent_id is not None else None
    while parent is not None:
        names.append(parent.name)
        parent = by_id.get(parent.parent_id) if parent.parent_id is not None else None
    return "".join(reversed(names))


def statistics_workspace(
    db: Database, actor: Actor, *, as_of: dt.date | None = None, unit_id: int | None = None
) -> StatsWorkspace:
    """The report on ``as_of`` (default today) for the database or the unit ``unit_id``, with
    the people it counted (the dashboard lists those behind a figure)."""
    require(actor, Action.VIEW_WORKERS)
    as_of = as_of or dt.date.today()
    with gc_paused(), db.reading() as session:  # 100,000 people read and counted, all alive
        unit = scope_unit(session, actor, unit_id)
        connection = session.connection()
        units = _units(connection)
        population = read_population(connection, unit, year_earlier(as_of))
        communities = _communities(units, unit)
        title = _unit_title(units, unit, session)
        report = build_report(
            population,
            as_of,
            units=units,
            scope=unit,
            communities=communities,
            posts=posts_in_force(session, as_of),
            title=f"{title}社区工作者统计表",
            unit=title or "全部",
            training=training_totals(connection, unit, as_of),
            adjustments=_adjustments(connection, unit, as_of),
            payroll=_payroll(connection, unit, as_of),
            retirements=_retirements(session, units, unit, as_of),
        )
    return StatsWorkspace(report, population, communities)


def statistics_report(
    db: Database, actor: Actor, *, as_of: dt.date | None = None, unit_id: int | None = None
) -> StatsReport:
    """The report alone (the exports)."""
    return statistics_workspace(db, actor, as_of=as_of, unit_id=unit_id).report
