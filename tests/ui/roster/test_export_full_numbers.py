"""导出花名册 and 打印花名册 mask ID numbers and bank accounts unless the clerk ticks "show in
full" in the save dialog (unticked by default); the full export is written to the audit log."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import add_workers
from ui.desktop.main_window import MainWindow
from ui.desktop.roster import file_actions
from workforce.persistence.accounts import AuditEntry
from workforce.services.context import Actor, Database
from workforce.services.roster.workers import load_worker

pytestmark = pytest.mark.gui


def _save_as(target: Path, full: bool, seen: list[bool]) -> Callable[[], None]:
    """Work the save dialog: the check box starts unticked; tick it or not, choose the file."""

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        try:
            box = dialog.findChild(QCheckBox, "full-numbers")
            assert box is not None and box.isVisible()
            seen.append(box.isChecked())
            box.setChecked(full)
            dialog.selectFile(str(target))
            dialog.accept()
        finally:
            if dialog.isVisible():
                dialog.reject()

    return step


def _window(qtbot: QtBot, db: Database, actor: Actor) -> tuple[MainWindow, str]:
    [worker] = add_workers(db, actor, [("王芳", "光明社区")])
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(db, actor)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    return window, load_worker(db, worker).data.id_number


def _full_exports(db: Database) -> list[str]:
    with db.reading() as session:
        return list(
            session.scalars(select(AuditEntry.note).where(AuditEntry.action == "export_full"))
        )


def _id_cells(path: Path, id_number: str) -> list[str]:
    sheet = load_workbook(path, read_only=True).worksheets[0]
    return [
        str(cell)
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str) and cell[:6] == id_number[:6]
    ]


@pytest.mark.parametrize("full", [False, True])
def test_the_roster_export_shows_full_numbers_only_when_asked(
    qtbot: QtBot,
    tmp_path: Path,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
    full: bool,
) -> None:
    window, id_number = _window(qtbot, sqlite_db, admin_sqlite)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    initially: list[bool] = []
    QTimer.singleShot(0, _save_as(tmp_path / "roster", full, initially))
    file_actions.export_roster(window)
    qtbot.waitUntil(lambda: bool(messages))
    assert initially == [False]
    shown = _id_cells(tmp_path / "roster.xlsx", id_number)
    if full:
        assert shown == [id_number]
        assert _full_exports(sqlite_db) == ["导出花名册（含完整身份证号或银行账号，1人）"]
    else:
        assert shown == [f"{id_number[:6]}********{id_number[-4:]}"]
        assert _full_exports(sqlite_db) == []


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True)
    return done.stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")
def test_the_printed_roster_with_full_numbers_is_audited(
    qtbot: QtBot,
    tmp_path: Path,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, id_number = _window(qtbot, sqlite_db, admin_sqlite)
    window.mask_action.setChecked(False)  # the table's view does not decide what is printed
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    initially: list[bool] = []
    QTimer.singleShot(0, _save_as(tmp_path / "masked", False, initially))
    file_actions.print_roster(window)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    masked = _pdf_text(tmp_path / "masked.pdf")
    assert id_number not in masked and f"{id_number[:6]}********{id_number[-4:]}" in masked
    assert _full_exports(sqlite_db) == []
    QTimer.singleShot(0, _save_as(tmp_path / "full", True, initially))
    file_actions.print_roster(window)
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=10_000)
    assert initially == [False, False]
    assert id_number in _pdf_text(tmp_path / "full.pdf")
    assert _full_exports(sqlite_db) == ["导出花名册（PDF）（含完整身份证号或银行账号，1人）"]
