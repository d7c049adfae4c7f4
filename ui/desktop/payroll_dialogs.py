"""Dialogs shared by the payroll input screens (items grid, special deductions): the picker of
workers (the main window's unit, or found by name or 身份证号), a month field, and a sheet's dry
run with its problems, an error report and an Import button enabled only when there are none.
None of them writes; the screens call the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.career_dialogs import FormDialog
from ui.desktop.training_dialogs import PickDialog
from ui.tasks import run_task
from workforce.domain.problems import Problem
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid
from workforce.services.career_facts import Person


def tree_unit(widget: QWidget | None) -> tuple[int | None, str]:
    """The unit selected in the main window's tree (the screen's parent chain), else none."""
    while widget is not None:
        tree, snapshot = getattr(widget, "tree", None), getattr(widget, "snapshot", None)
        if tree is not None and hasattr(tree, "selected_unit"):
            unit = tree.selected_unit()
            names = {n.id: n.name for n in snapshot.nodes} if snapshot is not None else {}
            return unit, names.get(unit, "") if unit is not None else ""
        widget = widget.parentWidget()
    return None, ""


class PeoplePicker(PickDialog):
    """选择人员: the unit's active workers (everyone when no unit), narrowed by name or 身份证号."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setWindowTitle(self.tr("Choose workers"))

    def _show(self, rows: list[Person]) -> None:
        super()._show(rows)
        self.count.setText(
            self.tr("%1 people; select those the entry is for.").replace(
                "%1", fmt.count_text(len(rows))
            )
        )


def month_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, 1))
    edit.setDisplayFormat("yyyy-MM")
    edit.setCalendarPopup(False)
    return edit


def month_of(edit: QDateEdit) -> dt.date:
    date = edit.date()
    return dt.date(date.year(), date.month(), 1)


def problem_lines(problems: Sequence[Problem]) -> str:
    if not problems:
        return QCoreApplication.translate("SheetPlanDialog", "No problems found.")
    return "\n".join(p.describe() for p in problems)


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
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setPlainText(problem_lines(problems))
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
        self.resize(640, 420)

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
            from reports.roster_errors_xlsx import write_error_report

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
