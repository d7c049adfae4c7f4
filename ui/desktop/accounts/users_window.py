"""系统 → 用户管理… (administrators): every account with its role, scope and state; add a user,
reset a password, unlock, deactivate, change the role and scope. The services in
``workforce.services.accounts.users`` check the permission, refuse what must not happen (the last
administrator, one's own account) and audit; a refusal is shown in this window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.accounts.login_dialog import PasswordDialog
from ui.desktop.accounts.user_dialogs import AddUserDialog, RoleDialog, role_label, whole_region
from ui.desktop.widgets.models import CENTRE, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task, show_error
from workforce.domain.accounts.passwords import as_utc
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.services.accounts import users
from workforce.services.accounts.users import UserInfo
from workforce.services.roster.org import OrgNode, org_tree

if TYPE_CHECKING:
    from workforce.services.context import Actor, Database


def _user_columns(scopes: dict[int, str]) -> tuple[Column[UserInfo], ...]:
    def scope(u: UserInfo) -> str:
        return whole_region() if u.scope_org_id is None else scopes.get(u.scope_org_id, "")

    return (
        Column(QT_TRANSLATE_NOOP("columns", "User name"), lambda u: u.username, width=110),
        Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda u: u.display_name, width=120),
        Column(QT_TRANSLATE_NOOP("columns", "Role"), lambda u: role_label(u.role), width=80),
        Column(QT_TRANSLATE_NOOP("columns", "Scope"), scope, width=120),
        Column(
            QT_TRANSLATE_NOOP("columns", "Active"), lambda u: fmt.yes_no(u.active), align=CENTRE
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Locked until"),
            lambda u: fmt.datetime_text(as_utc(u.locked_until)) if u.locked_until else "",
            width=150,
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Must change password"),
            lambda u: fmt.yes_no(u.must_change_password or not u.has_password),
            align=CENTRE,
            width=110,
        ),
    )


class UsersWindow(QDialog):
    """The account list and its buttons; each change reloads the list."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users-window")
        self.db, self.actor = db, actor
        self.nodes: list[OrgNode] = []
        self.scopes: dict[int, str] = {}
        self.setWindowTitle(self.tr("User management"))
        fit_window(self, 900, 420)
        self.model: RowsTableModel[UserInfo] = RowsTableModel(_user_columns(self.scopes))
        self.table = make_table(self.model, settings_key="users")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.change_role())
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        self.status = QLabel()
        buttons = QHBoxLayout()
        self.add_button = self._button(self.tr("Add user…"), self.add_user, buttons)
        self.reset_button = self._button(self.tr("Reset password…"), self.reset_password, buttons)
        self.unlock_button = self._button(self.tr("Unlock"), self.unlock, buttons)
        self.deactivate_button = self._button(self.tr("Deactivate…"), self.deactivate, buttons)
        self.role_button = self._button(self.tr("Role and scope…"), self.change_role, buttons)
        buttons.addStretch(1)
        self._button(self.tr("Close"), self.accept, buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._update_buttons()

    def _button(self, text: str, slot: Callable[[], object], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    def load(self) -> None:
        """Read the accounts and the districts and streets (a short read)."""
        self.nodes = org_tree(self.db)
        self.scopes.clear()
        self.scopes.update({n.id: n.name for n in self.nodes})
        chosen = self.selected()
        self.model.set_rows(users.list_users(self.db))
        if chosen is not None:
            for row, user in enumerate(self.model.rows):
                if user.user_id == chosen.user_id:
                    self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        rows = self.table.selected_rows()
        return rows[0] if rows else None

    def select_user(self, username: str) -> None:
        for row, user in enumerate(self.model.rows):
            if user.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.reset_button, self.role_button):
            button.setEnabled(user is not None and user.active)
        self.unlock_button.setEnabled(user is not None and user.locked_until is not None)
        self.deactivate_button.setEnabled(user is not None and user.active)

    def show_refusal(self, message: str) -> None:
        self.status.clear()
        self.error.setText(message)
        self.error.setVisible(True)

    def _done(self, message: str) -> None:
        self.error.setVisible(False)
        self.status.setText(message)
        self.load()

    def _run(self, work: Callable[[], object], message: str) -> None:
        """A change off the GUI thread; a refusal stays in the window."""

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ActionRefused):
                self.show_refusal(exc.message)
            else:
                show_error(self, exc)

        run_task(
            self,
            lambda _progress, _cancel: work(),
            lambda _result: self._done(message),
            label=self.tr("Saving…"),
            on_failed=failed,
            cancellable=False,
            show_after_ms=1500,
        )

    # -- the actions ----------------------------------------------------------------------------
    def add_user(self) -> None:
        db, actor = self.db, self.actor

        def create(name: str, display: str, role: Role, scope: int | None, word: str) -> int:
            return users.create_user(
                db, actor, name, display, role, scope_org_id=scope, password=word
            )

        dialog = AddUserDialog(create, self.nodes, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name = dialog.username.text().strip()
            self._done(self.tr("User %1 was added.").replace("%1", name))
            self.select_user(name)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        db, actor, name = self.db, self.actor, user.username

        def reset(_username: str, password: str) -> Actor:
            users.reset_password(db, actor, name, password)
            return actor

        dialog = PasswordDialog(
            self.tr("Reset the password of %1").replace("%1", name),
            self.tr("The user must choose their own password at the next login."),
            reset,
            username=name,
            new_password=True,
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(self.tr("The password of %1 was reset.").replace("%1", name))

    def unlock(self) -> None:
        user = self.selected()
        if user is not None:
            db, actor, name = self.db, self.actor, user.username
            done = self.tr("%1 was unlocked.").replace("%1", name)
            self._run(lambda: users.unlock_user(db, actor, name), done)

    def deactivate(self) -> None:
        user = self.selected()
        if user is None:
            return
        question = self.tr(
            "Deactivate %1? The account can no longer log in; its history stays."
        ).replace("%1", user.username)
        answer = QMessageBox.question(self, self.tr("Deactivate user"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, name = self.db, self.actor, user.username
        done = self.tr("%1 was deactivated.").replace("%1", name)
        self._run(lambda: users.deactivate_user(db, actor, name), done)

    def change_role(self) -> None:
        user = self.selected()
        if user is None or not user.active:
            return
        db, actor, name = self.db, self.actor, user.username

        def change(role: Role, scope: int | None) -> None:
            users.set_role(db, actor, name, role, scope)

        dialog = RoleDialog(name, user.role, user.scope_org_id, change, self.nodes, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(self.tr("The role and scope of %1 were saved.").replace("%1", name))
