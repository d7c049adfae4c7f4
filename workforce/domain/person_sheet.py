"""What sheets that list people (appraisal results, contribution bases, special deductions,
certificate lists, training sign-in sheets) share with the roster import: the header found among
the first rows by the same cleaning and aliases, 身份证号 and 姓名 read by the roster's cell
readers, 合计/signature lines skipped, and every problem naming the sheet, the row as Excel numbers
it, the column as the sheet heads it and the value. Pure: whether an ID number belongs to a worker
is the service's question.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from workforce.domain.problems import Problem, Where, error
from workforce.domain.roster import cells
from workforce.domain.roster.cells import CellError
from workforce.domain.roster.columns import COLUMN_BY_KEY, HEADER_SCAN_ROWS, clean_header
from workforce.domain.roster.parse import shown
from workforce.domain.sheet import SheetGrid

PERSON_ALIASES: dict[str, tuple[str, ...]] = {
    "id_number": COLUMN_BY_KEY["id_number"].spellings,
    "name": COLUMN_BY_KEY["name"].spellings,
}

FOOTER = re.compile(r"^(合\s*计|小\s*计|总\s*计|共\s*计|填表人|制表人|审核人|负责人|注[:：])")

__all__ = [
    "FOOTER",
    "PERSON_ALIASES",
    "PersonCell",
    "PersonSheet",
    "Rows",
    "blank",
    "find_header",
    "footer",
    "no_header",
]


@dataclass(frozen=True, slots=True)
class PersonCell:
    """A row's person as written (a readable ID number and the name), whatever else is wrong with
    the row, so the service reports an unknown ID or a wrong name along with the rest."""

    row: int
    id_number: str
    name: str


class _Listed(Protocol):
    """A record of a sheet with one line per person."""

    @property
    def row(self) -> int: ...

    @property
    def id_number(self) -> str: ...


R = TypeVar("R", bound=_Listed)
K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PersonSheet(Generic[T]):
    """A sheet read: the header row (1-based, 0 when none was found) and the labels it gives the
    columns, the good records, every row's person and every problem. Each sheet's reader names
    its subclass and the ``headers`` a column is called by when the sheet lacks it."""

    headers: ClassVar[Mapping[str, str]] = {}

    sheet: str
    header_row: int
    labels: Mapping[str, str]
    records: tuple[T, ...]
    problems: tuple[Problem, ...]
    people: tuple[PersonCell, ...] = ()
    data_rows: int = 0

    def label(self, key: str) -> str:
        return self.labels.get(key, self.headers[key])


S = TypeVar("S", bound=PersonSheet[Any])


def blank(value: object) -> bool:
    return cells.text(value) is None


@dataclass(frozen=True, slots=True)
class Header:
    """Where the header is (0-based) and which column holds which key, as the sheet labels it."""

    index: int
    columns: Mapping[str, int]
    labels: Mapping[str, str]


def find_header(
    grid: SheetGrid,
    aliases: Mapping[str, Sequence[str]],
    needed: Sequence[Collection[str]],
) -> Header | None:
    """The first of the top rows naming every key of one of the ``needed`` sets."""
    lookup = {clean_header(a): key for key, names in aliases.items() for a in names}
    for index in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
        columns: dict[str, int] = {}
        labels: dict[str, str] = {}
        for column, cell in enumerate(grid.rows[index]):
            key = lookup.get(clean_header(cell))
            if key and key not in columns:
                columns[key] = column
                labels[key] = shown(cell)
        if any(set(keys) <= columns.keys() for keys in needed):
            return Header(index, columns, labels)
    return None


def no_header(grid: SheetGrid, wanted: str) -> Problem:
    return error(
        "no_header", f"前{HEADER_SCAN_ROWS}行中没有找到表头：应包含{wanted}", Where(grid.name)
    )


class Rows:
    """Reading the data rows under a header, collecting problems."""

    def __init__(self, grid: SheetGrid, header: Header, headers: Mapping[str, str]) -> None:
        self.grid = grid
        self.header = header
        self.headers = headers
        self.problems: list[Problem] = []
        self.people: list[PersonCell] = []
        self.data_rows = 0

    def label(self, key: str) -> str:
        return self.header.labels.get(key, self.headers[key])

    def raw(self, index: int) -> dict[str, object]:
        return {k: self.grid.cell(index, c) for k, c in self.header.columns.items()}

    def lines(
        self, *keys: str, skip: Callable[[Mapping[str, object]], bool] | None = None
    ) -> Iterator[tuple[int, dict[str, object]]]:
        """The data rows under the header as (the row as Excel numbers it, its cells by key),
        counted in ``data_rows``. Skipped: rows with none of ``keys`` filled (none of the columns
        read when no key is given), 合计 and signature lines; or the rows ``skip`` says."""
        for index in range(self.header.index + 1, len(self.grid.rows)):
            raw = self.raw(index)
            if skip(raw) if skip else self.skip(index, raw, *(keys or raw)):
                continue
            self.data_rows += 1
            yield index + 1, raw

    def skip(self, index: int, raw: Mapping[str, object], *keys: str) -> bool:
        """An empty row, a 合计 line or a signature line (whatever column it starts in)."""
        if all(blank(raw.get(k)) for k in keys):
            return True
        return footer(self.grid.rows[index] if index < len(self.grid.rows) else ())

    def fail(self, code: str, message: str, row: int, key: str, value: object) -> None:
        where = Where(self.grid.name, row, self.label(key), shown(value))
        self.problems.append(error(code, message, where))

    def person(self, row: int, raw: Mapping[str, object], *, id_required: bool = True) -> bool:
        """Read 身份证号 and 姓名 into ``people``; False when the row names nobody readable."""
        number: str | None = None
        value = raw.get("id_number")
        try:
            identity = cells.id_number(value)
        except CellError as exc:
            self.fail(f"{exc.code}_id_number", str(exc), row, "id_number", value)
            return False
        if identity is not None:
            number = identity.number
        elif id_required or "name" not in self.header.columns:
            self.fail("missing_id_number", "身份证号不能为空", row, "id_number", value)
            return False
        name = cells.person_name(raw.get("name"))
        if name is None and "name" in self.header.columns:
            self.fail("missing_name", "姓名不能为空", row, "name", None)
            if number is None:
                return False
        self.people.append(PersonCell(row, number or "", name or ""))
        return True

    def listed(self, row: int, raw: Mapping[str, object]) -> tuple[str | None, str]:
        """身份证号 (required) and 姓名 of a row of a sheet with one line per person (bases,
        deductions, appraisals): a problem for each that is wrong or missing, the person kept in
        ``people`` when the ID number reads."""
        number = self._id_number(row, raw.get("id_number"))
        name = cells.person_name(raw.get("name"))
        if name is None and "name" in self.header.columns:
            self.fail("missing_name", "姓名不能为空", row, "name", None)
        if number is not None:
            self.people.append(PersonCell(row, number, name or ""))
        return number, name or ""

    def _id_number(self, row: int, value: object) -> str | None:
        try:
            identity = cells.id_number(value)
        except CellError as exc:
            self.fail(f"{exc.code}_id_number", str(exc), row, "id_number", value)
            return None
        if identity is None:
            self.fail("missing_id_number", "身份证号不能为空", row, "id_number", value)
            return None
        return identity.number

    def drop_repeated(
        self,
        records: Sequence[R],
        key: Callable[[R], K],
        code: str,
        message: Callable[[K, str], str],
    ) -> list[R]:
        """An error on every row whose ``key`` (the person, the person and year …) stands in more
        than one row, ``message(key, "第3行、第7行")`` naming them; those rows dropped."""
        found: dict[K, list[R]] = {}
        for record in records:
            found.setdefault(key(record), []).append(record)
        kept: list[R] = []
        for value, group in found.items():
            if len(group) == 1:
                kept.extend(group)
                continue
            listed = "、".join(f"第{r.row}行" for r in group)
            for record in group:
                self.fail(code, message(value, listed), record.row, "id_number", record.id_number)
        return sorted(kept, key=lambda r: r.row)

    def date(self, row: int, raw: Mapping[str, object], key: str) -> tuple[bool, dt.date | None]:
        """A date cell in any form clerks write (§10); (False, None) after a problem."""
        value = raw.get(key)
        try:
            return True, cells.date(value, [])
        except CellError as exc:
            self.fail(f"invalid_{key}", str(exc), row, key, value)
            return False, None

    def sorted_problems(self) -> tuple[Problem, ...]:
        return tuple(sorted(self.problems, key=lambda p: p.where.row or 0))

    def result(self, kind: type[S], records: Iterable[object]) -> S:
        """The sheet read: ``records``, every person and every problem (by row)."""
        return kind(
            self.grid.name,
            self.header.index + 1,
            self.header.labels,
            tuple(records),
            self.sorted_problems(),
            tuple(self.people),
            self.data_rows,
        )


def footer(values: Iterable[object]) -> bool:
    """Whether the first filled of ``values`` starts a 合计 line or a signature line."""
    first = next((shown(v) for v in values if not blank(v)), "")
    return bool(FOOTER.match(first))
