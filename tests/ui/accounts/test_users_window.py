"""系统 → 用户管理… and 修改密码…: an administrator lists, adds, resets, unlocks, deactivates and
re-roles accounts; the services' refusals show in the window; anyone changes their own password."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import add_workers
from ui.desktop.accounts.password_change import ChangePasswordDialog
from ui.desktop.accounts.users_window import UsersWindow
from ui.desktop.main_window import MainWindow
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.services.accounts import auth
from workforce.services.accounts.auth import authenticate, change_own_password, set_initial_password
from workforce.services.accounts.users import create_user, list_users
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui
ADMIN_PASSWORD = "Guangming2026"


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024))
    yield


@pytest.fixture
def admin(sqlite_db: Database) -> Actor:
    actor = set_initial_password(sqlite_db, ADMIN_PASSWORD)
    add_workers(sqlite_db, actor, [("王芳", "光明社区")])  # makes 新华街道 under 示范区
    return actor


def _modal(qtbot: QtBot, open_it: Callable[[], None], interact: Callable[[Any], None]) -> None:
    """Open a modal dialog and work it from a timer (``exec`` blocks); never leaves it open."""
    seen: list[bool] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            interact(dialog)
            seen.append(True)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, step)
    open_it()
    assert seen == [True]


def _press_ok(qtbot: QtBot, dialog: Any) -> None:
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.busy)


def _window(qtbot: QtBot, db: Database, actor: Actor) -> UsersWindow:
    window = UsersWindow(db, actor)
    qtbot.addWidget(window)
    window.show()
    window.load()
    return window


def _row(window: UsersWindow, username: str) -> list[str]:
    rows = window.model.rows
    index = next(i for i, u in enumerate(rows) if u.username == username)
    return [window.model.cell_text(rows[index], c) for c in range(len(window.model.columns))]


def test_the_menu_entry_is_for_administrators_only(
    qtbot: QtBot, sqlite_db: Database, admin: Actor
) -> None:
    create_user(sqlite_db, admin, "luru", "录入甲", Role.CLERK, password="Luru-2026")
    main = MainWindow()
    qtbot.addWidget(main)
    main.attach(sqlite_db, admin)
    manage = main.findChild(QAction, "action-users")
    password = main.findChild(QAction, "action-change-password")
    menu = main.menuBar().findChild(QMenu, "menu-system")
    assert manage is not None and password is not None and menu is not None
    menu.aboutToShow.emit()
    assert manage.isVisible() and manage.isEnabled() and password.isEnabled()
    main.actor = authenticate(sqlite_db, "luru", "Luru-2026")
    menu.aboutToShow.emit()
    assert not manage.isVisible() and not manage.isEnabled() and password.isEnabled()


def test_add_a_scoped_user_who_must_change_the_first_password(
    qtbot: QtBot, sqlite_db: Database, admin: Actor
) -> None:
    window = _window(qtbot, sqlite_db, admin)
    assert [u.username for u in window.model.rows] == ["admin"]
    admin_row = ["admin", "系统管理员", "Administrator", "Whole region", "是", "", "否"]
    assert _row(window, "admin") == admin_row

    def fill(dialog: Any) -> None:
        assert dialog.objectName() == "add-user"
        dialog.username.setText("xinhua")
        dialog.display_name.setText("新华街道录入员")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.CLERK))
        scopes = [dialog.scope.itemText(i) for i in range(dialog.scope.count())]
        assert scopes == ["Whole region", "示范区", "    新华街道"]
        dialog.scope.setCurrentIndex(2)
        dialog.password.setText("Xinhua-2026")
        dialog.repeat.setText("Xinhua-2025")
        _press_ok(qtbot, dialog)
        assert dialog.error.text() == "The two passwords differ." and dialog.isVisible()
        dialog.username.setText("admin")  # taken: the service refuses, the dialog stays
        dialog.repeat.setText("Xinhua-2026")
        _press_ok(qtbot, dialog)
        assert dialog.error.text() == "用户名「admin」已存在" and dialog.isVisible()
        dialog.username.setText("xinhua")
        _press_ok(qtbot, dialog)
        assert not dialog.isVisible()

    _modal(qtbot, window.add_user, fill)
    added = ["xinhua", "新华街道录入员", "Clerk", "新华街道", "是", "", "是"]
    assert _row(window, "xinhua") == added
    chosen = window.selected()
    assert chosen is not None and chosen.username == "xinhua"
    assert window.status.text() == "User xinhua was added."
    clerk = authenticate(sqlite_db, "xinhua", "Xinhua-2026")
    assert clerk.scope_org_id is not None and auth.password_change_due(sqlite_db, clerk)


def test_unlock_reset_role_and_deactivate_with_refusals_shown(
    qtbot: QtBot, sqlite_db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_user(sqlite_db, admin, "shenhe", "审核乙", Role.APPROVER, password="Shenhe-2026")
    for _ in range(5):
        with pytest.raises(ActionRefused):
            authenticate(sqlite_db, "shenhe", "wrong-password")
    window = _window(qtbot, sqlite_db, admin)
    assert _row(window, "shenhe")[5] != ""  # locked until …
    window.select_user("shenhe")
    assert window.unlock_button.isEnabled()
    window.unlock()
    qtbot.waitUntil(lambda: window.status.text() == "shenhe was unlocked.")
    assert _row(window, "shenhe")[5] == "" and not window.unlock_button.isEnabled()

    def reset(dialog: Any) -> None:
        assert dialog.windowTitle() == "Reset the password of shenhe"
        dialog.password.setText("Shenhe-new-2026")
        dialog.repeat.setText("Shenhe-new-2026")
        _press_ok(qtbot, dialog)
        assert not dialog.isVisible()

    _modal(qtbot, window.reset_password, reset)
    assert authenticate(sqlite_db, "shenhe", "Shenhe-new-2026").username == "shenhe"
    assert _row(window, "shenhe")[6] == "是"

    def re_role(dialog: Any) -> None:
        dialog.role.setCurrentIndex(dialog.role.findData(Role.FINANCE))
        dialog.scope.setCurrentIndex(dialog.scope.findText("    新华街道"))
        _press_ok(qtbot, dialog)
        assert not dialog.isVisible()

    _modal(qtbot, window.change_role, re_role)
    assert _row(window, "shenhe")[2:4] == ["Finance", "新华街道"]

    window.select_user("admin")  # the only administrator, and oneself
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    window.deactivate()
    qtbot.waitUntil(window.error.isVisible)
    assert window.error.text() == "不能停用当前登录的用户"

    def demote(dialog: Any) -> None:
        dialog.role.setCurrentIndex(dialog.role.findData(Role.CLERK))
        _press_ok(qtbot, dialog)
        assert dialog.error.text() == "不能取消唯一的管理员的管理员角色" and dialog.isVisible()

    _modal(qtbot, window.change_role, demote)
    window.select_user("shenhe")
    window.deactivate()
    qtbot.waitUntil(lambda: window.status.text() == "shenhe was deactivated.")
    assert not window.error.isVisible() and _row(window, "shenhe")[4] == "否"
    assert not window.deactivate_button.isEnabled() and not window.reset_button.isEnabled()


def test_the_services_refuse_a_non_administrator(
    qtbot: QtBot, sqlite_db: Database, admin: Actor
) -> None:
    create_user(sqlite_db, admin, "luru", "录入甲", Role.CLERK, password="Luru-2026")
    signed = authenticate(sqlite_db, "luru", "Luru-2026")
    luru = change_own_password(sqlite_db, signed, "Luru-2026", "Luru-own-2026")  # first, always
    window = _window(qtbot, sqlite_db, luru)
    window.select_user("admin")
    window.unlock()
    qtbot.waitUntil(window.error.isVisible)
    assert "无权" in window.error.text()


def test_change_ones_own_password(qtbot: QtBot, sqlite_db: Database, admin: Actor) -> None:
    dialog = ChangePasswordDialog(sqlite_db, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Change password" and dialog.username.text() == "admin"
    dialog.current.setText("not-the-password")
    dialog.password.setText("Guangming-2027")
    dialog.repeat.setText("Guangming-2027")
    _press_ok(qtbot, dialog)
    assert dialog.error.text() == "当前密码不正确" and dialog.isVisible()
    assert dialog.current.text() == ""
    dialog.current.setText(ADMIN_PASSWORD)
    dialog.password.setText("Guangming-2027")
    dialog.repeat.setText("Guangming-2027")
    _press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert authenticate(sqlite_db, "admin", "Guangming-2027").username == "admin"
    assert not any(u.must_change_password for u in list_users(sqlite_db) if u.username == "admin")
