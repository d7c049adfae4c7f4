"""The training screen: a session created through its dialog, two workers of the tree's unit put
on its list, both shown with the session's hours."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import add_workers
from ui.desktop.careers.training_dialogs import PickDialog, SessionDialog, SigninDialog
from ui.desktop.careers.training_window import TrainingWindow
from workforce.services.careers.training import SessionInput, create_session
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui


def test_create_a_session_and_add_two_attendees(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("李强", "光明社区")])
    window = TrainingWindow(sqlite_db, admin_sqlite)
    qtbot.addWidget(window)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.loaded)

    window.new_button.click()
    dialog = window.dialog
    assert isinstance(dialog, SessionDialog)
    dialog.title.setText("社区治理专题培训")
    dialog.level.setCurrentText("街道")
    dialog.hours.setValue(7.5)
    dialog.accept()
    qtbot.waitUntil(lambda: len(window.sessions.rows) == 1)
    session = window.sessions.rows[0]
    assert (session.organiser_level, session.hours, session.required) == (
        "街道",
        Decimal("7.5"),
        True,
    )

    window.add_button.click()
    picker = window.dialog
    assert isinstance(picker, PickDialog)
    qtbot.waitUntil(lambda: picker.loaded)
    picker.table.selectAll()
    picker.accept()
    qtbot.waitUntil(lambda: len(window.attendees.rows) == 2)
    assert {(r.name, r.hours) for r in window.attendees.rows} == {
        ("王芳", Decimal("7.5")),
        ("李强", Decimal("7.5")),
    }
    qtbot.waitUntil(lambda: window.sessions.rows[0].attendees == 2)
    if shots := os.environ.get("WORKFORCE_SHOTS"):
        window.grab().save(os.path.join(shots, "training_window.png"))


def test_signin_sheet_shows_its_problems_and_imports_when_clean(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区")])
    create_session(
        sqlite_db,
        admin_sqlite,
        SessionInput("政策培训", "市级", dt.date(2026, 3, 1), dt.date(2026, 3, 2), Decimal(12)),
    )
    window = TrainingWindow(sqlite_db, admin_sqlite)
    qtbot.addWidget(window)
    window.load()
    qtbot.waitUntil(lambda: window.loaded)

    def sheet(names: list[str]) -> Path:
        book = Workbook()
        book.active.append(["序号", "姓名"])  # type: ignore[union-attr]
        for number, name in enumerate(names, 1):
            book.active.append([number, name])  # type: ignore[union-attr]
        path = tmp_path / f"签到表{len(names)}.xlsx"
        book.save(path)
        return path

    window.import_sheet(sheet(["王芳", "查无此人"]))
    qtbot.waitUntil(lambda: isinstance(window.dialog, SigninDialog))
    assert isinstance(window.dialog, SigninDialog)
    assert "查无此人" in window.dialog.problems.lines()
    window.dialog.reject()
    window.dialog = None

    window.import_sheet(sheet(["王芳"]))
    qtbot.waitUntil(lambda: isinstance(window.dialog, SigninDialog))
    assert isinstance(window.dialog, SigninDialog)
    window.dialog.accept()
    qtbot.waitUntil(lambda: [r.name for r in window.attendees.rows] == ["王芳"])
    assert window.attendees.rows[0].hours == Decimal(12)


def test_signin_sheet_valid_only_lists_the_known_and_hands_back_the_unknown(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, tmp_path: Path
) -> None:
    from openpyxl import Workbook, load_workbook

    from tests.ui.conftest import answer_confirm

    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区")])
    create_session(
        sqlite_db,
        admin_sqlite,
        SessionInput("政策培训", "市级", dt.date(2026, 3, 1), dt.date(2026, 3, 2), Decimal(12)),
    )
    window = TrainingWindow(sqlite_db, admin_sqlite)
    qtbot.addWidget(window)
    window.load()
    qtbot.waitUntil(lambda: window.loaded)
    book = Workbook()
    for values in (["序号", "姓名"], [1, "王芳"], [2, "查无此人"]):
        book.active.append(values)  # type: ignore[union-attr]
    path = tmp_path / "签到表.xlsx"
    book.save(path)

    window.import_sheet(path)
    qtbot.waitUntil(lambda: isinstance(window.dialog, SigninDialog))
    dialog = window.dialog
    assert isinstance(dialog, SigninDialog) and not dialog.import_button.isEnabled()
    dialog.valid_only.setChecked(True)
    asked = answer_confirm(accept=True)
    dialog.import_button.click()
    left_out = tmp_path / "签到表-未导入的行.xlsx"
    assert len(asked) == 1 and asked[0].startswith("1 rows will be imported. 1 rows with errors")
    qtbot.waitUntil(lambda: [r.name for r in window.attendees.rows] == ["王芳"])
    qtbot.waitUntil(left_out.exists)
    rows = list(load_workbook(left_out).active.values)  # type: ignore[union-attr]
    assert rows[0] == ("序号", "姓名", "问题") and rows[1][:2] == (2, "查无此人")
