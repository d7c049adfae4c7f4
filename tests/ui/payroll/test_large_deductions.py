"""Issue 13 §8 (spec §10) on the desktop: a deduction larger than the month's gross, entered in
the items grid or imported from a sheet, is shown and written only when the clerk confirms; the
calculated month shows it above the review table."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.payroll.test_items_grid import _fill, _window
from ui.desktop.payroll.items_grid import ItemsGrid
from ui.desktop.widgets.sheet_import import SheetPlanDialog
from workforce.services.context import Actor, Database
from workforce.services.payroll.guard import CALCULATED

pytestmark = pytest.mark.gui


def test_a_huge_deduction_is_asked_about_then_shown_on_the_month(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes] * 2)

    def warning(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return next(answers)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    window = _window(qtbot, sqlite_db, admin_sqlite, 1)
    assert not window.warnings.isVisible()
    person = window.model.rows[0]
    window.table.selectRow(0)
    window.items_button.click()
    grid = window.items_grid
    assert isinstance(grid, ItemsGrid)
    qtbot.addWidget(grid)
    qtbot.waitUntil(lambda: grid.items is not None)

    grid.add_selected_button.click()
    _fill(grid.dialog, "扣款", "-99999")
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert person.name in asked[0] and "-99,999.00" in asked[0]
    qtbot.wait(50)
    assert grid.model.rowCount() == 0  # declined: nothing written

    grid.add_selected_button.click()
    _fill(grid.dialog, "扣款", "-99999")
    qtbot.waitUntil(lambda: grid.model.rowCount() == 1)  # confirmed
    assert len(asked) == 2

    book = Workbook()
    for line in (
        ("身份证号", "姓名", "项目名称", "金额"),
        (person.id_number, person.name, "罚款", -5e4),
    ):
        book.active.append(line)  # type: ignore[union-attr]
    path = tmp_path / "项目.xlsx"
    book.save(path)
    for expected in (1, 2):
        grid.import_sheet(path)
        qtbot.waitUntil(lambda: isinstance(grid.dialog, SheetPlanDialog))
        plan = grid.dialog
        assert isinstance(plan, SheetPlanDialog) and plan.import_button.isEnabled()
        assert "第2行" in plan.problems.lines() and "-50,000.00" in plan.problems.lines()
        plan.accept()
        qtbot.waitUntil(lambda rows=expected: grid.model.rowCount() == rows)  # type: ignore[misc]
        grid.dialog = None
    assert len(asked) == 4 and "-50,000.00" in asked[2]

    window.calculate_button.click()
    qtbot.waitUntil(lambda: window.status_code() == CALCULATED and window.warnings.isVisible())
    assert "-99,999.00" in window.warnings.text() and "-50,000.00" in window.warnings.text()
