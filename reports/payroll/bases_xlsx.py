"""The year's contribution bases for the social insurance office (社保缴费基数表): one sheet,
身份证号, 姓名, 单位, 缴费基数, 来源, a 合计 line whose SUM carries its value (readers that do not
calculate see the total too), frozen header. ``workforce payroll bases import`` reads it back."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from reports.cell_text import text_workbook
from workforce.services.payroll.base_io import COMPUTED, BaseExportRow

HEADERS = ("身份证号", "姓名", "单位", "缴费基数", "来源")
WIDTHS = (22, 10, 24, 14, 10)
SOURCE_LABELS = {COMPUTED: "核定", "overridden": "人工核定"}


def write_bases(path: str | Path, year: int, rows: Sequence[BaseExportRow]) -> Decimal:
    """Write the workbook; returns the total of the bases."""
    workbook = text_workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet(f"{year}年缴费基数")
    head = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    text = workbook.add_format({"num_format": "@"})
    money = workbook.add_format({"num_format": "#,##0.00"})
    total_label = workbook.add_format({"bold": True, "top": 1})
    total_money = workbook.add_format({"bold": True, "top": 1, "num_format": "#,##0.00"})
    for col, (label, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, label, head)
    sheet.freeze_panes(1, 0)
    total = Decimal("0.00")
    for index, row in enumerate(rows, 1):
        sheet.write_string(index, 0, row.id_number, text)
        sheet.write_string(index, 1, row.name)
        sheet.write_string(index, 2, row.unit)
        sheet.write_number(index, 3, row.base, money)
        sheet.write_string(index, 4, SOURCE_LABELS[row.source])
        total += row.base
    last = len(rows) + 1
    sheet.write_string(last, 0, "合计", total_label)
    sheet.write_string(last, 1, f"{len(rows)}人", total_label)
    sheet.write_blank(last, 2, None, total_label)
    formula = f"=SUM(D2:D{last})" if rows else "=0"
    sheet.write_formula(last, 3, formula, total_money, total)
    sheet.write_blank(last, 4, None, total_label)
    workbook.close()
    return total
