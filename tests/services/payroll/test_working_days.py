"""Proration by working days through the month calculation (§8.1, a region setting): the demo
region installs the 2026 holiday calendar; a worker joining on 16 June 2026 (端午 on the 19th) is
paid 10 of June's 21 working days, the month keeps the calendar it used, and verify re-derives
every figure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import community, hire
from workforce.domain.payroll.payslip_codec import MonthBasis, lines_from_text
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import Setting
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.lifecycle import verify_month

D = Decimal
JUNE = dt.date(2026, 6, 1)


def _set(db: Database, key: str, value: object) -> None:
    with db.transaction() as session:
        session.merge(Setting(key=key, value=value))


def test_a_joiner_is_paid_by_working_days(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    joiner = hire(
        db,
        admin,
        unit,
        1,
        level=3,
        community_start_date=dt.date(2026, 6, 16),
        created=JUNE.replace(day=16),
    )
    settled = hire(db, admin, unit, 2, level=3)
    _set(db, "proration", "working_days")
    calculate_month(db, admin, "2026-06")
    with db.reading() as session:
        month = session.scalar(select(PayrollMonth).where(PayrollMonth.period == JUNE))
        assert month is not None
        basis = MonthBasis.from_text(month.inputs)
        slips = {
            s.worker_id: s
            for s in session.scalars(select(Payslip).where(Payslip.month_id == month.id))
        }
    assert (basis.proration, basis.days_in_month) == ("working_days", 21)
    assert basis.holidays == ("2026-06-19", "2026-06-20", "2026-06-21")
    slip = slips[joiner]
    assert (slip.days_employed, slip.days_in_month) == (10, 21)
    # 3,738 × 10 ÷ 21 = 1,780.00; 基础绩效 200 × 10 ÷ 21 = 95.24.
    assert [(line.name, line.amount) for line in lines_from_text(slip.lines)] == [
        ("岗位等级工资", D("1780.00")),
        ("基础绩效", D("95.24")),
    ]
    assert slip.gross == D("1875.24")
    assert (slips[settled].days_employed, slips[settled].gross) == (21, D("3938.00"))
    report = verify_month(db, admin, "2026-06")
    assert report.ok, report.mismatches

    # Back to calendar days (the default): 15 of 30 days, and the month's text has no calendar.
    _set(db, "proration", "calendar_days")
    calculate_month(db, admin, "2026-06")
    with db.reading() as session:
        again = session.scalar(select(Payslip.gross).where(Payslip.worker_id == joiner))
        text = session.scalar(select(PayrollMonth.inputs).where(PayrollMonth.period == JUNE))
    assert again == D("1969.00")  # (3,738 + 200) × 15 ÷ 30
    assert text is not None and "holidays" not in text


def test_working_days_need_the_year_calendar(db: Database, admin: Actor) -> None:
    hire(db, admin, community(db, admin), 1, level=3)
    _set(db, "proration", "working_days")
    with pytest.raises(ActionRefused, match="没有2027年的节假日安排"):
        calculate_month(db, admin, "2027-01")
    _set(db, "proration", "by_hours")
    with pytest.raises(ActionRefused, match="by_hours"):
        calculate_month(db, admin, "2026-06")
