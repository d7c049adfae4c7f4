"""The order of a payroll year (§8.6): the first month calculated in a year is January, or the
month after the year's opening figures (期初累计); each later month needs the one before it
locked. A month in which nobody was employed needs no payroll, so a district whose first people
start in March begins in March. The desktop opens on the month to calculate next.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.employment import MonthSpan
from workforce.domain.problems import ActionRefused
from workforce.persistence.payroll import PayrollMonth
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import LOCKED, label
from workforce.services.payroll.opening import year_through
from workforce.services.payroll.people import employed_in_month


def _anyone_employed(session: Session, period: dt.date) -> bool:
    return bool(employed_in_month(session, MonthSpan.of(period)))


def year_start(session: Session, year: int) -> int:
    """The first month of ``year`` the program calculates: the month after the opening figures'
    所属期止, else January."""
    through = year_through(session, year)
    return 1 if through is None else through + 1


def refuse_skipped_months(session: Session, period: dt.date) -> None:
    """Refuse ``period`` when it lies within the year's opening figures, or when a month before it
    (from the year's start) that employed anyone has no payroll."""
    year = period.year
    through = year_through(session, year)
    if through is not None and period.month <= through:
        raise ActionRefused(
            f"{year}年1–{through}月已录入期初累计（在本系统以外发放），"
            f"不能再计算{label(period)}；本年应从{year}年{through + 1}月开始计算"
        )
    start = 1 if through is None else through + 1
    calculated = set(
        session.scalars(
            select(PayrollMonth.period).where(
                PayrollMonth.period >= dt.date(year, start, 1), PayrollMonth.period < period
            )
        )
    )
    for month in range(start, period.month):
        missing = dt.date(year, month, 1)
        if missing in calculated or not _anyone_employed(session, missing):
            continue
        hint = (
            ""
            if through is not None
            else f"；如本单位从{label(period)}起才使用本系统，请先导入{year}年1–"
            f"{period.month - 1}月的期初累计（payroll opening import）"
        )
        raise ActionRefused(
            f"{label(missing)}的工资尚未计算：累计预扣个税须按月依次计算，"
            f"请先计算{label(missing)}，再计算{label(period)}{hint}"
        )


def first_month_of_year(session: Session, year: int) -> dt.date:
    """The first month of ``year`` to calculate: the year's start, or the first month after it
    that employed anyone."""
    start = year_start(session, year)
    for month in range(start, 13):
        if _anyone_employed(session, dt.date(year, month, 1)):
            return dt.date(year, month, 1)
    return dt.date(year, start, 1)


def next_month(session: Session, today: dt.date) -> dt.date:
    """The month to work on: the earliest month not yet locked, else the month after the last
    locked one (a new year from its start), else the first month of this year."""
    open_month = session.scalar(
        select(PayrollMonth.period)
        .where(PayrollMonth.status != LOCKED)
        .order_by(PayrollMonth.period)
        .limit(1)
    )
    if open_month is not None:
        return open_month
    last = session.scalar(select(PayrollMonth.period).order_by(PayrollMonth.period.desc()).limit(1))
    if last is None:
        return first_month_of_year(session, today.year)
    if last.month == 12:
        return first_month_of_year(session, last.year + 1)
    return last.replace(month=last.month + 1)


def month_to_calculate(db: Database, actor: Actor, today: dt.date | None = None) -> dt.date:
    """The month the payroll window opens on."""
    require(actor, Action.EXPORT_PAYROLL)
    with db.reading() as session:
        return next_month(session, today or dt.date.today())
