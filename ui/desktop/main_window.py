"""The main window: the organisation tree on the left, the worker table and its filters right.

The window paints before the database layer is imported (app start ≤ 1 s): it is built empty,
then ``attach`` gives it the database and ``refresh`` reads the roster off the GUI thread. Modules
that pull in SQLAlchemy are imported inside the methods that need them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.adjustment.menu import add_adjust_menu, update_adjust_actions
from ui.desktop.careers.menu import add_career_views
from ui.desktop.payroll.menu import add_payroll_menu
from ui.desktop.roster import file_actions
from ui.desktop.roster.filter_bar import RosterFilterBar
from ui.desktop.roster_filter import RosterCriteria
from ui.desktop.stats.menu import add_stats_menu
from ui.desktop.stats.page import PAGES, add_dashboard
from ui.desktop.widgets.models import WorkerTableModel
from ui.desktop.widgets.org_tree import OrgTree
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.tables import DataTable, make_table
from ui.tasks import run_task, show_error
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.problems import ActionRefused

if TYPE_CHECKING:
    from ui.desktop.roster.worker_form import WorkerForm
    from ui.desktop.roster_snapshot import RosterSnapshot
    from workforce.services.context import Actor, Database
    from workforce.services.roster.query import RosterRow


class MainWindow(QMainWindow):
    roster_loaded = Signal()  # after every (re)load: the data may have changed
    first_page_ready = Signal(object)  # (read number, partial RosterSnapshot), from its thread
    rows_shown = Signal()  # rows are in the table (the first page or all): the window is usable

    def __init__(self) -> None:
        super().__init__()
        self.db: Database | None = None
        self.actor: Actor | None = None
        self.snapshot: RosterSnapshot | None = None
        self._pending_select: int | None = None
        self._load_number = 0  # which read the first page came from (an older one is dropped)
        self._held: RosterSnapshot | None = None  # read before the window was attached
        self._prefetching = False
        self._after_prefetch: list[Callable[[], None]] = []
        self.adjust_actions: list[QAction] = []
        self.stats_action: QAction | None = None
        self.setWindowTitle(self.tr("Community workers: files and pay"))
        fit_window(self, 1280, 780)
        self.model = WorkerTableModel()
        self.tree = OrgTree()
        self.filters = RosterFilterBar()
        self.search = self.filters.search
        self.table = self._make_table()
        self.counts = QLabel()
        self._build_layout()
        self._build_actions()
        self._connect()
        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.database_label)
        self.counts.setText(self.tr("Opening the database…"))
        self._restore_geometry()

    # -- construction ---------------------------------------------------------------------------
    def _make_table(self) -> DataTable:
        # sorted by the window on the whole roster (then filtered), not by the view on what is shown
        table = make_table(self.model, sortable=False, settings_key="workers")
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.title = self.tr("Workers")
        table.filter_text = self._filter_text
        table.open_person = lambda row: self.open_worker(row.worker_id)
        table.actions_for = lambda: (self.edit_action, self.new_action)
        return table

    def _filter_text(self) -> str:
        unit = self.tree.selected_unit()
        names = {node.id: node.name for node in self.snapshot.nodes} if self.snapshot else {}
        return self.filters.description(names.get(unit, "") if unit is not None else "")

    def _build_layout(self) -> None:
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filters)
        column.addWidget(self.table, 1)
        self.pages = QTabWidget()  # the worker list, then the dashboard (``stats.page``)
        self.pages.setObjectName(PAGES)
        self.pages.setDocumentMode(True)
        self.pages.addTab(right, self.tr("Workers"))
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 1060])
        self.setCentralWidget(splitter)
        self.statusBar().addWidget(self.counts)

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("New worker"), self.new_worker, QKeySequence.StandardKey.New
        )
        self.edit_action = self._action(self.tr("Edit"), self.edit_selected, "Ctrl+E")
        self.import_action = self._action(
            self.tr("Import roster…"), lambda: file_actions.import_roster(self)
        )
        self.export_action = self._action(
            self.tr("Export roster…"), lambda: file_actions.export_roster(self)
        )
        self.template_action = self._action(
            self.tr("Download import template…"), lambda: file_actions.save_template(self)
        )
        self.print_action = self._action(
            self.tr("Print roster (PDF)…"), lambda: file_actions.print_roster(self)
        )
        self.refresh_action = self._action(
            self.tr("Refresh"), self.refresh, QKeySequence.StandardKey.Refresh
        )
        self.mask_action = self._action(self.tr("Mask ID numbers"), self._mask_ids)
        self.mask_action.setCheckable(True)
        quit_action = self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self._update_actions()
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        for action in (
            self.import_action,
            self.export_action,
            self.print_action,
            self.template_action,
        ):
            file_menu.addAction(action)

        def open_backups() -> None:  # imported when used: the window paints before the database
            from ui.desktop.system.backup_dialog import open_backups

            open_backups(self)

        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Backup and restore…"), open_backups))
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        workers_menu = menus.addMenu(self.tr("&Workers"))
        workers_menu.addAction(self.new_action)
        workers_menu.addAction(self.edit_action)
        self.adjust_actions = add_adjust_menu(self)
        self.payroll_action = add_payroll_menu(self)
        self.stats_action = add_stats_menu(self)
        view_menu = menus.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.mask_action)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.new_action,
            self.edit_action,
            None,
            self.import_action,
            self.export_action,
            self.template_action,
            None,
            self.refresh_action,
        ):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.dashboard = add_dashboard(self, view_menu)
        self.reminders = add_career_views(self, workers_menu, view_menu)
        from ui.desktop.accounts.audit_menu import add_audit_menu  # one entry, in 系统

        self.audit_action = add_audit_menu(self)
        from ui.desktop.system.connection_dialog import add_connection_entry  # 系统, last

        self.connection_action = add_connection_entry(self)
        from ui.desktop.help.menu import add_help_menu  # the last menu

        self.help_actions = add_help_menu(self)

    def _connect(self) -> None:
        self.filters.changed.connect(self.apply_filter)
        self.tree.unit_selected.connect(lambda _unit: self.apply_filter())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.first_page_ready.connect(self._first_page)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort)

    def _allowed(self, action: Action) -> bool:
        return self.actor is not None and is_allowed(self.actor.role, action)

    def _update_actions(self) -> None:
        loaded = self.snapshot is not None and not self.snapshot.partial
        self.new_action.setEnabled(loaded and self._allowed(Action.EDIT_WORKERS))
        self.edit_action.setEnabled(
            self._allowed(Action.EDIT_WORKERS) and self.selected_row() is not None
        )
        self.import_action.setEnabled(loaded and self._allowed(Action.IMPORT_ROSTER))
        self.export_action.setEnabled(loaded and self._allowed(Action.EXPORT_ROSTER))
        self.print_action.setEnabled(loaded and self._allowed(Action.EXPORT_ROSTER))
        self.template_action.setEnabled(loaded)
        self.refresh_action.setEnabled(self.db is not None)
        update_adjust_actions(self, self.adjust_actions)
        if self.stats_action is not None:
            self.stats_action.setEnabled(self._allowed(Action.VIEW_ADJUSTMENT))

    # -- loading and filtering ------------------------------------------------------------------
    def prefetch(self, db: Database, actor: Actor) -> None:
        """At the sign-in, while the file is checked: read the first page of a big roster
        (``load_first_page``, reads only). Nothing is shown before ``attach`` — a damaged file's
        rows never are — and the whole roster is read after it; ``when_prefetched`` waits for
        the read to end (the damaged-file dialog does: a restore replaces the file)."""
        from ui.desktop.roster_snapshot import load_first_page

        self._load_number += 1
        number, self._held, self._prefetching = self._load_number, None, True

        def ended(page: RosterSnapshot | None) -> None:
            self._prefetching = False
            if number == self._load_number:
                if self.actor is None:
                    self._held = page  # signed in, the file still being checked
                else:
                    self._show_prefetched(page)  # attached while it was being read
            waiting, self._after_prefetch = self._after_prefetch, []
            for callback in waiting:
                callback()

        run_task(
            self,
            load_first_page(db, actor=actor),
            ended,
            label=self.tr("Loading the roster…"),
            on_failed=lambda _exc: ended(None),  # the check says what is wrong with the file
            cancellable=False,
            show_after_ms=2**30,
        )

    def when_prefetched(self, callback: Callable[[], None]) -> None:
        """``callback`` once no read started by ``prefetch`` is running (at once if none is)."""
        if self._prefetching:
            self._after_prefetch.append(callback)
        else:
            callback()

    def attach(self, db: Database, actor: Actor) -> None:
        """Work on ``db`` as ``actor`` from now on, and read the roster (after showing the page
        ``prefetch`` read of it, if any: at once, or when its read ends)."""
        from workforce.persistence.database import describe_url

        self.db, self.actor = db, actor
        self.database_label.setText(self.tr("Database: %1").replace("%1", describe_url(db.engine)))
        held, self._held = self._held, None
        if not self._prefetching:
            self._show_prefetched(held)

    def _show_prefetched(self, page: RosterSnapshot | None) -> None:
        if page is not None and self.snapshot is None:
            self._first_page((self._load_number, page))
        self.refresh()

    def refresh(self) -> None:
        """Read the roster again off the GUI thread, keeping filters, sort and selection."""
        from ui.desktop.roster_snapshot import load_roster

        if self.db is None:
            return
        # the first read (nothing shown yet, or only a first page) shows no progress dialog
        first = self.snapshot is None or self.snapshot.partial
        if self.snapshot is None or not self.snapshot.partial:  # a page says "loading the rest"
            self.counts.setText(self.tr("Loading…"))
        self._load_number += 1
        number = self._load_number

        def first_page(snapshot: RosterSnapshot) -> None:
            self.first_page_ready.emit((number, snapshot))

        want_page = self.snapshot is None  # a page shown already needs no other
        run_task(
            self,
            load_roster(self.db, actor=self.actor, first_page=first_page if want_page else None),
            self._loaded,
            label=self.tr("Loading the roster…"),
            show_after_ms=2**30 if first else 600,
        )

    def _first_page(self, page: tuple[int, RosterSnapshot]) -> None:
        """The first communities' workers while the rest loads: shown, filtered and sorted as the
        whole roster will be (the tree and the counts wait for it)."""
        number, snapshot = page
        if number != self._load_number or self.snapshot is not None:
            return  # an older read's, or the whole roster came first
        if self.actor is None:
            self._held = self._held or snapshot  # signed in, the file still being checked
            return
        self.snapshot = snapshot
        self.filters.set_posts(snapshot.posts)
        self._show_rows()
        self.rows_shown.emit()

    def _loaded(self, snapshot: RosterSnapshot) -> None:
        self.snapshot = snapshot
        self.filters.set_posts(snapshot.posts)
        self.tree.set_units(snapshot.nodes, snapshot.in_post)
        self._show_rows()
        if self._pending_select is not None:
            self.select_worker(self._pending_select)
            self._pending_select = None
        self._update_actions()
        self.rows_shown.emit()
        self.roster_loaded.emit()

    def _show_rows(self) -> None:
        header = self.table.horizontalHeader()
        if 0 <= header.sortIndicatorSection() < len(self.model.columns):
            self._sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        else:
            self.apply_filter()

    def criteria(self) -> RosterCriteria:
        unit = self.tree.selected_unit()
        units, grid = None, None
        if unit is not None and self.snapshot is not None:
            units, grid = self.snapshot.unit_filter(unit)
        return self.filters.criteria(units, grid)

    def apply_filter(self) -> None:
        self.filters.settle()
        if self.snapshot is None:
            return
        selected = self.selected_row()
        rows = self.snapshot.roster.apply(self.criteria())
        self.model.set_rows(rows)
        counts = (
            self.tr("The first %1 workers, %2 shown; loading the rest…")
            if self.snapshot.partial
            else self.tr("%1 workers in all, %2 shown")
        )
        self.counts.setText(
            counts.replace("%1", fmt.count_text(len(self.snapshot.rows))).replace(
                "%2", fmt.count_text(len(rows))
            )
        )
        if selected is not None:
            self.select_worker(selected.worker_id)

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        if self.snapshot is None or not 0 <= column < len(self.model.columns):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.snapshot.roster.sort(self.model.sort_key(column), descending=descending)
        self.apply_filter()

    # -- selection and the worker form ----------------------------------------------------------
    def selected_row(self) -> RosterRow | None:
        row: RosterRow | None = self.table.first_selected_row()
        return row

    def select_worker(self, worker_id: int) -> None:
        for number, row in enumerate(self.model.rows):
            if row.worker_id == worker_id:
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
                return

    def _selection_changed(self) -> None:
        self._update_actions()

    def new_worker(self) -> None:
        from ui.desktop.roster.worker_form import WorkerForm

        if self.snapshot is None or self.db is None or self.actor is None:
            return
        unit = self.tree.selected_unit()
        kinds = {node.id: node.kind for node in self.snapshot.nodes}
        community = unit if kinds.get(unit) == "community" else None
        form = WorkerForm(
            self.db,
            self.actor,
            self.snapshot.nodes,
            self.snapshot.posts,
            community_id=community,
            parent=self,
        )
        self._run_form(form)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None and self.edit_action.isEnabled():
            self.open_worker(row.worker_id)

    def can_open_worker(self) -> bool:
        """Whether ``open_worker`` opens anything for the signed-in role (the tables' 打开人员档案
        is offered only then)."""
        return self._allowed(Action.EDIT_WORKERS)

    def open_worker(self, worker_id: int, page: str | None = None) -> None:
        """The worker's form, for those who may edit files, on the tab whose page is named
        ``page`` if given; a save reads the roster again."""
        from ui.desktop.roster.worker_form import WorkerForm
        from workforce.services.roster.workers import load_worker

        if self.snapshot is None or self.db is None or self.actor is None:
            return
        if not self._allowed(Action.EDIT_WORKERS):
            return
        try:
            file = load_worker(self.db, worker_id, actor=self.actor)
        except ActionRefused as exc:
            show_error(self, exc)
            return
        form = WorkerForm(
            self.db, self.actor, self.snapshot.nodes, self.snapshot.posts, file=file, parent=self
        )
        if page is not None:
            form.show_page(page)
        self._run_form(form)

    def _run_form(self, form: WorkerForm) -> None:
        if form.exec() and form.saved_id is not None:
            self.statusBar().showMessage(self.tr("Saved."), 4000)
            self._pending_select = form.saved_id
            self.refresh()

    def _mask_ids(self, masked: bool) -> None:
        self.model.set_masked(masked)

    # -- what the menus and screens see (``shell.WindowShell``) ---------------------------------
    def widget(self) -> QMainWindow:
        return self

    def shown_rows(self) -> list[RosterRow]:
        return list(self.model.rows)

    def ids_masked(self) -> bool:
        return self.mask_action.isChecked()

    # -- window state ---------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def show_on_start(self) -> None:
        """Show as the clerk left it; on the first start, maximised (the office screen is
        1366×768: every pixel is the worker list's)."""
        if QSettings().value("main_window/geometry") is None:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
