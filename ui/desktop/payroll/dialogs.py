"""Dialogs shared by the payroll input screens (items grid, special deductions): the picker of
workers employed in a month (the main window's unit, or found by name or 身份证号; those who left
shown with their status), a month field, and a sheet's dry run with its problems, an error report
and an Import button enabled only when there are none. None of them writes; the screens call the
services."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDateEdit,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.widgets.models import RIGHT, Column
from ui.desktop.widgets.people_search import Operation, PeopleSearch
from ui.desktop.widgets.screen_fit import fit_window
from workforce.domain.payroll.employment import MonthSpan
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database
from workforce.services.payroll.payees import Payee


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
        fit_window(self, 820, 500)

    def operation(self, text: str) -> Operation:
        from workforce.services.payroll.payees import month_payees

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


class MonthEdit(QDateEdit):
    """A month (yyyy-MM) whose arrows and arrow keys step a month, across the year too: the
    plain QDateEdit stepped the section the cursor was in, the year at first (a clerk going back
    from 2026-07 with the down arrow landed on 2025-07), and stopped at January."""

    def __init__(self, day: dt.date) -> None:
        super().__init__(QDate(day.year, day.month, 1))
        self.setDisplayFormat("yyyy-MM")
        self.setCalendarPopup(False)

    def stepBy(self, steps: int) -> None:
        self.setDate(self.date().addMonths(steps))

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        return (
            QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
            | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        )


def month_edit(day: dt.date) -> QDateEdit:
    return MonthEdit(day)


def month_of(edit: QDateEdit) -> dt.date:
    date = edit.date()
    return dt.date(date.year(), date.month(), 1)
