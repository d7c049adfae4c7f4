"""The import preview shows a small workbook's plan; one bad row keeps 确认导入 disabled."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.factories import make_id
from workforce.domain.progress import CancelToken, no_progress
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui
pytest.importorskip("workforce.services.roster.importing")
pytest.importorskip("reports.xlsx_reader")

HEADER = [
    "序号",
    "街道",
    "社区",
    "姓名",
    "性别",
    "身份证号",
    "出生日期",
    "岗位",
    "岗位等级",
    "人员状态",
]


def _workbook(path: Path, *, with_error: bool = True) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(HEADER)
    good = make_id(3, dt.date(1988, 4, 2), male=False)
    sheet.append(
        [1, "新华街道", "光明社区", "李娜", "女", good, "1988-04-02", "其他社区工作者", 3, "在职"]
    )
    bad_id = "110105194912310021"  # wrong check digit
    if with_error:
        row = [2, "新华街道", "光明社区", "王强", "男", bad_id, "1949-12-31", "其他社区工作者", 3]
        sheet.append([*row, "在职"])
    book.save(path)
    return path


def test_preview_lists_the_error_and_refuses_to_import(
    qtbot: QtBot, tmp_path: Path, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    from ui.desktop.roster.import_dialog import ImportPreview, plan_operation

    path = _workbook(tmp_path / "roster.xlsx")
    grid, plan = plan_operation(sqlite_db, admin_sqlite, str(path))(no_progress, CancelToken())
    dialog = ImportPreview(sqlite_db, admin_sqlite, str(path), grid, plan)
    qtbot.addWidget(dialog)
    assert plan.has_errors
    assert not dialog.confirm_button.isEnabled()
    assert dialog.report_button.isEnabled()
    assert dialog.tabs.currentIndex() == 2  # the problems tab
    errors = [p for p in dialog.problems.rows if p.is_error]
    assert [p.where.row for p in errors] == [3]
    assert dialog.problems.data(dialog.problems.index(0, 5)) == errors[0].message
    assert "新华街道/光明社区" in dialog.units.rows


def test_a_clean_workbook_imports_off_the_gui_thread(
    qtbot: QtBot,
    tmp_path: Path,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.desktop.roster.import_dialog import ImportPreview, plan_operation
    from workforce.services.roster.query import roster_rows

    path = _workbook(tmp_path / "roster.xlsx", with_error=False)
    grid, plan = plan_operation(sqlite_db, admin_sqlite, str(path))(no_progress, CancelToken())
    dialog = ImportPreview(sqlite_db, admin_sqlite, str(path), grid, plan)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    assert dialog.confirm_button.isEnabled()
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None)
    assert dialog.result is not None and dialog.result.created == 1
    with sqlite_db.reading() as session:
        assert [row.name for row in roster_rows(session)] == ["李娜"]
