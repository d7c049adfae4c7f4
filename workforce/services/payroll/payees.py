"""Whom a month's one-off item can be for (§8.1, §8.5): every worker employed at least one day of
the month — including those who left during it or after it (final pay, 补发/扣回 corrections),
with their current status and the date they left — of a unit, or found by name or 身份证号.

Read in bulk like the calculation's own list (``payroll_people``): one query for the workers,
one for the status histories of those whose status changed after the month began."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, select

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.employment import PAID_STATUSES, MonthSpan, employment_in_month
from workforce.persistence.people import StatusChange, Worker
from workforce.services.careers.facts import find_unit, scoped
from workforce.services.context import Actor, Database, require

SEARCH_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Payee:
    """A worker employed in the month; ``left_on`` is the date of the change that ended their
    employment (离职, 退休, 调出) when they are no longer employed now."""

    worker_id: int
    id_number: str
    name: str
    street: str
    community: str
    status: str  # the current status
    left_on: dt.date | None
    days: int  # calendar days employed in the month

    @property
    def active(self) -> bool:
        return self.status in PAID_STATUSES


def month_payees(
    db: Database,
    actor: Actor,
    period: dt.date,
    *,
    unit_id: int | None = None,
    search: str = "",
) -> list[Payee]:
    """The workers of the unit (all when None) employed in ``period``'s month, by street,
    community and name; with a search, those whose name or 身份证号 contains the text (at most
    ``SEARCH_LIMIT``)."""
    require(actor, Action.VIEW_WORKERS)
    span = MonthSpan.of(period)
    changed = select(StatusChange.worker_id).where(StatusChange.effective_date > span.first)
    text = search.strip()
    query = select(
        Worker.id, Worker.id_number, Worker.name, Worker.status, Worker.community_start_date
    ).where(
        or_(Worker.status.in_(sorted(PAID_STATUSES)), Worker.id.in_(changed)),
        or_(Worker.community_start_date.is_(None), Worker.community_start_date <= span.last),
    )
    if text:
        query = query.where(
            or_(Worker.name.contains(text), Worker.id_number.contains(text.upper()))
        )
    with db.reading() as session:
        rows = session.execute(scoped(query, find_unit(session, unit_id))).all()
        timelines: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
        for worker_id, effective, status in session.execute(
            select(StatusChange.worker_id, StatusChange.effective_date, StatusChange.status)
            .where(StatusChange.worker_id.in_(changed))
            .order_by(StatusChange.worker_id, StatusChange.effective_date, StatusChange.id)
        ):
            timelines[worker_id].append((effective, status))
    found = []
    for worker_id, number, name, status, joined, street, community in rows:
        timeline = timelines.get(worker_id, [])
        days = employment_in_month(span, joined, timeline, status).days
        if days <= 0:
            continue
        left = None
        if status not in PAID_STATUSES:
            left = next((d for d, s in reversed(timeline) if s not in PAID_STATUSES), None)
        found.append(Payee(worker_id, number, name, street, community, status, left, days))
    found.sort(key=lambda p: (p.street, p.community, p.name, p.worker_id))
    return found[:SEARCH_LIMIT] if text else found


__all__ = ["Payee", "month_payees"]
