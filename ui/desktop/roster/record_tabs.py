"""The 考核 and 工资 tabs of an existing worker's form, read-only.

考核: the yearly results, each with where it came from. 工资: the months calculated for
the worker, newest first (应发, 扣款 with its lines, 个税, 实发, the month's status); the
selected month is explained as the payroll review explains it. Both are read off the GUI
thread when the form opens; the 工资 tab is there only for a role that may read payroll,
and a scope that does not hold the worker is said in the tab.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from ui import formatting as fmt
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.slip_detail import detail_html
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.adjustment.appraisal_history import AppraisalRecord, worker_appraisals
from workforce.services.context import Actor, Database
from workforce.services.payroll.screens import SlipDetail, slip_detail
from workforce.services.payroll.worker_pay import PayMonth, worker_pay_months

APPRAISALS_PAGE = "page-appraisals"
PAY_PAGE = "page-pay"

APPRAISAL_COLUMNS: tuple[Column[AppraisalRecord], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Year"), lambda a: str(a.year), None, CENTRE, 70),
    Column(QT_TRANSLATE_NOOP("columns", "Result"), lambda a: a.grade, None, CENTRE, 90),
    Column(QT_TRANSLATE_NOOP("columns", "Source"), lambda a: a.source, width=360),
)


def deduction_summary(month: PayMonth) -> str:
    """扣款 by line: 个人五险一金 1,234.00；工会会费 10.00."""
    return "；".join(f"{name} {fmt.yuan_text(amount)}" for name, amount in month.deduction_lines)


PAY_COLUMNS: tuple[Column[PayMonth], ...] = (
    Column(
        QT_TRANSLATE_NOOP("columns", "Month"),
        lambda m: fmt.month_text(m.period),
        lambda m: m.period,
        CENTRE,
        90,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Gross pay"),
        lambda m: fmt.yuan_text(m.gross),
        lambda m: m.gross,
        RIGHT,
        90,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Deductions"),
        lambda m: fmt.yuan_text(m.deductions),
        lambda m: m.deductions,
        RIGHT,
        90,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Tax"), lambda m: fmt.yuan_text(m.tax), lambda m: m.tax, RIGHT
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Net pay"),
        lambda m: fmt.yuan_text(m.net),
        lambda m: m.net,
        RIGHT,
        90,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Status"), lambda m: m.status, None, CENTRE, 64),
    Column(QT_TRANSLATE_NOOP("columns", "Deduction lines"), deduction_summary, width=220),
)


@dataclass(frozen=True, slots=True)
class RecordFile:
    appraisals: tuple[AppraisalRecord, ...]
    pay: tuple[PayMonth, ...] | None  # None: the role may not read payroll
    pay_refused: str = ""  # the scope's refusal, shown in the tab


def read_record(db: Database, actor: Actor, worker_id: int) -> RecordFile:
    appraisals = worker_appraisals(db, actor, worker_id)
    if not is_allowed(actor.role, Action.EXPORT_PAYROLL):
        return RecordFile(appraisals, None)
    try:
        return RecordFile(appraisals, worker_pay_months(db, actor, worker_id))
    except ActionRefused as exc:
        return RecordFile(appraisals, (), exc.message)


class RecordTabs(QObject):
    """考核 and 工资, added to the form's tab widget; ``loaded`` holds the last read."""

    def __init__(self, db: Database, actor: Actor, worker_id: int, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.db, self.actor, self.worker_id = db, actor, worker_id
        self.parent_widget = tabs
        self.loaded: RecordFile | None = None
        self.appraisals = RowsTableModel(APPRAISAL_COLUMNS)
        self.months = RowsTableModel(PAY_COLUMNS)
        self.appraisal_table = make_table(
            self.appraisals, settings_key="record-appraisals", title=self.tr("Appraisals")
        )
        self.appraisal_note = QLabel()
        page = QWidget()
        page.setObjectName(APPRAISALS_PAGE)
        column = QVBoxLayout(page)
        column.addWidget(self.appraisal_table, 1)
        column.addWidget(self.appraisal_note)
        tabs.addTab(page, self.tr("Appraisals"))
        self.month_table = make_table(
            self.months, settings_key="record-pay-months", title=self.tr("Pay by month")
        )
        self.pay_note = QLabel()
        self.pay_note.setWordWrap(True)
        self.explanation = QTextBrowser()
        self.pay_page: QWidget | None = None
        if is_allowed(actor.role, Action.EXPORT_PAYROLL):
            self.pay_page = QWidget()
            self.pay_page.setObjectName(PAY_PAGE)
            splitter = QSplitter(Qt.Orientation.Horizontal)
            left = QWidget()
            rows = QVBoxLayout(left)
            rows.setContentsMargins(0, 0, 0, 0)
            rows.addWidget(self.month_table, 1)
            rows.addWidget(self.pay_note)
            splitter.addWidget(left)
            splitter.addWidget(self.explanation)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            QVBoxLayout(self.pay_page).addWidget(splitter)
            tabs.addTab(self.pay_page, self.tr("Pay"))
        self.month_table.selectionModel().selectionChanged.connect(lambda *_args: self.show_month())

    def load(self) -> None:
        db, actor, worker_id = self.db, self.actor, self.worker_id

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> RecordFile:
            return read_record(db, actor, worker_id)

        run_task(
            self.parent_widget,
            operation,
            self._show,
            label=self.tr("Reading appraisals and pay…"),
            cancellable=False,
            show_after_ms=800,
        )

    def _show(self, record: RecordFile) -> None:
        self.loaded = record
        self.appraisals.set_rows(record.appraisals)
        self.appraisal_note.setText(
            self.tr("%1 yearly results.").replace("%1", fmt.count_text(len(record.appraisals)))
            if record.appraisals
            else self.tr("No appraisal results recorded.")
        )
        months = record.pay or ()
        self.months.set_rows(months)
        if record.pay_refused:
            self.pay_note.setText(record.pay_refused)
        elif months:
            self.pay_note.setText(
                self.tr("%1 months. Select one to see how its pay and tax were made.").replace(
                    "%1", fmt.count_text(len(months))
                )
            )
        else:
            self.pay_note.setText(self.tr("No month has been calculated for this worker yet."))
        if months:
            self.month_table.selectRow(0)
        else:
            self.explanation.clear()

    def selected_month(self) -> PayMonth | None:
        rows = self.month_table.selectionModel().selectedRows()
        return self.months.row_at(rows[0].row()) if rows else None

    def show_month(self) -> None:
        """The month's explanation, as the payroll review shows it."""
        chosen = self.selected_month()
        if chosen is None:
            self.explanation.clear()
            return
        db, actor, worker_id, period = self.db, self.actor, self.worker_id, chosen.period

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> SlipDetail:
            return slip_detail(db, actor, period, worker_id)

        def done(detail: SlipDetail) -> None:
            current = self.selected_month()
            if current is not None and current.period == detail.period:
                self.explanation.setHtml(detail_html(detail))

        run_task(
            self.parent_widget,
            operation,
            done,
            label=self.tr("Reading the payslip…"),
            cancellable=False,
            show_after_ms=800,
        )
