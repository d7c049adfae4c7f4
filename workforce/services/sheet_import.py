"""What the sheet imports that list people (appraisals, certificates, training sign-in, bases,
deductions) share: looking workers up by ID number in chunks, the unknown-person and wrong-name
problems of every row, problems in row order, the plan's error flag and counts, the import
batch an applied file is audited under, and ``plan_valid_rows``: all or nothing, or the valid rows
only with the rejected ones named.

The roster import keeps its own: it creates people, and audits its batch after the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.person_sheet import PersonCell, PersonSheet
from workforce.domain.problems import (
    ActionRefused,
    Problem,
    Where,
    error,
    refuse_on_errors,
    rejected_rows,
)
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.domain.sheet import SheetGrid
from workforce.persistence.accounts import ImportBatch
from workforce.persistence.people import Worker
from workforce.services.accounts import audit
from workforce.services.context import Actor

CHUNK = 5000

V = TypeVar("V")
Person = tuple[int, str]  # worker id, name


def chunks(values: Sequence[V]) -> Iterable[Sequence[V]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def people_by_number(
    session: Session,
    numbers: Sequence[str],
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> dict[str, Person]:
    """ID number → (worker id, name), in chunks, reporting progress."""
    people: dict[str, Person] = {}
    for done, chunk in enumerate(chunks(numbers)):
        progress(done * CHUNK, len(numbers))
        if cancel is not None:
            cancel.check()
        rows = session.execute(
            select(Worker.id_number, Worker.id, Worker.name).where(Worker.id_number.in_(chunk))
        ).tuples()
        people.update((n, (w, name)) for n, w, name in rows)
    progress(len(numbers), len(numbers))
    return people


def people_by_id(session: Session, worker_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """Worker id → (ID number, name) of the workers picked by hand; refused when one is gone."""
    people: dict[int, tuple[str, str]] = {}
    for chunk in chunks(worker_ids):  # a whole district may be picked
        rows = session.execute(
            select(Worker.id, Worker.id_number, Worker.name).where(Worker.id.in_(chunk))
        ).tuples()
        people.update((w, (n, name)) for w, n, name in rows)
    if missing := [w for w in worker_ids if w not in people]:
        raise ActionRefused(f"人员不存在：{'、'.join(map(str, missing[:5]))}")
    return people


def person_problem(
    sheet: PersonSheet[Any], cell: PersonCell, found: Person | None
) -> Problem | None:
    """The error of a row whose ID number is no worker's, or whose name is not that worker's."""
    if found is None:
        where = Where(sheet.sheet, cell.row, sheet.label("id_number"), cell.id_number)
        return error("unknown_person", "系统中没有此身份证号的人员", where)
    if cell.name and cell.name != found[1]:
        where = Where(sheet.sheet, cell.row, sheet.label("name"), cell.name)
        return error("name_mismatch", f"姓名与该身份证号在系统中的人员「{found[1]}」不符", where)
    return None


def look_up_people(
    session: Session,
    sheet: PersonSheet[Any],
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> tuple[dict[str, Person], list[Problem]]:
    """The workers the sheet's rows name by ID number, and the sheet's problems followed by
    ``person_problem`` of every row naming a person."""
    people = people_by_number(
        session, sorted({p.id_number for p in sheet.people}), progress, cancel
    )
    problems = list(sheet.problems)
    for cell in sheet.people:
        if (problem := person_problem(sheet, cell, people.get(cell.id_number))) is not None:
            problems.append(problem)
    return people, problems


class _Named(Protocol):
    @property
    def id_number(self) -> str: ...

    @property
    def name(self) -> str: ...


def matched(people: Mapping[str, Person], record: _Named) -> Person | None:
    """The worker a record names, or None when ``person_problem`` refused its row."""
    found = people.get(record.id_number)
    if found is None or (record.name and record.name != found[1]):
        return None
    return found


def in_row_order(problems: list[Problem]) -> tuple[Problem, ...]:
    """Problems of the whole sheet first, then by row (a stable sort)."""
    problems.sort(key=lambda p: (p.where.row is not None, p.where.row or 0))
    return tuple(problems)


def open_batch(
    session: Session,
    actor: Actor,
    kind: str,
    file_name: str,
    created: int,
    updated: int = 0,
    *,
    rejected: int | None = None,
) -> ImportBatch:
    """The import batch an applied file's rows are audited under, itself audited. The file name
    is kept to the column's 255 characters (a longer one would fail the write on PostgreSQL).
    ``rejected``: an import of the valid rows only, and how many rows it left out."""
    batch = ImportBatch(
        kind=kind,
        file_name=file_name[:255],
        user_id=actor.user_id,
        created=created,
        updated=updated,
    )
    session.add(batch)
    session.flush()
    if rejected is None:
        audit.record_batch(session, actor, batch)
    else:
        note = f"仅导入无误的行，{rejected}行未导入"
        audit.record_batch(session, actor, batch, {"rejected": rejected}, note=note)
    return batch


class _Change(Protocol):
    @property
    def is_new(self) -> bool: ...


class SheetPlan:
    """What every import plan tells: whether an error blocks it, and the warnings it would keep."""

    __slots__ = ()
    problems: tuple[Problem, ...]

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


class CountedPlan(SheetPlan):
    """A plan of changes, each new or an update of what is on file."""

    __slots__ = ()
    changes: tuple[_Change, ...]

    @property
    def created(self) -> int:
        return sum(1 for c in self.changes if c.is_new)

    @property
    def updated(self) -> int:
        return len(self.changes) - self.created


C = TypeVar("C", bound=_Change)


@dataclass(frozen=True, slots=True)
class RowPlan(CountedPlan, Generic[C]):
    """The dry run of a sheet whose rows each change one thing on file (a grade, a
    certificate): the changes in row order, the rows that change nothing, every problem."""

    sheet: str
    header_row: int
    total_rows: int
    changes: tuple[C, ...]
    unchanged: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class RowsImported:
    """What an applied import wrote: ``rejected`` names the rows (Excel numbers) a valid-only
    import left out; ``batch_id`` is None for an entry by hand."""

    created: int
    updated: int
    unchanged: int
    batch_id: int | None = None
    warnings: tuple[Problem, ...] = ()
    rejected: tuple[int, ...] = ()


class _Planned(Protocol):
    @property
    def problems(self) -> Sequence[Problem]: ...


P = TypeVar("P", bound=_Planned)


@dataclass(frozen=True, slots=True)
class ValidRows(Generic[P]):
    """The plan an import applies, and the rows (Excel numbers) it leaves out."""

    plan: P
    rejected: tuple[int, ...]
    valid_only: bool

    @property
    def left_out(self) -> int | None:
        """How many rows a valid-only import left out (``open_batch``'s ``rejected``); None for
        an import of the whole file."""
        return len(self.rejected) if self.valid_only else None


def plan_valid_rows(
    plan_of: Callable[[SheetGrid], P],
    grid: SheetGrid,
    *,
    valid_only: bool,
    refused: str | None,
) -> ValidRows[P]:
    """The plan an import applies, inside its transaction. All or nothing (the default): the
    plan of the whole sheet, refused (``refused`` names the file) on any error. ``valid_only``:
    the plan of the sheet without the rows an error names, which still refuses a sheet whose
    errors name no row (no header found). ``refused`` None: the caller refuses in its own words.
    """
    plan = plan_of(grid)
    rejected = (rejected_rows(plan.problems) or ()) if valid_only else ()
    if rejected:
        plan = plan_of(grid.without_rows(rejected))
    if refused is not None:
        refuse_on_errors(refused, plan.problems)
    return ValidRows(plan, rejected, valid_only)
