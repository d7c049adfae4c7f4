"""计算工资 (§8): every worker employed in the month, in one transaction, with bulk statements.

A month is calculated after the earlier months of its year are locked (the cumulative tax carries
their figures). Recalculating a draft or calculated month replaces its payslips and reports whose
net pay changed; an approved or locked month refuses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.money import from_fen
from workforce.domain.problems import ActionRefused, Problem
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.persistence.base import utc_now
from workforce.persistence.payroll import (
    ContributionBase,
    PayArrears,
    PayrollMonth,
    Payslip,
    bulk_insert,
    bulk_writer,
    raw_now,
)
from workforce.persistence.people import Worker
from workforce.persistence.plain import plain_rows
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, gc_paused, require
from workforce.services.payroll.bases import StoredBase
from workforce.services.payroll.compute import (
    BASE_COLUMNS,
    PAYSLIP_COLUMNS,
    Gathered,
    base_rows,
    gather,
    payslip_rows,
)
from workforce.services.payroll.deduction_checks import slip_warnings
from workforce.services.payroll.guard import (
    CALCULATED,
    CLOSED,
    DRAFT,
    LOCKED,
    STATUS_NAMES,
    find_month,
    label,
    parse_period,
)
from workforce.services.payroll.order import refuse_skipped_months


@dataclass(frozen=True, slots=True)
class NetChange:
    """One worker whose net pay differs from the previous calculation (None: not paid then/now)."""

    worker_id: int
    name: str
    before: Decimal | None
    after: Decimal | None


@dataclass(frozen=True, slots=True)
class Calculation:
    period: dt.date
    month_id: int
    workers: int
    gross: Decimal
    insurance: Decimal
    tax: Decimal
    net: Decimal
    employer: Decimal
    items: int
    arrears_lines: int
    bases_created: int
    recalculated: bool
    changes: tuple[NetChange, ...]
    warnings: tuple[Problem, ...] = ()
    """Payslips with a deduction line larger than their gross (§10), for the clerk to check."""
    owed_in: Decimal = Decimal(0)
    """上月欠扣 deducted this month (§8.6)."""
    carried: tuple[tuple[str, Decimal], ...] = ()
    """(name, 欠扣转下月) of each worker whose pay could not cover the deductions (§8.6)."""


def as_period(period: str | dt.date) -> dt.date:
    return parse_period(period) if isinstance(period, str) else period.replace(day=1)


def _refuse_out_of_order(session: Session, period: dt.date) -> None:
    """Earlier months of the year must be locked; no later month of the year may exist."""
    year_start, year_end = period.replace(month=1), period.replace(month=12)
    earlier = session.scalar(
        select(PayrollMonth)
        .where(
            PayrollMonth.period >= year_start,
            PayrollMonth.period < period,
            PayrollMonth.status != LOCKED,
        )
        .order_by(PayrollMonth.period)
        .limit(1)
    )
    if earlier is not None:
        raise ActionRefused(
            f"{label(earlier.period)}工资{STATUS_NAMES[earlier.status]}，尚未锁定；"
            f"累计预扣个税须先锁定以前月份，再计算{label(period)}"
        )
    later = session.scalar(
        select(PayrollMonth)
        .where(PayrollMonth.period > period, PayrollMonth.period <= year_end)
        .order_by(PayrollMonth.period)
        .limit(1)
    )
    if later is not None:
        raise ActionRefused(
            f"已有{label(later.period)}的工资，不能再计算更早的{label(period)}；"
            "如需更正，请在以后月份录入补扣发项目"
        )
    refuse_skipped_months(session, period)  # January, or after the opening figures


def _changes(
    session: Session, before: dict[int, int], after: dict[int, int], names: dict[int, str]
) -> tuple[NetChange, ...]:
    changed = sorted(w for w in before.keys() | after.keys() if before.get(w) != after.get(w))
    unknown = [w for w in changed if w not in names]
    if unknown:
        names = dict(names)
        names.update(
            session.execute(select(Worker.id, Worker.name).where(Worker.id.in_(unknown)))
            .tuples()
            .all()
        )
    return tuple(
        NetChange(
            w,
            names.get(w, str(w)),
            None if w not in before else from_fen(before[w]),
            None if w not in after else from_fen(after[w]),
        )
        for w in changed
    )


def _replace_payslips(
    session: Session, month_id: int, rows: list[tuple[Any, ...]]
) -> dict[int, int]:
    """Replace the month's payslips and arrears with ``rows``; returns the old nets (fen).

    A payslip equal in every column to the new one is kept: a recalculation usually changes a
    few workers, and each inserted payslip costs the server three foreign-key checks and three
    index entries (bench/profiles/payroll-save-postgresql.txt)."""
    raw = Payslip.__table__  # plain rows: the stored integers and texts, as ``rows`` holds them
    stored = plain_rows(
        session,
        select(raw.c.id, *(raw.c[c] for c in PAYSLIP_COLUMNS)).where(raw.c.month_id == month_id),
    )
    worker, net = 1 + PAYSLIP_COLUMNS.index("worker_id"), 1 + PAYSLIP_COLUMNS.index("net")
    before: dict[int, int] = {row[worker]: row[net] for row in stored}
    kept = {tuple(row[1:]) for row in stored}
    fresh = [row for row in rows if tuple(row) not in kept]
    new_rows = set(map(tuple, rows))
    stale = [row[0] for row in stored if tuple(row[1:]) not in new_rows]
    for start in range(0, len(stale), 5000):
        session.execute(delete(Payslip).where(Payslip.id.in_(stale[start : start + 5000])))
    session.execute(delete(PayArrears).where(PayArrears.paid_month_id == month_id))
    bulk_insert(session, Payslip, PAYSLIP_COLUMNS, fresh)
    return before


@contextmanager
def _bases_written(
    session: Session, year: int, stored: dict[int, StoredBase], rows: list[tuple[Any, ...]]
) -> Iterator[None]:
    """Write the bases the calculation settled (``BASE_COLUMNS`` rows) over the ``stored`` ones
    it settles again; the block runs while the server inserts them (no statement in it).

    A stored base with the same figures, source and reason is kept as it is, the others are
    deleted and written anew: a recalculation settles the same bases again, and each inserted
    row costs the server two foreign-key checks (bench/profiles/payroll-save-postgresql.txt)."""
    figures = slice(BASE_COLUMNS.index("base"), BASE_COLUMNS.index("reason") + 1)
    fresh = [row for row in rows if stored.get(row[0]) != row[figures]]
    stale = sorted(stored.keys() & {row[0] for row in fresh})
    for start in range(0, len(stale), 5000):
        session.execute(
            delete(ContributionBase).where(
                ContributionBase.year == year,
                ContributionBase.worker_id.in_(stale[start : start + 5000]),
            )
        )
    if not fresh:
        yield
        return
    with bulk_writer(session, ContributionBase, BASE_COLUMNS) as write:
        write(fresh)
        yield


def _set_calculated(
    month: PayrollMonth, actor: Actor, gathered: Gathered, count: int, sums: dict[str, int]
) -> None:
    month.status = CALCULATED
    month.worker_count = count
    month.gross_total = from_fen(sums["gross"])
    month.tax_total = from_fen(sums["tax"])
    month.net_total = from_fen(sums["net"])
    month.employer_total = from_fen(sums["employer"])
    month.inputs = gathered.basis.text
    month.inputs_hash = gathered.basis.hash
    month.runs = gathered.runs
    month.calculated_by = actor.user_id
    month.calculated_at = utc_now()
    month.approved_by = month.approved_at = None


def calculate_month(
    db: Database,
    actor: Actor,
    period: str | dt.date,
    *,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> Calculation:
    """计算 the month for every worker employed in it; returns the totals and, on a
    recalculation, each worker whose net pay changed. Nothing is written when cancelled."""
    require(actor, Action.CALCULATE_PAYROLL)
    # The collector resumes once the month's objects are freed with ``_calculate``'s frame (not
    # while they are all alive: a full collection over them cost a tenth of a second).
    with gc_paused(), db.transaction() as session:
        return _calculate(session, actor, as_period(period), progress, cancel)


def _calculate(
    session: Session,
    actor: Actor,
    first: dt.date,
    progress: ProgressFn,
    cancel: CancelToken | None,
) -> Calculation:
    month = find_month(session, first, for_update=True)
    if month is not None and month.status in CLOSED:
        raise ActionRefused(
            f"{label(first)}工资{STATUS_NAMES[month.status]}，不能重新计算；"
            "如需更正，请在以后月份录入补扣发项目"
        )
    _refuse_out_of_order(session, first)
    gathered = gather(session, first, None if month is None else month.id)
    if not gathered.people:
        raise ActionRefused(f"{label(first)}没有在职人员，无需计算工资")
    recalculated = month is not None
    if month is None:
        month = PayrollMonth(period=first, status=DRAFT, runs=[])
        session.add(month)
        session.flush()
    total = len(gathered.people)  # people, as the result counts them; all done once written

    def check(done: int) -> None:
        progress(done, total)
        if cancel is not None:
            cancel.check()

    new_bases = base_rows(gathered, actor, raw_now(session))
    with _bases_written(session, first.year, gathered.replaced_bases, new_bases):
        rows = payslip_rows(gathered, month.id, check)  # while the server inserts the bases
        if cancel is not None:
            cancel.check()
    before = _replace_payslips(session, month.id, rows)
    arrears = [{**row, "paid_month_id": month.id} for row in gathered.arrears.rows]
    if arrears:
        session.execute(insert(PayArrears), arrears)
    old_status = month.status
    sums = {
        key: sum(map(itemgetter(PAYSLIP_COLUMNS.index(key)), rows))
        for key in ("gross", "insurance", "tax", "net", "employer")
    }
    _set_calculated(month, actor, gathered, len(rows), sums)
    net = PAYSLIP_COLUMNS.index("net")
    after = {r[1]: r[net] for r in rows}
    names = {p.worker_id: p.name for p in gathered.people}
    changes = _changes(session, before, after, names) if recalculated else ()
    arrears_lines = sum(len(v) for v in gathered.arrears.lines.values())
    lines = PAYSLIP_COLUMNS.index("lines")
    owed_out = PAYSLIP_COLUMNS.index("owed_out")
    short = [r for r in rows if r[owed_out] > 0]
    warnings = slip_warnings((names[r[1]], r[lines]) for r in short)
    carried = tuple((names[r[1]], from_fen(r[owed_out])) for r in short)
    audit.record(
        session,
        actor,
        "calculate",
        "payroll_month",
        month.id,
        {
            "status": (old_status if recalculated else None, CALCULATED),
            "worker_count": (None, len(rows)),
            "net_total": (None, month.net_total),
        },
        note=f"{label(first)}：计算{len(rows)}人，项目{gathered.items}条，补发{arrears_lines}条，"
        f"新核定缴费基数{len(new_bases)}人"
        + (f"；与上次计算相比实发变化{len(changes)}人" if recalculated else "")
        + (f"；扣款超过应发{len(warnings)}条" if warnings else "")
        + (f"；欠扣转下月{len(carried)}人" if carried else ""),
    )
    progress(total, total)
    return Calculation(
        first,
        month.id,
        len(rows),
        from_fen(sums["gross"]),
        from_fen(sums["insurance"]),
        from_fen(sums["tax"]),
        from_fen(sums["net"]),
        from_fen(sums["employer"]),
        gathered.items,
        arrears_lines,
        len(new_bases),
        recalculated,
        changes,
        warnings,
        from_fen(sum(r[PAYSLIP_COLUMNS.index("owed_in")] for r in rows)),
        carried,
    )
