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

from workforce.domain.payroll.pay_item_sheet import amount
from workforce.domain.person_sheet import PersonSheet, Rows, blank, find_header, no_header
from workforce.domain.problems import Where, error
from workforce.domain.roster.cells import CellError
from workforce.domain.roster.columns import COLUMN_BY_KEY
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


class BaseSheet(PersonSheet[BaseRecord]):
    """A contribution-base sheet read: one record per person, no person twice."""

    __slots__ = ()
    headers = HEADERS


def _base(rows: Rows, row: int, value: object) -> Decimal | None:
    if blank(value):
        rows.fail("missing_base", "缴费基数不能为空", row, "base", value)
        return None
    try:
        base = amount(value)
    except CellError as exc:
        rows.fail("invalid_base", str(exc), row, "base", value)
        return None
    if base < 0:
        rows.fail("negative_base", "缴费基数不能为负数", row, "base", value)
        return None
    return base


def _read(rows: Rows, row: int, raw: Mapping[str, object]) -> BaseRecord | None:
    before = len(rows.problems)
    number, name = rows.listed(row, raw)
    base = _base(rows, row, raw.get("base"))
    if len(rows.problems) > before or number is None or base is None:
        return None
    return BaseRecord(row, number, name, base)


def read_base_sheet(grid: SheetGrid) -> BaseSheet:
    """Every data row of the sheet as a record or problems."""
    header = find_header(grid, _ALIASES, [{"id_number", "base"}])
    if header is None:
        problem = no_header(grid, "“身份证号”“姓名”和“缴费基数”列")
        return BaseSheet(grid.name, 0, {}, (), (problem,))
    if "name" not in header.columns:
        where = Where(grid.name, header.index + 1)
        problem = error("missing_name_column", "表中没有“姓名”列", where)
        return BaseSheet(grid.name, header.index + 1, header.labels, (), (problem,))
    rows = Rows(grid, header, HEADERS)
    records = [r for row, raw in rows.lines() if (r := _read(rows, row, raw)) is not None]
    kept = rows.drop_repeated(
        records,
        lambda r: r.id_number,
        "duplicate_person",
        lambda _, listed: f"同一人的缴费基数在本表中重复出现（{listed}）",
    )
    return rows.result(BaseSheet, kept)
