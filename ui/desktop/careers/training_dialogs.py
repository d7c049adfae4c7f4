"""The training screen's dialogs: 新建培训 (a session's title, level, dates, hours, kind), the
picker of workers to put on its list (a unit's or found by name), and the sign-in sheet's plan
with its problems. The picker reads off the GUI thread; none of them writes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLineEdit,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.widgets.form_dialog import FormDialog
from ui.desktop.widgets.inputs import DateEdit
from ui.desktop.widgets.models import Column
from ui.desktop.widgets.people_search import Operation, PeopleSearch
from ui.desktop.widgets.problems import ProblemsPage
from workforce.domain.careers.compliance import ORGANISER_LEVELS
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.careers.facts import Person
from workforce.services.careers.training import SessionInput, SigninPlan
from workforce.services.careers.training_screens import pick_candidates
from workforce.services.context import Actor, Database

PERSON_COLUMNS: tuple[Column[Person], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Street"), lambda p: p.street, width=100),
    Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda p: p.community, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda p: p.name, width=80),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda p: p.id_number, width=170),
)


class SessionDialog(FormDialog):
    """新建培训: read back with ``value()`` once accepted."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New training session"), "", parent)
        self.title = QLineEdit()
        self.level = QComboBox()
        self.level.addItems(list(ORGANISER_LEVELS))
        self.start = DateEdit()
        self.start.set_value(today)
        self.end = DateEdit()
        self.end.set_value(today)
        self.start.dateChanged.connect(lambda _d: self._keep_order())
        self.hours = QDoubleSpinBox()
        self.hours.setDecimals(1)
        self.hours.setRange(0.5, 999.9)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(4)
        self.required = QCheckBox(self.tr("Required (unchecked: elective)"))
        self.required.setChecked(True)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Organiser level"), self.level)
        self.form.addRow(self.tr("Start date"), self.start)
        self.form.addRow(self.tr("End date"), self.end)
        self.form.addRow(self.tr("Hours"), self.hours)
        self.form.addRow("", self.required)

    def _keep_order(self) -> None:
        if self.end.value() < self.start.value():
            self.end.set_value(self.start.value())

    def value(self) -> SessionInput:
        return SessionInput(
            self.title.text(),
            self.level.currentText(),
            self.start.value(),
            self.end.value(),
            Decimal(str(round(self.hours.value(), 1))),
            self.required.isChecked(),
        )


class PickDialog(PeopleSearch[Person]):
    """添加参训人员: the unit's active workers, narrowed by a search; pick several at once."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        unit_id: int | None,
        unit_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(PERSON_COLUMNS, unit_name=unit_name, parent=parent)
        self.db, self.actor, self.unit_id = db, actor, unit_id
        self.setWindowTitle(self.tr("Add attendees"))
        self.resize(620, 480)

    def operation(self, text: str) -> Operation:
        db, actor, unit = self.db, self.actor, self.unit_id

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[Person]:
            return pick_candidates(db, actor, unit_id=unit, search=text)

        return operation

    def show_rows(self, rows: list[Person]) -> None:
        self.model.set_rows(rows)
        self.count.setText(
            self.tr("%1 people; select those who attended.").replace(
                "%1", fmt.count_text(len(rows))
            )
        )


class SigninDialog(FormDialog):
    """The sign-in sheet's plan: its counts and problems; OK applies only when there are none."""

    def __init__(self, file_name: str, plan: SigninPlan, parent: QWidget | None = None) -> None:
        summary = (
            self.tr("Sheet %1: %2 rows, %3 to add, %4 to change, %5 already listed.")
            .replace("%1", plan.sheet)
            .replace("%2", fmt.count_text(plan.total_rows))
            .replace("%3", fmt.count_text(plan.added))
            .replace("%4", fmt.count_text(len(plan.changes) - plan.added))
            .replace("%5", fmt.count_text(plan.unchanged))
        )
        super().__init__(
            self.tr("Import sign-in sheet: %1").replace("%1", file_name), summary, parent
        )
        self.problems = ProblemsPage(
            plan.problems, settings_key="sheet-import-problems", title=self.windowTitle()
        )
        self.problems.setMinimumHeight(200)
        self.form.addRow(self.problems)
        ok = self.findChild(QDialogButtonBox)
        if ok is not None:
            button = ok.button(QDialogButtonBox.StandardButton.Ok)
            button.setText(self.tr("Import") if not plan.has_errors else self.tr("Fix the sheet"))
            button.setEnabled(not plan.has_errors)
        self.resize(560, 380)
