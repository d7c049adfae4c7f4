"""Roster workbooks: export imports back unchanged, the template guides, errors are explained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from reports.roster.xlsx import write_error_report, write_roster, write_template
from reports.xlsx_reader import pick_roster_sheet, read_workbook
from tests.factories import make_worker
from tests.roster_samples import messy_roster
from workforce.domain.roster.columns import COLUMNS
from workforce.domain.roster.worker import CertificateInput
from workforce.services.context import Actor, Database
from workforce.services.roster.export import roster_for_export, template_posts
from workforce.services.roster.importing import apply_roster_import, plan_roster_import
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker

LETTER = {c.key: openpyxl.utils.get_column_letter(i + 1) for i, c in enumerate(COLUMNS)}


def _community(db: Database, admin: Actor) -> int:
    with db.transaction() as session:
        resolver = UnitResolver(session, admin, default_district_id(session))
        return resolver.resolve("新华街道", "光明社区", None)[0]


def _full_worker(db: Database, admin: Actor) -> None:
    """A worker with every field of the file filled, so the round trip covers every column."""
    with db.transaction() as session:
        resolver = UnitResolver(session, admin, default_district_id(session))
        community, grid = resolver.resolve("新华街道", "光明社区", "第三网格")
    data = make_worker(
        community,
        sequence=40,
        male=False,
        grid_id=grid,
        ethnicity="蒙古族",
        political_status="中共党员",
        party_join_date=dt.date(2012, 7, 1),
        school="内蒙古大学",
        major="社会工作",
        recruitment_channel="区招",
        duties="网格员",
        is_committee_member=True,
        post="grid",
        level=5,
        level_start_year=2022,
        phone="0471-6901234",
        bank_account_name="测试40",
        bank_name="中国工商银行新华支行",
        bank_account="6222020200112233446",
        status="试用",
        remarks="2024年转岗",
        retirement_age=55,
    )
    certificate = CertificateInput("社会工作师", dt.date(2020, 6, 20), dt.date(2020, 9, 1))
    create_worker(db, admin, data, certificate)


def test_export_imports_back_unchanged(db: Database, admin: Actor, tmp_path: Path) -> None:
    apply_roster_import(
        db,
        admin,
        pick_roster_sheet(read_workbook(messy_roster(tmp_path / "in.xlsx", errors=False))),
    )
    _full_worker(db, admin)
    rows = roster_for_export(db, admin, full_numbers=True)  # masked numbers cannot import back
    out = tmp_path / "导出.xlsx"
    write_roster(out, rows)

    plan = plan_roster_import(db, admin, pick_roster_sheet(read_workbook(out)))
    assert (len(plan.creates), len(plan.updates), plan.unchanged) == (0, 0, 5)
    assert plan.problems == ()
    assert plan.new_units == ()

    sheet = openpyxl.load_workbook(out)["花名册"]
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    assert sheet.freeze_panes == "G2"
    assert sheet.auto_filter.ref == f"A1:{LETTER['remarks']}6"
    id_cell = sheet[f"{LETTER['id_number']}2"]
    assert (id_cell.data_type, id_cell.value) == ("s", rows[0].id_number)
    birth = sheet[f"{LETTER['birth_date']}2"]
    assert birth.is_date
    assert birth.number_format == "yyyy-mm-dd"
    (full,) = [r for r in range(2, 7) if sheet[f"{LETTER['name']}{r}"].value == "测试40"]
    assert sheet[f"{LETTER['post']}{full}"].value == "专职网格员"
    assert sheet[f"{LETTER['is_committee_member']}{full}"].value == "是"
    assert sheet[f"{LETTER['grid']}{full}"].value == "第三网格"
    assert sheet[f"{LETTER['certificate_level']}{full}"].value == "社会工作师"


def test_the_original_retirement_age_goes_out_and_comes_back(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    """原法定退休年龄 and the 法定退休时间 it gives are columns; the age imports back into the
    person (50, 55 or 60), the date is not read."""
    _full_worker(db, admin)
    create_worker(db, admin, make_worker(_community(db, admin), sequence=41))  # region default
    out = tmp_path / "导出.xlsx"
    write_roster(out, roster_for_export(db, admin, full_numbers=True))
    book = openpyxl.load_workbook(out)
    sheet = book["花名册"]
    rows = {sheet[f"{LETTER['name']}{r}"].value: r for r in (2, 3)}
    full, default = rows["测试40"], rows["测试41"]
    assert sheet[f"{LETTER['retirement_age']}1"].value == "原法定退休年龄"
    assert sheet[f"{LETTER['retirement_age']}{full}"].value == 55
    assert sheet[f"{LETTER['retirement_age']}{default}"].value is None  # the region's default
    retires = sheet[f"{LETTER['retires']}{full}"]
    assert sheet[f"{LETTER['retires']}1"].value == "法定退休时间" and retires.is_date

    sheet[f"{LETTER['retirement_age']}{full}"] = "50岁"
    sheet[f"{LETTER['retirement_age']}{default}"] = 55
    sheet[f"{LETTER['retires']}{default}"] = "胡乱填写"  # computed: never read
    book.save(out)
    plan = plan_roster_import(db, admin, pick_roster_sheet(read_workbook(out)))
    assert plan.problems == ()
    changed = {u.name: [(c.label, c.old, c.new) for c in u.changes] for u in plan.updates}
    assert changed == {
        "测试40": [("原法定退休年龄", "55", "50")],
        "测试41": [("原法定退休年龄", "", "55")],
    }
    apply_roster_import(db, admin, pick_roster_sheet(read_workbook(out)))
    ages = {r.name: r.retirement_age for r in roster_for_export(db, admin)}
    assert ages == {"测试40": 50, "测试41": 55}

    sheet[f"{LETTER['retirement_age']}{full}"] = 58
    book.save(out)
    refused = plan_roster_import(db, admin, pick_roster_sheet(read_workbook(out)))
    (problem,) = [p for p in refused.problems if p.is_error]
    assert "原法定退休年龄应为50、55或60岁" in problem.message
    assert problem.where.column == "原法定退休年龄"


def test_template_has_drop_downs_text_columns_and_instructions(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path, template_posts(db))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["花名册", "填表说明"]
    sheet = book["花名册"]
    lists = {
        str(v.sqref).split(":")[0].rstrip("0123456789"): v.formula1
        for v in sheet.data_validations.dataValidation
        if v.type == "list"
    }
    assert lists == {
        LETTER["sex"]: '"男,女"',
        LETTER["political_status"]: '"中共党员,中共预备党员,共青团员,群众,民主党派"',
        LETTER["fulltime_education"]: '"高中/中专,大专,本科,硕士,博士"',
        LETTER["highest_education"]: '"高中/中专,大专,本科,硕士,博士"',
        LETTER["recruitment_channel"]: '"市招,区招,选任,依规转入,其他"',
        LETTER["duties"]: '"书记,主任,一肩挑,副书记,副主任,委员,专职社工,网格员"',
        LETTER["is_committee_member"]: '"是,否"',
        LETTER["post"]: '"社区正职,社区副职,其他社区工作者,专职网格员"',
        LETTER["certificate_level"]: '"助理社会工作师,社会工作师,高级社会工作师"',
        LETTER["status"]: '"在职,试用,离职,退休,调出"',
    }
    for key in ("id_number", "phone", "bank_account"):
        assert sheet.column_dimensions[LETTER[key]].number_format == "@"
    help_rows = [tuple(r) for r in book["填表说明"].iter_rows(values_only=True)]
    explained = {r[0] for r in help_rows}
    assert {c.header for c in COLUMNS} <= explained
    text = "".join(str(v) for r in help_rows for v in r if v)
    assert "1987.05" in text
    assert "15位有效数字" in text
    assert "其他社区工作者 1–12级" in text


def test_empty_template_imports_as_nothing(db: Database, admin: Actor, tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path, template_posts(db))
    plan = plan_roster_import(db, admin, pick_roster_sheet(read_workbook(path)))
    assert (plan.total_rows, plan.problems, plan.header_row) == (0, (), 1)


def test_error_report_explains_each_row(db: Database, admin: Actor, tmp_path: Path) -> None:
    grid = pick_roster_sheet(read_workbook(messy_roster(tmp_path / "花名册.xlsx")))
    plan = plan_roster_import(db, admin, grid)
    out = tmp_path / "错误报告.xlsx"
    write_error_report(out, grid, plan.header_row, plan.problems)
    book = openpyxl.load_workbook(out)
    data = book["花名册"]
    note = 20  # the column after the sheet's 19 columns
    assert data.cell(3, note).value == "错误说明"
    assert data.cell(1, 1).value.startswith("示范区社区工作者花名册")
    assert data.cell(5, 5).value == "李娜"
    assert data.cell(5, note).value is None, "a row without problems is kept, unexplained"
    assert "15位有效数字" in data.cell(8, note).value
    assert data.cell(11, note).value == (
        "「岗位级别」值「13」：其他社区工作者的岗位等级应在1–12级之间"
    )
    assert "（提示）「银行卡号」" in data.cell(6, note).value
    assert data.cell(9, 7).fill.fgColor.rgb.endswith("FFC7CE")  # the bad ID is highlighted
    assert data.cell(6, 18).fill.fgColor.rgb.endswith("FFEB9C")  # a warning in yellow
    assert data.cell(9, 5).fill.fgColor.rgb in (None, "00000000")
    listed = list(book["问题清单"].iter_rows(values_only=True))
    assert listed[0] == ("工作表", "行", "列", "值", "原因", "类型")
    assert len(listed) == len(plan.problems) + 1
    assert ("花名册", 9, "身份证号码", "150102198803140130", "错误") in {
        (r[0], r[1], r[2], r[3], r[5]) for r in listed
    }


def test_masked_export_says_so_and_is_refused_as_one_message(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    """Issue 16: a masked export re-imported used to give one 前17位应为数字 per row."""
    import pytest

    from workforce.domain.problems import ActionRefused
    from workforce.domain.roster.masked import MASKED_NOTE

    apply_roster_import(
        db,
        admin,
        pick_roster_sheet(read_workbook(messy_roster(tmp_path / "in.xlsx", errors=False))),
    )
    out = tmp_path / "遮挡.xlsx"
    write_roster(out, roster_for_export(db, admin), masked=True)

    sheet = openpyxl.load_workbook(out)["花名册"]
    assert sheet["A1"].value == MASKED_NOTE
    assert [c.value for c in sheet[2]] == [c.header for c in COLUMNS]
    assert "*" * 8 in sheet[f"{LETTER['id_number']}3"].value
    with pytest.raises(ActionRefused, match=r"已遮挡.*不能导入") as refused:
        plan_roster_import(db, admin, pick_roster_sheet(read_workbook(out)))
    assert refused.value.problems == ()
    assert "4人" in str(refused.value)

    unmarked = tmp_path / "去掉说明.xlsx"  # the note removed by hand: the numbers still tell
    wb = openpyxl.load_workbook(out)
    wb["花名册"].delete_rows(1)
    wb.save(unmarked)
    with pytest.raises(ActionRefused, match="已遮挡"):
        plan_roster_import(db, admin, pick_roster_sheet(read_workbook(unmarked)))


def test_roster_prints_a4_landscape_fit_to_width_with_header_and_page_numbers(
    tmp_path: Path, db: Database, admin: Actor
) -> None:
    _full_worker(db, admin)
    out = tmp_path / "花名册.xlsx"
    write_roster(out, roster_for_export(db, admin, full_numbers=True))
    sheet = openpyxl.load_workbook(out)["花名册"]
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize) == ("landscape", 9)
    assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0)  # 1 is the default
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
