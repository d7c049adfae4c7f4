"""工资条 PDF and the yearly tax summary workbook: text extractable, font embedded, strips packed
on pages; the workbook's cached totals equal the stored payslips' withholdings."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from reports.formatting import yuan
from reports.payroll.payslip_pdf import groups, paginate, strip_height, write_payslips
from reports.payroll.tax_summary_xlsx import (
    FIRST_MONTH,
    HEADER_ROWS,
    WITHHELD_COL,
    write_tax_summary,
)
from tests.services.payroll_support import ASSISTANT, adopted_in, close, community, hire, user
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.vocab import Role
from workforce.persistence.payroll import Payslip
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.items import add_items
from workforce.services.payroll.slips import payslips_view, tax_summary_view
from workforce.services.roster.workers import load_worker

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _staff(db: Database, people: int) -> None:
    """``people`` workers; every fourth has a 8,000 bonus each month of 2026 (so pays tax)."""
    admin = actor_for(db)
    unit = community(db, admin)
    bonuses = []
    for number in range(1, people + 1):
        certificate = replace(ASSISTANT, number=f"A-{number}") if number % 3 == 0 else None
        worker = hire(
            db, admin, unit, number, certificate, level=1 + number % 12, name=f"职工{number:02d}"
        )
        if number % 4 == 0:
            id_number = load_worker(db, worker).data.id_number
            bonuses += [
                ItemEntry(id_number, dt.date(2026, m, 1), "绩效奖励", Decimal("8000"))
                for m in range(1, 13)
            ]
    add_items(db, admin, bonuses)


def test_strips_are_packed_in_order_with_gaps() -> None:
    assert paginate([]) == [range(0, 0)]
    assert paginate([100.0] * 13) == [range(0, 6), range(6, 12), range(12, 13)]
    assert paginate([700.0, 100.0]) == [range(0, 1), range(1, 2)]


@needs_poppler
def test_payslips_pdf(sqlite_db: Database, tmp_path: Path) -> None:
    _staff(sqlite_db, 14)
    admin = actor_for(sqlite_db)
    adopted_in(sqlite_db, admin, "2026-03")  # the program starts in March
    calculate_month(sqlite_db, admin, "2026-03")

    view = payslips_view(sqlite_db, admin, dt.date(2026, 3, 1))
    target = tmp_path / "slips.pdf"
    font = write_payslips(target, view.header, view.slips)
    text = _text(target)
    pages = len(paginate([strip_height(groups(s)) for s in view.slips]))
    assert pages == 3  # six strips a page
    assert text.count("示范区2026年3月工资条") >= len(view.slips)
    assert f"第 {pages} 页，共 {pages} 页" in text
    for slip in view.slips:
        assert slip.name in text
        assert slip.id_number in text  # masked
        assert yuan(slip.net) in text and yuan(slip.gross) in text
    for label in ("应发合计", "个人所得税", "扣款合计", "实发合计", "累计应纳税所得额"):
        assert label in text
    fonts = subprocess.run(
        ["pdffonts", str(target)], check=True, capture_output=True, text=True
    ).stdout
    if font.embedded:
        cjk = [line for line in fonts.splitlines() if font.name in line or "+" in line]
        assert cjk and all(" yes yes " in line for line in cjk)
        assert "Helvetica" not in fonts


def test_tax_summary_totals_are_the_payslips(sqlite_db: Database, tmp_path: Path) -> None:
    _staff(sqlite_db, 8)
    admin = actor_for(sqlite_db)
    approver = user(sqlite_db, "shenhe", Role.APPROVER)
    for period in ("2026-01", "2026-02"):
        calculate_month(sqlite_db, admin, period)
        close(sqlite_db, period, approver, admin)
    calculate_month(sqlite_db, admin, "2026-03")
    view = tax_summary_view(sqlite_db, admin, 2026)
    target = tmp_path / "tax.xlsx"
    write_tax_summary(target, view)
    with sqlite_db.reading() as session:
        withheld = session.scalar(select(func.sum(Payslip.tax)))
        assert withheld
        gross = session.scalar(select(func.sum(Payslip.gross)))
    sheet = load_workbook(target, data_only=True).worksheets[0]
    # March is not approved: the summary is a draft in its title and page header (§8.6)
    assert view.mark == "草稿（未审核）" and str(sheet.cell(1, 1).value).startswith(view.mark)
    assert view.mark in sheet.oddHeader.center.text
    total_row = HEADER_ROWS + len(view.workers) + 1  # 1-based
    assert sheet.cell(total_row, 1).value == "合计"
    assert Decimal(str(sheet.cell(total_row, WITHHELD_COL + 1).value)) == withheld
    assert Decimal(str(sheet.cell(total_row, WITHHELD_COL - 4).value)) == gross  # 收入合计
    months = [sheet.cell(total_row, FIRST_MONTH + 1 + m).value for m in range(12)]
    assert Decimal(str(sum(months[:3]))).quantize(Decimal("0.01")) == withheld
    assert months[3:] == [0] * 9
    first = HEADER_ROWS + 1
    assert sheet.cell(first, 4).value == view.workers[0].name
    assert Decimal(str(sheet.cell(first, WITHHELD_COL + 1).value)) == view.workers[0].total(
        "withholding"
    )
    formulas = load_workbook(target).worksheets[0]
    assert str(formulas.cell(total_row, WITHHELD_COL + 1).value).startswith("=SUM(")


@needs_poppler
def test_slips_and_tax_summary_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.cli.main import main

    db = str(tmp_path / "w.db")
    assert main(["--db", db, "demo", "--workers", "40", "--seed", "5"]) == 0
    assert main(["--db", db, "payroll", "run", "--month", "2026-01"]) == 0
    capsys.readouterr()
    slips = tmp_path / "slips.pdf"
    assert main(["--db", db, "payroll", "slips", "--month", "2026-01", str(slips)]) == 0
    assert "工资条已保存" in capsys.readouterr().err
    assert "工资条" in _text(slips)
    assert "草稿（未审核）" in _text(slips)  # not approved: in the title and the page header
    assert main(["--db", db, "payroll", "slips", "--month", "2026-02", str(slips)]) == 1
    assert "尚未计算" in capsys.readouterr().err
    summary = tmp_path / "tax.xlsx"
    assert main(["--db", db, "payroll", "tax-summary", "--year", "2026", str(summary)]) == 0
    assert "个税年度汇总表已保存" in capsys.readouterr().err
    assert summary.stat().st_size > 0
