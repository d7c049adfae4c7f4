"""The two dialogs of the rates window: a new version of one 五险一金 item's rates, and a new
version of the contribution base bounds. Each saves through its service off the GUI thread and
shows the service's refusal (bad rate, floor not below ceiling, a month already calculated) in the
dialog itself, which stays open for the clerk to correct."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.tasks import run_task
from workforce.domain.payroll.rate_settings import ITEM_NAMES, ROUNDING_NAMES, parse_rate
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database
from workforce.services.payroll.rates import RateVersion, set_bounds, set_rate


def date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class _VersionDialog(QDialog):
    """Shared frame: a form, a red message line and OK/Cancel; OK saves off the GUI thread."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.saved: Any = None
        self.form = QFormLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def finish_form(self) -> None:
        self.form.addRow(self.message)
        self.form.addRow(self.buttons)
        self.setMinimumWidth(440)

    def work(self) -> Callable[[], Any]:  # pragma: no cover - each dialog defines it
        raise NotImplementedError

    def save(self) -> None:
        try:
            work = self.work()
        except ActionRefused as exc:
            self.message.setText(exc.message)
            return
        self.message.clear()
        self.buttons.setEnabled(False)

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Any:
            return work()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(exc.message if isinstance(exc, ActionRefused) else str(exc))

        def done(result: Any) -> None:
            self.saved = result
            self.accept()

        run_task(
            self,
            operation,
            done,
            label=QCoreApplication.translate("rates_dialogs", "Saving…"),
            cancellable=False,
            on_failed=failed,
        )


class RateDialog(_VersionDialog):
    """新增费率版本: item, employer and individual rate (16% or 0.16), rounding, effective date."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        effective: dt.date,
        current: RateVersion | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, actor, parent)
        self.setWindowTitle(self.tr("New rate version"))
        self.item = QComboBox()
        for code, name in ITEM_NAMES.items():
            self.item.addItem(name, code)
        self.employer = QLineEdit()
        self.employer.setPlaceholderText(self.tr("e.g. 16%"))
        self.individual = QLineEdit()
        self.individual.setPlaceholderText(self.tr("e.g. 8%"))
        self.rounding = QComboBox()
        for code, name in ROUNDING_NAMES.items():
            self.rounding.addItem(name, code)
        self.effective = date_edit(effective)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. the notice's document number"))
        self.form.addRow(self.tr("Item"), self.item)
        self.form.addRow(self.tr("Employer rate"), self.employer)
        self.form.addRow(self.tr("Individual rate"), self.individual)
        self.form.addRow(self.tr("Rounding"), self.rounding)
        self.form.addRow(self.tr("Effective from"), self.effective)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish_form()
        if current is not None:
            self.item.setCurrentIndex(self.item.findData(current.code))
            self.employer.setText(_percent_input(current.employer_rate))
            self.individual.setText(_percent_input(current.individual_rate))
            self.rounding.setCurrentIndex(self.rounding.findData(current.rounding))

    def work(self) -> Callable[[], Any]:
        employer = _rate(self.employer, "单位费率")
        individual = _rate(self.individual, "个人费率")
        db, actor, code = self.db, self.actor, str(self.item.currentData())
        rounding, effective = str(self.rounding.currentData()), date_of(self.effective)
        note = self.note.text().strip()
        return lambda: set_rate(db, actor, code, employer, individual, effective, rounding, note)


def _rate(edit: QLineEdit, what: str) -> Decimal:
    if not edit.text().strip():
        raise ActionRefused(f"请填写{what}（如 16%）")
    return parse_rate(edit.text(), what)


def _percent_input(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


class BoundsDialog(_VersionDialog):
    """新增缴费基数上下限版本: floor, ceiling (yuan) and effective date."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        effective: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, actor, parent)
        self.setWindowTitle(self.tr("New contribution bounds"))
        self.floor = QLineEdit()
        self.floor.setPlaceholderText(self.tr("yuan, e.g. 4863"))
        self.ceiling = QLineEdit()
        self.ceiling.setPlaceholderText(self.tr("yuan, e.g. 24315"))
        self.effective = date_edit(effective)
        self.note = QLineEdit()
        self.form.addRow(self.tr("Floor"), self.floor)
        self.form.addRow(self.tr("Ceiling"), self.ceiling)
        self.form.addRow(self.tr("Effective from"), self.effective)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish_form()

    def _amount(self, edit: QLineEdit, what: str) -> Decimal:
        if not edit.text().strip():
            raise ActionRefused(f"请填写{what}")
        try:
            return Decimal(edit.text().replace(",", "").strip())
        except InvalidOperation:
            raise ActionRefused(f"{what}「{edit.text()}」不是数字") from None

    def work(self) -> Callable[[], Any]:
        floor = self._amount(self.floor, "缴费基数下限")
        ceiling = self._amount(self.ceiling, "缴费基数上限")
        db, actor, effective = self.db, self.actor, date_of(self.effective)
        note = self.note.text().strip()
        return lambda: set_bounds(db, actor, floor, ceiling, effective, note)
