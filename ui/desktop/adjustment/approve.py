"""Steps 3 and 4 of the adjustment wizard: approval by a second user, then apply.

Until sign-in exists, the approver picks the account they act as; the service refuses the person
who prepared the plan (双人复核) and the refusal is shown as the service words it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.adjustment import text as adjust_text
from ui.desktop.adjustment.review import GroupTotals
from workforce.services.accounts.users import UserInfo
from workforce.services.adjustment.run import APPLIED, APPROVED, PREPARED
from workforce.services.adjustment.screens import RunState

DONE = "QLabel { background: #e8f5e9; border: 1px solid #a5d6a7; padding: 8px; }"
GROUPS_WIDTH = 520
NOTE = "QLabel { background: #eef4fb; border: 1px solid #c5d7ee; padding: 8px; }"
WARN = "QLabel { background: #fff4e5; border: 1px solid #ffcc80; padding: 8px; }"


def _when(name: str | None, at: object) -> str:
    shown = f"{at.astimezone():%Y-%m-%d %H:%M}" if hasattr(at, "astimezone") else ""
    return f"{name or ''} {shown}".strip()


class ApprovePage(QWidget):
    """审核: choose the approving account, confirm, approve."""

    approve_as = Signal(str)  # user name
    add_account = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: RunState | None = None
        self.names: dict[str, str] = {}
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet(NOTE)
        self.account = QComboBox()
        self.account.setMinimumWidth(260)
        self.add_button = QPushButton(self.tr("Add an approver account…"))
        self.confirm = QCheckBox()
        self.own_plan = QLabel()
        self.own_plan.setWordWrap(True)
        self.own_plan.setStyleSheet(WARN)
        self.own_plan.setVisible(False)
        self.approve_button = QPushButton(self.tr("Approve the plan"))
        self.approve_button.setDefault(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setStyleSheet(DONE)
        self.result.setVisible(False)
        self.groups = GroupTotals()
        self.groups.setMaximumWidth(GROUPS_WIDTH)
        row = QHBoxLayout()
        row.addWidget(self.account)
        row.addWidget(self.add_button)
        row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Approve as"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.rule)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.own_plan)
        layout.addWidget(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.groups, 1)
        self.account.currentIndexChanged.connect(lambda _index: self._update())
        self.confirm.toggled.connect(lambda _checked: self._update())
        self.approve_button.clicked.connect(self._approve)
        self.add_button.clicked.connect(self.add_account)

    def set_accounts(
        self, users: list[UserInfo], *, can_add: bool, select: str | None = None
    ) -> None:
        """The accounts to approve as; ``select`` (an account just added) is chosen, else the
        one chosen before, else the first who did not prepare the plan."""
        chosen = select or self.account.currentData()
        self.account.clear()
        self.names = {user.username: user.display_name for user in users}
        for user in users:
            self.account.addItem(
                f"{user.display_name}（{user.username}，{user.role_name}）", user.username
            )
        preparer = self.state.overview.prepared_by if self.state else None
        others = [n for n, u in enumerate(users) if u.display_name != preparer]
        index = self.account.findData(chosen) if chosen else (others[0] if others else 0)
        self.account.setCurrentIndex(max(index, 0))
        self.add_button.setVisible(can_add)
        self._update()

    def set_state(self, state: RunState) -> None:
        self.state = state
        o = state.overview
        self.summary.setText(adjust_text.summary_html(o))
        self.groups.set_overview(o)
        self.rule.setText(
            self.tr(
                "Prepared by %1. A plan is approved by a second user (an approver), not by the "
                "person who prepared it."
            ).replace("%1", _when(o.prepared_by, o.prepared_at))
        )
        if o.status in (APPROVED, APPLIED) and o.approved_by:
            self.result.setText(
                self.tr("Approved by %1.").replace("%1", _when(o.approved_by, o.approved_at))
            )
        self.result.setVisible(o.status in (APPROVED, APPLIED))
        self._update()

    def _update(self) -> None:
        name = self.account.currentText().split("（")[0]
        self.confirm.setText(
            self.tr("I, %1, have checked the plan and approve it.").replace("%1", name or "…")
        )
        open_plan = self.state is not None and self.state.overview.status == PREPARED
        preparer = self.state.overview.prepared_by if self.state else None
        own = open_plan and preparer is not None
        own = own and self.names.get(str(self.account.currentData())) == preparer
        self.own_plan.setText(
            self.tr(
                "%1 prepared this plan and cannot approve it: choose another account, or add an "
                "approver account."
            ).replace("%1", name)
        )
        self.own_plan.setVisible(own)
        self.account.setEnabled(open_plan)
        self.add_button.setEnabled(open_plan)  # no approver is needed once it is approved
        self.confirm.setEnabled(open_plan)
        self.approve_button.setEnabled(
            open_plan and self.confirm.isChecked() and self.account.currentData() is not None
        )

    def _approve(self) -> None:
        username = self.account.currentData()
        if username:
            self.approve_as.emit(str(username))


class ApplyPage(QWidget):
    """应用: write the approved plan in one transaction; the result and its documents after."""

    apply = Signal()
    export_workbook = Signal()
    export_notices = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet(NOTE)
        self.apply_button = QPushButton(self.tr("Apply the plan now"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setStyleSheet(DONE)
        self.result.setVisible(False)
        self.workbook_button = QPushButton(self.tr("Export result (.xlsx)…"))
        self.notices_button = QPushButton(self.tr("Print notices (PDF)…"))
        self.groups = GroupTotals()
        self.groups.setMaximumWidth(GROUPS_WIDTH)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        documents = QHBoxLayout()
        documents.addWidget(self.workbook_button)
        documents.addWidget(self.notices_button)
        documents.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.explain)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addLayout(documents)
        layout.addWidget(self.groups, 1)
        self.apply_button.clicked.connect(self.apply)
        self.workbook_button.clicked.connect(self.export_workbook)
        self.notices_button.clicked.connect(self.export_notices)

    def set_state(self, state: RunState, written: int | None = None) -> None:
        o = state.overview
        self.summary.setText(adjust_text.summary_html(o))
        self.groups.set_overview(o)
        self.explain.setText(
            self.tr(
                "Applying writes the new post and level of %1 people, effective %2, in one step, "
                "with their history and an audit record. It refuses if anyone's post or level "
                "changed since the plan was prepared. The whole run can be reverted while no "
                "payroll has used it."
            )
            .replace("%1", fmt.count_text(o.person_times))
            .replace("%2", fmt.month_text(o.effective_date))
        )
        applied = o.status == APPLIED
        self.explain.setVisible(not applied)
        self.apply_button.setEnabled(o.status == APPROVED)
        self.apply_button.setVisible(not applied)
        if applied:
            text = (
                self.tr("Applied by %1: the run is %2.")
                .replace("%1", _when(o.applied_by, o.applied_at))
                .replace("%2", o.status_name)
            )
            if written is not None:
                text = fmt.sentences(
                    text,
                    self.tr("%1 workers' files were updated, %2 of them with a new post or level.")
                    .replace("%1", fmt.count_text(written))
                    .replace("%2", fmt.count_text(o.person_times)),
                )
            self.result.setText(text)
        self.result.setVisible(applied)
        self.workbook_button.setEnabled(True)
        self.notices_button.setEnabled(o.person_times > 0)
