"""Signing in to the desktop (登录): the first administrator password, the login, the forced
password change, and a second user's signature for an approval (the idle lock: ``idle_lock``).

The dialogs only ask; the services in ``workforce.services.accounts.auth`` decide, count failures
and audit. Each dialog stays open on a refusal and shows the service's own (Chinese) message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QApplication,
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

if TYPE_CHECKING:
    from workforce.services.context import Actor, Database

Attempt = Callable[[str, str], "Actor"]
"""(user name, password) → the actor; runs off the GUI thread (argon2 takes a noticeable time)."""


class PasswordDialog(QDialog):
    """User name and/or passwords; ``attempt`` runs the service off the GUI thread, a refusal is
    shown inline and the dialog stays open."""

    def __init__(
        self,
        title: str,
        intro: str,
        attempt: Attempt,
        *,
        username: str | None = None,
        username_editable: bool = False,
        new_password: bool = False,
        ok_text: str = "",
        cancel_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.attempt = attempt
        self.actor: Actor | None = None
        self.busy = False
        layout = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = self.form = QFormLayout()
        layout.addLayout(form)
        self.username = QLineEdit(username or "")
        self.username.setReadOnly(not username_editable)
        if username is not None or username_editable:
            form.addRow(self.tr("User name:"), self.username)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        if new_password:
            form.addRow(self.tr("New password:"), self.password)
            form.addRow(self.tr("Repeat it:"), self.repeat)
            hint = QLabel(self.tr("At least 8 characters, not only digits, not the user name."))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        else:
            form.addRow(self.tr("Password:"), self.password)
        self.new_password = new_password
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if ok_text:
            self.ok_button.setText(ok_text)
        if cancel_text:
            self.cancel_button.setText(cancel_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.username if username_editable else self.password).setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self._fit_height()
        self.password.clear()
        self.repeat.clear()
        self.password.setFocus()

    def _fit_height(self) -> None:
        """Grow to show a wrapped refusal whole: an open dialog keeps its height (the refusal
        that a password set by the administrator must be changed first came out clipped over
        squeezed fields)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def accept(self) -> None:
        """Run the attempt; close only when it succeeds."""
        if self.busy:
            return
        if self.new_password and self.password.text() != self.repeat.text():
            self.show_error(self.tr("The two passwords differ."))
            return
        attempt, username, password = self.attempt, self.username.text(), self.password.text()
        self._set_busy(True)
        run_task(
            self,
            lambda _progress, _cancel: attempt(username, password),
            self._succeeded,
            label=self.tr("Checking the password…"),
            on_failed=self._failed,
            cancellable=False,
            show_after_ms=1500,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.ok_button, self.password, self.repeat):
            widget.setEnabled(not busy)

    def _succeeded(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ActionRefused):
            self.show_error(exc.message)
        else:
            show_error(self, exc)


class SignIn(QObject):
    """The start of a desktop session: first password, login, forced change. ``finished`` carries
    the actor, or None when the clerk closed a dialog (the app then quits)."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, db: Database) -> None:
        super().__init__(parent)
        self.window = parent
        self.db = db
        self.dialog: PasswordDialog | None = None
        self._password = ""

    def start(self) -> None:
        from workforce.domain.accounts.permissions import DEFAULT_ADMIN
        from workforce.services.accounts.acting_user import actor_for
        from workforce.services.accounts.auth import initial_password_due, login_required

        if initial_password_due(self.db):
            self._show(
                PasswordDialog(
                    self.tr("Set the administrator password"),
                    self.tr(
                        "This is the first start. Choose the password of the administrator "
                        "account; it will be asked at every start."
                    ),
                    self._set_initial,
                    username=DEFAULT_ADMIN,
                    new_password=True,
                    cancel_text=self.tr("Quit"),
                    parent=self.window,
                ),
                self.finished.emit,
            )
        elif login_required(self.db):
            self._show(
                PasswordDialog(
                    self.tr("Log in"),
                    self.tr("Enter your user name and password."),
                    self._login,
                    username_editable=True,
                    ok_text=self.tr("Log in"),
                    cancel_text=self.tr("Quit"),
                    parent=self.window,
                ),
                self._logged_in,
            )
        else:
            self.finished.emit(actor_for(self.db))

    def _show(self, dialog: PasswordDialog, then: Callable[[Actor], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: then(dialog.actor) if dialog.actor else None)
        dialog.rejected.connect(lambda: self.finished.emit(None))
        dialog.open()

    def _set_initial(self, _username: str, password: str) -> Actor:
        from workforce.services.accounts.auth import set_initial_password

        return set_initial_password(self.db, password)

    def _login(self, username: str, password: str) -> Actor:
        from workforce.services.accounts.auth import authenticate

        self._password = password  # the forced change proves it again
        return authenticate(self.db, username, password)

    def _logged_in(self, actor: Actor) -> None:
        from workforce.services.accounts.auth import password_change_due

        if not password_change_due(self.db, actor):
            self.finished.emit(actor)
            return
        current = self._password

        def change(_username: str, password: str) -> Actor:
            from workforce.services.accounts.auth import change_own_password

            return change_own_password(self.db, actor, current, password)

        self._show(
            PasswordDialog(
                self.tr("Change your password"),
                self.tr("Your password was set by an administrator. Choose your own now."),
                change,
                username=actor.username,
                new_password=True,
                cancel_text=self.tr("Quit"),
                parent=self.window,
            ),
            self.finished.emit,
        )


def account_actor(
    parent: QWidget, db: Database, username: str, current: Actor
) -> Callable[[], Actor] | None:
    """How to act as ``username`` (the "Act as" pickers of approval and locking): the signed-in
    user as is; any account while no account has a password; otherwise that user types their
    password here (four eyes at one desk). None when they cancel. The result is called off the
    GUI thread, where a refusal is shown like any other."""
    from workforce.services.accounts.acting_user import actor_for, sign_as
    from workforce.services.accounts.auth import login_required

    if username == current.username:
        return lambda: current
    if not login_required(db):
        return lambda: actor_for(db, username)
    dialog = PasswordDialog(
        QApplication.translate("PasswordDialog", "Sign as %1").replace("%1", username),
        QApplication.translate(
            "PasswordDialog", "%1 confirms this step at this desk: enter their password."
        ).replace("%1", username),
        lambda _name, password: sign_as(db, username, password),
        username=username,
        parent=parent,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    signed = dialog.actor
    return lambda: signed
