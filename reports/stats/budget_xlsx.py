"""工资总额测算表 (issue 19) as a workbook for the leadership meeting.

测算汇总: the title, the range and date, the assumptions and each scenario's terms, 人工成本合计
per year for the baseline and every scenario with the difference, a native column chart, and the
signature block. Then one sheet per scenario: year by year (people, movements, adjustment, gross,
employer, total) with a totals row of live formulas carrying their values, by district, street and
post, and month by month.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from reports.cell_text import text_workbook
from reports.stats.budget_tables import (
    Table,
    breakdown,
    detail,
    monthly,
    projections,
    scenario_terms,
    summary,
)
from reports.stats.xlsx_style import Formats, print_setup
from workforce.domain.adjustment.projection import BudgetReport

SIGNATURES = ("制表人：", "审核人：", "单位负责人：", "日期：")


def title_of(report: BudgetReport) -> str:
    last = report.first + report.years - 1
    scope = report.unit_name or "全部单位"
    return f"{scope}社区工作者{report.first}–{last}年工资总额测算"


def _write_table(
    sheet: Any, formats: Formats, row: int, table: Table, *, totals: bool = False
) -> int:
    """The table from ``row``; returns the next free row. ``totals``: a 合计 row of SUMs."""
    sheet.write(row, 0, table.title, formats.label)
    row += 1
    for col, header in enumerate(table.headers):
        sheet.write(row, col, header, formats.header)
    first = row + 1
    for values in table.rows:
        row += 1
        for col, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(row, col, value, formats.cell("text", total=value == "合计"))
            else:
                kind = "money" if col >= table.money_from else "count"
                if isinstance(value, Decimal) and col < table.money_from:
                    kind = "age"  # expected people, one decimal
                total = values[0] == "合计"
                sheet.write_number(row, col, value, formats.cell(kind, total=total))
    if totals and table.rows:
        row += 1
        sheet.write_string(row, 0, "合计", formats.cell("text", total=True))
        for col in range(1, len(table.headers)):
            if col < table.money_from:
                sheet.write_string(row, col, "", formats.cell("text", total=True))
                continue
            value = sum((Decimal(r[col]) for r in table.rows), Decimal(0))
            letter = _column(col)
            sheet.write_formula(
                row, col, f"=SUM({letter}{first + 1}:{letter}{row})",
                formats.cell("money", total=True), value,
            )  # fmt: skip
    return row + 2


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _chart(workbook: Any, sheet: Any, report: BudgetReport, header_row: int, rows: int) -> Any:
    chart = workbook.add_chart({"type": "column"})
    name = sheet.get_name()
    columns = [1] + [2 + 2 * i for i in range(len(report.scenarios))]
    for col in columns:
        chart.add_series(
            {
                "name": [name, header_row, col],
                "categories": [name, header_row + 1, 0, header_row + rows, 0],
                "values": [name, header_row + 1, col, header_row + rows, col],
            }
        )
    chart.set_title({"name": "人工成本合计（万元）"})
    chart.set_legend({"position": "bottom"})
    return chart


def write_budget_workbook(
    path: str | Path, report: BudgetReport, today: dt.date | None = None
) -> None:
    """Write the workbook to ``path``."""
    workbook = text_workbook(path)
    formats = Formats(workbook)
    title = title_of(report)
    sheet = workbook.add_worksheet("测算汇总")
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 12, 18)
    sheet.merge_range(0, 0, 0, 6, title, formats.title)
    made = today or dt.date.today()
    sheet.write(1, 0, f"测算人数：{report.people}人    编制日期：{made:%Y年%m月%d日}", formats.note)
    row = 3
    sheet.write(row, 0, "测算假设", formats.label)
    for note in report.assumptions:
        row += 1
        sheet.write(row, 0, f"· {note}", formats.note)
    for projection in report.scenarios:
        row += 1
        terms = "；".join(scenario_terms(projection)) or "与基线相同"
        sheet.write(row, 0, f"· 情景「{projection.scenario.name}」：{terms}", formats.note)
    row += 2
    table = summary(report)
    header_row = row + 1
    row = _write_table(sheet, formats, row, table)
    sheet.insert_chart(row, 0, _chart(workbook, sheet, report, header_row, report.years))
    row += 17
    for col, text in zip((0, 2, 4, 6), SIGNATURES, strict=True):
        sheet.write(row, col, text, formats.label)
    print_setup(sheet, title, 0)
    for index, projection in enumerate(projections(report)):
        name = f"{index}-{projection.scenario.name}"[:31] if index else "基线"
        for bad in "[]:*?/\\":
            name = name.replace(bad, "_")
        page = workbook.add_worksheet(name)
        page.set_column(0, 0, 22)
        page.set_column(1, 12, 16)
        page.merge_range(0, 0, 0, 6, f"{title}：{projection.scenario.name}", formats.title)
        at = _write_table(page, formats, 2, detail(projection), totals=True)
        for by in ("district", "street", "post"):
            at = _write_table(page, formats, at, breakdown(projection, by))
        at = _write_table(page, formats, at, monthly(projection), totals=True)
        page.freeze_panes(4, 1)
        print_setup(page, title, 0)
    workbook.close()
