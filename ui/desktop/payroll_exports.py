"""Save a calculated month as the finance workbook (工资发放表) or the bank transfer file
(代发文件), off the GUI thread: the read models and renderers of ``workforce payroll
export|bank``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui import formatting as fmt
from ui.desktop.file_actions import last_folder, remember_folder
from ui.tasks import run_task
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database

WORKBOOK_FILTER = "Excel (*.xlsx)"
BANK_FILTERS = "Excel (*.xlsx);;CSV (*.csv)"


def _ask(parent: QWidget, title: str, name: str, pattern: str) -> str | None:
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(last_folder() / name), pattern)
    if not path:
        return None
    suffix = ".csv" if "csv" in chosen.lower() else ".xlsx"
    if not path.lower().endswith((".xlsx", ".csv")):
        path += suffix
    remember_folder(path)
    return path


def export_workbook(
    parent: QWidget, db: Database, actor: Actor, period: dt.date, path: str | None = None
) -> None:
    """工资发放表 for finance (ID numbers masked, as the CLI does by default)."""
    title = QCoreApplication.translate("payroll_exports", "Export the payroll workbook")
    path = path or _ask(parent, title, f"{period:%Y-%m}工资发放表.xlsx", WORKBOOK_FILTER)
    if path is None:
        return
    target = path

    def operation(progress: ProgressFn, _cancel: CancelToken) -> str:
        from reports.payroll_xlsx import write_payroll_workbook
        from workforce.services.payroll_views import payroll_workbook_view

        progress(0, 2)
        view = payroll_workbook_view(db, actor, period)
        progress(1, 2)
        write_payroll_workbook(Path(target), view)
        return target

    def done(saved: str) -> None:
        QMessageBox.information(
            parent,
            title,
            QCoreApplication.translate("payroll_exports", "The workbook was saved to:\n%1").replace(
                "%1", saved
            ),
        )

    run_task(
        parent,
        operation,
        done,
        label=QCoreApplication.translate("payroll_exports", "Writing the workbook…"),
        cancellable=False,
    )


def export_bank(
    parent: QWidget, db: Database, actor: Actor, period: dt.date, path: str | None = None
) -> None:
    """代发文件: the default Excel layout, or the CSV batch layout when saved as .csv."""
    title = QCoreApplication.translate("payroll_exports", "Save the bank transfer file")
    path = path or _ask(parent, title, f"{period:%Y-%m}工资代发.xlsx", BANK_FILTERS)
    if path is None:
        return
    target = path
    layout_name = "csv" if target.lower().endswith(".csv") else "default"

    def operation(progress: ProgressFn, _cancel: CancelToken) -> tuple[str, int, str, list[str]]:
        from reports.bank_file import write_bank_file
        from workforce.services.payroll_views import bank_view

        progress(0, 2)
        view = bank_view(db, actor, period)
        progress(1, 2)
        write_bank_file(Path(target), view, layout_name)
        return target, len(view.rows), fmt.yuan_text(view.total), list(view.skipped)

    def done(result: tuple[str, int, str, list[str]]) -> None:
        saved, count, total, skipped = result
        text = (
            QCoreApplication.translate(
                "payroll_exports", "The bank file was saved to:\n%1\n%2 transfers, total %3."
            )
            .replace("%1", saved)
            .replace("%2", fmt.count_text(count))
            .replace("%3", total)
        )
        if skipped:
            text += "\n" + QCoreApplication.translate(
                "payroll_exports", "Not listed (net pay not positive): %1"
            ).replace("%1", "、".join(skipped))
        QMessageBox.information(parent, title, text)

    run_task(
        parent,
        operation,
        done,
        label=QCoreApplication.translate("payroll_exports", "Writing the bank file…"),
        cancellable=False,
    )
