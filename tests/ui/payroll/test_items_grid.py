"""The month screen's 退回 and its items grid, driven like a clerk on SQLite: a return needs a
reason and sends the month to draft; items are added for the selected workers and for a worker
found by 身份证号, removed, and imported from a sheet whose problems are shown (and reported)
before anything is written; the month then asks to be calculated again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.services.payroll_support import community, hire, user
from ui.desktop.payroll.dialogs import PeoplePicker
from ui.desktop.payroll.item_dialog import ItemDialog
from ui.desktop.payroll.items_grid import ItemsGrid
from ui.desktop.payroll.window import PayrollWindow
from ui.desktop.widgets.sheet_import import SheetPlanDialog
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.services.context import Actor, Database
from workforce.services.payroll.guard import APPROVED, CALCULATED, DRAFT, LOCKED
from workforce.services.payroll.lifecycle import approve_month, lock_month
from workforce.services.roster.workers import load_worker

pytestmark = pytest.mark.gui


def _window(qtbot: QtBot, db: Database, admin: Actor, count: int) -> PayrollWindow:
    unit = community(db, admin)
    for sequence in range(1, count + 1):
        hire(db, admin, unit, sequence, level=4)
    window = PayrollWindow(db, admin, today=dt.date(2026, 1, 20))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.review is not None)
    window.calculate_button.click()
    qtbot.waitUntil(lambda: window.status_code() == CALCULATED and window.model.rowCount() == count)
    return window


def test_return_asks_for_a_reason_and_sends_the_month_to_draft(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    reasons = iter([("  ", True), ("社区上报的加班天数有误", True)])
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *_a: next(reasons))
    approver = user(sqlite_db, "shenhe", Role.APPROVER)
    window = _window(qtbot, sqlite_db, admin_sqlite, 2)
    approve_month(sqlite_db, approver, "2026-01")
    window.reload()
    qtbot.waitUntil(lambda: window.status_code() == APPROVED)
    assert window.return_button.isEnabled()
    window.account.setCurrentIndex(window.account.findData("shenhe"))

    window.return_button.click()  # a blank reason: the service's refusal is shown
    qtbot.waitUntil(lambda: any("理由" in m for m in messages))
    assert window.status_code() == APPROVED
    window.return_button.click()
    qtbot.waitUntil(lambda: window.status_code() == DRAFT)
    assert "calculate again" in window.status.text() and not window.return_button.isEnabled()
    with sqlite_db.reading() as session:
        notes = session.scalars(select(AuditEntry.note).where(AuditEntry.action == "invalidate"))
        assert "退回：社区上报的加班天数有误" in list(notes)

    window.calculate_button.click()
    qtbot.waitUntil(lambda: window.status_code() == CALCULATED)
    approve_month(sqlite_db, approver, "2026-01")
    lock_month(sqlite_db, admin_sqlite, "2026-01")
    window.reload()
    qtbot.waitUntil(lambda: window.status_code() == LOCKED)
    assert not window.return_button.isEnabled()
    window.items_button.click()
    grid = window.items_grid
    assert isinstance(grid, ItemsGrid)
    qtbot.waitUntil(lambda: grid.items is not None)
    # nothing returns a locked month (退回 is off): the grid says where a correction goes
    assert "return the month" not in grid.status.text()
    assert "as an item in a later month" in grid.status.text()
    assert not grid.add_button.isEnabled() and not grid.import_button.isEnabled()


def _fill(dialog: object, name: str, amount: str) -> None:
    assert isinstance(dialog, ItemDialog)
    dialog.name.setText(name)
    dialog.amount.setText(amount)
    dialog.accept()


def test_items_added_removed_and_imported_from_the_grid(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    window = _window(qtbot, sqlite_db, admin_sqlite, 3)
    rows = window.model.rows
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    window.items_button.click()
    grid = window.items_grid
    assert isinstance(grid, ItemsGrid)
    qtbot.addWidget(grid)
    qtbot.waitUntil(lambda: grid.items is not None)
    assert grid.model.rowCount() == 0 and "2" in grid.add_selected_button.text()

    grid.add_selected_button.click()
    _fill(grid.dialog, "取暖补贴", "300")
    qtbot.waitUntil(lambda: grid.model.rowCount() == 2)
    assert [r.worker for r in grid.model.rows] == [rows[0].name, rows[1].name]
    assert "calculated again" in grid.notice.text()
    qtbot.waitUntil(lambda: window.status_code() == DRAFT)  # the month screen followed
    assert "calculate again" in window.status.text()

    third = rows[2].id_number
    grid.add_button.click()  # the third worker, found by ID number
    picker = grid.dialog
    assert isinstance(picker, PeoplePicker)
    qtbot.waitUntil(lambda: picker.loaded)
    picker.search.setText(third)
    picker.load()
    qtbot.waitUntil(lambda: picker.loaded and picker.model.rowCount() == 1)
    picker.table.selectAll()
    picker.accept()
    _fill(grid.dialog, "扣款", "-80")
    qtbot.waitUntil(lambda: grid.model.rowCount() == 3)
    assert "total 520.00" in grid.totals.text()

    grid.search.setText("扣款")
    qtbot.waitUntil(lambda: grid.model.rowCount() == 1)
    grid.table.selectRow(0)
    grid.remove_button.click()
    grid.search.clear()
    qtbot.waitUntil(lambda: grid.model.rowCount() == 2 and grid.items is not None)
    assert all(r.name == "取暖补贴" for r in grid.model.rows)
    grid.grab().save("/tmp/payroll-desktop-items.png")

    from openpyxl import Workbook

    def sheet(*body: tuple[object, ...]) -> Path:
        book = Workbook()
        book.active.append(("身份证号", "姓名", "项目名称", "金额", "是否计税"))
        for line in body:
            book.active.append(line)
        path = tmp_path / f"项目{len(body)}.xlsx"
        book.save(path)
        return path

    grid.import_sheet(sheet((third, rows[2].name, "交通补贴", 200, "否"), ("X1", "?", "餐补", 9)))
    qtbot.waitUntil(lambda: isinstance(grid.dialog, SheetPlanDialog))
    plan = grid.dialog
    assert isinstance(plan, SheetPlanDialog)
    assert not plan.import_button.isEnabled() and "第3行" in plan.problems.lines()
    plan.grab().save("/tmp/payroll-desktop-import.png")
    report = tmp_path / "错误报告.xlsx"
    plan.export_report(str(report))
    qtbot.waitUntil(report.exists)
    plan.reject()
    assert grid.model.rowCount() == 2  # nothing written

    grid.import_sheet(sheet((third, rows[2].name, "交通补贴", 200, "否")))
    qtbot.waitUntil(lambda: isinstance(grid.dialog, SheetPlanDialog) and grid.dialog is not plan)
    clean = grid.dialog
    assert isinstance(clean, SheetPlanDialog) and clean.import_button.isEnabled()
    clean.accept()
    qtbot.waitUntil(lambda: grid.model.rowCount() == 3)
    added = [r for r in grid.model.rows if r.name == "交通补贴"]
    assert len(added) == 1 and not added[0].taxable and added[0].worker == rows[2].name
    assert load_worker(sqlite_db, added[0].worker_id).data.id_number == third
