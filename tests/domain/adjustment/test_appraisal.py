"""Appraisal grade sets, the 优秀 quota and reading an appraisal sheet (§5)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories import make_id
from workforce.domain.adjustment.appraisal import (
    GRADE_SETS,
    GradeScheme,
    UnitTally,
    allowed_excellent,
    quota_warnings,
)
from workforce.domain.adjustment.appraisal_sheet import read_appraisal_sheet
from workforce.domain.sheet import SheetGrid

SCHEME = GradeScheme()


def test_default_scheme_and_presets() -> None:
    assert SCHEME.names == ("优秀", "称职", "基本称职", "不称职")
    assert SCHEME.passing_grades == frozenset({"优秀", "称职"})
    assert GradeScheme(GRADE_SETS["良好"]).passing_grades == frozenset({"优秀", "良好", "合格"})
    assert SCHEME.normalise(" 称 职。") == "称职"
    assert SCHEME.normalise("合格") is None


def test_scheme_round_trips_through_the_setting_and_refuses_nonsense() -> None:
    custom = GradeScheme(GRADE_SETS["合格"], excellent_quota=Decimal("0.15"))
    assert GradeScheme.from_setting(custom.to_setting()) == custom
    assert GradeScheme.from_setting("合格").grades == GRADE_SETS["合格"]
    for bad, message in (
        ("甲乙丙", "未知的考核等次预设"),
        ({"grades": []}, "不能为空"),
        ({"preset": "称职", "excellent": "特优"}, "不是设置中的考核等次"),
        ({"preset": "称职", "excellent_quota": "1.5"}, "0到1之间"),
        ({"preset": "称职", "excellent_quota": "两成"}, "0到1之间"),
        (42, "预设名称"),
    ):
        with pytest.raises(ValueError, match=message):
            GradeScheme.from_setting(bad)


@pytest.mark.parametrize(
    ("workers", "excellent", "warned"), [(10, 2, False), (10, 3, True), (4, 1, True), (5, 1, False)]
)
def test_quota_is_a_share_of_the_unit(workers: int, excellent: int, warned: bool) -> None:
    problems = quota_warnings(SCHEME, [UnitTally("光明社区", 2025, workers, excellent)])
    assert bool(problems) is warned
    assert all(not p.is_error for p in problems)
    assert allowed_excellent(SCHEME, 10) == 2


def grid(*rows: tuple[object, ...]) -> SheetGrid:
    return SheetGrid("考核", rows)


def test_sheet_rows_are_read_with_aliases_and_footers_skipped() -> None:
    a, b = make_id(1), make_id(2)
    sheet = read_appraisal_sheet(
        grid(
            ("公民身份号码", "姓 名", "考核年度", "年度考核等次"),
            (a, "张 三", "2025年度", "称职"),
            (b.lower(), "李四", 2024, "优秀"),
            ("合计", None, None, None),
            ("填表人：王五",),
        ),
        SCHEME,
    )
    assert sheet.problems == ()
    assert [(r.row, r.id_number, r.name, r.year, r.grade) for r in sheet.records] == [
        (2, a, "张三", 2025, "称职"),
        (3, b.upper(), "李四", 2024, "优秀"),
    ]
    assert sheet.data_rows == 2


def test_missing_columns_and_the_year_parameter() -> None:
    assert [p.code for p in read_appraisal_sheet(grid(("姓名", "备注")), SCHEME).problems] == [
        "no_header"
    ]
    no_year = grid(("身份证号", "姓名", "考核结果"), (make_id(1), "张三", "称职"))
    assert [p.code for p in read_appraisal_sheet(no_year, SCHEME).problems] == [
        "missing_year_column"
    ]
    assert read_appraisal_sheet(no_year, SCHEME, year=2025).records[0].year == 2025
    other_year = grid(("身份证号", "姓名", "年度", "考核结果"), (make_id(1), "张三", 2024, "称职"))
    [problem] = read_appraisal_sheet(other_year, SCHEME, year=2025).problems
    assert (problem.code, problem.where.row, problem.where.value) == ("year_mismatch", 2, "2024")


def test_row_problems_name_row_column_and_value() -> None:
    a = make_id(1)
    sheet = read_appraisal_sheet(
        grid(
            ("身份证号", "姓名", "年度", "考核结果"),
            ("110105194912310021", "张三", 2025, "称职"),
            (a, None, "去年", None),
        ),
        SCHEME,
    )
    found = [(p.code, p.where.row, p.where.column) for p in sheet.problems]
    assert found == [
        ("invalid_id_number", 2, "身份证号"),
        ("missing_name", 3, "姓名"),
        ("invalid_year", 3, "年度"),
        ("missing_grade", 3, "考核结果"),
    ]
    assert sheet.records == ()


def test_the_appraisal_year_a_clerk_works_on() -> None:
    """Early in the year last year's 考核 (for this year's run); from November this year's (for
    next January's run): the wizard and the grading grid open on these."""
    import datetime as dt

    from workforce.domain.adjustment.appraisal import appraisal_year_at

    assert appraisal_year_at(dt.date(2026, 3, 1)) == 2025
    assert appraisal_year_at(dt.date(2026, 10, 31)) == 2025
    assert appraisal_year_at(dt.date(2026, 11, 1)) == 2026
    assert appraisal_year_at(dt.date(2026, 12, 7)) == 2026
