"""Reading an opening-figures sheet (期初累计, §8.6) as the tax authority's withholding client
(扣缴客户端) exports it, and what the figures mean for the cumulative withholding; pure.

Columns: 身份证号 (证件号码), 姓名, 所属期止 (YYYY-MM), 累计收入额, 累计免税收入, 累计专项扣除,
累计专项附加扣除 (or its six parts, summed), 累计其他扣除, 累计已预缴税额; 累计减除费用 is optional
and, when given, checked against 5,000 × the months employed (60,000 under 公告2020年第19号) by the
service. Every problem names the sheet, the row, the column as the sheet heads it and the value.
One sheet holds one 所属期止: the year's opening figures all end in the same month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain.money import ZERO, round_fen
from workforce.domain.payroll.pay_item_sheet import amount
from workforce.domain.payroll.tax import ANNUAL_TABLE, Carried, basic_deduction
from workforce.domain.person_sheet import PersonSheet, Rows, blank, find_header, no_header
from workforce.domain.problems import Where, error
from workforce.domain.roster.cells import CellError
from workforce.domain.roster.columns import COLUMN_BY_KEY
from workforce.domain.sheet import SheetGrid

AMOUNTS = (
    ("income", "累计收入额"),
    ("exempt_income", "累计免税收入"),
    ("insurance", "累计专项扣除"),
    ("special_deductions", "累计专项附加扣除"),
    ("other_deductions", "累计其他扣除"),
    ("withheld", "累计已预缴税额"),
)
"""The figures every row gives, in the order the client exports them."""

SPECIAL_PARTS = (
    ("child_education", "累计子女教育"),
    ("continuing_education", "累计继续教育"),
    ("mortgage_interest", "累计住房贷款利息"),
    ("rent", "累计住房租金"),
    ("elderly_support", "累计赡养老人"),
    ("infant_care", "累计3岁以下婴幼儿照护"),
)
"""累计专项附加扣除's six parts, as the client's detailed export heads them."""

HEADERS: dict[str, str] = {
    "id_number": "身份证号",
    "name": "姓名",
    "through": "所属期止",
    **dict(AMOUNTS),
    **dict(SPECIAL_PARTS),
    "basic_deduction": "累计减除费用",
}
_ALIASES: dict[str, tuple[str, ...]] = {
    "id_number": (*COLUMN_BY_KEY["id_number"].spellings, "证件号码"),
    "name": COLUMN_BY_KEY["name"].spellings,
    "through": ("所属期止", "税款所属期止", "所属期", "所属月份", "期止"),
    "income": ("累计收入额", "累计收入", "累计收入额（元）"),
    "exempt_income": ("累计免税收入", "累计免税收入额"),
    "insurance": ("累计专项扣除", "累计专项扣除额"),
    "special_deductions": ("累计专项附加扣除", "累计专项附加扣除合计", "累计专项附加扣除额"),
    "other_deductions": ("累计其他扣除", "累计其他扣除额"),
    "withheld": ("累计已预缴税额", "累计已预扣预缴税额", "已预缴税额", "累计已扣缴税额"),
    "basic_deduction": ("累计减除费用",),
    "child_education": ("累计子女教育", "累计子女教育支出"),
    "continuing_education": ("累计继续教育", "累计继续教育支出"),
    "mortgage_interest": ("累计住房贷款利息", "累计住房贷款利息支出"),
    "rent": ("累计住房租金", "累计住房租金支出"),
    "elderly_support": ("累计赡养老人", "累计赡养老人支出"),
    "infant_care": ("累计3岁以下婴幼儿照护", "累计婴幼儿照护", "累计3岁以下婴幼儿照护支出"),
}
_REQUIRED = {"id_number", "through", "income", "insurance", "other_deductions", "withheld"}
_MONTH = re.compile(r"^(\d{4})\s*(?:[-./年]\s*(\d{1,2})\s*月?|(\d{2}))$")


@dataclass(frozen=True, slots=True)
class OpeningFigures:
    """One worker's year so far at this unit up to ``through`` (a month of ``year``): the figures
    the withholding client reports, in yuan; ``basic_deduction`` as the sheet gave it (None when
    it has no such column)."""

    year: int
    through: int
    income: Decimal = ZERO
    exempt_income: Decimal = ZERO
    insurance: Decimal = ZERO
    special_deductions: Decimal = ZERO
    other_deductions: Decimal = ZERO
    withheld: Decimal = ZERO
    basic_deduction: Decimal | None = None

    def carried(self) -> Carried:
        """The figures the month after ``through`` continues from, as if the earlier months had
        been calculated here."""
        return Carried(
            self.through,
            self.income,
            self.exempt_income,
            self.insurance,
            self.special_deductions,
            self.other_deductions,
            self.withheld,
        )

    def cumulative_tax(self, basic: Decimal) -> Decimal:
        """The cumulative tax these figures give by the annual table, with ``basic`` as
        累计减除费用 (a check on the sheet's 累计已预缴税额, not a figure that is paid)."""
        taxable = max(
            ZERO,
            self.income
            - self.exempt_income
            - basic
            - self.insurance
            - self.special_deductions
            - self.other_deductions,
        )
        bracket = ANNUAL_TABLE.bracket(taxable)
        return max(ZERO, round_fen(taxable * bracket.rate - bracket.quick_deduction))


def expected_basic(
    through: int, first_month: int, *, first_income_of_year: bool, prior_year_low_income: bool
) -> Decimal:
    """累计减除费用 through ``through`` for a worker employed here from ``first_month``: the
    cumulative method's own figure (§8.3), which the sheet's column must equal."""
    return basic_deduction(
        through,
        first_month,
        first_income_of_year=first_income_of_year,
        prior_year_low_income=prior_year_low_income,
    )


@dataclass(frozen=True, slots=True)
class OpeningRecord:
    """One data row read."""

    row: int
    id_number: str
    name: str
    figures: OpeningFigures


class OpeningSheet(PersonSheet[OpeningRecord]):
    """An opening-figures sheet read: one record per person, no person twice, one 所属期止."""

    __slots__ = ()
    headers = HEADERS


def period_month(value: object) -> dt.date | None:
    """所属期止 as the first day of its month: "2026-06", "2026-6", "2026年6月", 202606, or a
    date cell (a spreadsheet turns a typed 2026-06 into one). None when it is none of these."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.replace(day=1)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    match = _MONTH.match(text)
    if match is None:
        return None
    month = int(match[2] or match[3])
    if not 1 <= month <= 12 or not 2000 <= int(match[1]) <= 2100:
        return None
    return dt.date(int(match[1]), month, 1)


def _through(rows: Rows, row: int, value: object) -> dt.date | None:
    if blank(value):
        rows.fail(
            "missing_through", "所属期止不能为空（写作 YYYY-MM，如 2026-06）", row, "through", value
        )
        return None
    month = period_month(value)
    if month is None:
        rows.fail("invalid_through", "所属期止应写作 YYYY-MM，如 2026-06", row, "through", value)
        return None
    if month.month == 12:
        message = "所属期止为12月时全年已结束，无需录入期初累计"
        rows.fail("through_december", message, row, "through", value)
        return None
    return month


def _amount(rows: Rows, row: int, raw: Mapping[str, object], key: str) -> Decimal | None:
    value = raw.get(key)
    if blank(value):
        return ZERO
    try:
        figure = amount(value)
    except CellError as exc:
        rows.fail(f"invalid_{key}", str(exc), row, key, value)
        return None
    if figure < 0:
        rows.fail(f"negative_{key}", f"{rows.label(key)}不能为负数", row, key, value)
        return None
    return figure


def _special(rows: Rows, row: int, raw: Mapping[str, object]) -> Decimal | None:
    """累计专项附加扣除, or the sum of its parts when the sheet gives them instead (both given:
    they must agree)."""
    columns = rows.header.columns
    parts = [key for key, _ in SPECIAL_PARTS if key in columns]
    total = (
        _amount(rows, row, raw, "special_deductions") if "special_deductions" in columns else None
    )
    if not parts:
        return total if "special_deductions" in columns else ZERO
    figures = [_amount(rows, row, raw, key) for key in parts]
    if any(f is None for f in figures):
        return None
    summed = sum((f for f in figures if f is not None), ZERO)
    if "special_deductions" in columns and total is not None and total != summed:
        message = f"与各分项之和 {summed} 不符"
        rows.fail(
            "special_parts_mismatch",
            message,
            row,
            "special_deductions",
            raw.get("special_deductions"),
        )
        return None
    return summed


def _read(rows: Rows, row: int, raw: Mapping[str, object]) -> OpeningRecord | None:
    before = len(rows.problems)
    number, name = rows.listed(row, raw)
    through = _through(rows, row, raw.get("through"))
    figures = {
        key: _amount(rows, row, raw, key) for key, _ in AMOUNTS if key != "special_deductions"
    }
    special = _special(rows, row, raw)
    basic = None
    if "basic_deduction" in rows.header.columns and not blank(raw.get("basic_deduction")):
        basic = _amount(rows, row, raw, "basic_deduction")
    if len(rows.problems) > before or number is None or through is None or special is None:
        return None
    values = {key: figure for key, figure in figures.items() if figure is not None}
    return OpeningRecord(
        row,
        number,
        name,
        OpeningFigures(
            through.year, through.month, special_deductions=special, basic_deduction=basic, **values
        ),
    )


def _one_through(rows: Rows, records: list[OpeningRecord]) -> list[OpeningRecord]:
    """An error on every row whose 所属期止 is not the sheet's (the one most rows give)."""
    counts: dict[tuple[int, int], int] = {}
    for record in records:
        key = (record.figures.year, record.figures.through)
        counts[key] = counts.get(key, 0) + 1
    if len(counts) <= 1:
        return records
    year, month = max(counts, key=lambda k: (counts[k], k))
    kept = []
    for record in records:
        if (record.figures.year, record.figures.through) == (year, month):
            kept.append(record)
            continue
        written = f"{record.figures.year}-{record.figures.through:02d}"
        message = f"本表的所属期止为{year}-{month:02d}，一张表只能有一个所属期止"
        rows.fail("mixed_through", message, record.row, "through", written)
    return kept


def read_opening_sheet(grid: SheetGrid) -> OpeningSheet:
    """Every data row of the sheet as a record or problems."""
    header = find_header(grid, _ALIASES, [_REQUIRED])
    if header is None:
        wanted = "“身份证号”“所属期止”“累计收入额”“累计专项扣除”“累计其他扣除”和“累计已预缴税额”列"
        return OpeningSheet(grid.name, 0, {}, (), (no_header(grid, wanted),))
    missing = [label for key, label in (("name", "姓名"),) if key not in header.columns]
    has_special = "special_deductions" in header.columns or any(
        key in header.columns for key, _ in SPECIAL_PARTS
    )
    if not has_special:
        missing.append("累计专项附加扣除")
    if missing:
        where = Where(grid.name, header.index + 1)
        listed = "”“".join(missing)
        problem = error("missing_column", f"表中没有“{listed}”列", where)
        return OpeningSheet(grid.name, header.index + 1, header.labels, (), (problem,))
    rows = Rows(grid, header, HEADERS)
    records = [r for row, raw in rows.lines() if (r := _read(rows, row, raw)) is not None]
    kept = rows.drop_repeated(
        _one_through(rows, records),
        lambda r: r.id_number,
        "duplicate_person",
        lambda _, listed: f"同一人的期初累计在本表中重复出现（{listed}）",
    )
    return rows.result(OpeningSheet, kept)
