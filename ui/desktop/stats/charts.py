"""The dashboard's two charts, with Qt Charts: levels per post (a bar per post and level) and the
age pyramid (men to the left, women to the right). A click on a bar emits the ``Figure`` behind
it, so the dashboard can list those people.

Qt Charts comes with the PySide6-Addons wheel; this module is imported only when the dashboard is
first shown (app start ≤ 1 s).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from ui import formatting as fmt
from workforce.domain.stats.breakdown import Figure, PostLevels, PyramidBand
from workforce.domain.vocab import SEXES

POST_COLOURS = ("#C00000", "#ED7D31", "#4472C4", "#70AD47", "#7F7F7F", "#FFC000")
MEN, WOMEN = "#4472C4", "#ED7D31"


def nice_bound(value: int) -> int:
    """A round axis bound at or above ``value``: 1, 2 or 5 times a power of ten."""
    bound = 1
    while True:
        for step in (1, 2, 5):
            if step * bound >= value:
                return step * bound
        bound *= 10


class FigureChart(QChartView):
    """A chart view whose bars are clickable; ``figure_clicked`` carries the bar's ``Figure``."""

    figure_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFixedHeight(270)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click a bar to list the people behind it"))
        self._empty_chart()

    def _empty_chart(self) -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        title = QFont(self.font())
        title.setPointSizeF(title.pointSizeF() * 1.05)
        title.setBold(True)
        chart.setTitleFont(title)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        return chart

    def _small(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        return small


class LevelsChart(FigureChart):
    """People per level, one bar colour per post."""

    def show_levels(self, posts: Sequence[PostLevels]) -> None:
        chart = self._empty_chart()
        chart.setTitle(self.tr("Levels by post (people)"))
        shown = [p for p in posts if p.total]
        levels = sorted({level for p in shown for level, count in p.counts if count})
        if levels:
            levels = list(range(levels[0], levels[-1] + 1))
        series = QBarSeries()
        series.setBarWidth(0.85)
        for number, post in enumerate(shown):
            counts = dict(post.counts)
            bars = QBarSet(post.name)
            bars.setColor(QColor(POST_COLOURS[number % len(POST_COLOURS)]))
            bars.setBorderColor(bars.color())
            bars.append([counts.get(level, 0) for level in levels])
            bars.setProperty("post", post.post)
            series.append(bars)
        series.clicked.connect(
            lambda index, bars: self.figure_clicked.emit(
                Figure("level", post=str(bars.property("post")), level=levels[index])
            )
        )
        chart.addSeries(series)
        categories = QBarCategoryAxis()  # bare numbers: 18 levels of "N级" do not fit
        categories.append([str(level) for level in levels])
        categories.setTitleText(self.tr("Level"))
        categories.setTitleFont(self._small())
        values = QValueAxis()
        top = max((count for p in shown for _, count in p.counts), default=0)
        values.setRange(0, nice_bound(max(top, 1)))
        values.setLabelFormat("%d")
        values.setTickCount(6)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        chart.legend().setVisible(bool(shown))


class PyramidChart(FigureChart):
    """The age pyramid: the youngest band at the bottom; the value axis counts both ways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(330)  # ten bands, each label readable

    def show_pyramid(self, bands: Sequence[PyramidBand]) -> None:
        chart = self._empty_chart()
        chart.setTitle(self.tr("Age structure (people)"))
        men_label, women_label = SEXES
        men, women = QBarSet(self.tr("Men")), QBarSet(self.tr("Women"))
        for bars, colour, sex in ((men, MEN, men_label), (women, WOMEN, women_label)):
            bars.setColor(QColor(colour))
            bars.setBorderColor(QColor(colour))
            bars.setProperty("sex", sex)
        men.append([-band.men for band in bands])
        women.append([band.women for band in bands])
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.8)
        series.append(men)
        series.append(women)
        series.clicked.connect(
            lambda index, bars: self.figure_clicked.emit(
                Figure("age_band", band=index, sex=str(bars.property("sex")))
            )
        )
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([band.label for band in bands])
        categories.setLabelsFont(self._small())
        categories.setTruncateLabels(False)  # "60岁及以上" whole, not "60…"
        top = nice_bound(max((max(b.men, b.women) for b in bands), default=1) or 1)
        values = QCategoryAxis()  # labels without a sign on the men's side
        values.setRange(-top, top)
        values.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for step in range(-2, 3):  # labels must differ: the spaces tell 50 (men) from 50 (women)
            values.append(fmt.count_text(abs(step * top // 2)) + " " * (step + 2), step * top / 2)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
