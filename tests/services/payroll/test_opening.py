"""Opening figures (期初累计, §8.6) on SQLite and PostgreSQL: a worker paid January–June outside the
program and July inside is withheld, month by month, exactly what the whole year calculated inside
withholds; the import is all or nothing with errors naming row, column and value; figures of a
year with an approved month are refused; the month order; 撤销计算."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.payroll.opening_sheet import OpeningFigures
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import OpeningBalance, PayrollMonth, Payslip
from workforce.services.context import Actor, Database
from workforce.services.payroll.bases import override_base
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.deductions import declare_deduction
from workforce.services.payroll.discard import discard_month, discard_preview
from workforce.services.payroll.items import add_items
from workforce.services.payroll.lifecycle import approve_month, return_month, verify_month
from workforce.services.payroll.opening import list_openings
from workforce.services.payroll.opening_edits import correct_opening
from workforce.services.payroll.opening_import import apply_opening_import, plan_opening_import
from workforce.services.payroll.order import month_to_calculate
from workforce.services.payroll.slips import tax_summary_view
from workforce.services.roster.workers import load_worker

D = Decimal
HEAD = (
    "证件号码",
    "姓名",
    "所属期止",
    "累计收入额",
    "累计免税收入",
    "累计减除费用",
    "累计专项扣除",
    "累计专项附加扣除",
    "累计其他扣除",
    "累计已预缴税额",
)
# Items on top of the scale pay (3,938): the cumulative taxable crosses 36,000 in February and
# 144,000 in September; in April and October the cumulative tax falls below what is withheld
# (no refund: 0).
ITEMS = {1: 26062, 2: 26062, 3: 16062, 4: 6062, 5: 26062, 6: 36062}
ITEMS.update({7: 26062, 8: 36062, 9: 26062, 10: 6062, 11: 26062, 12: 46062})


def _grid(*rows: tuple[object, ...], head: tuple[str, ...] = HEAD) -> SheetGrid:
    return SheetGrid("期初", (head, *rows), "扣缴客户端导出.xlsx")


def _worker(db: Database, admin: Actor, sequence: int = 1) -> tuple[int, str, str]:
    unit = community(db, admin)
    worker = hire(db, admin, unit, sequence, level=3)
    data = load_worker(db, worker).data
    return worker, data.id_number, data.name


def _taxes(db: Database, worker_id: int, year: int) -> dict[int, Decimal]:
    with db.reading() as session:
        rows = session.execute(
            select(PayrollMonth.period, Payslip.tax)
            .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
            .where(Payslip.worker_id == worker_id, PayrollMonth.period >= dt.date(year, 1, 1))
            .where(PayrollMonth.period <= dt.date(year, 12, 1))
        ).all()
    return {period.month: tax for period, tax in rows}


def _pay_year(
    db: Database, admin: Actor, approver: Actor, worker: tuple[int, str, str], year: int, first: int
) -> None:
    worker_id, number, _ = worker
    entries = [
        ItemEntry(number, dt.date(year, m, 1), "岗位补贴", D(amount))
        for m, amount in ITEMS.items()
        if amount and m >= first
    ]
    add_items(db, admin, entries)
    override_base(db, admin, worker_id, year, "20000", "按社保核定基数")
    for month in range(first, 13):
        calculate_month(db, admin, f"{year}-{month:02d}")
        close(db, f"{year}-{month:02d}", approver, admin)


def test_golden_january_to_june_outside_then_july_inside(db: Database, admin: Actor) -> None:
    """2026 is calculated here from January; 2027 begins in July from the figures 2026 had
    through June (as the withholding client would report them): July–December withhold the same
    to the fen, and the month verifies against the figures it continued from."""
    worker = _worker(db, admin)
    worker_id, number, name = worker
    declare_deduction(db, admin, worker_id, "赡养老人", "2000", dt.date(2026, 1, 1))
    approver = user(db, "shenhe", Role.APPROVER)
    _pay_year(db, admin, approver, worker, 2026, 1)
    inside = _taxes(db, worker_id, 2026)
    with db.reading() as session:
        june = session.execute(
            select(Payslip)
            .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
            .where(PayrollMonth.period == dt.date(2026, 6, 1), Payslip.worker_id == worker_id)
        ).scalar_one()
        withheld = june.withheld_before + june.tax - june.bonus_tax
        figures = (june.cum_income, june.cum_exempt, june.cum_insurance, june.cum_special)
        other = june.cum_other
    assert sum(v for m, v in inside.items() if m <= 6) == withheld
    row = (number, name, "2027-06", figures[0], figures[1], 30000, figures[2], figures[3], other)
    result = apply_opening_import(db, admin, _grid((*row, withheld)))
    assert (result.year, result.through, result.written) == (2027, 6, 1)
    _pay_year(db, admin, approver, worker, 2027, 7)
    outside = _taxes(db, worker_id, 2027)
    assert outside == {m: inside[m] for m in range(7, 13)}
    assert [inside[m] for m in range(1, 13)] == [
        D("555.00"),
        D("625.00"),
        D("850.00"),
        D("0.00"),
        D("1700.00"),
        D("2850.00"),
        D("1850.00"),
        D("2850.00"),
        D("3100.00"),
        D("0.00"),
        D("3400.00"),
        D("7700.00"),
    ]
    assert verify_month(db, admin, "2027-07").ok
    # the yearly tax summary shows January–June as 期初 and its totals are the whole year's
    whole, begun = tax_summary_view(db, admin, 2026), tax_summary_view(db, admin, 2027)
    assert (whole.opening_through, begun.opening_through) == (None, 6)
    (all_year,), (mid_year,) = whole.workers, begun.workers
    assert mid_year.opening is not None
    assert (mid_year.opening.first, mid_year.opening.through) == (1, 6)
    assert mid_year.opening.withholding == withheld
    for field in ("income", "exempt", "insurance", "special", "withholding"):
        assert mid_year.total(field) == all_year.total(field), field
    assert mid_year.cum_taxable == all_year.cum_taxable


def test_an_import_with_an_error_writes_nothing(db: Database, admin: Actor) -> None:
    _, n1, name1 = _worker(db, admin, 1)
    _, n2, name2 = _worker(db, admin, 2)
    _, n3, name3 = _worker(db, admin, 3)
    grid = _grid(
        (n1, name1, "2026-06", 180000, 0, 25000, 27000, 12000, 0, 5130),  # 累计减除费用 ≠ 30,000
        (n2, "别人", "2026-06", 100000, 0, 30000, 15000, 0, 0, 1530),  # not that person's name
        (n3, name3, "2026-05", 100000, 0, 30000, 15000, 0, 0, 1530),  # another 所属期止
        ("110101199001011237", "无此人", "2026-06", 1, 0, 30000, 0, 0, 0, 0),
        (n3, name3, "2026-06", "12.345", 0, 30000, 0, 0, 0, 0),
    )
    plan = plan_opening_import(db, admin, grid)
    found = {(p.code, p.where.row, p.where.column, p.where.value) for p in plan.problems}
    assert ("basic_mismatch", 2, "累计减除费用", "25000.00") in found
    assert ("name_mismatch", 3, "姓名", "别人") in found
    assert ("mixed_through", 4, "所属期止", "2026-05") in found
    assert ("unknown_person", 5, "证件号码", "110101199001011237") in found
    assert ("invalid_income", 6, "累计收入额", "12.345") in found
    assert plan.has_errors
    with pytest.raises(ActionRefused, match="期初累计表有误"):
        apply_opening_import(db, admin, grid)
    with db.reading() as session:
        assert session.scalars(select(OpeningBalance)).all() == []
    assert name2  # the real name is not the sheet's


def test_a_clean_import_is_listed_audited_and_corrected(db: Database, admin: Actor) -> None:
    worker_id, number, name = _worker(db, admin)
    row = (number, name, "2026-06", "180000.00", 0, 30000, "27000", "12000", 0, "8580")
    plan = plan_opening_import(db, admin, _grid(row))
    assert not plan.has_errors and plan.warnings == () and len(plan.changes) == 1
    apply_opening_import(db, admin, _grid(row))
    again = plan_opening_import(db, admin, _grid(row))
    assert (again.unchanged, again.changes) == (1, ())  # the same sheet again changes nothing
    [listed] = list_openings(db, admin, 2026)
    assert (listed.name, listed.months, listed.expected_basic) == (name, 6, D("30000"))
    assert listed.figures.withheld == D("8580.00")
    corrected = OpeningFigures(
        2026, 6, D("181000"), D(0), D("27000"), D("12000"), D(0), D("8680"), None
    )
    shown = correct_opening(db, admin, worker_id, corrected, "扣缴客户端重新导出")
    assert shown.figures.income == D("181000.00")
    with db.reading() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "payroll_opening")
        ).all()
    assert sorted(actions) == ["correct", "import"]


def test_withheld_unlike_the_figures_is_a_warning(db: Database, admin: Actor) -> None:
    _, number, name = _worker(db, admin)
    plan = plan_opening_import(
        db, admin, _grid((number, name, "2026-06", 180000, 0, "", 27000, 12000, 0, 5000))
    )
    assert not plan.has_errors
    assert [p.code for p in plan.warnings] == ["withheld_differs"]


def test_figures_of_a_year_with_an_approved_month_are_refused(db: Database, admin: Actor) -> None:
    worker_id, number, name = _worker(db, admin)
    row = (number, name, "2026-06", 180000, 0, 30000, 27000, 12000, 0, 5130)
    apply_opening_import(db, admin, _grid(row))
    calculate_month(db, admin, "2026-07")
    approver = user(db, "shenhe", Role.APPROVER)
    approve_month(db, approver, "2026-07")
    changed = (number, name, "2026-06", 190000, 0, 30000, 27000, 12000, 0, 6130)
    plan = plan_opening_import(db, admin, _grid(changed))
    assert plan.problems[0].code == "year_closed"
    with pytest.raises(ActionRefused, match="已审核"):
        apply_opening_import(db, admin, _grid(changed))
    figures = OpeningFigures(2026, 6, D(1), D(0), D(0), D(0), D(0), D(0))
    with pytest.raises(ActionRefused, match="已审核"):
        correct_opening(db, admin, worker_id, figures, "更正")
    # Returned to draft, the month goes back to draft again when the figures change.
    return_month(db, approver, "2026-07", "期初累计有误")
    apply_opening_import(db, admin, _grid(changed))
    with db.reading() as session:
        status = session.scalar(select(PayrollMonth.status))
    assert status == "draft"


def test_the_year_starts_in_january_or_after_the_opening(db: Database, admin: Actor) -> None:
    _, number, name = _worker(db, admin)
    assert month_to_calculate(db, admin, dt.date(2026, 5, 20)) == dt.date(2026, 1, 1)
    with pytest.raises(ActionRefused, match="2026年1月的工资尚未计算") as refused:
        calculate_month(db, admin, "2026-03")
    assert "期初累计" in refused.value.message
    row = (number, name, "2026-06", 180000, 0, 30000, 27000, 12000, 0, 5130)
    apply_opening_import(db, admin, _grid(row))
    assert month_to_calculate(db, admin, dt.date(2026, 5, 20)) == dt.date(2026, 7, 1)
    with pytest.raises(ActionRefused, match="已录入期初累计"):
        calculate_month(db, admin, "2026-06")
    with pytest.raises(ActionRefused, match="2026年7月的工资尚未计算"):
        calculate_month(db, admin, "2026-08")
    calculate_month(db, admin, "2026-07")
    assert month_to_calculate(db, admin) == dt.date(2026, 7, 1)  # being worked on
    close(db, "2026-07", user(db, "shenhe", Role.APPROVER), admin)
    assert month_to_calculate(db, admin) == dt.date(2026, 8, 1)  # after the last locked


def test_a_year_whose_people_start_later_starts_with_them(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    joined = dt.date(2026, 3, 1)
    hire(db, admin, unit, 1, community_start_date=joined, created=joined)
    assert month_to_calculate(db, admin, dt.date(2026, 1, 5)) == dt.date(2026, 3, 1)
    assert calculate_month(db, admin, "2026-03").workers == 1


def test_a_calculated_month_is_discarded_with_its_totals(db: Database, admin: Actor) -> None:
    _worker(db, admin)
    result = calculate_month(db, admin, "2026-01")
    preview = discard_preview(db, admin, "2026-01")
    assert (preview.workers, preview.net) == (1, result.net)
    removed = discard_month(db, admin, "2026-01", expected_version=preview.version)
    assert removed.net == result.net
    with db.reading() as session:
        assert session.scalars(select(PayrollMonth)).all() == []
        assert session.scalars(select(Payslip)).all() == []
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "discard_calculation")
        ).one()
    assert f"{result.net:,.2f}" in entry.note
    with pytest.raises(ActionRefused, match="尚未计算"):
        discard_month(db, admin, "2026-01")
    calculate_month(db, admin, "2026-01")  # calculated again, as if never before
    approve_month(db, user(db, "shenhe", Role.APPROVER), "2026-01")
    with pytest.raises(ActionRefused, match="已审核，不能撤销"):
        discard_month(db, admin, "2026-01")


def test_after_a_locked_december_comes_the_next_years_start(db: Database, admin: Actor) -> None:
    _, number, name = _worker(db, admin)
    rows = [(number, name, f"{year}-11", 0, 0, "", 0, 0, 0, 0) for year in (2026, 2027)]
    apply_opening_import(db, admin, _grid(rows[0]))
    calculate_month(db, admin, "2026-12")
    close(db, "2026-12", user(db, "shenhe", Role.APPROVER), admin)
    assert month_to_calculate(db, admin, dt.date(2026, 12, 30)) == dt.date(2027, 1, 1)
    apply_opening_import(db, admin, _grid(rows[1]))  # 2027 also begun elsewhere, up to November
    assert month_to_calculate(db, admin, dt.date(2026, 12, 30)) == dt.date(2027, 12, 1)
