"""系统 → 审计日志… on the main window, for approvers and administrators. The window (and the
database layer under it) is imported when first opened (app start ≤ 1 s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from ui.desktop.widgets.windows import open_window
from workforce.domain.accounts.permissions import Action, is_allowed

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell

SYSTEM_MENU = "menu-system"  # objectName: other system entries join the same menu


def open_audit_window(window: WindowShell) -> None:
    from ui.desktop.accounts.audit_window import AuditWindow

    screen = open_window(window, AuditWindow)
    if screen is not None:
        screen.load()


def system_menu(window: WindowShell) -> QMenu:
    """The System menu, made on first use."""
    menus = window.widget().menuBar()
    found = menus.findChild(QMenu, SYSTEM_MENU)
    if found is not None:
        return found
    menu = menus.addMenu(QCoreApplication.translate("audit_menu", "&System"))
    menu.setObjectName(SYSTEM_MENU)
    return menu


def add_audit_menu(window: WindowShell) -> QAction:
    """审计日志… in the System menu, enabled for roles that may read the log."""
    menu = system_menu(window)
    action = QAction(QCoreApplication.translate("audit_menu", "Audit log…"), window.widget())
    action.setEnabled(False)
    action.triggered.connect(lambda _checked=False: open_audit_window(window))

    def enable() -> None:
        actor = window.actor
        allowed = actor is not None and is_allowed(actor.role, Action.VIEW_AUDIT)
        action.setEnabled(window.db is not None and allowed)

    menu.aboutToShow.connect(enable)
    menu.addAction(action)
    add_account_entries(window, menu)
    return action


def open_users_window(window: WindowShell) -> None:
    from ui.desktop.accounts.users_window import UsersWindow

    if window.actor is None or not is_allowed(window.actor.role, Action.MANAGE_USERS):
        return
    screen = open_window(window, UsersWindow)
    if screen is not None:
        screen.load()


def open_password_dialog(window: WindowShell) -> None:
    from ui.desktop.accounts.password_change import change_own_password

    db, actor = window.db, window.actor
    if db is None or actor is None or actor.user_id is None:
        return
    if change_own_password(window.widget(), db, actor):
        title = QCoreApplication.translate("audit_menu", "Change password")
        text = QCoreApplication.translate("audit_menu", "Your password was changed.")
        QMessageBox.information(window.widget(), title, text)


def add_account_entries(window: WindowShell, menu: QMenu) -> tuple[QAction, QAction]:
    """用户管理… (administrators only: hidden for the others) and 修改密码… (anyone signed in)."""
    main = window.widget()
    manage = QAction(QCoreApplication.translate("audit_menu", "User management…"), main)
    manage.setObjectName("action-users")
    manage.triggered.connect(lambda _checked=False: open_users_window(window))
    password = QAction(QCoreApplication.translate("audit_menu", "Change password…"), main)
    password.setObjectName("action-change-password")
    password.triggered.connect(lambda _checked=False: open_password_dialog(window))

    def enable() -> None:
        actor = window.actor
        admin = (
            window.db is not None
            and actor is not None
            and is_allowed(actor.role, Action.MANAGE_USERS)
        )
        manage.setEnabled(admin)
        manage.setVisible(admin)
        password.setEnabled(window.db is not None and actor is not None)

    enable()
    menu.aboutToShow.connect(enable)
    menu.addSeparator()
    menu.addAction(manage)
    menu.addAction(password)
    return manage, password
