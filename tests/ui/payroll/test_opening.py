"""工资 → 期初累计… and the payroll window's year, driven like a clerk on SQLite: the withholding
client's sheet shows its problems before anything is written, then imports; a row is corrected
with a reason; the payroll window opens on July (the month after the opening figures), its
first calculation continues from them and the drill-down shows the 期初 lines; 撤销计算 asks with
the month's totals and removes it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.services.payroll_support import community, hire
from ui.desktop.payroll.opening import CorrectDialog, OpeningWindow
from ui.desktop.payroll.window import PayrollWindow
from ui.desktop.widgets.sheet_import import SheetPlanDialog
from workforce.services.context import Actor, Database
from workforce.services.payroll.guard import CALCULATED
from workforce.services.roster.workers import load_worker

pytestmark = pytest.mark.gui
HEAD = [
    "身份证号",
    "姓名",
    "所属期止",
    "累计收入额",
    "累计专项扣除",
    "累计专项附加扣除",
    "累计其他扣除",
    "累计已预缴税额",
]


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for values in [HEAD, *rows]:
        book.active.append(values)
    book.save(path)
    return path


def test_import_review_correct_then_july_continues(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unit = community(sqlite_db, admin_sqlite)
    worker = hire(sqlite_db, admin_sqlite, unit, 1, level=3)
    data = load_worker(sqlite_db, worker).data
    screen = OpeningWindow(sqlite_db, admin_sqlite, today=dt.date(2026, 7, 3))
    qtbot.addWidget(screen)
    screen.show()
    screen.open_latest()
    qtbot.waitUntil(lambda: screen.loaded)
    assert "starts in January" in screen.summary.text()

    bad = [[data.id_number, "别人", "2026-06", 120000, 27000, 12000, 0, 4530]]
    screen.import_sheet(_sheet(tmp_path / "bad.xlsx", bad))
    qtbot.waitUntil(lambda: isinstance(screen.dialog, SheetPlanDialog))
    plan = screen.dialog
    assert isinstance(plan, SheetPlanDialog) and not plan.import_button.isEnabled()
    plan.reject()

    good = [[data.id_number, data.name, "2026-06", 120000, 27000, 12000, 0, 4530]]
    screen.import_sheet(_sheet(tmp_path / "good.xlsx", good))
    qtbot.waitUntil(
        lambda: screen.dialog is not plan and isinstance(screen.dialog, SheetPlanDialog)
    )
    clean = screen.dialog
    assert isinstance(clean, SheetPlanDialog) and clean.import_button.isEnabled()
    clean.accept()
    qtbot.waitUntil(lambda: screen.loaded and screen.model.rowCount() == 1)
    assert "starts in month 7" in screen.summary.text()
    assert screen.model.rows[0].figures.withheld == 4530

    screen.table.selectRow(0)
    screen.correct_button.click()
    dialog = screen.dialog
    assert isinstance(dialog, CorrectDialog)
    dialog.fields["withheld"].setText("4,630")
    dialog.reason.setText("扣缴客户端重新导出")
    dialog.accept()
    qtbot.waitUntil(lambda: screen.loaded and screen.model.rows[0].figures.withheld == 4630)
    assert "check them" in screen.summary.text()  # 4,630 is not what the figures give

    window = PayrollWindow(sqlite_db, admin_sqlite, today=dt.date(2026, 12, 7))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.period() == dt.date(2026, 7, 1))
    qtbot.waitUntil(lambda: "Not calculated" in window.status.text())
    assert not window.discard_button.isEnabled()
    window.calculate_button.click()
    qtbot.waitUntil(lambda: window.status_code() == CALCULATED and window.model.rowCount() == 1)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: "Opening tax withheld" in window.detail.toPlainText())
    assert "4,630.00" in window.detail.toPlainText()

    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    net = window.model.rows[0].net
    window.discard_button.click()
    qtbot.waitUntil(lambda: window.status_code() is None)
    assert f"{net:,.2f}" in asked[0] and "1 people" in asked[0]
