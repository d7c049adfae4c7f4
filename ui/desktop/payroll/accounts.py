"""The "Act as" account picker of the payroll month screen: until sign-in exists, approval and
locking act as the chosen account (as the adjustment wizard's approval does); the services refuse
the accounts the rules forbid and the screen shows the refusal."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ui.tasks import run_task
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.accounts.users import UserInfo
from workforce.services.context import Database


class AccountPicker(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(240)

    def load(self, db: Database, current: str, calculated: str) -> None:
        """Read the active accounts off the GUI thread; keep the choice, else prefer someone
        other than ``current`` and the person named in ``calculated`` (who did the calculation)."""
        from workforce.services.accounts.users import list_users

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[UserInfo]:
            return [u for u in list_users(db) if u.active]

        run_task(
            self,
            operation,
            lambda users: self.set_accounts(users, current, calculated),
            label=self.tr("Reading the accounts…"),
            cancellable=False,
        )

    def set_accounts(self, users: list[UserInfo], current: str, calculated: str) -> None:
        chosen = self.currentData()
        self.clear()
        for user in users:
            self.addItem(f"{user.display_name}（{user.username}，{user.role_name}）", user.username)
        index = self.findData(chosen) if chosen else -1
        if index < 0:
            others = [
                n for n, u in enumerate(users)
                if u.username != current and not calculated.startswith(u.display_name)
            ]  # fmt: skip
            index = others[0] if others else 0
        self.setCurrentIndex(index)
