"""审计日志 window: filter the log, read it page by page, see one entry's old → new values, and
export what the filter found to .xlsx. Reads and the export run off the GUI thread; the next page
loads when the table is scrolled to its end, so a million-row log opens as fast as a small one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reports.accounts.audit_xlsx import write_audit_xlsx
from ui import formatting as fmt
from ui.desktop.accounts.audit_models import CHANGE_COLUMNS, ENTRY_COLUMNS, EntryModel, when
from ui.desktop.widgets.models import RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.progress import Cancelled, CancelToken, ProgressFn
from workforce.services.accounts.audit_labels import action_name, entity_name
from workforce.services.accounts.audit_views import (
    AuditChoices,
    AuditFilter,
    AuditPage,
    AuditRow,
    audit_choices,
    audit_count,
    audit_entries,
    audit_page,
)
from workforce.services.context import Actor, Database

NO_DATE = QDate(2000, 1, 1)  # the minimum of the date boxes, shown as "any"


class AuditWindow(QDialog):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.page_size = 200
        self.loaded = False  # the current filter's first page is shown (for tests)
        self.loading = False
        self.next_before: int | None = None
        self.total = 0
        self.exported: Path | None = None
        self.setWindowTitle(self.tr("Audit log"))
        self._build()
        fit_window(self, 1120, 700)

    # -- layout ----------------------------------------------------------------------------------
    def _date_box(self) -> QDateEdit:
        box = QDateEdit()
        box.setCalendarPopup(True)
        box.setDisplayFormat("yyyy-MM-dd")
        box.setMinimumDate(NO_DATE)
        box.setSpecialValueText(self.tr("any"))
        box.setDate(NO_DATE)
        return box

    def _build_filters(self) -> QGridLayout:
        self.since, self.until = self._date_box(), self._date_box()
        self.user = QComboBox()
        self.action = QComboBox()
        self.entity = QComboBox()
        for box in (self.user, self.action, self.entity):
            box.addItem(self.tr("all"), "")
        self.entity_id = QLineEdit()
        self.entity_id.setPlaceholderText(self.tr("number"))
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("a worker's ID number"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("in old and new values and notes"))
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setDefault(True)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        grid = QGridLayout()
        fields: list[tuple[str, QWidget]] = [
            (self.tr("From"), self.since),
            (self.tr("To"), self.until),
            (self.tr("User"), self.user),
            (self.tr("Action"), self.action),
            (self.tr("Object"), self.entity),
            (self.tr("Object no."), self.entity_id),
            (self.tr("ID number"), self.id_number),
            (self.tr("Text"), self.text),
        ]
        for number, (label, widget) in enumerate(fields):
            grid.addWidget(QLabel(label), number // 4, (number % 4) * 2)
            grid.addWidget(widget, number // 4, (number % 4) * 2 + 1)
        return grid

    def _build(self) -> None:
        grid = self._build_filters()
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        self.entries = EntryModel(ENTRY_COLUMNS)
        self.changes = RowsTableModel(CHANGE_COLUMNS)
        # pages come newest first
        self.table = make_table(self.entries, sortable=False, settings_key="audit-entries")
        self.change_table = make_table(self.changes, settings_key="audit-changes")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail = QWidget()
        side = QVBoxLayout(detail)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.heading)
        side.addWidget(self.change_table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([620, 460])
        self.status = QLabel()
        column = QVBoxLayout(self)
        column.addLayout(grid)
        column.addLayout(buttons)
        column.addWidget(split, 1)
        column.addWidget(self.status)
        self.search_button.clicked.connect(lambda _checked=False: self.search())
        self.clear_button.clicked.connect(lambda _checked=False: self.clear())
        self.export_button.clicked.connect(lambda _checked=False: self.choose_export())
        self.text.returnPressed.connect(self.search)
        self.id_number.returnPressed.connect(self.search)
        self.table.selectionModel().currentRowChanged.connect(lambda _now, _old: self._detail())
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled)

    # -- filter ----------------------------------------------------------------------------------
    def _date(self, box: QDateEdit) -> dt.date | None:
        chosen = box.date()
        return None if chosen == NO_DATE else dt.date(chosen.year(), chosen.month(), chosen.day())

    def wanted(self) -> AuditFilter:
        number = self.entity_id.text().strip()
        return AuditFilter(
            since=self._date(self.since),
            until=self._date(self.until),
            username=str(self.user.currentData() or ""),
            action=str(self.action.currentData() or ""),
            entity=str(self.entity.currentData() or ""),
            entity_id=int(number) if number.isdigit() else None,
            id_number=self.id_number.text().strip(),
            text=self.text.text().strip(),
        )

    def clear(self) -> None:
        for box in (self.since, self.until):
            box.setDate(NO_DATE)
        for combo in (self.user, self.action, self.entity):
            combo.setCurrentIndex(0)
        for line in (self.entity_id, self.id_number, self.text):
            line.clear()
        self.search()

    def _fill(self, choices: AuditChoices) -> None:
        for box, codes, name in (
            (self.user, choices.usernames, str),
            (self.action, choices.actions, action_name),
            (self.entity, choices.entities, entity_name),
        ):
            for code in codes:
                if box.findData(code) < 0:
                    box.addItem(name(code), code)

    # -- reading ---------------------------------------------------------------------------------
    def load(self) -> None:
        """The filter boxes' choices, then the first page of everything."""
        db, actor = self.db, self.actor

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> AuditChoices:
            return audit_choices(db, actor)

        def done(choices: AuditChoices) -> None:
            self._fill(choices)
            self.search()

        run_task(self, operation, done, label=self.tr("Loading…"))

    def search(self) -> None:
        db, actor, wanted, size = self.db, self.actor, self.wanted(), self.page_size

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> tuple[int, AuditPage]:
            return audit_count(db, actor, wanted), audit_page(db, actor, wanted, limit=size)

        def done(result: tuple[int, AuditPage]) -> None:
            self.total, page = result
            self.entries.set_rows(page.rows)
            self.next_before = page.next_before
            self.loading, self.loaded = False, True
            if page.rows:
                self.table.selectRow(0)
            self._detail()
            self._show_status()
            QTimer.singleShot(0, self._fill_view)

        self.loaded, self.loading = False, True
        run_task(self, operation, done, label=self.tr("Searching…"), on_failed=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from ui.tasks import show_error

        self.loading = False
        show_error(self, exc)

    def _scrolled(self, value: int) -> None:
        if value >= self.table.verticalScrollBar().maximum() - 2:
            self.load_more()

    def _fill_view(self) -> None:
        """Keep loading while the rows do not fill the table (no scroll bar to reach the end of)
        or the clerk is still at its end."""
        bar = self.table.verticalScrollBar()
        if bar.maximum() == 0 or bar.value() >= bar.maximum() - 2:
            self.load_more()

    def load_more(self) -> None:
        """The next (older) page, appended, when there is one and none is on its way."""
        if self.loading or self.next_before is None:
            return
        db, actor, wanted, size = self.db, self.actor, self.wanted(), self.page_size
        before = self.next_before

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> AuditPage:
            return audit_page(db, actor, wanted, before_id=before, limit=size)

        def done(page: AuditPage) -> None:
            self.entries.append_rows(page.rows)
            self.next_before = page.next_before
            self.loading = False
            self._show_status()
            QTimer.singleShot(0, self._fill_view)

        self.loading = True
        run_task(self, operation, done, label=self.tr("Loading…"), on_failed=self._failed)

    def _show_status(self) -> None:
        self.status.setText(
            self.tr("%1 entries found, %2 shown.")
            .replace("%1", fmt.count_text(self.total))
            .replace("%2", fmt.count_text(len(self.entries.rows)))
        )
        self.export_button.setEnabled(self.total > 0)

    def selected(self) -> AuditRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.entries.row_at(index.row()) if index.isValid() else None

    def _detail(self) -> None:
        row = self.selected()
        if row is None:
            self.heading.setText(self.tr("No entry selected."))
            self.changes.set_rows([])
            return
        target = entity_name(row.entity) + (f" #{row.entity_id}" if row.entity_id else "")
        lines = [f"{when(row)}  {row.username}  {action_name(row.action)}  {target}"]
        if row.note:
            lines.append(row.note)
        self.heading.setText("\n".join(lines))
        self.changes.set_rows(row.changes)

    # -- export ----------------------------------------------------------------------------------
    def choose_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export audit log"),
            self.tr("audit log.xlsx"),
            self.tr("Workbooks (*.xlsx)"),
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Every entry the filter finds (not only the pages shown), written off the GUI thread."""
        db, actor, wanted, total = self.db, self.actor, self.wanted(), self.total

        def operation(progress: ProgressFn, cancel: CancelToken) -> int:
            def step(done: int) -> None:
                cancel.check()
                progress(done, total)

            try:
                return write_audit_xlsx(path, audit_entries(db, actor, wanted), progress=step)
            except Cancelled:
                path.unlink(missing_ok=True)  # no half-written workbook
                raise

        def done(count: int) -> None:
            self.exported = path
            self.status.setText(
                self.tr("%1 entries exported to %2.")
                .replace("%1", fmt.count_text(count))
                .replace("%2", str(path))
            )

        run_task(self, operation, done, label=self.tr("Exporting the audit log…"))
