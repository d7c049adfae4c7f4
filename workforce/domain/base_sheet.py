"""Reading a contribution-base sheet (缴费基数表: 身份证号, 姓名, 缴费基数) into records; pure.

The header is found among the first rows by the roster import's cleaning and aliases, as the
appraisal sheet does; other columns (单位, 来源 of the export) are ignored, and a 合计 line or a
signature line ends nothing but is skipped. Each problem names the sheet, the row as Excel numbers
it, the column as the sheet heads it and the value. Whether the ID belongs to a worker, the name
matches, the base is within the bounds or already used is the service's to check.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain import roster_cells as cells
from workforce.domain.appraisal_sheet import FOOTER, PersonCell
from workforce.domain.pay_item_sheet import amount
from workforce.domain.person_sheet import find_header
from workforce.domain.problems import Problem, Where, error
from workforce.domain.roster import shown
from workforce.domain.roster_cells import CellError
from workforce.domain.roster_columns import COLUMN_BY_KEY, HEADER_SCAN_ROWS
from workforce.domain.sheet import SheetGrid

HEADERS = {"id_number": "身份证号", "name": "姓名", "base": "缴费基数"}
_ALIASES = {
    "id_number": COLUMN_BY_KEY["id_number"].spellings,
    "name": COLUMN_BY_KEY["name"].spellings,
    "base": ("缴费基数", "社保缴费基数", "年度缴费基数", "基数", "缴费基数（元）", "缴费基数(元)"),
}


@dataclass(frozen=True, slots=True)
class BaseRecord:
    """One data row read: the person and the base as written (yuan, two decimals, ≥ 0)."""

    row: int
    id_number: str
    name: str
    base: Decimal


@dataclass(frozen=True, slots=True)
class BaseSheet:
    """The header row (1-based, 0 when none was found), the good records, every row's person and
    every problem."""

    sheet: str
    header_row: int
    labels: Mapping[str, str]
    records: tuple[BaseRecord, ...]
    problems: tuple[Problem, ...]
    people: tuple[PersonCell, ...] = ()
    data_rows: int = 0

    def label(self, key: str) -> str:
        return self.labels.get(key, HEADERS[key])


def _find_header(grid: SheetGrid) -> tuple[int, dict[str, int], dict[str, str]] | None:
    found = find_header(grid, _ALIASES, [{"id_number", "base"}])
    return (found.index, dict(found.columns), dict(found.labels)) if found else None


def _blank(value: object) -> bool:
    return cells.text(value) is None


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

    def read(self, index: int) -> BaseRecord | None:
        raw = {k: self.grid.cell(index, c) for k, c in self.columns.items()}
        first = next((shown(v) for v in self.grid.rows[index] if not _blank(v)), "")
        if all(_blank(v) for v in raw.values()) or FOOTER.match(first):
            return None  # an empty row, a 合计 line or a signature line
        self.data_rows += 1
        row, before = index + 1, len(self.problems)
        number = self._id_number(row, raw.get("id_number"))
        name = cells.person_name(raw.get("name"))
        if name is None:
            self.fail("missing_name", "姓名不能为空", row, "name", None)
        if number is not None:
            self.people.append(PersonCell(row, number, name or ""))
        base = self._base(row, raw.get("base"))
        if len(self.problems) > before or number is None or base is None:
            return None
        return BaseRecord(row, number, name or "", base)

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

    def _base(self, row: int, value: object) -> Decimal | None:
        if _blank(value):
            self.fail("missing_base", "缴费基数不能为空", row, "base", value)
            return None
        try:
            base = amount(value)
        except CellError as exc:
            self.fail("invalid_base", str(exc), row, "base", value)
            return None
        if base < 0:
            self.fail("negative_base", "缴费基数不能为负数", row, "base", value)
            return None
        return base


def _duplicates(records: list[BaseRecord], rows: _Rows) -> list[BaseRecord]:
    """An error on every row of a person who appears more than once; those rows dropped."""
    found: dict[str, list[BaseRecord]] = {}
    for record in records:
        found.setdefault(record.id_number, []).append(record)
    kept: list[BaseRecord] = []
    for number, group in found.items():
        if len(group) == 1:
            kept.extend(group)
            continue
        listed = "、".join(f"第{r.row}行" for r in group)
        for record in group:
            rows.fail(
                "duplicate_person",
                f"同一人的缴费基数在本表中重复出现（{listed}）",
                record.row,
                "id_number",
                number,
            )
    return sorted(kept, key=lambda r: r.row)


def read_base_sheet(grid: SheetGrid) -> BaseSheet:
    """Every data row of the sheet as a record or problems."""
    header = _find_header(grid)
    if header is None:
        problem = error(
            "no_header",
            f"前{HEADER_SCAN_ROWS}行中没有找到表头：应包含“身份证号”“姓名”和“缴费基数”列",
            Where(grid.name),
        )
        return BaseSheet(grid.name, 0, {}, (), (problem,))
    index, columns, labels = header
    rows = _Rows(grid, columns, labels)
    if "name" not in columns:
        problem = error("missing_name_column", "表中没有“姓名”列", Where(grid.name, index + 1))
        return BaseSheet(grid.name, index + 1, labels, (), (problem,))
    records = [r for i in range(index + 1, len(grid.rows)) if (r := rows.read(i)) is not None]
    kept = _duplicates(records, rows)
    problems = sorted(rows.problems, key=lambda p: p.where.row or 0)
    return BaseSheet(
        grid.name,
        index + 1,
        labels,
        tuple(kept),
        tuple(problems),
        tuple(rows.people),
        rows.data_rows,
    )
