"""The dashboard as a tab of the main window beside the worker list, and what connects it: the
organisation tree's selection, the roster reloads (after imports, edits, adjustment runs), the
View menu, and the list of the people behind a figure.

A tab, not a dock: the worker table keeps the window's whole width (a dock beside it left four
columns on a 1366×768 screen), and the dashboard has that width for its charts. The tree stays on
the left for both. The tab is made empty with the window; the panel (and Qt Charts with it) is
built the first time the tab is shown, so the window still paints before anything heavy is
imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QMenu,
    QTabWidget,
    QToolBar,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell
    from ui.desktop.stats.dashboard import DashboardPanel
    from ui.desktop.stats.people_dialog import PeopleDialog

PAGES = "main-pages"  # the main window's tab widget: the worker list first


class DashboardPage(QObject):
    def __init__(self, window: WindowShell, menu: QMenu, toolbar: QToolBar | None = None) -> None:
        main = window.widget()
        super().__init__(main)
        self.window = window
        self.panel: DashboardPanel | None = None
        self.people: PeopleDialog | None = None
        pages = main.findChild(QTabWidget, PAGES)
        assert pages is not None, "the main window has no page tabs"
        self.pages = pages
        self.page = QWidget()
        self.page.setObjectName("dashboard-page")
        QVBoxLayout(self.page).setContentsMargins(0, 0, 0, 0)
        self.pages.addTab(self.page, self.tr("Dashboard"))
        self.action = QAction(self.tr("Dashboard"), main)
        self.action.setShortcut("Ctrl+D")
        self.action.setStatusTip(self.tr("Indicators and charts of the selected unit"))
        self.action.triggered.connect(lambda _checked=False: self.show_page())
        menu.addAction(self.action)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.action)
        self.pages.currentChanged.connect(lambda _index: self._current())
        window.tree.unit_selected.connect(lambda _unit: self.reload())
        window.roster_loaded.connect(self.reload)

    def shown(self) -> bool:
        return self.pages.currentWidget() is self.page

    def show_page(self) -> None:
        """Bring the dashboard's tab to the front (Ctrl+D again: back to the worker list)."""
        self.pages.setCurrentIndex(0 if self.shown() else self.pages.indexOf(self.page))

    def _current(self) -> None:
        if not self.shown():
            return
        if self.panel is None:
            self._build()
        self.reload()

    def _build(self) -> None:
        from ui.desktop.stats.dashboard import DashboardPanel

        self.panel = DashboardPanel()
        self.panel.figure_clicked.connect(self._show_people)
        self.panel.unit_chosen.connect(self._select_unit)
        layout = self.page.layout()
        assert layout is not None
        layout.addWidget(self.panel)
        self.panel.show()  # at once, not when the layout gets to it

    def reload(self) -> None:
        window = self.window
        if self.panel is None or not self.shown():
            return
        if window.db is None or window.actor is None:
            return
        self.panel.load(window.db, window.actor, window.tree.selected_unit())

    def _show_people(self, title: str, ids: list[int]) -> None:
        from ui.desktop.stats.people_dialog import PeopleDialog

        snapshot = self.window.snapshot
        if snapshot is None:
            return
        wanted = set(ids)
        rows = [row for row in snapshot.rows if row.worker_id in wanted]
        if self.people is not None:
            self.people.close()
        self.people = PeopleDialog(
            title, rows, masked=self.window.ids_masked(), parent=self.window.widget()
        )
        self.people.worker_chosen.connect(self._worker_chosen)
        self.people.show()

    def _worker_chosen(self, worker_id: int) -> None:
        """A person of the list: shown selected in the worker list."""
        self.pages.setCurrentIndex(0)
        self.window.select_worker(worker_id)

    def _select_unit(self, unit_id: int | None) -> None:
        tree = self.window.tree
        found = QTreeWidgetItemIterator(tree)
        while found.value() is not None:
            item = found.value()
            if item.data(0, Qt.ItemDataRole.UserRole) == unit_id:
                tree.setCurrentItem(item)
                tree.scrollToItem(item)
                return
            found += 1


def add_dashboard(window: WindowShell, menu: QMenu) -> DashboardPage:
    """The tab, its View-menu action and its tool button (on the window's main toolbar)."""
    toolbar = window.widget().findChild(QToolBar, "main-toolbar")
    return DashboardPage(window, menu, toolbar)
