"""Contribution bases to and from the social insurance office (§8.2): a year's bases as rows for
the export, and an import of 身份证号, 姓名, 缴费基数 planned first (a dry run that writes nothing)
and applied all or nothing.

Any error refuses the whole file: an unknown ID number, a name that is not that person's, a
malformed or negative amount, a person twice, a base already used by an approved or locked month
that the sheet would change. A base outside the year's floor and ceiling is clamped, as computed
bases are, and reported as a warning. A row equal to the stored base is left alone, so an export
imported back changes nothing. Every written base is an ``override`` audited old → new, and
calculated months of the year go back to draft, as ``override_base`` does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.base_sheet import read_base_sheet
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
from workforce.persistence.payroll import ContributionBase, bulk_table
from workforce.persistence.people import Worker
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.bases import (
    OVERRIDE,
    _in_use,
    _invalidate_calculated,
    clamp_note,
    stored_bases,
)
from workforce.services.payroll.basis import bounds_in_force
from workforce.services.sheet_import import (
    CHUNK,
    CountedPlan,
    in_row_order,
    look_up_people,
    matched,
    open_batch,
    plan_valid_rows,
)

COMPUTED, OVERRIDDEN = "computed", "overridden"


@dataclass(frozen=True, slots=True)
class BaseExportRow:
    id_number: str
    name: str
    unit: str
    base: Decimal
    source: str  # COMPUTED or OVERRIDDEN


@dataclass(frozen=True, slots=True)
class BaseChange:
    """One worker's base to write: ``old`` is None when the year had none. ``base`` is clamped,
    ``written`` is the sheet's figure."""

    worker_id: int
    id_number: str
    name: str
    old: Decimal | None
    written: Decimal
    base: Decimal
    row: int

    @property
    def is_new(self) -> bool:
        return self.old is None


@dataclass(frozen=True, slots=True)
class BasePlan(CountedPlan):
    sheet: str
    header_row: int
    total_rows: int
    year: int
    changes: tuple[BaseChange, ...]
    unchanged: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class BaseImportResult:
    written: int
    unchanged: int
    warnings: tuple[Problem, ...]
    batch_id: int | None = None
    rejected: tuple[int, ...] = ()
    """The rows (Excel numbers) a valid-only import left out."""


def export_bases(db: Database, actor: Actor, year: int) -> list[BaseExportRow]:
    """The year's bases, ordered by street, community and ID number."""
    require(actor, Action.EXPORT_PAYROLL)
    community, street = aliased(OrgUnit), aliased(OrgUnit)
    raw = bulk_table(ContributionBase)
    with db.reading() as session:
        rows = session.execute(
            select(
                Worker.id_number, Worker.name, street.name, community.name, raw.c.base, raw.c.source
            )
            .join(raw, raw.c.worker_id == Worker.id)
            .join(community, community.id == Worker.community_id)
            .outerjoin(street, street.id == community.parent_id)
            .where(raw.c.year == year)
            .order_by(street.sort_order, street.name, community.sort_order, community.name)
            .order_by(Worker.id_number)
        ).tuples()
        return [
            BaseExportRow(
                number,
                name,
                f"{street_name or ''}{community_name}",
                Decimal(fen).scaleb(-2),
                OVERRIDDEN if source == OVERRIDE else COMPUTED,
            )
            for number, name, street_name, community_name, fen, source in rows
        ]


def _make_plan(session: Session, grid: SheetGrid, year: int) -> BasePlan:
    sheet = read_base_sheet(grid)
    bounds = bounds_in_force(session, dt.date(year, 12, 31))
    if bounds is None:
        raise ActionRefused(f"{year}年没有生效的缴费基数上下限，请先设置")
    people, problems = look_up_people(session, sheet)
    stored = stored_bases(session, year)
    in_use = _in_use(session, year, [w for w, _ in people.values()] or [-1])
    changes: list[BaseChange] = []
    unchanged = 0
    for record in sheet.records:
        found = matched(people, record)
        if found is None:
            continue
        worker_id, name = found
        where = Where(sheet.sheet, record.row, sheet.label("base"), f"{record.base}")
        base, clamped = clamp_note(record.base, bounds)
        old = stored.get(worker_id, (None, ""))[0]
        if clamped is not None:
            problems.append(warning("base_clamped", clamped, where))
        if old == base:
            unchanged += 1
        elif worker_id in in_use:
            problems.append(
                error(
                    "base_in_use",
                    f"「{name}」{year}年的缴费基数（{old}元）已用于审核或锁定的工资，年度中不能变更",
                    where,
                )
            )
        else:
            changes.append(
                BaseChange(worker_id, record.id_number, name, old, record.base, base, record.row)
            )
    return BasePlan(
        sheet.sheet,
        sheet.header_row,
        sheet.data_rows,
        year,
        tuple(changes),
        unchanged,
        in_row_order(problems),
    )


def plan_base_import(db: Database, actor: Actor, grid: SheetGrid, year: int) -> BasePlan:
    """The dry run of a base import: what it would write and every problem. Writes nothing."""
    require(actor, Action.EDIT_PAY_INPUTS)
    with db.reading() as session:
        return _make_plan(session, grid, year)


def apply_base_import(
    db: Database, actor: Actor, grid: SheetGrid, year: int, *, valid_only: bool = False
) -> BaseImportResult:
    """导入缴费基数: plan again inside one transaction and write all or nothing, or with
    ``valid_only`` the rows without errors (the others named in ``rejected``; audited)."""
    require(actor, Action.EDIT_PAY_INPUTS)
    file_name = grid.file_name or grid.name
    reason = f"导入社保缴费基数表「{file_name}」"
    with db.transaction() as session:
        rows = plan_valid_rows(
            lambda sheet: _make_plan(session, sheet, year),
            grid,
            valid_only=valid_only,
            refused="缴费基数表有误，未导入",
        )
        plan, warnings = rows.plan, rows.plan.warnings
        if not plan.changes:
            return BaseImportResult(0, plan.unchanged, warnings, rejected=rows.rejected)
        batch = open_batch(
            session,
            actor,
            "contribution_base",
            file_name,
            plan.created,
            plan.updated,
            rejected=rows.left_out,
        )
        ids = [c.worker_id for c in plan.changes]
        for start in range(0, len(ids), CHUNK):
            session.execute(
                delete(ContributionBase).where(
                    ContributionBase.year == year,
                    ContributionBase.worker_id.in_(ids[start : start + CHUNK]),
                )
            )
        now = utc_now()
        session.execute(
            insert(ContributionBase),
            [
                {
                    "worker_id": c.worker_id,
                    "year": year,
                    "base": c.base,
                    "computed": c.written,
                    "source": OVERRIDE,
                    "reason": reason,
                    "updated_by": actor.user_id,
                    "updated_at": now,
                }
                for c in plan.changes
            ],
        )
        row_ids: dict[int, int] = {}
        for start in range(0, len(ids), CHUNK):
            row_ids.update(
                session.execute(
                    select(ContributionBase.worker_id, ContributionBase.id).where(
                        ContributionBase.year == year,
                        ContributionBase.worker_id.in_(ids[start : start + CHUNK]),
                    )
                )
                .tuples()
                .all()
            )
        audit.record_many(
            session,
            actor,
            "override",
            "contribution_base",
            (
                (row_ids[c.worker_id], {"base": (c.old, c.base), "source": (None, OVERRIDE)})
                for c in plan.changes
            ),
            batch_id=batch.id,
            note=f"{year}年：{reason}",
        )
        _invalidate_calculated(session, actor, year, f"{year}年缴费基数导入，须重新计算")
        return BaseImportResult(
            len(plan.changes), plan.unchanged, warnings, batch.id, rows.rejected
        )
