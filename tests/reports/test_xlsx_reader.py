"""Reading clerks' files: Excel positions kept, merged cells filled, clear refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from reports.xlsx_reader import pick_roster_sheet, read_workbook
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid


def test_rows_keep_their_excel_numbers_and_merged_cells_are_filled(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet["A2"] = "标题"
    sheet.merge_cells("A2:C2")
    sheet.append(["街道", "姓名", "出生日期"])
    sheet.append(["新华街道", "张伟", dt.date(1988, 3, 14)])
    sheet.append([None, "李娜", None])
    sheet.merge_cells("A4:A5")
    book.save(tmp_path / "a.xlsx")
    (grid,) = read_workbook(tmp_path / "a.xlsx")
    assert grid.name == "花名册"
    assert grid.file_name == "a.xlsx"
    assert grid.rows[0] == (None, None, None)
    assert grid.rows[1] == ("标题", "标题", "标题")
    assert grid.rows[3][2] == dt.date(1988, 3, 14)
    assert grid.rows[4] == ("新华街道", "李娜", None)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_csv_in_utf8_or_gbk(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("姓名,身份证号\n张伟,11010519491231002X\n,\n".encode(encoding))
    (grid,) = read_workbook(path)
    assert grid.name == "名单"
    assert grid.rows == (("姓名", "身份证号"), ("张伟", "11010519491231002X"), (None, None))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ActionRefused, match="不存在"):
        read_workbook(tmp_path / "没有.xlsx")


def test_a_word_document_is_not_a_roster(tmp_path: Path) -> None:
    path = tmp_path / "通知.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(ActionRefused, match="不是 Excel 工作簿或 CSV 文件"):
        read_workbook(path)


def test_damaged_workbook(tmp_path: Path) -> None:
    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"this is not a zip file at all")
    with pytest.raises(ActionRefused, match="文件已损坏"):
        read_workbook(path)


def test_default_sheet_is_the_first_with_a_roster_header(tmp_path: Path) -> None:
    path = tmp_path / "b.xlsx"
    book = xlsxwriter.Workbook(str(path))
    lists = book.add_worksheet("字典")
    lists.write_column(0, 0, ["男", "女"])
    lists.hide()
    book.add_worksheet("空白")
    people = book.add_worksheet("人员")
    people.write_row(0, 0, ["姓名", "身份证号"])
    book.add_worksheet("统计").write(0, 0, "合计")
    book.activate = None
    people.activate()
    book.close()
    sheets = read_workbook(path)
    assert [s.name for s in sheets] == ["空白", "人员", "统计", "字典"]  # hidden ones last
    assert pick_roster_sheet(sheets).name == "人员"
    assert pick_roster_sheet(sheets, "统计").name == "统计"
    with pytest.raises(ActionRefused, match="没有名为「花名册」的工作表"):
        pick_roster_sheet(sheets, "花名册")


def test_an_empty_workbook_is_refused() -> None:
    with pytest.raises(ActionRefused, match="没有任何数据"):
        pick_roster_sheet([SheetGrid("Sheet1", ((None,),))])
