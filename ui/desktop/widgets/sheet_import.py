"""Importing a sheet from a window (一次性项目, 专项附加扣除, 培训签到): choosing the workbook,
reading its sheet and planning the import off the GUI thread, and the plan's preview, whose
acceptance writes what it showed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.desktop.payroll_dialogs import SheetPlanDialog
from ui.tasks import run_task
from workforce.domain.problems import Problem
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid

P = TypeVar("P")


def choose_workbook(parent: QWidget, title: str) -> Path | None:
    """The workbook (or .csv) the clerk picks, or None."""
    workbooks = QCoreApplication.translate("sheet_import", "Workbooks (*.xlsx *.xls *.csv)")
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
