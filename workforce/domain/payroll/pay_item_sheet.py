"""A clerk's sheet of pay items (取暖补贴, 扣款 …) as ``ItemEntry`` values, with problems.

Columns, found by header (first row naming 身份证号): 身份证号, 姓名 (not checked), 月份 (else the
month given for the import), 项目名称, 金额, 是否计税 (default 是), 是否计入缴费基数 (default 是),
税后扣款 (default 否), 全年一次性奖金 (default 否), 计税方式 (单独计税 or 并入综合所得; empty: the
region's default; filled in, it marks the item as an annual bonus), 备注. Amounts are yuan with at
most two decimals; a deduction is negative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from workforce.domain.payroll.payslip import BONUS_TREATMENTS
from workforce.domain.problems import Problem, Where, error
from workforce.domain.roster.cells import CellError, date, text, yes_no
from workforce.domain.sheet import Cell, SheetGrid


@dataclass(frozen=True, slots=True)
class ItemEntry:
    """One item as entered or imported; the worker by ID number."""

    id_number: str
    period: dt.date
    name: str
    amount: Decimal
    taxable: bool = True
    insurable: bool = True
    after_tax: bool = False
    note: str = ""
    code: str = ""
    annual_bonus: str | None = None  # 全年一次性奖金: SEPARATE, MERGED, "" (region default)


HEADERS = {
    "身份证号": "id_number",
    "身份证号码": "id_number",
    "月份": "period",
    "发放月份": "period",
    "项目": "name",
    "项目名称": "name",
    "金额": "amount",
    "金额（元）": "amount",
    "是否计税": "taxable",
    "计税": "taxable",
    "是否计入缴费基数": "insurable",
    "计入缴费基数": "insurable",
    "税后扣款": "after_tax",
    "是否税后扣款": "after_tax",
    "备注": "note",
    "全年一次性奖金": "annual_bonus",
    "是否全年一次性奖金": "annual_bonus",
    "计税方式": "bonus_tax",
    "奖金计税方式": "bonus_tax",
}
REQUIRED = ("id_number", "name", "amount")
LABELS = {
    "id_number": "身份证号",
    "period": "月份",
    "name": "项目名称",
    "amount": "金额",
    "taxable": "是否计税",
    "insurable": "是否计入缴费基数",
    "after_tax": "税后扣款",
    "annual_bonus": "全年一次性奖金",
    "bonus_tax": "计税方式",
}
TREATMENTS = {name: code for code, name in BONUS_TREATMENTS.items()}


def _header(grid: SheetGrid) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(grid.rows[:20]):
        found = {}
        for col, value in enumerate(row):
            key = HEADERS.get(str(value).strip()) if value is not None else None
            if key and key not in found:
                found[key] = col
        if "id_number" in found:
            return index, found
    return None


MAX_AMOUNT = Decimal("99999999.99")
NAME_MAX = 30  # an item's name is also its code (pay_item.code)
"""No monthly pay item or base comes near a hundred million yuan; the money columns hold fen."""


def amount(value: Cell) -> Decimal:
    """Yuan from a cell: a number or numeric text, at most two decimals."""
    if isinstance(value, bool) or value is None:
        raise CellError("金额为空")
    try:
        result = Decimal(repr(value) if isinstance(value, float) else str(value).strip())
    except InvalidOperation:
        raise CellError(f"「{value}」不是金额") from None
    if result.is_finite() and abs(result) > MAX_AMOUNT:  # e.g. an ID number pasted in
        raise CellError(f"「{value}」超出合理金额范围（绝对值不超过{MAX_AMOUNT:,}元）")
    if not result.is_finite() or result != result.quantize(Decimal("0.01")):
        raise CellError(f"「{value}」不是以元为单位、最多两位小数的金额")
    return result.quantize(Decimal("0.01"))


def _flag(value: Cell, default: bool) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    parsed = yes_no(value)
    if parsed is None:
        raise CellError(f"「{value}」应为 是 或 否")
    return parsed


def bonus_treatment(value: Cell) -> str | None:
    """计税方式 from a cell: SEPARATE or MERGED; None when empty (the region's default)."""
    if value is None or not str(value).strip():
        return None
    found = TREATMENTS.get(str(value).strip().replace("并入综合所得计税", "并入综合所得"))
    if found is None:
        raise CellError(f"「{value}」应为 单独计税 或 并入综合所得（留空按本地区默认）")
    return found


class _Field(CellError):
    """A cell error that names its own column (one parser reads two columns)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def _annual_bonus(marked: Cell, treatment: Cell) -> str | None:
    key = "annual_bonus"
    try:
        is_bonus = _flag(marked, False)
        key = "bonus_tax"
        chosen = bonus_treatment(treatment)
    except CellError as exc:
        raise _Field(key, str(exc)) from None
    if chosen is not None:
        return chosen
    return "" if is_bonus else None


def _item_name(cell: Cell) -> str:
    name = text(cell)
    if not name:
        raise CellError("项目名称为空")
    if len(name) > NAME_MAX:
        raise CellError(f"项目名称最多{NAME_MAX}个字，实为{len(name)}个字")
    return name


def parse_item_sheet(
    grid: SheetGrid, default_period: dt.date | None
) -> tuple[list[ItemEntry], list[Problem]]:
    """The sheet's items and the problems found, each naming its row and column."""
    rows, problems = parse_item_rows(grid, default_period)
    return [entry for _row, entry in rows], problems


def parse_item_rows(
    grid: SheetGrid, default_period: dt.date | None
) -> tuple[list[tuple[int, ItemEntry]], list[Problem]]:
    """As ``parse_item_sheet``, each item with its row as Excel numbers it."""
    found = _header(grid)
    if found is None:
        return [], [error("no_header", "找不到表头（应有“身份证号”“项目名称”“金额”等列）")]
    header_row, columns = found
    missing = [LABELS[k] for k in REQUIRED if k not in columns]
    if "period" not in columns and default_period is None:
        missing.append("月份（或在导入时指定月份）")
    if missing:
        return [], [error("missing_column", f"缺少列：{'、'.join(missing)}")]
    entries: list[tuple[int, ItemEntry]] = []
    problems: list[Problem] = []
    for index in range(header_row + 1, len(grid.rows)):
        cells = {key: grid.cell(index, col) for key, col in columns.items()}
        if all(v is None or str(v).strip() == "" for v in cells.values()):
            continue
        key = ""
        try:
            key = "id_number"
            id_number = text(cells["id_number"])
            if not id_number:
                raise CellError("身份证号为空")
            key = "period"
            period = default_period
            if cells.get("period") is not None:
                period = date(cells["period"], [])
            if period is None:
                raise CellError("月份为空")
            key = "name"
            name = _item_name(cells["name"])
            key = "amount"
            value = amount(cells["amount"])
            key = "taxable"
            taxable = _flag(cells.get("taxable"), True)
            key = "insurable"
            insurable = _flag(cells.get("insurable"), True)
            key = "after_tax"
            after_tax = _flag(cells.get("after_tax"), False)
            annual_bonus = _annual_bonus(cells.get("annual_bonus"), cells.get("bonus_tax"))
        except _Field as exc:
            key = exc.key
            where = Where(grid.name, index + 1, LABELS[key], str(cells.get(key) or ""))
            problems.append(error("bad_cell", str(exc), where))
            continue
        except CellError as exc:
            where = Where(grid.name, index + 1, LABELS.get(key, key), str(cells.get(key) or ""))
            problems.append(error("bad_cell", str(exc), where))
            continue
        entries.append(
            (
                index + 1,
                ItemEntry(
                    id_number.upper(),
                    period.replace(day=1),
                    name,
                    value,
                    taxable,
                    insurable,
                    after_tax,
                    text(cells.get("note")) or "",
                    annual_bonus=annual_bonus,
                ),
            )
        )
    return entries, problems
