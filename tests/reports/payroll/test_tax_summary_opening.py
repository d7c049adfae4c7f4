"""The yearly tax summary of a district that began mid-year (期初累计, §8.6): the months before
the program show as one cell marked 期初 across the months they cover, and the year's totals
include the opening figures, so 预扣税额合计 is the year's cumulative withholding."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from reports.payroll.tax_summary_xlsx import (
    FIRST_MONTH,
    FIRST_TOTAL,
    HEADER_ROWS,
    WITHHELD_COL,
    write_tax_summary,
)
from workforce.services.payroll.slips import TaxMonth, TaxOpening, TaxSummaryView, WorkerTaxYear

D = Decimal


def _view() -> TaxSummaryView:
    july = TaxMonth(7, D(30000), D(0), D(2160), D(2000), D("170840"), D("1850.00"))
    august = TaxMonth(8, D(40000), D(0), D(2160), D(2000), D("201680"), D("2850.00"))
    opening = TaxOpening(1, 6, D(183372), D(0), D(12960), D(12000), D("6580.00"))
    joined = TaxOpening(3, 6, D(40000), D(0), D(4320), D(0), D("300.00"))
    return TaxSummaryView(
        2027,
        "幸福区",
        ((7, "已锁定"), (8, "已审核")),
        (),
        (
            WorkerTaxYear(
                "张三", "1101**********1234", "和平街道", "幸福社区", (july, august), opening
            ),
            WorkerTaxYear("李四", "1101**********5678", "和平街道", "幸福社区", (july,), joined),
            WorkerTaxYear("王五", "1101**********9012", "和平街道", "幸福社区", (august,)),
        ),
        opening_through=6,
    )


def test_opening_months_are_marked_and_counted_in_the_totals(tmp_path: Path) -> None:
    view = _view()
    target = tmp_path / "tax.xlsx"
    write_tax_summary(target, view)
    sheet = load_workbook(target, data_only=True).worksheets[0]
    assert "计入月份：1–6月（期初累计，程序外发放）、7月（已锁定）、8月（已审核）" in str(
        sheet.cell(2, 2).value
    )
    zhang, li, wang = (HEADER_ROWS + 1 + i for i in range(3))
    january = FIRST_MONTH + 1  # 1-based column of 1月
    merged = {str(r) for r in sheet.merged_cells.ranges}
    cell = sheet.cell(zhang, january)
    assert f"{cell.coordinate}:{sheet.cell(zhang, january + 5).coordinate}" in merged
    assert Decimal(str(cell.value)) == D("6580.00")
    assert cell.number_format.startswith('"期初 "')
    march = sheet.cell(li, january + 2)  # 李四 joined in March: 3–6月
    assert f"{march.coordinate}:{sheet.cell(li, january + 5).coordinate}" in merged
    assert sheet.cell(li, january).value is None
    assert sheet.cell(wang, january).value is None  # no opening figures: nothing marked
    withheld = Decimal(str(sheet.cell(zhang, WITHHELD_COL + 1).value))
    assert withheld == D("6580.00") + D("1850.00") + D("2850.00")
    assert Decimal(str(sheet.cell(zhang, FIRST_TOTAL + 1).value)) == D(183372 + 30000 + 40000)
    total_row = HEADER_ROWS + 4
    assert sheet.cell(total_row, 1).value == "合计"
    all_withheld = sum(w.total("withholding") for w in view.workers)
    assert Decimal(str(sheet.cell(total_row, WITHHELD_COL + 1).value)) == all_withheld
    opening_total = sheet.cell(total_row, january)  # one 期初 total over 1–6月
    assert f"{opening_total.coordinate}:{sheet.cell(total_row, january + 5).coordinate}" in merged
    assert Decimal(str(opening_total.value)) == D("6580.00") + D("300.00")
    assert opening_total.number_format.startswith('"期初 "')
    assert Decimal(str(sheet.cell(total_row, january + 6).value)) == D("1850.00") * 2  # 7月
    formulas = load_workbook(target).worksheets[0]
    assert formulas.cell(total_row, january).value == f"=SUM(F5:K{total_row - 1})"
    first, last = sheet.cell(zhang, january).coordinate, sheet.cell(zhang, january + 11).coordinate
    assert formulas.cell(zhang, WITHHELD_COL + 1).value == f"=SUM({first}:{last})"
