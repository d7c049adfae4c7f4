"""A one-off pay item (取暖补贴, 扣款 …) for the workers selected on the payroll month screen,
saved with ``add_items`` in one transaction. The service checks the item and refuses a closed
month; a calculated month goes back to draft and must be calculated again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Protocol

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui import formatting as fmt
from workforce.domain.payroll.pay_item_sheet import NAME_MAX, ItemEntry
from workforce.domain.payroll.payslip import MERGED, SEPARATE

AMOUNT = QRegularExpression(r"^-?\d{1,7}(\.\d{0,2})?$")
NAMES_SHOWN = 6


class Payee(Protocol):
    """Whom an item is for: a review row of the month, or a worker picked by unit or 身份证号."""

    @property
    def name(self) -> str: ...

    @property
    def id_number(self) -> str: ...


class ItemDialog(QDialog):
    def __init__(
        self, period: dt.date, rows: Sequence[Payee], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.period, self.rows = period, list(rows)
        self.setWindowTitle(self.tr("Add a pay item"))
        self.setMinimumWidth(420)
        names = "、".join(r.name for r in self.rows[:NAMES_SHOWN])
        if len(self.rows) > NAMES_SHOWN:
            names += self.tr(" and %1 more").replace(
                "%1", fmt.count_text(len(self.rows) - NAMES_SHOWN)
            )
        self.who = QLabel(names)
        self.who.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. heating allowance"))
        self.name.setMaxLength(NAME_MAX)
        self.amount = QLineEdit()
        self.amount.setValidator(QRegularExpressionValidator(AMOUNT, self))
        self.amount.setPlaceholderText(self.tr("yuan; negative for a deduction"))
        self.taxable = QCheckBox(self.tr("Taxable"))
        self.taxable.setChecked(True)
        self.insurable = QCheckBox(self.tr("Counts towards the contribution base"))
        self.insurable.setChecked(True)
        self.after_tax = QCheckBox(self.tr("Deducted after tax (a negative amount)"))
        # 全年一次性奖金: taxed separately or merged, chosen per payment ("" = the region's rule)
        self.bonus = QCheckBox(self.tr("Year-end bonus (one payment a year)"))
        self.bonus_tax = QComboBox()
        self.bonus_tax.addItem(self.tr("As the region's rule says"), "")
        self.bonus_tax.addItem(self.tr("Taxed separately (monthly table on bonus ÷ 12)"), SEPARATE)
        self.bonus_tax.addItem(self.tr("Merged into this month's wages"), MERGED)
        self.note = QLineEdit()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Workers"), self.who)
        form.addRow(self.tr("Item"), self.name)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow("", self.taxable)
        form.addRow("", self.insurable)
        form.addRow("", self.after_tax)
        form.addRow("", self.bonus)
        form.addRow(self.tr("Bonus tax"), self.bonus_tax)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.buttons)
        for edit in (self.name, self.amount):
            edit.textChanged.connect(lambda _text: self._update())
        self._kept: tuple[bool, bool] | None = None  # 计税/计入基数 before 税后扣款 was ticked
        self.after_tax.toggled.connect(lambda _checked: self._update())
        self.bonus.toggled.connect(lambda _checked: self._update())
        self._update()

    def amount_value(self) -> Decimal | None:
        try:
            value = Decimal(self.amount.text())
        except InvalidOperation:
            return None
        return value if value else None

    def _update(self) -> None:
        after, bonus = self.after_tax.isChecked(), self.bonus.isChecked()
        self.bonus.setEnabled(not after)
        self.bonus_tax.setEnabled(bonus and not after)
        self.after_tax.setEnabled(not bonus)
        for box in (self.taxable, self.insurable):
            box.setEnabled(not after and not bonus)
        if after:  # paid out of the net: neither taxed nor in the base, and shown so
            if self._kept is None:
                self._kept = (self.taxable.isChecked(), self.insurable.isChecked())
            self.taxable.setChecked(False)
            self.insurable.setChecked(False)
        elif self._kept is not None:  # back to what the clerk had ticked
            self.taxable.setChecked(self._kept[0])
            self.insurable.setChecked(self._kept[1])
            self._kept = None
        if bonus:  # a bonus is taxable income and stays out of the contribution base
            self.taxable.setChecked(True)
            self.insurable.setChecked(False)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()) and self.amount_value() is not None)

    def entries(self) -> list[ItemEntry]:
        """One item per selected worker, as the service takes them."""
        amount = self.amount_value()
        if amount is None:
            return []
        after = self.after_tax.isChecked()
        bonus = self.bonus.isChecked() and not after
        treatment: str | None = str(self.bonus_tax.currentData()) if bonus else None
        return [
            ItemEntry(
                row.id_number,
                self.period,
                self.name.text().strip(),
                amount,
                taxable=self.taxable.isChecked() and not after,
                insurable=self.insurable.isChecked() and not after,
                after_tax=after,
                note=self.note.text().strip(),
                annual_bonus=treatment,
            )
            for row in self.rows
        ]
