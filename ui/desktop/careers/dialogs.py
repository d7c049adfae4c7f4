"""The small dialogs behind the career tabs' buttons: a registration or renewal date, a corrected
registration date with its reason, and a pipeline move. Each is opened non-modally with ``open()``
and read back in ``accepted``; none calls a service."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.widgets.form_dialog import FormDialog
from ui.desktop.widgets.inputs import DateEdit
from workforce.domain.careers.pipeline import LEAVE_RESERVE, RESERVE, RESERVE_TARGETS, STAGES


class RegistrationDialog(FormDialog):
    """登记/续期: the date of the first registration or of a renewal."""

    def __init__(self, level: str, last: dt.date | None, today: dt.date, parent: QWidget) -> None:
        note = (
            self.tr("Last registered on %1; a renewal must be later.").replace(
                "%1", fmt.date_text(last)
            )
            if last
            else self.tr("The certificate has not been registered yet.")
        )
        super().__init__(self.tr("Register or renew: %1").replace("%1", level), note, parent)
        self.date = DateEdit()
        self.date.set_value(today)
        self.form.addRow(self.tr("Registration date"), self.date)


class CorrectionDialog(FormDialog):
    """更正登记日期: which registration, its right date and why."""

    def __init__(self, level: str, dates: Sequence[dt.date], parent: QWidget) -> None:
        super().__init__(
            self.tr("Correct a registration date: %1").replace("%1", level),
            self.tr("The allowance and the ladder credit follow the corrected first registration."),
            parent,
        )
        self.old = QComboBox()
        for day in dates:
            self.old.addItem(fmt.date_text(day), day)
        self.new = DateEdit()
        if dates:
            self.new.set_value(dates[-1])
        self.old.currentIndexChanged.connect(lambda _i: self.new.set_value(self.old.currentData()))
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Registration entered as"), self.old)
        self.form.addRow(self.tr("Correct date"), self.new)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.require(self.reason)


class MoveDialog(FormDialog):
    """变动: a pipeline stage (with the reserve target where it needs one), date, source, reason."""

    def __init__(self, name: str, today: dt.date, parent: QWidget) -> None:
        super().__init__(self.tr("Pipeline change: %1").replace("%1", name), "", parent)
        self.stage = QComboBox()
        self.stage.addItems(list(STAGES))
        self.target = QComboBox()
        self.target.addItems(list(RESERVE_TARGETS))
        self.date = DateEdit()
        self.date.set_value(today)
        self.source = QLineEdit("手工录入")
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Stage"), self.stage)
        self.form.addRow(self.tr("Reserve target"), self.target)
        self.form.addRow(self.tr("Effective date"), self.date)
        self.form.addRow(self.tr("Source"), self.source)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.require(self.reason)
        self.stage.currentTextChanged.connect(self._stage_changed)
        self._stage_changed(self.stage.currentText())

    def _stage_changed(self, stage: str) -> None:
        self.target.setEnabled(stage in (RESERVE, LEAVE_RESERVE))

    def target_role(self) -> str | None:
        return self.target.currentText() if self.target.isEnabled() else None
