"""The one-off item dialog shows what a 税后扣款 really does; the month fields step by month."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from ui.desktop.payroll.item_dialog import ItemDialog

pytestmark = pytest.mark.gui


class _Payee:
    def __init__(self, name: str, id_number: str) -> None:
        self.name, self.id_number = name, id_number


def test_an_after_tax_deduction_shows_neither_taxed_nor_in_the_base(qtbot: QtBot) -> None:
    dialog = ItemDialog(dt.date(2026, 7, 1), [_Payee("黄雨燕", "150102199001011234")])
    qtbot.addWidget(dialog)
    dialog.name.setText("代扣水电费")
    dialog.amount.setText("-300")
    dialog.insurable.setChecked(False)  # the clerk's own choice, kept for later

    dialog.after_tax.setChecked(True)
    # greyed out and unticked, as the saved item will read (计税 否, 计入基数 否)
    assert not dialog.taxable.isChecked() and not dialog.insurable.isChecked()
    (entry,) = dialog.entries()
    assert entry.after_tax and not entry.taxable and not entry.insurable

    dialog.after_tax.setChecked(False)
    assert dialog.taxable.isChecked() and not dialog.insurable.isChecked()


def test_the_month_arrows_step_a_month_across_the_year(qtbot: QtBot) -> None:
    from ui.desktop.payroll.dialogs import month_edit, month_of

    edit = month_edit(dt.date(2026, 2, 1))
    qtbot.addWidget(edit)
    edit.stepBy(-1)  # what the down arrow does: the month, not the year the cursor starts in
    assert month_of(edit) == dt.date(2026, 1, 1)
    edit.stepBy(-1)
    assert month_of(edit) == dt.date(2025, 12, 1)
    edit.stepBy(2)
    assert month_of(edit) == dt.date(2026, 2, 1)
