"""The statistics workbook's chart sheets: 等级分布, 年龄结构 and 调级与人工成本.

Each table ends with a 合计 row of live SUM formulas that carry their computed values; each chart
is a native Excel chart over the table, so it stays right when a clerk edits a figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from xlsxwriter.utility import xl_range, xl_rowcol_to_cell

from reports.formatting import chinese_date
from reports.stats.xlsx_style import Formats, nice_bound, print_setup
from workforce.domain.adjustment.plan import ten_thousand_yuan
from workforce.domain.stats.breakdown import sex_totals
from workforce.domain.stats.report import StatsReport

HEADER_ROW = 3
MEN_COLOUR, WOMEN_COLOUR = "#4472C4", "#ED7D31"
POST_COLOURS = ("#C00000", "#ED7D31", "#4472C4", "#70AD47", "#7F7F7F", "#FFC000")


def _top(sheet: Any, f: Formats, title: str, report: StatsReport, width: int) -> None:
    sheet.set_row(0, 28)
    sheet.merge_range(0, 0, 0, width - 1, title, f.title)
    sheet.merge_range(
        1, 0, 1, width - 1, f"{report.unit}　统计日期：{chinese_date(report.as_of)}", f.note
    )
    print_setup(sheet, title, HEADER_ROW + 1)


def _headers(sheet: Any, f: Formats, row: int, labels: Sequence[str]) -> None:
    for col, label in enumerate(labels):
        sheet.write_string(row, col, label, f.header)


def _sum(sheet: Any, row: int, col: int, first: int, last: int, value: Any, fmt: Any) -> None:
    """A SUM over rows ``first``..``last`` of ``col`` that stores its computed value."""
    if last < first:
        sheet.write_number(row, col, value, fmt)
        return
    sheet.write_formula(row, col, f"=SUM({xl_range(first, col, last, col)})", fmt, value)


def write_levels(workbook: Any, f: Formats, report: StatsReport) -> None:
    """Levels as rows, posts as columns (every level of a post's range, blank outside it)."""
    sheet = workbook.add_worksheet("等级分布")
    posts = list(report.levels)
    levels = sorted({level for p in posts for level, _ in p.counts})
    width = len(posts) + 2
    _top(sheet, f, f"{report.unit}社区工作者岗位等级分布", report, max(width, 6))
    sheet.set_column(0, 0, 8)
    sheet.set_column(1, width - 1, 13)
    _headers(sheet, f, HEADER_ROW, ["等级", *(p.name for p in posts), "合计"])
    first = HEADER_ROW + 1
    counts = [dict(p.counts) for p in posts]
    for number, level in enumerate(levels):
        row = first + number
        sheet.write_string(row, 0, f"{level}级", f.cell("text"))
        for col, by_level in enumerate(counts, 1):
            if level in by_level:
                sheet.write_number(row, col, by_level[level], f.cell("count"))
            else:
                sheet.write_blank(row, col, None, f.cell("text"))
        in_row = sum(by_level.get(level, 0) for by_level in counts)
        sheet.write_formula(
            row,
            width - 1,
            f"=SUM({xl_range(row, 1, row, width - 2)})",
            f.cell("count"),
            in_row,
        )
    last = first + len(levels) - 1
    total = last + 1
    sheet.write_string(total, 0, "合计", f.cell("text", total=True))
    for col, post in enumerate(posts, 1):
        _sum(sheet, total, col, first, last, post.total, f.cell("count", total=True))
    everyone = sum(p.total for p in posts)
    _sum(sheet, total, width - 1, first, last, everyone, f.cell("count", total=True))
    if not levels:
        return
    chart = workbook.add_chart({"type": "column"})
    for col, post in enumerate(posts, 1):
        chart.add_series(
            {
                "name": post.name,
                "categories": ["等级分布", first, 0, last, 0],
                "values": ["等级分布", first, col, last, col],
                "fill": {"color": POST_COLOURS[(col - 1) % len(POST_COLOURS)]},
                "gap": 40,
            }
        )
    chart.set_title({"name": "岗位等级分布（人）", "name_font": {"size": 12}})
    chart.set_legend({"position": "bottom"})
    chart.set_y_axis({"num_format": "#,##0", "major_gridlines": {"visible": True}})
    chart.set_size({"width": 760, "height": 380})
    sheet.insert_chart(HEADER_ROW, width + 1, chart)


def write_pyramid(workbook: Any, f: Formats, report: StatsReport) -> None:
    """Bands as rows: men, women, both and their share; a hidden column holds the men as negative
    numbers for the pyramid (the chart shows hidden data and prints absolute values)."""
    name = "年龄结构"
    sheet = workbook.add_worksheet(name)
    _top(sheet, f, f"{report.unit}社区工作者年龄结构", report, 5)
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 4, 11)
    sheet.set_column(6, 6, 10, None, {"hidden": True})
    _headers(sheet, f, HEADER_ROW, ["年龄段", "男", "女", "合计", "占比"])
    sheet.write_string(HEADER_ROW, 6, "男（作图）")
    bands = report.pyramid
    everyone = sum(b.men + b.women for b in bands)
    first = HEADER_ROW + 1
    total_cell = xl_rowcol_to_cell(first + len(bands), 3, row_abs=True, col_abs=True)
    for number, band in enumerate(bands):
        row = first + number
        both = band.men + band.women
        sheet.write_string(row, 0, band.label, f.cell("text"))
        sheet.write_number(row, 1, band.men, f.cell("count"))
        sheet.write_number(row, 2, band.women, f.cell("count"))
        sheet.write_formula(row, 3, f"=B{row + 1}+C{row + 1}", f.cell("count"), both)
        share = Decimal(both) / everyone if everyone else Decimal(0)
        sheet.write_formula(
            row, 4, f"=IF({total_cell}=0,0,D{row + 1}/{total_cell})", f.cell("percent"), share
        )
        sheet.write_formula(row, 6, f"=-B{row + 1}", None, -band.men)
    last = first + len(bands) - 1
    total = last + 1
    men, women = sex_totals(bands)
    sheet.write_string(total, 0, "合计", f.cell("text", total=True))
    for col, value in ((1, men), (2, women), (3, everyone)):
        _sum(sheet, total, col, first, last, value, f.cell("count", total=True))
    sheet.write_number(total, 4, 1 if everyone else 0, f.cell("percent", total=True))
    chart = workbook.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": "男",
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 6, last, 6],
            "fill": {"color": MEN_COLOUR},
            "overlap": 100,
            "gap": 15,
        }
    )
    chart.add_series(
        {
            "name": "女",
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 2, last, 2],
            "fill": {"color": WOMEN_COLOUR},
        }
    )
    chart.show_hidden_data()
    chart.set_title({"name": "年龄结构（人）", "name_font": {"size": 12}})
    widest = nice_bound(max((max(b.men, b.women) for b in bands), default=0))
    chart.set_x_axis(  # symmetric, so the two sides compare at a glance
        {
            "num_format": "#,##0;#,##0",
            "major_gridlines": {"visible": True},
            "min": -widest,
            "max": widest,
        }
    )
    chart.set_y_axis({"label_position": "low"})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 620, "height": 400})
    sheet.insert_chart(HEADER_ROW, 8, chart)


def _adjustments(sheet: Any, f: Formats, report: StatsReport) -> int:
    """The per-year table from ``HEADER_ROW``; returns the row after it."""
    row = HEADER_ROW
    sheet.write_string(row - 1, 0, "调级调薪（已应用的批次）", f.label)
    _headers(sheet, f, row, ["年度", "调级人次", "年度增加资金（元）", "年度增加资金（万元）"])
    first = row + 1
    for number, year in enumerate(report.adjustments):
        at = first + number
        sheet.write_string(at, 0, f"{year.year}年", f.cell("text"))
        sheet.write_number(at, 1, year.person_times, f.cell("count"))
        sheet.write_number(at, 2, year.yearly_cost, f.cell("money"))
        sheet.write_number(at, 3, ten_thousand_yuan(year.yearly_cost), f.cell("money"))
    row = first + len(report.adjustments)
    if not report.adjustments:
        sheet.merge_range(row, 0, row, 3, "暂无已应用的调级批次", f.cell("dash"))
        return row + 1
    last = row - 1
    cost = sum((y.yearly_cost for y in report.adjustments), Decimal(0))
    sheet.write_string(row, 0, "合计", f.cell("text", total=True))
    times = sum(y.person_times for y in report.adjustments)
    _sum(sheet, row, 1, first, last, times, f.cell("count", total=True))
    _sum(sheet, row, 2, first, last, cost, f.cell("money", total=True))
    _sum(sheet, row, 3, first, last, ten_thousand_yuan(cost), f.cell("money", total=True))
    return row + 1


def _payroll(sheet: Any, f: Formats, report: StatsReport, row: int) -> tuple[int, int] | None:
    """The per-month table from ``row``; returns its first and last month rows, if any."""
    sheet.write_string(row - 1, 0, f"工资人工成本（{report.as_of.year}年，已计算的月份）", f.label)
    labels = ["月份", "状态", "发放人数", "应发合计（元）", "单位缴纳（元）", "人工成本（元）"]
    _headers(sheet, f, row, labels)
    first = row + 1
    for number, month in enumerate(report.payroll):
        at = first + number
        sheet.write_string(at, 0, f"{month.period.year}年{month.period.month}月", f.cell("text"))
        sheet.write_string(at, 1, month.status, f.cell("text"))
        sheet.write_number(at, 2, month.headcount, f.cell("count"))
        sheet.write_number(at, 3, month.gross, f.cell("money"))
        sheet.write_number(at, 4, month.employer, f.cell("money"))
        sheet.write_formula(at, 5, f"=D{at + 1}+E{at + 1}", f.cell("money"), month.total)
    row = first + len(report.payroll)
    if not report.payroll:
        sheet.merge_range(row, 0, row, 5, "本年尚无已计算的工资月份", f.cell("dash"))
        return None
    last = row - 1
    sheet.write_string(row, 0, "合计", f.cell("text", total=True))
    sheet.write_blank(row, 1, None, f.cell("text", total=True))
    sheet.write_blank(row, 2, None, f.cell("text", total=True))
    sums = (
        (3, sum((m.gross for m in report.payroll), Decimal(0))),
        (4, sum((m.employer for m in report.payroll), Decimal(0))),
        (5, sum((m.total for m in report.payroll), Decimal(0))),
    )
    for col, value in sums:
        _sum(sheet, row, col, first, last, value, f.cell("money", total=True))
    return first, last


def write_costs(workbook: Any, f: Formats, report: StatsReport) -> None:
    """调级调薪 per year (applied runs) and 人工成本 per month (calculated payroll months)."""
    name = "调级与人工成本"
    sheet = workbook.add_worksheet(name)
    _top(sheet, f, f"{report.unit}调级调薪与人工成本", report, 6)
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 5, 16)
    months = _payroll(sheet, f, report, _adjustments(sheet, f, report) + 2)
    if months is None:
        return
    first, last = months
    chart = workbook.add_chart({"type": "column"})
    chart.add_series(
        {
            "name": "人工成本（元）",
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 5, last, 5],
            "fill": {"color": MEN_COLOUR},
        }
    )
    chart.set_title({"name": "各月人工成本（元）", "name_font": {"size": 12}})
    chart.set_legend({"none": True})
    chart.set_y_axis({"num_format": "#,##0"})
    sheet.insert_chart(HEADER_ROW, 7, chart)


RETIREMENTS = "退休预测"


def write_retirements(workbook: Any, f: Formats, report: StatsReport) -> None:
    """退休预测: per district, the active workers reaching their statutory retirement in each
    year ahead, with a row and a column of totals (SUMs that store their values)."""
    ahead = report.retirements
    sheet = workbook.add_worksheet(RETIREMENTS)
    width = len(ahead.years) + 2
    _top(sheet, f, f"{report.unit}今后{len(ahead.years)}年达到法定退休年龄人数", report, width)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, width - 1, 11)
    _headers(sheet, f, HEADER_ROW, ["区", *(f"{year}年" for year in ahead.years), "合计"])
    first = HEADER_ROW + 1
    if ahead.missing:
        sheet.merge_range(first, 0, first, max(width - 1, 1), ahead.missing, f.cell("dash"))
        return
    for number, (district, counts) in enumerate(ahead.districts):
        at = first + number
        sheet.write_string(at, 0, district, f.cell("text"))
        for col, count in enumerate(counts, 1):
            sheet.write_number(at, col, count, f.cell("count"))
        cells = xl_range(at, 1, at, len(counts))
        sheet.write_formula(at, width - 1, f"=SUM({cells})", f.cell("count"), sum(counts))
    row = first + len(ahead.districts)
    last = row - 1
    sheet.write_string(row, 0, "合计", f.cell("text", total=True))
    for col, total in enumerate((*ahead.totals, sum(ahead.totals)), 1):
        _sum(sheet, row, col, first, last, total, f.cell("count", total=True))
    note = (
        "按渐进式延迟法定退休年龄（2025年1月1日起施行）计算的法定退休时间；"
        "统计对象为当前在职、试用人员，原退休年龄按人员信息，未填写的按本地区默认值"
    )
    sheet.merge_range(row + 2, 0, row + 2, width - 1, note, f.note)
