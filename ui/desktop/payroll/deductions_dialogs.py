"""The special deductions screen's forms: a declaration to add or correct (worker by 身份证号,
kind, monthly amount, from and optionally to month, note) and the month a declaration ends.
They only collect values; the services check them and their refusals are shown as they are."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLineEdit, QWidget

from ui.desktop.payroll.dialogs import month_edit, month_of
from ui.desktop.widgets.form_dialog import FormDialog
from workforce.services.payroll.deduction_edits import DeclarationRow
from workforce.services.payroll.deductions import KINDS

AMOUNT = QRegularExpression(r"^\d{1,5}(\.\d{0,2})?$")


class DeclarationDialog(FormDialog):
    """录入 or 更正 a declaration; ``row`` given: a correction of that declaration (its worker
    fixed)."""

    def __init__(
        self,
        today: dt.date,
        *,
        id_number: str = "",
        row: DeclarationRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Correct a declaration") if row else self.tr("Add a declaration")
        note = (
            self.tr(
                "%1: the months the old or the new declaration covers must not be paid yet."
            ).replace("%1", row.name)
            if row
            else ""
        )
        super().__init__(title, note, parent)
        self.id_number = QLineEdit(row.id_number if row else id_number)
        self.id_number.setPlaceholderText(self.tr("18-digit ID number"))
        self.id_number.setReadOnly(row is not None)
        self.kind = QComboBox()
        self.kind.addItems(list(KINDS))
        self.amount = QLineEdit()
        self.amount.setValidator(QRegularExpressionValidator(AMOUNT, self))
        self.amount.setPlaceholderText(self.tr("yuan a month"))
        self.first = month_edit(row.from_month if row else today)
        self.ends = QCheckBox(self.tr("Ends in"))
        self.ends.setChecked(row is not None and row.to_month is not None)
        self.last = month_edit(row.to_month or today if row else today)
        self.note = QLineEdit(row.note if row else "")
        if row is not None:
            self.kind.setCurrentText(row.kind)
            self.amount.setText(f"{row.monthly_amount}")
        self.form.addRow(self.tr("ID number"), self.id_number)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Monthly amount"), self.amount)
        self.form.addRow(self.tr("From month"), self.first)
        self.form.addRow(self.ends, self.last)
        self.form.addRow(self.tr("Note"), self.note)
        self.ok = self.findChild(QDialogButtonBox).button(  # type: ignore[union-attr]
            QDialogButtonBox.StandardButton.Ok
        )
        for edit in (self.id_number, self.amount):
            edit.textChanged.connect(lambda _text: self._update())
        self.ends.toggled.connect(lambda _on: self._update())
        self._update()

    def amount_value(self) -> Decimal | None:
        try:
            value = Decimal(self.amount.text())
        except InvalidOperation:
            return None
        return value if value > 0 else None

    def first_month(self) -> dt.date:
        return month_of(self.first)

    def last_month(self) -> dt.date | None:
        return month_of(self.last) if self.ends.isChecked() else None

    def _update(self) -> None:
        self.last.setEnabled(self.ends.isChecked())
        self.ok.setEnabled(bool(self.id_number.text().strip()) and self.amount_value() is not None)


class EndDialog(FormDialog):
    """截止: the last month a declaration applies."""

    def __init__(self, row: DeclarationRow, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("End a declaration"),
            self.tr("%1, %2: the last month it is deducted.")
            .replace("%1", row.name)
            .replace("%2", row.kind),
            parent,
        )
        self.last = month_edit(today)
        self.form.addRow(self.tr("Last month"), self.last)

    def value(self) -> dt.date:
        return month_of(self.last)
