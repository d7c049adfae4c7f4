"""The error report of a roster import: the clerk's own sheet with every problem beside its row.

Sheet one is the original data, every row kept, with an added 错误说明 column holding all problems
of that row and the offending cells highlighted (red for errors, yellow for warnings). Sheet two
lists every problem: 工作表, 行, 列, 值, 原因, 类型.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reports.cell_text import text_workbook
from workforce.domain.problems import Problem
from workforce.domain.roster.columns import detect_header
from workforce.domain.roster.parse import shown
from workforce.domain.sheet import SheetGrid

ERROR_FILL = "#FFC7CE"
WARNING_FILL = "#FFEB9C"


def _sheet_name(name: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "数据"
    return cleaned[:31]


def _explain(problem: Problem) -> str:
    where = problem.where
    prefix = f"「{where.column}」" if where.column else ""
    if where.value:
        prefix += f"值「{where.value}」"
    kind = "" if problem.is_error else "（提示）"
    return f"{kind}{prefix}：{problem.message}" if prefix else f"{kind}{problem.message}"


class _Cells:
    """Formats for copied cells: plain, date, and both highlighted."""

    def __init__(self, workbook: Any) -> None:
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.marked: dict[tuple[bool, bool], Any] = {}
        for error in (True, False):
            for is_date in (True, False):
                spec = {"bg_color": ERROR_FILL if error else WARNING_FILL}
                if is_date:
                    spec["num_format"] = "yyyy-mm-dd"
                self.marked[(error, is_date)] = workbook.add_format(spec)

    def write(self, sheet: Any, row: int, col: int, value: object, mark: bool | None) -> None:
        is_date = isinstance(value, dt.date)
        fmt = self.marked[(mark, is_date)] if mark is not None else self.date if is_date else None
        if value is None:
            if fmt is not None:
                sheet.write_blank(row, col, None, fmt)
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value, fmt)
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value, fmt)
        elif isinstance(value, dt.date):
            sheet.write_datetime(row, col, value, fmt)
        else:
            sheet.write_string(row, col, str(value), fmt)


def write_error_report(
    path: str | Path, grid: SheetGrid, header_row: int, problems: Sequence[Problem]
) -> None:
    """``header_row`` is the header's (last) row as Excel numbers it (``ImportPlan.header_row``);
    0 when no header was found."""
    header = detect_header(grid)
    column_of: dict[str, int] = {}
    if header is not None:
        column_of = {header.labels[key]: col for key, col in header.columns.items()}
    if 0 < header_row <= len(grid.rows):  # columns other imports name (证书编号, 考核结果 …)
        for col, cell in enumerate(grid.rows[header_row - 1]):
            column_of.setdefault(shown(cell), col)
    by_row: dict[int, list[Problem]] = {}
    for problem in problems:
        by_row.setdefault(problem.where.row or 0, []).append(problem)
    width = max((len(r) for r in grid.rows), default=0)
    workbook = text_workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet(_sheet_name(grid.name))
    cells = _Cells(workbook)
    heading = workbook.add_format({"bold": True, "bg_color": ERROR_FILL, "border": 1})
    explanation = workbook.add_format({"font_color": "#9C0006", "text_wrap": True})
    sheet.set_column(width, width, 60)
    for index, values in enumerate(grid.rows):
        excel_row = index + 1
        found = by_row.get(excel_row, []) if excel_row > header_row else []
        marks: dict[int, bool] = {}
        for problem in found:
            col = column_of.get(problem.where.column)
            if col is not None:
                marks[col] = marks.get(col, False) or problem.is_error
        for col, value in enumerate(values):
            cells.write(sheet, index, col, value, marks.get(col))
        if excel_row == header_row:
            sheet.write_string(index, width, "错误说明", heading)
        elif found:
            sheet.write_string(index, width, "；".join(_explain(p) for p in found), explanation)
    if header_row:
        sheet.freeze_panes(header_row, 0)
    _problem_list(workbook, problems)
    workbook.close()


def _problem_list(workbook: Any, problems: Sequence[Problem]) -> None:
    sheet = workbook.add_worksheet("问题清单")
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    headers = ("工作表", "行", "列", "值", "原因", "类型")
    for col, (label, width) in enumerate(zip(headers, (14, 6, 16, 22, 70, 8), strict=True)):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, label, bold)
    sheet.freeze_panes(1, 0)
    for number, problem in enumerate(problems, 1):
        where = problem.where
        sheet.write_string(number, 0, where.sheet)
        if where.row is not None:
            sheet.write_number(number, 1, where.row)
        sheet.write_string(number, 2, where.column)
        sheet.write_string(number, 3, where.value)
        sheet.write_string(number, 4, problem.message)
        sheet.write_string(number, 5, "错误" if problem.is_error else "提示")
    sheet.autofilter(0, 0, max(len(problems), 1), len(headers) - 1)
