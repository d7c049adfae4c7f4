"""Import of 专项附加扣除 declarations (§8.3) from a sheet: planned first (a dry run that writes
nothing) and applied all or nothing, each row under ``declare_deduction``'s rules (a known kind,
an amount above 0 and within the kind's ceiling, an end not before the start, no approved or
locked month that paid the worker in the range). Every declaration is audited as ``declare``;
calculated months it touches go back to draft. The clerk may import the valid rows only; the
rejected ones are named, to be fixed and imported again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.deduction_sheet import DeductionRecord, read_deduction_sheet
from workforce.domain.payroll.pay_item_sheet import MAX_AMOUNT
from workforce.domain.problems import Problem, Where, error
from workforce.domain.sheet import SheetGrid
from workforce.persistence.payroll import PayrollMonth, Payslip, SpecialDeduction
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.deductions import KINDS
from workforce.services.payroll.guard import (
    CALCULATED,
    CLOSED,
    STATUS_NAMES,
    label,
    mark_draft,
)
from workforce.services.sheet_import import (
    SheetPlan,
    in_row_order,
    look_up_people,
    matched,
    open_batch,
    plan_valid_rows,
)


@dataclass(frozen=True, slots=True)
class DeductionDeclaration:
    worker_id: int
    name: str
    record: DeductionRecord


@dataclass(frozen=True, slots=True)
class DeductionPlan(SheetPlan):
    sheet: str
    header_row: int
    total_rows: int
    declarations: tuple[DeductionDeclaration, ...]
    problems: tuple[Problem, ...]


def _rules(record: DeductionRecord) -> tuple[str, str] | None:
    """``declare_deduction``'s checks of one row: (column key, message) of the first failing."""
    if record.kind not in KINDS:
        return "kind", f"专项附加扣除项目应为{'、'.join(KINDS)}之一"
    ceiling = KINDS[record.kind]
    amount = record.monthly_amount
    if amount <= 0 or amount > (MAX_AMOUNT if ceiling is None else ceiling):
        limit = f"，且不超过{MAX_AMOUNT if ceiling is None else ceiling}元"
        return "amount", f"{record.kind}每月扣除额应大于0{limit}"
    if record.last is not None and record.last < record.first:
        return "last", "扣除的截止月份不能早于起始月份"
    return None


ClosedMonths = dict[int, list[tuple[dt.date, str]]]


def _closed_months(session: Session, worker_ids: list[int]) -> ClosedMonths:
    """Per worker, the approved or locked months that paid them (one query for the sheet)."""
    found: ClosedMonths = {}
    if not worker_ids:
        return found
    rows = session.execute(
        select(Payslip.worker_id, PayrollMonth.period, PayrollMonth.status)
        .join(PayrollMonth, Payslip.month_id == PayrollMonth.id)
        .where(PayrollMonth.status.in_(sorted(CLOSED)), Payslip.worker_id.in_(worker_ids))
        .order_by(PayrollMonth.period)
    )
    for worker_id, period, status in rows:
        found.setdefault(worker_id, []).append((period, status))
    return found


def _closed(
    closed: ClosedMonths, worker_id: int, first: dt.date, last: dt.date | None
) -> str | None:
    for period, status in closed.get(worker_id, ()):
        if period >= first and (last is None or period <= last):
            return f"{label(period)}工资{STATUS_NAMES[status]}，不能变更其专项附加扣除"
    return None


def _make_plan(session: Session, grid: SheetGrid) -> DeductionPlan:
    sheet = read_deduction_sheet(grid)
    people, problems = look_up_people(session, sheet)
    declarations: list[DeductionDeclaration] = []
    closed = _closed_months(session, sorted({worker_id for worker_id, _ in people.values()}))
    for record in sheet.records:
        found = matched(people, record)
        if found is None:
            continue
        values = {
            "kind": record.kind,
            "amount": f"{record.monthly_amount}",
            "first": label(record.first),
            "last": "" if record.last is None else label(record.last),
        }
        broken = _rules(record)
        if broken is not None:
            key, message = broken
            where = Where(sheet.sheet, record.row, sheet.label(key), values[key])
            problems.append(error(f"invalid_{key}", message, where))
            continue
        refused = _closed(closed, found[0], record.first, record.last)
        if refused is not None:
            where = Where(sheet.sheet, record.row, sheet.label("first"), values["first"])
            problems.append(error("month_closed", refused, where))
            continue
        declarations.append(DeductionDeclaration(found[0], found[1], record))
    return DeductionPlan(
        sheet.sheet, sheet.header_row, sheet.data_rows, tuple(declarations), in_row_order(problems)
    )


def plan_deduction_import(db: Database, actor: Actor, grid: SheetGrid) -> DeductionPlan:
    """The dry run of a declarations import. Writes nothing."""
    require(actor, Action.EDIT_PAY_INPUTS)
    with db.reading() as session:
        return _make_plan(session, grid)


def _send_touched_months_to_draft(
    session: Session, actor: Actor, declarations: tuple[DeductionDeclaration, ...]
) -> None:
    """Calculated months inside any declaration's range go back to draft, once each; the plan,
    read in this transaction, already refused rows touching a closed month that paid the worker."""
    if not declarations:
        return
    first = min(item.record.first for item in declarations).replace(day=1)
    ends = [item.record.last for item in declarations]
    last = None if any(end is None for end in ends) else max(e for e in ends if e is not None)
    # every month of the span is locked, as open_months does, so none is approved meanwhile
    query = select(PayrollMonth).where(PayrollMonth.period >= first)
    if last is not None:
        query = query.where(PayrollMonth.period <= last.replace(day=1))
    for month in session.scalars(query.order_by(PayrollMonth.period).with_for_update()):
        covered = month.status == CALCULATED and any(
            item.record.first.replace(day=1) <= month.period
            and (item.record.last is None or month.period <= item.record.last)
            for item in declarations
        )
        if covered:
            mark_draft(session, actor, month, "导入专项附加扣除，须重新计算")


@dataclass(frozen=True, slots=True)
class DeductionImportResult:
    written: int
    batch_id: int
    rejected: tuple[int, ...] = ()
    """The rows (Excel numbers) a valid-only import left out."""


def apply_deduction_import(
    db: Database, actor: Actor, grid: SheetGrid, *, valid_only: bool = False
) -> DeductionImportResult:
    """导入专项附加扣除: all or nothing, or with ``valid_only`` the rows without errors (the
    others named in ``rejected``; audited)."""
    require(actor, Action.EDIT_PAY_INPUTS)
    file_name = grid.file_name or grid.name
    with db.transaction() as session:
        valid = plan_valid_rows(
            lambda sheet: _make_plan(session, sheet),
            grid,
            valid_only=valid_only,
            refused="专项附加扣除表有误，未导入",
        )
        plan = valid.plan
        written = len(plan.declarations)
        batch = open_batch(
            session, actor, "special_deduction", file_name, written, rejected=valid.left_out
        )
        _send_touched_months_to_draft(session, actor, plan.declarations)
        rows = [
            {
                "worker_id": item.worker_id,
                "kind": item.record.kind,
                "monthly_amount": item.record.monthly_amount,
                "from_month": item.record.first,
                "to_month": item.record.last,
                "note": f"导入「{file_name}」第{item.record.row}行",
                "created_by": actor.user_id,
            }
            for item in plan.declarations
        ]
        ids = (
            list(
                session.scalars(
                    insert(SpecialDeduction).returning(
                        SpecialDeduction.id, sort_by_parameter_order=True
                    ),
                    rows,
                )
            )
            if rows
            else []
        )
        for row_id, item in zip(ids, plan.declarations, strict=True):
            record = item.record
            audit.record(
                session,
                actor,
                "declare",
                "special_deduction",
                row_id,
                {
                    "kind": (None, record.kind),
                    "monthly_amount": (None, record.monthly_amount),
                    "from_month": (None, record.first),
                }
                | ({"to_month": (None, record.last)} if record.last else {}),
                batch_id=batch.id,
                note=item.name,
            )
        return DeductionImportResult(written, batch.id, valid.rejected)
