"""The adjustment plan or result for finance and leadership (调级调薪汇总表 + 明细表), as .xlsx.

Sheet 汇总: the run (year, status, dates, who prepared/approved/applied), the figures a city
reports (调级人次, 年度增加资金 in 元 and 万元, blocked, excluded, overridden) and the totals by
district, street and post. Sheet 明细: one row per person with the reasons in words. Every total is
a live formula that also stores its computed value, so a program reading the file without
recalculating sees the right figures. Written with xlsxwriter in constant-memory mode (rows in
order), A4 landscape, header repeated and frozen, autofilter on the detail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from reports.cell_text import text_workbook
from workforce.domain.adjustment.plan import ten_thousand_yuan
from workforce.services.adjustment.views import GroupTotal, RunLine, RunOverview

SUMMARY, DETAIL = "汇总", "明细"
A4 = 9
MONEY = "#,##0.00"
DETAIL_COLUMNS: tuple[tuple[str, int], ...] = (
    ("序号", 6),
    ("区/旗县", 10),
    ("街道", 12),
    ("社区", 14),
    ("姓名", 9),
    ("身份证号", 20),
    ("原岗位", 13),
    ("原等级", 7),
    ("新岗位", 13),
    ("新等级", 7),
    ("计入人次", 8),
    ("月增资（元）", 12),
    ("年增资（元）", 13),
    ("状态", 9),
    ("调级原因", 60),
    ("说明", 36),
    ("处理意见", 24),
)
COUNT_COL, MONTHLY_COL, YEARLY_COL = 10, 11, 12


class _Formats:
    def __init__(self, workbook: Any) -> None:
        border = {"border": 1, "valign": "vcenter"}
        self.title = workbook.add_format({"bold": True, "font_size": 16, "align": "center"})
        self.header = workbook.add_format(
            {**border, "bold": True, "bg_color": "#DDEBF7", "align": "center", "text_wrap": True}
        )
        self.text = workbook.add_format(border)
        self.wrap = workbook.add_format({**border, "text_wrap": True})
        self.integer = workbook.add_format({**border, "num_format": "0"})
        self.money = workbook.add_format({**border, "num_format": MONEY})
        self.total_text = workbook.add_format({**border, "bold": True, "bg_color": "#FFF2CC"})
        self.total_integer = workbook.add_format(
            {**border, "bold": True, "bg_color": "#FFF2CC", "num_format": "0"}
        )
        self.total_money = workbook.add_format(
            {**border, "bold": True, "bg_color": "#FFF2CC", "num_format": MONEY}
        )
        self.label = workbook.add_format({"bold": True})


def _when(name: str | None, at: dt.datetime | None) -> str:
    if not name and at is None:
        return "—"
    shown = f"{at.astimezone():%Y-%m-%d %H:%M}" if at is not None else ""
    return f"{name or ''} {shown}".strip()


def _print_setup(sheet: Any, title: str, header_rows: int) -> None:
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_header(f'&C&"-,Bold"{title}')
    sheet.set_footer("&C第 &P 页，共 &N 页")
    if header_rows:
        sheet.repeat_rows(header_rows - 1)


class _Summary:
    """Writes the 汇总 sheet top to bottom (constant-memory mode needs rows in order)."""

    def __init__(self, sheet: Any, formats: _Formats) -> None:
        self.sheet = sheet
        self.f = formats
        self.row = 0

    def line(self, label: str, value: str) -> None:
        self.sheet.write_string(self.row, 0, label, self.f.label)
        self.sheet.write_string(self.row, 1, value)
        self.row += 1

    def table(self, heading: str, groups: Sequence[GroupTotal]) -> None:
        """A blank row, then a group table with its 合计 row (see ``_table_total_row``)."""
        self.row += 1
        for col, label in enumerate(
            (heading, "人次", "年度增加资金（元）", "年度增加资金（万元）")
        ):
            self.sheet.write_string(self.row, col, label, self.f.header)
        self.row += 1
        rows = list(groups) or [GroupTotal("（无）", 0, Decimal(0))]
        first = self.row
        for group in rows:
            self.sheet.write_string(self.row, 0, group.name, self.f.text)
            self.sheet.write_number(self.row, 1, group.person_times, self.f.integer)
            self.sheet.write_number(self.row, 2, group.yearly_cost, self.f.money)
            self._wan(self.row, group.yearly_cost, self.f.money)
            self.row += 1
        last = self.row - 1
        persons = sum(g.person_times for g in rows)
        cost = sum((g.yearly_cost for g in rows), Decimal(0))
        self.sheet.write_string(self.row, 0, "合计", self.f.total_text)
        for col, value, fmt in ((1, persons, self.f.total_integer), (2, cost, self.f.total_money)):
            span = f"{xl_rowcol_to_cell(first, col)}:{xl_rowcol_to_cell(last, col)}"
            self.sheet.write_formula(self.row, col, f"=SUM({span})", fmt, value)
        self._wan(self.row, cost, self.f.total_money)
        self.row += 1

    def _wan(self, row: int, amount: Decimal, fmt: Any) -> None:
        source = xl_rowcol_to_cell(row, 2)
        self.sheet.write_formula(
            row, 3, f"=ROUND({source}/10000,2)", fmt, ten_thousand_yuan(amount)
        )


def _table_total_row(start: int, groups: Sequence[GroupTotal]) -> int:
    """Where ``_Summary.table`` starting at ``start`` puts its 合计 row."""
    return start + 2 + max(len(groups), 1)


def _write_summary(workbook: Any, formats: _Formats, overview: RunOverview) -> None:
    sheet = workbook.add_worksheet(SUMMARY)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 3, 20)
    title = f"{overview.year}年度社区工作者调级调薪汇总表"
    _print_setup(sheet, title, 0)
    s = _Summary(sheet, formats)
    sheet.merge_range(0, 0, 0, 3, title, formats.title)
    s.row = 2
    s.line("批次", f"{overview.run_id}（{overview.status_name}）")
    s.line("生效日期", f"{overview.effective_date:%Y-%m-%d}")
    scale_date = overview.scale_effective_date
    s.line("薪酬标准", overview.scale_name + (f"（{scale_date:%Y-%m-%d}起）" if scale_date else ""))
    s.line("准备", _when(overview.prepared_by, overview.prepared_at))
    s.line("审核", _when(overview.approved_by, overview.approved_at))
    s.line("应用", _when(overview.applied_by, overview.applied_at))
    if overview.reverted_at is not None:
        s.line("撤销", _when(overview.reverted_by, overview.reverted_at))
    s.row += 1
    # The headline figures point at the district table's totals, written further down.
    total_row = _table_total_row(s.row + 6, overview.by_district)
    persons, cost = xl_rowcol_to_cell(total_row, 1), xl_rowcol_to_cell(total_row, 2)
    f = formats
    headline: tuple[tuple[str, str | None, int | Decimal, Any], ...] = (
        ("调级人次", f"={persons}", overview.person_times, f.total_integer),
        ("年度增加资金（元）", f"={cost}", overview.yearly_cost, f.total_money),
        (
            "年度增加资金（万元）",
            f"=ROUND({cost}/10000,2)",
            overview.yearly_cost_wan,
            f.total_money,
        ),
        ("未能晋级（受阻）人数", None, overview.blocked, f.integer),
        ("排除人数", None, overview.excluded, f.integer),
        ("调整等级人数", None, overview.overridden, f.integer),
    )
    for label, formula, value, fmt in headline:
        sheet.write_string(s.row, 0, label, f.total_text if formula else f.text)
        if formula:
            sheet.write_formula(s.row, 1, formula, fmt, value)
        else:
            sheet.write_number(s.row, 1, value, fmt)
        s.row += 1
    s.table("区/旗县", overview.by_district)
    s.table("街道", overview.by_street)
    s.table("岗位", overview.by_post)


def _status(line: RunLine) -> str:
    if line.excluded:
        return "排除"
    if line.changed:
        return "调整等级" if line.overridden else "调级"
    return "受阻" if line.blocked else "未调级"


def _write_detail(
    workbook: Any, f: _Formats, overview: RunOverview, lines: Sequence[RunLine]
) -> None:
    sheet = workbook.add_worksheet(DETAIL)
    for col, (_, width) in enumerate(DETAIL_COLUMNS):
        sheet.set_column(col, col, width)
    _print_setup(sheet, f"{overview.year}年度社区工作者调级调薪明细表", 1)
    for col, (label, _) in enumerate(DETAIL_COLUMNS):
        sheet.write_string(0, col, label, f.header)
    sheet.freeze_panes(1, 0)
    for number, line in enumerate(lines, 1):
        texts = (
            line.district,
            line.street,
            line.community,
            line.name,
            line.id_number,
            line.old_post_name,
        )
        sheet.write_number(number, 0, number, f.integer)
        for col, text in enumerate(texts, 1):
            sheet.write_string(number, col, text, f.text)
        sheet.write_number(number, 7, line.old_level, f.integer)
        sheet.write_string(number, 8, line.new_post_name, f.text)
        sheet.write_number(number, 9, line.new_level, f.integer)
        sheet.write_number(number, COUNT_COL, 1 if line.changed else 0, f.integer)
        sheet.write_number(number, MONTHLY_COL, line.counted_monthly, f.money)
        sheet.write_number(number, YEARLY_COL, line.counted_yearly, f.money)
        sheet.write_string(number, 13, _status(line), f.text)
        sheet.write_string(number, 14, "；".join(line.reasons), f.wrap)
        sheet.write_string(number, 15, "；".join(line.notes), f.wrap)
        sheet.write_string(number, 16, line.override_reason, f.wrap)
    last = max(len(lines), 1)
    sheet.autofilter(0, 0, last, len(DETAIL_COLUMNS) - 1)
    total = len(lines) + 1
    sheet.write_string(total, 0, "合计", f.total_text)
    sums = (
        (COUNT_COL, sum(1 for line in lines if line.changed), f.total_integer),
        (MONTHLY_COL, sum((line.counted_monthly for line in lines), Decimal(0)), f.total_money),
        (YEARLY_COL, sum((line.counted_yearly for line in lines), Decimal(0)), f.total_money),
    )
    for col, value, fmt in sums:
        span = f"{xl_rowcol_to_cell(1, col)}:{xl_rowcol_to_cell(last, col)}"
        sheet.write_formula(total, col, f"=SUM({span})", fmt, value)


def write_adjustment_workbook(
    path: str | Path, overview: RunOverview, lines: Sequence[RunLine]
) -> None:
    """Write the run's workbook: 汇总 (the figures and group totals) and 明细 (one row a person)."""
    workbook = text_workbook(path, {"constant_memory": True})
    formats = _Formats(workbook)
    _write_summary(workbook, formats, overview)
    _write_detail(workbook, formats, overview, lines)
    workbook.close()
