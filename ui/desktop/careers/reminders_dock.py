"""提醒: a dock on the main window listing, for the unit chosen in the tree, registrations lapsing
or lapsed, continuing education short and yearly hours short. Read off the GUI thread when shown,
when the unit or a filter changes and after each roster reload; double-click opens the worker's
form. Filters: the kind, the tree's unit and "due within N days" (the overdue too); 导出为 Excel
writes the rows shown, its header line saying the filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.careers.pages import page_for
from ui.desktop.widgets.models import CENTRE, Column, RowsTableModel
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.careers.compliance import REMINDER_NAMES, ReminderKind

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
        self._reads = 0
        self.model = RowsTableModel(REMINDER_COLUMNS)
        self.table = make_table(
            self.model,
            settings_key="reminders",
            person=lambda row: row.person.worker_id,
            person_page=lambda row: page_for(row.kind),
        )
        self.table.doubleClicked.connect(lambda index: self.open_worker(index.row()))
        self.table.title = self.tr("Reminders")
        self.table.filter_text = self.filter_text
        self.count = QLabel()
        filters = self._filters()
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(filters)
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
        self.kind.currentIndexChanged.connect(lambda _index: self.reload())
        self._typing = QTimer(self, singleShot=True, interval=400)  # "120" is one read, not three
        self._typing.timeout.connect(self.reload)
        self.within.valueChanged.connect(lambda _value: self._typing.start())

    def _filters(self) -> QHBoxLayout:
        """The unit (the tree's), the kind, "due within N days" and 导出为 Excel."""
        self.unit = QLabel()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All reminders"), None)
        for kind in ReminderKind:
            self.kind.addItem(REMINDER_NAMES[kind], kind.value)
        self.within = QSpinBox()
        self.within.setRange(0, 3650)
        self.within.setSingleStep(30)
        self.within.setSpecialValueText(self.tr("any time"))
        self.within.setSuffix(self.tr(" days"))
        self.within.setToolTip(self.tr("Only what is due within this many days (and the overdue)"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(lambda _checked=False: self.table.export_dialog())
        filters = QHBoxLayout()
        filters.addWidget(self.unit)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Kind")))
        filters.addWidget(self.kind)
        filters.addWidget(QLabel(self.tr("Due within")))
        filters.addWidget(self.within)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        return filters

    def unit_name(self) -> str:
        unit, snapshot = self.window.tree.selected_unit(), self.window.snapshot
        if unit is None or snapshot is None:
            return self.tr("All units")
        return {node.id: node.name for node in snapshot.nodes}.get(unit, "")

    def within_days(self) -> int | None:
        return self.within.value() or None

    def filter_text(self) -> str:
        """The filters in words, for the export's header line: 单位；种类；N 天内到期."""
        parts = [self.tr("Unit: %1").replace("%1", self.unit_name()), self.kind.currentText()]
        days = self.within_days()
        if days is not None:
            parts.append(self.tr("due within %1 days (overdue included)").replace("%1", str(days)))
        return "；".join(parts)

    def reload(self) -> None:
        from workforce.services.careers.training_report import reminders

        db, actor = self.window.db, self.window.actor
        self.unit.setText(self.tr("Unit: %1").replace("%1", self.unit_name()))
        if db is None or actor is None or not self.dock.isVisible():
            return
        unit = self.window.tree.selected_unit()
        kind = self.kind.currentData()
        kinds = None if kind is None else frozenset({ReminderKind(kind)})
        within = self.within_days()
        self.count.setText(self.tr("Loading…"))
        self._reads += 1
        number = self._reads

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[ReminderRow]:
            return reminders(db, actor, unit_id=unit, kinds=kinds, within_days=within)

        def done(rows: list[ReminderRow]) -> None:
            if number == self._reads:  # a later read (another filter) is on its way
                self._show(rows)

        run_task(
            self.window.widget(),
            operation,
            done,
            label=self.tr("Reading reminders…"),
            show_after_ms=1500,
        )

    def _show(self, rows: list[ReminderRow]) -> None:
        self.model.set_rows(rows)
        self.export_button.setEnabled(bool(rows))
        self.count.setText(
            self.tr("%1 reminders. Double-click one to open the worker's file.").replace(
                "%1", fmt.count_text(len(rows))
            )
        )

    def open_worker(self, row: int) -> None:
        """The worker's file on the tab the reminder is about: 社工证 or 培训."""
        reminder = self.model.row_at(row)
        self.window.open_worker(reminder.person.worker_id, page_for(reminder.kind))
