"""The "Act as" (办理人) account picker of the payroll month screen: approval, return and locking
act as the chosen account; another account than the signed-in one types its password at this desk
(four eyes at one desk). The services refuse the accounts the rules forbid and the screen shows the
refusal."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ui.tasks import run_task
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.vocab import Role
from workforce.services.accounts.users import UserInfo
from workforce.services.context import Database


class AccountPicker(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(240)
        self.roles: dict[str, Role] = {}

    def chosen_may(self, action: Action) -> bool:
        """Whether the chosen account's role may ``action`` (asked before the confirmation and
        the password; the service checks again). True while the accounts are being read."""
        role = self.roles.get(str(self.currentData()))
        return role is None or is_allowed(role, action)

    def load(self, db: Database, current: str, calculated: str) -> None:
        """Read the active accounts off the GUI thread; keep the choice, else prefer the signed-in
        ``current`` unless they did the calculation (``calculated`` starts with their name), then
        anyone else who did not."""
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
        self.roles = {user.username: user.role for user in users}
        for user in users:
            self.addItem(f"{user.display_name}（{user.username}，{user.role_name}）", user.username)
        index = self.findData(chosen) if chosen else -1
        if index < 0:
            not_calculator = [
                n for n, u in enumerate(users)
                if not (calculated and calculated.startswith(u.display_name))
            ]  # fmt: skip
            mine = [n for n in not_calculator if users[n].username == current]
            index = (mine or not_calculator or [0])[0]
        self.setCurrentIndex(index)
