"""Asking the clerk to confirm deductions larger than the month's gross (§10) before they are
written: the items form, the month's item button and the items sheet import all ask here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.tasks import run_task
from workforce.domain.payroll.large_deductions import LARGE_DEDUCTION
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.problems import Problem
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database

SHOWN = 15


def large_deductions(problems: Sequence[Problem]) -> list[Problem]:
    return [p for p in problems if p.code == LARGE_DEDUCTION]


def confirm_deductions(parent: QWidget, warnings: Sequence[Problem]) -> bool:
    """True when there is nothing to confirm or the clerk confirms each listed deduction."""
    if not warnings:
        return True
    listed = "\n".join(w.describe() for w in warnings[:SHOWN])
    if len(warnings) > SHOWN:
        listed += "\n…"
    text = QCoreApplication.translate(
        "deduction_confirm",
        "These deductions are each larger than the worker's gross of the month:\n\n%1\n\n"
        "Enter them anyway?",
    ).replace("%1", listed)
    title = QCoreApplication.translate("deduction_confirm", "Deduction larger than the gross")
    answer = QMessageBox.warning(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def checked_then(
    parent: QWidget,
    db: Database,
    actor: Actor,
    entries: Sequence[ItemEntry],
    write: Callable[[bool], None],
) -> None:
    """Look for deductions to confirm off the GUI thread, ask, then ``write(confirmed)``."""
    from workforce.services.payroll.items import deduction_warnings

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[Problem]:
        return deduction_warnings(db, actor, entries)

    def done(warnings: list[Problem]) -> None:
        if confirm_deductions(parent, warnings):
            write(bool(warnings))

    label = QCoreApplication.translate("deduction_confirm", "Checking the items…")
    run_task(parent, operation, done, label=label, cancellable=False)
