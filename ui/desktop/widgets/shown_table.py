"""A table's cells as shown (``ShownTable``), taken out of it: what Ctrl+C puts on the clipboard,
tab-separated rows (text/plain) and an HTML table (what Excel and WPS paste first) in which ID
numbers, accounts and dates stay text and numbers are plain numbers; and the workbook 导出为
Excel writes, off the GUI thread."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtWidgets import QWidget

from ui.desktop.widgets.models import CODE, DATE, NUMBER, number_value


@dataclass(frozen=True, slots=True)
class ShownTable:
    """What the table shows, as a sheet: title, filter line, headers, kinds and cell texts."""

    title: str
    filter_text: str
    headers: tuple[str, ...]
    kinds: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def copy_value(kind: str, text: str) -> str:
    """A cell as it is pasted: a number without its thousands separators, anything else as shown."""
    if kind == NUMBER:
        value = number_value(text)
        if value is not None:
            return str(value)
    return text.replace("\t", " ").replace("\n", " ")


def clipboard_data(table: ShownTable, with_header: bool) -> QMimeData:
    """Tab-separated text and an HTML table of the same cells (Excel and WPS paste the HTML: an
    ID number or account there is marked text, so it keeps every digit)."""
    lines: list[str] = []
    cells: list[str] = []
    if with_header:
        lines.append("\t".join(table.headers))
        cells.append(
            "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in table.headers) + "</tr>"
        )
    for row in table.rows:
        values = [copy_value(kind, text) for kind, text in zip(table.kinds, row, strict=True)]
        lines.append("\t".join(values))
        cells.append(
            "<tr>"
            + "".join(
                _html_cell(kind, value) for kind, value in zip(table.kinds, values, strict=True)
            )
            + "</tr>"
        )
    data = QMimeData()
    data.setText("\r\n".join(lines) + "\r\n")
    data.setHtml(
        '<html><head><meta charset="utf-8"></head><body><table>'
        + "".join(cells)
        + "</table></body></html>"
    )
    return data


def _html_cell(kind: str, value: str) -> str:
    if kind in (CODE, DATE) or (kind != NUMBER and value[:1].isdigit()):
        return f"<td style=\"mso-number-format:'\\@'\">{html.escape(value)}</td>"
    return f"<td>{html.escape(value)}</td>"


def export_shown(
    parent: QWidget, shown: ShownTable, path: str, on_done: Callable[[str], None] | None = None
) -> None:
    """Writes ``shown`` to the workbook ``path`` off the GUI thread, says so on the status bar of
    ``parent``'s window, then calls ``on_done(path)``."""
    from reports.table_xlsx import SheetTable, write_table
    from ui.tasks import run_task

    sheet = SheetTable(shown.title, shown.filter_text, shown.headers, shown.kinds, shown.rows)

    def operation(_progress: object, _cancel: object) -> str:
        write_table(path, sheet)
        return path

    def done(written: str) -> None:
        window = parent.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(
                QCoreApplication.translate("table", "Exported to %1").replace("%1", written),
                5000,
            )
        if on_done is not None:
            on_done(written)

    run_task(parent, operation, done, label=QCoreApplication.translate("table", "Exporting…"))
