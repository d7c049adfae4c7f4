"""工资 → 专项附加扣除… driven like a clerk on SQLite: opened on the tree's community it lists that
community's declarations; a declaration is added by 身份证号, corrected, ended and deleted; a
change in a locked month is refused with the service's message; a declarations sheet shows its
problems (and saves an error report) before anything is written, then imports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from tests.services.payroll_support import close, user
from tests.ui.conftest import add_workers
from ui.desktop.main_window import MainWindow
from ui.desktop.payroll.deductions_dialogs import DeclarationDialog, EndDialog
from ui.desktop.payroll.deductions_window import DeductionsWindow
from ui.desktop.payroll.dialogs import month_edit
from ui.desktop.widgets.sheet_import import SheetPlanDialog
from workforce.domain.vocab import Role
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.deductions import declare_deduction
from workforce.services.roster.workers import load_worker

pytestmark = pytest.mark.gui
JAN = dt.date(2026, 1, 1)


def _opened(qtbot: QtBot, db: Database, admin: Actor) -> tuple[DeductionsWindow, list[int]]:
    """The screen opened from the menu with 幸福社区 chosen in the tree."""
    ids = add_workers(db, admin, [("王芳", "光明社区"), ("李强", "幸福社区"), ("王强", "幸福社区")])
    declare_deduction(db, admin, ids[0], "住房租金", 1500, JAN)
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.attach(db, admin)
    qtbot.waitUntil(lambda: main.model.rowCount() == 3)
    main.tree.setCurrentItem(main.tree.findItems("幸福社区", Qt.MatchFlag.MatchRecursive)[0])
    menu = next(
        m
        for m in main.menuBar().findChildren(QMenu)
        if any(a.text() == "Special deductions…" for a in m.actions())
    )
    menu.aboutToShow.emit()
    action = next(a for a in menu.actions() if a.text() == "Special deductions…")
    assert action.isEnabled()
    action.trigger()
    screen = main.findChild(DeductionsWindow)
    assert isinstance(screen, DeductionsWindow)
    screen.today = dt.date(2026, 3, 15)
    qtbot.waitUntil(lambda: screen.loaded)
    return screen, ids


def _declare(screen: DeductionsWindow, number: str, kind: str, amount: str) -> None:
    screen.add_button.click()
    dialog = screen.dialog
    assert isinstance(dialog, DeclarationDialog)
    if number:
        dialog.id_number.setText(number)
    dialog.kind.setCurrentText(kind)
    dialog.amount.setText(amount)
    dialog.first.setDate(month_edit(JAN).date())
    dialog.accept()


def test_add_correct_end_and_delete_declarations(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    screen, ids = _opened(qtbot, sqlite_db, admin_sqlite)
    assert screen.model.rowCount() == 0  # 王芳's declaration is in 光明社区
    li = load_worker(sqlite_db, ids[1]).data.id_number

    _declare(screen, li, "赡养老人", "3000")
    qtbot.waitUntil(lambda: screen.loaded and screen.model.rowCount() == 1)
    row = screen.model.rows[0]
    assert (row.name, row.kind, row.monthly_amount, row.to_month) == (
        "李强", "赡养老人", Decimal("3000.00"), None
    )  # fmt: skip
    _declare(screen, li, "住房租金", "1800")  # over the ceiling: the service says why
    qtbot.waitUntil(lambda: any("1500" in m for m in messages))
    assert screen.model.rowCount() == 1

    screen.table.selectRow(0)
    screen.correct_button.click()
    correction = screen.dialog
    assert isinstance(correction, DeclarationDialog) and correction.id_number.isReadOnly()
    assert correction.amount.text() == "3000.00"
    correction.amount.setText("1500")
    correction.note.setText("与兄分摊")
    correction.accept()
    qtbot.waitUntil(lambda: screen.loaded and screen.model.rows[0].note == "与兄分摊")
    assert screen.model.rows[0].monthly_amount == Decimal("1500.00")

    screen.table.selectRow(0)
    screen.end_button.click()
    ending = screen.dialog
    assert isinstance(ending, EndDialog)
    ending.last.setDate(month_edit(dt.date(2026, 6, 1)).date())
    ending.accept()
    qtbot.waitUntil(lambda: screen.loaded and screen.model.rows[0].to_month is not None)
    assert screen.model.rows[0].to_month == dt.date(2026, 6, 1)
    assert "2026年6月" in screen.model.data(screen.model.index(0, 6))
    screen.grab().save("/tmp/payroll-desktop-deductions.png")

    calculate_month(sqlite_db, admin_sqlite, "2026-01")
    close(sqlite_db, "2026-01", user(sqlite_db, "shenhe", Role.APPROVER), admin_sqlite)
    screen.table.selectRow(0)
    screen.delete_button.click()  # January is paid: refused, shown as the service says
    qtbot.waitUntil(lambda: any("已锁定" in m for m in messages))
    screen.load()
    qtbot.waitUntil(lambda: screen.loaded)
    assert screen.model.rowCount() == 1

    screen.search.setText("王芳")  # a worker outside the unit is not found
    screen.load()
    qtbot.waitUntil(lambda: screen.loaded)
    assert screen.model.rowCount() == 0


def test_a_declarations_sheet_shows_its_problems_before_writing(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    screen, ids = _opened(qtbot, sqlite_db, admin_sqlite)
    people = [load_worker(sqlite_db, i).data for i in ids[1:]]
    from openpyxl import Workbook

    def sheet(*body: tuple[object, ...]) -> Path:
        book = Workbook()
        book.active.append(("身份证号", "姓名", "类别", "每月金额", "起始月份", "结束月份"))
        for line in body:
            book.active.append(line)
        path = tmp_path / f"申报{len(body)}.xlsx"
        book.save(path)
        return path

    good = (people[0].id_number, people[0].name, "子女教育", 2000, "2026-01", None)
    bad = (people[1].id_number, people[1].name, "旅游", 100, "2026-01", None)
    screen.import_sheet(sheet(good, bad))
    qtbot.waitUntil(lambda: isinstance(screen.dialog, SheetPlanDialog))
    plan = screen.dialog
    assert isinstance(plan, SheetPlanDialog)
    assert not plan.import_button.isEnabled() and "第3行" in plan.problems.lines()
    report = tmp_path / "申报-错误报告.xlsx"
    plan.export_report(str(report))
    qtbot.waitUntil(report.exists)
    plan.reject()
    screen.load()
    qtbot.waitUntil(lambda: screen.loaded)
    assert screen.model.rowCount() == 0

    screen.import_sheet(sheet(good))
    qtbot.waitUntil(
        lambda: screen.dialog is not plan and isinstance(screen.dialog, SheetPlanDialog)
    )
    clean = screen.dialog
    assert isinstance(clean, SheetPlanDialog) and clean.import_button.isEnabled()
    clean.accept()
    qtbot.waitUntil(lambda: screen.loaded and screen.model.rowCount() == 1)
    assert screen.model.rows[0].kind == "子女教育" and screen.model.rows[0].name == people[0].name


def test_valid_only_imports_the_good_declaration_and_writes_the_bad_one_to_fix(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """仅导入无误的行 in the shared sheet dialog: asked in numbers, the good row written, the bad
    one unchanged with a 问题 column beside the file; that workbook, corrected, imports."""
    from openpyxl import Workbook, load_workbook

    from tests.ui.conftest import answer_confirm

    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    screen, ids = _opened(qtbot, sqlite_db, admin_sqlite)
    people = [load_worker(sqlite_db, i).data for i in ids[1:]]
    header = ("身份证号", "姓名", "类别", "每月金额", "起始月份", "结束月份")
    book = Workbook()
    book.active.append(header)
    book.active.append((people[0].id_number, people[0].name, "子女教育", 2000, "2026-01", None))
    book.active.append((people[1].id_number, people[1].name, "旅游", 100, "2026-01", None))
    path = tmp_path / "申报.xlsx"
    book.save(path)
    screen.import_sheet(path)
    qtbot.waitUntil(lambda: isinstance(screen.dialog, SheetPlanDialog))
    plan = screen.dialog
    assert isinstance(plan, SheetPlanDialog) and not plan.import_button.isEnabled()
    assert not plan.valid_only.isHidden()
    assert "1 rows with errors are left out" in plan.valid_only.text()
    plan.valid_only.setChecked(True)
    assert plan.import_button.isEnabled()

    asked = answer_confirm(accept=False)  # 取消: the dialog stays, nothing is written
    plan.import_button.click()
    left_out = tmp_path / "申报-未导入的行.xlsx"
    assert asked == [
        f"1 rows will be imported. 1 rows with errors are not imported: they are written, "
        f"unchanged and with a 问题 column, to {left_out} to correct and import again."
    ]
    assert plan.isVisible()

    answer_confirm(accept=True)
    plan.import_button.click()
    qtbot.waitUntil(lambda: screen.loaded and screen.model.rowCount() == 1)
    qtbot.waitUntil(left_out.exists)
    assert screen.model.rows[0].kind == "子女教育"
    fixed = load_workbook(left_out)
    rows = list(fixed.active.values)
    assert rows[0] == (*header, "问题")
    assert rows[1][:4] == (people[1].id_number, people[1].name, "旅游", 100)
    assert rows[1][-1].startswith("原第3行：")

    fixed.active.cell(2, 3).value = "住房租金"
    fixed.save(left_out)
    screen.import_sheet(left_out)
    qtbot.waitUntil(
        lambda: screen.dialog is not plan and isinstance(screen.dialog, SheetPlanDialog)
    )
    again = screen.dialog
    assert isinstance(again, SheetPlanDialog) and again.import_button.isEnabled()
    assert again.valid_only.isHidden()  # no error: nothing to leave out
    again.accept()
    qtbot.waitUntil(lambda: screen.loaded and screen.model.rowCount() == 2)
