"""工资总额测算 (issue 19) as a PDF for the leadership meeting: A4 landscape, the title, the
assumptions and each scenario's terms, 人工成本合计 per year side by side with the differences, a
bar chart, each scenario year by year, and the signature block; page N of M, CJK font embedded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from reports import formatting as fmt
from reports.fonts import CjkFont, cjk_font
from reports.stats.budget_tables import Table as Figures
from reports.stats.budget_tables import detail, projections, scenario_terms, summary, wan
from reports.stats.budget_xlsx import title_of
from reports.stats.pdf import MARGIN, _NumberedCanvas, _Styles, _table
from workforce.domain.adjustment.projection import BudgetReport

PAGE = landscape(A4)
WIDTH = PAGE[0] - 2 * MARGIN
SIGNATURES = ("编制单位（盖章）：", "制表人：", "审核人：", "单位负责人：", "日期：")
GAP = "&nbsp;" * 6
SERIES = ("#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47")


def _cells(table: Figures) -> list[list[str]]:
    rows = [list(table.headers)]
    for values in table.rows:
        cells = []
        for col, value in enumerate(values):
            if isinstance(value, Decimal) and col >= table.money_from:
                cells.append(fmt.yuan(value))
            elif isinstance(value, int):
                cells.append(fmt.count(value))
            else:
                cells.append(str(value))
        rows.append(cells)
    return rows


def _figures(table: Figures, font: str) -> Table:
    rows = _cells(table)
    first = WIDTH * 0.1
    rest = (WIDTH - first) / max(1, len(table.headers) - 1)
    totals = [i for i, r in enumerate(rows) if r[0] == "合计"]
    return _table(rows, [first] + [rest] * (len(table.headers) - 1), font, total_rows=totals)


def _chart(report: BudgetReport, font: str) -> Drawing:
    drawing = Drawing(WIDTH, 200)
    drawing.add(String(WIDTH / 2, 186, "人工成本合计（万元）", fontName=font, fontSize=10,
                       textAnchor="middle"))  # fmt: skip
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 60, 40, WIDTH - 200, 135
    all_runs = projections(report)
    chart.data = [[float(wan(y.total.total)) for y in p.years] for p in all_runs]  # drawing only
    chart.categoryAxis.categoryNames = [f"{y.year}年" for y in report.baseline.years]
    chart.categoryAxis.labels.fontName = font
    chart.valueAxis.labels.fontName = font
    lowest = min((v for series in chart.data for v in series), default=0.0)
    chart.valueAxis.valueMin = max(0.0, lowest * 0.9)
    for index in range(len(all_runs)):
        chart.bars[index].fillColor = colors.HexColor(SERIES[index % len(SERIES)])
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = WIDTH - 130, 160
    legend.fontName, legend.fontSize = font, 8
    legend.colorNamePairs = [
        (colors.HexColor(SERIES[i % len(SERIES)]), p.scenario.name) for i, p in enumerate(all_runs)
    ]
    drawing.add(legend)
    return drawing


def write_budget_pdf(
    path: str | Path, report: BudgetReport, today: dt.date | None = None
) -> CjkFont:
    """Write the PDF; returns the font used (its ``message`` says when none could be embedded)."""
    font = cjk_font()
    styles = _Styles(font.name)
    title = title_of(report)
    doc = SimpleDocTemplate(
        str(path), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=title, subject="工资总额测算", initialFontName=font.name,
    )  # fmt: skip
    made = today or dt.date.today()
    story: list[Any] = [
        Paragraph(title, styles.title),
        Paragraph(
            f"测算人数：{fmt.count(report.people)}人{GAP}编制日期：{fmt.chinese_date(made)}",
            styles.subtitle,
        ),
        Paragraph("一、测算假设", styles.heading),
    ]
    story += [
        Paragraph(f"{i}. {note}", styles.note) for i, note in enumerate(report.assumptions, 1)
    ]
    for projection in report.scenarios:
        terms = "；".join(scenario_terms(projection)) or "与基线相同"
        story.append(Paragraph(f"情景「{projection.scenario.name}」：{terms}", styles.note))
    if report.overdue:
        story.append(
            Paragraph(
                f"测算人数中有{report.overdue}名在职人员已过法定退休时间，未计入测算。", styles.note
            )
        )
    story += [
        Paragraph("二、人工成本合计对比", styles.heading),
        _figures(summary(report), font.name),
        Spacer(1, 6),
        _chart(report, font.name),
    ]
    for number, projection in enumerate(projections(report), start=3):
        story += [
            Paragraph(
                f"{fmt.count(number)}、{projection.scenario.name}逐年测算（元）", styles.heading
            ),
            _figures(detail(projection), font.name),
        ]
    signatures = Table([list(SIGNATURES)], colWidths=[WIDTH / len(SIGNATURES)] * len(SIGNATURES))
    signatures.setStyle([("FONT", (0, 0), (-1, -1), font.name, 9.5)])
    story += [Spacer(1, 28), signatures]
    doc.build(story, canvasmaker=partial(_NumberedCanvas, footer_font=font.name))
    return font
