"""文件 → 备份与恢复: the list with its preview, back up now, restore after confirming."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from tests.factories import make_worker
from tests.ui.conftest import add_workers
from ui.desktop.main_window import MainWindow
from ui.desktop.system.backup_dialog import BackupDialog
from workforce.services.backup import create_backup
from workforce.services.context import Actor, Database
from workforce.services.roster.workers import create_worker, load_worker

pytestmark = pytest.mark.gui


def test_back_up_now_then_restore_the_older_copy(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    (first,) = add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区")])
    create_backup(sqlite_db, admin_sqlite, "年终前")
    community = load_worker(sqlite_db, first).data.community_id
    create_worker(sqlite_db, admin_sqlite, replace(make_worker(community, 2), name="李强"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)

    dialog = BackupDialog(sqlite_db, admin_sqlite, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1
    assert dialog.preview["reason"].text() == "年终前"
    assert dialog.preview["workers"].text() == "1 (1 active)"
    assert dialog.preview["locked"].text() == "none"

    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.preview["workers"].text() == "2 (2 active)"  # the newest, selected
    dialog.table.selectRow(1)
    assert dialog.preview["reason"].text() == "年终前"
    dialog.grab().save("/tmp/backup-crash-dialog.png")

    asked: list[str] = []
    dialog.confirm = lambda info: asked.append(info.reason) or False  # type: ignore[method-assign]
    dialog.restore_selected()
    assert asked == ["年终前"] and dialog.model.rowCount() == 2  # declined: nothing happened

    dialog.confirm = lambda info: True  # type: ignore[method-assign]
    dialog.restored.connect(lambda: window.attach(sqlite_db, admin_sqlite))
    dialog.restore_selected()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert [row.name for row in window.model.rows] == ["王芳"]
    assert dialog.model.rowCount() == 3  # the data before the restore was kept as a backup
