"""The 工资 menu of the main window: the payroll month screen, imported when first opened (app
start ≤ 1 s). The action enables itself when the menu opens, so the window needs one hook line."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from ui.desktop.widgets.windows import open_window

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell


def open_payroll(window: WindowShell) -> None:
    from ui.desktop.payroll.window import PayrollWindow

    open_window(window, PayrollWindow)


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
    opening = QAction(QCoreApplication.translate("payroll_menu", "Opening figures…"), main)
    opening.setEnabled(False)
    opening.triggered.connect(lambda _checked=False: open_opening(window))
    menu.aboutToShow.connect(lambda: opening.setEnabled(action.isEnabled()))
    menu.addAction(opening)
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
    """工资 → 银行代发格式…"""
    from ui.desktop.payroll.bank_layout_editor import BankLayoutEditor  # imported when first opened

    editor = open_window(window, BankLayoutEditor)
    if editor is not None:
        editor.load()


def open_opening(window: WindowShell) -> None:
    """工资 → 期初累计…: the opening figures of a year begun outside the program."""
    from ui.desktop.payroll.opening import OpeningWindow

    screen = open_window(window, OpeningWindow)
    if screen is not None:
        screen.open_latest()


def open_deductions(window: WindowShell) -> None:
    """工资 → 专项附加扣除…: the declarations of the unit selected in the tree."""
    from ui.desktop.payroll.deductions_window import DeductionsWindow
    from ui.desktop.payroll.dialogs import tree_unit

    unit, name = tree_unit(window.widget())
    screen = open_window(window, partial(DeductionsWindow, unit_id=unit, unit_name=name))
    if screen is not None:
        screen.load()


def _open_rates(window: WindowShell) -> None:
    from ui.desktop.payroll.rates_window import RatesWindow  # imported when first opened

    open_window(window, RatesWindow)
