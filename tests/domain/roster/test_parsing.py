"""Reading roster sheets as clerks fill them: headers, every date form, IDs, posts and levels."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.roster_samples import person_id
from workforce.domain.problems import Problem
from workforce.domain.roster.columns import (
    COLUMNS,
    EXTRA_COLUMNS,
    detect_header,
    key_for_header,
)
from workforce.domain.roster.parse import RosterRecord, parse_roster
from workforce.domain.scale import PostRange
from workforce.domain.sheet import SheetGrid

POSTS = (
    PostRange("principal", "社区正职", 7, 18, aliases=("正职",)),
    PostRange("deputy", "社区副职", 4, 15, aliases=("副职",)),
    PostRange("staff", "其他社区工作者", 1, 12, aliases=("其他",)),
    PostRange("grid", "专职网格员", 1, 12, "staff", ("网格员",)),
)
HEADER = ("序号", "街道", "社区", "姓名", "身份证号", "岗位", "岗位等级")
ID = person_id(1)  # a man born 1988-03-14


def read(*rows: tuple[object, ...], header: tuple[str, ...] = HEADER) -> list[RosterRecord]:
    return list(parse_roster(SheetGrid("花名册", (header, *rows)), POSTS).records)


def one(**cells: object) -> RosterRecord:
    """One data row (Excel row 2) under HEADER plus whatever columns ``cells`` name."""
    base: dict[str, object] = {
        "街道": "新华街道", "社区": "光明社区", "姓名": "张伟", "身份证号": ID, "岗位": "其他",
        "岗位等级": 3,
    }  # fmt: skip
    base.update(cells)
    header = tuple(base)
    (record,) = read(tuple(base.values()), header=header)
    return record


def codes(record: RosterRecord) -> list[str]:
    return [p.code for p in record.problems]


def only(record: RosterRecord, code: str) -> Problem:
    (problem,) = [p for p in record.problems if p.code == code]
    return problem


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("身份证号码", "id_number"),
        ("公民身份号码", "id_number"),
        ("身份证号码（18位）", "id_number"),
        ("*身份证号", "id_number"),
        ("岗位级别", "level"),
        ("等级", "level"),
        ("级别", "level"),
        ("手机", "phone"),
        ("手机号码", "phone"),
        ("电话", "phone"),
        ("进社区时间", "community_start_date"),
        ("社区工作时间", "community_start_date"),
        ("出生年月", "birth_date"),
        ("姓  名", "name"),
        ("姓\n名", "name"),
        ("社区（村）", "community"),
        ("街道/乡镇", "street"),
        ("旗县区", "district"),
        ("是否两委成员（是/否）", "is_committee_member"),
        ("学历", "highest_education"),
        ("全日制学历", "fulltime_education"),
        ("开户银行", "bank_name"),
        ("银行卡号", "bank_account"),
        ("户名", "bank_account_name"),
        ("社会工作者职业资格", "certificate_level"),
        ("人员状态", "status"),
        ("工号", None),
    ],
)
def test_header_aliases(header: str, key: str | None) -> None:
    assert key_for_header(header) == key


def test_every_canonical_header_names_its_own_column() -> None:
    for column in (*COLUMNS, *EXTRA_COLUMNS):
        assert key_for_header(column.header) == column.key


def test_header_below_a_merged_title_row_and_blank_rows() -> None:
    title = ("某区社区工作者花名册",) * 7  # a merged title: the reader repeats it over its range
    grid = SheetGrid("花名册", ((None,), title, (), HEADER, (1, "新华街道")))
    header = detect_header(grid)
    assert header is not None
    assert header.excel_row == 4
    assert header.columns["id_number"] == 4
    assert header.unmapped == ()


def test_two_row_header_combines_group_and_children() -> None:
    parent = ("姓名", "身份证号码", "社工证", "社工证", "社工证", "岗位", "联系电话")
    child = ("姓名", "身份证号码", "等级", "取得日期", "登记日期", "岗位", "联系电话")
    header = detect_header(SheetGrid("s", (parent, child)))
    assert header is not None
    assert header.row == 1
    assert {k: header.columns[k] for k in ("certificate_level", "certificate_obtained")} == {
        "certificate_level": 2,
        "certificate_obtained": 3,
    }
    assert header.columns["certificate_registered"] == 4
    assert header.labels["certificate_level"] == "社工证等级"


def test_two_row_header_without_merge_information() -> None:
    """A .csv or an unmerged sheet: the group name stands only over its first child."""
    parent = ("姓名", "身份证号", "社工证", None, None, "岗位")
    child = (None, None, "等级", "取得日期", "登记日期", None)
    header = detect_header(SheetGrid("s", (parent, child)))
    assert header is not None
    assert header.columns["name"] == 0
    assert header.columns["certificate_registered"] == 4


def test_column_map_names_a_column_the_aliases_do_not_know() -> None:
    grid = SheetGrid("s", (("姓名", "身份证号", "工资卡"),))
    header = detect_header(grid, {"工资卡": "银行账号"})
    assert header is not None
    assert header.columns["bank_account"] == 2


def test_sheet_without_a_header_is_one_problem() -> None:
    parsed = parse_roster(SheetGrid("杂项", (("a", "b"), (1, 2))), POSTS)
    assert [p.code for p in parsed.problems] == ["no_header"]
    assert parsed.problems[0].where.sheet == "杂项"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.date(1987, 5, 3), dt.date(1987, 5, 3)),
        (dt.datetime(1987, 5, 3, 0, 0), dt.date(1987, 5, 3)),  # noqa: DTZ001 - as Excel stores it
        ("1987.05", dt.date(1987, 5, 1)),
        ("1987.5", dt.date(1987, 5, 1)),
        ("1987-5-3", dt.date(1987, 5, 3)),
        ("1987/05/03", dt.date(1987, 5, 3)),
        ("1987年5月", dt.date(1987, 5, 1)),
        ("1987年5月3日", dt.date(1987, 5, 3)),
        ("19870503", dt.date(1987, 5, 3)),
        (31900, dt.date(1987, 5, 3)),  # Excel serial
        (31900.0, dt.date(1987, 5, 3)),
        ("31900", dt.date(1987, 5, 3)),
        (1987.05, dt.date(1987, 5, 1)),  # typed 1987.05 into a number cell
        (1987.12, dt.date(1987, 12, 1)),
        (198705, dt.date(1987, 5, 1)),
        (19870503, dt.date(1987, 5, 3)),
        ("—", None),
    ],
)
def test_every_date_form(cell: object, expected: dt.date | None) -> None:
    record = one(参加工作时间=cell)
    assert record.values.get("work_start_date") == expected
    assert codes(record) == []


def test_number_1987_1_is_read_as_october_with_a_warning() -> None:
    record = one(参加工作时间=1987.1)
    assert record.values["work_start_date"] == dt.date(1987, 10, 1)
    problem = only(record, "doubtful_work_start_date")
    assert not problem.is_error
    assert "1987.01" in problem.message


@pytest.mark.parametrize("cell", ["1987.13", "87年5月", "去年", 1987.123])
def test_unreadable_dates_name_the_cell(cell: object) -> None:
    problem = only(one(参加工作时间=cell), "invalid_work_start_date")
    assert problem.is_error
    assert problem.where.column == "参加工作时间"
    assert problem.where.row == 2


@pytest.mark.parametrize("cell", [float(ID.replace("X", "1")), int("150102198803140031")])
def test_number_typed_id_explains_the_lost_digits(cell: object) -> None:
    record = one(身份证号=cell)
    problem = only(record, "lost_digits_id_number")
    assert "Excel 只保留15位有效数字" in problem.message
    assert "文本" in problem.message
    assert problem.where.value == "150102198803140000"
    assert "id_number" not in record.values


def test_id_in_scientific_notation_from_a_csv_is_the_same_mistake() -> None:
    problem = only(one(身份证号="1.50102E+17"), "lost_digits_id_number")
    assert problem.where.value == "1.50102E+17"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (ID[:17] + "1", "校验位错误：末位应为X，实为1"),
        (ID[:16], "应为18位，实为16位"),
        ("150102198802300012", "不是有效日期"),
    ],
)
def test_invalid_id_numbers(cell: str, message: str) -> None:
    problem = only(one(身份证号=cell), "invalid_id_number")
    assert message in problem.message
    assert problem.where.value == cell


def test_lower_case_x_and_spaces_are_accepted() -> None:
    assert one(身份证号=f" {ID.lower()} ").values["id_number"] == ID


def test_sex_and_birth_date_come_from_the_id_when_empty() -> None:
    record = one()
    assert (record.values["sex"], record.values["birth_date"]) == ("男", dt.date(1988, 3, 14))


@pytest.mark.parametrize(
    ("cells", "code", "message"),
    [
        ({"性别": "女"}, "sex_mismatch", "性别与身份证号不符（身份证号为男）"),
        ({"出生日期": "1988-03-15"}, "birth_date_mismatch", "身份证号为1988-03-14"),
        ({"出生年月": "1988.04"}, "birth_date_mismatch", "身份证号为1988-03-14"),
    ],
)
def test_sex_and_birth_date_must_agree_with_the_id(
    cells: dict[str, object], code: str, message: str
) -> None:
    problem = only(one(**cells), code)
    assert message in problem.message


@pytest.mark.parametrize("cell", ["1988.03", "1988年3月", 1988.03, "1988-03-14", "男"])
def test_a_month_only_birth_date_agrees_with_the_id(cell: object) -> None:
    key = "性别" if cell == "男" else "出生年月"
    record = one(**{key: cell})
    assert codes(record) == []
    assert record.values["birth_date"] == dt.date(1988, 3, 14)


@pytest.mark.parametrize("cell", [3, 3.0, "3", "3级", "三级", " 3 级", "第三级"])
def test_level_forms(cell: object) -> None:
    assert one(岗位等级=cell).values["level"] == 3


@pytest.mark.parametrize(("cell", "expected"), [("十二级", 12), ("十八", 18), ("二十四级", 24)])
def test_level_in_chinese_numerals(cell: str, expected: int) -> None:
    assert one(岗位等级=cell, 岗位="正职").values["level"] == expected


@pytest.mark.parametrize(
    ("post", "level", "message"),
    [
        ("其他", 13, "其他社区工作者的岗位等级应在1–12级之间"),
        ("正职", "6级", "社区正职的岗位等级应在7–18级之间"),
        ("社区副职", 16, "社区副职的岗位等级应在4–15级之间"),
    ],
)
def test_level_outside_the_posts_range(post: str, level: object, message: str) -> None:
    problem = only(one(岗位=post, 岗位等级=level), "level_out_of_range")
    assert problem.message == message
    assert problem.where.column == "岗位等级"


@pytest.mark.parametrize(("cell", "code"), [(3.5, "invalid_level"), ("三级半", "invalid_level")])
def test_level_must_be_a_whole_number(cell: object, code: str) -> None:
    assert code in codes(one(岗位等级=cell))


@pytest.mark.parametrize(("cell", "code"), [("网格员", "grid"), ("社区正职", "principal")])
def test_post_by_name_or_alias(cell: str, code: str) -> None:
    assert one(岗位=cell, 岗位等级=8).values["post"] == code


def test_unknown_post_lists_the_posts_in_force() -> None:
    problem = only(one(岗位="社区主任"), "invalid_post")
    assert "社区正职、社区副职、其他社区工作者、专职网格员" in problem.message


@pytest.mark.parametrize(
    ("column", "cell", "field", "value"),
    [
        ("政治面貌", "党员", "political_status", "中共党员"),
        ("政治面貌", "九三学社", "political_status", "民主党派"),
        ("最高学历", "大学本科", "highest_education", "本科"),
        ("全日制学历", "全日制本科", "fulltime_education", "本科"),
        ("学历", "中专", "highest_education", "高中/中专"),
        ("职务", "社区党委书记", "duties", "书记"),
        ("职务", "书记、主任", "duties", "一肩挑"),
        ("招聘方式", "区级招聘", "recruitment_channel", "区招"),
        ("是否两委成员", "是", "is_committee_member", True),
        ("两委成员", "√", "is_committee_member", True),
        ("是否两委", "否", "is_committee_member", False),
        ("人员状态", "在岗", "status", "在职"),
        ("民族", "蒙古", "ethnicity", "蒙古族"),
        ("手机", 13800000000.0, "phone", "13800000000"),
        ("银行卡号", "6222 0202 0011 2233 446", "bank_account", "6222020200112233446"),
        ("现等级起始年度", "2019年", "level_start_year", 2019),
        ("现等级起始年度", 2019.0, "level_start_year", 2019),
    ],
)
def test_vocabulary_and_aliases(column: str, cell: object, field: str, value: object) -> None:
    record = one(**{column: cell})
    assert record.values[field] == value
    assert codes(record) == []


@pytest.mark.parametrize(
    ("column", "cell", "code"),
    [
        ("性别", "未知", "invalid_sex"),
        ("政治面貌", "无党派", "invalid_political_status"),
        ("最高学历", "小学", "invalid_highest_education"),
        ("是否两委成员", "也许", "invalid_is_committee_member"),
        ("银行卡号", 6.222020200112233e18, "lost_digits_bank_account"),
        ("姓名", "张" * 51, "too_long_name"),
    ],
)
def test_values_that_are_refused(column: str, cell: object, code: str) -> None:
    problem = only(one(**{column: cell}), code)
    assert problem.is_error
    assert problem.where.column == column


def test_certificate_from_its_three_columns() -> None:
    record = one(社工证等级="助理", 社工证取得日期="2019.06", 社工证登记日期="2019-09-01")
    assert record.certificate is not None
    assert record.certificate.level == "助理社会工作师"
    assert record.certificate.obtained_date == dt.date(2019, 6, 1)
    assert record.certificate.registered_date == dt.date(2019, 9, 1)


@pytest.mark.parametrize("cell", [None, "无", "未持证"])
def test_no_certificate(cell: object) -> None:
    assert one(社工证等级=cell).certificate is None


def test_certificate_dates_without_a_level_are_an_error() -> None:
    problem = only(one(社工证取得日期="2019.06"), "missing_certificate_level")
    assert problem.where.column == "社工证取得日期"


def test_duplicate_id_numbers_name_both_rows() -> None:
    row = ("新华街道", "光明社区", "张伟", ID, "其他", 3)
    grid = SheetGrid("花名册", (HEADER, (1, *row), (2, *row[:2], "李娜", *row[3:]), (3, *row)))
    parsed = parse_roster(grid, POSTS)
    rows = [(p.where.row, p.message) for p in parsed.problems]
    assert rows == [(r, "身份证号在本表中重复出现（第2行、第3行、第4行）") for r in (2, 3, 4)]


def test_blank_rows_are_skipped_and_footers_only_warned_about() -> None:
    records = read(
        (1, "新华街道", "光明社区", "张  伟", ID, "其他", 3),
        (None,) * 7,
        (None, "合计", None, "1人"),
        ("填表人：李明", None, None, None, None, "审核人：王红"),
    )
    assert [r.row for r in records] == [2, 4, 5]
    assert records[0].name == "张伟"
    assert [codes(r) for r in records[1:]] == [["skipped_row"], ["skipped_row"]]
    assert not any(r.has_errors for r in records)


def test_a_person_without_an_id_number_is_an_error() -> None:
    (record,) = read((1, "新华街道", "光明社区", "张伟", None, "其他", 3))
    assert codes(record) == ["missing_id_number"]


def test_problems_name_sheet_row_column_and_value() -> None:
    records = read((), (), (1, "新华街道", "光明社区", "张伟", ID, "其他", "十三级"))
    problem = only(records[0], "level_out_of_range")
    assert problem.describe() == (
        "工作表「花名册」 第4行 「岗位等级」列 值「十三级」：其他社区工作者的岗位等级应在1–12级之间"
    )
