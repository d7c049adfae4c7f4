"""专项附加扣除: the declarations of the selected unit's workers (or of those found by name or
身份证号) — kind, monthly amount, from and to month — with 录入, 截止 (set the end month),
更正, 删除 and the import of a declarations sheet whose problems are shown, with an error
report, before anything is written. Every read and write runs off the GUI thread through the
services the CLI runs (``workforce payroll deduction add|import``); a change that touches a
calculated month sends it back to draft, and a refusal (a paid month) is shown as is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.payroll.deductions_dialogs import DeclarationDialog, EndDialog
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.sheet_import import (
    LeftOut,
    choose_workbook,
    import_rows,
    read_and_plan,
    show_plan,
)
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.money import ZERO
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid
from workforce.services.context import Actor, Database
from workforce.services.payroll.deduction_edits import DeclarationRow
from workforce.services.payroll.deduction_io import DeductionPlan
from workforce.services.payroll.guard import label


def _month(day: dt.date | None) -> str:
    return label(day) if day else "—"


DECLARATION_COLUMNS: tuple[Column[DeclarationRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda r: r.community, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.name, width=72),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda r: r.id_number, width=160),
    Column(QT_TRANSLATE_NOOP("columns", "Kind"), lambda r: r.kind, width=100),
    Column(
        QT_TRANSLATE_NOOP("columns", "Monthly amount"),
        lambda r: fmt.yuan_text(r.monthly_amount),
        lambda r: r.monthly_amount,
        RIGHT,
        110,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "From"),
        lambda r: _month(r.from_month),
        lambda r: r.from_month,
        CENTRE,
        90,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "To"),
        lambda r: _month(r.to_month),
        lambda r: r.to_month or dt.date.max,
        CENTRE,
        90,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Note"), lambda r: r.note, width=160),
    Column(QT_TRANSLATE_NOOP("columns", "Entered by"), lambda r: r.entered_by, width=80),
)


class DeductionsWindow(QDialog):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        unit_id: int | None = None,
        unit_name: str = "",
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.unit_id = db, actor, unit_id
        self.today = today or dt.date.today()
        self.dialog: QDialog | None = None  # the one open (for tests)
        self.loaded = False
        self.setWindowTitle(self.tr("Special additional deductions"))
        fit_window(self, 1040, 620)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name or ID number"))
        self.search.setClearButtonEnabled(True)
        find = QPushButton(self.tr("Search"))
        self.model: RowsTableModel[DeclarationRow] = RowsTableModel(DECLARATION_COLUMNS)
        self.table = make_table(
            self.model,
            settings_key="deductions",
            person=lambda row: row.worker_id,
            actions=lambda: (self.end_button, self.correct_button, self.delete_button),
        )
        self.summary = QLabel()
        self.add_button = QPushButton(self.tr("Add…"))
        self.end_button = QPushButton(self.tr("End…"))
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.import_button = QPushButton(self.tr("Import sheet…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Unit: %1").replace("%1", unit_name or self.tr("All"))))
        top.addWidget(self.search, 1)
        top.addWidget(find)
        actions = QHBoxLayout()
        for button in (
            self.add_button,
            self.end_button,
            self.correct_button,
            self.delete_button,
            self.import_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addLayout(actions)
        column.addWidget(self.table, 1)
        column.addWidget(self.summary)
        find.clicked.connect(lambda _checked=False: self.load())
        self.search.returnPressed.connect(self.load)
        self.add_button.clicked.connect(self.add)
        self.end_button.clicked.connect(self.end)
        self.correct_button.clicked.connect(self.correct)
        self.delete_button.clicked.connect(self.delete)
        self.import_button.clicked.connect(self.choose_sheet)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self._enable()

    # -- reads ---------------------------------------------------------------------------------
    def load(self) -> None:
        from workforce.services.payroll.deduction_edits import declarations

        db, actor, unit, text = self.db, self.actor, self.unit_id, self.search.text()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[DeclarationRow]:
            return declarations(db, actor, unit_id=unit, search=text)

        self.loaded = False
        run_task(self, operation, self._show, label=self.tr("Reading the declarations…"))

    def _show(self, rows: list[DeclarationRow]) -> None:
        self.model.set_rows(rows)
        month = self.today.replace(day=1)
        current = [r for r in rows if r.in_force(month)]
        self.summary.setText(
            self.tr("%1 declarations of %2 people; in force in %3: %4 a month in total.")
            .replace("%1", fmt.count_text(len(rows)))
            .replace("%2", fmt.count_text(len({r.worker_id for r in rows})))
            .replace("%3", label(month))
            .replace("%4", fmt.yuan_text(sum((r.monthly_amount for r in current), ZERO)))
        )
        self.loaded = True
        self._enable()

    def selected(self) -> DeclarationRow | None:
        rows = self.table.selected_rows()
        return rows[0] if rows else None

    def _enable(self) -> None:
        can = is_allowed(self.actor.role, Action.EDIT_PAY_INPUTS)
        chosen = self.selected() is not None
        self.add_button.setEnabled(can)
        self.import_button.setEnabled(can)
        for button in (self.end_button, self.correct_button, self.delete_button):
            button.setEnabled(can and chosen)

    # -- writes --------------------------------------------------------------------------------
    def _write(self, work: Callable[[], Any]) -> None:
        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Any:
            return work()

        run_task(
            self, operation, lambda _r: self.load(), label=self.tr("Saving…"), cancellable=False
        )

    def add(self) -> None:
        from workforce.services.adjustment.views import worker_id_for
        from workforce.services.payroll.deductions import declare_deduction

        chosen = self.selected()
        dialog = DeclarationDialog(
            self.today, id_number=chosen.id_number if chosen else "", parent=self
        )
        self.dialog = dialog

        def accepted() -> None:
            db, actor = self.db, self.actor
            number, kind = dialog.id_number.text(), dialog.kind.currentText()
            amount, first, last = dialog.amount_value(), dialog.first_month(), dialog.last_month()
            note = dialog.note.text()
            self._write(
                lambda: declare_deduction(
                    db, actor, worker_id_for(db, number), kind, amount or 0, first, last, note
                )
            )

        dialog.accepted.connect(accepted)
        dialog.open()

    def correct(self) -> None:
        from workforce.services.payroll.deduction_edits import correct_deduction

        row = self.selected()
        if row is None:
            return
        dialog = DeclarationDialog(self.today, row=row, parent=self)
        self.dialog = dialog

        def accepted() -> None:
            db, actor = self.db, self.actor
            values = {
                "kind": dialog.kind.currentText(),
                "monthly_amount": dialog.amount_value() or 0,
                "from_month": dialog.first_month(),
                "to_month": dialog.last_month(),
                "note": dialog.note.text(),
            }
            self._write(lambda: correct_deduction(db, actor, row.declaration_id, **values))

        dialog.accepted.connect(accepted)
        dialog.open()

    def end(self) -> None:
        from workforce.services.payroll.deductions import end_deduction

        row = self.selected()
        if row is None:
            return
        dialog = EndDialog(row, self.today, self)
        self.dialog = dialog

        def accepted() -> None:
            db, actor, last = self.db, self.actor, dialog.value()
            self._write(lambda: end_deduction(db, actor, row.declaration_id, last))

        dialog.accepted.connect(accepted)
        dialog.open()

    def delete(self) -> None:
        from workforce.services.payroll.deductions import delete_deduction

        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete a declaration"),
            self.tr("Delete %1's declaration of %2, entered by mistake?")
            .replace("%1", row.name)
            .replace("%2", row.kind),
        )
        if answer == QMessageBox.StandardButton.Yes:
            db, actor = self.db, self.actor
            self._write(lambda: delete_deduction(db, actor, row.declaration_id))

    def choose_sheet(self) -> None:
        path = choose_workbook(self, self.tr("Import declarations"))
        if path:
            self.import_sheet(path)

    def import_sheet(self, path: Path) -> None:
        """Read and dry-run off the GUI thread; show the plan; apply it all or nothing."""
        from workforce.services.payroll.deduction_io import (
            apply_deduction_import,
            plan_deduction_import,
        )

        db, actor = self.db, self.actor

        def planned(grid: SheetGrid, plan: DeductionPlan) -> None:
            summary = (
                self.tr("Sheet %1: %2 rows, %3 declarations for %4 people to add.")
                .replace("%1", plan.sheet)
                .replace("%2", fmt.count_text(plan.total_rows))
                .replace("%3", fmt.count_text(len(plan.declarations)))
                .replace("%4", fmt.count_text(len({d.worker_id for d in plan.declarations})))
            )
            title = self.tr("Import declarations: %1").replace("%1", path.name)
            sheet = (path, grid, plan.header_row)

            def apply(left_out: LeftOut | None) -> None:
                self._write(
                    lambda: import_rows(
                        left_out,
                        lambda valid_only: apply_deduction_import(
                            db, actor, grid, valid_only=valid_only
                        ),
                    )
                )

            rows = len(plan.declarations)
            self.dialog = show_plan(
                self, title, summary, sheet, plan.problems, apply, valid_rows=rows
            )

        read_and_plan(self, path, lambda grid: plan_deduction_import(db, actor, grid), planned)
