"""The career tabs of an existing worker's form: 社工证 (certificates with their registrations),
培训 (hours per year against the target, sessions attended) and 晋升通道 (pipeline history).

They are read-mostly: the services are read off the GUI thread when the form opens and again after
each change; 登记/续期, 更正登记日期 and 变动 open a small dialog and run the service off the GUI
thread, then read again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.careers.dialogs import CorrectionDialog, MoveDialog, RegistrationDialog
from ui.desktop.careers.pages import CERTIFICATES_PAGE, TRAINING_PAGE
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.careers.certificates import (
    CertificateView,
    correct_registration,
    register_certificate,
    worker_certificates,
)
from workforce.services.careers.pipeline import TransitionView, history, move
from workforce.services.careers.training_report import (
    AttendedSession,
    WorkerTraining,
    worker_training,
)
from workforce.services.context import Actor, Database

STATE_COLOURS = {"已过期": QColor("#b71c1c"), "即将到期": QColor("#8a5a00")}


@dataclass(frozen=True, slots=True)
class CareerFile:
    certificates: list[CertificateView]
    training: WorkerTraining
    history: list[TransitionView]


CERTIFICATE_COLUMNS: tuple[Column[CertificateView], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Level"), lambda c: c.level, width=100),
    Column(QT_TRANSLATE_NOOP("columns", "Number"), lambda c: fmt.text(c.number), width=140),
    Column(
        QT_TRANSLATE_NOOP("columns", "Obtained"),
        lambda c: fmt.date_text(c.obtained),
        None,
        CENTRE,
        84,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "State"),
        lambda c: c.state,
        align=CENTRE,
        width=64,
        colour=lambda c: STATE_COLOURS.get(c.state),
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Lapses after"),
        lambda c: fmt.date_text(c.valid_until),
        None,
        CENTRE,
        84,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Allowance from"),
        lambda c: fmt.month_text(c.allowance_from),
        None,
        CENTRE,
        84,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Registration periods"),
        lambda c: "；".join(fmt.period_text(p.start, p.end) for p in c.periods),
        width=260,
    ),
)
PERIODS_COLUMN = 6

SESSION_COLUMNS: tuple[Column[AttendedSession], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Session"), lambda s: s.title, width=250),
    Column(QT_TRANSLATE_NOOP("columns", "Organiser"), lambda s: s.organiser_level, width=64),
    Column(
        QT_TRANSLATE_NOOP("columns", "From"), lambda s: fmt.date_text(s.start_date), None, CENTRE
    ),
    Column(QT_TRANSLATE_NOOP("columns", "To"), lambda s: fmt.date_text(s.end_date), None, CENTRE),
    Column(
        QT_TRANSLATE_NOOP("columns", "Hours"), lambda s: fmt.hours_text(s.hours), None, RIGHT, 50
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Required"), lambda s: fmt.yes_no(s.required), None, CENTRE, 60
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Passed"), lambda s: fmt.yes_no(s.passed), None, CENTRE, 60
    ),
)

YEAR_COLUMNS: tuple[Column[tuple[int, Decimal]], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Year"), lambda y: str(y[0]), None, CENTRE, 60),
    Column(QT_TRANSLATE_NOOP("columns", "Hours"), lambda y: fmt.hours_text(y[1]), None, RIGHT, 60),
)

HISTORY_COLUMNS: tuple[Column[TransitionView], ...] = (
    Column(
        QT_TRANSLATE_NOOP("columns", "Date"),
        lambda t: fmt.date_text(t.effective_date),
        None,
        CENTRE,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Change"), lambda t: t.label, width=160),
    Column(QT_TRANSLATE_NOOP("columns", "Source"), lambda t: t.source, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Recorded by"), lambda t: t.recorded_by, width=80),
    Column(QT_TRANSLATE_NOOP("columns", "Reason"), lambda t: t.reason, width=200),
)


def read_career(db: Database, actor: Actor, worker_id: int, today: dt.date) -> CareerFile:
    return CareerFile(
        worker_certificates(db, actor, worker_id, today=today),
        worker_training(db, actor, worker_id, today=today),
        history(db, actor, worker_id),
    )


class CareerTabs(QObject):
    """The three tabs, added to the form's tab widget; ``loaded`` holds the last read."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        worker_id: int,
        name: str,
        tabs: QTabWidget,
        today: dt.date,
    ) -> None:
        super().__init__(tabs)
        self.db, self.actor, self.worker_id, self.name, self.today = (
            db,
            actor,
            worker_id,
            name,
            today,
        )
        self.parent_widget = tabs
        self.loaded: CareerFile | None = None
        self.dialog: RegistrationDialog | CorrectionDialog | MoveDialog | None = None
        self.certificates = RowsTableModel(CERTIFICATE_COLUMNS)
        self.sessions = RowsTableModel(SESSION_COLUMNS)
        self.years = RowsTableModel(YEAR_COLUMNS)
        self.history = RowsTableModel(HISTORY_COLUMNS)
        self.certificate_table = make_table(
            self.certificates,
            settings_key="career-certificates",
            actions=lambda: (self.register_button, self.correct_button),
        )
        self.hours = QLabel()
        self.hours.setWordWrap(True)
        self.standing = QLabel()
        self.register_button = QPushButton(self.tr("Register / renew…"))
        self.correct_button = QPushButton(self.tr("Correct registration date…"))
        self.move_button = QPushButton(self.tr("Change…"))
        certify = is_allowed(actor.role, Action.RECORD_CERTIFICATES)
        self.register_button.setVisible(certify)
        self.correct_button.setVisible(certify)
        self.move_button.setVisible(is_allowed(actor.role, Action.MOVE_PIPELINE))
        self.register_button.clicked.connect(self.ask_registration)
        self.correct_button.clicked.connect(self.ask_correction)
        self.move_button.clicked.connect(self.ask_move)
        self.certificate_table.selectionModel().selectionChanged.connect(self._enable)
        certificates = self._page(
            self.certificate_table, [self.register_button, self.correct_button]
        )
        certificates.setObjectName(CERTIFICATES_PAGE)
        tabs.addTab(certificates, self.tr("Social-work certificates"))
        training = QWidget()
        column = QVBoxLayout(training)
        column.addWidget(self.hours)
        row = QHBoxLayout()
        row.addWidget(make_table(self.years, settings_key="career-years"), 1)
        row.addWidget(make_table(self.sessions, settings_key="career-sessions"), 4)
        column.addLayout(row, 1)
        training.setObjectName(TRAINING_PAGE)
        tabs.addTab(training, self.tr("Training"))
        tabs.addTab(
            self._page(
                make_table(self.history, settings_key="career-history"),
                [self.move_button],
                self.standing,
            ),
            self.tr("Promotion pipeline"),
        )
        self._enable()

    def _page(
        self, table: QWidget, buttons: list[QPushButton], top: QLabel | None = None
    ) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        if top is not None:
            column.addWidget(top)
        column.addWidget(table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        column.addLayout(row)
        return page

    # -- reading ---------------------------------------------------------------------------------
    def load(self) -> None:
        def operation(_progress: ProgressFn, _cancel: CancelToken) -> CareerFile:
            return read_career(self.db, self.actor, self.worker_id, self.today)

        run_task(
            self.parent_widget,
            operation,
            self._show,
            label=self.tr("Reading certificates, training and pipeline…"),
            cancellable=False,
            show_after_ms=800,
        )

    def _show(self, career: CareerFile) -> None:
        self.loaded = career
        self.certificates.set_rows(career.certificates)
        if career.certificates:
            self.certificate_table.selectRow(0)
        training = career.training
        self.sessions.set_rows(training.sessions)
        self.years.set_rows(sorted(training.hours_by_year.items(), reverse=True))
        status = training.status
        lines = [
            self.tr("%1: %2 of %3 hours")
            .replace("%1", str(status.year))
            .replace("%2", fmt.hours_text(status.hours))
            .replace("%3", fmt.hours_text(status.target))
            + (
                self.tr(", short by %1").replace("%1", fmt.hours_text(status.short_by))
                if status.short_by
                else ""
            )
        ]
        if status.ce is not None:
            ce = status.ce
            lines.append(
                self.tr("Continuing education %1 to %2: %3 of %4 hours")
                .replace("%1", fmt.date_text(ce.period.start))
                .replace("%2", fmt.date_text(ce.period.end))
                .replace("%3", fmt.hours_text(ce.earned))
                .replace("%4", fmt.hours_text(ce.required))
            )
        self.hours.setText("\n".join(lines))
        self.history.set_rows(career.history)
        latest = career.history[-1].label if career.history else self.tr("no changes recorded")
        self.standing.setText(self.tr("Latest: %1").replace("%1", latest))
        self._enable()

    def selected_certificate(self) -> CertificateView | None:
        rows = self.certificate_table.selected_rows()
        return rows[0] if rows else None

    def _enable(self) -> None:
        chosen = self.selected_certificate()
        self.register_button.setEnabled(chosen is not None)
        self.correct_button.setEnabled(chosen is not None and bool(chosen.registrations))

    # -- changing --------------------------------------------------------------------------------
    def ask_registration(self) -> None:
        chosen = self.selected_certificate()
        if chosen is None:
            return
        last = chosen.registrations[-1] if chosen.registrations else None
        dialog = RegistrationDialog(chosen.level, last, self.today, self.parent_widget)
        dialog.accepted.connect(
            lambda: self._change(
                lambda: register_certificate(
                    self.db,
                    self.actor,
                    chosen.certificate_id,
                    dialog.date.value(),
                    today=self.today,
                )
            )
        )
        self._open(dialog)

    def ask_correction(self) -> None:
        chosen = self.selected_certificate()
        if chosen is None or not chosen.registrations:
            return
        dialog = CorrectionDialog(chosen.level, chosen.registrations, self.parent_widget)
        dialog.accepted.connect(
            lambda: self._change(
                lambda: correct_registration(
                    self.db,
                    self.actor,
                    chosen.certificate_id,
                    dialog.old.currentData(),
                    dialog.new.value(),
                    reason=dialog.reason.text(),
                    today=self.today,
                )
            )
        )
        self._open(dialog)

    def ask_move(self) -> None:
        dialog = MoveDialog(self.name, self.today, self.parent_widget)
        dialog.accepted.connect(
            lambda: self._change(
                lambda: move(
                    self.db,
                    self.actor,
                    self.worker_id,
                    dialog.stage.currentText(),
                    effective_date=dialog.date.value(),
                    reason=dialog.reason.text(),
                    source=dialog.source.text(),
                    target_role=dialog.target_role(),
                    today=self.today,
                )
            )
        )
        self._open(dialog)

    def _open(self, dialog: RegistrationDialog | CorrectionDialog | MoveDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _change(self, action: Callable[[], object]) -> None:
        def operation(_progress: ProgressFn, _cancel: CancelToken) -> CareerFile:
            action()
            return read_career(self.db, self.actor, self.worker_id, self.today)

        run_task(
            self.parent_widget,
            operation,
            self._show,
            label=self.tr("Saving…"),
            cancellable=False,
        )
