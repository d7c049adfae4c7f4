"""系统 → 修改密码…: the signed-in user changes their own password (the current one, the new one
twice). ``auth.change_own_password`` checks, hashes and audits; a refusal stays in the dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from ui.desktop.accounts.login_dialog import PasswordDialog

if TYPE_CHECKING:
    from workforce.services.context import Actor, Database


class ChangePasswordDialog(PasswordDialog):
    """The current password above the new one; the service proves it before changing."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        typed = [""]  # read on the GUI thread at OK, used off it

        def change(_username: str, password: str) -> Actor:
            from workforce.services.accounts.auth import change_own_password

            change_own_password(db, actor, typed[0], password)
            return actor

        super().__init__(
            QCoreApplication.translate("ChangePasswordDialog", "Change password"),
            QCoreApplication.translate(
                "ChangePasswordDialog", "Enter your current password, then the new one twice."
            ),
            change,
            username=actor.username,
            new_password=True,
            parent=parent,
        )
        self._typed = typed
        self.setObjectName("change-password")
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.insertRow(1, self.tr("Current password:"), self.current)
        self.current.setFocus()

    def accept(self) -> None:
        self._typed[0] = self.current.text()
        super().accept()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.current.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        super().show_error(message)
        self.current.clear()
        self.current.setFocus()


def change_own_password(parent: QWidget, db: Database, actor: Actor) -> bool:
    """Show the dialog; True once the password was changed."""
    dialog = ChangePasswordDialog(db, actor, parent)
    return dialog.exec() == ChangePasswordDialog.DialogCode.Accepted
