"""全年一次性奖金 through the services on both databases (§8.3, 财税〔2018〕164号): the published
example's worker (30,000 a month, 三险一金 4,500, special deductions 2,000; 555, 625, 1,850) is
paid a 36,000 bonus in January, taxed separately by the region's default: 1,080 on its own, the
cumulative withholding unchanged. A second separate bonus in the year is refused; merged in March
it joins the cumulative income. Every month verifies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from reports.payroll.tax_summary_xlsx import ALL_TAX_COL, BONUS_COL, WITHHELD_COL, write_tax_summary
from tests.services.payroll_support import close, community, hire, user
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.payroll.payslip import MERGED, SEPARATE
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import Setting
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.services.context import Actor, Database
from workforce.services.payroll.bases import override_base
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.deductions import declare_deduction
from workforce.services.payroll.items import add_item, add_items, remove_item
from workforce.services.payroll.lifecycle import verify_month
from workforce.services.payroll.slips import payslips_view, tax_summary_view
from workforce.services.payroll.views import payroll_workbook_view
from workforce.services.roster.workers import load_worker

D = Decimal
BONUS = "全年一次性奖金"


def _slip(db: Database, worker_id: int, month: int) -> Payslip:
    with db.reading() as session:
        slip = session.scalar(
            select(Payslip)
            .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
            .where(Payslip.worker_id == worker_id, PayrollMonth.period == dt.date(2026, month, 1))
        )
    assert slip is not None
    return slip


def _published_worker(db: Database, admin: Actor, sequence: int = 1) -> tuple[int, str]:
    unit = community(db, admin)
    worker = hire(db, admin, unit, sequence, level=3, name="赵六")  # 3,738 + 基础绩效 200
    id_number = load_worker(db, worker).data.id_number
    add_items(
        db,
        admin,
        [ItemEntry(id_number, dt.date(2026, m, 1), "岗位补贴", D("26062")) for m in (1, 2, 3)],
    )
    override_base(db, admin, worker, 2026, "20000", "按社保核定基数")
    declare_deduction(db, admin, worker, "赡养老人", "2000", dt.date(2026, 1, 1))
    return worker, id_number


def test_a_separate_bonus_then_a_merged_one(db: Database, admin: Actor, tmp_path: Path) -> None:
    worker, id_number = _published_worker(db, admin)
    add_item(
        db, admin, ItemEntry(id_number, dt.date(2026, 1, 1), BONUS, D("36000"), annual_bonus="")
    )
    approver = user(db, "shenhe", Role.APPROVER)
    calculate_month(db, admin, "2026-01")
    january = _slip(db, worker, 1)
    # Wages alone: 30,000 − 5,000 − 4,500 − 2,000 = 18,500 × 3% = 555; the bonus: 36,000 ÷ 12 =
    # 3,000 → 3%: 1,080, kept out of the cumulative income.
    assert (january.gross, january.bonus_income, january.bonus_tax) == (
        D("66000.00"),
        D("36000.00"),
        D("1080.00"),
    )
    assert (january.cum_income, january.tax) == (D("30000.00"), D("1635.00"))
    assert january.net == D("66000.00") - D("4500.00") - D("1635.00")
    slips = payslips_view(db, admin, dt.date(2026, 1, 1))
    figures = dict(slips.slips[0].tax_figures)
    assert figures["单独计税奖金"] == D("36000.00")
    assert figures["奖金个税"] == D("1080.00")
    assert slips.slips[0].tax == D("1635.00") and slips.slips[0].bonus_tax == D("1080.00")
    workbook = payroll_workbook_view(db, admin, dt.date(2026, 1, 1), tax_columns=True)
    row = workbook.streets[0].rows[0]
    assert row.tax == D("1635.00")
    detail = dict(zip(workbook.tax_columns, row.tax_detail, strict=True))
    assert detail["全年一次性奖金个税"] == D("1080.00")
    assert detail["累计收入"] == D("30000.00")
    close(db, "2026-01", approver, admin)

    calculate_month(db, admin, "2026-02")
    assert _slip(db, worker, 2).tax == D("625.00")  # the bonus tax is not "withheld before"
    close(db, "2026-02", approver, admin)

    second = add_item(
        db,
        admin,
        ItemEntry(id_number, dt.date(2026, 3, 1), BONUS, D("36000"), annual_bonus=SEPARATE),
    )
    with pytest.raises(ActionRefused, match=r"每年只能单独计税一次.*赵六（1月）"):
        calculate_month(db, admin, "2026-03")
    remove_item(db, admin, second)
    add_item(
        db, admin, ItemEntry(id_number, dt.date(2026, 3, 1), BONUS, D("36000"), annual_bonus=MERGED)
    )
    calculate_month(db, admin, "2026-03")
    march = _slip(db, worker, 3)
    # Merged: 90,000 + 36,000 − 15,000 − 13,500 − 6,000 = 91,500 × 10% − 2,520 = 6,630;
    # withheld before 555 + 625 = 1,180 → 5,450.
    assert (march.cum_income, march.bonus_tax, march.tax) == (D("126000.00"), 0, D("5450.00"))
    close(db, "2026-03", approver, admin)
    for month in ("2026-01", "2026-02", "2026-03"):
        report = verify_month(db, admin, month)
        assert report.ok, report.mismatches

    summary = tax_summary_view(db, admin, 2026)
    zhao = summary.workers[0]
    assert [m.withholding for m in zhao.months] == [D("555.00"), D("625.00"), D("5450.00")]
    assert (zhao.total("bonus_income"), zhao.total("bonus_tax")) == (D("36000.00"), D("1080.00"))
    assert zhao.total("income") == D("126000.00")  # wages and the merged bonus
    path = tmp_path / "个税.xlsx"
    write_tax_summary(path, summary)
    sheet = openpyxl.load_workbook(path).active
    header = [sheet.cell(4, col + 1).value for col in (WITHHELD_COL, BONUS_COL, ALL_TAX_COL)]
    assert header == ["预扣税额合计", "全年一次性奖金\n（单独计税）", "个税合计"]
    formulas = openpyxl.load_workbook(path).active
    first = [formulas.cell(5, col + 1).value for col in (WITHHELD_COL, ALL_TAX_COL)]
    assert str(first[0]).startswith("=SUM(") and str(first[1]).startswith("=")


def test_the_item_overrides_the_region_default(db: Database, admin: Actor) -> None:
    """Region default 并入综合所得: an item without a treatment is merged, one marked 单独计税 is
    taxed separately; a bonus must be a taxable payment. A new hire's base is a month's wages
    without the year's bonus (here at the floor)."""
    unit = community(db, admin)
    merged, separate = (hire(db, admin, unit, n, level=3) for n in (1, 2))
    with db.transaction() as session:
        session.merge(Setting(key="annual_bonus_tax", value=MERGED))
    period = dt.date(2026, 1, 1)
    numbers = [load_worker(db, w).data.id_number for w in (merged, separate)]
    add_items(
        db,
        admin,
        [
            ItemEntry(numbers[0], period, BONUS, D("12000"), insurable=False, annual_bonus=""),
            ItemEntry(
                numbers[1], period, BONUS, D("12000"), insurable=False, annual_bonus=SEPARATE
            ),
        ],
    )
    with pytest.raises(ActionRefused, match="应为计税的发放项目"):
        add_item(db, admin, ItemEntry(numbers[0], period, BONUS, D("100"), False, annual_bonus=""))
    calculate_month(db, admin, "2026-01")
    # 3,938 + 12,000 − 5,000 − 1,094.62 (at the floor) = 9,843.38 × 3% = 295.30 merged;
    # separately: wages below 5,000 pay nothing, the bonus 12,000 ÷ 12 → 3%: 360.
    assert (_slip(db, merged, 1).bonus_income, _slip(db, merged, 1).tax) == (0, D("295.30"))
    assert (_slip(db, separate, 1).bonus_income, _slip(db, separate, 1).tax) == (
        D("12000.00"),
        D("360.00"),
    )
    assert verify_month(db, admin, "2026-01").ok
