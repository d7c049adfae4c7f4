"""导入薪酬标准: choose a sheet (.xlsx or .csv), give the version a name and an effective date,
then read and import it off the GUI thread. A refused sheet lists its problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ui.desktop.file_actions import last_folder, remember_folder
from ui.tasks import run_task, show_error
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database
from workforce.services.scale_admin import ScaleImport

PROBLEMS_SHOWN = 20


class ScaleImportDialog(QDialog):
    def __init__(self, file_name: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a pay scale: %1").replace("%1", file_name))
        self.effective = QDateEdit(QDate(today.year + 1, 1, 1))
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 2027年薪酬标准"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Effective from"), self.effective)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(buttons)

    def effective_date(self) -> dt.date:
        value = self.effective.date()
        return dt.date(value.year(), value.month(), value.day())

    def version_name(self) -> str:
        given = self.name.text().strip()
        return given or f"薪酬标准（{self.effective_date():%Y-%m-%d}起）"


def import_scale_file(
    parent: QWidget, db: Database, actor: Actor, *, on_done: Callable[[int], None]
) -> None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("scale_import", "Import a pay scale"),
        str(last_folder()),
        QCoreApplication.translate("scale_import", "Pay scales (*.xlsx *.xls *.csv)"),
    )
    if not path:
        return
    remember_folder(path)
    dialog = ScaleImportDialog(Path(path).name, dt.date.today(), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    effective, name = dialog.effective_date(), dialog.version_name()

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> ScaleImport:
        from reports.xlsx_reader import pick_roster_sheet, read_workbook
        from workforce.services.scale_admin import import_scale

        grid = pick_roster_sheet(read_workbook(path))
        return import_scale(db, actor, grid, effective, name=name)

    def done(result: ScaleImport) -> None:
        text = (
            QCoreApplication.translate(
                "scale_import", "The scale “%1” was imported: %2 amounts, effective %3."
            )
            .replace("%1", name)
            .replace("%2", str(result.amounts))
            .replace("%3", f"{effective:%Y-%m-%d}")
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("scale_import", "Import a pay scale"),
            text,
            parent=parent,
        )
        if result.warnings:
            box.setDetailedText("\n".join(w.describe() for w in result.warnings))
        box.exec()
        on_done(result.scale_id)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ActionRefused) and exc.problems:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("scale_import", "Import a pay scale"),
                exc.message,
                parent=parent,
            )
            box.setInformativeText("\n".join(p.describe() for p in exc.problems[:PROBLEMS_SHOWN]))
            box.exec()
        else:
            show_error(parent, exc)

    run_task(
        parent,
        operation,
        done,
        label=QCoreApplication.translate("scale_import", "Importing the scale…"),
        on_failed=failed,
        cancellable=False,
    )
