"""File menu actions: export the roster, save the import template, start an import.

Each asks for a path, then runs off the GUI thread through ``ui.tasks``; the spreadsheet libraries
are imported inside the operation, when first used (PERF-NOTES: app start ≤ 1 s).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QGridLayout, QMessageBox, QWidget

from ui import formatting as fmt
from ui.desktop.widgets.folders import last_folder, remember_folder
from ui.tasks import run_task
from workforce.domain.progress import CancelToken, ProgressFn

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell

XLSX_FILTER = "Excel (*.xlsx)"


def _save_path(window: WindowShell, title: str, name: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        window.widget(), title, str(last_folder() / name), XLSX_FILTER
    )
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    remember_folder(path)
    return path


def choose_export_file(
    parent: QWidget, title: str, default: str, name_filter: str, full_label: str
) -> tuple[str, bool] | None:
    """A save dialog with one more choice, unchecked: show ID numbers (and bank accounts) in
    full. Qt's own dialog, as the system's cannot hold a check box. None when cancelled."""
    dialog = QFileDialog(parent, title, default, name_filter)
    dialog.setObjectName("export-file-dialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    full = QCheckBox(full_label)
    full.setObjectName("full-numbers")
    full.setToolTip(
        QCoreApplication.translate(
            "file_actions",
            "Masked unless checked; a file with full numbers is noted in the audit log.",
        )
    )
    grid = dialog.layout()
    if isinstance(grid, QGridLayout):
        grid.addWidget(full, grid.rowCount(), 0, 1, grid.columnCount())
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0], full.isChecked()


def _export_target(
    window: WindowShell, title: str, name: str, suffix: str, name_filter: str, full_label: str
) -> tuple[str, bool] | None:
    chosen = choose_export_file(
        window.widget(), title, str(last_folder() / name), name_filter, full_label
    )
    if chosen is None or not chosen[0]:
        return None
    path, full = chosen
    if not path.lower().endswith(suffix):
        path += suffix
    remember_folder(path)
    return path, full


def export_roster(window: WindowShell) -> None:
    """导出花名册: the rows the table shows now (filters apply), as .xlsx; ID numbers and bank
    accounts masked unless the clerk asks for them in full (recorded in the audit log)."""
    rows = window.shown_rows()
    title = QCoreApplication.translate("file_actions", "Export roster")
    full_label = QCoreApplication.translate(
        "file_actions", "Show full ID numbers and bank accounts"
    )
    name = f"花名册-{dt.date.today():%Y%m%d}.xlsx"
    chosen = _export_target(window, title, name, ".xlsx", XLSX_FILTER, full_label)
    if chosen is None:
        return
    path, full = chosen
    actor, db = window.actor, window.db
    assert actor is not None and db is not None  # enabled only once the database is open

    def operation(progress: ProgressFn, cancel: CancelToken) -> str:
        from reports.roster.xlsx import write_roster
        from workforce.domain.accounts.permissions import Action
        from workforce.services.accounts.export_audit import record_full_numbers
        from workforce.services.context import require
        from workforce.services.roster.export import masked_rows

        require(actor, Action.EXPORT_ROSTER)
        progress(0, 1)
        if full:
            record_full_numbers(db, actor, "花名册", len(rows))
        write_roster(path, rows if full else masked_rows(rows))
        progress(1, 1)
        return path

    def done(saved: str) -> None:
        message = QCoreApplication.translate("file_actions", "Exported %1 workers to:\n%2")
        QMessageBox.information(
            window.widget(),
            title,
            message.replace("%1", fmt.count_text(len(rows))).replace("%2", saved),
        )

    label = QCoreApplication.translate("file_actions", "Writing the roster…")
    run_task(window.widget(), operation, done, label=label, cancellable=False)


def save_template(window: WindowShell) -> None:
    """下载导入模板: an empty roster with the §11 columns and the posts in force."""
    if window.snapshot is None:
        return
    posts = window.snapshot.posts
    title = QCoreApplication.translate("file_actions", "Download import template")
    path = _save_path(window, title, "花名册导入模板.xlsx")
    if path is None:
        return

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> str:
        from reports.roster.xlsx import write_template

        write_template(path, posts)
        return path

    def done(saved: str) -> None:
        message = QCoreApplication.translate(
            "file_actions", "The import template was saved to:\n%1"
        )
        QMessageBox.information(window.widget(), title, message.replace("%1", saved))

    label = QCoreApplication.translate("file_actions", "Writing the template…")
    run_task(window.widget(), operation, done, label=label, cancellable=False)


def import_roster(window: WindowShell) -> None:
    """导入花名册: choose a file, then read, plan and preview it (``import_dialog``)."""
    path, _ = QFileDialog.getOpenFileName(
        window.widget(),
        QCoreApplication.translate("file_actions", "Import roster"),
        str(last_folder()),
        QCoreApplication.translate("file_actions", "Rosters (*.xlsx *.xlsm *.csv)"),
    )
    if not path:
        return
    remember_folder(path)
    from ui.desktop.roster.import_dialog import start_import

    if window.db is not None and window.actor is not None:
        start_import(window.widget(), window.db, window.actor, path, on_applied=window.refresh)


def _unit_label(window: WindowShell) -> str:
    """The selected unit as a path (示范区大召街道书香社区), or empty for the whole database."""
    unit_id = window.tree.selected_unit()
    if unit_id is None or window.snapshot is None:
        return ""
    nodes = {node.id: node for node in window.snapshot.nodes}
    names: list[str] = []
    current: int | None = unit_id
    while current is not None and current in nodes:
        names.append(nodes[current].name)
        current = nodes[current].parent_id
    return "".join(reversed(names))


def print_roster(window: WindowShell) -> None:
    """打印花名册: the rows the table shows now (filters and order apply), as a PDF roster."""
    rows = window.shown_rows()
    title = QCoreApplication.translate("file_actions", "Print roster (PDF)")
    full_label = QCoreApplication.translate("file_actions", "Show full ID numbers")
    name = f"花名册-{dt.date.today():%Y%m%d}.pdf"
    chosen = _export_target(window, title, name, ".pdf", "PDF (*.pdf)", full_label)
    if chosen is None:
        return
    path, full = chosen
    actor, db = window.actor, window.db
    assert actor is not None and db is not None  # enabled only once the database is open
    unit = _unit_label(window)

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> str:
        from reports.roster.pdf import RosterDocument, write_roster_pdf
        from workforce.domain.accounts.permissions import Action
        from workforce.domain.roster.summary import summarise_roster
        from workforce.services.accounts.export_audit import record_full_numbers
        from workforce.services.context import require

        require(actor, Action.EXPORT_ROSTER)
        if full:
            record_full_numbers(db, actor, "花名册（PDF）", len(rows))
        today = dt.date.today()
        summary = summarise_roster(
            ((r.birth_date, r.highest_education, r.certificate_level is not None) for r in rows),
            today,
        )
        document = RosterDocument(f"{unit}社区工作者花名册", unit, today, summary, not full)
        font = write_roster_pdf(Path(path), rows, document)
        return font.message or ""

    def done(note: str) -> None:
        message = QCoreApplication.translate("file_actions", "Printed %1 workers to:\n%2")
        text = message.replace("%1", fmt.count_text(len(rows))).replace("%2", path)
        QMessageBox.information(window.widget(), title, f"{text}\n{note}".strip())

    label = QCoreApplication.translate("file_actions", "Writing the roster PDF…")
    run_task(window.widget(), operation, done, label=label, cancellable=False)
