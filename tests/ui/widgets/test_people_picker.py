"""The items grid's people picker offers everyone employed in the month: a worker who left in
the middle of March is listed with her status and the date, can be hidden, and her final-pay item
is added and paid when March is calculated."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from tests.services.payroll_support import community, hire
from ui.desktop.payroll.dialogs import PeoplePicker
from ui.desktop.payroll.item_dialog import ItemDialog
from ui.desktop.payroll.items_grid import ItemsGrid
from workforce.domain.vocab import WorkerStatus
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.roster.workers import change_status

pytestmark = pytest.mark.gui
MARCH = dt.date(2026, 3, 1)


def test_a_final_pay_item_for_a_worker_who_left_during_the_month(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    unit = community(sqlite_db, admin_sqlite)
    hire(sqlite_db, admin_sqlite, unit, 1)
    leaver = hire(sqlite_db, admin_sqlite, unit, 2)
    change_status(sqlite_db, admin_sqlite, leaver, WorkerStatus.LEFT, dt.date(2026, 3, 16), "辞职")
    gone = hire(sqlite_db, admin_sqlite, unit, 3)
    change_status(sqlite_db, admin_sqlite, gone, WorkerStatus.LEFT, dt.date(2026, 1, 1), "辞职")
    grid = ItemsGrid(sqlite_db, admin_sqlite, MARCH, ())
    qtbot.addWidget(grid)
    grid.show()
    grid.load()
    qtbot.waitUntil(lambda: grid.items is not None)

    grid.add_button.click()
    picker = grid.dialog
    assert isinstance(picker, PeoplePicker)
    qtbot.waitUntil(lambda: picker.loaded)
    assert [(r.name, r.days) for r in picker.model.rows] == [("测试1", 31), ("测试2", 15)]
    status = picker.model.index(1, 4).data()
    assert status == "离职 since 2026-03-16"
    assert "2 people employed in the month, 1 of them have left" in picker.count.text()
    picker.grab().save("/tmp/payroll-polish-picker.png")
    picker.include_left.setChecked(False)
    assert [r.name for r in picker.model.rows] == ["测试1"]
    picker.include_left.setChecked(True)

    picker.table.selectRow(1)
    picker.accept()
    item = grid.dialog
    assert isinstance(item, ItemDialog)
    item.name.setText("补发工资")
    item.amount.setText("500")
    item.accept()
    qtbot.waitUntil(lambda: grid.model.rowCount() == 1)
    assert grid.model.rows[0].worker == "测试2"
    assert calculate_month(sqlite_db, admin_sqlite, MARCH).workers == 2  # her item is paid
