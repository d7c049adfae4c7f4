"""Any list as the desktop shows it, written as one sheet (导出为 Excel from a table's menu).

The sheet: the list's title in row 1, what it was filtered on in row 2, the header in row 3 (frozen,
with an autofilter), then the rows exactly as shown. Numbers are number cells (money with two
decimals); ID numbers, accounts, phones and every other text are text cells, written with
``write_string`` (no formula, no link, no number ever made of a clerk's text). Streamed
(constant memory): 100,000 rows write without holding a second copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from reports.cell_text import text_workbook

NUMBER = "number"
_NOT_NUMBER = str.maketrans("", "", ",¥￥ \u00a0")
MAX_WIDTH = 50
SHEET_NAME_SAFE = str.maketrans("[]:*?/\\", "（）：＊？－－")


@dataclass(frozen=True, slots=True)
class SheetTable:
    title: str
    filter_text: str
    headers: tuple[str, ...]
    kinds: tuple[str, ...]
    """Per column: "number" for numbers and money; anything else is written as text."""
    rows: tuple[tuple[str, ...], ...]


def _number(text: str) -> Decimal | None:
    cleaned = text.translate(_NOT_NUMBER)
    if not cleaned or cleaned.endswith("%"):
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def write_table(path: str | Path, table: SheetTable) -> None:
    workbook = text_workbook(path, {"constant_memory": True})
    try:
        sheet = workbook.add_worksheet(
            (table.title or "Sheet1")[:31].translate(str.maketrans("[]:*?/\\", "（）：＊？－－"))
        )
        title = workbook.add_format({"bold": True, "font_size": 14})
        note = workbook.add_format({"font_color": "#555555"})
        head = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        text = workbook.add_format({"num_format": "@"})
        integer = workbook.add_format({"num_format": "#,##0"})
        money = workbook.add_format({"num_format": "#,##0.00"})
        widths = [_width(h) + 2 for h in table.headers]
        for row in table.rows[:200]:
            for number, cell in enumerate(row):
                widths[number] = max(widths[number], _width(cell) + 2)
        for number, width in enumerate(widths):
            sheet.set_column(number, number, min(width, MAX_WIDTH))
        sheet.write_string(0, 0, table.title, title)
        sheet.write_string(1, 0, table.filter_text, note)
        for number, header in enumerate(table.headers):
            sheet.write_string(2, number, header, head)
        for offset, row in enumerate(table.rows):
            line = offset + 3
            for number, (kind, cell) in enumerate(zip(table.kinds, row, strict=True)):
                value = _number(cell) if kind == NUMBER else None
                if value is None:
                    if cell:
                        sheet.write_string(line, number, cell, text)
                    continue
                exponent = value.as_tuple().exponent
                decimals = isinstance(exponent, int) and exponent < 0
                sheet.write_number(line, number, float(value), money if decimals else integer)
        sheet.freeze_panes(3, 0)
        if table.headers:
            sheet.autofilter(2, 0, 2 + len(table.rows), len(table.headers) - 1)
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(2)
        sheet.set_footer("&C&P / &N")
    finally:
        workbook.close()


def headers_and_rows(path: str | Path) -> list[list[object]]:
    """The sheet read back (tests, and a clerk's check): every row as its cell values."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    return [list(row) for row in workbook.get_sheet_by_index(0).to_python()]


__all__: Sequence[str] = ("SheetTable", "headers_and_rows", "write_table")
