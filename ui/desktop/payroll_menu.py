"""The 工资 menu of the main window: the payroll month screen, imported when first opened (app
start ≤ 1 s). The action enables itself when the menu opens, so the window needs one hook line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from ui.desktop.main_window import MainWindow


def open_payroll(window: MainWindow) -> None:
    from ui.desktop.payroll_window import PayrollWindow

    if window.db is None or window.actor is None:
        return
    dialog = PayrollWindow(window.db, window.actor, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()


def add_payroll_menu(window: MainWindow) -> QAction:
    menu = window.menuBar().addMenu(QCoreApplication.translate("payroll_menu", "&Payroll"))
    action = QAction(QCoreApplication.translate("payroll_menu", "Monthly payroll…"), window)
    action.setEnabled(False)  # until the database is open
    action.triggered.connect(lambda _checked=False: open_payroll(window))
    menu.aboutToShow.connect(
        lambda: action.setEnabled(window.db is not None and window.actor is not None)
    )
    menu.addAction(action)
    label = QCoreApplication.translate("payroll_menu", "Rates and contribution bounds…")
    rates = QAction(label, window)
    rates.setEnabled(False)
    rates.triggered.connect(lambda _checked=False: _open_rates(window))
    menu.aboutToShow.connect(
        lambda: rates.setEnabled(window.db is not None and window.actor is not None)
    )
    menu.addAction(rates)
    return action


def _open_rates(window: MainWindow) -> None:
    from ui.desktop.rates_window import open_rates_window  # imported when first opened

    open_rates_window(window)
