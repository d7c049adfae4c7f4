"""The statistics report as a PDF (统计报告, §9): A4, the headline indicators with the same day a
year earlier, the level distribution and the age pyramid as bar charts, the indicators of each
unit one level down, adjustment and payroll cost, and a signature line; page N of M; the CJK font
embedded (``reports.fonts``).

A few pages at most (one row per unit one level down; the workbook has every unit), so platypus
tables are fine here (PERF-NOTES warns against them for 100,000-row rosters, not for this).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from reports import formatting as fmt
from reports.fonts import CjkFont, cjk_font
from reports.stats.charts import levels_chart, payroll_chart, pyramid_chart
from workforce.domain.adjustment.plan import ten_thousand_yuan
from workforce.domain.stats.breakdown import UnitRow
from workforce.domain.stats.indicators import Headline
from workforce.domain.stats.report import StatsReport

MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
HEADER_FILL, TOTAL_FILL, LINE = (
    colors.HexColor("#DDEBF7"),
    colors.HexColor("#FFF2CC"),
    colors.HexColor("#808080"),
)
SIGNATURES = ("填报单位（盖章）：", "填报人：", "审核人：", "日期：")


class _Styles:
    def __init__(self, font: str) -> None:
        self.font = font
        self.title = ParagraphStyle("title", fontName=font, fontSize=17, leading=24,
                                    alignment=TA_CENTER)  # fmt: skip
        grey = colors.HexColor("#404040")
        self.subtitle = ParagraphStyle("subtitle", fontName=font, fontSize=9, leading=13,
                                       alignment=TA_CENTER, textColor=grey)  # fmt: skip
        self.heading = ParagraphStyle("heading", fontName=font, fontSize=11.5, leading=16,
                                      spaceBefore=8, spaceAfter=4, keepWithNext=1)  # fmt: skip
        self.note = ParagraphStyle("note", fontName=font, fontSize=7.5, leading=10, spaceBefore=3,
                                   textColor=grey, wordWrap="CJK")  # fmt: skip
        self.body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13)


def _table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    font: str,
    *,
    header_rows: int = 1,
    total_rows: Sequence[int] = (),
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    size: float = 8,
) -> Table:
    """A ruled table: header rows shaded and repeated on each page, numbers to the right."""
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=header_rows)
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("BACKGROUND", (0, row), (-1, row), TOTAL_FILL) for row in total_rows]
    style += [("SPAN", start, end) for start, end in spans]
    table.setStyle(style)
    return table


def _moved(value: Decimal | None, unit: str) -> str:
    """A change with its unit, or a dash alone when there is nothing to compare."""
    return "—" if value is None else f"{fmt.points(value)} {unit}"


def _with_count(ratio: Any, people: int) -> str:
    return f"{fmt.percent(ratio)}（{fmt.count(people)}人）"


def _headline(report: StatsReport, styles: _Styles) -> Table:
    now, then, change = report.total.current, report.total.previous, report.total.change
    rows = [
        ("指标", "本期", "上年同期", "同比增减"),
        ("在岗人数（人）", fmt.count(now.headcount), fmt.count(then.headcount),
         fmt.signed_count(change.headcount)),
        ("本科以上学历占比", _with_count(now.bachelor_or_above_ratio, now.bachelor_or_above),
         _with_count(then.bachelor_or_above_ratio, then.bachelor_or_above),
         _moved(change.bachelor_or_above_ratio, "个百分点")),
        ("平均年龄（岁）", str(now.average_age), str(then.average_age),
         _moved(change.average_age, "岁")),
        ("35岁以下占比", _with_count(now.under_35_ratio, now.under_35),
         _with_count(then.under_35_ratio, then.under_35),
         _moved(change.under_35_ratio, "个百分点")),
        ("持证率", _with_count(now.certified_ratio, now.certified),
         _with_count(then.certified_ratio, then.certified),
         _moved(change.certified_ratio, "个百分点")),
        ("两委成员占比", _with_count(now.committee_ratio, now.committee),
         _with_count(then.committee_ratio, then.committee),
         _moved(change.committee_ratio, "个百分点")),
        ("本年培训", f"{fmt.count(report.training.person_times)}人次，"
         f"{report.training.hours:,}学时", "—", "—"),
    ]  # fmt: skip
    return _table(rows, (WIDTH * 0.22, WIDTH * 0.28, WIDTH * 0.28, WIDTH * 0.22), styles.font,
                  size=9)  # fmt: skip


def _unit_cells(row: UnitRow) -> list[str]:
    now: Headline = row.current
    change = row.change
    return [
        row.name,
        fmt.count(now.headcount),
        fmt.signed_count(change.headcount),
        fmt.percent(now.bachelor_or_above_ratio),
        fmt.points(change.bachelor_or_above_ratio),
        str(now.average_age),
        fmt.points(change.average_age),
        fmt.percent(now.under_35_ratio),
        fmt.points(change.under_35_ratio),
        fmt.percent(now.certified_ratio),
        fmt.points(change.certified_ratio),
        fmt.percent(now.committee_ratio),
        fmt.points(change.committee_ratio),
    ]


def _table_depth(report: StatsReport) -> int:
    """One level down, or further while a level holds a single unit (a database of one district
    lists its streets)."""
    depth = 1
    while sum(1 for r in report.rows if r.depth == depth) == 1 and any(
        r.depth == depth + 1 for r in report.rows
    ):
        depth += 1
    return depth


def _units(report: StatsReport, styles: _Styles) -> Table:
    """The scope and each unit one level down, with the change since a year earlier."""
    groups = ("在岗人数", "本科以上占比", "平均年龄", "35岁以下占比", "持证率", "两委成员占比")
    first = ["单位"]
    for name in groups:
        first += [name, ""]
    second = ["", *(["本期", "同比"] * len(groups))]
    shown = [report.rows[0], *(r for r in report.rows[1:] if r.depth == _table_depth(report))]
    body = [_unit_cells(row) for row in shown]
    body[0][0] = f"合计（{body[0][0]}）" if report.rows[0].kind != "all" else "合计"
    spans = [((0, 0), (0, 1))] + [((c, 0), (c + 1, 0)) for c in range(1, 13, 2)]
    column = (WIDTH - 86) / 12
    return _table([first, second, *body], (86, *([column] * 12)), styles.font, header_rows=2,
                  total_rows=(2,), spans=spans, size=7.2)  # fmt: skip


def _costs(report: StatsReport, styles: _Styles) -> list[Any]:
    flow: list[Any] = [Paragraph("五、调级调薪与人工成本", styles.heading)]
    if report.adjustments:
        rows = [("年度", "调级人次", "年度增加资金（元）", "年度增加资金（万元）")]
        rows += [
            (f"{a.year}年", fmt.count(a.person_times), fmt.yuan(a.yearly_cost),
             fmt.yuan(ten_thousand_yuan(a.yearly_cost)))
            for a in report.adjustments
        ]  # fmt: skip
        flow.append(_table(rows, [WIDTH / 4] * 4, styles.font, size=8.5))
    else:
        flow.append(Paragraph("调级调薪：暂无已应用的调级批次。", styles.body))
    flow.append(Spacer(1, 6))
    if not report.payroll:
        flow.append(Paragraph(f"工资人工成本：{report.as_of.year}年尚无已计算的工资月份。",
                              styles.body))  # fmt: skip
        return flow
    rows = [("月份", "状态", "发放人数", "应发合计（元）", "单位缴纳（元）", "人工成本（元）")]
    rows += [
        (fmt.month(m.period), m.status, fmt.count(m.headcount), fmt.yuan(m.gross),
         fmt.yuan(m.employer), fmt.yuan(m.total))
        for m in report.payroll
    ]  # fmt: skip
    flow.append(_table(rows, [WIDTH / 6] * 6, styles.font, size=8.5))
    flow.append(payroll_chart(report.payroll, styles.font, WIDTH, 170))
    return flow


def _retirements(report: StatsReport, styles: _Styles) -> list[Any]:
    """六、退休预测: per district and year ahead, with the totals."""
    ahead = report.retirements
    heading = f"六、今后{len(ahead.years) or 5}年达到法定退休年龄人数"
    flow: list[Any] = [Paragraph(heading, styles.heading)]
    if ahead.missing:
        flow.append(Paragraph(f"{ahead.missing}。", styles.body))
        return flow
    rows = [("区", *(f"{year}年" for year in ahead.years), "合计")]
    rows += [
        (district, *(fmt.count(n) for n in counts), fmt.count(sum(counts)))
        for district, counts in ahead.districts
    ]
    rows.append(("合计", *(fmt.count(n) for n in ahead.totals), fmt.count(sum(ahead.totals))))
    first = WIDTH * 0.22
    column = (WIDTH - first) / (len(ahead.years) + 1)
    widths = [first, *([column] * (len(ahead.years) + 1))]
    flow.append(_table(rows, widths, styles.font, total_rows=(len(rows) - 1,), size=8.5))
    flow.append(
        Paragraph(
            "按渐进式延迟法定退休年龄（2025年1月1日起施行）计算的法定退休时间；统计对象为当前在职、"
            "试用人员，原退休年龄按人员信息，未填写的按本地区默认值。",
            styles.note,
        )
    )
    return flow


def _signatures(styles: _Styles) -> Table:
    table = Table([list(SIGNATURES)], colWidths=[WIDTH * 0.34, WIDTH * 0.22, WIDTH * 0.22,
                                                 WIDTH * 0.22])  # fmt: skip
    table.setStyle([("FONT", (0, 0), (-1, -1), styles.font, 9.5)])
    return table


class _NumberedCanvas(Canvas):
    """Draws "第 N 页，共 M 页" once the page count is known (every page is kept until save)."""

    def __init__(self, *args: Any, footer_font: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer_font = footer_font
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, page in enumerate(self._pages, 1):
            self.__dict__.update(page)
            self.setFont(self._footer_font, 8)
            self.drawCentredString(
                A4[0] / 2, MARGIN / 2, f"第 {number} 页，共 {len(self._pages)} 页"
            )
            super().showPage()
        super().save()


def write_stats_pdf(path: str | Path, report: StatsReport) -> CjkFont:
    """Write the report; returns the font used, whose ``message`` says when no embeddable
    Chinese font was found."""
    font = cjk_font()
    styles = _Styles(font.name)
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=report.title, author=report.unit, subject="社区工作者统计",
        initialFontName=font.name,
    )  # fmt: skip
    gap = "&nbsp;" * 6
    dates = (
        f"统计范围：{report.unit}{gap}统计日期：{fmt.chinese_date(report.as_of)}{gap}"
        f"上年同期：{fmt.chinese_date(report.previous)}"
    )
    story: list[Any] = [
        Paragraph(report.title, styles.title),
        Paragraph(dates, styles.subtitle),
        Paragraph("一、主要指标", styles.heading),
        _headline(report, styles),
        Paragraph(
            "统计对象为统计日期当天在职、试用且已进入社区工作的人员（离职、调动按生效日期计入）；"
            "年龄按周岁，35岁以下指未满35周岁；学历按最高学历；持证指已取得社会工作者职业水平证书。"
            "同比增减为本期与上年同期数值之差，比例以百分点计。",
            styles.note,
        ),
        KeepTogether([Paragraph("二、岗位等级分布", styles.heading),
                      levels_chart(report.levels, font.name, WIDTH, 215)]),
        KeepTogether([Paragraph("三、年龄结构", styles.heading),
                      pyramid_chart(report.pyramid, font.name, WIDTH, 225)]),
        Paragraph("四、分单位指标", styles.heading),
        _units(report, styles),
        *_costs(report, styles),
        *_retirements(report, styles),
        Spacer(1, 28),
        _signatures(styles),
    ]  # fmt: skip
    doc.build(story, canvasmaker=partial(_NumberedCanvas, footer_font=font.name))
    return font
