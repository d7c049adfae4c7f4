"""A year-end bonus (全年一次性奖金) from the desktop: the item dialog marks the payment and its tax
treatment; the payslip drill-down shows the bonus and its separate tax beside the wages' tax."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from tests.services.payroll_support import community, hire
from ui.desktop.payroll.item_dialog import ItemDialog
from ui.desktop.widgets.slip_detail import detail_html
from workforce.domain.payroll.payslip import SEPARATE
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.items import add_items
from workforce.services.payroll.screens import slip_detail
from workforce.services.roster.workers import load_worker

pytestmark = pytest.mark.gui
JANUARY = dt.date(2026, 1, 1)


class _Payee:
    def __init__(self, name: str, id_number: str) -> None:
        self.name, self.id_number = name, id_number


def test_the_dialog_marks_a_bonus_taxed_as_chosen(qtbot: QtBot) -> None:
    dialog = ItemDialog(JANUARY, [_Payee("张三", "150102199001011234")])
    qtbot.addWidget(dialog)
    dialog.name.setText("年终奖")
    dialog.amount.setText("36000")
    assert not dialog.bonus_tax.isEnabled()
    assert dialog.entries()[0].annual_bonus is None  # an ordinary item

    dialog.bonus.setChecked(True)
    assert dialog.taxable.isChecked() and not dialog.insurable.isChecked()
    assert not dialog.insurable.isEnabled() and not dialog.after_tax.isEnabled()
    assert dialog.entries()[0].annual_bonus == ""  # the region's rule
    dialog.bonus_tax.setCurrentIndex(dialog.bonus_tax.findData(SEPARATE))
    (entry,) = dialog.entries()
    assert (entry.annual_bonus, entry.amount, entry.taxable, entry.insurable) == (
        SEPARATE,
        Decimal("36000"),
        True,
        False,
    )


def test_the_drill_down_shows_the_bonus_and_its_own_tax(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    unit = community(sqlite_db, admin_sqlite)
    worker = hire(sqlite_db, admin_sqlite, unit, 1, level=3)
    dialog = ItemDialog(JANUARY, [_Payee("x", load_worker(sqlite_db, worker).data.id_number)])
    qtbot.addWidget(dialog)
    dialog.name.setText("年终奖")
    dialog.amount.setText("36000")
    dialog.bonus.setChecked(True)
    dialog.bonus_tax.setCurrentIndex(dialog.bonus_tax.findData(SEPARATE))
    add_items(sqlite_db, admin_sqlite, dialog.entries())
    calculate_month(sqlite_db, admin_sqlite, "2026-01")

    detail = slip_detail(sqlite_db, admin_sqlite, JANUARY, worker)
    assert (detail.bonus_income, detail.bonus_tax) == (Decimal("36000.00"), Decimal("1080.00"))
    text = detail_html(detail)
    assert "Year-end bonus taxed separately" in text and "36,000.00" in text
    assert "1,080.00" in text
    wages_tax = detail.tax - detail.bonus_tax
    assert f"{wages_tax:,.2f}" in text
