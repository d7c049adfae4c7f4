"""Importing opening figures (期初累计, §8.6) from the tax authority's withholding client.

A sheet is planned first (a dry run that writes nothing) and applied all or nothing, as the other
sheet imports are: an unknown ID number, a name that is not that person's, a malformed or negative
amount, a person twice, two 所属期止 in one year, a 累计减除费用 that is not 5,000 × the months
employed (60,000 under 公告2020年第19号) are errors naming the row, column and value. A
累计已预缴税额 that differs from the tax the figures give is a warning (the no-refund rule can
make it larger).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.opening_sheet import (
    OpeningFigures,
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
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.deductions import tax_flags
from workforce.services.payroll.opening import (
    ENTITY,
    OpeningChange,
    basic_for,
    changed_fields,
    joined_dates,
    refuse_changes,
    send_to_draft,
    stored_figures,
    write_changes,
)
from workforce.services.sheet_import import (
    CountedPlan,
    in_row_order,
    look_up_people,
    matched,
    open_batch,
    plan_valid_rows,
)


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
        stored = stored_figures(session, year)
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
        joined = joined_dates(session, ids)
        flags = tax_flags(session, year)
        for record in sheet.records:
            found = matched(people, record)
            if found is None:
                continue
            worker_id, name = found
            figures = record.figures
            first, basic = basic_for(
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
        written = write_changes(session, actor, list(plan.changes))
        audit.record_many(
            session,
            actor,
            "import",
            ENTITY,
            ((written[c.worker_id], changed_fields(c.old, c.new)) for c in plan.changes),
            batch_id=batch.id,
            note=f"{plan.year}年期初累计（截至{plan.through}月）：导入「{file_name}」",
        )
        send_to_draft(session, actor, plan.year, f"{plan.year}年期初累计导入，须重新计算")
        count, unchanged = len(plan.changes), plan.unchanged
        return OpeningImportResult(
            plan.year, plan.through, count, unchanged, plan.warnings, batch.id, rejected
        )
