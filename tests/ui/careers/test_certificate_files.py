"""社工证 from the menus: the import shows its plan (each row's change, the problems, 仅导入无误的行
writing the rows left out beside the file) before anything is written, and the 台账 is exported
for the unit chosen in the tree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import add_workers, answer_confirm
from ui.desktop.careers.certificate_files import (
    CertificatePlanDialog,
    export_register,
    start_certificate_import,
)
from ui.desktop.main_window import MainWindow
from ui.desktop.widgets.sheet_import import rejected_path
from workforce.services.careers.certificates import worker_certificates
from workforce.services.context import Actor, Database
from workforce.services.roster.workers import load_worker

pytestmark = pytest.mark.gui
HEADER = ["序号", "身份证号码", "姓名", "证书等级", "证书编号", "取得日期", "登记日期"]


def _plan_dialog() -> CertificatePlanDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, CertificatePlanDialog) and widget.isVisible():
            return widget
    return None


def test_import_previews_then_imports_the_valid_rows_and_writes_the_rest(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = add_workers(
        sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("李强", "光明社区")]
    )
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append([1, load_worker(sqlite_db, first).data.id_number, "王芳", "中级", "S-1",
                  "2019-10-01", "2020-06-01"])  # fmt: skip
    sheet.append([2, load_worker(sqlite_db, second).data.id_number, "李四", "助理", "A-2",
                  None, None])  # fmt: skip  # row 3: not that person's name
    path = tmp_path / "社工证.xlsx"
    book.save(path)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    imported: list[bool] = []
    parent = QWidget()
    qtbot.addWidget(parent)

    start_certificate_import(parent, sqlite_db, admin_sqlite, path, lambda: imported.append(True))
    qtbot.waitUntil(lambda: _plan_dialog() is not None)
    dialog = _plan_dialog()
    assert dialog is not None
    assert [c.name for c in dialog.changes.rows] == ["王芳"]
    problems = dialog.problems.lines()
    assert "李四" in problems and "第3行" in problems
    assert not dialog.import_button.isEnabled() and not dialog.valid_only.isHidden()
    assert worker_certificates(sqlite_db, admin_sqlite, first) == []  # a preview writes nothing

    dialog.valid_only.setChecked(True)
    assert dialog.import_button.isEnabled()
    asked = answer_confirm(True)
    dialog.import_button.click()
    assert "1 rows with errors" in asked[0] or "有错误的 1 行" in asked[0]
    qtbot.waitUntil(lambda: bool(imported))
    (certificate,) = worker_certificates(sqlite_db, admin_sqlite, first)
    assert (certificate.number, certificate.registrations) == ("S-1", (dt.date(2020, 6, 1),))
    assert worker_certificates(sqlite_db, admin_sqlite, second) == []
    left_out = openpyxl.load_workbook(rejected_path(path)).active
    assert left_out is not None
    assert [c.value for c in left_out[2]][:3] == [2, load_worker(sqlite_db, second).data.id_number,
                                                   "李四"]  # fmt: skip
    assert "1 certificates added" in messages[0] and str(rejected_path(path)) in messages[0]


def test_the_ledger_is_exported_from_the_workers_menu(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from workforce.services.careers.certificates import CertificateEntry, record_certificate

    (worker,) = add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区")])
    on = dt.date.today() - dt.timedelta(days=30)
    record_certificate(
        sqlite_db, admin_sqlite, CertificateEntry(worker, "社会工作师", "S-9", on, on)
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.snapshot is not None and not window.snapshot.partial)
    titles = [a.text() for a in window.menuBar().actions()]
    workers = window.menuBar().actions()[titles.index("&Workers")].menu()
    workers.aboutToShow.emit()
    entries = {a.text(): a for m in workers.actions() if m.menu() for a in m.menu().actions()}
    assert entries["Import certificates…"].isEnabled()
    assert entries["Export certificate ledger…"].isEnabled()

    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    out = tmp_path / "台账.xlsx"
    export_register(window, str(out))
    qtbot.waitUntil(lambda: bool(messages))
    ledger = openpyxl.load_workbook(out).active
    assert ledger is not None
    cells = [str(c.value) for row in ledger.iter_rows() for c in row if c.value is not None]
    assert "王芳" in cells and "S-9" in cells
    assert messages[0].startswith("Exported 1 certificates")
