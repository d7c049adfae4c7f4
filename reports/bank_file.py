"""银行代发 (§9): the bank transfer file, laid out by a small template per bank.

A layout names its format (.xlsx or .csv), its header lines (with the total count and amount),
its columns (序号, 户名, 账号, 身份证号, 开户行, 金额, 摘要 in the bank's order and titles) and, for
CSV, the encoding the bank reads. The file's total always equals the sum of its rows, which is
Σ 实发 of the month (the view leaves out only workers with nothing to transfer).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from workforce.services.payroll_views import BankRow, BankView

FIELDS: dict[str, Callable[[int, BankRow, BankView], str | Decimal | int]] = {
    "index": lambda n, _row, _view: n,
    "account_name": lambda _n, row, _view: row.account_name,
    "account": lambda _n, row, _view: row.account,
    "id_number": lambda _n, row, _view: row.id_number,
    "bank": lambda _n, row, _view: row.bank,
    "amount": lambda _n, row, _view: row.amount,
    "memo": lambda _n, _row, view: view.memo,
}


@dataclass(frozen=True, slots=True)
class BankColumn:
    title: str
    field: str  # a key of FIELDS
    width: int = 14


@dataclass(frozen=True, slots=True)
class BankLayout:
    """One bank's template: ``header`` lines may use {unit}, {month}, {count} and {total}."""

    name: str
    description: str
    format: str  # "xlsx" or "csv"
    columns: tuple[BankColumn, ...]
    header: tuple[str, ...]
    encoding: str = "utf-8-sig"


STANDARD_COLUMNS = (
    BankColumn("序号", "index", 6),
    BankColumn("户名", "account_name", 10),
    BankColumn("账号", "account", 24),
    BankColumn("身份证号", "id_number", 20),
    BankColumn("开户行", "bank", 24),
    BankColumn("金额", "amount", 12),
    BankColumn("摘要", "memo", 16),
)

LAYOUTS: dict[str, BankLayout] = {
    "default": BankLayout(
        "default",
        "通用代发格式（Excel）：标题、单位、总笔数与总金额，然后是明细",
        "xlsx",
        STANDARD_COLUMNS,
        ("{unit}{month}工资代发清单", "付款单位：{unit}", "总笔数：{count}　总金额：{total}"),
    ),
    "csv": BankLayout(
        "csv",
        "代发批量文件（CSV，GB18030 编码）：首行为总笔数、总金额，"
        "其后每行 账号,户名,金额,身份证号,摘要",
        "csv",
        (
            BankColumn("账号", "account"),
            BankColumn("户名", "account_name"),
            BankColumn("金额", "amount"),
            BankColumn("身份证号", "id_number"),
            BankColumn("摘要", "memo"),
        ),
        ("总笔数,{count},总金额,{total}",),
        encoding="gb18030",
    ),
}


def layout(name: str) -> BankLayout:
    try:
        return LAYOUTS[name]
    except KeyError:
        known = "、".join(LAYOUTS)
        raise ValueError(f"没有名为「{name}」的代发格式（可用：{known}）") from None


def _header(layout: BankLayout, view: BankView) -> list[str]:
    values = {
        "unit": view.header.region,
        "month": view.header.label,
        "count": str(len(view.rows)),
        "total": f"{view.total:.2f}",
    }
    return [line.format(**values) for line in layout.header]


def _write_xlsx(path: Path, layout: BankLayout, view: BankView) -> None:
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        sheet = workbook.add_worksheet("代发明细")
        bold = workbook.add_format({"bold": True})
        head = workbook.add_format({"bold": True, "border": 1, "bg_color": "#DDEBF7"})
        text = workbook.add_format({"border": 1, "num_format": "@"})
        money = workbook.add_format({"border": 1, "num_format": "0.00"})
        integer = workbook.add_format({"border": 1, "num_format": "0"})
        total = workbook.add_format({"bold": True, "border": 1, "num_format": "0.00"})
        for col, column in enumerate(layout.columns):
            sheet.set_column(col, col, column.width)
        row = 0
        for line in _header(layout, view):
            sheet.write_string(row, 0, line, bold)
            row += 1
        for col, column in enumerate(layout.columns):
            sheet.write_string(row, col, column.title, head)
        header_row = row
        row += 1
        amount_col = next(i for i, c in enumerate(layout.columns) if c.field == "amount")
        for number, entry in enumerate(view.rows, start=1):
            for col, column in enumerate(layout.columns):
                value = FIELDS[column.field](number, entry, view)
                if isinstance(value, str):
                    sheet.write_string(row, col, value, text)
                else:
                    sheet.write_number(row, col, value, money if col == amount_col else integer)
            row += 1
        sheet.write_string(row, 0, "合计", head)
        first, last = header_row + 2, row  # Excel rows of the details
        letter = xl_col_to_name(amount_col)
        formula = f"=SUM({letter}{first}:{letter}{max(last, first)})"
        sheet.write_formula(row, amount_col, formula, total, view.total)
        sheet.freeze_panes(header_row + 1, 0)
    finally:
        workbook.close()


def _cell(value: str | Decimal | int) -> str:
    return f"{value:.2f}" if isinstance(value, Decimal) else str(value)


def _write_csv(path: Path, layout: BankLayout, view: BankView) -> None:
    with path.open("w", encoding=layout.encoding, newline="") as handle:
        for line in _header(layout, view):
            handle.write(line + "\r\n")
        writer = csv.writer(handle, lineterminator="\r\n")
        for number, entry in enumerate(view.rows, start=1):
            writer.writerow([_cell(FIELDS[c.field](number, entry, view)) for c in layout.columns])


def write_bank_file(path: Path, view: BankView, layout_name: str = "default") -> BankLayout:
    """Write the transfer file in the named layout; returns the layout used."""
    chosen = layout(layout_name)
    if sum((r.amount for r in view.rows), Decimal("0.00")) != view.total:  # pragma: no cover
        raise ValueError("代发明细之和与总金额不符")
    if chosen.format == "csv":
        _write_csv(path, chosen, view)
    else:
        _write_xlsx(path, chosen, view)
    return chosen
