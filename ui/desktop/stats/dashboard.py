"""The dashboard (统计看板): the indicators of the unit selected in the organisation tree on a
date, with the change since the same day a year earlier, the levels and the age pyramid, the
units one level down, the statutory retirements in each of the five years ahead (as the export
counts them), and the money figures. Every figure with people behind it is clickable
and lists them (``people_dialog``).

The statistics are read off the GUI thread (``ui.tasks``); a newer request makes an older
result stale, so quickly stepping through the tree shows only the last unit asked for.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.stats.charts import LevelsChart, PyramidChart, RetirementsChart
from ui.desktop.stats.units import UnitRowsModel
from ui.desktop.widgets.print_preview import show_preview
from ui.desktop.widgets.tables import DataTable, make_table
from ui.tasks import run_task
from workforce.domain.stats.breakdown import Figure

if TYPE_CHECKING:
    from decimal import Decimal

    from workforce.domain.progress import CancelToken, ProgressFn
    from workforce.domain.stats.report import StatsWorkspace
    from workforce.services.context import Actor, Database

RELOAD_DELAY_MS = 200


class Tile(QFrame):
    """One clickable figure: a caption, the value, and the change since a year earlier."""

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption)
        self.value = QLabel("—")
        self.change = QLabel()
        self.value.setObjectName("tile-value")
        self.change.setObjectName("tile-change")
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 6)
        column.setSpacing(1)
        for label in (self.caption, self.value, self.change):
            column.addWidget(label)

    def show_figures(self, value: str, change: str, tip: str) -> None:
        self.value.setText(value)
        self.change.setText(change)
        self.setToolTip(tip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


STYLE = """
QFrame#tile { background: palette(base); border: 1px solid #c8d3e0; border-radius: 4px; }
QFrame#tile:hover { background: #eaf2fb; border-color: #4472c4; }
QLabel#tile-value { font-size: 17pt; font-weight: 600; color: #1f3864; }
QLabel#tile-change { color: #595959; }
QLabel#dashboard-title { font-size: 13pt; font-weight: 600; }
"""


class DashboardPanel(QScrollArea):
    """Shows a ``StatsWorkspace``; asks for one with ``load``; ``figure_clicked`` carries the
    figure and the worker ids behind it."""

    figure_clicked = Signal(str, list)  # title, worker ids
    unit_chosen = Signal(object)  # a unit of the sub-unit table, to select in the tree
    loaded = Signal()
    exported = Signal(str)  # the file written

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: StatsWorkspace | None = None
        self._request = 0
        self._pending: tuple[Database, Actor, int | None] | None = None
        self._timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._timer.timeout.connect(self._start)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setStyleSheet(STYLE)
        self.setWidget(body)
        self.title = QLabel(self.tr("Statistics"))
        self.title.setObjectName("dashboard-title")
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.dateChanged.connect(lambda _date: self._again())
        self.state = QLabel()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(
            self.tr("The statistics table of the unit shown, to print or save")
        )
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(lambda _checked=False: self.print_report())
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("What the dashboard shows, as an Excel workbook or a PDF with charts")
        )
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda _checked=False: self.export_dialog())
        self.tiles = {
            "headcount": Tile(self.tr("Workers in post")),
            "bachelor_or_above": Tile(self.tr("Bachelor's degree or above")),
            "average_age": Tile(self.tr("Average age")),
            "under_35": Tile(self.tr("Under 35")),
            "certified": Tile(self.tr("Certified social workers")),
            "committee": Tile(self.tr("Committee members")),
        }
        for kind, tile in self.tiles.items():  # the average age is of everyone counted
            figure = Figure("headcount" if kind == "average_age" else kind)
            tile.clicked.connect(lambda figure=figure: self._clicked(figure))
        self.levels = LevelsChart()
        self.pyramid = PyramidChart()
        self.levels.figure_clicked.connect(self._clicked)
        self.pyramid.figure_clicked.connect(self._clicked)
        self.retirements = RetirementsChart()
        self.units = UnitRowsModel()
        self.units_view = self._units_view()
        self.money = QLabel()
        self.money.setWordWrap(True)
        self._layout(body)

    def _units_view(self) -> DataTable:
        view = make_table(
            self.units, settings_key="dashboard-units", title=self.tr("Units one level down")
        )
        view.setMinimumHeight(220)
        view.setToolTip(self.tr("Double-click a unit to select it in the tree"))
        view.doubleClicked.connect(
            lambda index: self.unit_chosen.emit(self.units.unit_at(index.row()))
        )
        return view

    def _layout(self, body: QWidget) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("As of")))
        top.addWidget(self.as_of)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        grid = QGridLayout()  # the six figures in a row: the tab is as wide as the window
        grid.setSpacing(6)
        for number, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, 0, number)
        units = QVBoxLayout()
        self.units_label: QLabel = QLabel(self.tr("Units one level down"))
        units.addWidget(self.units_label)
        units.addWidget(self.units_view, 1)
        units.addWidget(self.retirements)
        units.addWidget(self.money)
        below = QHBoxLayout()  # the levels take the whole width; the pyramid beside the units
        below.addWidget(self.pyramid, 2, Qt.AlignmentFlag.AlignTop)
        below.addLayout(units, 3)
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 6, 8, 8)
        column.addLayout(top)
        column.addWidget(self.state)
        column.addLayout(grid)
        column.addWidget(self.levels)
        column.addLayout(below)
        column.addStretch(1)

    # -- loading --------------------------------------------------------------------------------
    def load(self, db: Database, actor: Actor, unit_id: int | None) -> None:
        """Ask for the statistics of ``unit_id`` (None: everything); the last request wins."""
        self._pending = (db, actor, unit_id)
        self._timer.start()

    def _again(self) -> None:
        if self._pending is not None:
            self._timer.start()

    def as_of_date(self) -> dt.date:
        date = self.as_of.date()
        return dt.date(date.year(), date.month(), date.day())

    def _start(self) -> None:
        from workforce.services.stats.report import statistics_workspace

        if self._pending is None:
            return
        db, actor, unit_id = self._pending
        as_of = self.as_of_date()
        self._request += 1
        request = self._request
        self.state.setText(self.tr("Counting…"))

        def operation(progress: ProgressFn, cancel: CancelToken) -> StatsWorkspace:
            return statistics_workspace(db, actor, as_of=as_of, unit_id=unit_id)

        def done(workspace: StatsWorkspace) -> None:
            if request == self._request:  # an older answer arriving late is dropped
                self.show_workspace(workspace)

        def failed(exc: BaseException) -> None:
            if request == self._request:
                self.state.setText(self.tr("The statistics could not be read: %1").replace(
                    "%1", getattr(exc, "message", str(exc))))  # fmt: skip

        run_task(self, operation, done, label=self.tr("Counting the statistics…"),
                 on_failed=failed, cancellable=False, show_after_ms=3000)  # fmt: skip

    # -- showing --------------------------------------------------------------------------------
    def show_workspace(self, workspace: StatsWorkspace) -> None:
        self.workspace = workspace
        report = workspace.report
        self.title.setText(report.unit)
        self.state.setText(
            self.tr("In post on %1 (active or on probation); compared with %2")
            .replace("%1", fmt.date_text(report.as_of))
            .replace("%2", fmt.date_text(report.previous))
        )
        now, then, change = report.total.current, report.total.previous, report.total.change
        self.tiles["headcount"].show_figures(
            fmt.count_text(now.headcount),
            self._change(fmt.signed_count_text(change.headcount)),
            self._was(fmt.count_text(then.headcount)),
        )
        self.tiles["average_age"].show_figures(
            str(now.average_age), self._change(fmt.points_text(change.average_age)),
            self._was(str(then.average_age)),
        )  # fmt: skip
        for kind, ratio, people, was, moved in (
            ("bachelor_or_above", now.bachelor_or_above_ratio, now.bachelor_or_above,
             then.bachelor_or_above_ratio, change.bachelor_or_above_ratio),
            ("under_35", now.under_35_ratio, now.under_35, then.under_35_ratio,
             change.under_35_ratio),
            ("certified", now.certified_ratio, now.certified, then.certified_ratio,
             change.certified_ratio),
            ("committee", now.committee_ratio, now.committee, then.committee_ratio,
             change.committee_ratio),
        ):  # fmt: skip
            self._ratio_tile(kind, ratio, people, was, moved)
        self.levels.show_levels(report.levels)
        self.pyramid.show_pyramid(report.pyramid)
        self.retirements.show_retirements(report.retirements)
        self.retirements.setVisible(bool(report.retirements.years))  # none for a grid
        self.units.set_rows([row for row in report.rows[1:] if row.depth == 1])
        self.units_view.setVisible(self.units.rowCount() > 0)
        self.units_label.setVisible(self.units.rowCount() > 0)  # a community has none
        self.money.setText(self._money_text(workspace))
        self.print_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self.loaded.emit()

    def print_report(self) -> None:
        """打印…: the statistics table of what is shown, in the print preview (打印, 另存为)."""
        if self.workspace is None:
            return
        report = self.workspace.report
        target = Path(tempfile.mkdtemp(prefix="workforce-stats-")) / f"{report.title}.pdf"

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> str:
            from reports.stats.pdf import write_stats_pdf

            return write_stats_pdf(target, report).message or ""

        def done(note: str) -> None:
            show_preview(self, target, report.title, note)

        run_task(self, operation, done, label=self.tr("Writing the statistics…"),
                 cancellable=False)  # fmt: skip

    def export_dialog(self) -> None:
        """导出…: the report shown, to an .xlsx or a .pdf file the clerk names."""
        from ui.desktop.widgets.folders import last_folder, remember_folder

        if self.workspace is None:
            return
        excel, pdf = self.tr("Excel workbook (*.xlsx)"), self.tr("PDF document (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the statistics"),
            str(last_folder() / f"{self.workspace.report.title}.xlsx"),
            f"{excel};;{pdf}",
        )
        if not path:
            return
        remember_folder(path)
        if Path(path).suffix.lower() not in (".xlsx", ".pdf"):
            path += ".pdf" if chosen == pdf else ".xlsx"
        self.export_to(Path(path))

    def export_to(self, target: Path) -> None:
        """Write the report shown to ``target`` (.xlsx or .pdf) off the GUI thread, with the
        renderers ``workforce stats export`` uses."""
        if self.workspace is None:
            return
        report = self.workspace.report

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> str:
            if target.suffix.lower() == ".pdf":
                from reports.stats.pdf import write_stats_pdf

                return write_stats_pdf(target, report).message or ""
            from reports.stats.xlsx import write_stats_workbook

            write_stats_workbook(target, report)
            return ""

        def done(note: str) -> None:
            self.state.setText(
                " ".join(
                    part
                    for part in (self.tr("Exported to %1").replace("%1", str(target)), note)
                    if part
                )
            )
            self.exported.emit(str(target))

        run_task(self, operation, done, label=self.tr("Exporting the statistics…"),
                 cancellable=False)  # fmt: skip

    def _ratio_tile(
        self, kind: str, ratio: Decimal, people: int, was: Decimal, moved: Decimal | None
    ) -> None:
        self.tiles[kind].show_figures(
            fmt.percent_text(ratio),
            self.tr("%1 people · %2 points").replace("%1", fmt.count_text(people))
            .replace("%2", fmt.points_text(moved)),
            self._was(fmt.percent_text(was)),
        )  # fmt: skip

    def _change(self, text: str) -> str:
        return self.tr("Year on year %1").replace("%1", text)

    def _was(self, text: str) -> str:
        return self.tr("A year earlier: %1. Click to list the people.").replace("%1", text)

    def _money_text(self, workspace: StatsWorkspace) -> str:
        report = workspace.report
        parts = [
            self.tr("Training this year: %1 attendances, %2 hours")
            .replace("%1", fmt.count_text(report.training.person_times))
            .replace("%2", f"{report.training.hours:,}")
        ]
        for year in report.adjustments[-2:]:
            parts.append(
                self.tr("Adjustment %1: %2 person-times, %3 yuan a year")
                .replace("%1", str(year.year))
                .replace("%2", fmt.count_text(year.person_times))
                .replace("%3", fmt.yuan_text(year.yearly_cost))
            )
        if report.payroll:
            month = report.payroll[-1]
            parts.append(
                self.tr("Payroll cost %1: %2 yuan")
                .replace("%1", fmt.month_text(month.period))
                .replace("%2", fmt.yuan_text(month.total))
            )
        return "\n".join(parts)

    def _clicked(self, figure: Figure) -> None:
        if self.workspace is None:
            return
        ids = self.workspace.members(figure)
        self.figure_clicked.emit(self.figure_title(figure), ids)

    def figure_title(self, figure: Figure) -> str:
        report = self.workspace.report if self.workspace else None
        captions = {kind: tile.caption.text() for kind, tile in self.tiles.items()}
        if figure.kind == "level":
            names = {p.post: p.name for p in report.levels} if report else {}
            caption = f"{names.get(figure.post, figure.post)} {fmt.level_text(figure.level)}"
        elif figure.kind == "age_band" and report is not None:
            caption = f"{report.pyramid[figure.band].label} {figure.sex}"
        else:
            caption = captions.get(figure.kind, figure.kind)
        unit = report.unit if report else ""
        return f"{unit} · {caption}"
