"""Importing a sheet from a window (一次性项目, 专项附加扣除, 培训签到): choosing the workbook,
reading its sheet and planning the import off the GUI thread, and the plan's preview, whose
acceptance writes what it showed: all of it, or with 仅导入无误的行 the rows without errors, the
others written beside the file (``LeftOut``) to correct and import again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ui.desktop.widgets.confirm import confirm_change
from ui.desktop.widgets.form_dialog import FormDialog
from ui.desktop.widgets.problems import ProblemsPage
from ui.desktop.widgets.screen_fit import fit_window
from ui.formatting import count_text
from ui.tasks import run_task
from workforce.domain.problems import Problem, rejected_rows
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid

P = TypeVar("P")


class _Imported(Protocol):
    @property
    def rejected(self) -> Sequence[int]: ...


R = TypeVar("R", bound=_Imported)
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


@dataclass(frozen=True, slots=True)
class LeftOut:
    """The rows a valid-only import leaves out and where they go: beside the clerk's file,
    unchanged and with a 问题 column. Plain values, so the import's task writes them."""

    path: Path
    grid: SheetGrid
    header_row: int
    problems: tuple[Problem, ...]

    @property
    def rows(self) -> tuple[int, ...]:
        return rejected_rows(self.problems) or ()

    def write(self, rejected: Sequence[int]) -> None:
        """After the import: the rows it left out (none: no file)."""
        from reports.roster.errors_xlsx import write_rejected_rows

        if rejected:
            write_rejected_rows(self.path, self.grid, self.header_row, self.problems)


def rejected_path(source: Path) -> Path:
    """Where a valid-only import writes the rows it leaves out: beside the clerk's file."""
    return source.with_name(f"{source.stem}-未导入的行.xlsx")


def import_rows(left_out: LeftOut | None, run: Callable[[bool], R]) -> R:
    """Run an import, ``run(valid_only)``: all rows, or with ``left_out`` the valid ones, then
    write the rows it left out beside the file. Called off the GUI thread."""
    result = run(left_out is not None)
    if left_out is not None:
        left_out.write(result.rejected)
    return result


def show_plan(
    parent: QWidget,
    title: str,
    summary: str,
    sheet: tuple[Path, SheetGrid, int],
    problems: Sequence[Problem],
    apply: Callable[[LeftOut | None], None],
    *,
    valid_rows: int | None = None,
) -> SheetPlanDialog:
    """The dry run shown (summary, problems, error report); ``apply`` when the clerk imports:
    with None to import all, or with the ``LeftOut`` rows when she ticked 仅导入无误的行 (offered
    when ``valid_rows``, how many rows would import, is given and errors name their rows)."""
    path, grid, header_row = sheet
    dialog = SheetPlanDialog(title, summary, path, grid, header_row, problems, parent)
    dialog.offer_valid_only(valid_rows)
    dialog.accepted.connect(lambda: apply(dialog.left_out()))
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
        self.valid_only = QCheckBox()
        self.valid_only.setVisible(False)
        self.valid_only.toggled.connect(self._valid_only_toggled)
        self.form.addRow(self.valid_only)
        self.valid_rows = 0
        fit_window(self, 760, 460)

    def offer_valid_only(self, valid_rows: int | None) -> None:
        """仅导入无误的行, when errors name their rows and ``valid_rows`` rows would import."""
        left_out = rejected_rows(self.problem_list) or ()
        if valid_rows is None or not self.has_errors or not left_out:
            return
        self.valid_rows = valid_rows
        self.valid_only.setText(
            self.tr(
                "Import only the rows without errors (%1 rows with errors are left out)"
            ).replace("%1", count_text(len(left_out)))
        )
        self.valid_only.setToolTip(
            self.tr(
                "The rows with errors are written, unchanged and with a 问题 column, to a workbook "
                "beside the file: correct them there and import that workbook again."
            )
        )
        self.valid_only.setVisible(True)

    def _valid_only_toggled(self, checked: bool) -> None:
        ready = not self.has_errors or (checked and self.valid_rows > 0)
        self.import_button.setEnabled(ready)
        self.import_button.setText(self.tr("Import") if ready else self.tr("Fix the sheet first"))

    def rejected_path(self) -> Path:
        return rejected_path(self.path)

    def left_out(self) -> LeftOut | None:
        """The rows a valid-only import leaves out; None when the whole file imports."""
        if not self.valid_only.isChecked():
            return None
        problems = tuple(self.problem_list)
        return LeftOut(self.rejected_path(), self.grid, self.header_row, problems)

    def confirm_text(self) -> str:
        left_out = rejected_rows(self.problem_list) or ()
        return (
            self.tr(
                "%1 rows will be imported. %2 rows with errors are not imported: they are "
                "written, unchanged and with a 问题 column, to %3 to correct and import again."
            )
            .replace("%1", count_text(self.valid_rows))
            .replace("%2", count_text(len(left_out)))
            .replace("%3", str(self.rejected_path()))
        )

    def accept(self) -> None:
        """Importing the valid rows only asks first, in numbers."""
        if self.valid_only.isChecked() and not confirm_change(
            self, self.windowTitle(), self.confirm_text(), self.tr("Import")
        ):
            return
        super().accept()

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
