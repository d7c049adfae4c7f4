"""个人所得税年度汇总表 (§8.3, §9) as .xlsx: one row per worker paid in the year, the cumulative
withholding of each month (1月–12月), and the year's totals: 收入 (wages), 免税收入, 专项扣除,
专项附加扣除, the cumulative taxable income at the last month paid, 预扣税额合计 as a live SUM
of the month columns, the 全年一次性奖金 taxed separately and its tax, and 个税合计 (both taxes).
Months paid before the program (期初累计, §8.6) show as one cell marked 期初 across the month
columns they cover, holding the 已预缴税额 the opening figures report, and the year's totals
include the opening figures, so 预扣税额合计 is the cumulative withholding of the year.
A 合计 row of SUM formulas closes the sheet; every formula also stores its computed value so a
program reading without recalculating sees the right figures. Frozen header, autofilter, A4
landscape fitted to the width. Written with xlsxwriter in constant-memory mode.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from reports.cell_text import text_workbook
from reports.payroll.month_xlsx import MONEY, PayrollFormats, page_setup
from workforce.services.payroll.slips import TaxSummaryView, WorkerTaxYear

IDENTITY = (("序号", 6), ("街道", 12), ("社区", 14), ("姓名", 9), ("身份证号", 20))
MONTHS = tuple(f"{m}月" for m in range(1, 13))
TOTALS = (
    ("income", "收入合计"),
    ("exempt", "免税收入"),
    ("insurance", "专项扣除\n（三险一金）"),
    ("special", "专项附加扣除"),
    ("cum_taxable", "累计应纳税\n所得额"),
)
WITHHELD = "预扣税额合计"
BONUS = (("bonus_income", "全年一次性奖金\n（单独计税）"), ("bonus_tax", "全年一次性奖金\n个税"))
ALL_TAX = "个税合计"
HEADER_ROWS = 4
FIRST_MONTH = len(IDENTITY)
FIRST_TOTAL = FIRST_MONTH + len(MONTHS)
WITHHELD_COL = FIRST_TOTAL + len(TOTALS)
BONUS_COL = WITHHELD_COL + 1
ALL_TAX_COL = BONUS_COL + len(BONUS)
WIDTH = ALL_TAX_COL + 1
OPENING = "期初"


def opening_format(workbook: Any, *, total: bool = False) -> Any:
    """The 期初 cells: the amount with 期初 before it, on a light fill (bold in the 合计 row)."""
    return workbook.add_format(
        {
            "border": 1,
            "valign": "vcenter",
            "align": "center",
            "font_size": 10,
            "bold": total,
            "bg_color": "#C6E0B4" if total else "#E2EFDA",
            "num_format": f'"{OPENING} "{MONEY}',
        }
    )


def months_text(view: TaxSummaryView) -> str:
    """计入月份: the months of the opening figures first, then each month with its status."""
    months = [f"{m}月（{status}）" for m, status in view.months]
    if view.opening_through is not None:
        through = view.opening_through
        span = "1月" if through == 1 else f"1–{through}月"
        months.insert(0, f"{span}（{OPENING}累计，程序外发放）")
    return "、".join(months)


def _headers(sheet: Any, f: PayrollFormats, view: TaxSummaryView) -> None:
    sheet.merge_range(
        0,
        0,
        0,
        WIDTH - 1,
        f"{view.mark}{view.region}{view.year}年度个人所得税预扣汇总表",
        f.title,
    )
    sheet.set_row(0, 28)
    sheet.write_string(1, 0, "单位：元", f.subtitle)
    sheet.merge_range(
        1,
        1,
        1,
        WIDTH - 1,
        f"计入月份：{months_text(view)}　共{len(view.workers)}人",
        f.subtitle_right,
    )
    sheet.merge_range(2, 0, 2, FIRST_MONTH - 1, "基本信息", f.group)
    sheet.merge_range(2, FIRST_MONTH, 2, FIRST_TOTAL - 1, "各月预扣税额", f.group)
    sheet.merge_range(2, FIRST_TOTAL, 2, WIDTH - 1, "全年合计", f.group)
    names = (
        *(n for n, _ in IDENTITY),
        *MONTHS,
        *(t for _, t in TOTALS),
        WITHHELD,
        *(t for _, t in BONUS),
        ALL_TAX,
    )
    for col, name in enumerate(names):
        sheet.write_string(3, col, name, f.header)
    sheet.set_row(3, 30)
    for col, (_, width) in enumerate(IDENTITY):
        sheet.set_column(col, col, width)
    sheet.set_column(FIRST_MONTH, FIRST_TOTAL - 1, 10)
    sheet.set_column(FIRST_TOTAL, WIDTH - 1, 13)


def _opening(sheet: Any, opened: Any, row: int, worker: WorkerTaxYear) -> dict[int, Decimal]:
    """The worker's 期初 cell across the months it covers; its amount by first month."""
    opening = worker.opening
    if opening is None:
        return {}
    first, last = FIRST_MONTH + opening.first - 1, FIRST_MONTH + opening.through - 1
    if first == last:
        sheet.write_number(row, first, opening.withholding, opened)
    else:
        sheet.merge_range(row, first, row, last, "", opened)
        sheet.write_number(row, first, opening.withholding, opened)
    return {month: Decimal("0.00") for month in range(opening.first, opening.through + 1)} | {
        opening.first: opening.withholding
    }


def _worker(
    sheet: Any, f: PayrollFormats, opened: Any, row: int, number: int, worker: WorkerTaxYear
) -> list[Decimal]:
    """Write one worker's row; returns its amounts by column from the first month column."""
    for col, text in enumerate((worker.street, worker.community, worker.name, worker.id_number), 1):
        sheet.write_string(row, col, text, f.text)
    sheet.write_number(row, 0, number, f.integer)
    before = _opening(sheet, opened, row, worker)
    by_month = {m.month: m.withholding for m in worker.months}
    amounts: list[Decimal] = []
    for month in range(1, 13):
        amount = by_month.get(month)
        if month in before:
            amounts.append(before[month])
        elif amount is None:
            sheet.write_blank(row, FIRST_MONTH + month - 1, None, f.money)
            amounts.append(Decimal("0.00"))
        else:
            sheet.write_number(row, FIRST_MONTH + month - 1, amount, f.money)
            amounts.append(amount)
    for offset, (field, _) in enumerate(TOTALS):
        value = worker.cum_taxable if field == "cum_taxable" else worker.total(field)
        sheet.write_number(row, FIRST_TOTAL + offset, value, f.money)
        amounts.append(value)
    withheld = worker.total("withholding")
    first = xl_rowcol_to_cell(row, FIRST_MONTH)
    last = xl_rowcol_to_cell(row, FIRST_TOTAL - 1)
    sheet.write_formula(row, WITHHELD_COL, f"=SUM({first}:{last})", f.money, withheld)
    amounts.append(withheld)
    for offset, (field, _) in enumerate(BONUS):
        value = worker.total(field)
        sheet.write_number(row, BONUS_COL + offset, value, f.money)
        amounts.append(value)
    all_tax = withheld + worker.total("bonus_tax")
    cells = (xl_rowcol_to_cell(row, WITHHELD_COL), xl_rowcol_to_cell(row, ALL_TAX_COL - 1))
    sheet.write_formula(row, ALL_TAX_COL, f"={cells[0]}+{cells[1]}", f.money, all_tax)
    amounts.append(all_tax)
    return amounts


def write_tax_summary(path: Path, view: TaxSummaryView) -> None:
    """Write the yearly per-worker tax summary of ``view`` to ``path``."""
    workbook = text_workbook(path, {"constant_memory": True, "in_memory": False})
    try:
        f = PayrollFormats(workbook)
        opened = opening_format(workbook)
        sheet = workbook.add_worksheet(f"{view.year}年个税汇总")
        _headers(sheet, f, view)
        totals = [Decimal("0.00")] * (WIDTH - FIRST_MONTH)
        row = HEADER_ROWS
        for number, worker in enumerate(view.workers, start=1):
            for offset, amount in enumerate(_worker(sheet, f, opened, row, number, worker)):
                totals[offset] += amount
            row += 1
        sheet.merge_range(row, 0, row, FIRST_MONTH - 1, "合计", f.total_text)
        opening_months = view.opening_through or 0
        for offset, value in enumerate(totals):
            col = FIRST_MONTH + offset
            if offset < opening_months:
                continue
            first = xl_rowcol_to_cell(HEADER_ROWS, col)
            last = xl_rowcol_to_cell(max(row - 1, HEADER_ROWS), col)
            sheet.write_formula(row, col, f"=SUM({first}:{last})", f.total_money, value)
        if opening_months:  # one 期初 total over the months the opening figures cover
            end = FIRST_MONTH + opening_months - 1
            block = f"{xl_rowcol_to_cell(HEADER_ROWS, FIRST_MONTH)}:"
            block += xl_rowcol_to_cell(max(row - 1, HEADER_ROWS), end)
            value = sum(totals[:opening_months], Decimal("0.00"))
            total_format = opening_format(workbook, total=True)
            if end > FIRST_MONTH:
                sheet.merge_range(row, FIRST_MONTH, row, end, "", total_format)
            sheet.write_formula(row, FIRST_MONTH, f"=SUM({block})", total_format, value)
        sheet.freeze_panes(HEADER_ROWS, 4)
        sheet.autofilter(HEADER_ROWS - 1, 0, max(row - 1, HEADER_ROWS - 1), WIDTH - 1)
        page_setup(
            sheet,
            HEADER_ROWS,
            f"&L制表人：　　　　　　审核人：&C{view.mark}{view.year}年度个税汇总"
            "&R第 &P 页，共 &N 页",
            header=view.mark,
        )
    finally:
        workbook.close()
