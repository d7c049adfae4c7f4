"""The 统计 menu of the main window (issue 19): the pay bill projection (工资总额测算). The
window is imported when first opened (app start ≤ 1 s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from ui.desktop.widgets.windows import open_window

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell


def open_budget(window: WindowShell) -> None:
    from ui.desktop.stats.budget_window import BudgetWindow

    open_window(window, BudgetWindow)


def add_stats_menu(window: WindowShell) -> QAction:
    """Add the menu; its action is enabled once a database is open."""
    main = window.widget()
    menu = main.menuBar().addMenu(QCoreApplication.translate("stats_menu", "&Statistics"))
    action = QAction(QCoreApplication.translate("stats_menu", "Pay bill projection…"), main)
    action.setStatusTip(
        QCoreApplication.translate(
            "stats_menu", "Next years' pay bill from today's people and rules, with scenarios"
        )
    )
    action.triggered.connect(lambda _checked=False: open_budget(window))
    menu.addAction(action)
    return action
