"""The payroll month screen (§8.5): pick a month, calculate, review with a per-person drill-down,
approve as a second user, return (退回, with a written reason), lock, verify and export; the
month's one-off items open in their own grid (``payroll_items_grid``).

Reads go through ``workforce.services.payroll.screens``; every action is the service the CLI
runs (``workforce payroll run|approve|lock|verify|export|bank``), off the GUI thread. Until
sign-in exists, approval, return and locking act as the account chosen under "Act as"; the
services refuse what the rules forbid (the calculator approving, a clerk locking) and the refusal
is shown as is. The actions live in ``payroll_window_actions``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.payroll import exports as payroll_exports
from ui.desktop.payroll.accounts import AccountPicker
from ui.desktop.payroll.dialogs import month_edit
from ui.desktop.payroll.slips_print import SlipsButton, print_slips
from ui.desktop.payroll.text import (
    REVIEW_COLUMNS,
    deduction_warnings_text,
    matching,
    status_text,
    totals_text,
)
from ui.desktop.payroll.window_actions import MonthActions
from ui.desktop.widgets.models import RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.slip_detail import detail_html
from ui.desktop.widgets.tables import BANNER, SEARCH_DELAY_MS, make_table
from ui.tasks import run_task
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database
from workforce.services.payroll.guard import APPROVED, CALCULATED, DRAFT, LOCKED
from workforce.services.payroll.screens import MonthReview, ReviewRow, SlipDetail

STATUS_STYLE = "QLabel { background: #eef4fb; border: 1px solid #c5d7ee; padding: 6px; }"


class PayrollWindow(MonthActions):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.review: MonthReview | None = None
        self.items_grid: QDialog | None = None
        self.setWindowTitle(self.tr("Monthly payroll"))
        fit_window(self, 1280, 800)
        self.today = today or dt.date.today()
        self.month = month_edit(self.today)  # the arrows step a month
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(STATUS_STYLE)
        self.calculate_button = QPushButton(self.tr("Calculate"))
        self.item_button = QPushButton(self.tr("Add item…"))
        self.item_button.setToolTip(self.tr("A one-off item for the selected workers"))
        self.account = AccountPicker()
        self.approve_button = QPushButton(self.tr("Approve"))
        self.return_button = QPushButton(self.tr("Return…"))
        self.return_button.setToolTip(
            self.tr("Send the calculated or approved month back to draft, with a written reason")
        )
        self.items_button = QPushButton(self.tr("Items…"))
        self.items_button.setToolTip(
            self.tr("The month's one-off items: list, add, remove, import")
        )
        self.lock_button = QPushButton(self.tr("Lock…"))
        self.discard_button = QPushButton(self.tr("Discard…"))
        self.discard_button.setToolTip(
            self.tr("Throw away the calculation of a month that has not been approved")
        )
        self.verify_button = QPushButton(self.tr("Verify"))
        self.workbook_button = QPushButton(self.tr("Export payroll workbook…"))
        self.bank_button = QPushButton(self.tr("Bank transfer file…"))
        self.bank_button.setToolTip(
            self.tr("The file the bank pays from; written once the month is approved")
        )
        self.slips_button = SlipsButton(
            lambda: [r.worker_id for r in self.selected_rows()],
            lambda: (
                [r.worker_id for r in self.model.rows],
                not self.search.text().strip(),
            ),
            lambda ids: print_slips(self, self.db, self.actor, self.period(), ids),
        )
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setStyleSheet(BANNER)
        self.changes.setVisible(False)
        self.warnings = QLabel()  # deductions larger than the gross (§10): never silent
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(BANNER)
        self.warnings.setVisible(False)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name, street or community"))
        self.search.setClearButtonEnabled(True)
        self.model: RowsTableModel[ReviewRow] = RowsTableModel(REVIEW_COLUMNS)
        self.table = make_table(
            self.model,
            settings_key="payroll-review",
            person=lambda row: row.worker_id,
            actions=lambda: (self.item_button, self.items_button),
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.totals = QLabel()
        self.detail = QTextBrowser()
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self.load_accounts()
        self.open_next_month()

    def open_next_month(self) -> None:
        """Go to the month to work on (§8.6): the one being calculated or approved, else the one
        after the last locked month, else the year's first (January or after the opening
        figures) — not the calendar month."""
        from workforce.services.payroll.order import month_to_calculate

        db, actor, today = self.db, self.actor, self.today

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> dt.date:
            return month_to_calculate(db, actor, today)

        def done(month: dt.date) -> None:
            target = QDate(month.year, month.month, 1)
            if self.month.date() == target:
                self.reload()
            else:
                self.month.setDate(target)  # reloads

        run_task(self, operation, done, label=self.tr("Reading the month…"), cancellable=False)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month)
        top.addWidget(self.status, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.calculate_button)
        actions.addWidget(self.discard_button)
        actions.addWidget(self.item_button)
        actions.addWidget(self.items_button)
        actions.addSpacing(16)
        actions.addWidget(QLabel(self.tr("Act as")))
        actions.addWidget(self.account)
        for button in (
            self.approve_button,
            self.return_button,
            self.lock_button,
            self.verify_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.workbook_button)
        actions.addWidget(self.bank_button)
        actions.addWidget(self.slips_button)
        left = QWidget()
        rows = QVBoxLayout(left)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addWidget(self.search)
        rows.addWidget(self.table, 1)
        rows.addWidget(self.totals)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.changes)
        layout.addWidget(self.warnings)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.month.dateChanged.connect(lambda _date: self._month_changed())
        self.calculate_button.clicked.connect(self.calculate)
        self.item_button.clicked.connect(self.add_item)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_month)
        self.items_button.clicked.connect(self.open_items)
        self.lock_button.clicked.connect(self.lock)
        self.discard_button.clicked.connect(self.discard)
        self.verify_button.clicked.connect(self.verify)
        self.workbook_button.clicked.connect(
            lambda: payroll_exports.export_workbook(self, self.db, self.actor, self.period())
        )
        self.bank_button.clicked.connect(
            lambda: payroll_exports.export_bank(self, self.db, self.actor, self.period())
        )
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self._debounce.timeout.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self.show_selected())
        self.model.modelReset.connect(self.show_selected)

    # -- reading ------------------------------------------------------------------------------
    def period(self) -> dt.date:
        date = self.month.date()
        return dt.date(date.year(), date.month(), 1)

    def _month_changed(self) -> None:
        self.changes.setVisible(False)
        self.reload()

    def load_accounts(self) -> None:
        header = self.review.header if self.review else None
        self.account.load(self.db, self.actor.username, header.calculated if header else "")

    def reload(self, select_worker: int | None = None) -> None:
        from workforce.services.payroll.screens import month_review

        db, actor, period = self.db, self.actor, self.period()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> MonthReview:
            return month_review(db, actor, period)

        run_task(
            self,
            operation,
            lambda review: self.set_review(review, select_worker),
            label=self.tr("Reading the month…"),
            cancellable=False,
        )

    def set_review(self, review: MonthReview, select_worker: int | None = None) -> None:
        if review.period != self.period():
            return  # the month was changed meanwhile; its own read follows
        self.review = review
        self.status.setText(status_text(review.header))
        self.warnings.setText(deduction_warnings_text(review.warnings))
        self.warnings.setVisible(bool(review.warnings))
        self.apply_filter(select_worker)
        self._update_buttons()

    def status_code(self) -> str | None:
        return self.review.header.status if self.review and self.review.header else None

    def _update_buttons(self) -> None:
        status = self.status_code()
        self.calculate_button.setEnabled(
            status in (None, DRAFT, CALCULATED)
            and is_allowed(self.actor.role, Action.CALCULATE_PAYROLL)
        )
        self.calculate_button.setText(
            self.tr("Recalculate") if status == CALCULATED else self.tr("Calculate")
        )
        self.discard_button.setEnabled(
            status in (DRAFT, CALCULATED) and is_allowed(self.actor.role, Action.CALCULATE_PAYROLL)
        )
        self.approve_button.setEnabled(status == CALCULATED)
        self.lock_button.setEnabled(status == APPROVED)
        self.return_button.setEnabled(status in (CALCULATED, APPROVED))
        self.items_button.setEnabled(self.review is not None)
        self.item_button.setEnabled(
            status in (DRAFT, CALCULATED)
            and bool(self.selected_rows())
            and is_allowed(self.actor.role, Action.EDIT_PAY_INPUTS)
        )
        self.account.setEnabled(status in (CALCULATED, APPROVED))
        self.verify_button.setEnabled(status in (CALCULATED, APPROVED, LOCKED))
        exportable = status in (CALCULATED, APPROVED, LOCKED)
        self.workbook_button.setEnabled(exportable)
        # not before 审核: the bank refused only after the clerk chose a layout and a file name
        self.bank_button.setEnabled(status in (APPROVED, LOCKED))
        self.slips_button.setEnabled(exportable)

    def apply_filter(self, select_worker: int | None = None) -> None:
        rows = self.review.rows if self.review else ()
        shown = matching(rows, self.search.text())
        self.model.set_rows(shown)
        self.totals.setText(totals_text(shown))
        if select_worker is not None:
            for number, row in enumerate(shown):
                if row.worker_id == select_worker:
                    self.table.selectRow(number)

    def selected_rows(self) -> list[ReviewRow]:
        return self.table.selected_rows()

    def selected_row(self) -> ReviewRow | None:
        rows = self.selected_rows()
        return rows[0] if rows else None

    def show_selected(self) -> None:
        from workforce.services.payroll.screens import slip_detail

        self._update_buttons()
        row = self.selected_row()
        if row is None:
            self.detail.setHtml(
                "<p>" + self.tr("Select a worker to see how their pay and tax were made.") + "</p>"
            )
            return
        db, actor, period = self.db, self.actor, self.period()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> SlipDetail:
            return slip_detail(db, actor, period, row.worker_id)

        def done(detail: SlipDetail) -> None:
            current = self.selected_row()
            if current is not None and current.worker_id == row.worker_id:
                self.detail.setHtml(detail_html(detail))

        run_task(self, operation, done, label=self.tr("Reading the payslip…"), cancellable=False)
