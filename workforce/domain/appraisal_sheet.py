"""Reading an appraisal sheet (年度考核结果表: 身份证号, 姓名, 年度, 考核结果) into records; pure.

The header is found among the first rows by the same cleaning and aliases as the roster import;
each problem names the sheet, the row as Excel numbers it, the column as the sheet heads it and the
value. What needs the database (does the ID belong to a worker, does the name match) is checked by
the service.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from workforce.domain import roster_cells as cells
from workforce.domain.appraisal import GradeScheme
from workforce.domain.problems import Problem, Where, error
from workforce.domain.roster import shown
from workforce.domain.roster_cells import CellError
from workforce.domain.roster_columns import COLUMN_BY_KEY, HEADER_SCAN_ROWS, clean_header
from workforce.domain.sheet import SheetGrid

HEADERS = {
    "id_number": "身份证号",
    "name": "姓名",
    "year": "年度",
    "grade": "考核结果",
}
_ALIASES = {
    "id_number": COLUMN_BY_KEY["id_number"].spellings,
    "name": COLUMN_BY_KEY["name"].spellings,
    "year": ("年度", "考核年度", "年份", "考核年份", "年度考核年度"),
    "grade": (
        *("考核结果", "考核等次", "考核等级", "年度考核结果", "年度考核等次", "年度考核"),
        *("考核", "等次", "考核情况", "考核结论", "评定等次"),
    ),
}
FOOTER = re.compile(r"^(合\s*计|小\s*计|总\s*计|共\s*计|填表人|制表人|审核人|负责人|注[:：])")
_KEY = {clean_header(a): key for key, names in _ALIASES.items() for a in names}


@dataclass(frozen=True, slots=True)
class AppraisalRecord:
    """One data row read: the person, the year and the grade (canonical spelling)."""

    row: int
    id_number: str
    name: str
    year: int
    grade: str


@dataclass(frozen=True, slots=True)
class PersonCell:
    """A row's person as written (a readable ID number and the name), whatever else is wrong with
    the row, so the service reports an unknown ID or a wrong name along with the rest."""

    row: int
    id_number: str
    name: str


@dataclass(frozen=True, slots=True)
class AppraisalSheet:
    """The header row (1-based, 0 when none was found), the good records, every row's person and
    every problem."""

    sheet: str
    header_row: int
    labels: Mapping[str, str]
    records: tuple[AppraisalRecord, ...]
    problems: tuple[Problem, ...]
    people: tuple[PersonCell, ...] = ()
    data_rows: int = 0

    def label(self, key: str) -> str:
        return self.labels.get(key, HEADERS[key])


def _find_header(grid: SheetGrid) -> tuple[int, dict[str, int], dict[str, str]] | None:
    for index in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
        columns: dict[str, int] = {}
        labels: dict[str, str] = {}
        for column, cell in enumerate(grid.rows[index]):
            key = _KEY.get(clean_header(cell))
            if key and key not in columns:
                columns[key] = column
                labels[key] = shown(cell)
        if {"id_number", "grade"} <= columns.keys():
            return index, columns, labels
    return None


def _blank(value: object) -> bool:
    return cells.text(value) is None


def _footer(raw: Mapping[str, object]) -> bool:
    first = next((shown(v) for v in raw.values() if not _blank(v)), "")
    return bool(FOOTER.match(first))


class _Rows:
    def __init__(self, grid: SheetGrid, columns: dict[str, int], labels: dict[str, str]) -> None:
        self.grid = grid
        self.columns = columns
        self.labels = labels
        self.problems: list[Problem] = []
        self.people: list[PersonCell] = []
        self.data_rows = 0

    def fail(self, code: str, message: str, row: int, key: str, value: object) -> None:
        label = self.labels.get(key, HEADERS[key])
        self.problems.append(error(code, message, Where(self.grid.name, row, label, shown(value))))

    def read(
        self, index: int, scheme: GradeScheme, default_year: int | None
    ) -> AppraisalRecord | None:
        raw = {k: self.grid.cell(index, c) for k, c in self.columns.items()}
        if _blank(raw.get("grade")) and (_blank(raw.get("id_number")) or _footer(raw)):
            return None  # an empty row, a 合计 line or a signature line
        self.data_rows += 1
        row, before = index + 1, len(self.problems)
        number = self._id_number(row, raw.get("id_number"))
        name = cells.person_name(raw.get("name"))
        if name is None and "name" in self.columns:
            self.fail("missing_name", "姓名不能为空", row, "name", None)
        if number is not None:
            self.people.append(PersonCell(row, number, name or ""))
        year = self._year(row, raw.get("year"), default_year)
        grade_cell = raw.get("grade")
        grade = scheme.normalise(shown(grade_cell))
        if _blank(grade_cell):
            self.fail("missing_grade", "考核结果不能为空", row, "grade", grade_cell)
        elif grade is None:
            self.fail(
                "unknown_grade",
                f"考核结果不是可用的等次（可用：{'、'.join(scheme.names)}）",
                row,
                "grade",
                grade_cell,
            )
        if len(self.problems) > before or number is None or year is None or grade is None:
            return None
        return AppraisalRecord(row, number, name or "", year, grade)

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

    def _year(self, row: int, value: object, default_year: int | None) -> int | None:
        if _blank(value):
            if default_year is None:
                self.fail("missing_year", "年度不能为空", row, "year", value)
            return default_year
        try:
            year = cells.year(value)
        except CellError as exc:
            self.fail("invalid_year", str(exc), row, "year", value)
            return None
        if default_year is not None and year != default_year:
            self.fail(
                "year_mismatch", f"本次导入的是{default_year}年度的考核结果", row, "year", value
            )
            return None
        return year


def _duplicates(records: list[AppraisalRecord], rows: _Rows) -> list[AppraisalRecord]:
    """An error on every row of a person-year that appears more than once; those rows dropped."""
    found: dict[tuple[str, int], list[AppraisalRecord]] = {}
    for record in records:
        found.setdefault((record.id_number, record.year), []).append(record)
    kept: list[AppraisalRecord] = []
    for (number, year), group in found.items():
        if len(group) == 1:
            kept.extend(group)
            continue
        listed = "、".join(f"第{r.row}行" for r in group)
        for record in group:
            rows.fail(
                "duplicate_person_year",
                f"同一人{year}年度的考核结果在本表中重复出现（{listed}）",
                record.row,
                "id_number",
                number,
            )
    return sorted(kept, key=lambda r: r.row)


def read_appraisal_sheet(
    grid: SheetGrid, scheme: GradeScheme, *, year: int | None = None
) -> AppraisalSheet:
    """Every data row of the sheet as a record or problems. With ``year`` the 年度 column may be
    absent or blank; where it is filled it must be that year."""
    header = _find_header(grid)
    if header is None:
        problem = error(
            "no_header",
            f"前{HEADER_SCAN_ROWS}行中没有找到表头：应包含“身份证号”和“考核结果”列"
            "（以及“姓名”“年度”）",
            Where(grid.name),
        )
        return AppraisalSheet(grid.name, 0, {}, (), (problem,))
    index, columns, labels = header
    rows = _Rows(grid, columns, labels)
    for key, needed in (("name", True), ("year", year is None)):
        if needed and key not in columns:
            rows.problems.append(
                error(
                    f"missing_{key}_column",
                    f"表中没有“{HEADERS[key]}”列",
                    Where(grid.name, index + 1),
                )
            )
    if rows.problems:
        return AppraisalSheet(grid.name, index + 1, labels, (), tuple(rows.problems))
    records = [
        r for i in range(index + 1, len(grid.rows)) if (r := rows.read(i, scheme, year)) is not None
    ]
    kept = _duplicates(records, rows)
    problems = sorted(rows.problems, key=lambda p: p.where.row or 0)
    return AppraisalSheet(
        grid.name,
        index + 1,
        labels,
        tuple(kept),
        tuple(problems),
        tuple(rows.people),
        rows.data_rows,
    )
