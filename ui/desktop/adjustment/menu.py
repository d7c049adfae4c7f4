"""The 调级 menu of the main window: the yearly adjustment wizard, the run list, appraisal entry
and the pay scales. Each window is imported when first opened (app start ≤ 1 s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from ui.desktop.widgets.windows import open_window
from workforce.domain.accounts.permissions import Action, is_allowed

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell


def open_wizard(window: WindowShell) -> None:
    from ui.desktop.adjustment.wizard import AdjustWizard

    wizard = open_window(window, AdjustWizard)
    if wizard is not None:
        wizard.changed.connect(window.refresh)


def open_runs(window: WindowShell) -> None:
    from ui.desktop.adjustment.runs import AdjustRunsDialog

    dialog = open_window(window, AdjustRunsDialog)
    if dialog is not None:
        dialog.changed.connect(window.refresh)


def open_appraisals(window: WindowShell) -> None:
    from ui.desktop.adjustment.appraisal_grid import AppraisalGrid

    open_window(window, AppraisalGrid)


def open_scales(window: WindowShell) -> None:
    from ui.desktop.scales.view import ScaleView

    open_window(window, ScaleView)


def add_adjust_menu(window: WindowShell) -> list[QAction]:
    """Add the menu; the actions are returned so the window can enable them once a database is
    open (``update_adjust_actions``)."""
    main = window.widget()
    menu = main.menuBar().addMenu(QCoreApplication.translate("adjust_menu", "&Adjustment"))
    actions = []
    for text, slot in (
        (QCoreApplication.translate("adjust_menu", "Yearly grade adjustment…"), open_wizard),
        (QCoreApplication.translate("adjust_menu", "Adjustment runs…"), open_runs),
        (None, None),
        (QCoreApplication.translate("adjust_menu", "Appraisal entry…"), open_appraisals),
        (QCoreApplication.translate("adjust_menu", "Pay scales…"), open_scales),
    ):
        if text is None or slot is None:
            menu.addSeparator()
            continue
        action = QAction(text, main)
        action.setEnabled(False)  # until the database is open
        action.triggered.connect(lambda _checked=False, open_=slot: open_(window))
        menu.addAction(action)
        actions.append(action)
    return actions


def update_adjust_actions(window: WindowShell, actions: list[QAction]) -> None:
    if not actions:  # the window asks before its menus are built
        return
    actor = window.actor
    wizard, runs, appraisals, scales = actions
    opened = window.db is not None and actor is not None
    wizard.setEnabled(
        opened and actor is not None and is_allowed(actor.role, Action.PREPARE_ADJUSTMENT)
    )
    runs.setEnabled(opened)
    appraisals.setEnabled(
        opened and actor is not None and is_allowed(actor.role, Action.RECORD_APPRAISALS)
    )
    scales.setEnabled(opened)
