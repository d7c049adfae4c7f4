"""Opening a screen from a menu (``open_window``): nothing without a database; otherwise the
screen on the window's database, parented to it, shown and deleted when closed. Then the menus
that open their screens this way, each opening its screen from the main window."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QWidget
from pytestqt.qtbot import QtBot

from ui.desktop.widgets.windows import open_window
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui


class Screen(QDialog):
    def __init__(
        self, db: Database, actor: Actor, *, note: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.note = db, actor, note


class Host:
    def __init__(self, main: QMainWindow, db: Database | None, actor: Actor | None) -> None:
        self.main, self.db, self.actor = main, db, actor

    def widget(self) -> QMainWindow:
        return self.main


def test_a_screen_opens_on_the_windows_database(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    main = QMainWindow()
    qtbot.addWidget(main)
    assert open_window(Host(main, None, None), Screen) is None
    assert main.findChild(Screen) is None
    screen = open_window(Host(main, sqlite_db, admin_sqlite), partial(Screen, note="期初"))
    assert screen is not None and screen.isVisible()
    assert (screen.db, screen.actor, screen.note) == (sqlite_db, admin_sqlite, "期初")
    assert screen.parent() is main
    assert screen.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


MENU_SCREENS = (
    ("Pay bill projection…", "ui.desktop.stats.budget_window", "BudgetWindow"),
    ("Monthly payroll…", "ui.desktop.payroll.window", "PayrollWindow"),
    ("Opening figures…", "ui.desktop.payroll.opening", "OpeningWindow"),
    ("Rates and contribution bounds…", "ui.desktop.payroll.rates_window", "RatesWindow"),
    ("Pay scales…", "ui.desktop.scales.view", "ScaleView"),
    ("Appraisal entry…", "ui.desktop.adjustment.appraisal_grid", "AppraisalGrid"),
    ("Audit log…", "ui.desktop.accounts.audit_window", "AuditWindow"),
)


@pytest.mark.parametrize(("text", "module", "name"), MENU_SCREENS)
def test_the_menus_open_their_screens(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, text: str, module: str, name: str
) -> None:
    import importlib

    from ui.desktop.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(sqlite_db, admin_sqlite)
    menus = window.menuBar().findChildren(QMenu)
    entry = next(a for m in menus for a in m.actions() if a.text() == text)
    for menu in menus:
        menu.aboutToShow.emit()
    qtbot.waitUntil(entry.isEnabled)  # some menus enable their entries once the roster is read
    entry.trigger()
    screen = window.findChild(getattr(importlib.import_module(module), name))
    assert screen is not None and screen.isVisible()
    assert screen.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen.close()
