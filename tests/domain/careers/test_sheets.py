"""Reading certificate lists and sign-in sheets: headers by alias under a title row, one record per
person and level with every registration, conflicts as problems naming sheet, row, column, value."""

from __future__ import annotations

import datetime as dt

from workforce.domain.careers.certificate_sheet import read_certificate_sheet
from workforce.domain.careers.signin_sheet import read_signin_sheet
from workforce.domain.sheet import SheetGrid

TODAY = dt.date(2026, 3, 1)
A = "11010519491231002X"
B = "150102199005170036"


def grid(header: tuple[str, ...], *rows: tuple[object, ...]) -> SheetGrid:
    return SheetGrid("表", (("某某街道社工证登记表",), header, *rows))


def test_rows_of_one_certificate_are_its_registrations() -> None:
    sheet = read_certificate_sheet(
        grid(
            ("身份证号码", "姓名", "社工证等级", "证书号", "取证时间", "注册日期"),
            (A, "张三", "中级", "s 01", "2019.10", "2020-06-01"),
            (A, "张 三", "社会工作师", None, None, "2023年5月"),
            (B, "李四", "助理", None, None, None),
            (None, None, None, None, None, None),
            ("填表人：王五", None, None, None, None, None),
        ),
        TODAY,
    )
    assert (sheet.header_row, sheet.data_rows, sheet.problems) == (2, 3, ())
    first, second = sheet.records
    assert (first.rows, first.level, first.number, first.obtained, first.registrations) == (
        (3, 4),
        "社会工作师",
        "S01",
        dt.date(2019, 10, 1),
        (dt.date(2020, 6, 1), dt.date(2023, 5, 1)),
    )
    assert (second.id_number, second.level, second.registrations) == (B, "助理社会工作师", ())


def test_conflicts_fail_every_row_involved() -> None:
    sheet = read_certificate_sheet(
        grid(
            ("身份证号", "姓名", "证书等级", "证书编号", "取得日期", "登记日期"),
            (A, "张三", "中级", "S1", "2019-10-01", "2020-06-01"),
            (A, "张三", "中级", "S2", None, "2023-06-01"),  # rows 3, 4: two numbers
            (B, "李四", "助理", "X", None, None),
            (A, "张三", "高级", "X", None, None),  # rows 5, 6: X on two people
            (B, "李四", None, None, None, "2021-13-01"),  # row 7: no level, no such date
        ),
        TODAY,
    )
    assert sheet.records == ()
    assert [(p.code, p.where.row, p.where.column, p.where.value) for p in sheet.problems] == [
        ("conflicting_number", 3, "证书编号", "S1"),
        ("conflicting_number", 4, "证书编号", "S2"),
        ("duplicate_number", 5, "证书编号", "X"),
        ("duplicate_number", 6, "证书编号", "X"),
        ("missing_level", 7, "证书等级", ""),
        ("invalid_registered", 7, "登记日期", "2021-13-01"),
    ]
    assert read_certificate_sheet(grid(("姓名", "证书编号")), TODAY).problems[0].code == "no_header"


def test_signin_sheet_by_id_or_by_name() -> None:
    sheet = read_signin_sheet(
        grid(
            ("序号", "姓名", "身份证号", "考核结果"),
            (1, "张三", A, "合格"),
            (2, "王 五", None, None),
            (3, "赵六", None, "不合格"),
            (4, "钱七", None, "优"),
            (5, None, B, None),
            ("合计", "5人", None, None),
        )
    )
    assert [(r.row, r.id_number, r.name, r.passed) for r in sheet.records] == [
        (3, A, "张三", True),
        (4, "", "王五", True),
        (5, "", "赵六", False),
    ]
    assert [(p.code, p.where.row, p.where.column) for p in sheet.problems] == [
        ("invalid_passed", 6, "考核结果"),
        ("missing_name", 7, "姓名"),
    ]
