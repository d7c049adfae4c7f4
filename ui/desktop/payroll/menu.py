"""The 工资 menu of the main window: the payroll month screen, imported when first opened (app
start ≤ 1 s). The action enables itself when the menu opens, so the window needs one hook line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell


def open_payroll(window: WindowShell) -> None:
    from ui.desktop.payroll.window import PayrollWindow

    if window.db is None or window.actor is None:
        return
    dialog = PayrollWindow(window.db, window.actor, parent=window.widget())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()


def add_payroll_menu(window: WindowShell) -> QAction:
    main = window.widget()
    menu = main.menuBar().addMenu(QCoreApplication.translate("payroll_menu", "&Payroll"))
    action = QAction(QCoreApplication.translate("payroll_menu", "Monthly payroll…"), main)
    action.setEnabled(False)  # until the database is open
    action.triggered.connect(lambda _checked=False: open_payroll(window))
    menu.aboutToShow.connect(
        lambda: action.setEnabled(window.db is not None and window.actor is not None)
    )
    menu.addAction(action)
    deductions = QAction(QCoreApplication.translate("payroll_menu", "Special deductions…"), main)
    deductions.setEnabled(False)
    deductions.triggered.connect(lambda _checked=False: open_deductions(window))
    menu.aboutToShow.connect(lambda: deductions.setEnabled(action.isEnabled()))
    menu.addAction(deductions)
    label = QCoreApplication.translate("payroll_menu", "Rates and contribution bounds…")
    rates = QAction(label, main)
    rates.setEnabled(False)
    rates.triggered.connect(lambda _checked=False: _open_rates(window))
    menu.aboutToShow.connect(
        lambda: rates.setEnabled(window.db is not None and window.actor is not None)
    )
    menu.addAction(rates)
    layouts = QAction(QCoreApplication.translate("payroll_menu", "Bank file layouts…"), main)
    layouts.setEnabled(False)
    layouts.triggered.connect(lambda _checked=False: _open_layouts(window))
    menu.aboutToShow.connect(lambda: layouts.setEnabled(rates.isEnabled()))
    menu.addAction(layouts)
    return action


def _open_layouts(window: WindowShell) -> None:
    from ui.desktop.payroll.bank_layout_editor import (
        open_bank_layouts,  # imported when first opened
    )

    if window.db is not None and window.actor is not None:
        open_bank_layouts(window.widget(), window.db, window.actor)


def open_deductions(window: WindowShell) -> None:
    """工资 → 专项附加扣除…: the declarations of the unit selected in the tree."""
    from ui.desktop.payroll.deductions_window import DeductionsWindow
    from ui.desktop.payroll.dialogs import tree_unit

    if window.db is None or window.actor is None:
        return
    main = window.widget()
    unit, name = tree_unit(main)
    screen = DeductionsWindow(window.db, window.actor, unit_id=unit, unit_name=name, parent=main)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen.show()
    screen.load()


def _open_rates(window: WindowShell) -> None:
    from ui.desktop.payroll.rates_window import open_rates_window  # imported when first opened

    open_rates_window(window)
