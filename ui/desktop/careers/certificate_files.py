"""社工证 files from the menus, as ``workforce certs import|export`` make them: the import read
and checked off the GUI thread, its plan shown (what each row will do, every problem, the error
report, 仅导入无误的行 with the rows left out written beside the file), then written; and the
社工证台账 of the unit chosen in the tree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui import formatting as fmt
from ui.desktop.widgets.folders import last_folder, remember_folder
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.sheet_import import (
    LeftOut,
    SheetPlanDialog,
    choose_workbook,
    import_rows,
    read_and_plan,
)
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell
    from workforce.services.careers.certificate_import import (
        CertificateChange,
        CertificateImportResult,
        CertificatePlan,
    )
    from workforce.services.context import Actor, Database


def _dates(dates: tuple[dt.date, ...]) -> str:
    return "、".join(fmt.date_text(d) for d in dates)


CHANGE_COLUMNS: tuple[Column[CertificateChange], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Row"), lambda c: str(c.row), None, RIGHT, 44),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda c: c.name, width=70),
    Column(QT_TRANSLATE_NOOP("columns", "Level"), lambda c: c.level, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Number"), lambda c: fmt.text(c.number), width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Change"), lambda c: c.action, None, CENTRE, 60),
    Column(
        QT_TRANSLATE_NOOP("columns", "Registrations"), lambda c: _dates(c.registrations), width=200
    ),
)


def plan_summary(plan: CertificatePlan) -> str:
    return (
        QCoreApplication.translate(
            "certificate_files",
            "Sheet %1: %2 rows. %3 certificates to add, %4 renewed or completed, %5 unchanged.",
        )
        .replace("%1", plan.sheet)
        .replace("%2", fmt.count_text(plan.total_rows))
        .replace("%3", fmt.count_text(plan.created))
        .replace("%4", fmt.count_text(plan.updated))
        .replace("%5", fmt.count_text(plan.unchanged))
    )


class CertificatePlanDialog(SheetPlanDialog):
    """The certificate import's dry run: what each row will do above the shared problem list."""

    def __init__(
        self, path: Path, grid: SheetGrid, plan: CertificatePlan, parent: QWidget | None
    ) -> None:
        title = self.tr("Import certificates: %1").replace("%1", path.name)
        summary = plan_summary(plan)
        super().__init__(title, summary, path, grid, plan.header_row, plan.problems, parent)
        self.offer_valid_only(plan.created + plan.updated + plan.unchanged)
        self.plan = plan
        self.changes = RowsTableModel(CHANGE_COLUMNS, sorted(plan.changes, key=lambda c: c.row))
        self.change_table = make_table(
            self.changes,
            settings_key="certificate-import-changes",
            person=lambda change: change.worker_id,
            title=title,
        )
        self.change_table.setMinimumHeight(200)
        self.form.insertRow(0, self.change_table)
        fit_window(self, 860, 600)


def start_certificate_import(
    parent: QWidget,
    db: Database,
    actor: Actor,
    path: Path,
    on_imported: Callable[[], None] | None = None,
) -> None:
    """Read and check ``path`` off the GUI thread, then show its plan; Import writes it."""
    from workforce.services.careers.certificate_import import plan_certificate_import

    def planned(grid: SheetGrid, plan: CertificatePlan) -> None:
        dialog = CertificatePlanDialog(path, grid, plan, parent)
        dialog.setObjectName("certificate-import-plan")
        dialog.accepted.connect(
            lambda: _apply(parent, db, actor, grid, dialog.left_out(), on_imported)
        )
        dialog.open()

    label = QCoreApplication.translate("certificate_files", "Reading and checking %1…").replace(
        "%1", path.name
    )
    read_and_plan(
        parent, path, lambda grid: plan_certificate_import(db, actor, grid), planned, label
    )


def _apply(
    parent: QWidget,
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    left_out: LeftOut | None,
    on_imported: Callable[[], None] | None,
) -> None:
    def operation(_progress: ProgressFn, _cancel: CancelToken) -> CertificateImportResult:
        from workforce.services.careers.certificate_import import apply_certificate_import

        return import_rows(
            left_out,
            lambda valid_only: apply_certificate_import(db, actor, grid, valid_only=valid_only),
        )

    def done(result: CertificateImportResult) -> None:
        title = QCoreApplication.translate("certificate_files", "Import certificates")
        text = (
            QCoreApplication.translate(
                "certificate_files", "Import finished: %1 certificates added, %2 updated."
            )
            .replace("%1", fmt.count_text(result.created))
            .replace("%2", fmt.count_text(result.updated))
        )
        if result.rejected:
            text += "\n" + QCoreApplication.translate(
                "certificate_files",
                "%1 rows with errors were not imported. They were written, unchanged and with a "
                "问题 column, to:\n%2\nCorrect them there and import that workbook again.",
            ).replace("%1", fmt.count_text(len(result.rejected))).replace(
                "%2", str(left_out.path if left_out else "")
            )
        QMessageBox.information(parent, title, text)
        if on_imported is not None:
            on_imported()

    label = QCoreApplication.translate("certificate_files", "Importing certificates…")
    run_task(parent, operation, done, label=label, cancellable=False)


def import_certificates(window: WindowShell) -> None:
    """人员 → 导入社工证…: choose the sheet, then its plan (``start_certificate_import``)."""
    if window.db is None or window.actor is None:
        return
    title = QCoreApplication.translate("certificate_files", "Import certificates")
    path = choose_workbook(window.widget(), title)
    if path is None:
        return
    remember_folder(str(path))
    start_certificate_import(window.widget(), window.db, window.actor, path, window.refresh)


def unit_name(window: WindowShell) -> str:
    unit = window.tree.selected_unit()
    if unit is None or window.snapshot is None:
        return ""
    return {node.id: node.name for node in window.snapshot.nodes}.get(unit, "")


def export_register(window: WindowShell, path: str | None = None) -> None:
    """人员 → 导出社工证台账…: the certificates of the unit chosen in the tree (every unit when
    none), lapsed and lapsing registrations marked, as ``workforce certs export``."""
    db, actor = window.db, window.actor
    if db is None or actor is None:
        return
    title = QCoreApplication.translate("certificate_files", "Export certificate ledger")
    unit_id, unit = window.tree.selected_unit(), unit_name(window)
    today = dt.date.today()
    if path is None:
        name = f"社工证台账{'-' + unit if unit else ''}-{today:%Y%m%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            window.widget(), title, str(last_folder() / name), "Excel (*.xlsx)"
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        remember_folder(path)
    target = path

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> int:
        from reports.careers.xlsx import write_certificate_register
        from workforce.services.careers.certificates import certificate_register

        rows = certificate_register(db, actor, unit_id=unit_id, today=today)
        write_certificate_register(target, rows, today)
        return len(rows)

    def done(count: int) -> None:
        message = QCoreApplication.translate(
            "certificate_files", "Exported %1 certificates to:\n%2"
        )
        QMessageBox.information(
            window.widget(),
            title,
            message.replace("%1", fmt.count_text(count)).replace("%2", target),
        )

    label = QCoreApplication.translate("certificate_files", "Writing the certificate ledger…")
    run_task(window.widget(), operation, done, label=label, cancellable=False)
