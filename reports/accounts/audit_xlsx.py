"""The audit log as .xlsx (审计日志导出): one row per changed field, old and new side by side.

xlsxwriter in constant-memory mode streams the rows, so a million entries never sit in memory;
past Excel's row limit the log continues on a further sheet. Everything a user typed is written
as a string and the workbook turns off formula, number and URL guessing, so a name like
``=HYPERLINK(...)`` stays inert text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from reports.cell_text import text_workbook
from workforce.services.accounts.audit_labels import action_name, entity_name
from workforce.services.accounts.audit_views import AuditRow

HEADER = ("序号", "时间", "用户", "操作", "对象", "编号", "字段", "原值", "新值", "批次", "备注")
WIDTHS = (10, 19, 12, 12, 14, 10, 20, 30, 30, 8, 40)
MAX_ROWS = 1_048_576
MAX_TEXT = 32_767  # Excel's limit for one cell


def _text(value: str | None) -> str:
    return "" if value is None else value[:MAX_TEXT]


class _Writer:
    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.header = workbook.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "align": "center"}
        )
        self.sheets = 0
        self.row = MAX_ROWS  # forces the first sheet

    def _sheet(self) -> Any:
        if self.row >= MAX_ROWS:
            self.sheets += 1
            name = "审计日志" if self.sheets == 1 else f"审计日志{self.sheets}"
            self.current = self.workbook.add_worksheet(name)
            for col, (label, width) in enumerate(zip(HEADER, WIDTHS, strict=True)):
                self.current.set_column(col, col, width)
                self.current.write_string(0, col, label, self.header)
            self.current.freeze_panes(1, 0)
            self.row = 1
        return self.current

    def line(self, entry: AuditRow, field: str, old: str | None, new: str | None) -> None:
        """One row: the entry's columns, then one field's label, old and new value."""
        sheet = self._sheet()
        at = entry.at.astimezone()
        sheet.write_number(self.row, 0, entry.entry_id)
        sheet.write_string(self.row, 1, f"{at:%Y-%m-%d %H:%M:%S}")
        sheet.write_string(self.row, 2, _text(entry.username))
        sheet.write_string(self.row, 3, action_name(entry.action))
        sheet.write_string(self.row, 4, entity_name(entry.entity))
        if entry.entity_id is not None:
            sheet.write_number(self.row, 5, entry.entity_id)
        sheet.write_string(self.row, 6, _text(field))
        sheet.write_string(self.row, 7, _text(old))
        sheet.write_string(self.row, 8, _text(new))
        if entry.batch_id is not None:
            sheet.write_number(self.row, 9, entry.batch_id)
        sheet.write_string(self.row, 10, _text(entry.note))
        self.row += 1


def write_audit_xlsx(
    path: Path,
    entries: Iterable[AuditRow],
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the entries (already filtered, newest first); returns how many were written."""
    options = {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    workbook = text_workbook(path, options)
    writer = _Writer(workbook)
    count = 0
    try:
        for entry in entries:
            if entry.changes:
                for change in entry.changes:
                    writer.line(entry, change.label or change.field, change.old, change.new)
            else:
                writer.line(entry, "", None, None)
            count += 1
            if progress is not None and count % 1000 == 0:
                progress(count)
        if writer.sheets == 0:
            writer._sheet()  # an empty log still gets its header
    finally:
        workbook.close()
    return count
