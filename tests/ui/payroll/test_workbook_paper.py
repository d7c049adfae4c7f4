"""The payroll workbook from the desktop prints on A3 as ``payroll export --paper A3`` does: the
clerk picks the paper before saving, the street sheets are set up for it, the choice is kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.services.payroll_support import adopted_in, community, hire
from ui.desktop.payroll.exports import PaperDialog, export_workbook
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month

pytestmark = pytest.mark.gui
A4, A3 = 9, 8  # the paper codes of an .xlsx page setup


def test_the_workbook_prints_on_the_paper_chosen(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unit = community(sqlite_db, admin_sqlite)
    hire(sqlite_db, admin_sqlite, unit, 1)
    adopted_in(sqlite_db, admin_sqlite, "2026-03")
    calculate_month(sqlite_db, admin_sqlite, "2026-03")
    parent = QWidget()
    qtbot.addWidget(parent)
    saved: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: saved.append(args[2]))

    def pick(paper: str) -> None:
        def run(dialog: PaperDialog) -> int:
            dialog.paper.setCurrentIndex(dialog.paper.findData(paper))
            dialog.accept()
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(PaperDialog, "exec", run)

    papers = {}
    for paper in ("A3", "A4"):
        pick(paper)
        target = tmp_path / f"{paper}.xlsx"
        export_workbook(parent, sqlite_db, admin_sqlite, dt.date(2026, 3, 1), str(target))
        qtbot.waitUntil(lambda target=target: any(str(target) in t for t in saved), timeout=10000)
        sheets = load_workbook(target).worksheets
        assert len(sheets) >= 2  # 汇总 and a street
        papers[paper] = {int(s.page_setup.paperSize) for s in sheets}
        assert all(s.page_setup.orientation == "landscape" for s in sheets)
    assert papers == {"A3": {A3}, "A4": {A4}}

    dialog = PaperDialog()
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "A4"  # the last choice is offered again
    dialog.paper.setCurrentIndex(dialog.paper.findData("A3"))
    dialog.accept()
    again = PaperDialog()
    qtbot.addWidget(again)
    assert again.chosen() == "A3"
