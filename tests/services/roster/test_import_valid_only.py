"""仅导入无误的行 (issue 16): the valid rows import, the rejected rows go back to the clerk
unchanged with a 问题 column, and the fixed file imports again. All or nothing stays the default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from reports.roster.errors_xlsx import write_error_report, write_rejected_rows
from reports.xlsx_reader import pick_roster_sheet, read_workbook
from tests.roster_samples import TITLE, messy_roster
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.people import Worker
from workforce.services.context import Actor, Database
from workforce.services.roster.importing import apply_roster_import, plan_roster_import

TODAY = dt.date(2025, 12, 20)


def test_valid_only_imports_the_good_rows_and_hands_back_the_bad(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    grid = pick_roster_sheet(read_workbook(messy_roster(tmp_path / "花名册.xlsx")))
    plan = plan_roster_import(db, admin, grid, today=TODAY)
    with pytest.raises(ActionRefused, match="有5处错误"):
        apply_roster_import(db, admin, grid, today=TODAY)  # the default: all or nothing

    result = apply_roster_import(db, admin, grid, today=TODAY, valid_only=True)

    assert (result.created, result.updated) == (3, 0)
    assert result.rejected == (4, 8, 9, 10, 11)
    with db.reading() as session:
        assert len(session.scalars(select(Worker)).all()) == 3
        batch = session.scalars(select(AuditEntry).where(AuditEntry.entity == "import_batch")).one()
        assert "5行未导入" in batch.note
        assert batch.changes["rejected"] == [None, "5"]

    out = tmp_path / "未导入的行.xlsx"
    assert write_rejected_rows(out, grid, plan.header_row, plan.problems) == 5
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == TITLE and sheet["B1"].value is None  # the title once, merged
    assert any(str(r).startswith("A1:") for r in sheet.merged_cells.ranges)
    width = len(grid.rows[2])
    assert sheet.cell(3, width + 1).value == "问题"
    back = read_workbook(out)[0]
    for at, excel_row in enumerate(result.rejected, 3):  # each row unchanged, in order
        assert back.rows[at][:width] == grid.rows[excel_row - 1][:width]
        assert str(back.rows[at][width]).startswith(f"原第{excel_row}行：")
    assert "15位有效数字" in sheet.cell(5, width + 1).value  # row 8: the lost digits

    again = plan_roster_import(db, admin, pick_roster_sheet(read_workbook(out)), today=TODAY)
    assert "问题" not in again.unmapped_headers
    assert again.header_row == 3
    # the rows' own errors come back; row 4's duplicate is gone (its twin, row 10, is here too)
    assert {p.where.row for p in again.problems if p.is_error} >= {5, 6, 8}


def test_error_report_writes_a_merged_title_once(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    grid = pick_roster_sheet(read_workbook(messy_roster(tmp_path / "花名册.xlsx")))
    plan = plan_roster_import(db, admin, grid, today=TODAY)
    out = tmp_path / "错误报告.xlsx"
    write_error_report(out, grid, plan.header_row, plan.problems)
    workbook = openpyxl.load_workbook(out)
    sheet = workbook.worksheets[0]
    assert sheet["A1"].value == TITLE
    assert [sheet.cell(1, c).value for c in range(2, 6)] == [None] * 4
    assert any(str(r).startswith("A1:") for r in sheet.merged_cells.ranges)
    problems = workbook["问题清单"]
    kinds = {problems.cell(r, 6).value for r in range(2, problems.max_row + 1)}
    assert kinds == {"错误", "提示"}
    assert problems.cell(2, 5).alignment.wrap_text
