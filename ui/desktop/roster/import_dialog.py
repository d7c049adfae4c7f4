"""导入花名册: read and plan off the GUI thread, preview, then apply.

The preview shows what the import will do before anything is written: workers to create, field
changes old → new, problems (errors red, 提示 amber, the selected one's whole text below the list)
and the units it will create. Importing is refused while the plan has errors, unless the clerk
ticks 仅导入无误的行: then the valid rows import and the rejected ones are written, unchanged and
with a 问题 column, beside the file to fix and import again. 确认导入 asks first, in numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.roster.import_preview import (
    CHANGE_COLUMNS,
    CREATE_COLUMNS,
    UNIT_COLUMNS,
    change_lines,
    summary_text,
)
from ui.desktop.widgets.confirm import confirm_change
from ui.desktop.widgets.folders import remember_folder
from ui.desktop.widgets.models import RowsTableModel
from ui.desktop.widgets.problems import ProblemsPage
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.sheet_import import rejected_path
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.problems import rejected_rows
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid
from workforce.services.context import Actor, Database

if TYPE_CHECKING:
    from workforce.services.roster.importing import ImportPlan, ImportResult


def plan_operation(
    db: Database, actor: Actor, path: str
) -> Callable[[ProgressFn, CancelToken], tuple[SheetGrid, ImportPlan]]:
    """Read the file, pick the roster sheet and plan the import (nothing is written)."""

    def operation(progress: ProgressFn, cancel: CancelToken) -> tuple[SheetGrid, ImportPlan]:
        from reports.xlsx_reader import pick_roster_sheet, read_workbook
        from workforce.services.roster.importing import plan_roster_import

        sheets = read_workbook(Path(path))
        cancel.check()
        grid = pick_roster_sheet(sheets)
        return grid, plan_roster_import(db, actor, grid, progress=progress, cancel=cancel)

    return operation


def start_import(
    parent: QWidget, db: Database, actor: Actor, path: str, *, on_applied: Callable[[], None]
) -> None:
    """Plan the import of ``path`` with progress and cancel, then show the preview."""

    def planned(result: tuple[SheetGrid, ImportPlan]) -> None:
        grid, plan = result
        dialog = ImportPreview(db, actor, path, grid, plan, parent=parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            on_applied()

    label = QCoreApplication.translate("import", "Reading and checking %1…").replace(
        "%1", Path(path).name
    )
    run_task(parent, plan_operation(db, actor, path), planned, label=label)


class ImportPreview(QDialog):
    """The plan before anything is written; 确认导入 applies it (disabled while it has errors)."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        path: str,
        grid: SheetGrid,
        plan: ImportPlan,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.path, self.grid, self.plan = db, actor, path, grid, plan
        self.result: ImportResult | None = None
        self.setWindowTitle(self.tr("Import roster: %1").replace("%1", Path(path).name))
        fit_window(self, 1000, 620)
        summary = QLabel(summary_text(plan))
        summary.setWordWrap(True)
        self.tabs = self._tabs(plan)
        count = fmt.count_text
        if plan.problems:
            self.tabs.setCurrentIndex(2 if plan.has_errors else 0)
        buttons = QDialogButtonBox()
        self.report_button = QPushButton(self.tr("Export error report…"))
        self.report_button.setEnabled(bool(plan.problems))
        self.report_button.clicked.connect(self.export_report)
        self.confirm_button = QPushButton(self.tr("Confirm import"))
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.apply)
        self.left_out = rejected_rows(plan.problems) or ()
        self.valid_only = QCheckBox(
            self.tr(
                "Import only the rows without errors (%1 rows with errors are left out)"
            ).replace("%1", count(len(self.left_out)))
        )
        self.valid_only.setToolTip(
            self.tr(
                "The rows with errors are written, unchanged and with a 问题 column, to a workbook "
                "beside the file: correct them there and import that workbook again."
            )
        )
        self.valid_only.setVisible(bool(self.left_out))
        self.valid_only.toggled.connect(lambda _checked: self._update_confirm())
        buttons.addButton(self.report_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        self.blocked = QLabel()
        if plan.has_errors:
            self.blocked = blocked = QLabel(
                self.tr(
                    "Nothing can be imported while the sheet has errors: correct them in the "
                    "sheet (the error report marks them) and import it again."
                )
            )
            blocked.setWordWrap(True)
            blocked.setStyleSheet("color: #b71c1c; font-weight: bold;")
            layout.addWidget(blocked)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.valid_only)
        layout.addWidget(buttons)
        self._update_confirm()

    def _tabs(self, plan: ImportPlan) -> QTabWidget:
        """新增, 更新, 问题, 新建单位: each on the shared table (copy, menu, export, columns)."""
        tabs, title, count = QTabWidget(), self.windowTitle(), fmt.count_text
        self.creates = RowsTableModel(CREATE_COLUMNS, plan.creates)
        self.changes = RowsTableModel(CHANGE_COLUMNS, change_lines(plan))
        self.units = RowsTableModel(UNIT_COLUMNS, plan.new_units)
        self.problems_page = ProblemsPage(
            plan.problems, settings_key="import-roster-problems", title=title
        )
        self.problems = self.problems_page.model
        self.problem_text = self.problems_page.text
        self.change_table = make_table(
            self.changes,
            settings_key="import-roster-updates",
            title=title,
            person=lambda line: line.worker_id,  # already on the roster: their file opens
        )
        tabs.addTab(
            make_table(self.creates, settings_key="import-roster-new", title=title),
            self.tr("New (%1)").replace("%1", count(len(plan.creates))),
        )
        tabs.addTab(
            self.change_table, self.tr("Updated (%1)").replace("%1", count(len(plan.updates)))
        )
        tabs.addTab(
            self.problems_page, self.tr("Problems (%1)").replace("%1", count(len(plan.problems)))
        )
        tabs.addTab(
            make_table(self.units, settings_key="import-roster-units", title=title),
            self.tr("Units to create (%1)").replace("%1", count(len(plan.new_units))),
        )
        return tabs

    def _update_confirm(self) -> None:
        plan, partial = self.plan, self.valid_only.isChecked()
        ready = (not plan.has_errors or partial) and bool(plan.creates or plan.updates)
        self.confirm_button.setEnabled(ready)
        self.blocked.setVisible(plan.has_errors and not partial)
        blocked = not ready and plan.has_errors
        self.confirm_button.setToolTip(
            self.tr("Correct the errors in the sheet first.") if blocked else ""
        )

    def rejected_path(self) -> Path:
        """Where a valid-only import writes the rows it leaves out: beside the clerk's file."""
        return rejected_path(Path(self.path))

    def confirm_text(self) -> str:
        """What 确认导入 will change, in numbers: 新增, 更新, 未变 (and the rows left out)."""
        plan = self.plan
        text = (
            self.tr("Import “%1”: %2 workers will be added, %3 updated; %4 stay unchanged.")
            .replace("%1", Path(self.path).name)
            .replace("%2", fmt.count_text(len(plan.creates)))
            .replace("%3", fmt.count_text(len(plan.updates)))
            .replace("%4", fmt.count_text(plan.unchanged))
        )
        if plan.new_units:
            text += "\n" + self.tr("%1 streets, communities or grids will be created.").replace(
                "%1", fmt.count_text(len(plan.new_units))
            )
        if self.valid_only.isChecked() and self.left_out:
            text += "\n" + self.tr(
                "%1 rows with errors are not imported; they are written to %2 to correct."
            ).replace("%1", fmt.count_text(len(self.left_out))).replace(
                "%2", self.rejected_path().name
            )
        return text

    def export_report(self) -> None:
        suggested = Path(self.path).with_name(f"{Path(self.path).stem}-错误报告.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export error report"), str(suggested), "Excel (*.xlsx)"
        )
        if not path:
            return
        remember_folder(path)
        grid, plan = self.grid, self.plan

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> str:
            from reports.roster.errors_xlsx import write_error_report

            write_error_report(path, grid, plan.header_row, plan.problems)
            return path

        def done(saved: str) -> None:
            QMessageBox.information(
                self,
                self.tr("Export error report"),
                self.tr("The error report was saved to:\n%1").replace("%1", saved),
            )

        run_task(
            self, operation, done, label=self.tr("Writing the error report…"), cancellable=False
        )

    def apply(self) -> None:
        title = self.tr("Import roster")
        if not confirm_change(self, title, self.confirm_text(), self.tr("Import")):
            return
        db, actor, grid, plan = self.db, self.actor, self.grid, self.plan
        valid_only = self.valid_only.isChecked()
        rejected_path = self.rejected_path()

        def operation(progress: ProgressFn, cancel: CancelToken) -> ImportResult:
            from reports.roster.errors_xlsx import write_rejected_rows
            from workforce.services.roster.importing import apply_roster_import

            result = apply_roster_import(
                db, actor, grid, progress=progress, cancel=cancel, valid_only=valid_only
            )
            if result.rejected:
                write_rejected_rows(rejected_path, grid, plan.header_row, plan.problems)
            return result

        def done(result: ImportResult) -> None:
            self.result = result
            QMessageBox.information(self, self.tr("Import roster"), self._result_text(result))
            self.accept()

        self.confirm_button.setEnabled(False)
        run_task(
            self,
            operation,
            done,
            label=self.tr("Importing…"),
            on_cancelled=self._update_confirm,
            on_failed=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        from ui.tasks import show_error

        self._update_confirm()
        show_error(self, exc)

    def _result_text(self, result: ImportResult) -> str:
        text = (
            self.tr("Import finished: %1 created, %2 updated.")
            .replace("%1", fmt.count_text(result.created))
            .replace("%2", fmt.count_text(result.updated))
        )
        if result.rejected:
            text += "\n" + self.tr(
                "%1 rows with errors were not imported. They were written, unchanged and with a "
                "问题 column, to:\n%2\nCorrect them there and import that workbook again."
            ).replace("%1", fmt.count_text(len(result.rejected))).replace(
                "%2", str(self.rejected_path())
            )
        return text
