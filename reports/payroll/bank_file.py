"""银行代发 (§9): the bank transfer file, written by a layout (workforce.domain.payroll.bank_layout)
that the clerk chooses per bank.

The header lines carry the total count and amount; the file's amounts always add up to the header
total. The file always comes with its 另行发放/未发放 list (§8.6: no account, an invalid one,
nothing to pay), a second sheet of the .xlsx or a second file beside the .csv, so that Σ file +
Σ list = Σ 实发 of the month. Names, accounts and banks are written as text cells, never as
something Excel would evaluate. The .xlsx prints landscape, fitted to the width, with the column
titles on every page and 第 N 页，共 M 页 at the foot.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from reports.cell_text import csv_text, text_workbook
from workforce.domain.money import to_fen
from workforce.domain.payroll.bank_layout import BUILTIN_LAYOUTS, BankLayout, amount_text
from workforce.domain.problems import ActionRefused
from workforce.services.payroll.bank import BankRow, BankView, Unpaid

LAYOUTS = BUILTIN_LAYOUTS  # the built-in templates, by name

Value = str | Decimal | int
FIELDS: dict[str, Callable[[int, BankRow, BankView, str], Value]] = {
    "index": lambda n, _row, _view, _memo: n,
    "account_name": lambda _n, row, _view, _memo: row.account_name,
    "account": lambda _n, row, _view, _memo: row.account,
    "id_number": lambda _n, row, _view, _memo: row.id_number,
    "bank": lambda _n, row, _view, _memo: row.bank,
    "amount": lambda _n, row, _view, _memo: row.amount,
    "memo": lambda _n, _row, _view, memo: memo,
    "month": lambda _n, _row, view, _memo: view.header.label,
    "unit": lambda _n, _row, view, _memo: view.header.region,
    "blank": lambda _n, _row, _view, _memo: "",
}
XLSX_AMOUNT = {"plain": "0.00", "comma": "#,##0.00", "fen": "0"}
UNPAID_TITLE = "另行发放未发放"
UNPAID_COLUMNS = (
    ("序号", 6),
    ("街道", 14),
    ("社区", 16),
    ("姓名", 10),
    ("身份证号", 20),
    ("实发金额", 12),
    ("原因", 24),
    ("补发情况", 24),
)


def unpaid_path(path: Path) -> Path:
    """Where the 另行发放/未发放 list of a .csv bank file goes: beside it."""
    return path.with_name(f"{path.stem}_{UNPAID_TITLE}.csv")


def _unpaid_cells(number: int, entry: Unpaid) -> list[Value]:
    return [
        number,
        entry.street,
        entry.community,
        entry.name,
        entry.id_number,
        entry.amount,
        entry.reason,
        entry.reissued,
    ]


def _unpaid_heading(view: BankView) -> str:
    return (
        f"{view.header.region}{view.header.label}工资 另行发放/未发放名单："
        f"{len(view.unpaid)}人，合计{view.unpaid_total:.2f}；"
        f"代发{len(view.rows)}笔{view.total:.2f}＋名单{view.unpaid_total:.2f}"
        f"＝实发合计{view.total + view.unpaid_total:.2f}"
    )


def layout(name: str) -> BankLayout:
    """A built-in layout by name (the services also know the clerk's own layouts)."""
    try:
        return LAYOUTS[name]
    except KeyError:
        known = "、".join(LAYOUTS)
        raise ValueError(f"没有名为「{name}」的代发格式（可用：{known}）") from None


def _header(chosen: BankLayout, view: BankView) -> list[str]:
    values = {
        "unit": view.header.region,
        "month": view.header.label,
        "bank": chosen.bank,
        "count": str(len(view.rows)),
        "total": amount_text(to_fen(view.total), chosen.amount_format),
    }
    return [line.format(**values) for line in chosen.header]


def _memo(chosen: BankLayout, view: BankView) -> str:
    return chosen.memo.format(unit=view.header.region, month=view.header.label)


def _write_xlsx(path: Path, chosen: BankLayout, view: BankView) -> None:
    in_fen = chosen.amount_format == "fen"
    workbook = text_workbook(path, {"constant_memory": True})
    try:
        sheet = workbook.add_worksheet("代发明细")
        bold = workbook.add_format({"bold": True})
        head = workbook.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7"})
        text = workbook.add_format({"border": 1, "num_format": "@"})
        number_format = XLSX_AMOUNT[chosen.amount_format]
        money = workbook.add_format({"border": 1, "num_format": number_format})
        integer = workbook.add_format({"border": 1, "num_format": "0"})
        total = workbook.add_format({"bold": True, "border": 1, "num_format": number_format})
        for col, column in enumerate(chosen.columns):
            sheet.set_column(col, col, column.width)
        row = 0
        for line in _header(chosen, view):
            sheet.write_string(row, 0, line, bold)
            row += 1
        if chosen.title_row:
            for col, column in enumerate(chosen.columns):
                sheet.write_string(row, col, column.title, head)
            row += 1
        first = row
        amount_col = next(i for i, c in enumerate(chosen.columns) if c.field == "amount")
        memo = _memo(chosen, view)
        for number, entry in enumerate(view.rows, start=1):
            for col, column in enumerate(chosen.columns):
                value = FIELDS[column.field](number, entry, view, memo)
                if isinstance(value, str):
                    sheet.write_string(row, col, value, text)
                elif col == amount_col:
                    sheet.write_number(row, col, to_fen(value) if in_fen else value, money)
                else:
                    sheet.write_number(row, col, value, integer)
            row += 1
        if amount_col != 0:
            sheet.write_string(row, 0, "合计", head)
        letter = xl_col_to_name(amount_col)
        formula = f"=SUM({letter}{first + 1}:{letter}{max(row, first + 1)})"
        shown = to_fen(view.total) if in_fen else view.total
        sheet.write_formula(row, amount_col, formula, total, shown)
        if first:
            sheet.freeze_panes(first, 0)
        _print_setup(sheet, view, first)
        _write_unpaid_sheet(workbook, view)
    finally:
        workbook.close()


def _print_setup(sheet: Any, view: BankView, header_rows: int) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.7)
    if header_rows:
        sheet.repeat_rows(0, header_rows - 1)
    sheet.set_footer(f"&L{view.header.label}工资代发&R第 &P 页，共 &N 页")


def _write_unpaid_sheet(workbook: Any, view: BankView) -> None:
    sheet = workbook.add_worksheet(UNPAID_TITLE)
    bold = workbook.add_format({"bold": True})
    head = workbook.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7"})
    text = workbook.add_format({"border": 1, "num_format": "@"})
    money = workbook.add_format({"border": 1, "num_format": "#,##0.00"})
    integer = workbook.add_format({"border": 1, "num_format": "0"})
    total = workbook.add_format({"bold": True, "border": 1, "num_format": "#,##0.00"})
    for col, (_, width) in enumerate(UNPAID_COLUMNS):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, _unpaid_heading(view), bold)
    for col, (title, _) in enumerate(UNPAID_COLUMNS):
        sheet.write_string(1, col, title, head)
    row = 2
    for number, entry in enumerate(view.unpaid, start=1):
        for col, value in enumerate(_unpaid_cells(number, entry)):
            if isinstance(value, str):
                sheet.write_string(row, col, value, text)
            elif isinstance(value, Decimal):
                sheet.write_number(row, col, value, money)
            else:
                sheet.write_number(row, col, value, integer)
        row += 1
    sheet.write_string(row, 0, "合计", head)
    formula = f"=SUM(F3:F{max(row, 3)})"
    sheet.write_formula(row, 5, formula, total, view.unpaid_total)
    sheet.freeze_panes(2, 0)
    _print_setup(sheet, view, 2)


def _unpaid_csv(chosen: BankLayout, view: BankView) -> bytes:
    encoding = chosen.encoding
    lines = [_csv_line([_cell(_unpaid_heading(view), "plain")])]
    lines.append(_csv_line([title for title, _ in UNPAID_COLUMNS]))
    for number, entry in enumerate(view.unpaid, start=1):
        lines.append(_csv_line([_cell(v, "plain") for v in _unpaid_cells(number, entry)]))
    lines.append(_csv_line(["合计", "", "", "", "", _cell(view.unpaid_total, "plain"), "", ""]))
    return "".join(lines).encode(encoding, errors="replace")


def _cell(value: Value, amount_format: str) -> str:
    """A CSV cell: the amount as the bank wants it; text a spreadsheet would evaluate as a
    formula (a name typed "=…", "+…") carries an apostrophe."""
    if isinstance(value, Decimal):
        return amount_text(to_fen(value), amount_format)
    return csv_text(value) if isinstance(value, str) else str(value)


def _csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


def _csv_bytes(chosen: BankLayout, view: BankView) -> bytes:
    """The whole file, encoded line by line so a character the bank's encoding cannot hold is
    named with its row instead of being replaced or half-written."""
    memo = _memo(chosen, view)
    lines: list[tuple[str, str]] = [
        ("表头", csv_text(line) + "\r\n") for line in _header(chosen, view)
    ]
    if chosen.title_row:
        lines.append(("标题行", _csv_line([c.title for c in chosen.columns])))
    for number, entry in enumerate(view.rows, start=1):
        cells = [
            _cell(FIELDS[c.field](number, entry, view, memo), chosen.amount_format)
            for c in chosen.columns
        ]
        lines.append((f"第 {number} 笔（{entry.account_name}）", _csv_line(cells)))
    out = bytearray()
    for where, line in lines:
        try:
            out += line.encode(chosen.encoding)
        except UnicodeEncodeError as exc:
            char = line[exc.start : exc.end]
            raise ActionRefused(
                f"{where}含有 {chosen.encoding.upper()} 编码无法表示的字「{char}」；"
                "请改用 GB18030 或 UTF-8 编码的代发格式"
            ) from None
    return bytes(out)


def write_bank_file(path: Path, view: BankView, chosen: BankLayout | str = "default") -> BankLayout:
    """Write the transfer file in the given layout (or built-in layout name) with its
    另行发放/未发放 list (a sheet, or ``unpaid_path(path)`` beside a .csv); returns the layout."""
    if isinstance(chosen, str):
        chosen = layout(chosen)
    if sum((r.amount for r in view.rows), Decimal("0.00")) != view.total:
        raise ActionRefused(f"代发明细之和与总金额 {view.total} 不符，未生成代发文件")
    if chosen.file_type == "csv":
        path.write_bytes(_csv_bytes(chosen, view))
        unpaid_path(path).write_bytes(_unpaid_csv(chosen, view))
    else:
        _write_xlsx(path, chosen, view)
    return chosen
