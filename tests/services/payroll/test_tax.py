"""The tax authority's published example (§8.3) through the services: 30,000 a month (scale pay
plus an item), 三险一金 4,500 (an overridden base of 20,000 × 22.5%), special deductions 2,000:
withholding 555 in January, 625 in February, 1,850 in March."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.vocab import Role
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.services.context import Actor, Database
from workforce.services.payroll.bases import override_base
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.deductions import declare_deduction, set_tax_flags
from workforce.services.payroll.items import add_items
from workforce.services.payroll.lifecycle import verify_month
from workforce.services.roster.workers import load_worker

D = Decimal


def _tax(db: Database, worker_id: int) -> list[tuple[int, Decimal, Decimal, Decimal]]:
    with db.reading() as session:
        rows = session.execute(
            select(PayrollMonth.period, Payslip.gross, Payslip.insurance, Payslip.tax)
            .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
            .where(Payslip.worker_id == worker_id)
            .order_by(PayrollMonth.period)
        ).all()
    return [(period.month, gross, insurance, tax) for period, gross, insurance, tax in rows]


def test_published_example_555_625_1850(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1, level=3)  # 3,738 + 基础绩效 200
    id_number = load_worker(db, worker).data.id_number
    add_items(
        db,
        admin,
        [ItemEntry(id_number, dt.date(2026, m, 1), "岗位补贴", D("26062")) for m in (1, 2, 3)],
    )
    override_base(db, admin, worker, 2026, "20000", "按社保核定基数")
    declare_deduction(db, admin, worker, "赡养老人", "2000", dt.date(2026, 1, 1))
    approver = user(db, "shenhe", Role.APPROVER)
    for period in ("2026-01", "2026-02", "2026-03"):
        calculate_month(db, admin, period)
        close(db, period, approver, admin)
    assert _tax(db, worker) == [
        (1, D("30000.00"), D("4500.00"), D("555.00")),
        (2, D("30000.00"), D("4500.00"), D("625.00")),
        (3, D("30000.00"), D("4500.00"), D("1850.00")),
    ]
    assert verify_month(db, admin, "2026-03").ok


def test_first_wage_income_of_the_year_flag(db: Database, admin: Actor) -> None:
    """公告2020年第13号: joined in March with no earlier wage income this year → 5,000 × 3."""
    unit = community(db, admin)
    joined = dt.date(2026, 3, 1)
    worker = hire(db, admin, unit, 1, level=3, community_start_date=joined, created=joined)
    id_number = load_worker(db, worker).data.id_number
    add_items(db, admin, [ItemEntry(id_number, dt.date(2026, 3, 1), "岗位补贴", D("16062"))])
    override_base(db, admin, worker, 2026, "20000", "按社保核定基数")
    calculate_month(db, admin, "2026-03")
    assert _tax(db, worker)[0][3] == D("315.00")  # (20,000 − 5,000 − 4,500) × 3%: March only
    set_tax_flags(db, admin, worker, 2026, first_income_of_year=True, prior_year_low_income=False)
    calculate_month(db, admin, "2026-03")
    assert _tax(db, worker)[0][3] == D("15.00")  # (20,000 − 15,000 − 4,500) × 3%
