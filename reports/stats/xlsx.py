"""The statistics workbook (统计表, §9) for leadership and the city: four sheets.

指标: the indicators of the scope and of every district, street and community below it on the
as-of date, the same figures on the same day a year earlier, and the change (people, percentage
points, years); percentages are real Excel percentages. 等级分布 and 年龄结构: the tables with a
native column chart and a native pyramid (a bar chart with the men drawn leftwards). 调级与人工成本:
adjustment person-times and cost per year and payroll cost per month, with totals that are live
formulas carrying their computed values (a program reading the file without recalculating sees
the right figures). One row per unit: a few thousand rows at most, so not in constant-memory mode
(its merged two-row headers need the rows written out of order).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from reports.cell_text import text_workbook
from reports.formatting import chinese_date
from reports.stats.xlsx_sheets import write_costs, write_levels, write_pyramid, write_retirements
from reports.stats.xlsx_style import KIND_NAMES, Formats, print_setup
from workforce.domain.stats.breakdown import UnitRow
from workforce.domain.stats.indicators import Change, Headline
from workforce.domain.stats.report import StatsReport

INDICATORS = "指标"
NOW_COLUMNS: tuple[tuple[str, str], ...] = (
    ("在岗人数", "count"),
    ("本科以上\n人数", "count"),
    ("本科以上\n占比", "percent"),
    ("平均年龄\n（岁）", "age"),
    ("35岁以下\n人数", "count"),
    ("35岁以下\n占比", "percent"),
    ("持证人数", "count"),
    ("持证率", "percent"),
    ("两委成员\n人数", "count"),
    ("两委成员\n占比", "percent"),
)
THEN_COLUMNS: tuple[tuple[str, str], ...] = (
    ("在岗人数", "count"),
    ("本科以上\n占比", "percent"),
    ("平均年龄\n（岁）", "age"),
    ("35岁以下\n占比", "percent"),
    ("持证率", "percent"),
    ("两委成员\n占比", "percent"),
)
CHANGE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("在岗人数\n（人）", "signed_count"),
    ("本科以上\n（百分点）", "points"),
    ("平均年龄\n（岁）", "points"),
    ("35岁以下\n（百分点）", "points"),
    ("持证率\n（百分点）", "points"),
    ("两委成员\n（百分点）", "points"),
)
UNIT_COLUMNS = (("单位", 26), ("层级", 7), ("上级单位", 16))
FIRST_DATA_ROW = 5


def _now(h: Headline) -> tuple[int | Decimal, ...]:
    return (
        h.headcount,
        h.bachelor_or_above,
        h.bachelor_or_above_ratio / 100,
        h.average_age,
        h.under_35,
        h.under_35_ratio / 100,
        h.certified,
        h.certified_ratio / 100,
        h.committee,
        h.committee_ratio / 100,
    )


def _then(h: Headline) -> tuple[int | Decimal, ...]:
    return (
        h.headcount,
        h.bachelor_or_above_ratio / 100,
        h.average_age,
        h.under_35_ratio / 100,
        h.certified_ratio / 100,
        h.committee_ratio / 100,
    )


def _change(c: Change) -> tuple[int | Decimal | None, ...]:
    return (
        c.headcount,
        c.bachelor_or_above_ratio,
        c.average_age,
        c.under_35_ratio,
        c.certified_ratio,
        c.committee_ratio,
    )


def _parents(rows: tuple[UnitRow, ...]) -> list[str]:
    """Each row's parent's name: the last row seen one level up (rows are depth first)."""
    latest: dict[int, str] = {}
    found = []
    for row in rows:
        found.append(latest.get(row.depth - 1, "") if row.depth > 1 else "")
        latest[row.depth] = row.name
    return found


def _header(sheet: Any, f: Formats, report: StatsReport) -> int:
    """Title, scope and dates, and the two header rows; returns the last column."""
    groups = (
        (f"本期（{chinese_date(report.as_of)}）", NOW_COLUMNS),
        (f"上年同期（{chinese_date(report.previous)}）", THEN_COLUMNS),
        ("同比增减", CHANGE_COLUMNS),
    )
    last = len(UNIT_COLUMNS) + sum(len(columns) for _, columns in groups) - 1
    sheet.set_row(0, 30)
    sheet.merge_range(0, 0, 0, last, report.title, f.title)
    sheet.merge_range(
        1,
        0,
        1,
        last,
        f"统计范围：{report.unit}　　统计日期：{chinese_date(report.as_of)}　　"
        "口径：在职、试用人员；年龄按周岁；35岁以下指未满35周岁；持证指持社会工作者职业水平证书",
        f.note,
    )
    for col, (label, width) in enumerate(UNIT_COLUMNS):
        sheet.set_column(col, col, width)
        sheet.merge_range(3, col, 4, col, label, f.header)
    col = len(UNIT_COLUMNS)
    sheet.set_row(4, 32)
    for label, columns in groups:
        sheet.merge_range(3, col, 3, col + len(columns) - 1, label, f.header)
        for offset, (text, _) in enumerate(columns):
            sheet.write_string(4, col + offset, text, f.header)
            sheet.set_column(col + offset, col + offset, 9.5)
        col += len(columns)
    return last


def _write_indicators(workbook: Any, f: Formats, report: StatsReport) -> None:
    sheet = workbook.add_worksheet(INDICATORS)
    last = _header(sheet, f, report)
    print_setup(sheet, report.title, FIRST_DATA_ROW)
    sheet.freeze_panes(FIRST_DATA_ROW, 1)
    kinds = (*NOW_COLUMNS, *THEN_COLUMNS, *CHANGE_COLUMNS)
    for number, (row, parent) in enumerate(zip(report.rows, _parents(report.rows), strict=True)):
        at = FIRST_DATA_ROW + number
        total = number == 0
        level = "合计" if total else KIND_NAMES.get(row.kind, row.kind)
        sheet.write_string(at, 0, row.name, f.unit(row.depth, total=total))
        sheet.write_string(at, 1, level, f.cell("text", total=total))
        sheet.write_string(at, 2, parent, f.cell("text", total=total))
        values = (*_now(row.current), *_then(row.previous), *_change(row.change))
        for col, ((_, kind), value) in enumerate(zip(kinds, values, strict=True), 3):
            if value is None:
                sheet.write_string(at, col, "—", f.cell("dash", total=total))
            else:
                sheet.write_number(at, col, value, f.cell(kind, total=total))
    sheet.autofilter(4, 0, FIRST_DATA_ROW + len(report.rows) - 1, last)


def _write_notes(workbook: Any, f: Formats, report: StatsReport) -> None:
    """培训 and the indicators' rules, on a short last sheet."""
    sheet = workbook.add_worksheet("说明")
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 80)
    lines = (
        ("统计范围", report.unit),
        ("统计日期", chinese_date(report.as_of)),
        ("上年同期", chinese_date(report.previous)),
        ("本年培训人次", f"{report.training.person_times:,}"),
        ("本年培训学时", f"{report.training.hours:,}"),
        ("统计对象", "统计日期当天在职、试用且已进入社区工作的人员；离职、调动按生效日期计入"),
        ("年龄", "按统计日期的周岁计算；35岁以下指未满35周岁"),
        ("学历", "按最高学历（含在职学历）；本科以上含本科、硕士、博士"),
        ("持证", "统计日期前已取得社会工作者职业水平证书"),
        ("同比增减", "本期与上年同期已四舍五入的数值之差；上年同期无人员的单位不作比较（—）"),
    )
    print_setup(sheet, report.title, 0)
    sheet.write_string(0, 0, report.title, f.label)
    for number, (label, text) in enumerate(lines, 2):
        sheet.write_string(number, 0, label, f.label)
        sheet.write_string(number, 1, text)


def write_stats_workbook(path: str | Path, report: StatsReport) -> None:
    """Write the statistics workbook of ``report``."""
    workbook = text_workbook(path)  # at most a few thousand rows: merges need random access
    workbook.set_properties({"title": report.title, "subject": "社区工作者统计"})
    formats = Formats(workbook)
    _write_indicators(workbook, formats, report)
    write_levels(workbook, formats, report)
    write_pyramid(workbook, formats, report)
    write_costs(workbook, formats, report)
    write_retirements(workbook, formats, report)
    _write_notes(workbook, formats, report)
    workbook.close()
