"""Charts of the statistics PDF, drawn with reportlab.graphics: levels per post (clustered bars),
the age pyramid (men leftwards, women rightwards) and payroll cost per month."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from reports import formatting as fmt
from reports.stats.xlsx_style import nice_bound
from workforce.domain.stats.breakdown import PostLevels, PyramidBand
from workforce.domain.stats.report import PayrollCost

MEN, WOMEN = colors.HexColor("#4472C4"), colors.HexColor("#ED7D31")
POST_COLOURS = tuple(
    colors.HexColor(c) for c in ("#C00000", "#ED7D31", "#4472C4", "#70AD47", "#7F7F7F", "#FFC000")
)
GRID = colors.HexColor("#D9D9D9")
LABEL_SIZE, TITLE_SIZE = 7.0, 9.5


def _drawing(width: float, height: float, font: str) -> Drawing:
    """A drawing whose initial font is ours (else the PDF references an unembedded Times-Roman)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = font
    return drawing


def _title(drawing: Drawing, text: str, font: str) -> None:
    drawing.add(
        String(drawing.width / 2, drawing.height - TITLE_SIZE - 2, text, fontName=font,
               fontSize=TITLE_SIZE, textAnchor="middle")
    )  # fmt: skip


def _legend(drawing: Drawing, font: str, items: Sequence[tuple[colors.Color, str]]) -> None:
    legend = Legend()
    legend.fontName, legend.fontSize = font, LABEL_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 1
    widest = max(stringWidth(name, font, LABEL_SIZE) for _, name in items)
    legend.deltax = widest + 28  # swatch, gap, the longest name, space before the next
    legend.dx = legend.dy = 7
    legend.colorNamePairs = list(items)
    legend.boxAnchor = "nw"
    legend.strokeColor = None
    legend.x, legend.y = (drawing.width - legend.deltax * len(items)) / 2, 14
    drawing.add(legend)


def _axes(chart: VerticalBarChart | HorizontalBarChart, font: str, top: float) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = LABEL_SIZE
        axis.strokeColor = colors.grey
    chart.valueAxis.valueMin = -top if isinstance(chart, HorizontalBarChart) else 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = top / 5
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.labelTextFormat = lambda v: fmt.count(abs(round(v)))


def levels_chart(posts: Sequence[PostLevels], font: str, width: float, height: float) -> Drawing:
    """People per level, one bar colour per post (levels outside a post's range are empty)."""
    drawing = _drawing(width, height, font)
    _title(drawing, "岗位等级分布（人）", font)
    levels = sorted({level for p in posts for level, _ in p.counts}) or [1]
    shown = [p for p in posts if p.total] or list(posts[:1])
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 42, width - 56, height - 70
    chart.data = [[dict(p.counts).get(level, 0) for level in levels] for p in shown] or [[0]]
    chart.categoryAxis.categoryNames = [fmt.level(level) for level in levels]
    chart.groupSpacing, chart.barSpacing = 3, 0
    top = max((max(row) for row in chart.data), default=0)
    _axes(chart, font, nice_bound(max(top * 1.05, 5)))
    for number in range(len(shown)):
        chart.bars[number].fillColor = POST_COLOURS[number % len(POST_COLOURS)]
        chart.bars[number].strokeColor = None
    drawing.add(chart)
    _legend(drawing, font, [(chart.bars[n].fillColor, p.name) for n, p in enumerate(shown)])
    return drawing


def pyramid_chart(bands: Sequence[PyramidBand], font: str, width: float, height: float) -> Drawing:
    """The age pyramid: the youngest band at the bottom, men to the left, women to the right."""
    drawing = _drawing(width, height, font)
    _title(drawing, "年龄结构（人）", font)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 62, 42, width - 82, height - 70
    chart.data = [[-b.men for b in bands], [b.women for b in bands]]
    chart.categoryAxis.categoryNames = [b.label for b in bands]
    chart.categoryAxis.style = "stacked"  # the two sides start at zero
    chart.categoryAxis.joinAxisMode = "left"
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.barWidth, chart.groupSpacing = 10, 3
    top = max((max(b.men, b.women) for b in bands), default=0)
    _axes(chart, font, nice_bound(max(top * 1.05, 5)))
    chart.bars[0].fillColor, chart.bars[1].fillColor = MEN, WOMEN
    chart.bars.strokeColor = None
    drawing.add(chart)
    _legend(drawing, font, [(MEN, "男"), (WOMEN, "女")])
    return drawing


def payroll_chart(months: Sequence[PayrollCost], font: str, width: float, height: float) -> Drawing:
    """人工成本 per month, in 万元."""
    drawing = _drawing(width, height, font)
    _title(drawing, "各月人工成本（万元）", font)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 44, 30, width - 60, height - 52
    wan = [m.total / Decimal(10000) for m in months]
    chart.data = [[float(v) for v in wan]]  # a chart's coordinates: drawing only
    chart.categoryAxis.categoryNames = [f"{m.period.month}月" for m in months]
    top = max((float(v) for v in wan), default=0.0)
    _axes(chart, font, nice_bound(top * 1.05))
    pattern = "{:,.0f}" if top >= 10 else "{:,.1f}"
    chart.valueAxis.labelTextFormat = pattern.format
    chart.bars[0].fillColor, chart.bars[0].strokeColor = MEN, None
    drawing.add(chart)
    return drawing
