"""Careers on the main window: 人员 → 晋升通道… (the pipeline board), 人员 → 培训…
(the training sessions), 人员 → 社工证 (import, 台账) and View → 提醒 (the reminders
dock). Screens are imported when first opened (app start ≤ 1 s)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ui.desktop.widgets.windows import open_window
from workforce.domain.accounts.permissions import Action, is_allowed

if TYPE_CHECKING:
    from ui.desktop.careers.reminders_dock import RemindersDock
    from ui.desktop.shell import WindowShell


def open_pipeline_board(window: WindowShell) -> None:
    from ui.desktop.careers.pipeline_board import PipelineBoard

    unit = window.tree.selected_unit()
    snapshot = window.snapshot
    names = {n.id: n.name for n in snapshot.nodes} if snapshot else {}
    posts = {p.code: p.name for p in snapshot.posts} if snapshot else {}
    board = open_window(
        window,
        partial(
            PipelineBoard,
            unit_id=unit,
            unit_name=names.get(unit, "") if unit is not None else "",
            post_names=posts,
        ),
    )
    if board is not None:
        board.load()


def open_training_window(window: WindowShell) -> None:
    from ui.desktop.careers.training_window import TrainingWindow

    unit = window.tree.selected_unit()
    snapshot = window.snapshot
    names = {n.id: n.name for n in snapshot.nodes} if snapshot else {}
    name = names.get(unit, "") if unit is not None else ""
    screen = open_window(window, partial(TrainingWindow, unit_id=unit, unit_name=name))
    if screen is not None:
        screen.load()


def _import_certificates(window: WindowShell) -> None:
    from ui.desktop.careers.certificate_files import import_certificates

    import_certificates(window)


def _export_register(window: WindowShell) -> None:
    from ui.desktop.careers.certificate_files import export_register

    export_register(window)


def add_career_views(window: WindowShell, workers: QMenu, view: QMenu) -> RemindersDock:
    """The board's action at the end of the Workers menu and the reminders dock in View."""
    from ui.desktop.careers.reminders_dock import RemindersDock

    workers.addSeparator()
    main = window.widget()
    action = QAction(QCoreApplication.translate("career_menu", "Promotion pipeline…"), main)
    action.setEnabled(False)  # until the database is open
    action.triggered.connect(lambda _checked=False: open_pipeline_board(window))
    training = QAction(QCoreApplication.translate("career_menu", "Training…"), main)
    training.setEnabled(False)
    training.triggered.connect(lambda _checked=False: open_training_window(window))

    certificates = QMenu(
        QCoreApplication.translate("career_menu", "Social-work certificates"), main
    )
    import_certificates = certificates.addAction(
        QCoreApplication.translate("career_menu", "Import certificates…")
    )
    import_certificates.triggered.connect(lambda _checked=False: _import_certificates(window))
    register = certificates.addAction(
        QCoreApplication.translate("career_menu", "Export certificate ledger…")
    )
    register.triggered.connect(lambda _checked=False: _export_register(window))

    def enable() -> None:
        open_ = window.db is not None and window.actor is not None
        for each in (action, training, register):
            each.setEnabled(open_)
        import_certificates.setEnabled(
            open_
            and window.actor is not None
            and is_allowed(window.actor.role, Action.RECORD_CERTIFICATES)
        )

    workers.aboutToShow.connect(enable)
    workers.addAction(action)
    workers.addAction(training)
    workers.addMenu(certificates)
    return RemindersDock(window, view)
