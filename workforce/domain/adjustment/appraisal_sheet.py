"""Reading an appraisal sheet (年度考核结果表: 身份证号, 姓名, 年度, 考核结果) into records; pure.

The header is found among the first rows by the same cleaning and aliases as the roster import;
each problem names the sheet, the row as Excel numbers it, the column as the sheet heads it and the
value. What needs the database (does the ID belong to a worker, does the name match) is checked by
the service.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from workforce.domain.adjustment.appraisal import GradeScheme
from workforce.domain.person_sheet import PersonSheet, Rows, blank, find_header, footer, no_header
from workforce.domain.problems import Where, error
from workforce.domain.roster import cells
from workforce.domain.roster.cells import CellError
from workforce.domain.roster.columns import COLUMN_BY_KEY
from workforce.domain.roster.parse import shown
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


@dataclass(frozen=True, slots=True)
class AppraisalRecord:
    """One data row read: the person, the year and the grade (canonical spelling)."""

    row: int
    id_number: str
    name: str
    year: int
    grade: str


class AppraisalSheet(PersonSheet[AppraisalRecord]):
    """An appraisal sheet read: one record per person and year."""

    __slots__ = ()
    headers = HEADERS


def _skip(raw: Mapping[str, object]) -> bool:
    """An empty row, a 合计 line or a signature line: no grade, and no ID or a footer."""
    return blank(raw.get("grade")) and (blank(raw.get("id_number")) or footer(raw.values()))


def _read(
    rows: Rows, row: int, raw: Mapping[str, object], scheme: GradeScheme, default_year: int | None
) -> AppraisalRecord | None:
    before = len(rows.problems)
    number, name = rows.listed(row, raw)
    year = _year(rows, row, raw.get("year"), default_year)
    grade_cell = raw.get("grade")
    grade = scheme.normalise(shown(grade_cell))
    if blank(grade_cell):
        rows.fail("missing_grade", "考核结果不能为空", row, "grade", grade_cell)
    elif grade is None:
        rows.fail(
            "unknown_grade",
            f"考核结果不是可用的等次（可用：{'、'.join(scheme.names)}）",
            row,
            "grade",
            grade_cell,
        )
    if len(rows.problems) > before or number is None or year is None or grade is None:
        return None
    return AppraisalRecord(row, number, name, year, grade)


def _year(rows: Rows, row: int, value: object, default_year: int | None) -> int | None:
    if blank(value):
        if default_year is None:
            rows.fail("missing_year", "年度不能为空", row, "year", value)
        return default_year
    try:
        year = cells.year(value)
    except CellError as exc:
        rows.fail("invalid_year", str(exc), row, "year", value)
        return None
    if default_year is not None and year != default_year:
        rows.fail("year_mismatch", f"本次导入的是{default_year}年度的考核结果", row, "year", value)
        return None
    return year


def read_appraisal_sheet(
    grid: SheetGrid, scheme: GradeScheme, *, year: int | None = None
) -> AppraisalSheet:
    """Every data row of the sheet as a record or problems. With ``year`` the 年度 column may be
    absent or blank; where it is filled it must be that year."""
    header = find_header(grid, _ALIASES, [{"id_number", "grade"}])
    if header is None:
        problem = no_header(grid, "“身份证号”和“考核结果”列（以及“姓名”“年度”）")
        return AppraisalSheet(grid.name, 0, {}, (), (problem,))
    missing = [
        error(
            f"missing_{key}_column",
            f"表中没有“{HEADERS[key]}”列",
            Where(grid.name, header.index + 1),
        )
        for key, needed in (("name", True), ("year", year is None))
        if needed and key not in header.columns
    ]
    if missing:
        return AppraisalSheet(grid.name, header.index + 1, header.labels, (), tuple(missing))
    rows = Rows(grid, header, HEADERS)
    lines = rows.lines(skip=_skip)
    records = [r for row, raw in lines if (r := _read(rows, row, raw, scheme, year)) is not None]
    kept = rows.drop_repeated(
        records,
        lambda r: (r.id_number, r.year),
        "duplicate_person_year",
        lambda key, listed: f"同一人{key[1]}年度的考核结果在本表中重复出现（{listed}）",
    )
    return rows.result(AppraisalSheet, kept)
