"""Planning a roster import (§11): which rows add workers, which change them and how, what is wrong.

The dry run and the import itself (which plans again inside its transaction) share this code.
Existing workers are read in bulk by ID number as Core rows; nothing here writes.

In a row that matches an existing worker, an **empty cell means "no change"** for that field: a
sheet can update a few columns without repeating the rest, and a value cannot be cleared by an
import. Sheets without a 区/旗县 column put new workers in the import's district; an existing
worker stays in their district unless the row names another.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.problems import ActionRefused, Problem
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.roster.columns import HeaderMap, detect_header
from workforce.domain.roster.masked import masked_refusal
from workforce.domain.roster.parse import RosterRecord, RowReader, duplicate_ids, sheet_problems
from workforce.domain.roster.worker import WORKER_FIELDS, CertificateInput, WorkerInput
from workforce.domain.sheet import SheetGrid
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Certificate, Worker
from workforce.services.roster.org import default_district_id, org_nodes
from workforce.services.roster.plan_rows import RowPlanner
from workforce.services.roster.units import UnitPlan
from workforce.services.scale import posts_in_force
from workforce.services.sheet_import import SheetPlan

CHUNK = 2000
"""Rows per bulk query or bulk write."""
REPORT_EVERY = 250
"""Rows between progress reports and cancel checks."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field an update changes, as text for the clerk: 岗位等级 3 → 5."""

    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class RowCreate:
    row: int
    name: str
    id_number: str
    unit_path: str


@dataclass(frozen=True, slots=True)
class RowUpdate:
    row: int
    worker_id: int
    name: str
    id_number: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class ImportPlan(SheetPlan):
    """What an import would do. ``header_row`` is the header's last row as Excel numbers it."""

    sheet: str
    total_rows: int
    creates: tuple[RowCreate, ...]
    updates: tuple[RowUpdate, ...]
    unchanged: int
    new_units: tuple[str, ...]
    problems: tuple[Problem, ...]
    unmapped_headers: tuple[str, ...]
    header_row: int = 0


@dataclass(frozen=True, slots=True)
class Existing:
    """A worker already in the database, as an import compares against it."""

    worker_id: int
    data: WorkerInput
    certificate: CertificateInput | None


def load_existing(session: Session, numbers: Collection[str]) -> dict[str, Existing]:
    """Workers by ID number with their latest certificate: a few bulk Core queries."""
    wanted = sorted(set(numbers))
    columns = [getattr(Worker, name) for name in WORKER_FIELDS]
    found: dict[str, Existing] = {}
    by_id: dict[int, str] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        for row in session.execute(select(Worker.id, *columns).where(Worker.id_number.in_(chunk))):
            data = WorkerInput(*row[1:])
            found[data.id_number] = Existing(row[0], data, None)
            by_id[row[0]] = data.id_number
    ids = sorted(by_id)
    for start in range(0, len(ids), CHUNK):
        query = (
            select(
                Certificate.worker_id,
                Certificate.level,
                Certificate.obtained_date,
                Certificate.registered_date,
            )
            .where(Certificate.worker_id.in_(ids[start : start + CHUNK]))
            .order_by(
                Certificate.worker_id,
                Certificate.registered_date.desc().nulls_last(),
                Certificate.id.desc(),
            )
        )
        for worker_id, level, obtained, registered in session.execute(query):
            number = by_id[worker_id]
            if found[number].certificate is None:
                certificate = CertificateInput(level, obtained, registered)
                found[number] = replace(found[number], certificate=certificate)
    return found


@dataclass
class Work:
    """A plan and what applying it writes."""

    plan: ImportPlan
    creates: list[tuple[WorkerInput, CertificateInput | None]] = field(default_factory=list)
    updates: list[tuple[int, WorkerInput, CertificateInput | None]] = field(default_factory=list)
    units: UnitPlan | None = None

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.plan.problems


def _target_district(session: Session, district_id: int | None) -> int:
    chosen = district_id if district_id is not None else default_district_id(session)
    unit = session.get(OrgUnit, chosen)
    if unit is None or unit.kind != "district":
        raise ActionRefused(f"导入的目标区/旗县（编号 {chosen}）不存在")
    return chosen


def _read_rows(
    reader: RowReader, progress: ProgressFn, cancel: CancelToken | None
) -> list[RosterRecord]:
    rows = reader.data_rows
    records: list[RosterRecord] = []
    for start in range(rows.start, rows.stop, REPORT_EVERY):
        if cancel:
            cancel.check()
        stop = min(start + REPORT_EVERY, rows.stop)
        records.extend(reader.read_rows(start, stop))
        progress(stop - rows.start, len(rows))
    return records


def make_plan(
    session: Session,
    grid: SheetGrid,
    *,
    district_id: int | None,
    today: dt.date,
    progress: ProgressFn,
    cancel: CancelToken | None,
    column_map: dict[str, str] | None = None,
) -> Work:
    """Plan the import of one sheet; reports progress over the sheet's data rows."""
    target = _target_district(session, district_id)
    header = detect_header(grid, column_map)
    refusal = masked_refusal(grid, header)
    if refusal is not None:
        raise ActionRefused(refusal)
    problems = sheet_problems(grid.name, header)
    if header is None or problems:
        return Work(_empty_plan(grid, header, problems))
    posts = posts_in_force(session, today)
    reader = RowReader(grid, header, posts)
    records = _read_rows(reader, progress, cancel)
    duplicates = duplicate_ids(records, grid.name, header.label("id_number"))
    existing = load_existing(session, [r.id_number for r in records if r.id_number])
    units = UnitPlan(org_nodes(session), show_district=any(r.unit.district for r in records))
    planner = RowPlanner(header, units, {p.code: p for p in posts}, target, today, grid.name)
    skip = {p.where.row for p in duplicates}
    work = Work(_empty_plan(grid, header, []), units=units)
    creates: list[RowCreate] = []
    updates: list[RowUpdate] = []
    unchanged = 0
    row_problems: list[Problem] = list(duplicates)
    for record in records:
        row_problems.extend(record.problems)
        if record.id_number is None or record.row in skip:
            continue
        found = existing.get(record.id_number)
        if found is None:
            outcome = planner.create(record)
            if outcome.data is not None:
                work.creates.append((outcome.data, record.certificate))
                creates.append(RowCreate(record.row, record.name, record.id_number, outcome.path))
        else:
            outcome = planner.update(record, found.data, found.certificate)
            if outcome.data is None and not outcome.problems and not record.has_errors:
                unchanged += 1
            elif outcome.data is not None:
                work.updates.append((found.worker_id, outcome.data, outcome.certificate))
                changes = tuple(FieldChange(*c) for c in outcome.changes)
                name = record.name or found.data.name
                updates.append(
                    RowUpdate(record.row, found.worker_id, name, record.id_number, changes)
                )
        row_problems.extend(outcome.problems)
    progress(len(reader.data_rows), len(reader.data_rows))
    problems.extend(planner.sheet_problems())
    order = {header.labels[key]: col for key, col in header.columns.items()}
    row_problems.sort(key=lambda p: (p.where.row or 0, order.get(p.where.column, len(order))))
    work.plan = ImportPlan(
        sheet=grid.name,
        total_rows=sum(1 for r in records if not _skipped(r)),
        creates=tuple(creates),
        updates=tuple(updates),
        unchanged=unchanged,
        new_units=units.new_paths,
        problems=(*problems, *row_problems),
        unmapped_headers=header.unmapped,
        header_row=header.excel_row,
    )
    return work


def _skipped(record: RosterRecord) -> bool:
    """A totals, signature or empty-person line: read, warned about, not a data row."""
    return any(p.code == "skipped_row" for p in record.problems)


def _empty_plan(grid: SheetGrid, header: HeaderMap | None, problems: list[Problem]) -> ImportPlan:
    return ImportPlan(
        sheet=grid.name,
        total_rows=0,
        creates=(),
        updates=(),
        unchanged=0,
        new_units=(),
        problems=tuple(problems),
        unmapped_headers=header.unmapped if header else (),
        header_row=header.excel_row if header else 0,
    )
