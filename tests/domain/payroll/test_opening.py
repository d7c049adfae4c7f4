"""Opening figures (期初累计, §8.6): continuing from the year so far gives exactly the whole year's
withholding (golden cases and an invariant), the case format's 期初 line, and the withholding
client's sheet read with every problem naming row, column and value."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workforce.domain.payroll.opening_sheet import (
    OpeningFigures,
    expected_basic,
    period_month,
    read_opening_sheet,
)
from workforce.domain.payroll.tax import MonthIncome, cumulative_withholding
from workforce.domain.payroll.tax_case import CaseError, explain, parse_case
from workforce.domain.sheet import SheetGrid

GOLDEN = Path(__file__).parents[2] / "golden" / "tax"
D = Decimal


def _case(name: str) -> dict[str, object]:
    return explain(parse_case(json.loads((GOLDEN / name).read_text("utf-8"))))


def test_golden_july_from_the_opening_is_the_whole_years_july_to_december() -> None:
    whole = _case("whole_year_2026.json")
    opened = _case("opening_july_2026.json")
    withholding = [m["withholding"] for m in whole["months"]]  # type: ignore[attr-defined]
    assert withholding == [
        "555.00",
        "625.00",
        "850.00",
        "0.00",
        "1700.00",
        "2850.00",
        "1850.00",
        "2850.00",
        "3100.00",
        "0.00",
        "3400.00",
        "7700.00",
    ]
    assert opened["months"] == whole["months"][6:]  # type: ignore[index]
    assert opened["opening"]["withheld"] == "6580.00"  # type: ignore[index]
    assert opened["total_withholding"] == "18900.00"


def test_an_opening_after_the_first_months_is_refused_by_name() -> None:
    case = json.loads((GOLDEN / "opening_july_2026.json").read_text("utf-8"))
    case["months"][0]["month"] = 6
    with pytest.raises(CaseError, match=r"months\[0\].month"):
        parse_case(case)
    case = json.loads((GOLDEN / "opening_july_2026.json").read_text("utf-8"))
    case["opening"]["withheld"] = -1
    with pytest.raises(CaseError, match=r"opening\.withheld"):
        parse_case(case)


months = st.lists(
    st.tuples(
        st.integers(0, 90_000), st.integers(0, 6_000), st.integers(0, 5_000), st.integers(0, 500)
    ),
    min_size=12,
    max_size=12,
)


@given(months, st.integers(1, 11), st.booleans(), st.booleans())
def test_continuing_from_any_month_gives_the_whole_years_withholding(
    rows: list[tuple[int, int, int, int]], through: int, first_income: bool, low_income: bool
) -> None:
    entries = [
        MonthIncome(m, D(income), D(0), D(insurance), D(special), D(other))
        for m, (income, insurance, special, other) in enumerate(rows, 1)
    ]
    flags = {"first_income_of_year": first_income, "prior_year_low_income": low_income}
    whole = cumulative_withholding(entries, **flags)
    last = whole[through - 1]
    figures = OpeningFigures(
        2026,
        through,
        last.cumulative_income,
        last.cumulative_exempt_income,
        last.cumulative_insurance,
        last.cumulative_special_deductions,
        last.cumulative_other_deductions,
        sum((line.withholding for line in whole[:through]), D(0)),
    )
    rest = cumulative_withholding(entries[through:], carried=figures.carried(), **flags)
    assert rest == whole[through:]
    basic = expected_basic(
        through, 1, first_income_of_year=first_income, prior_year_low_income=low_income
    )
    assert basic == last.cumulative_basic_deduction
    assert figures.cumulative_tax(basic) == last.cumulative_tax


@pytest.mark.parametrize(
    ("value", "month"),
    [
        ("2026-06", dt.date(2026, 6, 1)),
        ("2026-6", dt.date(2026, 6, 1)),
        ("2026年6月", dt.date(2026, 6, 1)),
        (202606, dt.date(2026, 6, 1)),
        (dt.datetime(2026, 6, 1, tzinfo=dt.UTC), dt.date(2026, 6, 1)),
        ("2026-13", None),
        ("六月", None),
    ],
)
def test_the_period_is_read_as_clerks_and_spreadsheets_write_it(
    value: object, month: dt.date | None
) -> None:
    assert period_month(value) == month


HEAD = (
    "证件号码",
    "姓名",
    "所属期止",
    "累计收入额",
    "累计专项扣除",
    "累计其他扣除",
    "累计已预缴税额",
)
PARTS = ("累计子女教育", "累计赡养老人")


def test_the_six_parts_are_summed_and_problems_are_named() -> None:
    grid = SheetGrid(
        "扣缴",
        (
            ("2026年1-6月累计数据",),
            (*HEAD, *PARTS),
            ("11010519491231002X", "张三", "2026-06", "180000", 27000, 0, 8580, 6000, 6000),
            ("11010519491231002X", "张三", "2026-06", 1, 0, 0, 0, 0, 0),
            ("110105194912310021", "李四", "2026-06", "-5", 0, 0, 0, 0, 0),
            ("110101199003074514", "王五", "2026-12", 1, 0, 0, 0, 0, 0),
            ("合计", "", "", 1, 0, 0, 0, 0, 0),
        ),
    )
    sheet = read_opening_sheet(grid)
    assert sheet.header_row == 2 and sheet.records == ()
    found = [(p.code, p.where.row, p.where.column, p.where.value) for p in sheet.problems]
    assert ("duplicate_person", 3, "证件号码", "11010519491231002X") in found
    assert ("invalid_id_number", 5, "证件号码", "110105194912310021") in found
    assert ("negative_income", 5, "累计收入额", "-5") in found
    assert ("through_december", 6, "所属期止", "2026-12") in found
    clean = SheetGrid("扣缴", ((*HEAD, *PARTS), grid.rows[2]))
    [record] = read_opening_sheet(clean).records
    assert record.figures.special_deductions == D("12000.00")
    assert (record.figures.year, record.figures.through) == (2026, 6)


def test_a_sheet_without_the_special_deductions_says_so() -> None:
    sheet = read_opening_sheet(SheetGrid("扣缴", (HEAD, ("11010519491231002X",))))
    assert [p.message for p in sheet.problems] == ["表中没有“累计专项附加扣除”列"]
