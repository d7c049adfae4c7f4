"""导入薪酬标准: choose a sheet (.xlsx or .csv), give the version a name and an effective date,
then read and import it off the GUI thread. A refused sheet lists its problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ui.desktop.widgets.folders import last_folder, remember_folder
from ui.tasks import run_task, show_error
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database
from workforce.services.payroll.retro import RetroPlan
from workforce.services.scales.admin import ScaleImport

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
        self.retroactive = QCheckBox(
            self.tr("Retroactive: months already approved or locked stay as paid; the differences")
            + "\n"
            + self.tr("are paid or deducted (补发/补扣) in the next open month, shown first")
        )
        form.addRow(self.retroactive)
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
    retroactive = dialog.retroactive.isChecked()

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> ScaleImport:
        from reports.xlsx_reader import pick_roster_sheet, read_workbook
        from workforce.services.scales.admin import import_scale, import_scale_retroactively

        grid = pick_roster_sheet(read_workbook(path))
        if retroactive:
            return import_scale_retroactively(db, actor, grid, effective, name=name)[0]
        return import_scale(db, actor, grid, effective, name=name)

    def preview(_progress: ProgressFn, _cancel: CancelToken) -> RetroPlan:
        from reports.xlsx_reader import pick_roster_sheet, read_workbook
        from workforce.services.scales.admin import preview_scale_import

        grid = pick_roster_sheet(read_workbook(path))
        return preview_scale_import(db, actor, grid, effective, name=name)

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

    def start() -> None:
        run_task(
            parent,
            operation,
            done,
            label=QCoreApplication.translate("scale_import", "Importing the scale…"),
            on_failed=failed,
            cancellable=False,
        )

    def confirm(plan: RetroPlan) -> None:
        if confirm_retro(parent, plan):
            start()

    if not retroactive:
        start()
        return
    run_task(
        parent,
        preview,
        confirm,
        label=QCoreApplication.translate("scale_import", "Reading the scale…"),
        on_failed=failed,
        cancellable=False,
    )


def confirm_retro(parent: QWidget | None, plan: RetroPlan) -> bool:
    """The second confirmation of a retroactive change: how many 补发/补扣 lines, into which
    month, their total, and every line in the details."""
    if plan.pay_in is None or not plan.lines:
        text = QCoreApplication.translate(
            "scale_import", "%1: no approved or locked month changes; nothing to pay or deduct."
        ).replace("%1", plan.change)
    else:
        text = (
            QCoreApplication.translate(
                "scale_import", "%1: %2 lines paid or deducted in %3, total %4 yuan. Go on?"
            )
            .replace("%1", plan.change)
            .replace("%2", str(len(plan.lines)))
            .replace("%3", f"{plan.pay_in:%Y-%m}")
            .replace("%4", f"{plan.total:.2f}")
        )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("scale_import", "Retroactive change"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDetailedText(
        "\n".join(
            f"{line.name}\t{line.owed:%Y-%m}\t{line.item}\t{line.paid:.2f} → {line.due:.2f}"
            f"\t{line.amount:+.2f}"
            for line in plan.lines
        )
    )
    return box.exec() == QMessageBox.StandardButton.Yes
