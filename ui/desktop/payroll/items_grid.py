"""一次性项目: the month's items (取暖补贴, 扣款 …) as a table — worker, item, amount, the tax and
base flags, note, who entered it — with adding for many workers (those selected on the month
screen, or picked from the unit or by 身份证号), removing, and importing a sheet whose problems
are shown before anything is written. Every read and write runs off the GUI thread; a change
sends a calculated month back to draft and the grid says it must be calculated again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from ui.desktop.payroll.deduction_confirm import checked_then, confirm_deductions, large_deductions
from ui.desktop.payroll.dialogs import PeoplePicker, tree_unit
from ui.desktop.payroll.item_dialog import ItemDialog, Payee
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.sheet_import import LeftOut, choose_workbook, read_and_plan, show_plan
from ui.desktop.widgets.tables import BANNER, make_table
from ui.tasks import run_task
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.money import ZERO
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid
from workforce.services.context import Actor, Database
from workforce.services.payroll.guard import LOCKED, STATUS_NAMES, label
from workforce.services.payroll.item_edits import ItemPlan, ItemRow, MonthItems

ITEM_COLUMNS: tuple[Column[ItemRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda r: r.community, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.worker, width=72),
    Column(QT_TRANSLATE_NOOP("columns", "Item"), lambda r: r.name, width=110),
    Column(
        QT_TRANSLATE_NOOP("columns", "Amount"),
        lambda r: fmt.yuan_text(r.amount),
        lambda r: r.amount,
        RIGHT,
        90,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Taxable"), lambda r: fmt.yes_no(r.taxable), None, CENTRE, 56
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "In base"),
        lambda r: fmt.yes_no(r.insurable),
        None,
        CENTRE,
        56,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "After tax"),
        lambda r: fmt.yes_no(r.after_tax),
        None,
        CENTRE,
        56,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Note"), lambda r: r.note, width=140),
    Column(QT_TRANSLATE_NOOP("columns", "Entered by"), lambda r: r.entered_by, width=80),
)


def _matching(rows: Sequence[ItemRow], text: str) -> list[ItemRow]:
    wanted = text.strip().upper()
    if not wanted:
        return list(rows)
    return [r for r in rows if wanted in r.worker or wanted in r.id_number or wanted in r.name]


class ItemsGrid(QDialog):
    changed = Signal()  # items were added or removed: the month screen reloads

    def __init__(
        self,
        db: Database,
        actor: Actor,
        period: dt.date,
        selected: Sequence[Payee] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.period = db, actor, period
        self.selected = list(selected)
        self.items: MonthItems | None = None
        self.dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Items of %1").replace("%1", label(period)))
        fit_window(self, 980, 600)
        self.status = QLabel()
        self.notice = QLabel()
        self.notice.setStyleSheet(BANNER)
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name, ID number or item"))
        self.search.setClearButtonEnabled(True)
        self.model: RowsTableModel[ItemRow] = RowsTableModel(ITEM_COLUMNS)
        self.table = make_table(
            self.model,
            settings_key="payroll-items",
            person=lambda row: row.worker_id,
            actions=lambda: (self.remove_button,),
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.totals = QLabel()
        self.add_selected_button = QPushButton(
            self.tr("Add for the %1 selected…").replace("%1", fmt.count_text(len(self.selected)))
        )
        self.add_button = QPushButton(self.tr("Add for workers…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.import_button = QPushButton(self.tr("Import sheet…"))
        buttons = QHBoxLayout()
        for button in (
            self.add_selected_button,
            self.add_button,
            self.remove_button,
            self.import_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        self.add_selected_button.clicked.connect(lambda: self.add_for(self.selected))
        self.add_button.clicked.connect(self.pick_workers)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.choose_sheet)
        self.search.textChanged.connect(lambda _text: self._show_rows())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self._enable()

    # -- reading ------------------------------------------------------------------------------
    def load(self) -> None:
        from workforce.services.payroll.item_edits import month_items

        db, actor, period = self.db, self.actor, self.period

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> MonthItems:
            return month_items(db, actor, period)

        run_task(self, operation, self.set_items, label=self.tr("Reading the items…"))

    def set_items(self, items: MonthItems) -> None:
        self.items = items
        state = STATUS_NAMES[items.status] if items.status else self.tr("not calculated yet")
        text = self.tr("%1: %2.").replace("%1", label(items.period)).replace("%2", state)
        if items.status == LOCKED:  # nothing returns a locked month: corrections go later
            text = fmt.sentences(
                text,
                self.tr(
                    "A locked month's items never change: enter a correction (补发 or 扣回) as an "
                    "item in a later month."
                ),
            )
        elif not items.editable:
            text = fmt.sentences(
                text, self.tr("Items can no longer change: return the month first.")
            )
        self.status.setText(text)
        self._show_rows()

    def _show_rows(self) -> None:
        rows = _matching(self.items.rows if self.items else (), self.search.text())
        self.model.set_rows(rows)
        total = sum((r.amount for r in rows), ZERO)
        self.totals.setText(
            self.tr("%1 items for %2 people, total %3")
            .replace("%1", fmt.count_text(len(rows)))
            .replace("%2", fmt.count_text(len({r.worker_id for r in rows})))
            .replace("%3", fmt.yuan_text(total))
        )
        self._enable()

    def selected_items(self) -> list[ItemRow]:
        return self.table.selected_rows()

    def _enable(self) -> None:
        can = (
            self.items is not None
            and self.items.editable
            and is_allowed(self.actor.role, Action.EDIT_PAY_INPUTS)
        )
        self.add_selected_button.setEnabled(can and bool(self.selected))
        self.add_button.setEnabled(can)
        self.import_button.setEnabled(can)
        self.remove_button.setEnabled(can and bool(self.selected_items()))

    # -- writes --------------------------------------------------------------------------------
    def _write(self, work: Callable[[], Any], done_text: Callable[[Any], str]) -> None:
        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Any:
            return work()

        def done(result: Any) -> None:
            was = self.items.status if self.items else None
            text = done_text(result)
            if was is not None:
                text = fmt.sentences(
                    text, self.tr("The month must be calculated again before approval.")
                )
            self.notice.setText(text)
            self.notice.setVisible(True)
            self.changed.emit()
            self.load()

        run_task(self, operation, done, label=self.tr("Saving…"), cancellable=False)

    def add_for(self, people: Sequence[Payee]) -> None:
        """One item for each of ``people`` through the item form (``add_items``)."""
        from workforce.services.payroll.items import add_items

        if not people:
            return
        dialog = ItemDialog(self.period, people, self)
        self.dialog = dialog

        def accepted() -> None:
            db, actor, entries = self.db, self.actor, dialog.entries()

            def write(confirmed: bool) -> None:
                self._write(
                    lambda: add_items(db, actor, entries, confirmed=confirmed),
                    lambda ids: self.tr("%1 items added.").replace("%1", fmt.count_text(len(ids))),
                )

            checked_then(self, db, actor, entries, write)

        dialog.accepted.connect(accepted)
        dialog.open()

    def pick_workers(self) -> None:
        unit, name = tree_unit(self.parentWidget())
        picker = PeoplePicker(
            self.db, self.actor, unit_id=unit, unit_name=name, period=self.period, parent=self
        )
        self.dialog = picker

        def accepted() -> None:
            chosen = set(picker.chosen())
            self.add_for([p for p in picker.model.rows if p.worker_id in chosen])

        picker.accepted.connect(accepted)
        picker.open()
        picker.load()

    def remove_selected(self) -> None:
        from workforce.services.payroll.item_edits import remove_items

        rows = self.selected_items()
        if not rows:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove items"),
            self.tr("Remove %1 items (%2)?")
            .replace("%1", fmt.count_text(len(rows)))
            .replace("%2", "、".join(f"{r.worker} {r.name}" for r in rows[:5])),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, ids = self.db, self.actor, [r.item_id for r in rows]
        self._write(
            lambda: remove_items(db, actor, ids),
            lambda count: self.tr("%1 items removed.").replace("%1", fmt.count_text(count)),
        )

    def choose_sheet(self) -> None:
        path = choose_workbook(self, self.tr("Import items"))
        if path:
            self.import_sheet(path)

    def import_sheet(self, path: Path) -> None:
        """Read and dry-run off the GUI thread; show the plan; write only what it showed."""
        from workforce.services.payroll.item_edits import plan_item_import
        from workforce.services.payroll.items import add_items

        db, actor, period = self.db, self.actor, self.period

        def planned(grid: SheetGrid, plan: ItemPlan) -> None:
            months = "、".join(label(m) for m in sorted({e.period for e in plan.entries}))
            summary = (
                self.tr("Sheet %1: %2 items for %3 people (%4), total %5.")
                .replace("%1", plan.sheet)
                .replace("%2", fmt.count_text(len(plan.items)))
                .replace("%3", fmt.count_text(len({e.id_number for e in plan.entries})))
                .replace("%4", months)
                .replace("%5", fmt.yuan_text(plan.total))
            )
            title = self.tr("Import items: %1").replace("%1", path.name)
            entries, note = plan.entries, f"导入 {path.name}"

            def apply(left_out: LeftOut | None) -> None:
                warnings = large_deductions(plan.problems)
                if not confirm_deductions(self, warnings):
                    return
                confirmed = bool(warnings)
                marked = note  # the plan's items are its rows without errors
                if left_out is not None:
                    marked += f"（仅导入无误的行，{len(left_out.rows)}行未导入）"

                def work() -> list[int]:
                    ids = add_items(db, actor, entries, note=marked, confirmed=confirmed)
                    if left_out is not None:
                        left_out.write(left_out.rows)
                    return ids

                self._write(
                    work,
                    lambda ids: self.tr("%1 items imported.").replace(
                        "%1", fmt.count_text(len(ids))
                    ),
                )

            sheet = (path, grid, plan.header_row)
            rows = len(plan.items)
            self.dialog = show_plan(
                self, title, summary, sheet, plan.problems, apply, valid_rows=rows
            )

        read_and_plan(self, path, lambda grid: plan_item_import(db, actor, grid, period), planned)
