"""The dashboard's charts, with Qt Charts: levels per post (a bar per post and level) and the
age pyramid (men to the left, women to the right): a click on a bar emits the ``Figure`` behind
it, so the dashboard can list those people; and the statutory retirements per year ahead.

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
from PySide6.QtCore import QMargins, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from ui import formatting as fmt
from workforce.domain.stats.breakdown import Figure, PostLevels, PyramidBand
from workforce.domain.stats.report import RetirementsAhead
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


def whole_ticks(bound: int) -> int:
    """Ticks from 0 to a ``nice_bound`` that fall on whole people: 1 → 0, 1; 2 → 0, 1, 2;
    5 → 0…5; 10 → 0, 2 … 10; 20 → 0, 5 … 20; 50 → 0, 10 … 50 (a count of people has no 0.2)."""
    if bound < 5:
        return bound + 1
    return 5 if str(bound)[0] == "2" else 6


def pyramid_labels(top: int) -> list[tuple[int, int]]:
    """The age pyramid's labels as (people, place): both sides' bound and, where it is a whole
    number, its half (1 or 5 people have no whole half: 0 and the bounds only)."""
    steps = (-2, -1, 0, 1, 2) if top % 2 == 0 else (-2, 0, 2)
    return [(abs(step * top // 2), step) for step in steps]


class ChartView(QChartView):
    """A chart of the dashboard: its look (title, margins, no animation) and its small print."""

    def __init__(self, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFixedHeight(height)
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

    @staticmethod
    def _counted_bars(
        chart: QChart, series: QBarSeries, categories: QBarCategoryAxis, bound: int
    ) -> None:
        """Bars over ``categories`` along the bottom, a count of people up the side from 0 to
        ``bound`` with its ticks on whole people."""
        values = QValueAxis()
        values.setRange(0, bound)
        values.setLabelFormat("%d")
        values.setTickCount(whole_ticks(bound))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)

    @staticmethod
    def _text_above(painter: QPainter, text: str, point: QPointF) -> None:
        """``text`` centred just above ``point`` (the middle of a bar's top)."""
        wide = painter.fontMetrics().horizontalAdvance(text)
        painter.drawText(QPointF(point.x() - wide / 2, point.y() - 3), text)


class FigureChart(ChartView):
    """A chart view whose bars are clickable; ``figure_clicked`` carries the bar's ``Figure``."""

    figure_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(270, parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click a bar to list the people behind it"))


MIN_BAR = 0.02  # of the value axis: a level with one person in a post of hundreds still shows


class LevelsChart(FigureChart):
    """People per level, one bar colour per post. Each bar with people is at least ``MIN_BAR``
    of the axis high and has its count written above it, so a level of a few people is read as
    easily as a full one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[QBarSet, int, int]] = []  # (set, category, people): the labels
        self._series: QBarSeries | None = None

    def show_levels(self, posts: Sequence[PostLevels]) -> None:
        chart = self._empty_chart()
        chart.setTitle(self.tr("Levels by post (people)"))
        shown = [p for p in posts if p.total]
        levels = sorted({level for p in shown for level, count in p.counts if count})
        if levels:
            levels = list(range(levels[0], levels[-1] + 1))
        top = max((count for p in shown for _, count in p.counts), default=0)
        bound = nice_bound(max(top + top // 8 + 1, 1))  # room above the tallest for its count
        series = QBarSeries()
        series.setBarWidth(0.85)
        self.bars = []
        for number, post in enumerate(shown):
            counts = dict(post.counts)
            bars = QBarSet(post.name)
            bars.setColor(QColor(POST_COLOURS[number % len(POST_COLOURS)]))
            bars.setBorderColor(bars.color())
            people = [counts.get(level, 0) for level in levels]
            bars.append([max(n, bound * MIN_BAR) if n else 0 for n in people])
            bars.setProperty("post", post.post)
            series.append(bars)
            self.bars += [(bars, place, n) for place, n in enumerate(people) if n]
        series.clicked.connect(
            lambda index, bars: self.figure_clicked.emit(
                Figure("level", post=str(bars.property("post")), level=levels[index])
            )
        )
        series.hovered.connect(
            lambda on, index, bars: self.setToolTip(
                f"{bars.label()} {fmt.level_text(levels[index])}：{self._count(bars, index)}"
                if on
                else self.tr("Click a bar to list the people behind it")
            )
        )
        self._series = series
        chart.addSeries(series)
        categories = QBarCategoryAxis()  # bare numbers: 18 levels of "N级" do not fit
        categories.append([str(level) for level in levels])
        categories.setTitleText(self.tr("Level") if levels else "")  # no people: a bare frame
        categories.setTitleFont(self._small())
        self._counted_bars(chart, series, categories, bound)
        chart.legend().setVisible(bool(shown))
        self.viewport().update()

    def _count(self, bars: QBarSet, index: int) -> str:
        found = (n for s, place, n in self.bars if s is bars and place == index)
        return fmt.count_text(next(found, 0))

    def label_places(self) -> list[tuple[str, QPointF]]:
        """Each count and the point above its bar (the middle of its top), in scene coordinates."""
        series, chart = self._series, self.chart()
        if series is None or not self.bars:
            return []
        sets = series.barSets()
        width = series.barWidth() / len(sets)
        places = []
        for bars, category, people in self.bars:
            number = sets.index(bars)
            x = category - series.barWidth() / 2 + (number + 0.5) * width
            point = chart.mapToPosition(QPointF(x, bars.at(category)), series)
            places.append((fmt.count_text(people), chart.mapToScene(point)))
        return places

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        places = self.label_places()
        if not places:
            return
        series = self._series
        assert series is not None
        plot = self.chart().plotArea()
        bar = plot.width() / max(series.barSets()[0].count(), 1) * series.barWidth()
        bar /= len(series.barSets())
        painter.save()
        painter.setFont(self._small())
        painter.setPen(QColor("#262626"))
        metrics = painter.fontMetrics()
        upright = all(metrics.horizontalAdvance(text) <= bar + 4 for text, _ in places)
        for text, point in places:  # all upright above their bars, or all written upwards
            if upright:
                self._text_above(painter, text, point)
            else:
                painter.save()
                painter.translate(point.x() + metrics.ascent() / 2 - 1, point.y() - 3)
                painter.rotate(-90)
                painter.drawText(QPointF(0, 0), text)
                painter.restore()
        painter.restore()


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
        for people, step in pyramid_labels(top):  # labels must differ: the spaces tell 50 (men)
            values.append(fmt.count_text(people) + " " * (step + 2), step * top / 2)  # from 50
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)


class RetirementsChart(ChartView):
    """退休预测: how many of today's active workers reach their statutory retirement in each of
    the years ahead (the statistics export's table, its totals), the count above each bar; the
    tooltip has them per district."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(210, parent)
        self.counts: tuple[tuple[int, int], ...] = ()  # (year, people)
        self._series: QBarSeries | None = None

    def show_retirements(self, ahead: RetirementsAhead) -> None:
        self.counts = tuple(zip(ahead.years, ahead.totals, strict=True))
        chart = self._empty_chart()
        chart.setTitle(self.tr("Statutory retirements ahead (people)"))
        chart.legend().setVisible(False)
        bars = QBarSet(self.tr("Retirements"))
        bars.setColor(QColor(MEN))
        bars.setBorderColor(QColor(MEN))
        bars.append([people for _, people in self.counts])
        series = QBarSeries()
        series.setBarWidth(0.6)
        series.append(bars)
        chart.addSeries(series)
        years = QBarCategoryAxis()
        years.append([self._year(year) for year, _ in self.counts])
        top = max((people for _, people in self.counts), default=0)
        bound = nice_bound(max(top + top // 5 + 1, 1))  # room for the counts
        self._counted_bars(chart, series, years, bound)
        self._series = series
        self.setToolTip(
            "\n".join(
                f"{name}: "
                + "，".join(
                    f"{self._year(year)} {fmt.count_text(n)}"
                    for year, n in zip(ahead.years, counts, strict=True)
                )
                for name, counts in ahead.districts
            )
        )
        self.viewport().update()

    def _year(self, year: int) -> str:
        return self.tr("Year %1").replace("%1", str(year))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Each year's count above its bar (Qt's own bar labels do not show here)."""
        super().drawForeground(painter, rect)
        series, chart = self._series, self.chart()
        if series is None or not self.counts:
            return
        painter.save()
        painter.setFont(self._small())
        painter.setPen(QColor("#262626"))
        for place, (_year, people) in enumerate(self.counts):
            top = chart.mapToScene(chart.mapToPosition(QPointF(place, people), series))
            self._text_above(painter, fmt.count_text(people), top)
        painter.restore()
