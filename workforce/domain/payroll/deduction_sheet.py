"""Reading a special-deduction sheet (专项附加扣除申报表: 身份证号, 姓名, 类别, 每月金额, 起始月份,
结束月份) into records; pure. The same header, footer and problem conventions as the appraisal and
base sheets; the kinds, ceilings and closed months are the service's (``declare_deduction``'s
rules) to check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain.payroll.pay_item_sheet import amount
from workforce.domain.person_sheet import PersonSheet, Rows, blank, find_header, no_header
from workforce.domain.problems import Where, error
from workforce.domain.roster import cells
from workforce.domain.roster.cells import CellError
from workforce.domain.roster.columns import COLUMN_BY_KEY
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


class DeductionSheet(PersonSheet[DeductionRecord]):
    """A special-deduction sheet read: one record per declared deduction."""

    __slots__ = ()
    headers = HEADERS


def _read(rows: Rows, row: int, raw: Mapping[str, object]) -> DeductionRecord | None:
    before = len(rows.problems)
    number, name = rows.listed(row, raw)
    kind = cells.text(raw.get("kind"))
    if kind is None:
        rows.fail("missing_kind", "类别不能为空", row, "kind", None)
    monthly = _amount(rows, row, raw.get("amount"))
    first = _month(rows, row, "first", raw.get("first"), required=True)
    last = _month(rows, row, "last", raw.get("last"), required=False)
    if len(rows.problems) > before or None in (number, kind, monthly, first):
        return None
    assert number is not None and kind is not None and monthly is not None
    assert first is not None
    return DeductionRecord(row, number, name, kind, monthly, first, last)


def _amount(rows: Rows, row: int, value: object) -> Decimal | None:
    try:
        return amount(value)
    except CellError as exc:
        rows.fail("invalid_amount", str(exc), row, "amount", value)
        return None


def _month(rows: Rows, row: int, key: str, value: object, *, required: bool) -> dt.date | None:
    if blank(value):
        if required:
            rows.fail(f"missing_{key}", f"{HEADERS[key]}不能为空", row, key, value)
        return None
    try:
        day = cells.date(value, [])
    except CellError as exc:
        rows.fail(f"invalid_{key}", str(exc), row, key, value)
        return None
    if day is None:
        rows.fail(f"invalid_{key}", "不是月份（如 2026-01）", row, key, value)
        return None
    return day.replace(day=1)


def read_deduction_sheet(grid: SheetGrid) -> DeductionSheet:
    """Every data row of the sheet as a record or problems."""
    header = find_header(grid, _ALIASES, [{"id_number", "kind"}])
    if header is None:
        wanted = "“身份证号”“姓名”“类别”“每月金额”“起始月份”列（以及“结束月份”）"
        return DeductionSheet(grid.name, 0, {}, (), (no_header(grid, wanted),))
    missing = [
        error(
            f"missing_{k}_column", f"表中没有“{HEADERS[k]}”列", Where(grid.name, header.index + 1)
        )
        for k in REQUIRED
        if k not in header.columns
    ]
    if missing:
        return DeductionSheet(grid.name, header.index + 1, header.labels, (), tuple(missing))
    rows = Rows(grid, header, HEADERS)
    records = [r for row, raw in rows.lines() if (r := _read(rows, row, raw)) is not None]
    return rows.result(DeductionSheet, records)
