"""A clerk's items sheet: headers by alias, months in the forms clerks write, exact amounts, and
problems that name the row and the column."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workforce.domain.payroll.pay_item_sheet import ItemEntry, parse_item_sheet
from workforce.domain.sheet import SheetGrid

ID = "11010519491231002X"


def test_rows_become_items() -> None:
    grid = SheetGrid(
        "项目",
        (
            ("三月工资项目",),
            ("身份证号码", "月份", "项目", "金额（元）", "计税", "税后扣款", "备注"),
            (ID.lower(), "2026年3月", "取暖补贴", 800.0, "否", None, None),
            (ID, dt.date(2026, 4, 1), "扣款", "-50.5", "是", "是", "迟到"),
            (None, None, None, None, None, None, None),
        ),
    )
    entries, problems = parse_item_sheet(grid, None)
    assert problems == []
    assert entries == [
        ItemEntry(ID, dt.date(2026, 3, 1), "取暖补贴", Decimal("800.00"), taxable=False),
        ItemEntry(ID, dt.date(2026, 4, 1), "扣款", Decimal("-50.50"), after_tax=True, note="迟到"),
    ]


def test_problems_name_row_and_column() -> None:
    grid = SheetGrid(
        "项目",
        (
            ("身份证号", "项目名称", "金额"),
            (ID, "奖金", 100.123),
            (ID, "", 5),
            (ID, "补贴", "十元"),
        ),
    )
    entries, problems = parse_item_sheet(grid, dt.date(2026, 3, 1))
    assert entries == []
    assert [p.describe() for p in problems] == [
        "工作表「项目」 第2行 「金额」列 值「100.123」："
        "「100.123」不是以元为单位、最多两位小数的金额",
        "工作表「项目」 第3行 「项目名称」列：项目名称为空",
        "工作表「项目」 第4行 「金额」列 值「十元」：「十元」不是金额",
    ]


def test_a_month_is_needed() -> None:
    grid = SheetGrid("项目", (("身份证号", "项目名称", "金额"), (ID, "奖金", 100)))
    _, problems = parse_item_sheet(grid, None)
    assert [p.message for p in problems] == ["缺少列：月份（或在导入时指定月份）"]


def test_annual_bonus_and_its_tax_treatment() -> None:
    """计税方式 单独计税/并入综合所得 marks an annual bonus with its treatment; 全年一次性奖金 是
    with 计税方式 empty takes the region's default (""); neither: an ordinary item (None)."""
    march = dt.date(2026, 3, 1)
    grid = SheetGrid(
        "项目",
        (
            ("身份证号", "项目名称", "金额", "全年一次性奖金", "计税方式"),
            (ID, "年终奖", 36000, None, "单独计税"),
            (ID, "年终奖", 36000, "是", " 并入综合所得 "),
            (ID, "年终奖", 36000, "是", None),
            (ID, "取暖补贴", 800, None, ""),
            (ID, "年终奖", 100, "是", "分开计税"),
            (ID, "年终奖", 100, "也许", None),
        ),
    )
    entries, problems = parse_item_sheet(grid, march)
    assert [e.annual_bonus for e in entries] == ["separate", "merged", "", None]
    assert [p.describe() for p in problems] == [
        "工作表「项目」 第6行 「计税方式」列 值「分开计税」："
        "「分开计税」应为 单独计税 或 并入综合所得（留空按本地区默认）",
        "工作表「项目」 第7行 「全年一次性奖金」列 值「也许」：应填“是”或“否”",
    ]


def test_an_item_name_longer_than_its_column_is_a_problem_of_its_row() -> None:
    grid = SheetGrid(
        "项目",
        (
            ("身份证号", "姓名", "月份", "项目名称", "金额"),
            ("150102199005170036", "张三", "2026-03", "长" * 31, 100),
        ),
        "项目.xlsx",
    )
    entries, problems = parse_item_sheet(grid, None)
    assert entries == []
    (problem,) = problems
    assert (problem.where.row, problem.where.column) == (2, "项目名称")
    assert "最多30个字" in problem.message
