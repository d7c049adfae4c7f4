"""Save a run as the finance workbook (.xlsx) or as the per-person notices (PDF), off the GUI
thread. The report libraries load inside the operation (PERF-NOTES: app start ≤ 1 s)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.desktop.widgets.folders import last_folder, remember_folder
from ui.tasks import run_task
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.adjustment.screens import RunState


def _ask(parent: QWidget, title: str, name: str, pattern: str, suffix: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(last_folder() / name), pattern)
    if not path:
        return None
    if not path.lower().endswith(suffix):
        path += suffix
    remember_folder(path)
    return path


def _stem(state: RunState) -> str:
    o = state.overview
    what = "调级结果" if o.status == "applied" else "调级计划"
    return f"{o.year}年度{what}-批次{o.run_id}"


def export_workbook(parent: QWidget, state: RunState, path: str | None = None) -> None:
    """调级汇总及明细表 for finance and leadership."""
    title = QCoreApplication.translate("adjust_exports", "Export the plan workbook")
    path = path or _ask(parent, title, f"{_stem(state)}.xlsx", "Excel (*.xlsx)", ".xlsx")
    if path is None:
        return
    overview, lines = state.overview, list(state.lines)

    def operation(progress: ProgressFn, _cancel: CancelToken) -> str:
        from reports.adjustment.run_xlsx import write_adjustment_workbook

        progress(0, 1)
        write_adjustment_workbook(Path(path), overview, lines)
        return path

    def done(saved: str) -> None:
        QMessageBox.information(
            parent,
            title,
            QCoreApplication.translate("adjust_exports", "The workbook was saved to:\n%1").replace(
                "%1", saved
            ),
        )

    run_task(
        parent,
        operation,
        done,
        label=QCoreApplication.translate("adjust_exports", "Writing the workbook…"),
        cancellable=False,
    )


def export_notices(parent: QWidget, state: RunState, path: str | None = None) -> None:
    """调级通知书: one A4 page per person who moves, ID numbers masked."""
    title = QCoreApplication.translate("adjust_exports", "Print the notices")
    name = f"{state.overview.year}年度调级通知书-批次{state.overview.run_id}.pdf"
    path = path or _ask(parent, title, name, "PDF (*.pdf)", ".pdf")
    if path is None:
        return
    overview, lines, scale = state.overview, list(state.lines), state.scale

    def operation(progress: ProgressFn, cancel: CancelToken) -> tuple[str, int, str | None]:
        from reports.adjustment.notice_pdf import write_notices

        result = write_notices(path, overview, lines, scale=scale, progress=progress, cancel=cancel)
        return path, result.pages, result.font.message

    def done(result: tuple[str, int, str | None]) -> None:
        saved, pages, font_message = result
        message = (
            QCoreApplication.translate("adjust_exports", "%1 notices were saved to:\n%2")
            .replace("%1", str(pages))
            .replace("%2", saved)
        )
        if font_message:
            QMessageBox.warning(parent, title, f"{message}\n\n{font_message}")
        else:
            QMessageBox.information(parent, title, message)

    run_task(
        parent,
        operation,
        done,
        label=QCoreApplication.translate("adjust_exports", "Writing the notices…"),
    )
