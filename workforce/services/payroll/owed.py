"""欠扣 (§8.6): net pay is never negative. What a month's pay could not cover (``owed_out``) is
carried into the next month as 上月欠扣 and recovered there; a worker who has left cannot be
carried: their shortfall is listed as 应收个人款 for the clerk to recover in person.

The rule itself is pure (``workforce.domain.payroll.payslip.carry_shortfall``); here are the
reads: what the previous month carries into a calculation, and the month's 应收个人款 list.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.idcard import mask_id_number
from workforce.domain.money import ZERO
from workforce.domain.payroll.employment import PAID_STATUSES, MonthSpan, status_on
from workforce.persistence.org import OrgUnit
from workforce.persistence.payroll import PayrollMonth, Payslip, bulk_table
from workforce.persistence.people import StatusChange, Worker
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import get_month
from workforce.services.roster.scope import scope_units

CHUNK = 5000


def previous_month(session: Session, period: dt.date) -> PayrollMonth | None:
    """The latest payroll month before ``period`` (of any year: a December shortfall carries
    into January)."""
    return session.scalar(
        select(PayrollMonth)
        .where(PayrollMonth.period < period)
        .order_by(PayrollMonth.period.desc())
        .limit(1)
    )


def load_owed(session: Session, period: dt.date, needed: set[int]) -> dict[int, Decimal]:
    """上月欠扣: per worker paid in ``period``, the shortfall the previous month carried."""
    before = previous_month(session, period)
    if before is None:
        return {}
    raw = bulk_table(Payslip)
    rows = session.execute(
        select(raw.c.worker_id, raw.c.owed_out).where(
            raw.c.month_id == before.id, raw.c.owed_out > 0
        )
    ).all()
    return {worker: Decimal(fen).scaleb(-2) for worker, fen in rows if worker in needed}


@dataclass(frozen=True, slots=True)
class Receivable:
    """应收个人款: a leaver's shortfall the payroll cannot recover."""

    worker_id: int
    street: str
    community: str
    name: str
    id_number: str
    amount: Decimal
    left_on: dt.date | None


def _left(session: Session, ids: list[int], after: dt.date) -> dict[int, dt.date | None]:
    """Of ``ids``, those not employed on ``after`` (the day after the month), with the date of
    the change that ended their employment (None when not recorded)."""
    current = dict(
        session.execute(select(Worker.id, Worker.status).where(Worker.id.in_(ids))).tuples().all()
    )
    timelines: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    for worker_id, effective, status in session.execute(
        select(StatusChange.worker_id, StatusChange.effective_date, StatusChange.status)
        .where(StatusChange.worker_id.in_(ids))
        .order_by(StatusChange.worker_id, StatusChange.effective_date, StatusChange.id)
    ):
        timelines[worker_id].append((effective, status))
    left: dict[int, dt.date | None] = {}
    for worker_id in ids:
        timeline = timelines.get(worker_id, [])
        status = status_on(after, timeline, current.get(worker_id, ""))
        if status in PAID_STATUSES:
            continue
        ended = [d for d, s in timeline if s not in PAID_STATUSES and d <= after]
        left[worker_id] = ended[-1] if ended else None
    return left


def receivables(
    session: Session, month: PayrollMonth, units: set[int] | None = None
) -> list[Receivable]:
    """The month's 应收个人款: each worker whose shortfall the month carries out (``owed_out``)
    and who is no longer employed the day after it (by their status record as it stands), by
    street, community and name. Only ``units`` (a scoped user's subtree) unless None."""
    raw = bulk_table(Payslip)
    community, street = aliased(OrgUnit), aliased(OrgUnit)
    query = (
        select(
            raw.c.worker_id,
            street.name,
            community.name,
            Worker.name,
            Worker.id_number,
            raw.c.owed_out,
        )
        .select_from(raw)
        .join(Worker, Worker.id == raw.c.worker_id)
        .join(community, community.id == raw.c.community_id)
        .outerjoin(street, street.id == community.parent_id)
        .where(raw.c.month_id == month.id, raw.c.owed_out > 0)
    )
    if units is not None:
        query = query.where(raw.c.community_id.in_(sorted(units)))
    rows = session.execute(query).all()
    if not rows:
        return []
    after = MonthSpan.of(month.period).last + dt.timedelta(days=1)
    left: dict[int, dt.date | None] = {}
    ids = [row[0] for row in rows]
    for start in range(0, len(ids), CHUNK):
        left.update(_left(session, ids[start : start + CHUNK], after))
    found = [
        Receivable(w, s or "", c, n, i, Decimal(fen).scaleb(-2), left[w])
        for w, s, c, n, i, fen in rows
        if w in left
    ]
    found.sort(key=lambda r: (r.street, r.community, r.name, r.worker_id))
    return found


def receivable_total(found: list[Receivable]) -> Decimal:
    return sum((r.amount for r in found), ZERO)


def month_receivables(db: Database, actor: Actor, period: dt.date) -> list[Receivable]:
    """应收个人款 of a calculated month, for the clerk (ID numbers masked)."""
    require(actor, Action.EXPORT_PAYROLL)
    with db.reading() as session:
        month = get_month(session, period)
        found = receivables(session, month, scope_units(session, actor))
    return [replace(r, id_number=mask_id_number(r.id_number)) for r in found]
