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
