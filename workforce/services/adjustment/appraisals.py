"""Yearly appraisals (年度考核, §5): the region's grade scheme, entry by hand and bulk import.

One result per worker per year: recording again replaces the grade, and the audit log keeps old →
new. An import is planned first (a dry run that writes nothing) and applied all or nothing: any
error (an unknown ID number, a name that is not that person's, an unknown grade, the same
person-year twice in the file) refuses the whole file, unless the clerk imports the valid rows
only (the rejected ones are named, to be fixed and imported again). Exceeding the 优秀 quota
of a community is a warning: the results are kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.adjustment.appraisal import SETTING_KEY, GradeScheme
from workforce.domain.adjustment.appraisal_sheet import read_appraisal_sheet
from workforce.domain.problems import ActionRefused, Where, error, refuse_on_errors
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.domain.sheet import SheetGrid
from workforce.persistence.accounts import Setting
from workforce.persistence.people import Appraisal
from workforce.services.accounts import audit
from workforce.services.adjustment.appraisal_quota import community_quota_warnings
from workforce.services.context import Actor, Database, require
from workforce.services.sheet_import import (
    RowPlan,
    RowsImported,
    chunks,
    in_row_order,
    look_up_people,
    matched,
    open_batch,
    people_by_id,
    plan_valid_rows,
)


@dataclass(frozen=True, slots=True)
class AppraisalEntry:
    """A grade entered by hand for one worker."""

    worker_id: int
    grade: str


@dataclass(frozen=True, slots=True)
class AppraisalChange:
    """One person-year to write: ``old`` is None for a new result. ``row`` is the sheet's row."""

    worker_id: int
    id_number: str
    name: str
    year: int
    old: str | None
    new: str
    row: int | None = None

    @property
    def is_new(self) -> bool:
        return self.old is None


AppraisalPlan = RowPlan[AppraisalChange]
AppraisalResult = RowsImported


def grade_scheme(session: Session) -> GradeScheme:
    """The region's grade scheme (setting ``appraisal_grades``), else 优秀/称职/基本称职/不称职."""
    setting = session.get(Setting, SETTING_KEY)
    if setting is None:
        return GradeScheme()
    try:
        return GradeScheme.from_setting(setting.value)
    except (ValueError, KeyError, TypeError) as exc:
        raise ActionRefused(f"考核等次设置有误：{exc}") from None


def set_grade_scheme(db: Database, actor: Actor, scheme: GradeScheme) -> None:
    """Choose the region's grades, passing flags and 优秀 quota."""
    require(actor, Action.EDIT_CONFIGURATION)
    with db.transaction() as session:
        setting = session.get(Setting, SETTING_KEY)
        old = setting.value if setting is not None else None
        if setting is None:
            session.add(Setting(key=SETTING_KEY, value=scheme.to_setting()))
        else:
            setting.value = scheme.to_setting()
        audit.record(
            session, actor, "update", "setting", None, {SETTING_KEY: (old, scheme.to_setting())}
        )


def _existing(
    session: Session, worker_ids: Sequence[int], years: Iterable[int]
) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    for chunk in chunks(sorted(set(worker_ids))):
        rows = session.execute(
            select(Appraisal.worker_id, Appraisal.year, Appraisal.grade).where(
                Appraisal.worker_id.in_(chunk), Appraisal.year.in_(sorted(set(years)))
            )
        ).tuples()
        found.update(((w, y), g) for w, y, g in rows)
    return found


def _write(
    session: Session, actor: Actor, changes: Sequence[AppraisalChange], batch_id: int | None
) -> None:
    """Insert new results, update changed ones, one audit entry per worker-year; in bulk."""
    new = [{"worker_id": c.worker_id, "year": c.year, "grade": c.new} for c in changes if not c.old]
    if new:
        session.execute(insert(Appraisal), new)
    changed = [
        {"target": c.worker_id, "target_year": c.year, "new_grade": c.new} for c in changes if c.old
    ]
    if changed:
        table = cast(Table, Appraisal.__table__)
        session.execute(
            update(table)
            .where(
                table.c.worker_id == bindparam("target"), table.c.year == bindparam("target_year")
            )
            .values(grade=bindparam("new_grade")),
            changed,
        )
    audit.record_many(
        session,
        actor,
        "appraisal",
        "worker",
        ((c.worker_id, {f"appraisal:{c.year}": (c.old, c.new)}) for c in changes),
        batch_id=batch_id,
    )


def record_appraisals(
    db: Database,
    actor: Actor,
    year: int,
    entries: Sequence[AppraisalEntry],
    *,
    today: dt.date | None = None,
) -> AppraisalResult:
    """录入考核结果: set each worker's grade for ``year`` (insert or replace), audit old → new."""
    require(actor, Action.RECORD_APPRAISALS)
    if year > (today or dt.date.today()).year:
        raise ActionRefused(f"{year}年度尚未到来，不能录入考核结果")
    with db.transaction() as session:
        scheme = grade_scheme(session)
        ids = [e.worker_id for e in entries]
        if len(set(ids)) != len(ids):
            raise ActionRefused("同一人在一次录入中出现了多次")
        people = people_by_id(session, ids)
        problems = tuple(
            error(
                "unknown_grade",
                f"考核结果不是可用的等次（可用：{'、'.join(scheme.names)}）",
                Where(column="考核结果", value=e.grade),
            )
            for e in entries
            if scheme.normalise(e.grade) is None
        )
        refuse_on_errors(f"{year}年度考核结果有误", problems)
        existing = _existing(session, ids, [year])
        changes = []
        for e in entries:
            grade = scheme.normalise(e.grade) or e.grade
            old = existing.get((e.worker_id, year))
            if old != grade:
                number, name = people[e.worker_id]
                changes.append(AppraisalChange(e.worker_id, number, name, year, old, grade))
        _write(session, actor, changes, None)
        warnings = community_quota_warnings(session, scheme, [(w, year) for w in ids], changes)
        created = sum(1 for c in changes if c.old is None)
        unchanged = len(entries) - len(changes)
        return RowsImported(created, len(changes) - created, unchanged, warnings=tuple(warnings))


def _make_plan(
    session: Session,
    grid: SheetGrid,
    year: int | None,
    today: dt.date,
    progress: ProgressFn,
    cancel: CancelToken | None,
) -> AppraisalPlan:
    scheme = grade_scheme(session)
    sheet = read_appraisal_sheet(grid, scheme, year=year)
    records = sheet.records
    people, problems = look_up_people(session, sheet, progress, cancel)
    existing = _existing(session, [p[0] for p in people.values()], {r.year for r in records})
    changes: list[AppraisalChange] = []
    unchanged = 0
    for record in records:
        found = matched(people, record)
        if found is None:
            continue
        if record.year > today.year:
            problems.append(
                error(
                    "future_year",
                    f"{record.year}年度尚未到来",
                    Where(sheet.sheet, record.row, sheet.label("year"), str(record.year)),
                )
            )
            continue
        worker_id, name = found
        old = existing.get((worker_id, record.year))
        if old == record.grade:
            unchanged += 1
        else:
            changes.append(
                AppraisalChange(
                    worker_id, record.id_number, name, record.year, old, record.grade, record.row
                )
            )
    keys = [(people[r.id_number][0], r.year) for r in records if r.id_number in people]
    problems.extend(community_quota_warnings(session, scheme, keys, changes))
    return RowPlan(
        sheet.sheet,
        sheet.header_row,
        sheet.data_rows,
        tuple(changes),
        unchanged,
        in_row_order(problems),
    )


def plan_appraisal_import(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    *,
    year: int | None = None,
    today: dt.date | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> AppraisalPlan:
    """The dry run of an appraisal import: what it would write and every problem. Writes nothing.
    With ``year`` the sheet may omit the 年度 column."""
    require(actor, Action.RECORD_APPRAISALS)
    with db.reading() as session:
        return _make_plan(session, grid, year, today or dt.date.today(), progress, cancel)


def apply_appraisal_import(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    *,
    year: int | None = None,
    today: dt.date | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    valid_only: bool = False,
) -> RowsImported:
    """导入考核结果: plan again inside one transaction and write all or nothing; ``valid_only``
    writes the rows without errors and leaves the others out (``rejected``; audited)."""
    require(actor, Action.RECORD_APPRAISALS)
    today = today or dt.date.today()
    with db.transaction() as session:
        rows = plan_valid_rows(
            lambda sheet: _make_plan(session, sheet, year, today, progress, cancel),
            grid,
            valid_only=valid_only,
            refused="考核结果表有误，未导入",
        )
        plan = rows.plan
        file_name = grid.file_name or grid.name
        batch = open_batch(
            session,
            actor,
            "appraisal",
            file_name,
            plan.created,
            plan.updated,
            rejected=rows.left_out,
        )
        if cancel is not None:
            cancel.check()
        _write(session, actor, plan.changes, batch.id)
        return RowsImported(
            plan.created, plan.updated, plan.unchanged, batch.id, plan.warnings, rows.rejected
        )


def appraisal_counts(db: Database, year: int) -> dict[str, int]:
    """How many results of each grade ``year`` has (for screens and the CLI)."""
    with db.reading() as session:
        rows = session.execute(
            select(Appraisal.grade, func.count())
            .where(Appraisal.year == year)
            .group_by(Appraisal.grade)
        ).tuples()
        return dict(rows.all())
