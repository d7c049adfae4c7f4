"""The month's table reads 应发 − 社保公积金 − 个税 − 税后扣款 = 实发, by row and in total."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ui.desktop.payroll.text import REVIEW_COLUMNS, after_tax, totals_text
from workforce.services.payroll.screens import ReviewRow

pytestmark = pytest.mark.gui


def _row(gross: str, insurance: str, tax: str, net: str) -> ReviewRow:
    return ReviewRow(
        1, "150102199001011234", "昭君路街道", "白塔社区", "黄雨燕",
        Decimal(gross), Decimal(insurance), Decimal(tax), Decimal(net),
    )  # fmt: skip


def test_an_after_tax_deduction_has_its_own_column_and_total(qapp: object) -> None:
    rows = [
        _row("5408.00", "1216.84", "0.00", "3891.16"),
        _row("6867.00", "1545.04", "9.66", "5312.30"),
    ]
    assert after_tax(rows[0]) == Decimal("300.00") and after_tax(rows[1]) == Decimal("0.00")
    column = next(c for c in REVIEW_COLUMNS if c.header == "After tax")
    assert column.text(rows[0]) == "300.00"
    assert totals_text(rows) == (
        "Total of 2 people: gross 12,275.00, insurance 2,761.88, tax 9.66, after tax 300.00,"
        " net 9,203.46"
    )
