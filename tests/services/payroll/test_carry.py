"""Net pay is never negative (§8.6): a short first month with the full 五险一金 pays 0 and carries
its shortfall as 上月欠扣 into the next month; a leaver's shortfall is 应收个人款. The slips, the
workbook and ``verify`` show and check it, on both databases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl

from reports.payroll.month_xlsx import write_payroll_workbook
from tests.services.payroll_support import close, community, hire, user
from workforce.domain.vocab import Role, WorkerStatus
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.lifecycle import verify_month
from workforce.services.payroll.owed import month_receivables
from workforce.services.payroll.slips import payslips_view
from workforce.services.payroll.views import payroll_workbook_view
from workforce.services.roster.workers import change_status

D = Decimal
JANUARY, FEBRUARY = dt.date(2026, 1, 1), dt.date(2026, 2, 1)


def test_a_short_first_month_carries_into_the_next_and_a_leaver_is_receivable(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    unit = community(db, admin)
    hire(db, admin, unit, 1)  # a whole month: nothing carried
    joined = dt.date(2026, 1, 29)
    hire(db, admin, unit, 2, community_start_date=joined, created=joined)  # 3 days of January
    leaver = hire(db, admin, unit, 3)
    change_status(db, admin, leaver, WorkerStatus.LEFT, dt.date(2026, 1, 4), "辞职")  # 3 days

    january = calculate_month(db, admin, "2026-01")
    # 3 of 31 days: 361.74 + 19.35 = 381.09; the new hire's base at the floor 4,863:
    # 五险一金 1,094.62 due in full; 实发 0 and 713.53 carried.
    assert january.carried == (("测试2", D("713.53")), ("测试3", D("713.53")))
    assert january.net == D("2843.38")  # the whole month's 3,938 − 1,094.62 alone
    slips = {s.name: s for s in payslips_view(db, admin, JANUARY).slips}
    short = slips["测试2"]
    assert (short.gross, short.net) == (D("381.09"), D("0"))
    assert ("欠扣转下月", D("-713.53")) in short.after_tax
    assert short.deductions == short.gross  # net = gross − deductions, with the carry line
    assert payslips_view(db, admin, JANUARY).header.mark == "草稿（未审核）"

    owed = month_receivables(db, admin, JANUARY)
    assert [(r.name, r.amount, r.left_on) for r in owed] == [
        ("测试3", D("713.53"), dt.date(2026, 1, 4))
    ]

    view = payroll_workbook_view(db, admin, JANUARY)
    assert view.carry and [r.name for r in view.receivables] == ["测试3"]
    path = tmp_path / "工资.xlsx"
    write_payroll_workbook(path, view)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[-1] == "应收个人款"
    street = book[book.sheetnames[1]]
    columns = [c.value for c in street[4]]
    rows = {
        r[3]: dict(zip(columns, r, strict=True)) for r in street.iter_rows(5, 7, values_only=True)
    }
    assert (rows["测试2"]["欠扣转下月"], rows["测试2"]["实发合计"]) == (-713.53, 0)
    assert rows["测试2"]["扣款合计"] == rows["测试2"]["应发合计"] == 381.09

    approver, finance = user(db, "shenhe", Role.APPROVER), user(db, "caiwu", Role.FINANCE)
    close(db, "2026-01", approver, finance)
    assert verify_month(db, admin, JANUARY).ok  # the seal covers the carry (format 2)

    february = calculate_month(db, admin, "2026-02")
    assert february.owed_in == D("713.53")  # the leaver's is not carried: they are not paid
    assert february.carried == ()
    slips = {s.name: s for s in payslips_view(db, admin, FEBRUARY).slips}
    recovered = slips["测试2"]
    assert ("上月欠扣", D("713.53")) in recovered.after_tax
    assert recovered.net == D("2843.38") - D("713.53") == D("2129.85")
    assert recovered.tax == 0  # the recovery is cash after tax, not a new deduction
    assert recovered.net == recovered.gross - recovered.deductions
    assert "测试3" not in slips
    close(db, "2026-02", approver, finance)
    assert verify_month(db, admin, FEBRUARY).ok  # the 上月欠扣 chain holds
