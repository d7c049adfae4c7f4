"""启动检查: a damaged file stops the session before the window opens; the dialog says so, shows
the newest intact backup with what it holds, restores it after a confirmation, or quits."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.damage import damage_live
from ui.desktop.accounts.login_dialog import PasswordDialog
from ui.desktop.app import begin_session
from ui.desktop.main_window import MainWindow
from ui.desktop.system.startup_check import DamagedDatabaseDialog
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.services.accounts.auth import authenticate, change_own_password, set_initial_password
from workforce.services.accounts.users import create_user, reset_password
from workforce.services.backup import create_backup
from workforce.services.context import Actor, Database
from workforce.services.system.demo import generate_demo

pytestmark = pytest.mark.gui


PASSWORD = "Guangming2026"


def _damaged_start(
    qtbot: QtBot, db: Database, quits: list[bool], username: str = "admin"
) -> tuple[MainWindow, DamagedDatabaseDialog]:
    """Log in (as the administrator), then wait for the check's dialog."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    login = begin_session(window, db, lambda: quits.append(True), idle_ms=0).dialog
    assert login is not None
    login.username.setText(username)
    login.password.setText(PASSWORD)
    login.ok_button.click()
    qtbot.waitUntil(lambda: window.findChild(DamagedDatabaseDialog) is not None)
    dialog = window.findChild(DamagedDatabaseDialog)
    assert isinstance(dialog, DamagedDatabaseDialog)
    qtbot.waitUntil(dialog.isVisible)
    return window, dialog


def _damaged_demo(db: Database, *, backup: str | None = None) -> Actor:
    admin = set_initial_password(db, PASSWORD)
    generate_demo(db, admin, workers=300, seed=5)
    if backup:
        create_backup(db, admin, backup)
    damage_live(db)
    return admin


def test_a_damaged_file_offers_the_newest_intact_backup_and_restores_it(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    admin = _damaged_demo(sqlite_db, backup="年终前")
    quits: list[bool] = []
    window, dialog = _damaged_start(qtbot, sqlite_db, quits)

    assert window.actor is None  # the window shows nothing of the damaged file
    assert dialog.windowTitle() == "The database file is damaged"
    assert "已损坏" in dialog.message.text() and "已停止写入" in dialog.message.text()
    assert "page" in dialog.problems.toPlainText()
    assert dialog.offer.isVisible() and dialog.restore_button.isVisible()
    assert dialog.preview["reason"].text() == "年终前"
    assert dialog.preview["workers"].text() == "300 (294 active)"
    assert dialog.preview["locked"].text() == "none"
    dialog.grab().save("/tmp/damaged-dialog.png")
    with pytest.raises(ActionRefused, match="已停止写入"):
        create_user(sqlite_db, admin, "luru", "录入甲", Role.CLERK)

    asked: list[str] = []
    dialog.confirm = lambda info: asked.append(info.reason) or False  # type: ignore[method-assign]
    dialog.restore_button.click()
    assert asked == ["年终前"] and dialog.isVisible() and sqlite_db.writes_refused

    dialog.confirm = lambda info: True  # type: ignore[method-assign]
    dialog.restore_button.click()
    qtbot.waitUntil(
        lambda: window.findChild(DamagedDatabaseDialog) is None or not dialog.isVisible()
    )
    login = window.findChildren(PasswordDialog)[-1]  # signed in again, to the restored file
    qtbot.waitUntil(login.isVisible)
    login.username.setText("admin")
    login.password.setText(PASSWORD)
    login.ok_button.click()
    qtbot.waitUntil(lambda: window.actor is not None)
    assert not dialog.isVisible() and not quits and sqlite_db.writes_refused is None
    qtbot.waitUntil(lambda: window.model.rowCount() == 294)  # the active workers, as backed up


def test_quit_when_there_is_no_intact_backup(qtbot: QtBot, sqlite_db: Database) -> None:
    _damaged_demo(sqlite_db)
    quits: list[bool] = []
    window, dialog = _damaged_start(qtbot, sqlite_db, quits)
    assert not dialog.restore_button.isVisible()
    assert dialog.none_offered.text() == "No intact backup was found beside the database file."
    dialog.quit_button.click()
    assert quits == [True] and window.actor is None


def test_a_clerk_is_told_that_only_an_administrator_restores(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    admin = set_initial_password(sqlite_db, PASSWORD)
    create_user(sqlite_db, admin, "luru", "录入甲", Role.CLERK)
    reset_password(sqlite_db, admin, "luru", "Luru-set-2026")
    luru = change_own_password(
        sqlite_db, authenticate(sqlite_db, "luru", "Luru-set-2026"), "Luru-set-2026", PASSWORD
    )
    generate_demo(sqlite_db, admin, workers=300, seed=5)
    create_backup(sqlite_db, admin, "年终前")
    damage_live(sqlite_db)
    quits: list[bool] = []
    _window, dialog = _damaged_start(qtbot, sqlite_db, quits, "luru")
    assert luru.role is Role.CLERK and not dialog.restore_button.isVisible()
    assert dialog.none_offered.text().startswith("Only an administrator can restore a backup")
