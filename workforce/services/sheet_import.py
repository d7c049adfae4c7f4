"""What the sheet imports that list people (appraisals, certificates, training sign-in, bases,
deductions) share: looking workers up by ID number in chunks, the unknown-person and wrong-name
problems of every row, problems in row order, the plan's error flag and counts, and the import
batch an applied file is audited under.

The roster import keeps its own: it creates people, and audits its batch after the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.person_sheet import PersonCell, PersonSheet
from workforce.domain.problems import ActionRefused, Problem, Where, error
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
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
    session: Session, actor: Actor, kind: str, file_name: str, created: int, updated: int = 0
) -> ImportBatch:
    """The import batch an applied file's rows are audited under, itself audited. The file name
    is kept to the column's 255 characters (a longer one would fail the write on PostgreSQL)."""
    batch = ImportBatch(
        kind=kind,
        file_name=file_name[:255],
        user_id=actor.user_id,
        created=created,
        updated=updated,
    )
    session.add(batch)
    session.flush()
    audit.record_batch(session, actor, batch)
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
