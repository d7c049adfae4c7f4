"""Dialogs shared by the payroll input screens (items grid, special deductions): the picker of
workers employed in a month (the main window's unit, or found by name or 身份证号; those who left
shown with their status), a month field, and a sheet's dry run with its problems, an error report
and an Import button enabled only when there are none. None of them writes; the screens call the
services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
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
from ui.desktop.models import RIGHT, Column
from ui.desktop.people_search import Operation, PeopleSearch
from ui.tasks import run_task
from workforce.domain.employment import MonthSpan
from workforce.domain.problems import Problem
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid
from workforce.services.context import Actor, Database
from workforce.services.payroll_payees import Payee


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


def _status_text(payee: Payee) -> str:
    if payee.left_on is None:
        return payee.status
    return (
        QCoreApplication.translate("PeoplePicker", "%1 since %2")
        .replace("%1", payee.status)
        .replace("%2", fmt.date_text(payee.left_on))
    )


LEFT_COLOUR = QColor("#8a5a00")
PAYEE_COLUMNS: tuple[Column[Payee], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Street"), lambda p: p.street, width=100),
    Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda p: p.community, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda p: p.name, width=80),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda p: p.id_number, width=170),
    Column(
        QT_TRANSLATE_NOOP("columns", "Status"),
        _status_text,
        width=150,
        colour=lambda p: None if p.active else LEFT_COLOUR,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Days in month"),
        lambda p: str(p.days),
        lambda p: p.days,
        RIGHT,
        80,
    ),
)


class PeoplePicker(PeopleSearch[Payee]):
    """选择人员: the unit's workers employed in the month (everyone's when no unit), those who
    left during or after it included — final pay and corrections — with their status shown and
    a switch to hide them; narrowed by name or 身份证号 (``month_payees``)."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        unit_id: int | None,
        unit_name: str,
        period: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        first = (period or dt.date.today()).replace(day=1)
        include_left = QCheckBox()
        super().__init__(
            PAYEE_COLUMNS,
            unit_name=unit_name,
            unit_note=MonthSpan.of(first).label(),
            above_table=[include_left],
            parent=parent,
        )
        self.db, self.actor, self.unit_id, self.period = db, actor, unit_id, first
        self.include_left = include_left
        self.found: list[Payee] = []
        self.setWindowTitle(self.tr("Choose workers"))
        self.include_left.setText(self.tr("Include those who have left"))
        self.include_left.setChecked(True)
        self.include_left.setToolTip(
            self.tr("Workers who left during or after the month: final pay, corrections")
        )
        self.include_left.toggled.connect(lambda _on: self._show_found())
        self.resize(820, 500)

    def operation(self, text: str) -> Operation:
        from workforce.services.payroll_payees import month_payees

        db, actor, unit, period = self.db, self.actor, self.unit_id, self.period

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[Payee]:
            return month_payees(db, actor, period, unit_id=unit, search=text)

        return operation

    def show_rows(self, rows: list[Payee]) -> None:
        self.found = rows
        self._show_found()

    def _show_found(self) -> None:
        left = sum(1 for p in self.found if not p.active)
        shown = self.found if self.include_left.isChecked() else [p for p in self.found if p.active]
        self.model.set_rows(shown)
        self.count.setText(
            self.tr(
                "%1 people employed in the month, %2 of them have left; select those the "
                "entry is for."
            )
            .replace("%1", fmt.count_text(len(self.found)))
            .replace("%2", fmt.count_text(left))
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
