"""The idle lock (会话超时): after a time without keyboard or mouse input the window is covered
and only the same user's password (or quitting) brings it back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.desktop.accounts.login_dialog import PasswordDialog

if TYPE_CHECKING:
    from workforce.services.context import Actor, Database

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class IdleLock(QObject):
    """After ``idle_ms`` without keyboard or mouse input the window is covered and a dialog asks
    the same user's password (a wrong one counts as a failed login); the other way out is to quit.
    """

    def __init__(self, window: QWidget, db: Database, actor: Actor, idle_ms: int) -> None:
        super().__init__(window)
        self.window, self.db, self.actor = window, db, actor
        self.dialog: PasswordDialog | None = None
        self.cover: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None and idle_ms > 0:
            app.installEventFilter(self)
            self.timer.start()

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.locked:
            self.timer.start()
        elif event.type() == QEvent.Type.Resize and watched is self.window and self.cover:
            self.cover.setGeometry(self.window.rect())  # nothing shows at a resized edge
        return False

    def lock(self) -> None:
        self.cover = QWidget(self.window)
        self.cover.setAutoFillBackground(True)
        self.cover.setGeometry(self.window.rect())
        self.cover.show()
        self.cover.raise_()
        dialog = PasswordDialog(
            self.tr("Locked"),
            self.tr("The window was locked after a time without use. Enter your password."),
            self._unlock,
            username=self.actor.username,
            ok_text=self.tr("Unlock"),
            cancel_text=self.tr("Quit"),
            parent=self.window,
        )
        dialog.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        dialog.accepted.connect(self._unlocked)
        dialog.rejected.connect(self.window.close)
        self.dialog = dialog
        dialog.open()

    def _unlock(self, _username: str, password: str) -> Actor:
        from workforce.services.accounts.auth import authenticate

        return authenticate(self.db, self.actor.username, password)

    def _unlocked(self) -> None:
        if self.cover is not None:
            self.cover.deleteLater()
        self.cover = self.dialog = None
        self.timer.start()
