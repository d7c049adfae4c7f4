"""The payroll month screen's actions (§8.5): calculate, add a one-off item for the selected
workers, approve, return with a reason, open the month's items, lock and verify. Each is the
service the CLI runs, off the GUI thread; ``PayrollWindow`` (payroll_window.py) holds the widgets
and the reads these act on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox

from ui import formatting as fmt
from ui.desktop.payroll.accounts import AccountPicker
from ui.desktop.payroll.text import changes_text, verification_text
from ui.desktop.widgets.confirm import confirm_change
from ui.tasks import run_task
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.vocab import ROLE_NAMES, Role
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import Calculation
from workforce.services.payroll.discard import MonthTotals
from workforce.services.payroll.guard import label
from workforce.services.payroll.lifecycle import Verification
from workforce.services.payroll.screens import MonthReview, ReviewRow


class MonthActions(QDialog):
    """What the month screen does; the widgets and reads are ``PayrollWindow``'s."""

    db: Database
    actor: Actor
    review: MonthReview | None
    items_grid: QDialog | None
    account: AccountPicker
    changes: QLabel

    def period(self) -> dt.date:
        raise NotImplementedError

    def selected_rows(self) -> list[ReviewRow]:
        raise NotImplementedError

    def reload(self, select_worker: int | None = None) -> None:
        raise NotImplementedError

    def load_accounts(self) -> None:
        raise NotImplementedError

    def calculate(self) -> None:
        """计算 with progress and cancel; a recalculation lists whose net pay changed."""
        from workforce.services.payroll.calc import calculate_month

        db, actor, period = self.db, self.actor, self.period()

        def operation(progress: ProgressFn, cancel: CancelToken) -> Calculation:
            return calculate_month(db, actor, period, progress=progress, cancel=cancel)

        run_task(self, operation, self._calculated, label=self.tr("Calculating the payroll…"))

    def add_item(self) -> None:
        """项目: a one-off item for the selected workers; the month must be calculated again."""
        from ui.desktop.payroll.deduction_confirm import checked_then
        from ui.desktop.payroll.item_dialog import ItemDialog
        from workforce.services.payroll.items import add_items

        dialog = ItemDialog(self.period(), self.selected_rows(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        db, actor, entries = self.db, self.actor, dialog.entries()

        def write(confirmed: bool) -> None:
            def operation(_progress: ProgressFn, _cancel: CancelToken) -> None:
                add_items(db, actor, entries, confirmed=confirmed)

            run_task(
                self,
                operation,
                lambda _none: self.reload(),
                label=self.tr("Saving the items…"),
                cancellable=False,
            )

        checked_then(self, db, actor, entries, write)

    def _calculated(self, result: Calculation) -> None:
        self.changes.setText(changes_text(result))
        self.changes.setVisible(result.recalculated)
        self.reload()
        self.load_accounts()

    def _as_chosen(
        self,
        label: str,
        act: Callable[[Database, Actor, dt.date], object],
        after: Callable[[object], None] | None = None,
    ) -> None:
        """Run ``act(db, actor, period)`` as the account chosen under "Act as"; ``after`` is
        given its result once the month is reloaded."""
        from ui.desktop.accounts.login_dialog import account_actor

        username = self.account.currentData()
        if not username:
            return
        db, period = self.db, self.period()
        signed = account_actor(self, db, str(username), self.actor)
        if signed is None:
            return

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> object:
            return act(db, signed(), period)

        def done(result: object) -> None:
            self.changes.setVisible(False)
            self.reload()
            if after is not None:
                after(result)

        run_task(self, operation, done, label=label, cancellable=False)

    def approve(self) -> None:
        """审核; the service refuses the account that calculated the month (双人复核). Then
        names who the bank file will not pay (§8.6): no valid account, nothing to pay."""
        from workforce.services.payroll.lifecycle import approve_month

        if self._chosen_may(Action.APPROVE_PAYROLL, self.tr("approve the month")):
            self._as_chosen(self.tr("Approving…"), approve_month, self._warn_unpaid)

    def _chosen_may(self, action: Action, what: str) -> bool:
        """Say who may, before the confirmation and the password of an account that may not (an
        approver chosen to lock was refused, after both, with 无权执行此操作)."""
        if self.account.chosen_may(action):
            return True
        names = "、".join(ROLE_NAMES[role] for role in Role if is_allowed(role, action))
        text = (
            self.tr("%1 cannot %2: only a %3 can. Choose such an account under Act as.")
            .replace("%1", self.account.currentText())
            .replace("%2", what)
            .replace("%3", names)
        )
        QMessageBox.warning(self, self.tr("Not this account"), text)
        return False

    def _warn_unpaid(self, result: object) -> None:
        unpaid = list(result) if isinstance(result, tuple) else []
        if not unpaid:
            return
        shown = [f"{u.street}{u.community} {u.name}：{u.reason}" for u in unpaid[:20]]
        if len(unpaid) > len(shown):
            shown.append(self.tr("… %1 more").replace("%1", str(len(unpaid) - len(shown))))
        # shown beside the month (not a modal box): the clerk reads it while the month is open
        self.changes.setText(
            self.tr("Not paid through the bank")
            + "：\n"
            + self.tr(
                "The month is approved. %1 people will not be in the bank file; they go on its "
                "list of pay given otherwise or not paid:"
            ).replace("%1", str(len(unpaid)))
            + "\n"
            + "\n".join(shown)
        )
        self.changes.setVisible(True)

    def return_month(self) -> None:
        """退回 with a written reason, as the account chosen under "Act as"; the service refuses a
        locked month or an empty reason and its message is shown as is."""
        from workforce.services.payroll.lifecycle import return_month

        header = self.review.header if self.review else None
        reason, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Return the month"),
            self.tr("Why is %1 returned? The reason is kept in the audit log.").replace(
                "%1", header.label if header else ""
            ),
        )
        if not ok:
            return
        self._as_chosen(
            self.tr("Returning…"),
            lambda db, actor, period: return_month(db, actor, period, reason),
        )

    def open_items(self) -> None:
        """一次性项目: the month's items grid; the month reloads when it is closed."""
        from ui.desktop.payroll.items_grid import ItemsGrid

        grid = ItemsGrid(self.db, self.actor, self.period(), self.selected_rows(), self)
        grid.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        grid.changed.connect(self.reload)
        self.items_grid = grid
        grid.show()
        grid.load()

    def lock(self) -> None:
        """锁定 after a confirmation: the month is paid and never changes again."""
        from workforce.services.payroll.lifecycle import lock_month

        review = self.review
        if review is None or review.header is None:
            return
        if not self._chosen_may(Action.LOCK_PAYROLL, self.tr("lock the month")):
            return
        net = sum((row.net for row in review.rows), Decimal(0))
        question = (
            self.tr(
                "Lock %1: %2 people, net pay %3 yuan in total? A locked month is final: nothing "
                "can change it again, from any screen or command. Corrections are then entered "
                "as items in a later month."
            )
            .replace("%1", review.header.label)
            .replace("%2", fmt.count_text(len(review.rows)))
            .replace("%3", fmt.yuan_text(net))
        )
        if confirm_change(self, self.tr("Lock the month"), question, self.tr("Lock")):
            self._as_chosen(self.tr("Locking…"), lock_month)

    def discard(self) -> None:
        """撤销计算 after a confirmation showing the month's totals (audited)."""
        from workforce.services.payroll.discard import discard_month, discard_preview

        db, actor, period = self.db, self.actor, self.period()

        def preview(_progress: ProgressFn, _cancel: CancelToken) -> MonthTotals:
            return discard_preview(db, actor, period)

        def confirm(totals: MonthTotals) -> None:
            answer = QMessageBox.question(
                self,
                self.tr("Discard the calculation"),
                self.tr(
                    "Discard the calculation of %1? %2 people, gross %3, tax %4, net %5. "
                    "All its payslips are removed; the month can then be calculated again."
                )
                .replace("%1", label(totals.period))
                .replace("%2", fmt.count_text(totals.workers))
                .replace("%3", fmt.yuan_text(totals.gross))
                .replace("%4", fmt.yuan_text(totals.tax))
                .replace("%5", fmt.yuan_text(totals.net)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

            def operation(_progress: ProgressFn, _cancel: CancelToken) -> MonthTotals:
                return discard_month(db, actor, period, expected_version=totals.version)

            def done(_totals: MonthTotals) -> None:
                self.changes.setVisible(False)
                self.reload()

            run_task(self, operation, done, label=self.tr("Discarding…"), cancellable=False)

        run_task(self, preview, confirm, label=self.tr("Reading the month…"), cancellable=False)

    def verify(self) -> None:
        """核验: re-derive every payslip from its stored inputs and compare to the fen."""
        from workforce.services.payroll.lifecycle import verify_month

        db, actor, period = self.db, self.actor, self.period()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Verification:
            return verify_month(db, actor, period)

        run_task(self, operation, self._verified, label=self.tr("Verifying…"), cancellable=False)

    def _verified(self, result: Verification) -> None:
        title = self.tr("Verify the month")
        if result.mismatches:
            QMessageBox.warning(self, title, verification_text(result))
        else:
            QMessageBox.information(self, title, verification_text(result))
