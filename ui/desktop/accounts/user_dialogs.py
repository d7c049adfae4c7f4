"""The forms of 用户管理: add a user, change a user's role and scope. Each runs its service off the
GUI thread (a new password is hashed with argon2) and stays open on a refusal, showing the
service's own message; the services decide who may do what."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.tasks import run_task, show_error
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role

if TYPE_CHECKING:
    from workforce.services.roster.org import OrgNode


def role_label(role: Role) -> str:
    labels = {
        Role.CLERK: QCoreApplication.translate("user_dialogs", "Clerk"),
        Role.APPROVER: QCoreApplication.translate("user_dialogs", "Approver"),
        Role.FINANCE: QCoreApplication.translate("user_dialogs", "Finance"),
        Role.ADMIN: QCoreApplication.translate("user_dialogs", "Administrator"),
    }
    return labels[role]


def whole_region() -> str:
    return QCoreApplication.translate("user_dialogs", "Whole region")


def scope_choices(nodes: Sequence[OrgNode]) -> list[tuple[str, int | None]]:
    """The whole region, then each district with its streets under it (a scope is one of these)."""
    choices: list[tuple[str, int | None]] = [(whole_region(), None)]
    for district in (n for n in nodes if n.kind == "district"):
        choices.append((district.name, district.id))
        streets = [n for n in nodes if n.kind == "street" and n.parent_id == district.id]
        choices.extend((f"    {s.name}", s.id) for s in streets)
    return choices


class ServiceForm(QDialog):
    """A form whose OK runs ``work()`` (built from the fields by ``prepare``) off the GUI thread;
    closes when it succeeds, shows a refusal in red and stays open otherwise."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(400)
        self.busy = False
        layout = self.body = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def prepare(self) -> Callable[[], object] | None:
        """The service call for the fields as typed, or None after showing why not."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def accept(self) -> None:
        if self.busy:
            return
        work = self.prepare()
        if work is None:
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        run_task(
            self,
            lambda _progress, _cancel: work(),
            self._succeeded,
            label=QCoreApplication.translate("user_dialogs", "Saving…"),
            on_failed=self._failed,
            cancellable=False,
            show_after_ms=1500,
        )

    def _succeeded(self, _result: object) -> None:
        self.busy = False
        self.ok_button.setEnabled(True)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ok_button.setEnabled(True)
        if isinstance(exc, ActionRefused):
            self.show_error(exc.message)
        else:
            show_error(self, exc)


def _role_box(current: Role) -> QComboBox:
    box = QComboBox()
    for role in Role:
        box.addItem(role_label(role), role)
    box.setCurrentIndex(box.findData(current))
    return box


def _scope_box(nodes: Sequence[OrgNode], current: int | None) -> QComboBox:
    box = QComboBox()
    for text, unit_id in scope_choices(nodes):
        box.addItem(text, unit_id)
    found = box.findData(current) if current is not None else 0
    box.setCurrentIndex(max(found, 0))
    return box


class AddUserDialog(ServiceForm):
    """添加用户: user name, name, role, scope and a first password typed twice (the user changes
    it at the first login)."""

    def __init__(
        self,
        create: Callable[[str, str, Role, int | None, str], object],
        nodes: Sequence[OrgNode],
        parent: QWidget | None = None,
        *,
        role: Role = Role.CLERK,
        ask_password: bool = True,
    ) -> None:
        """``ask_password`` False: no password rows (the embedded single-clerk database before any
        account has a password, where nobody signs in and only the administrator sets them)."""
        super().__init__(QCoreApplication.translate("user_dialogs", "Add user"), parent)
        self.setObjectName("add-user")
        self.create = create
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = _role_box(role)
        self.scope = _scope_box(nodes, None)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(QCoreApplication.translate("user_dialogs", "User name:"), self.username)
        self.form.addRow(QCoreApplication.translate("user_dialogs", "Name:"), self.display_name)
        self.form.addRow(QCoreApplication.translate("user_dialogs", "Role:"), self.role)
        self.form.addRow(QCoreApplication.translate("user_dialogs", "Scope:"), self.scope)
        if not ask_password:
            return
        self.form.addRow(
            QCoreApplication.translate("user_dialogs", "First password:"), self.password
        )
        self.form.addRow(QCoreApplication.translate("user_dialogs", "Repeat it:"), self.repeat)
        hint = QLabel(
            QCoreApplication.translate(
                "user_dialogs",
                "The user must choose their own password at the first login. At least 8 "
                "characters, not only digits, not the user name.",
            )
        )
        hint.setWordWrap(True)
        self.body.insertWidget(1, hint)

    def prepare(self) -> Callable[[], object] | None:
        if self.password.text() != self.repeat.text():
            self.show_error(QCoreApplication.translate("user_dialogs", "The two passwords differ."))
            return None
        values = (
            self.username.text(),
            self.display_name.text(),
            Role(self.role.currentData()),
            self.scope.currentData(),
            self.password.text(),
        )
        return lambda: self.create(*values)


class RoleDialog(ServiceForm):
    """改角色: a user's role and scope."""

    def __init__(
        self,
        username: str,
        role: Role,
        scope_org_id: int | None,
        change: Callable[[Role, int | None], object],
        nodes: Sequence[OrgNode],
        parent: QWidget | None = None,
    ) -> None:
        title = QCoreApplication.translate("user_dialogs", "Role and scope of %1")
        super().__init__(title.replace("%1", username), parent)
        self.setObjectName("user-role")
        self.change = change
        self.role = _role_box(role)
        self.scope = _scope_box(nodes, scope_org_id)
        self.form.addRow(QCoreApplication.translate("user_dialogs", "Role:"), self.role)
        self.form.addRow(QCoreApplication.translate("user_dialogs", "Scope:"), self.scope)

    def prepare(self) -> Callable[[], object] | None:
        role, scope = Role(self.role.currentData()), self.scope.currentData()
        return lambda: self.change(role, scope)
