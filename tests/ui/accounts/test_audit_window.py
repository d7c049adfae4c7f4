"""The audit window: filter, lazy pages, the detail pane's old → new, the export, the menu."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from tests.ui.conftest import add_workers
from ui.desktop.accounts import audit_window
from ui.desktop.accounts.audit_models import ENTRY_COLUMNS, EntryModel
from ui.desktop.accounts.audit_window import AuditWindow
from ui.desktop.main_window import MainWindow
from workforce.domain.vocab import Role
from workforce.services.accounts.audit_views import AuditPage, audit_page
from workforce.services.context import Actor, Database
from workforce.services.roster.workers import load_worker, update_worker

pytestmark = pytest.mark.gui


def _history(db: Database, admin: Actor) -> int:
    names = [(f"人员{n}", "光明社区") for n in range(1, 6)]
    first = add_workers(db, admin, names)[0]
    file = load_worker(db, first)
    update_worker(
        db, admin, first, replace(file.data, name="王芳", phone="13900001111"), file.version
    )
    return first


def _window(qtbot: QtBot, db: Database, actor: Actor) -> AuditWindow:
    window = AuditWindow(db, actor)
    qtbot.addWidget(window)
    window.page_size = 3
    window.resize(900, 260)  # room for two rows: a page of three scrolls
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.loaded)
    return window


def test_filter_pages_and_detail(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = _history(sqlite_db, admin_sqlite)
    asked: list[int | None] = []

    def spy(*args: Any, before_id: int | None = None, limit: int = 200) -> AuditPage:
        asked.append(before_id)
        return audit_page(*args, before_id=before_id, limit=limit)

    monkeypatch.setattr(audit_window, "audit_page", spy)
    window = _window(qtbot, sqlite_db, admin_sqlite)
    assert window.total == 8  # street and community, 5 workers, 1 edit
    window.table.scrollToBottom()  # scrolling (or a table not yet full) loads the next page
    qtbot.waitUntil(lambda: window.next_before is None and not window.loading)
    shown = [r.entry_id for r in window.entries.rows]
    assert shown == sorted(set(shown), reverse=True) and len(shown) == 8
    assert len(asked) == 3 and asked[0] is None  # three pages of three, each after the last
    assert asked[1:] == [shown[2], shown[5]]

    window.entity.setCurrentIndex(window.entity.findData("worker"))
    window.action.setCurrentIndex(window.action.findData("update"))
    window.search()
    qtbot.waitUntil(lambda: window.loaded)
    assert [(r.entity, r.entity_id) for r in window.entries.rows] == [("worker", first)]
    assert [(c.field, c.old, c.new) for c in window.changes.rows] == [
        ("name", "人员1", "王芳"),
        ("phone", None, "13900001111"),
    ]
    assert "人员档案 #" in window.heading.text()
    assert window.status.text() == "1 entries found, 1 shown."
    if shots := os.environ.get("WORKFORCE_SHOTS"):
        window.clear()
        qtbot.waitUntil(lambda: window.loaded)
        window.table.selectRow(0)
        window.grab().save(os.path.join(shots, "audit_window.png"))


def test_export_writes_every_filtered_entry(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, tmp_path: Path
) -> None:
    _history(sqlite_db, admin_sqlite)
    window = _window(qtbot, sqlite_db, admin_sqlite)
    window.entity.setCurrentIndex(window.entity.findData("worker"))
    window.search()
    qtbot.waitUntil(lambda: window.loaded)
    assert window.total == 6
    out = tmp_path / "log.xlsx"
    window.export(out)
    qtbot.waitUntil(lambda: window.exported == out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    entries = {r[0] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(entries) == 6  # every worker entry found, whether its page was shown or not
    assert "6 entries exported to" in window.status.text()


def test_model_passes_qt_checks(
    qtmodeltester: object, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    from workforce.services.accounts.audit_views import AuditFilter

    _history(sqlite_db, admin_sqlite)
    page = audit_page(sqlite_db, admin_sqlite, AuditFilter())
    model = EntryModel(ENTRY_COLUMNS)
    model.append_rows(page.rows[:4])
    model.append_rows(page.rows[4:])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert len(model.rows) == len(page.rows)


def test_menu_entry_only_for_roles_that_may_read(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(sqlite_db, admin_sqlite)
    system = window.menuBar().findChild(QMenu, "menu-system")
    assert system is not None and window.audit_action in system.actions()
    system.aboutToShow.emit()
    assert window.audit_action.isEnabled()
    window.actor = Actor(admin_sqlite.user_id, "luru", Role.CLERK)
    system.aboutToShow.emit()
    assert not window.audit_action.isEnabled()
