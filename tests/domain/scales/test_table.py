"""Reading a pay scale sheet (long and wide forms), every kind of problem, comparing versions."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from workforce.domain.roster.cells import CellError
from workforce.domain.scale import PostRange, ScaleVersion
from workforce.domain.scales.table import (
    LONG,
    WIDE,
    compare_scales,
    parse_amount,
    parse_scale_sheet,
    validate_posts,
)
from workforce.domain.sheet import Cell, SheetGrid

POSTS = (
    PostRange("principal", "社区正职", 7, 18, aliases=("正职",)),
    PostRange("deputy", "社区副职", 4, 15, aliases=("副职",)),
    PostRange("staff", "其他社区工作者", 1, 12, aliases=("其他",)),
    PostRange("grid", "专职网格员", 1, 12, paid_as="staff"),
)
DEMO = Path(__file__).parents[3] / "workforce" / "data" / "demo-scale.csv"


def demo_rows() -> list[tuple[Cell, ...]]:
    with DEMO.open(encoding="utf-8") as handle:
        return [tuple(row) for row in csv.reader(handle)]


def long_grid(rows: list[tuple[Cell, ...]]) -> SheetGrid:
    return SheetGrid("薪酬标准", tuple(rows), "scale.xlsx")


def wide_grid(edit: dict[tuple[int, str], Cell] | None = None) -> SheetGrid:
    """A title row, then 等级 and one column per post, levels 1–18; blank outside a range."""
    amounts = {(r[0], int(r[1])): Decimal(r[2]) for r in demo_rows()[1:]}
    header = ("等级", "社区正职（元/月）", "社区副职", "其他社区工作者")
    rows: list[tuple[Cell, ...]] = [("示范地区薪酬标准", None, None, None), header]
    for level in range(1, 19):
        row: list[Cell] = [f"{level}级"]
        for code in ("principal", "deputy", "staff"):
            value = amounts.get((code, level))
            cell: Cell = float(value) if value is not None else None
            row.append(edit.get((level, code), cell) if edit else cell)
        rows.append(tuple(row))
    return SheetGrid("Sheet1", tuple(rows))


def codes(grid: SheetGrid) -> list[tuple[str, int | None, str, str]]:
    parsed = parse_scale_sheet(grid, POSTS)
    return [(p.code, p.where.row, p.where.column, p.where.value) for p in parsed.problems]


def test_long_form_demo_csv_reads_every_amount() -> None:
    parsed = parse_scale_sheet(long_grid(demo_rows()), POSTS)
    assert parsed.form == LONG
    assert parsed.problems == ()
    assert len(parsed.amounts) == 12 + 12 + 12
    assert parsed.amounts[("staff", 3)] == Decimal("3738.00")
    assert parsed.amounts[("principal", 18)] > parsed.amounts[("principal", 7)]


def test_long_form_with_chinese_headers_and_post_names() -> None:
    rows = demo_rows()
    names = {"principal": "社区正职", "deputy": "副职", "staff": "其他社区工作者"}
    chinese = [("岗位", "岗位等级", "月标准（元）")] + [
        (names[str(p)], f"{lv}级", f"{a}.00") for p, lv, a in rows[1:]
    ]
    parsed = parse_scale_sheet(long_grid(chinese), POSTS)
    assert parsed.problems == ()
    assert parsed.amounts[("deputy", 4)] == Decimal("4188.00")


def test_wide_form_with_title_row_and_float_cells() -> None:
    parsed = parse_scale_sheet(wide_grid(), POSTS)
    assert parsed.form == WIDE
    assert parsed.problems == ()
    assert parsed.amounts[("staff", 12)] == Decimal("5267.00")
    assert len(parsed.amounts) == 36


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("abc", "invalid_amount"),
        (0, "amount_not_positive"),
        (-5, "amount_not_positive"),
        ("3398.123", "amount_decimals"),
        (True, "invalid_amount"),
    ],
)
def test_bad_amounts_name_row_column_and_value(cell: Cell, code: str) -> None:
    # level 3 is Excel row 5: a title row, the header and levels 1 and 2 above it
    assert (code, 5, "其他社区工作者") in [
        (c, r, col) for c, r, col, _ in codes(wide_grid({(3, "staff"): cell}))
    ]


def test_amount_parsing_is_exact() -> None:
    assert parse_amount(3398.5) == Decimal("3398.50")
    assert parse_amount("3,398.00元") == Decimal("3398.00")
    assert parse_amount(Decimal("1.10")) == Decimal("1.10")
    with pytest.raises(CellError, match="两位小数"):
        parse_amount(0.001)


def test_unknown_post_duplicate_out_of_range_and_missing_levels() -> None:
    rows = [r for r in demo_rows() if r[:2] != ("principal", "9")]
    rows.append(("staff", "3", "3800"))  # Excel row 37, a second staff 3 (row 4)
    rows.append(("四级岗", "1", "3000"))  # row 38
    rows.append(("deputy", "16", "6000"))  # row 39: deputy ends at 15
    parsed = parse_scale_sheet(long_grid(rows), POSTS)
    found = codes(long_grid(rows))
    assert ("duplicate", 37, "monthly_pay", "3800") in found
    assert ("unknown_post", 38, "post", "四级岗") in found
    assert ("level_out_of_range", 39, "monthly_pay", "6000") in found
    missing = [p.message for p in parsed.problems if p.code == "missing"]
    assert missing == ["缺少社区正职9级的月标准"]
    duplicate = next(p for p in parsed.problems if p.code == "duplicate")
    assert "第4行" in duplicate.message
    assert duplicate.describe().startswith("工作表「薪酬标准」 第37行 「monthly_pay」列 值「3800」")
    assert parsed.has_errors


def test_a_post_left_out_entirely_is_one_problem() -> None:
    rows = [r for r in demo_rows() if r[0] != "deputy"]
    parsed = parse_scale_sheet(long_grid(rows), POSTS)
    assert [(p.code, p.message) for p in parsed.problems] == [
        ("missing_post", "缺少社区副职的月标准（4–15级）")
    ]


def test_wide_form_value_outside_range_unknown_column_and_blank_level() -> None:
    grid = wide_grid({(1, "principal"): 3000.0})
    rows = [list(r) for r in grid.rows]
    rows[1].append("四岗")
    rows.append(["", None, None, 9999])
    found = codes(SheetGrid("Sheet1", tuple(tuple(r) for r in rows)))
    assert ("level_out_of_range", 3, "社区正职（元/月）", "3000") in found
    assert ("unknown_post", 2, "四岗", "四岗") in found
    assert ("missing_level", 21, "等级", "") in found


def test_invalid_level_and_parity_post_warning() -> None:
    rows = demo_rows()
    rows.append(("staff", "十三级半", "5000"))
    rows.append(("网格员", "1", "3398"))
    rows.append(("专职网格员", "2", "3568"))
    parsed = parse_scale_sheet(long_grid(rows), POSTS)
    kinds = {(p.code, p.severity.value, p.where.row) for p in parsed.problems}
    assert ("invalid_level", "error", 38) in kinds
    assert ("parity_post", "warning", 40) in kinds
    assert ("unknown_post", "error", 39) in kinds  # "网格员" is not an alias in these posts


def test_no_header_and_not_ascending_warning() -> None:
    assert codes(SheetGrid("空", (("a", "b"), (1, 2)))) == [("no_header", None, "", "")]
    rows = demo_rows()
    rows = [r if r[:2] != ("staff", "5") else ("staff", "5", "3000") for r in rows]
    parsed = parse_scale_sheet(long_grid(rows), POSTS)
    assert [(p.code, p.is_error) for p in parsed.problems] == [("not_ascending", False)]


def test_validate_posts() -> None:
    assert validate_posts(POSTS) == []
    bad = (
        PostRange("a", "甲", 5, 3),
        PostRange("a", "乙", 1, 2),
        PostRange("b", "丙", 1, 2, paid_as="zzz"),
    )
    assert [p.code for p in validate_posts(bad)] == [
        "duplicate_post",
        "invalid_range",
        "duplicate_post",
        "invalid_parity",
    ]


def test_compare_gives_old_new_and_difference_in_post_order() -> None:
    old = ScaleVersion(
        dt.date(2020, 1, 1),
        POSTS[:1],
        {("principal", 7): Decimal("4500"), ("principal", 8): Decimal("4600")},
    )
    new = ScaleVersion(
        dt.date(2026, 1, 1),
        POSTS[:3],
        {
            ("staff", 1): Decimal("3500"),
            ("principal", 7): Decimal("4700.50"),
            ("principal", 8): Decimal("4600"),
        },
    )
    diffs = compare_scales(old, new)
    assert [(d.post, d.level) for d in diffs] == [("principal", 7), ("principal", 8), ("staff", 1)]
    assert diffs[0].difference == Decimal("200.50")
    assert not diffs[1].changed
    assert (diffs[2].post_name, diffs[2].old, diffs[2].new, diffs[2].difference) == (
        "其他社区工作者",
        None,
        Decimal("3500"),
        None,
    )
