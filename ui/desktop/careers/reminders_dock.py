"""提醒: a dock on the main window listing, for the unit chosen in the tree, registrations lapsing
or lapsed, continuing education short and yearly hours short. Read off the GUI thread when shown,
when the unit changes and after each roster reload; double-click opens the worker's form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QVBoxLayout, QWidget

from ui import formatting as fmt
from ui.desktop.careers.pages import page_for
from ui.desktop.widgets.models import CENTRE, Column, RowsTableModel
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell
    from workforce.domain.progress import CancelToken, ProgressFn
    from workforce.services.careers.training_report import ReminderRow

URGENT = QColor("#b71c1c")
REMINDER_COLUMNS: tuple[Column[ReminderRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("columns", "Reminder"),
        lambda r: r.kind_name,
        width=120,
        colour=lambda r: URGENT if r.kind == "registration_lapsed" else None,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Due"), lambda r: fmt.date_text(r.due), None, CENTRE, 90),
    Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda r: r.person.community, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.person.name, width=70),
    Column(QT_TRANSLATE_NOOP("columns", "Details"), lambda r: r.text, width=300),
)


class RemindersDock(QObject):
    def __init__(self, window: WindowShell, menu: QMenu) -> None:
        main = window.widget()
        super().__init__(main)
        self.window = window
        self.model = RowsTableModel(REMINDER_COLUMNS)
        self.table = make_table(
            self.model,
            settings_key="reminders",
            person=lambda row: row.person.worker_id,
            person_page=lambda row: page_for(row.kind),
        )
        self.table.doubleClicked.connect(lambda index: self.open_worker(index.row()))
        self.count = QLabel()
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.count)
        column.addWidget(self.table, 1)
        self.dock = QDockWidget(self.tr("Reminders"), main)
        self.dock.setObjectName("reminders-dock")
        self.dock.setWidget(panel)
        main.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = self.dock.toggleViewAction()
        self.action.setText(self.tr("Reminders"))
        self.action.setStatusTip(
            self.tr("Registrations lapsing and training hours short in the selected unit")
        )
        menu.addAction(self.action)
        self.dock.visibilityChanged.connect(lambda visible: visible and self.reload())
        window.tree.unit_selected.connect(lambda _unit: self.reload())
        window.roster_loaded.connect(self.reload)

    def reload(self) -> None:
        from workforce.services.careers.training_report import reminders

        db, actor = self.window.db, self.window.actor
        if db is None or actor is None or not self.dock.isVisible():
            return
        unit = self.window.tree.selected_unit()
        self.count.setText(self.tr("Loading…"))

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[ReminderRow]:
            return reminders(db, actor, unit_id=unit)

        run_task(
            self.window.widget(),
            operation,
            self._show,
            label=self.tr("Reading reminders…"),
            show_after_ms=1500,
        )

    def _show(self, rows: list[ReminderRow]) -> None:
        self.model.set_rows(rows)
        self.count.setText(
            self.tr("%1 reminders. Double-click one to open the worker's file.").replace(
                "%1", fmt.count_text(len(rows))
            )
        )

    def open_worker(self, row: int) -> None:
        """The worker's file on the tab the reminder is about: 社工证 or 培训."""
        reminder = self.model.row_at(row)
        self.window.open_worker(reminder.person.worker_id, page_for(reminder.kind))
