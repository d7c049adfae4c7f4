"""Opening figures (期初累计, §8.6): the year so far of a unit that starts the program mid-year.

A sheet of the tax authority's withholding client is planned first (a dry run that writes
nothing) and applied all or nothing, as the other sheet imports are: an unknown ID number, a name
that is not that person's, a malformed or negative amount, a person twice, two 所属期止 in one
year, a 累计减除费用 that is not 5,000 × the months employed (60,000 under 公告2020年第19号) are
errors naming the row, column and value. A 累计已预缴税额 that differs from the tax the figures give
is a warning (the no-refund rule can make it larger). Figures of a year are refused once a month
of that year is approved or locked, and while a month they cover is calculated; a calculated month
after them goes back to draft. Every row written is audited old → new.

The first calculated month of the year continues the cumulative withholding from them
(``opening_carried``), exactly as if the earlier months had been calculated here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.opening_sheet import (
    AMOUNTS,
    OpeningFigures,
    expected_basic,
    read_opening_sheet,
)
from workforce.domain.problems import (
    ActionRefused,
    Problem,
    Where,
    error,
    warning,
)
from workforce.domain.sheet import SheetGrid
from workforce.persistence.base import utc_now
from workforce.persistence.org import OrgUnit
from workforce.persistence.payroll import OpeningBalance, PayrollMonth, bulk_table
from workforce.persistence.people import Worker
from workforce.persistence.plain import dates_of, plain_rows
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.deductions import tax_flags
from workforce.services.payroll.guard import CLOSED, STATUS_NAMES, label, mark_draft
from workforce.services.sheet_import import (
    CHUNK,
    CountedPlan,
    in_row_order,
    look_up_people,
    matched,
    open_batch,
    plan_valid_rows,
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
class OpeningPlan(CountedPlan):
    sheet: str
    header_row: int
    total_rows: int
    year: int | None
    through: int | None
    changes: tuple[OpeningChange, ...]
    unchanged: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class OpeningImportResult:
    year: int | None
    through: int | None
    written: int
    unchanged: int
    warnings: tuple[Problem, ...]
    batch_id: int | None = None
    rejected: tuple[int, ...] = ()
    """The rows (Excel numbers) a valid-only import left out."""


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


def _figures(row: OpeningBalance) -> OpeningFigures:
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


def _stored(session: Session, year: int) -> dict[int, OpeningFigures]:
    rows = session.scalars(select(OpeningBalance).where(OpeningBalance.year == year))
    return {row.worker_id: _figures(row) for row in rows}


def year_through(session: Session, year: int) -> int | None:
    """The month the year's opening figures end with (所属期止), None when it has none."""
    return session.scalar(
        select(OpeningBalance.through_month).where(OpeningBalance.year == year).limit(1)
    )


def _joined(session: Session, worker_ids: list[int]) -> dict[int, dt.date | None]:
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


def _basic_for(
    figures: OpeningFigures, joined: dt.date | None, flags: tuple[bool, bool]
) -> tuple[int, Decimal]:
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
    return None if row is None else _figures(row)


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


def _send_to_draft(session: Session, actor: Actor, year: int, note: str) -> None:
    for month in _year_months(session, year):
        mark_draft(session, actor, month, note)


def _problems(
    sheet_name: str,
    label_of: Any,
    record_row: int,
    name: str,
    figures: OpeningFigures,
    first: int,
    basic: Decimal,
) -> list[Problem]:
    found: list[Problem] = []
    if figures.basic_deduction is not None and figures.basic_deduction != basic:
        months = figures.through - first + 1
        rule = "60000（公告2020年第19号）" if basic == Decimal(60000) else f"5000 × {months}个月"
        where = Where(
            sheet_name, record_row, label_of("basic_deduction"), f"{figures.basic_deduction}"
        )
        found.append(
            error(
                "basic_mismatch",
                f"「{name}」的累计减除费用应为 {basic}（{rule}），请核对后再导入",
                where,
            )
        )
    computed = figures.cumulative_tax(basic)
    if computed != figures.withheld:
        where = Where(sheet_name, record_row, label_of("withheld"), f"{figures.withheld}")
        found.append(
            warning(
                "withheld_differs",
                f"「{name}」按以上累计数计算的累计应纳税额为 {computed}，与已预缴税额不同，请核对",
                where,
            )
        )
    return found


def _make_plan(session: Session, grid: SheetGrid) -> OpeningPlan:
    sheet = read_opening_sheet(grid)
    people, problems = look_up_people(session, sheet)
    year = sheet.records[0].figures.year if sheet.records else None
    through = sheet.records[0].figures.through if sheet.records else None
    changes: list[OpeningChange] = []
    unchanged = 0
    if year is not None and through is not None:
        stored = _stored(session, year)
        existing = next(iter(stored.values()), None)
        if existing is not None and existing.through != through:
            where = Where(sheet.sheet, sheet.records[0].row, sheet.label("through"))
            problems.append(
                error(
                    "other_through",
                    f"{year}年的期初累计已按截至{existing.through}月导入，本表为截至{through}月；"
                    "一年只能有一个所属期止",
                    where,
                )
            )
        ids = [found[0] for r in sheet.records if (found := matched(people, r)) is not None]
        joined = _joined(session, ids)
        flags = tax_flags(session, year)
        for record in sheet.records:
            found = matched(people, record)
            if found is None:
                continue
            worker_id, name = found
            figures = record.figures
            first, basic = _basic_for(
                figures, joined.get(worker_id), flags.get(worker_id, (False, False))
            )
            if first > through:
                where = Where(
                    sheet.sheet, record.row, sheet.label("through"), f"{year}-{through:02d}"
                )
                problems.append(
                    error(
                        "joined_after",
                        f"「{name}」{year}年{first}月才入职，所属期止前没有在本单位的月份",
                        where,
                    )
                )
                continue
            problems.extend(
                _problems(sheet.sheet, sheet.label, record.row, name, figures, first, basic)
            )
            old = stored.get(worker_id)
            if old is not None and replace(old, basic_deduction=None) == replace(
                figures, basic_deduction=None
            ):
                unchanged += 1
                continue
            changes.append(
                OpeningChange(worker_id, record.id_number, name, old, figures, record.row, first)
            )
    return OpeningPlan(
        sheet.sheet,
        sheet.header_row,
        sheet.data_rows,
        year,
        through,
        tuple(changes),
        unchanged,
        in_row_order(problems),
    )


def plan_opening_import(db: Database, actor: Actor, grid: SheetGrid) -> OpeningPlan:
    """The dry run of an opening-figures import: what it would write and every problem."""
    require(actor, Action.EDIT_PAY_INPUTS)
    with db.reading() as session:
        plan = _make_plan(session, grid)
        if plan.year is not None and not plan.has_errors:
            try:
                refuse_changes(session, plan.year, plan.through, "导入")
            except ActionRefused as exc:
                refusal = error("year_closed", exc.message, Where(plan.sheet))
                return replace(plan, problems=(refusal, *plan.problems))
        return plan


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


def _diff(old: OpeningFigures | None, new: OpeningFigures) -> dict[str, tuple[Any, Any]]:
    keys = ("through", *FIELDS)
    if old is None:
        return {key: (None, getattr(new, key)) for key in keys}
    return {
        key: (getattr(old, key), getattr(new, key))
        for key in keys
        if getattr(old, key) != getattr(new, key)
    }


def _write(session: Session, actor: Actor, changes: list[OpeningChange]) -> dict[int, int]:
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


def apply_opening_import(
    db: Database, actor: Actor, grid: SheetGrid, *, valid_only: bool = False
) -> OpeningImportResult:
    """导入期初累计: plan again inside one transaction and write all or nothing, or with
    ``valid_only`` the rows without errors (the others named in ``rejected``; audited)."""
    require(actor, Action.EDIT_PAY_INPUTS)
    file_name = grid.file_name or grid.name
    with db.transaction() as session:
        valid = plan_valid_rows(
            lambda sheet: _make_plan(session, sheet),
            grid,
            valid_only=valid_only,
            refused="期初累计表有误，未导入",
        )
        plan, rejected = valid.plan, valid.rejected
        if plan.year is None:
            raise ActionRefused("期初累计表中没有可导入的数据行")
        refuse_changes(session, plan.year, plan.through, "导入")
        if not plan.changes:
            return OpeningImportResult(
                plan.year, plan.through, 0, plan.unchanged, plan.warnings, rejected=rejected
            )
        batch = open_batch(
            session,
            actor,
            ENTITY,
            file_name,
            plan.created,
            plan.updated,
            rejected=valid.left_out,
        )
        written = _write(session, actor, list(plan.changes))
        audit.record_many(
            session,
            actor,
            "import",
            ENTITY,
            ((written[c.worker_id], _diff(c.old, c.new)) for c in plan.changes),
            batch_id=batch.id,
            note=f"{plan.year}年期初累计（截至{plan.through}月）：导入「{file_name}」",
        )
        _send_to_draft(session, actor, plan.year, f"{plan.year}年期初累计导入，须重新计算")
        count, unchanged = len(plan.changes), plan.unchanged
        return OpeningImportResult(
            plan.year, plan.through, count, unchanged, plan.warnings, batch.id, rejected
        )


def correct_opening(
    db: Database, actor: Actor, worker_id: int, figures: OpeningFigures, reason: str
) -> OpeningRow:
    """更正 one worker's opening figures (the year and 所属期止 stay the year's), with a reason."""
    require(actor, Action.EDIT_PAY_INPUTS)
    if not reason.strip():
        raise ActionRefused("更正期初累计必须填写理由")
    for key in FIELDS:
        if getattr(figures, key) < 0:
            raise ActionRefused(f"期初累计的金额不能为负数：{getattr(figures, key)}")
    with db.transaction() as session:
        through = year_through(session, figures.year)
        if through is not None and through != figures.through:
            raise ActionRefused(
                f"{figures.year}年的期初累计截至{through}月，更正时所属期止不能改为{figures.through}月"
            )
        refuse_changes(session, figures.year, figures.through, "更正")
        name = session.scalar(select(Worker.name).where(Worker.id == worker_id))
        if name is None:
            raise ActionRefused(f"人员 {worker_id} 不存在")
        joined = _joined(session, [worker_id]).get(worker_id)
        flags = tax_flags(session, figures.year).get(worker_id, (False, False))
        first, basic = _basic_for(figures, joined, flags)
        if first > figures.through:
            raise ActionRefused(
                f"「{name}」{figures.year}年{first}月才入职，所属期止前没有在本单位的月份"
            )
        if figures.basic_deduction is not None and figures.basic_deduction != basic:
            raise ActionRefused(f"「{name}」的累计减除费用应为 {basic}，请核对")
        old = _stored(session, figures.year).get(worker_id)
        number = session.scalar(select(Worker.id_number).where(Worker.id == worker_id)) or ""
        change = OpeningChange(worker_id, number, name, old, figures, 0, first)
        row_id = _write(session, actor, [change])[worker_id]
        audit.record(
            session,
            actor,
            "correct" if old is not None else "create",
            ENTITY,
            row_id,
            _diff(old, figures),
            note=f"{figures.year}年期初累计：{reason.strip()}",
        )
        _send_to_draft(session, actor, figures.year, f"{name}的期初累计已更正，须重新计算")
    return next(r for r in list_openings(db, actor, figures.year) if r.worker_id == worker_id)


def remove_opening(db: Database, actor: Actor, worker_id: int, year: int, reason: str) -> None:
    """删除 one worker's opening figures of ``year`` (imported for the wrong person), audited."""
    require(actor, Action.EDIT_PAY_INPUTS)
    if not reason.strip():
        raise ActionRefused("删除期初累计必须填写理由")
    with db.transaction() as session:
        row = session.scalar(
            select(OpeningBalance).where(
                OpeningBalance.year == year, OpeningBalance.worker_id == worker_id
            )
        )
        if row is None:
            raise ActionRefused(f"该人员没有{year}年的期初累计")
        refuse_changes(session, year, row.through_month, "删除")
        old = _figures(row)
        audit.record(
            session,
            actor,
            "delete",
            ENTITY,
            row.id,
            {key: (getattr(old, key), None) for key in ("through", *FIELDS)},
            note=f"{year}年期初累计：{reason.strip()}",
        )
        session.delete(row)
        _send_to_draft(session, actor, year, f"{year}年期初累计有删除，须重新计算")


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
            figures = _figures(row)
            first, basic = _basic_for(figures, joined, flags.get(row.worker_id, (False, False)))
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
