"""The month's 一次性项目 as the desktop items grid shows them: the list (who entered what), the
removal of several items at once, and the dry run of an items sheet that names every problem
before ``add_items`` writes anything (a deduction larger than the month's gross is a warning
there, which ``add_items`` writes only once confirmed).

Writing stays with ``payroll_items.add_items`` (all or nothing); removal follows
``payroll_items.remove_item``'s rules (EDIT_PAY_INPUTS, audited, refused in an approved or locked
month; a calculated month goes back to draft and must be calculated again)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.pay_item_sheet import ItemEntry, parse_item_rows
from workforce.domain.problems import ActionRefused, Problem, Where, error
from workforce.domain.sheet import SheetGrid
from workforce.persistence.accounts import User
from workforce.persistence.org import OrgUnit
from workforce.persistence.payroll import PayItem, PayrollMonth
from workforce.persistence.people import Worker
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.deduction_checks import entry_warnings
from workforce.services.payroll.guard import (
    CLOSED,
    STATUS_NAMES,
    find_month,
    label,
    refuse_closed_periods,
)
from workforce.services.sheet_import import SheetPlan, in_row_order, people_by_number

WHAT = "录入或修改工资项目"


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One item of the month with the worker it pays and the account that entered it."""

    item_id: int
    worker_id: int
    id_number: str
    street: str
    community: str
    worker: str
    name: str
    amount: Decimal
    taxable: bool
    insurable: bool
    after_tax: bool
    note: str
    entered_by: str


@dataclass(frozen=True, slots=True)
class MonthItems:
    """The month's items; ``status`` is None before the month's first calculation."""

    period: dt.date
    status: str | None
    rows: tuple[ItemRow, ...]

    @property
    def editable(self) -> bool:
        return self.status not in CLOSED


def month_items(db: Database, actor: Actor, period: dt.date) -> MonthItems:
    """The month's items in street, community, worker and entry order (one query)."""
    require(actor, Action.EXPORT_PAYROLL)
    first = period.replace(day=1)
    community, street = aliased(OrgUnit), aliased(OrgUnit)
    with db.reading() as session:
        month = find_month(session, first)
        fetched = session.execute(
            select(
                PayItem.id,
                PayItem.worker_id,
                Worker.id_number,
                street.name,
                community.name,
                Worker.name,
                PayItem.name,
                PayItem.amount,
                PayItem.taxable,
                PayItem.insurable,
                PayItem.after_tax,
                PayItem.note,
                User.display_name,
            )
            .join(Worker, Worker.id == PayItem.worker_id)
            .join(community, community.id == Worker.community_id)
            .join(street, street.id == community.parent_id)
            .outerjoin(User, User.id == PayItem.created_by)
            .where(PayItem.period == first)
            .order_by(street.sort_order, street.id, community.sort_order, Worker.id, PayItem.id)
        ).all()
        status = None if month is None else month.status
    rows = tuple(
        ItemRow(i, w, number, st, co, worker, name, amount, tax, ins, after, note, by or "")
        for i, w, number, st, co, worker, name, amount, tax, ins, after, note, by in fetched
    )
    return MonthItems(first, status, rows)


def remove_items(db: Database, actor: Actor, item_ids: Sequence[int]) -> int:
    """删除项目: several items in one transaction, each audited; all refused when one is unknown
    or falls in an approved or locked month. Returns how many were removed."""
    require(actor, Action.EDIT_PAY_INPUTS)
    wanted = sorted(set(item_ids))
    if not wanted:
        raise ActionRefused("没有选择要删除的项目")
    with db.transaction() as session:
        items = list(session.scalars(select(PayItem).where(PayItem.id.in_(wanted))))
        missing = sorted(set(wanted) - {i.id for i in items})
        if missing:
            raise ActionRefused(f"工资项目 {'、'.join(map(str, missing[:5]))} 不存在")
        refuse_closed_periods(session, actor, {i.period for i in items}, WHAT)
        audit.record_many(
            session,
            actor,
            "delete",
            "pay_item",
            (
                (i.id, {"name": (i.name, None), "amount": (i.amount, None)})
                for i in sorted(items, key=lambda i: i.id)
            ),
            note="、".join(label(p) for p in sorted({i.period for i in items})),
        )
        for item in items:
            session.delete(item)
        return len(items)


@dataclass(frozen=True, slots=True)
class PlannedItem:
    row: int | None
    worker: str
    entry: ItemEntry


@dataclass(frozen=True, slots=True)
class ItemPlan(SheetPlan):
    """The dry run of an items sheet: what would be added, and the problems (row, column,
    value); ``add_items`` is only called when there are no errors."""

    sheet: str
    header_row: int
    items: tuple[PlannedItem, ...]
    problems: tuple[Problem, ...]

    @property
    def entries(self) -> list[ItemEntry]:
        return [p.entry for p in self.items]

    @property
    def total(self) -> Decimal:
        return sum((p.entry.amount for p in self.items), Decimal("0.00"))


def _header_row(grid: SheetGrid) -> int:
    """The header's row as Excel numbers it (0 if none)."""
    for index, cells in enumerate(grid.rows):
        for value in cells:
            if value is not None and str(value).strip() in ("身份证号", "身份证号码"):
                return index + 1
    return 0


def _entry_problem(entry: ItemEntry) -> tuple[str, str, str] | None:
    """``add_items``'s checks of one entry: (column, value, message) of the first failing."""
    if not entry.amount:
        return "金额", f"{entry.amount}", f"项目「{entry.name}」的金额不能为0"
    if entry.after_tax and entry.amount > 0:
        return "金额", f"{entry.amount}", f"税后项目「{entry.name}」只能是扣款（负数）"
    return None


def _closed_months(session: Session, periods: set[dt.date]) -> dict[dt.date, str]:
    months = session.scalars(select(PayrollMonth).where(PayrollMonth.period.in_(sorted(periods))))
    return {m.period: m.status for m in months if m.status in CLOSED}


def plan_item_import(
    db: Database, actor: Actor, grid: SheetGrid, default_period: dt.date | None
) -> ItemPlan:
    """The dry run of an items sheet (columns as ``parse_item_rows`` reads them; 月份 defaults
    to ``default_period``). Writes nothing."""
    require(actor, Action.EDIT_PAY_INPUTS)
    parsed_rows, parsed = parse_item_rows(grid, default_period)
    entries = [entry for _row, entry in parsed_rows]
    problems = list(parsed)
    items: list[PlannedItem] = []
    with db.reading() as session:
        people = people_by_number(session, sorted({e.id_number for e in entries}))
        closed = _closed_months(session, {e.period for e in entries})
        for row, entry in parsed_rows:
            found = people.get(entry.id_number)
            broken = _entry_problem(entry)
            if found is None:
                where = Where(grid.name, row, "身份证号", entry.id_number)
                problems.append(error("unknown_person", "系统中没有此身份证号的人员", where))
            elif broken is not None:
                column, value, message = broken
                where = Where(grid.name, row, column, value)
                problems.append(error("invalid_amount", message, where))
            elif entry.period in closed:
                message = (
                    f"{label(entry.period)}工资{STATUS_NAMES[closed[entry.period]]}，不能{WHAT}"
                )
                where = Where(grid.name, row, "月份", f"{entry.period:%Y-%m}")
                problems.append(error("month_closed", message, where))
            else:
                items.append(PlannedItem(row, found[1], entry))
        planned, rows = [p.entry for p in items], [p.row for p in items]
        problems += entry_warnings(session, planned, people, sheet=grid.name, rows=rows)
    if not entries and not problems:
        problems.append(error("empty", "表中没有工资项目"))
    return ItemPlan(grid.name, _header_row(grid), tuple(items), in_row_order(problems))
