"""What sheets that list people (a certificate list, a training sign-in sheet) share with the roster
and appraisal imports: the header found among the first rows by the same cleaning and aliases,
身份证号 and 姓名 read by the roster's cell readers, 合计/signature lines skipped, and every
problem naming the sheet, the row as Excel numbers it, the column as the sheet heads it and the
value. Pure: whether an ID number belongs to a worker is the service's question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from workforce.domain import roster_cells as cells
from workforce.domain.appraisal_sheet import FOOTER, PersonCell
from workforce.domain.problems import Problem, Where, error
from workforce.domain.roster import shown
from workforce.domain.roster_cells import CellError
from workforce.domain.roster_columns import COLUMN_BY_KEY, HEADER_SCAN_ROWS, clean_header
from workforce.domain.sheet import SheetGrid

PERSON_ALIASES: dict[str, tuple[str, ...]] = {
    "id_number": COLUMN_BY_KEY["id_number"].spellings,
    "name": COLUMN_BY_KEY["name"].spellings,
}

__all__ = ["PERSON_ALIASES", "PersonCell", "Rows", "find_header", "no_header"]


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

    def skip(self, index: int, raw: Mapping[str, object], *keys: str) -> bool:
        """An empty row, a 合计 line or a signature line (whatever column it starts in)."""
        if all(cells.text(raw.get(k)) is None for k in keys):
            return True
        whole = self.grid.rows[index] if index < len(self.grid.rows) else ()
        first = next((shown(v) for v in whole if cells.text(v) is not None), "")
        return bool(FOOTER.match(first))

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
