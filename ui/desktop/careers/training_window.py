"""培训 screen: the sessions (title, organiser level, dates, hours, 必修/选修, attendees) and, for
the one selected, its attendance list. 新建培训… creates a session; 添加参训人员… puts the workers
picked from the tree's unit on its list as one batch; 导入签到表… reads a sign-in sheet, shows the
plan's problems and applies it when there are none. Every read and write runs off the GUI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.careers.training_dialogs import PickDialog, SessionDialog, SigninDialog
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.sheet_import import choose_workbook, import_rows, read_and_plan
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid
from workforce.services.careers.training import (
    AttendanceResult,
    SigninPlan,
    apply_signin_import,
    create_session,
    plan_signin_import,
    record_attendance,
)
from workforce.services.careers.training_screens import (
    AttendeeRow,
    SessionRow,
    session_attendees,
    training_sessions,
)
from workforce.services.context import Actor, Database

SESSION_COLUMNS: tuple[Column[SessionRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Title"), lambda r: r.title, width=220, stretch=True),
    Column(
        QT_TRANSLATE_NOOP("columns", "Organiser level"),
        lambda r: r.organiser_level,
        None,
        CENTRE,
        80,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Dates"),
        lambda r: fmt.period_text(r.start_date, r.end_date),
        lambda r: (r.start_date, r.end_date),
        CENTRE,
        190,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Hours"),
        lambda r: fmt.hours_text(r.hours),
        lambda r: r.hours,
        RIGHT,
        56,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Kind"),
        lambda r: "必修" if r.required else "选修",
        None,
        CENTRE,
        56,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Attendees"),
        lambda r: fmt.count_text(r.attendees),
        lambda r: r.attendees,
        RIGHT,
        64,
    ),
)

ATTENDEE_COLUMNS: tuple[Column[AttendeeRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Street"), lambda r: r.street, width=100),
    Column(
        QT_TRANSLATE_NOOP("columns", "Community"), lambda r: r.community, width=110, stretch=True
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.name, width=80),
    Column(
        QT_TRANSLATE_NOOP("columns", "Passed"), lambda r: fmt.yes_no(r.passed), None, CENTRE, 56
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Hours"),
        lambda r: fmt.hours_text(r.hours),
        lambda r: r.hours,
        RIGHT,
        56,
    ),
)


class TrainingWindow(QDialog):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        unit_id: int | None = None,
        unit_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.unit_id, self.unit_name = unit_id, unit_name
        self.dialog: QDialog | None = None  # the one open (for tests)
        self.loaded = False
        self.setWindowTitle(self.tr("Training sessions"))
        self.sessions = RowsTableModel(SESSION_COLUMNS)
        self.attendees = RowsTableModel(ATTENDEE_COLUMNS)
        self.session_table = make_table(self.sessions, settings_key="training-sessions")
        self.attendee_table = make_table(
            self.attendees,
            settings_key="training-attendees",
            person=lambda row: row.worker_id,
        )
        self.new_button = QPushButton(self.tr("New session…"))
        self.add_button = QPushButton(self.tr("Add attendees…"))
        self.import_button = QPushButton(self.tr("Import sign-in sheet…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.summary = QLabel()
        top = QHBoxLayout()
        for button in (self.new_button, self.add_button, self.import_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        lower = QWidget()
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.summary)
        below.addWidget(self.attendee_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.session_table)
        split.addWidget(lower)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(split, 1)
        self.new_button.clicked.connect(self.new_session)
        self.add_button.clicked.connect(self.pick_attendees)
        self.import_button.clicked.connect(self.choose_sheet)
        self.refresh_button.clicked.connect(lambda _checked=False: self.load())
        self.session_table.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self.load_attendees()
        )
        self._enable()
        fit_window(self, 980, 640)

    # -- reads ---------------------------------------------------------------------------------
    def selected(self) -> SessionRow | None:
        index = self.session_table.selectionModel().currentIndex()
        return self.sessions.row_at(index.row()) if index.isValid() else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(chosen)
        self.import_button.setEnabled(chosen)

    def load(self, select: int | None = None) -> None:
        db, actor = self.db, self.actor
        current = self.selected()
        keep = select if select is not None else (current.session_id if current else None)

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[SessionRow]:
            return training_sessions(db, actor)

        self.loaded = False
        run_task(self, operation, lambda rows: self._show(rows, keep), label=self.tr("Loading…"))

    def _show(self, rows: list[SessionRow], keep: int | None) -> None:
        self.sessions.set_rows(rows)
        number = next((n for n, r in enumerate(rows) if r.session_id == keep), 0 if rows else -1)
        if number >= 0:
            self.session_table.selectRow(number)
        self.loaded = True
        self._enable()
        self.load_attendees()

    def load_attendees(self) -> None:
        self._enable()
        row = self.selected()
        if row is None:
            self.attendees.set_rows([])
            self.summary.setText(self.tr("No session selected."))
            return
        db, actor, session_id = self.db, self.actor, row.session_id

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[AttendeeRow]:
            return session_attendees(db, actor, session_id)

        def show(rows: list[AttendeeRow]) -> None:
            self.attendees.set_rows(rows)
            self.summary.setText(
                self.tr("%1: %2 attendees.")
                .replace("%1", row.title)
                .replace("%2", fmt.count_text(len(rows)))
            )

        run_task(self, operation, show, label=self.tr("Loading…"))

    # -- writes --------------------------------------------------------------------------------
    def _write(self, work: Callable[[], Any], select: Callable[[Any], int | None]) -> None:
        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Any:
            return work()

        run_task(
            self,
            operation,
            lambda result: self.load(select(result)),
            label=self.tr("Saving…"),
            cancellable=False,
        )

    def new_session(self) -> None:
        dialog = SessionDialog(dt.date.today(), self)
        self.dialog = dialog

        def accepted() -> None:
            data, db, actor = dialog.value(), self.db, self.actor
            self._write(lambda: create_session(db, actor, data), lambda new_id: new_id)

        dialog.accepted.connect(accepted)
        dialog.open()

    def pick_attendees(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = PickDialog(
            self.db, self.actor, unit_id=self.unit_id, unit_name=self.unit_name, parent=self
        )
        self.dialog = dialog

        def accepted() -> None:
            ids, db, actor = dialog.chosen(), self.db, self.actor
            if ids:
                self._write(
                    lambda: record_attendance(db, actor, row.session_id, ids),
                    lambda result: result.session_id,
                )

        dialog.accepted.connect(accepted)
        dialog.open()
        dialog.load()

    def choose_sheet(self) -> None:
        path = choose_workbook(self, self.tr("Import sign-in sheet"))
        if path:
            self.import_sheet(path)

    def import_sheet(self, path: Path) -> None:
        """Read and plan off the GUI thread; show the plan; apply when it has no problems."""
        row = self.selected()
        if row is None:
            return
        db, actor, session_id = self.db, self.actor, row.session_id

        def planned(grid: SheetGrid, plan: SigninPlan) -> None:
            dialog = SigninDialog(path, grid, plan, self)
            self.dialog = dialog

            def apply() -> None:
                left_out = dialog.left_out()

                def work() -> AttendanceResult:
                    return import_rows(
                        left_out,
                        lambda valid_only: apply_signin_import(
                            db, actor, grid, session_id=session_id, valid_only=valid_only
                        ),
                    )

                self._write(
                    work,
                    lambda done: done.session_id if isinstance(done, AttendanceResult) else None,
                )

            dialog.accepted.connect(apply)
            dialog.open()

        read_and_plan(
            self,
            path,
            lambda grid: plan_signin_import(db, actor, grid, session_id=session_id),
            planned,
            self.tr("Reading the sign-in sheet…"),
        )
