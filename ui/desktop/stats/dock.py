"""The dashboard as a dock on the main window, and what connects it: the organisation tree's
selection, the roster reloads (after imports, edits, adjustment runs), the View menu, and the
list of the people behind a figure.

The dock is made empty with the window; the panel (and Qt Charts with it) is built the first time
the dock is shown, so the window still paints before anything heavy is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar, QTreeWidgetItemIterator

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell
    from ui.desktop.stats.dashboard import DashboardPanel
    from ui.desktop.stats.people_dialog import PeopleDialog

VISIBLE_KEY = "dashboard/visible"
WIDTH = 620


class DashboardDock(QObject):
    def __init__(self, window: WindowShell, menu: QMenu, toolbar: QToolBar | None = None) -> None:
        main = window.widget()
        super().__init__(main)
        self.window = window
        self.panel: DashboardPanel | None = None
        self.people: PeopleDialog | None = None
        self._restored = False
        self.dock = QDockWidget(self.tr("Dashboard"), main)
        self.dock.setObjectName("dashboard-dock")
        self.dock.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.BottomDockWidgetArea
        )
        main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = self.dock.toggleViewAction()
        self.action.setText(self.tr("Dashboard"))
        self.action.setShortcut("Ctrl+D")
        self.action.setStatusTip(self.tr("Indicators and charts of the selected unit"))
        menu.addAction(self.action)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.action)
        self.action.triggered.connect(lambda shown: QSettings().setValue(VISIBLE_KEY, shown))
        self.dock.visibilityChanged.connect(self._visibility)
        window.tree.unit_selected.connect(lambda _unit: self.reload())
        window.roster_loaded.connect(self._roster_loaded)

    def _visibility(self, visible: bool) -> None:
        if visible and self.panel is None:
            self._build()
        if visible:
            self.reload()

    def _build(self) -> None:
        from ui.desktop.stats.dashboard import DashboardPanel

        self.panel = DashboardPanel()
        self.panel.figure_clicked.connect(self._show_people)
        self.panel.unit_chosen.connect(self._select_unit)
        self.dock.setWidget(self.panel)
        self.window.widget().resizeDocks([self.dock], [WIDTH], Qt.Orientation.Horizontal)

    def _roster_loaded(self) -> None:
        """The data may have changed: count again; the first time, reopen if it was open."""
        if not self._restored:
            self._restored = True
            if QSettings().value(VISIBLE_KEY, False, type=bool):
                self.dock.show()
                return
        self.reload()

    def reload(self) -> None:
        window = self.window
        if self.panel is None or not self.dock.isVisible():
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
        self.people.worker_chosen.connect(self.window.select_worker)
        self.people.show()

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


def add_dashboard(window: WindowShell, menu: QMenu) -> DashboardDock:
    """The dock, its View-menu action and its tool button (on the window's main toolbar)."""
    toolbar = window.widget().findChild(QToolBar, "main-toolbar")
    return DashboardDock(window, menu, toolbar)
