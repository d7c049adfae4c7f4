"""年度调级调薪: the yearly grade adjustment as a wizard — prepare → review → approve → apply.

Each step is one service call run off the GUI thread through ``ui.tasks`` (progress and cancel
where the service offers them); after each, the run is read again (``run_report``) so every page
shows what the database holds. The clerk who opens the wizard prepares and applies; approval is
by a second account (``account_actor``: that user's password once passwords are in use). A run
already under way opens at the step its status calls for.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.adjustment import exports as adjust_exports
from ui.desktop.adjustment import text as adjust_text
from ui.desktop.adjustment.approve import ApplyPage, ApprovePage
from ui.desktop.adjustment.override import OverrideDialog
from ui.desktop.adjustment.prepare import PreparePage
from ui.desktop.adjustment.review import ReviewPage
from ui.desktop.widgets.confirm import confirm_change
from ui.desktop.widgets.screen_fit import fit_window
from ui.tasks import run_task
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.accounts.users import UserInfo
from workforce.services.adjustment.run import APPLIED, APPROVED, PREPARED
from workforce.services.adjustment.screens import (
    Preflight,
    RunInfo,
    RunState,
    approvers,
    list_runs,
    load_run,
    preflight,
    since_last,
)
from workforce.services.adjustment.views import RunLine
from workforce.services.context import Actor, Database

PREPARE, REVIEW, APPROVE, APPLY = range(4)
STEP_NAMES = (
    QT_TRANSLATE_NOOP("AdjustWizard", "1  Prepare"),
    QT_TRANSLATE_NOOP("AdjustWizard", "2  Review the plan"),
    QT_TRANSLATE_NOOP("AdjustWizard", "3  Approve"),
    QT_TRANSLATE_NOOP("AdjustWizard", "4  Apply"),
)
STEP_STYLE = (
    "QLabel {{ color: {0}; {1} border: none; border-bottom: 3px solid {2}; padding: 6px 18px; }}"
)
CURRENT = STEP_STYLE.format("#0b57d0", "font-weight: bold;", "#0b57d0")
DONE = STEP_STYLE.format("#2e7d32", "", "#a5d6a7")
TODO = STEP_STYLE.format("#777", "", "#dddddd")
STEP_FOR_STATUS = {PREPARED: REVIEW, APPROVED: APPLY, APPLIED: APPLY}


class AdjustWizard(QDialog):
    """The run for a year, step by step. ``changed`` fires when workers' levels were written."""

    changed = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        run_id: int | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.state: RunState | None = None
        self.step = PREPARE
        self.setWindowTitle(self.tr("Yearly grade adjustment"))
        fit_window(self, 1240, 780)
        self.prepare_page = PreparePage(today or dt.date.today())
        self.review_page = ReviewPage()
        self.approve_page = ApprovePage()
        self.apply_page = ApplyPage()
        self.stack = QStackedWidget()
        for page in (self.prepare_page, self.review_page, self.approve_page, self.apply_page):
            self.stack.addWidget(page)
        self.steps = [QLabel(self.tr(name)) for name in STEP_NAMES]
        self.back_button = QPushButton(self.tr("‹ Back"))
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self._build()
        self._connect()
        self.go(PREPARE)
        if run_id is not None:
            self.open_run(run_id)
        else:
            self.load_runs()

    def _build(self) -> None:
        header = QHBoxLayout()
        header.setSpacing(0)
        for label in self.steps:
            header.addWidget(label)
        header.addStretch(1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        for button in (self.back_button, self.next_button, self.close_button):
            footer.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        layout.addLayout(footer)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.close)
        self.prepare_page.continue_run.connect(self.open_run)
        self.prepare_page.year.valueChanged.connect(lambda _year: self._update_nav())
        self.prepare_page.inputs_changed.connect(self.check_inputs)
        self.review_page.decide.connect(self.decide)
        self.review_page.export_workbook.connect(self._export_workbook)
        self.review_page.export_notices.connect(self._export_notices)
        self.approve_page.approve_as.connect(self.approve_as)
        self.approve_page.add_account.connect(self._add_account)
        self.apply_page.apply.connect(self.apply)
        self.apply_page.export_workbook.connect(self._export_workbook)
        self.apply_page.export_notices.connect(self._export_notices)

    # -- navigation -----------------------------------------------------------------------------
    def go(self, step: int) -> None:
        self.step = step
        self.stack.setCurrentIndex(step)
        for number, label in enumerate(self.steps):
            label.setStyleSheet(CURRENT if number == step else DONE if number < step else TODO)
        if step == APPROVE:
            self.load_accounts()
        self._update_nav()

    def _status(self) -> str | None:
        return self.state.overview.status if self.state else None

    def _update_nav(self) -> None:
        status = self._status()
        texts = {
            PREPARE: self.tr("Prepare the plan ›"),
            REVIEW: self.tr("Next: approval ›"),
            APPROVE: self.tr("Next: apply ›"),
        }
        self.next_button.setText(texts.get(self.step, ""))
        self.next_button.setVisible(self.step != APPLY)
        enabled = {
            PREPARE: not self.prepare_page.blocked(),
            REVIEW: status in (PREPARED, APPROVED, APPLIED),
            APPROVE: status in (APPROVED, APPLIED),
        }
        self.next_button.setEnabled(enabled.get(self.step, False))
        reviewing = self.step == REVIEW and status in (None, PREPARED)
        self.back_button.setEnabled(reviewing or (self.step > REVIEW and status != APPLIED))

    def next(self) -> None:
        if not self.next_button.isEnabled():
            return
        if self.step == PREPARE:
            self.prepare()
        else:
            self.go(self.step + 1)

    def back(self) -> None:
        if self.back_button.isEnabled():
            self.go(self.step - 1)

    def set_state(self, state: RunState, select_worker: int | None = None) -> None:
        self.state = state
        self.review_page.set_state(state, select_worker)
        self.approve_page.set_state(state)
        self.apply_page.set_state(state)
        self._update_nav()

    # -- reading --------------------------------------------------------------------------------
    def load_runs(self) -> None:
        db, actor = self.db, self.actor

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[RunInfo]:
            return list_runs(db, actor)

        def done(runs: list[RunInfo]) -> None:
            self.prepare_page.set_runs(runs)
            self._update_nav()

        run_task(self, operation, done, label=self.tr("Reading the runs…"), cancellable=False)
        self.check_inputs()

    def check_inputs(self) -> None:
        """What a preparation would work from (workers, last year's appraisals, the scale)."""
        db, page = self.db, self.prepare_page
        year, effective = page.year.value(), page.effective_date()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Preflight:
            return preflight(db, year, effective)

        run_task(
            self,
            operation,
            page.set_preflight,
            label=self.tr("Reading the roster…"),
            cancellable=False,
            show_after_ms=1000,
        )

    def open_run(self, run_id: int) -> None:
        """Show an existing run at the step its status calls for."""
        db, actor = self.db, self.actor

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> RunState:
            return load_run(db, run_id, actor=actor)

        def done(state: RunState) -> None:
            self.prepare_page.year.setValue(state.overview.year)
            self.set_state(state)
            self.go(STEP_FOR_STATUS.get(state.overview.status, REVIEW))

        run_task(self, operation, done, label=self.tr("Reading the plan…"), cancellable=False)

    def reload(self, select_worker: int | None = None) -> None:
        if self.state is None:
            return
        db, actor = self.db, self.actor
        run_id, since = self.state.overview.run_id, self.state.since_last

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> RunState:
            return load_run(db, run_id, since, actor=actor)

        run_task(
            self,
            operation,
            lambda state: self.set_state(state, select_worker),
            label=self.tr("Reading the plan…"),
            cancellable=False,
        )

    def load_accounts(self, select: str | None = None) -> None:
        db = self.db

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[UserInfo]:
            return approvers(db)

        can_add = is_allowed(self.actor.role, Action.MANAGE_USERS)
        run_task(
            self,
            operation,
            lambda users: self.approve_page.set_accounts(users, can_add=can_add, select=select),
            label=self.tr("Reading the accounts…"),
            cancellable=False,
        )

    # -- the steps ------------------------------------------------------------------------------
    def prepare(self) -> None:
        """准备调级 off the GUI thread, with progress and cancel; then the review."""
        from workforce.services.adjustment.run import prepare_run

        db, actor = self.db, self.actor
        year, effective = self.prepare_page.year.value(), self.prepare_page.effective_date()

        def operation(progress: ProgressFn, cancel: CancelToken) -> RunState:
            prepared = prepare_run(db, actor, year, effective, progress=progress, cancel=cancel)
            return load_run(db, prepared.run_id, since_last(db, prepared), actor=actor)

        def done(state: RunState) -> None:
            self.set_state(state)
            self.go(REVIEW)

        label = self.tr("Preparing the %1 adjustment…").replace("%1", str(year))
        run_task(self, operation, done, label=label, on_cancelled=self.load_runs)

    def decide(self, line: RunLine) -> None:
        """Exclude or set a level, with the clerk's written reason (``override_item``)."""
        from workforce.services.adjustment.run import override_item

        if self.state is None:
            return
        post = self.state.scale.post(line.new_post) if self.state.scale else None
        dialog = OverrideDialog(line, post, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        excluded, level = dialog.decision()
        db, actor, run_id, reason = self.db, self.actor, self.state.overview.run_id, dialog.reason()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> None:
            override_item(
                db, actor, run_id, line.worker_id, reason=reason, new_level=level, excluded=excluded
            )

        run_task(
            self,
            operation,
            lambda _none: self.reload(line.worker_id),
            label=self.tr("Saving the decision…"),
            cancellable=False,
        )

    def approve_as(self, username: str) -> None:
        """审核 as ``username``; the service refuses the preparer (the message is shown)."""
        from ui.desktop.accounts.login_dialog import account_actor
        from workforce.services.adjustment.run import approve_run

        if self.state is None:
            return
        db, run_id = self.db, self.state.overview.run_id
        signed = account_actor(self, db, username, self.actor)
        if signed is None:
            return

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> RunState:
            approver = signed()
            approve_run(db, approver, run_id)
            return load_run(db, run_id, actor=approver)

        run_task(self, operation, self.set_state, label=self.tr("Approving…"), cancellable=False)

    def apply(self) -> None:
        """应用 with progress; the result stays on the page, and the roster is refreshed."""
        from workforce.services.adjustment.apply import apply_run

        if self.state is None:
            return
        question = (
            self.tr(
                "Apply run %1 now? The post and level of these people change: %2. Their files, "
                "their history and the audit log are written in one step."
            )
            .replace("%1", str(self.state.overview.run_id))
            .replace("%2", adjust_text.change_in_numbers(self.state.overview, self.state.lines))
        )
        if not confirm_change(self, self.tr("Apply the plan"), question, self.tr("Apply")):
            return
        db, actor, run_id = self.db, self.actor, self.state.overview.run_id

        def operation(progress: ProgressFn, _cancel: CancelToken) -> tuple[RunState, int]:
            written = apply_run(db, actor, run_id, progress=progress)
            return load_run(db, run_id, actor=actor), written

        def done(result: tuple[RunState, int]) -> None:
            state, written = result
            self.set_state(state)
            self.apply_page.set_state(state, written)
            self.changed.emit()

        self.apply_page.apply_button.setEnabled(False)
        run_task(
            self,
            operation,
            done,
            label=self.tr("Applying the adjustment…"),
            cancellable=False,
            on_failed=self._apply_failed,
        )

    def _apply_failed(self, exc: BaseException) -> None:
        from ui.tasks import show_error

        show_error(self, exc)
        if self.state is not None:
            self.apply_page.set_state(self.state)

    def _add_account(self) -> None:
        """添加审核员账号 with a first password (an account without one cannot sign the approval);
        the new account is then chosen to approve as."""
        from ui.desktop.accounts.user_dialogs import AddUserDialog
        from workforce.domain.vocab import Role
        from workforce.services.accounts.auth import login_required
        from workforce.services.accounts.users import create_user

        db, actor = self.db, self.actor
        passwords = login_required(db)  # else nobody signs in yet and none can be set

        def create(name: str, display: str, role: Role, scope: int | None, word: str) -> int:
            word_or_none = word if passwords else None
            return create_user(
                db, actor, name, display, role, scope_org_id=scope, password=word_or_none
            )

        dialog = AddUserDialog(create, [], self, role=Role.APPROVER, ask_password=passwords)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.load_accounts(select=dialog.username.text().strip())

    def _export_workbook(self) -> None:
        if self.state is not None:
            adjust_exports.export_workbook(self, self.state)

    def _export_notices(self) -> None:
        if self.state is not None:
            adjust_exports.export_notices(self, self.state)
