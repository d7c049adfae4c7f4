"""Importing a sheet from a window (一次性项目, 专项附加扣除, 培训签到): choosing the workbook,
reading its sheet and planning the import off the GUI thread, and the plan's preview, whose
acceptance writes what it showed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ui.desktop.widgets.form_dialog import FormDialog
from ui.desktop.widgets.problems import ProblemsPage
from ui.tasks import run_task
from workforce.domain.problems import Problem
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid

P = TypeVar("P")
SHEET_PATTERNS = "*.xlsx *.xlsm *.xls *.ods *.csv"
"""The files an import dialog offers: what ``reports.xlsx_reader`` reads (calamine: the Excel and
LibreOffice formats; WPS saves .xls or .xlsx) and .csv."""


def sheet_filter(label: str) -> str:
    """A file dialog's filter: the translated label and the patterns, then 所有文件."""
    every = QCoreApplication.translate("sheet_import", "All files")
    return f"{label} ({SHEET_PATTERNS});;{every} (*)"


def choose_workbook(parent: QWidget, title: str) -> Path | None:
    """The workbook (or .csv) the clerk picks, or None."""
    workbooks = sheet_filter(QCoreApplication.translate("sheet_import", "Workbooks"))
    path, _filter = QFileDialog.getOpenFileName(parent, title, "", workbooks)
    return Path(path) if path else None


def read_and_plan(
    parent: QWidget,
    path: Path,
    plan: Callable[[SheetGrid], P],
    planned: Callable[[SheetGrid, P], None],
    label: str | None = None,
) -> None:
    """Read the workbook's sheet and ``plan`` its import off the GUI thread, then call
    ``planned(grid, plan)`` on it."""

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> tuple[SheetGrid, P]:
        from reports.xlsx_reader import pick_roster_sheet, read_workbook

        grid = pick_roster_sheet(read_workbook(path))
        return grid, plan(grid)

    def done(result: tuple[SheetGrid, P]) -> None:
        planned(*result)

    reading = label or QCoreApplication.translate("sheet_import", "Reading the sheet…")
    run_task(parent, operation, done, label=reading)


def show_plan(
    parent: QWidget,
    title: str,
    summary: str,
    sheet: tuple[Path, SheetGrid, int],
    problems: Sequence[Problem],
    apply: Callable[[], None],
) -> SheetPlanDialog:
    """The dry run shown (summary, problems, error report); ``apply`` when the clerk imports."""
    path, grid, header_row = sheet
    dialog = SheetPlanDialog(title, summary, path, grid, header_row, problems, parent)
    dialog.accepted.connect(apply)
    dialog.open()
    return dialog


class SheetPlanDialog(FormDialog):
    """A sheet's dry run: a summary, its problems (each naming row, column and value), an error
    report to save, and Import only when there is no error. Accepting means "write it now"."""

    def __init__(
        self,
        title: str,
        summary: str,
        path: Path,
        grid: SheetGrid,
        header_row: int,
        problems: Sequence[Problem],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, summary, parent)
        self.path, self.grid, self.header_row = path, grid, header_row
        self.problem_list = list(problems)
        self.has_errors = any(p.is_error for p in problems)
        # the same columns in every sheet import: remembered once for them all
        self.problems = ProblemsPage(problems, settings_key="sheet-import-problems", title=title)
        self.problems.setMinimumHeight(220)
        self.report_button = QPushButton(self.tr("Export error report…"))
        self.report_button.setEnabled(bool(problems))
        self.report_button.clicked.connect(lambda _checked=False: self.export_report())
        self.form.addRow(self.problems)
        self.form.addRow(self.report_button)
        self.import_button = self.findChild(QDialogButtonBox).button(  # type: ignore[union-attr]
            QDialogButtonBox.StandardButton.Ok
        )
        self.import_button.setText(
            self.tr("Fix the sheet first") if self.has_errors else self.tr("Import")
        )
        self.import_button.setEnabled(not self.has_errors)
        self.resize(760, 460)

    def export_report(self, path: str | None = None) -> None:
        """The sheet with a problems column (as the roster import's error report)."""
        if path is None:
            suggested = self.path.with_name(f"{self.path.stem}-错误报告.xlsx")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export error report"), str(suggested), "Excel (*.xlsx)"
            )
        if not path:
            return
        target, grid, header, problems = path, self.grid, self.header_row, self.problem_list

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> str:
            from reports.roster.errors_xlsx import write_error_report

            write_error_report(target, grid, header, problems)
            return target

        def done(saved: str) -> None:
            QMessageBox.information(
                self,
                self.tr("Export error report"),
                self.tr("The error report was saved to:\n%1").replace("%1", saved),
            )

        run_task(
            self, operation, done, label=self.tr("Writing the error report…"), cancellable=False
        )
