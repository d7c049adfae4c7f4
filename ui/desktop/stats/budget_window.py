"""统计 → 工资总额测算 (issue 19): the years, the scenarios (from files or a small form), the
projection off the GUI thread, its tables and a chart, and the meeting's xlsx and PDF.
The form shows the scenario chosen in the list (loaded from a file or added) and the clerk's
changes apply to it; with none chosen it makes a new one. It only reads: nothing in the
database changes."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reports.stats.budget_tables import Table, projections, scenario_terms, tables, wan
from ui import formatting as fmt
from ui.desktop.stats.scenario_form import ScenarioForm, community_paths, relative, resolved
from ui.desktop.widgets.folders import last_folder, remember_folder
from ui.desktop.widgets.models import RIGHT, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.tasks import run_task, show_error
from workforce.domain.adjustment.projection import BudgetReport
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid
from workforce.services.adjustment.projection import budget_projection
from workforce.services.context import Actor, Database
from workforce.services.roster.org import org_tree
from workforce.services.scales.admin import list_scales

Row = tuple[object, ...]


def _cell(value: object, money: bool) -> str:
    if isinstance(value, Decimal) and money:
        return fmt.yuan_text(value)
    if isinstance(value, int):
        return fmt.count_text(value)
    return str(value)


def table_model(table: Table) -> RowsTableModel[Row]:
    """The rows of a report table, each column right-aligned but the first."""
    columns: list[Column[Row]] = [
        Column(
            header,
            lambda row, i=i: _cell(row[i], i >= table.money_from),
            lambda row, i=i: row[i] if not isinstance(row[i], str) else Decimal(0),
            RIGHT if i else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            120 if i else 150,
        )
        for i, header in enumerate(table.headers)
    ]
    return RowsTableModel(columns, list(table.rows))


def _read_scale(path: str) -> SheetGrid:
    """The scale table a scenario names (read on the task's thread)."""
    from reports.xlsx_reader import pick_roster_sheet, read_workbook

    return pick_roster_sheet(read_workbook(path))


class BudgetWindow(QDialog):
    """The projection's settings on the left, its tables and chart on the right."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.report: BudgetReport | None = None
        self.shown: list[Table] = []
        self.setWindowTitle(self.tr("Pay bill projection"))
        fit_window(self, 1240, 720)
        splitter = QSplitter(self)
        splitter.addWidget(self._settings())
        splitter.addWidget(self._results())
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- settings ---------------------------------------------------------------------------------
    def _settings(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        form = QFormLayout()
        self.first = QSpinBox(panel)
        self.first.setRange(2000, 2100)
        self.first.setValue(dt.date.today().year + 1)
        self.years = QSpinBox(panel)
        self.years.setRange(1, 10)
        self.years.setValue(5)
        form.addRow(self.tr("From year"), self.first)
        form.addRow(self.tr("Years"), self.years)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Scenarios (the baseline is always shown)"), panel))
        self.scenarios = QListWidget(panel)
        self.scenarios.currentItemChanged.connect(self._chosen)
        layout.addWidget(self.scenarios)
        buttons = QHBoxLayout()
        load = QPushButton(self.tr("Load file…"), panel)
        load.clicked.connect(self.load_scenario)
        remove = QPushButton(self.tr("Remove"), panel)
        remove.clicked.connect(lambda: self.scenarios.takeItem(self.scenarios.currentRow()))
        save = QPushButton(self.tr("Save…"), panel)
        save.setToolTip(
            self.tr("Save the chosen scenario as a file (the command line reads it too)")
        )
        save.clicked.connect(lambda _checked=False: self.save_scenario())
        buttons.addWidget(load)
        buttons.addWidget(save)
        buttons.addWidget(remove)
        layout.addLayout(buttons)
        self.form = ScenarioForm(community_paths(org_tree(self.db)), list_scales(self.db), panel)
        self.form.changed.connect(self._edited)
        add = QPushButton(self.tr("Add scenario"), self.form)
        add.setToolTip(self.tr("Add the form's scenario to the list as a new one"))
        add.clicked.connect(self.add_scenario)
        self.form.layout().addWidget(add)
        layout.addWidget(self.form)
        self.run_button = QPushButton(self.tr("Calculate"), panel)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.calculate)
        layout.addWidget(self.run_button)
        panel.setMaximumWidth(380)
        return panel

    def _add(self, data: dict[str, Any]) -> QListWidgetItem:
        item = QListWidgetItem()
        self._keep(item, data)
        self.scenarios.addItem(item)
        return item

    def _keep(self, item: QListWidgetItem, data: dict[str, Any]) -> None:
        item.setText(str(data.get("name") or self.tr("Scenario")))
        # kept as JSON text: a QVariantMap would sort the keys of the file it is saved as
        item.setData(Qt.ItemDataRole.UserRole, json.dumps(data, ensure_ascii=False))

    def _title(self, item: QListWidgetItem) -> str:
        return self.tr("Scenario “%1” (changes apply to it)").replace("%1", item.text())

    def _chosen(self, item: QListWidgetItem | None) -> None:
        """The form shows the chosen scenario; with none chosen it keeps its values as a new one."""
        if item is None:
            self.form.show_scenario(self.form.scenario())
        else:
            self.form.show_scenario(
                json.loads(item.data(Qt.ItemDataRole.UserRole)), self._title(item)
            )

    def _edited(self) -> None:
        item = self.scenarios.currentItem()
        if item is not None:
            self._keep(item, self.form.scenario())
            self.form.setTitle(self._title(item))

    def add_scenario(self) -> None:
        """The form's scenario as a new one in the list; the form goes on as a new scenario."""
        self._add(self.form.scenario())
        self.scenarios.setCurrentRow(-1)

    def load_scenario(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load a scenario"), str(last_folder()), "JSON (*.json)"
        )
        if not path:
            return
        remember_folder(path)
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Load a scenario"), str(exc))
            return
        if isinstance(data, dict):
            data.setdefault("name", Path(path).stem)
            self.scenarios.setCurrentItem(self._add(resolved(data, Path(path).parent)))

    def save_scenario(self, path: str | None = None) -> None:
        """The chosen scenario (else the last) as a scenario file."""
        item = self.scenarios.currentItem() or self.scenarios.item(self.scenarios.count() - 1)
        if item is None:
            return
        data = json.loads(item.data(Qt.ItemDataRole.UserRole))
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the scenario"),
                str(last_folder() / f"{data.get('name') or 'scenario'}.json"),
                "JSON (*.json)",
            )
            if not path:
                return
            if not path.lower().endswith(".json"):
                path += ".json"
            remember_folder(path)
        target = Path(path)
        text = json.dumps(relative(data, target.parent), ensure_ascii=False, indent=2)
        try:
            target.write_text(text + "\n", "utf-8")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save the scenario"), str(exc))

    def scenario_data(self) -> list[dict[str, Any]]:
        return [
            json.loads(self.scenarios.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.scenarios.count())
        ]

    # -- results ----------------------------------------------------------------------------------
    def _results(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        top = QHBoxLayout()
        self.which = QComboBox(panel)
        self.which.currentIndexChanged.connect(self._show_table)
        top.addWidget(QLabel(self.tr("Table"), panel))
        top.addWidget(self.which, 1)
        self.export_xlsx = QPushButton(self.tr("Export workbook…"), panel)
        self.export_pdf = QPushButton(self.tr("Export PDF…"), panel)
        self.export_xlsx.clicked.connect(lambda: self.export(".xlsx"))
        self.export_pdf.clicked.connect(lambda: self.export(".pdf"))
        for button in (self.export_xlsx, self.export_pdf):
            button.setEnabled(False)
            top.addWidget(button)
        layout.addLayout(top)
        self.notes = QLabel(panel)
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        self.table = QTableView(panel)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.chart = QChartView(panel)
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setFixedHeight(260)
        layout.addWidget(self.chart)
        return panel

    def calculate(self) -> None:
        db, actor = self.db, self.actor
        first, years, scenarios = self.first.value(), self.years.value(), self.scenario_data()

        def operation(progress: ProgressFn, cancel: CancelToken) -> BudgetReport:
            return budget_projection(
                db,
                actor,
                first,
                years,
                scenarios,
                scale_of=_read_scale,
                progress=progress,
                cancel=cancel,
            )

        self.run_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.run_button.setEnabled(True)
            show_error(self, exc)

        run_task(
            self,
            operation,
            self.show_report,
            label=self.tr("Projecting the pay bill…"),
            on_failed=failed,
            on_cancelled=lambda: self.run_button.setEnabled(True),
        )

    def show_report(self, report: BudgetReport) -> None:
        self.run_button.setEnabled(True)
        self.report = report
        self.shown = tables(report, by=("district", "street", "post"), months=True)
        self.which.blockSignals(True)
        self.which.clear()
        self.which.addItems([t.title for t in self.shown])
        self.which.blockSignals(False)
        self.which.setCurrentIndex(0)
        self._show_table(0)
        overdue = (
            self.tr(
                "Of these people, %1 are past their statutory retirement and are not counted."
            ).replace("%1", str(report.overdue))
            if report.overdue
            else ""
        )
        self.notes.setText(
            fmt.sentences(
                self.tr("%1 people; assumptions are listed in the exports.").replace(
                    "%1", fmt.count_text(report.people)
                ),
                overdue,
            )
        )
        terms = [  # what each scenario changes, as the exports list it (the report's words)
            f"情景「{p.scenario.name}」：{'；'.join(scenario_terms(p))}" for p in report.scenarios
        ]
        self.notes.setToolTip("\n".join((*report.assumptions, *terms)))
        self._chart(report)
        for button in (self.export_xlsx, self.export_pdf):
            button.setEnabled(True)

    def _show_table(self, index: int) -> None:
        if not 0 <= index < len(self.shown):
            return
        old = self.table.model()
        model = table_model(self.shown[index])
        model.setParent(self.table)
        self.table.setModel(model)
        for column, spec in enumerate(model.columns):
            self.table.setColumnWidth(column, spec.width)
        if old is not None:
            old.deleteLater()

    def _chart(self, report: BudgetReport) -> None:
        chart = QChart()
        chart.setTitle(self.tr("Total labour cost per year (10,000 yuan)"))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        series = QBarSeries()
        top = 0.0
        for projection in projections(report):
            bars = QBarSet(projection.scenario.name)
            values = [float(wan(y.total.total)) for y in projection.years]  # drawing only
            top = max([top, *values])
            bars.append(values)
            series.append(bars)
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([f"{y.year}" for y in report.baseline.years])
        values_axis = QValueAxis()
        values_axis.setRange(0, top * 1.05 if top else 1)
        values_axis.applyNiceNumbers()  # labels on round sums (it read 638, 1275, 1913, 2551)
        values_axis.setLabelFormat("%.0f")
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        series.attachAxis(values_axis)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        old = self.chart.chart()
        self.chart.setChart(chart)
        if old is not None:
            old.deleteLater()

    def export(self, suffix: str, path: str | None = None) -> None:
        report = self.report
        if report is None:
            return
        if path is None:
            name = f"{report.first}-{report.first + report.years - 1}年工资总额测算{suffix}"
            pattern = "Excel (*.xlsx)" if suffix == ".xlsx" else "PDF (*.pdf)"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the projection"), str(last_folder() / name), pattern
            )
            if not path:
                return
            if not path.lower().endswith(suffix):
                path += suffix
            remember_folder(path)
        target = Path(path)

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Path:
            if suffix == ".xlsx":
                from reports.stats.budget_xlsx import write_budget_workbook

                write_budget_workbook(target, report)
            else:
                from reports.stats.budget_pdf import write_budget_pdf

                write_budget_pdf(target, report)
            return target

        run_task(self, operation, lambda _path: None, label=self.tr("Exporting…"),
                 on_failed=lambda exc: show_error(self, exc), cancellable=False)  # fmt: skip
