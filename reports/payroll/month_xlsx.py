"""工资发放表 for finance (§9), as .xlsx: a 汇总 sheet and one sheet per street.

Each street sheet: a title, a two-row header (基本信息 | 应发项目 | 个人扣款 | 实发 | 单位缴纳 |
个税计算 on request), one row per worker (ID numbers masked unless asked otherwise), and a 合计 row
of live SUM formulas that also store their computed values, so a program that reads the file
without recalculating (a bank or finance upload) sees the right totals. The 汇总 sheet takes each
street's totals by reference, again with stored values. Frozen header, autofilter, header rows
repeated on every printed page, footer with 制表人, 审核人, 单位负责人 and the month.

Printing (issue 15): a street sheet's ~28 columns fitted to one page width printed at about 4 pt;
it prints instead at a fixed scale that keeps the body text at 8.5 pt (10 pt × 85%), landscape
on A4 (three pages across) or A3 (two facing pages), its columns split over the pages (across,
then down) with 序号 … 姓名 repeated on each; the summary sheet likewise with 序号, 街道. A month
not yet approved carries 草稿（未审核） in every title and page header. A month with 欠扣 (§8.6)
shows 上月欠扣 and 欠扣转下月 among the deductions; the leavers' shortfalls are on a 应收个人款
sheet. Written with xlsxwriter in constant-memory mode (rows in order).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from reports.cell_text import text_workbook
from workforce.services.payroll.views import PayrollRow, PayrollWorkbookView, StreetRows

SUMMARY = "汇总"
RECEIVABLES = "应收个人款"
A4, A3 = 9, 8
PAPERS = {"A4": A4, "A3": A3}
STREET_SCALE = 85  # % : the 10-pt body text prints at 8.5 pt
MONEY = "#,##0.00"
IDENTITY: tuple[tuple[str, float], ...] = (
    ("序号", 4.5),
    ("街道", 9),
    ("社区", 11),
    ("姓名", 7.5),
    ("身份证号", 17.5),
    ("岗位", 11),
    ("等级", 4),
    ("人员类别", 10),
)
REPEATED = 4  # 序号, 街道, 社区, 姓名: on every printed page of a street sheet
AMOUNT_WIDTH = 9.5  # "99,999.99" and a street's "9,999,999.99" total at 10 pt
CARRY_COLUMNS = ("上月欠扣", "欠扣转下月")
HEADER_ROWS = 4  # title, subtitle, group row, column row
FIRST_DATA = HEADER_ROWS


@dataclass(frozen=True, slots=True)
class Group:
    title: str
    columns: tuple[str, ...]


def _groups(view: PayrollWorkbookView) -> tuple[Group, ...]:
    groups = [
        Group("基本信息", tuple(name for name, _ in IDENTITY)),
        Group("应发项目", (*view.earning_columns, "应发合计")),
        Group(
            "个人扣款", (*view.individual_columns, "个人所得税", "其他", *_carry(view), "扣款合计")
        ),
        Group("实发", ("实发合计",)),
        Group("单位缴纳", (*view.employer_columns, "单位缴费合计", "人工成本合计")),
    ]
    if view.tax_columns:
        groups.append(Group("个税计算", view.tax_columns))
    return tuple(groups)


def _carry(view: PayrollWorkbookView) -> tuple[str, ...]:
    return CARRY_COLUMNS if view.carry else ()


def _amounts(row: PayrollRow, tax: bool, carry: bool) -> list[Decimal]:
    values = [
        *row.earnings,
        row.gross,
        *row.individual,
        row.tax,
        row.other,
        *((row.owed_in, -row.owed_out) if carry else ()),
        row.deductions,
        row.net,
        *row.employer,
        row.employer_total,
        row.labour_cost,
    ]
    if tax:
        values.extend(row.tax_detail)
    return values


class PayrollFormats:
    """The cell formats of the payroll workbooks (工资发放表, 个税汇总表): one house style."""

    def __init__(self, workbook: Any) -> None:
        border = {"border": 1, "valign": "vcenter", "font_size": 10}
        self.title = workbook.add_format({"bold": True, "font_size": 16, "align": "center"})
        self.title_left = workbook.add_format({"bold": True, "font_size": 16})
        self.subtitle = workbook.add_format({"font_size": 10})
        self.subtitle_right = workbook.add_format({"font_size": 10, "align": "right"})
        self.group = workbook.add_format(
            {**border, "bold": True, "bg_color": "#BDD7EE", "align": "center"}
        )
        self.header = workbook.add_format(
            {**border, "bold": True, "bg_color": "#DDEBF7", "align": "center", "text_wrap": True}
        )
        self.text = workbook.add_format(border)
        self.integer = workbook.add_format({**border, "num_format": "0", "align": "center"})
        self.money = workbook.add_format({**border, "num_format": MONEY})
        self.rate = workbook.add_format({**border, "num_format": "0%"})
        self.total_text = workbook.add_format(
            {**border, "bold": True, "bg_color": "#FFF2CC", "align": "center"}
        )
        self.total_money = workbook.add_format(
            {**border, "bold": True, "bg_color": "#FFF2CC", "num_format": MONEY}
        )
        self.total_integer = workbook.add_format(
            {**border, "bold": True, "bg_color": "#FFF2CC", "num_format": "0", "align": "center"}
        )


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique worksheet name (≤ 31 characters, none of []:*?/\\)."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "未命名"
    candidate, n = cleaned[:31], 2
    while candidate.lower() in taken:
        suffix = f"({n})"
        candidate, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def page_setup(
    sheet: Any,
    header_rows: int,
    footer: str,
    *,
    header: str = "",
    paper: int = A4,
    scale: int | None = None,
    repeat_columns: int = 0,
) -> None:
    """A payroll sheet's printing: landscape, ``footer`` at the foot, ``header`` (the draft
    mark, the title) at the head. Fitted to the page width with the header rows on every page,
    or at ``scale`` % with the columns split over pages (across, then down), the first
    ``repeat_columns`` and the column titles (the header rows after the title and subtitle)
    repeated on each: the page header then carries the title."""
    sheet.set_landscape()
    sheet.set_paper(paper)
    first = 0
    if scale is None:
        sheet.fit_to_pages(1, 0)
    else:
        sheet.set_print_scale(scale)
        sheet.print_across()
        first = 2  # a title cut at the repeated columns would read as a different title
    if repeat_columns:
        sheet.repeat_columns(0, repeat_columns - 1)
    sheet.set_margins(left=0.3, right=0.3, top=0.6, bottom=0.7)
    sheet.repeat_rows(first, header_rows - 1)
    sheet.set_footer(footer)
    if header:
        sheet.set_header(f'&C&"-,Bold"&14{header}')


def _page_setup(
    sheet: Any,
    view: PayrollWorkbookView,
    header_rows: int,
    paper: int = A4,
    *,
    split: bool = False,
    repeat: int = REPEATED,
    title: str = "",
) -> None:
    page_setup(
        sheet,
        header_rows,
        "&L制表人：　　　　　　审核人：　　　　　　单位负责人："
        f"&C{view.header.mark}{view.header.label}工资&R第 &P 页，共 &N 页",
        header=f"{view.header.mark}{title}" if split else view.header.mark,
        paper=paper,
        scale=STREET_SCALE if split else None,
        repeat_columns=repeat if split else 0,
    )


@dataclass(frozen=True, slots=True)
class StreetTotals:
    sheet: str
    total_row: int
    count: int
    first_amount_col: int
    amounts: tuple[Decimal, ...]


def _write_headers(
    sheet: Any, f: PayrollFormats, groups: Sequence[Group], title: str, sub: str
) -> int:
    width = sum(len(g.columns) for g in groups)
    sheet.write_string(0, 0, title, f.title_left)  # whole on the first page of a split print
    sheet.set_row(0, 28)
    sheet.write_string(1, 0, "单位：元", f.subtitle)
    sheet.merge_range(1, 1, 1, width - 1, sub, f.subtitle_right)
    col = 0
    for group in groups:
        if len(group.columns) == 1:
            sheet.write_string(2, col, group.title, f.group)
        else:
            sheet.merge_range(2, col, 2, col + len(group.columns) - 1, group.title, f.group)
        col += len(group.columns)
    col = 0
    for group in groups:
        for name in group.columns:
            sheet.write_string(3, col, name, f.header)
            col += 1
    sheet.set_row(3, 30)
    return width


def _set_widths(sheet: Any, groups: Sequence[Group]) -> None:
    for col, (_, width) in enumerate(IDENTITY):
        sheet.set_column(col, col, width)
    amounts = sum(len(g.columns) for g in groups) - len(IDENTITY)
    sheet.set_column(len(IDENTITY), len(IDENTITY) + amounts - 1, AMOUNT_WIDTH)


def _write_street(
    workbook: Any,
    f: PayrollFormats,
    view: PayrollWorkbookView,
    street: StreetRows,
    taken: set[str],
    paper: int,
) -> StreetTotals:
    name = sheet_name(street.name, taken)
    sheet = workbook.add_worksheet(name)
    groups = _groups(view)
    plain = f"{view.header.region}{street.name}{view.header.label}社区工作者工资发放表"
    title = f"{view.header.mark}{plain}"
    _set_widths(sheet, groups)
    sub = f"{view.header.status_name}　共{len(street.rows)}人"
    width = _write_headers(sheet, f, groups, title, sub)
    tax = bool(view.tax_columns)
    first_amount = len(IDENTITY)
    rate_col = (
        first_amount
        + width
        - len(IDENTITY)
        - len(view.tax_columns)
        + view.tax_columns.index("税率")
        if tax
        else -1
    )
    totals: list[Decimal] = []
    row_index = FIRST_DATA
    for number, row in enumerate(street.rows, start=1):
        sheet.write_number(row_index, 0, number, f.integer)
        sheet.write_string(row_index, 1, row.street, f.text)
        sheet.write_string(row_index, 2, row.community, f.text)
        sheet.write_string(row_index, 3, row.name, f.text)
        sheet.write_string(row_index, 4, row.id_number, f.text)
        sheet.write_string(row_index, 5, row.post, f.text)
        sheet.write_number(row_index, 6, row.level, f.integer)
        sheet.write_string(row_index, 7, row.category, f.text)
        amounts = _amounts(row, tax, view.carry)
        if not totals:
            totals = [Decimal("0.00")] * len(amounts)
        for offset, amount in enumerate(amounts):
            col = first_amount + offset
            sheet.write_number(row_index, col, amount, f.rate if col == rate_col else f.money)
            totals[offset] += amount
        row_index += 1
    last_data = row_index - 1
    total_row = row_index
    sheet.merge_range(total_row, 0, total_row, len(IDENTITY) - 1, "合计", f.total_text)
    # The cumulative tax figures do not add up; the month's separate bonus and its tax do.
    summed = len(totals) - (len(view.tax_columns) - view.tax_totalled if tax else 0)
    for offset in range(summed):
        col = first_amount + offset
        cells = f"{xl_rowcol_to_cell(FIRST_DATA, col)}:{xl_rowcol_to_cell(last_data, col)}"
        sheet.write_formula(total_row, col, f"=SUM({cells})", f.total_money, totals[offset])
    for offset in range(summed, len(totals)):
        sheet.write_blank(total_row, first_amount + offset, None, f.total_money)
    sheet.freeze_panes(FIRST_DATA, 4)
    sheet.autofilter(HEADER_ROWS - 1, 0, max(last_data, HEADER_ROWS - 1), width - 1)
    _page_setup(sheet, view, HEADER_ROWS, paper, split=True, title=plain)
    return StreetTotals(name, total_row, len(street.rows), first_amount, tuple(totals[:summed]))


SUMMARY_IDENTITY = (("序号", 6), ("街道", 16), ("人数", 8))


def _summary_columns(view: PayrollWorkbookView) -> tuple[str, ...]:
    return (
        "应发合计",
        *view.individual_columns,
        "个人所得税",
        "其他",
        *_carry(view),
        "扣款合计",
        "实发合计",
        "单位缴费合计",
        "人工成本合计",
    )


def _summary_offsets(view: PayrollWorkbookView) -> tuple[int, ...]:
    """Where each summary column sits among a street sheet's amount columns."""
    earnings = len(view.earning_columns)
    individual = len(view.individual_columns) + len(_carry(view))
    employer = len(view.employer_columns)
    gross = earnings
    deductions = list(range(gross + 1, gross + 1 + individual + 3))  # …, 个税, 其他, 扣款合计
    net = gross + individual + 4
    return (gross, *deductions, net, net + employer + 1, net + employer + 2)


def _write_summary(
    sheet: Any,
    f: PayrollFormats,
    view: PayrollWorkbookView,
    streets: Sequence[StreetTotals],
    paper: int,
) -> None:
    columns = _summary_columns(view)
    plain = f"{view.header.region}{view.header.label}社区工作者工资汇总表"
    title = f"{view.header.mark}{plain}"
    for col, (_, width) in enumerate(SUMMARY_IDENTITY):
        sheet.set_column(col, col, width)
    sheet.set_column(len(SUMMARY_IDENTITY), len(SUMMARY_IDENTITY) + len(columns) - 1, 12.5)
    h = view.header
    sub = (
        f"状态：{h.status_name}　计算：{h.calculated or '—'}　"
        f"审核：{h.approved or '—'}　锁定：{h.locked or '—'}"
    )
    width = len(SUMMARY_IDENTITY) + len(columns)
    sheet.write_string(0, 0, title, f.title_left)
    sheet.set_row(0, 28)
    sheet.write_string(1, 0, "单位：元", f.subtitle)
    sheet.merge_range(1, 1, 1, width - 1, sub, f.subtitle_right)
    for col, name in enumerate((*(n for n, _ in SUMMARY_IDENTITY), *columns)):
        sheet.write_string(2, col, name, f.header)
    offsets = _summary_offsets(view)
    row = 3
    for number, street in enumerate(streets, start=1):
        sheet.write_number(row, 0, number, f.integer)
        sheet.write_string(row, 1, street.sheet, f.text)
        quoted = "'" + street.sheet.replace("'", "''") + "'"
        first = xl_rowcol_to_cell(FIRST_DATA, 0, row_abs=True, col_abs=True)
        last = xl_rowcol_to_cell(street.total_row - 1, 0, row_abs=True, col_abs=True)
        sheet.write_formula(row, 2, f"=COUNT({quoted}!{first}:{last})", f.integer, street.count)
        for col, offset in enumerate(offsets, start=len(SUMMARY_IDENTITY)):
            source = xl_rowcol_to_cell(
                street.total_row, street.first_amount_col + offset, row_abs=True, col_abs=True
            )
            sheet.write_formula(row, col, f"={quoted}!{source}", f.money, street.amounts[offset])
        row += 1
    sheet.merge_range(row, 0, row, 1, "合计", f.total_text)
    total_count = sum(s.count for s in streets)
    for col in range(2, width):
        letter = xl_col_to_name(col)
        cells = f"{letter}4:{letter}{max(row, 4)}"
        if col == 2:
            sheet.write_formula(row, col, f"=SUM({cells})", f.total_integer, total_count)
            continue
        offset = offsets[col - len(SUMMARY_IDENTITY)]
        value = sum((s.amounts[offset] for s in streets), Decimal("0.00"))
        sheet.write_formula(row, col, f"=SUM({cells})", f.total_money, value)
    sheet.freeze_panes(3, 2)
    _page_setup(sheet, view, 3, paper, split=True, repeat=2, title=plain)


RECEIVABLE_COLUMNS = (
    ("序号", 6),
    ("街道", 14),
    ("社区", 16),
    ("姓名", 10),
    ("身份证号", 20),
    ("离职日期", 12),
    ("应收金额", 14),
)


def _write_receivables(sheet: Any, f: PayrollFormats, view: PayrollWorkbookView) -> None:
    """应收个人款 (§8.6): the shortfalls of workers who left, which no later month recovers."""
    width = len(RECEIVABLE_COLUMNS)
    for col, (_, size) in enumerate(RECEIVABLE_COLUMNS):
        sheet.set_column(col, col, size)
    title = f"{view.header.mark}{view.header.region}{view.header.label}应收个人款（离职人员欠扣）"
    sheet.merge_range(0, 0, 0, width - 1, title, f.title)
    sheet.set_row(0, 28)
    sheet.write_string(1, 0, "单位：元", f.subtitle)
    note = "实发不足扣款、本人已离职无法在以后月份扣回的金额，须向本人收回"
    sheet.merge_range(1, 1, 1, width - 1, note, f.subtitle_right)
    for col, (name, _) in enumerate(RECEIVABLE_COLUMNS):
        sheet.write_string(2, col, name, f.header)
    row = 3
    for number, entry in enumerate(view.receivables, start=1):
        sheet.write_number(row, 0, number, f.integer)
        for col, text in enumerate(
            (entry.street, entry.community, entry.name, entry.id_number), start=1
        ):
            sheet.write_string(row, col, text, f.text)
        left = f"{entry.left_on:%Y-%m-%d}" if entry.left_on else ""
        sheet.write_string(row, 5, left, f.text)
        sheet.write_number(row, 6, entry.amount, f.money)
        row += 1
    sheet.merge_range(row, 0, row, 5, "合计", f.total_text)
    total = sum((r.amount for r in view.receivables), Decimal("0.00"))
    sheet.write_formula(row, 6, f"=SUM(G4:G{max(row, 4)})", f.total_money, total)
    sheet.freeze_panes(3, 0)
    _page_setup(sheet, view, 3)


def write_payroll_workbook(path: Path, view: PayrollWorkbookView, *, paper: str = "A4") -> None:
    """Write the finance workbook for ``view`` to ``path``; street sheets print on ``paper``
    (A4 or A3, landscape)."""
    workbook = text_workbook(path, {"constant_memory": True, "in_memory": False})
    try:
        formats = PayrollFormats(workbook)
        summary = workbook.add_worksheet(SUMMARY)
        taken = {SUMMARY, RECEIVABLES.lower()}
        size = PAPERS[paper]
        streets = [_write_street(workbook, formats, view, s, taken, size) for s in view.streets]
        _write_summary(summary, formats, view, streets, size)
        if view.receivables:
            _write_receivables(workbook.add_worksheet(RECEIVABLES), formats, view)
    finally:
        workbook.close()
