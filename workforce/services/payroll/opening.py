"""Opening figures (期初累计, §8.6): the year so far of a unit that starts the program mid-year.

Here: the stored figures and what reads them (the list, the years, the figures a month's
cumulative withholding continues from), and the rules both ways of changing them share: figures of
a year are refused once a month of that year is approved or locked, and while a month they cover
is calculated; a calculated month after them goes back to draft; every row written is audited
old → new. The sheet import is in ``opening_import``, the one-person corrections in
``opening_edits``.

The first calculated month of the year continues the cumulative withholding from them
(``opening_carried``), exactly as if the earlier months had been calculated here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.opening_sheet import (
    AMOUNTS,
    OpeningFigures,
    expected_basic,
)
from workforce.domain.problems import (
    ActionRefused,
)
from workforce.persistence.base import utc_now
from workforce.persistence.org import OrgUnit
from workforce.persistence.payroll import OpeningBalance, PayrollMonth, bulk_table
from workforce.persistence.people import Worker
from workforce.persistence.plain import dates_of, plain_rows
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.deductions import tax_flags
from workforce.services.payroll.guard import CLOSED, STATUS_NAMES, label, mark_draft
from workforce.services.sheet_import import (
    CHUNK,
)

ENTITY = "payroll_opening"
RawCarry = tuple[int, int, int, int, int, int, int, int]
"""As ``payroll_compute.RawCarry``: (first month here, last month, income, exempt, insurance,
special, other, withheld) in fen."""


def fen(amount: Decimal) -> int:
    return int(amount.scaleb(2))


FIELDS = tuple(key for key, _ in AMOUNTS)


@dataclass(frozen=True, slots=True)
class OpeningChange:
    """One worker's opening figures to write; ``old`` is None when the year had none."""

    worker_id: int
    id_number: str
    name: str
    old: OpeningFigures | None
    new: OpeningFigures
    row: int
    first_month: int = 1

    @property
    def is_new(self) -> bool:
        return self.old is None


@dataclass(frozen=True, slots=True)
class OpeningRow:
    """One worker's opening figures as the list and the screen show them."""

    worker_id: int
    id_number: str
    name: str
    unit: str
    first_month: int
    figures: OpeningFigures
    expected_basic: Decimal

    @property
    def months(self) -> int:
        return self.figures.through - self.first_month + 1


def figures_of(row: OpeningBalance) -> OpeningFigures:
    """A stored row's figures."""
    return OpeningFigures(
        row.year,
        row.through_month,
        row.income,
        row.exempt_income,
        row.insurance,
        row.special_deductions,
        row.other_deductions,
        row.withheld,
        row.basic_deduction,
    )


def stored_figures(session: Session, year: int) -> dict[int, OpeningFigures]:
    """Per worker, the year's stored figures."""
    rows = session.scalars(select(OpeningBalance).where(OpeningBalance.year == year))
    return {row.worker_id: figures_of(row) for row in rows}


def year_through(session: Session, year: int) -> int | None:
    """The month the year's opening figures end with (所属期止), None when it has none."""
    return session.scalar(
        select(OpeningBalance.through_month).where(OpeningBalance.year == year).limit(1)
    )


def joined_dates(session: Session, worker_ids: list[int]) -> dict[int, dt.date | None]:
    """Per worker, the day they joined the community (社区工作起始日期)."""
    joined: dict[int, dt.date | None] = {}
    for start in range(0, len(worker_ids), CHUNK):
        chunk = worker_ids[start : start + CHUNK]
        joined.update(
            session.execute(
                select(Worker.id, Worker.community_start_date).where(Worker.id.in_(chunk))
            )
            .tuples()
            .all()
        )
    return joined


def first_month_here(joined: dt.date | None, year: int) -> int:
    """The first month employed here in ``year`` (as the calculation counts it)."""
    return joined.month if joined is not None and joined.year == year else 1


def basic_for(
    figures: OpeningFigures, joined: dt.date | None, flags: tuple[bool, bool]
) -> tuple[int, Decimal]:
    """The first month employed here and the 累计减除费用 the figures must hold."""
    first = first_month_here(joined, figures.year)
    return first, expected_basic(
        figures.through, first, first_income_of_year=flags[0], prior_year_low_income=flags[1]
    )


def opening_of(session: Session, worker_id: int, period: dt.date) -> OpeningFigures | None:
    """The worker's opening figures ``period``'s cumulative withholding began from, if any."""
    row = session.scalar(
        select(OpeningBalance).where(
            OpeningBalance.worker_id == worker_id,
            OpeningBalance.year == period.year,
            OpeningBalance.through_month < period.month,
        )
    )
    return None if row is None else figures_of(row)


def opening_carried(session: Session, period: dt.date, needed: set[int]) -> dict[int, RawCarry]:
    """Per worker of ``needed`` with opening figures of ``period``'s year ending before it, the
    raw figures the cumulative withholding continues from (first month here, 所属期止, amounts
    in fen): what ``load_carried`` would give had those months been calculated here. Read as
    raw fen, with the join date, in one plain query (a whole district's first month)."""
    if period.month == 1 or not needed:
        return {}
    raw = bulk_table(OpeningBalance).c
    worker = Worker.__table__.c
    rows = plain_rows(
        session,
        select(
            raw.worker_id,
            worker.community_start_date,
            raw.through_month,
            raw.income,
            raw.exempt_income,
            raw.insurance,
            raw.special_deductions,
            raw.other_deductions,
            raw.withheld,
        )
        .join(Worker.__table__, worker.id == raw.worker_id)
        .where(raw.year == period.year, raw.through_month < period.month),
    )
    joined_on = dates_of(row[1] for row in rows)
    return {
        worker_id: (
            first_month_here(joined_on.get(started), period.year),
            through,
            *amounts,
        )
        for worker_id, started, through, *amounts in rows
        if worker_id in needed
    }


def _year_months(session: Session, year: int, *, for_update: bool = False) -> list[PayrollMonth]:
    query = select(PayrollMonth).where(
        PayrollMonth.period >= dt.date(year, 1, 1), PayrollMonth.period <= dt.date(year, 12, 1)
    )
    if for_update:
        query = query.with_for_update()
    return list(session.scalars(query.order_by(PayrollMonth.period)))


def refuse_changes(session: Session, year: int, through: int | None, what: str) -> None:
    """Opening figures of ``year`` are refused once a month of it is approved or locked, and
    while a month they would cover (up to ``through``) is calculated."""
    for month in _year_months(session, year, for_update=True):
        if month.status in CLOSED:
            raise ActionRefused(
                f"{label(month.period)}工资{STATUS_NAMES[month.status]}，"
                f"{year}年的期初累计不能再{what}"
            )
        if through is not None and month.period.month <= through:
            raise ActionRefused(
                f"已有{label(month.period)}的工资（{STATUS_NAMES[month.status]}），"
                f"与期初累计（截至{through}月）重叠；请先撤销该月的计算"
            )


def send_to_draft(session: Session, actor: Actor, year: int, note: str) -> None:
    """The year's calculated months back to draft: their withholding started from old figures."""
    for month in _year_months(session, year):
        mark_draft(session, actor, month, note)


def _values(change: OpeningChange, actor: Actor) -> dict[str, Any]:
    figures = change.new
    return {
        "worker_id": change.worker_id,
        "year": figures.year,
        "through_month": figures.through,
        "months": figures.through - change.first_month + 1,  # employed here before the program
        **{key: getattr(figures, key) for key in FIELDS},
        "basic_deduction": figures.basic_deduction,
        "updated_by": actor.user_id,
        "updated_at": utc_now(),
    }


def changed_fields(old: OpeningFigures | None, new: OpeningFigures) -> dict[str, tuple[Any, Any]]:
    """The audit's old → new of what changed (everything when the year had none)."""
    keys = ("through", *FIELDS)
    if old is None:
        return {key: (None, getattr(new, key)) for key in keys}
    return {
        key: (getattr(old, key), getattr(new, key))
        for key in keys
        if getattr(old, key) != getattr(new, key)
    }


def write_changes(session: Session, actor: Actor, changes: list[OpeningChange]) -> dict[int, int]:
    """Replace the rows of ``changes``; worker → the new row's id."""
    ids = [c.worker_id for c in changes]
    year = changes[0].new.year
    for start in range(0, len(ids), CHUNK):
        session.execute(
            delete(OpeningBalance).where(
                OpeningBalance.year == year,
                OpeningBalance.worker_id.in_(ids[start : start + CHUNK]),
            )
        )
    rows = [OpeningBalance(**_values(c, actor)) for c in changes]
    session.add_all(rows)
    session.flush()
    return {row.worker_id: row.id for row in rows}


def list_openings(
    db: Database, actor: Actor, year: int, *, id_number: str | None = None
) -> list[OpeningRow]:
    """The year's opening figures, by street, community and ID number (or one person's)."""
    require(actor, Action.EXPORT_PAYROLL)
    community, street = aliased(OrgUnit), aliased(OrgUnit)
    with db.reading() as session:
        query = (
            select(
                OpeningBalance,
                Worker.id_number,
                Worker.name,
                Worker.community_start_date,
                street.name,
                community.name,
            )
            .join(Worker, Worker.id == OpeningBalance.worker_id)
            .join(community, community.id == Worker.community_id)
            .outerjoin(street, street.id == community.parent_id)
            .where(OpeningBalance.year == year)
            .order_by(street.sort_order, street.name, community.sort_order, community.name)
            .order_by(Worker.id_number)
        )
        if id_number is not None:
            query = query.where(Worker.id_number == id_number.strip().upper())
        flags = tax_flags(session, year)
        result = []
        for row, number, name, joined, street_name, community_name in session.execute(query):
            figures = figures_of(row)
            first, basic = basic_for(figures, joined, flags.get(row.worker_id, (False, False)))
            unit = f"{street_name or ''}{community_name}"
            result.append(OpeningRow(row.worker_id, number, name, unit, first, figures, basic))
        return result


def opening_years(db: Database, actor: Actor) -> list[tuple[int, int, int]]:
    """(year, 所属期止, people) of every year with opening figures, latest first."""
    require(actor, Action.EXPORT_PAYROLL)
    from sqlalchemy import func

    with db.reading() as session:
        rows = session.execute(
            select(OpeningBalance.year, func.max(OpeningBalance.through_month), func.count())
            .group_by(OpeningBalance.year)
            .order_by(OpeningBalance.year.desc())
        ).tuples()
        return [(year, through, count) for year, through, count in rows]
