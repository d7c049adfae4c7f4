"""Reading a special-deduction sheet (专项附加扣除申报表: 身份证号, 姓名, 类别, 每月金额, 起始月份,
结束月份) into records; pure. The same header, footer and problem conventions as the appraisal and
base sheets; the kinds, ceilings and closed months are the service's (``declare_deduction``'s
rules) to check."""

from __future__ import annotations

import datetime as dt
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

HEADERS = {
    "id_number": "身份证号",
    "name": "姓名",
    "kind": "类别",
    "amount": "每月金额",
    "first": "起始月份",
    "last": "结束月份",
}
_ALIASES = {
    "id_number": COLUMN_BY_KEY["id_number"].spellings,
    "name": COLUMN_BY_KEY["name"].spellings,
    "kind": ("类别", "扣除项目", "项目", "扣除类别", "专项附加扣除项目"),
    "amount": ("每月金额", "每月扣除额", "月扣除额", "金额", "扣除金额"),
    "first": ("起始月份", "开始月份", "起始月", "起始时间"),
    "last": ("结束月份", "截止月份", "结束月", "截止时间"),
}
REQUIRED = ("id_number", "name", "kind", "amount", "first")


@dataclass(frozen=True, slots=True)
class DeductionRecord:
    row: int
    id_number: str
    name: str
    kind: str
    monthly_amount: Decimal
    first: dt.date
    last: dt.date | None


@dataclass(frozen=True, slots=True)
class DeductionSheet:
    sheet: str
    header_row: int
    labels: Mapping[str, str]
    records: tuple[DeductionRecord, ...]
    problems: tuple[Problem, ...]
    people: tuple[PersonCell, ...] = ()
    data_rows: int = 0

    def label(self, key: str) -> str:
        return self.labels.get(key, HEADERS[key])


def _find_header(grid: SheetGrid) -> tuple[int, dict[str, int], dict[str, str]] | None:
    found = find_header(grid, _ALIASES, [{"id_number", "kind"}])
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

    def read(self, index: int) -> DeductionRecord | None:
        raw = {k: self.grid.cell(index, c) for k, c in self.columns.items()}
        first_cell = next((shown(v) for v in self.grid.rows[index] if not _blank(v)), "")
        if all(_blank(v) for v in raw.values()) or FOOTER.match(first_cell):
            return None
        self.data_rows += 1
        row, before = index + 1, len(self.problems)
        number = self._id_number(row, raw.get("id_number"))
        name = cells.person_name(raw.get("name"))
        if name is None:
            self.fail("missing_name", "姓名不能为空", row, "name", None)
        if number is not None:
            self.people.append(PersonCell(row, number, name or ""))
        kind = cells.text(raw.get("kind"))
        if kind is None:
            self.fail("missing_kind", "类别不能为空", row, "kind", None)
        monthly = self._amount(row, raw.get("amount"))
        first = self._month(row, "first", raw.get("first"), required=True)
        last = self._month(row, "last", raw.get("last"), required=False)
        if len(self.problems) > before or None in (number, kind, monthly, first):
            return None
        assert number is not None and kind is not None and monthly is not None
        assert first is not None
        return DeductionRecord(row, number, name or "", kind, monthly, first, last)

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

    def _amount(self, row: int, value: object) -> Decimal | None:
        try:
            return amount(value)
        except CellError as exc:
            self.fail("invalid_amount", str(exc), row, "amount", value)
            return None

    def _month(self, row: int, key: str, value: object, *, required: bool) -> dt.date | None:
        if _blank(value):
            if required:
                self.fail(f"missing_{key}", f"{HEADERS[key]}不能为空", row, key, value)
            return None
        try:
            day = cells.date(value, [])
        except CellError as exc:
            self.fail(f"invalid_{key}", str(exc), row, key, value)
            return None
        if day is None:
            self.fail(f"invalid_{key}", "不是月份（如 2026-01）", row, key, value)
            return None
        return day.replace(day=1)


def read_deduction_sheet(grid: SheetGrid) -> DeductionSheet:
    """Every data row of the sheet as a record or problems."""
    header = _find_header(grid)
    if header is None:
        problem = error(
            "no_header",
            f"前{HEADER_SCAN_ROWS}行中没有找到表头：应包含“身份证号”“姓名”“类别”“每月金额”"
            "“起始月份”列（以及“结束月份”）",
            Where(grid.name),
        )
        return DeductionSheet(grid.name, 0, {}, (), (problem,))
    index, columns, labels = header
    missing = [
        error(f"missing_{k}_column", f"表中没有“{HEADERS[k]}”列", Where(grid.name, index + 1))
        for k in REQUIRED
        if k not in columns
    ]
    if missing:
        return DeductionSheet(grid.name, index + 1, labels, (), tuple(missing))
    rows = _Rows(grid, columns, labels)
    records = [r for i in range(index + 1, len(grid.rows)) if (r := rows.read(i)) is not None]
    problems = sorted(rows.problems, key=lambda p: p.where.row or 0)
    return DeductionSheet(
        grid.name,
        index + 1,
        labels,
        tuple(records),
        tuple(problems),
        tuple(rows.people),
        rows.data_rows,
    )
