"""The desktop session: the first start sets the administrator password, later starts log in
(with the forced change of a password an administrator set), and the window locks when idle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from pytestqt.qtbot import QtBot

from ui.desktop.accounts.login_dialog import PasswordDialog, SignIn
from ui.desktop.app import begin_session
from ui.desktop.idle_lock import IdleLock
from ui.desktop.main_window import MainWindow
from workforce.domain.vocab import Role
from workforce.services.accounts import auth
from workforce.services.accounts.auth import login_required, set_initial_password
from workforce.services.accounts.users import create_user
from workforce.services.context import Database

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024))
    yield


def _window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def _submit(qtbot: QtBot, dialog: PasswordDialog, password: str, repeat: str | None = None) -> None:
    """Type and press OK, then wait for the check (it runs off the GUI thread)."""
    dialog.password.setText(password)
    dialog.repeat.setText(password if repeat is None else repeat)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.busy)


def _dialog(session: SignIn) -> PasswordDialog:
    assert session.dialog is not None
    return session.dialog


def test_the_first_start_sets_the_administrator_password(qtbot: QtBot, sqlite_db: Database) -> None:
    window = _window(qtbot)
    quits: list[bool] = []
    session = begin_session(window, sqlite_db, lambda: quits.append(True), idle_ms=0)
    dialog = _dialog(session)
    assert dialog.isVisible() and dialog.windowTitle() == "Set the administrator password"
    assert dialog.username.text() == "admin" and dialog.username.isReadOnly()
    _submit(qtbot, dialog, "Guangming2026", "Guangming2025")
    assert dialog.error.text() == "The two passwords differ."
    _submit(qtbot, dialog, "20262026")
    assert dialog.error.text() == "密码不能全是数字" and window.actor is None
    _submit(qtbot, dialog, "Guangming2026")
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.actor is not None)  # after the file's check
    assert window.actor is not None and window.actor.username == "admin"
    assert login_required(sqlite_db) and not quits


def test_closing_the_first_dialog_quits_without_a_session(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    window = _window(qtbot)
    quits: list[bool] = []
    session = begin_session(window, sqlite_db, lambda: quits.append(True), idle_ms=0)
    _dialog(session).cancel_button.click()
    assert quits == [True] and window.actor is None and not login_required(sqlite_db)


def test_log_in_then_change_the_password_an_administrator_set(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    admin = set_initial_password(sqlite_db, "Guangming2026")
    create_user(sqlite_db, admin, "luru", "录入甲", Role.CLERK, password="Xinhua-2026")
    window = _window(qtbot)
    session = begin_session(window, sqlite_db, lambda: None, idle_ms=0)
    login = _dialog(session)
    assert login.windowTitle() == "Log in" and not login.username.isReadOnly()
    login.username.setText("luru")
    _submit(qtbot, login, "wrong-password")
    assert login.error.text() == "用户名或密码不正确" and login.isVisible()
    _submit(qtbot, login, "Xinhua-2026")
    change = _dialog(session)
    assert change is not login and change.windowTitle() == "Change your password"
    _submit(qtbot, change, "Xinhua-2026")
    assert change.error.text() == "新密码不能与当前密码相同"
    _submit(qtbot, change, "Luru-own-2026")
    qtbot.waitUntil(lambda: window.actor is not None)
    assert window.actor is not None and window.actor.role is Role.CLERK
    assert auth.authenticate(sqlite_db, "luru", "Luru-own-2026").username == "luru"


def test_the_idle_window_locks_until_the_same_users_password(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    set_initial_password(sqlite_db, "Guangming2026")
    window = _window(qtbot)
    quits: list[bool] = []
    session = begin_session(window, sqlite_db, lambda: quits.append(True), idle_ms=50)
    login = _dialog(session)
    login.username.setText("admin")
    _submit(qtbot, login, "Guangming2026")
    qtbot.waitUntil(lambda: window.findChild(IdleLock) is not None)  # after the file's check
    lock = window.findChild(IdleLock)
    assert isinstance(lock, IdleLock)
    qtbot.waitUntil(lambda: lock.locked)
    assert lock.cover is not None and lock.cover.isVisible()
    dialog = lock.dialog
    assert dialog is not None and dialog.username.text() == "admin"
    assert dialog.username.isReadOnly()
    _submit(qtbot, dialog, "wrong-password")
    assert dialog.error.text() == "用户名或密码不正确" and lock.locked
    _submit(qtbot, dialog, "Guangming2026")
    assert not lock.locked and not dialog.isVisible()
    qtbot.waitUntil(lambda: lock.locked)  # idle again
    assert lock.dialog is not None
    lock.dialog.cancel_button.click()  # Quit
    assert not window.isVisible()


def test_a_second_user_signs_an_approval_with_their_password(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.desktop.accounts.login_dialog import account_actor

    admin = set_initial_password(sqlite_db, "Guangming2026")
    create_user(sqlite_db, admin, "shenhe", "审核乙", Role.APPROVER, password="Shenhe-2026")
    window = _window(qtbot)
    assert account_actor(window, sqlite_db, "admin", admin)() is admin  # no prompt for oneself
    seen: list[str] = []

    def type_password(password: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PasswordDialog)
        seen.append(dialog.windowTitle())
        _submit(qtbot, dialog, password)
        if dialog.isVisible():  # refused: the message shows, the clerk gives up
            seen.append(dialog.error.text())
            dialog.reject()

    QTimer.singleShot(0, lambda: type_password("wrong-password"))
    assert account_actor(window, sqlite_db, "shenhe", admin) is None
    QTimer.singleShot(0, lambda: type_password("Shenhe-2026"))
    assert account_actor(window, sqlite_db, "shenhe", admin) is None  # the password admin set
    assert seen[-1].startswith("用户「shenhe」的密码由管理员设置，须先修改密码才能操作")
    shenhe = auth.authenticate(sqlite_db, "shenhe", "Shenhe-2026")
    auth.change_own_password(sqlite_db, shenhe, "Shenhe-2026", "Shenhe-own-2026")
    QTimer.singleShot(0, lambda: type_password("Shenhe-own-2026"))
    signed = account_actor(window, sqlite_db, "shenhe", admin)
    assert signed is not None and signed().role is Role.APPROVER
    assert seen[:2] == ["Sign as shenhe", "用户名或密码不正确"] and len(seen) == 5


def test_a_long_refusal_grows_the_dialog_instead_of_clipping_its_lines(qtbot: QtBot) -> None:
    dialog = PasswordDialog("Sign as shenhe", "shenhe confirms.", lambda *_args: None, username="x")
    qtbot.addWidget(dialog)
    dialog.show()
    before = dialog.height()
    dialog.show_error(
        "用户「shenhe」的密码由管理员设置，须先修改密码才能操作：请运行 workforce user passwd "
        "--user shenhe，或在桌面程序中以该用户登录并按提示修改"
    )
    assert dialog.height() > before
    assert dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())


def test_the_app_start_path_signs_in_before_attaching(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``run_desktop`` itself: the first start's dialog comes up over the empty window; setting
    the password attaches the window as the administrator; closing the window ends the app."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.desktop import app as desktop

    monkeypatch.setattr(desktop, "install_translations", lambda *_a: [])
    url = f"sqlite:///{tmp_path / 'w.db'}"
    seen: list[str] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        window = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None
        )
        if isinstance(dialog, PasswordDialog) and not seen:
            assert window is not None and window.actor is None  # nothing shown before sign-in
            seen.append(dialog.windowTitle())
            dialog.password.setText("Guangming2026")
            dialog.repeat.setText("Guangming2026")
            dialog.ok_button.click()
        elif window is not None and window.actor is not None:
            seen.append(window.actor.username)
            window.close()
            return
        QTimer.singleShot(20, step)

    QTimer.singleShot(0, step)
    assert desktop.run_desktop(url) == 0
    assert seen == ["Set the administrator password", "admin"]
    db = Database.open(url)
    try:
        assert login_required(db)
    finally:
        db.close()


def test_a_long_refusal_grows_the_dialog_instead_of_squeezing_its_fields(qtbot: QtBot) -> None:
    dialog = PasswordDialog("审核", "请 shenhe 在本机确认此步骤：输入其密码。", lambda _u, _p: None,
                            username="shenhe")  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.password.height()
    dialog.show_error(
        "用户「shenhe」的密码由管理员设置，须先修改密码才能操作：请运行 workforce user passwd "
        "--user shenhe，或在桌面程序中以该用户登录并按提示修改"
    )
    qtbot.wait(50)
    error = dialog.error
    assert error.height() >= error.heightForWidth(error.width())  # every line of it shown
    assert dialog.password.height() == before  # the field keeps its height
