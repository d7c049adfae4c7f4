"""Deduction lines larger than the month's gross (§10), found when items are entered or imported
and on a calculated month; the rule itself is ``workforce.domain.payroll.large_deductions``.

Before the month is calculated its gross is not known, so an entered deduction is compared with
the gross the calculation would give the worker that month: scale pay, allowances and 基础绩效
by the days employed and the probation share (as ``payroll_people.load_people`` builds them),
plus the positive items of the month already entered and entered with it. Arrears are left out
(they are settled at calculation). When the month cannot be calculated yet (no scale, rates or
bounds in force), the last calculated payslip's gross stands in; a worker with neither is
compared with 0.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workforce.domain.money import ZERO
from workforce.domain.payroll.large_deductions import (
    CALCULATED,
    EXPECTED,
    LAST_CALCULATED,
    exceeds,
    large_deduction,
    large_lines,
    pay_before_deductions,
)
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.payroll.payslip import effective_lines
from workforce.domain.payroll.payslip_codec import lines_from_text
from workforce.domain.problems import ActionRefused, Problem, Where
from workforce.persistence.payroll import PayItem, PayrollMonth, Payslip, bulk_table
from workforce.persistence.people import Worker
from workforce.services.payroll.basis import load_basis
from workforce.services.payroll.people import load_people

Person = tuple[int, str]  # worker id, name


class DeductionsToConfirm(ActionRefused):
    """Items refused until the clerk confirms their deductions; ``problems`` are the warnings."""


def _expected(session: Session, period: dt.date, workers: Collection[int]) -> dict[int, Decimal]:
    """Pay before deductions the calculation would give (regular lines and stored items)."""
    basis = load_basis(session, period)
    people = load_people(session, basis.span, basis.scale, basis.allowances, basis.calendar)
    days, share = basis.month.days_in_month, basis.month.probation_share
    found = {
        p.worker_id: pay_before_deductions(
            effective_lines(p.regular, p.days, days, share if p.probation else None)
        )
        for p in people
        if p.worker_id in workers
    }
    items = session.execute(
        select(PayItem.worker_id, PayItem.amount).where(
            PayItem.period == period,
            PayItem.worker_id.in_(sorted(workers)),
            PayItem.amount > 0,
            PayItem.after_tax.is_(False),
        )
    ).tuples()
    for worker_id, amount in items:
        found[worker_id] = found.get(worker_id, ZERO) + amount
    return found


def _last_calculated(session: Session, workers: Collection[int]) -> dict[int, Decimal]:
    latest = (
        select(Payslip.worker_id, func.max(PayrollMonth.period).label("period"))
        .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
        .where(Payslip.worker_id.in_(sorted(workers)))
        .group_by(Payslip.worker_id)
        .subquery()
    )
    rows = session.execute(
        select(Payslip.worker_id, Payslip.lines)
        .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
        .join(
            latest,
            (latest.c.worker_id == Payslip.worker_id) & (latest.c.period == PayrollMonth.period),
        )
    ).tuples()
    return {w: pay_before_deductions(lines_from_text(text)) for w, text in rows}


def gross_before_entry(
    session: Session, period: dt.date, workers: Collection[int]
) -> tuple[dict[int, Decimal], str]:
    """Per worker the gross an entered deduction of ``period`` is compared with, and its name."""
    try:
        return _expected(session, period, workers), EXPECTED
    except ActionRefused:
        return _last_calculated(session, workers), LAST_CALCULATED


def entry_warnings(
    session: Session,
    entries: Sequence[ItemEntry],
    people: Mapping[str, Person],
    *,
    sheet: str = "",
    rows: Sequence[int | None] = (),
) -> list[Problem]:
    """One warning per deduction entry larger than its worker's gross of the month (with the
    positive entries made with it), at the entry's sheet row (``rows``, when from a sheet);
    nothing is read when no entry is a deduction."""
    if not any(e.amount < 0 and e.id_number in people for e in entries):
        return []
    added: dict[tuple[int, dt.date], Decimal] = defaultdict(lambda: ZERO)
    by_period: dict[dt.date, set[int]] = defaultdict(set)
    for entry in entries:
        if entry.id_number in people:
            worker_id = people[entry.id_number][0]
            by_period[entry.period].add(worker_id)
            if entry.amount > 0 and not entry.after_tax:
                added[worker_id, entry.period] += entry.amount
    gross = {period: gross_before_entry(session, period, ws) for period, ws in by_period.items()}
    warnings = []
    for index, entry in enumerate(entries):
        if entry.amount >= 0 or entry.id_number not in people:
            continue
        worker_id, name = people[entry.id_number]
        figures, compared = gross[entry.period]
        pay = figures.get(worker_id, ZERO) + added[worker_id, entry.period]
        if exceeds(entry.amount, pay):
            row = rows[index] if index < len(rows) else None
            where = Where(sheet, row, "金额", f"{entry.amount:.2f}")
            person = f"{name}（{entry.id_number}）"
            warnings.append(large_deduction(person, entry.name, entry.amount, pay, compared, where))
    return warnings


def slip_warnings(slips: Iterable[tuple[str, str]]) -> tuple[Problem, ...]:
    """The warnings of calculated payslips, from (worker name, lines text) of each."""
    warnings = []
    for name, text in slips:
        lines = lines_from_text(text)
        gross = pay_before_deductions(lines)
        for line in large_lines(lines):
            warnings.append(large_deduction(name, line.name, line.amount, gross, CALCULATED))
    return tuple(warnings)


def month_warnings(
    session: Session, month_id: int, units: Collection[int] | None = None
) -> tuple[Problem, ...]:
    """The stored month's warnings (of the payslips of ``units``' communities, when given); only
    payslips whose deductions exceeded their pay (a shortfall carried, §8.6) can have one."""
    raw = bulk_table(Payslip)
    query = (
        select(Worker.name, raw.c.lines)
        .join(Worker, Worker.id == raw.c.worker_id)
        .where(raw.c.month_id == month_id, raw.c.owed_out > 0)
        .order_by(raw.c.community_id, raw.c.worker_id)
    )
    if units is not None:
        query = query.where(raw.c.community_id.in_(sorted(units)))
    return slip_warnings(session.execute(query).tuples())
