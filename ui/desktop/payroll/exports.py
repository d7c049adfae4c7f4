"""Save a calculated month as the finance workbook (工资发放表) or the bank transfer file
(代发文件, in the layout chosen for the bank), off the GUI thread: the read models and renderers
of ``workforce payroll export|bank``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.widgets.folders import last_folder, remember_folder
from ui.tasks import run_task
from workforce.domain.payroll.bank_layout import ENCODINGS, FILE_TYPES, BankLayout
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database

WORKBOOK_FILTER = "Excel (*.xlsx)"
PAPER_KEY = "payroll/workbook_paper"


def _ask(parent: QWidget, title: str, name: str, pattern: str) -> str | None:
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(last_folder() / name), pattern)
    if not path:
        return None
    suffix = ".csv" if "csv" in chosen.lower() else ".xlsx"
    if not path.lower().endswith((".xlsx", ".csv")):
        path += suffix
    remember_folder(path)
    return path


class PaperDialog(QDialog):
    """打印纸张 of the workbook's street sheets, as ``payroll export --paper``: A4 landscape splits
    the columns over pages (names repeated), A3 landscape prints a street sheet on fewer pages;
    the body text stays at least 8 pt either way. The choice is remembered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paper for printing"))
        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("A4 landscape"), "A4")
        self.paper.addItem(self.tr("A3 landscape"), "A3")
        saved = str(QSettings().value(PAPER_KEY, "A4"))
        self.paper.setCurrentIndex(max(0, self.paper.findData(saved)))
        about = QLabel(
            self.tr(
                "On A4 the columns of a street sheet are split over facing pages with the names "
                "repeated; A3 fits more columns on a page. The text stays at least 8 points."
            ),
            self,
        )
        about.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(about)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def chosen(self) -> str:
        return str(self.paper.currentData())

    def accept(self) -> None:
        QSettings().setValue(PAPER_KEY, self.chosen())
        super().accept()


def export_workbook(
    parent: QWidget,
    db: Database,
    actor: Actor,
    period: dt.date,
    path: str | None = None,
    paper: str | None = None,
) -> None:
    """工资发放表 for finance (ID numbers masked, as the CLI does by default), its street sheets
    set up to print on ``paper`` (A4 or A3 landscape; asked when not given)."""
    title = QCoreApplication.translate("payroll_exports", "Export the payroll workbook")
    if paper is None:
        dialog = PaperDialog(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        paper = dialog.chosen()
    path = path or _ask(parent, title, f"{period:%Y-%m}工资发放表.xlsx", WORKBOOK_FILTER)
    if path is None:
        return
    target, size = path, paper

    def operation(progress: ProgressFn, _cancel: CancelToken) -> str:
        from reports.payroll.month_xlsx import write_payroll_workbook
        from workforce.services.payroll.views import payroll_workbook_view

        progress(0, 2)
        view = payroll_workbook_view(db, actor, period)
        progress(1, 2)
        write_payroll_workbook(Path(target), view, paper=size)
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


class BankLayoutDialog(QDialog):
    """代发格式: the clerk picks the bank's layout; the line below says what the file will be."""

    def __init__(self, layouts: Sequence[BankLayout], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layouts = list(layouts)
        self.setWindowTitle(self.tr("Bank file layout"))
        self.choice = QComboBox()
        for layout in self.layouts:
            self.choice.addItem(layout.label, layout.name)
        self.about = QLabel()
        self.about.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Layout"), self.choice)
        form.addRow(self.about)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        self.choice.currentIndexChanged.connect(lambda _index: self._describe())
        self._describe()

    def chosen(self) -> BankLayout:
        return self.layouts[self.choice.currentIndex()]

    def _describe(self) -> None:
        layout = self.chosen()
        columns = "、".join(c.title for c in layout.columns)
        text = self.tr("%1 file; columns: %2").replace("%1", FILE_TYPES[layout.file_type])
        text = text.replace("%2", columns)
        if layout.file_type == "csv":
            text += "\n" + self.tr("Encoding: %1").replace("%1", ENCODINGS[layout.encoding])
        self.about.setText(f"{layout.description}\n{text}" if layout.description else text)


def choose_layout(parent: QWidget, db: Database) -> BankLayout | None:
    from workforce.services.payroll.bank_layouts import list_layouts

    dialog = BankLayoutDialog(list_layouts(db), parent)  # a few settings rows: read in place
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def export_bank(
    parent: QWidget,
    db: Database,
    actor: Actor,
    period: dt.date,
    path: str | None = None,
    layout: BankLayout | None = None,
) -> None:
    """代发文件 in the layout the clerk chooses for the bank (asked when not given)."""
    title = QCoreApplication.translate("payroll_exports", "Save the bank transfer file")
    chosen = layout or choose_layout(parent, db)
    if chosen is None:
        return
    pattern = f"{FILE_TYPES[chosen.file_type]} (*{chosen.suffix})"
    path = path or _ask(parent, title, f"{period:%Y-%m}工资代发{chosen.suffix}", pattern)
    if path is None:
        return
    target = path if path.lower().endswith(chosen.suffix) else path + chosen.suffix

    def operation(
        progress: ProgressFn, _cancel: CancelToken
    ) -> tuple[str, int, str, list[str], str]:
        from reports.payroll.bank_file import write_bank_file
        from workforce.services.payroll.bank import bank_view

        progress(0, 2)
        view = bank_view(db, actor, period)
        progress(1, 2)
        write_bank_file(Path(target), view, chosen)
        unpaid = [f"{u.name}（{u.reason}）" for u in view.unpaid]
        listed = fmt.yuan_text(view.unpaid_total)
        return target, len(view.rows), fmt.yuan_text(view.total), unpaid, listed

    def done(result: tuple[str, int, str, list[str], str]) -> None:
        saved, count, total, skipped, listed = result
        text = (
            QCoreApplication.translate(
                "payroll_exports", "The bank file was saved to:\n%1\n%2 transfers, total %3."
            )
            .replace("%1", saved)
            .replace("%2", fmt.count_text(count))
            .replace("%3", total)
        )
        if skipped:
            text += "\n" + (
                QCoreApplication.translate(
                    "payroll_exports",
                    "Not in the bank file, on its list of pay given otherwise or not paid "
                    "(%1 people, total %2): %3",
                )
                .replace("%1", fmt.count_text(len(skipped)))
                .replace("%2", listed)
                .replace("%3", "、".join(skipped[:20]) + ("…" if len(skipped) > 20 else ""))
            )
        QMessageBox.information(parent, title, text)

    run_task(
        parent,
        operation,
        done,
        label=QCoreApplication.translate("payroll_exports", "Writing the bank file…"),
        cancellable=False,
    )
