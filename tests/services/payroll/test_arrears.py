"""补发 (§8.4): an adjustment run applied into a locked month pays arrears in the next payroll,
once; the run can no longer be reverted once a locked month used it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.payroll.payslip_codec import lines_from_text
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.payroll import PayArrears, PayrollMonth, Payslip
from workforce.persistence.people import Appraisal
from workforce.services.adjustment.apply import apply_run, revert_run
from workforce.services.adjustment.run import approve_run, prepare_run
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.lifecycle import verify_month

D = Decimal


def _lines(db: Database, period: dt.date, worker_id: int) -> list[tuple[str, Decimal]]:
    with db.reading() as session:
        text = session.scalar(
            select(Payslip.lines)
            .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
            .where(PayrollMonth.period == period, Payslip.worker_id == worker_id)
        )
    assert text is not None
    return [(line.name, line.amount) for line in lines_from_text(text)]


def test_arrears_for_locked_months_then_no_revert(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    stepping = hire(db, admin, unit, 1, level=3, level_start_year=2023)
    staying = hire(db, admin, unit, 2, level=5, level_start_year=2025)
    with db.transaction() as session:
        session.add_all(
            Appraisal(worker_id=stepping, year=y, grade="称职") for y in (2023, 2024, 2025)
        )
    approver = user(db, "shenhe", Role.APPROVER)
    for period in ("2026-01", "2026-02"):
        calculate_month(db, admin, period)
        close(db, period, approver, admin)

    run = prepare_run(db, admin, 2026)  # tenure step 3 → 4 from 1 January
    approve_run(db, approver, run.run_id)
    apply_run(db, admin, run.run_id)
    march = calculate_month(db, admin, "2026-03")
    assert march.arrears_lines == 2

    assert _lines(db, dt.date(2026, 3, 1), stepping) == [
        ("岗位等级工资", D("3908.00")),  # level 4 from now on
        ("基础绩效", D("200.00")),
        ("补发2026年1月调级工资", D("170.00")),  # 3,908 − 3,738 for each paid month
        ("补发2026年2月调级工资", D("170.00")),
    ]
    assert _lines(db, dt.date(2026, 3, 1), staying) == [
        ("岗位等级工资", D("4078.00")),
        ("基础绩效", D("200.00")),
    ]
    with db.reading() as session:
        arrears = session.execute(
            select(PayArrears.owed_period, PayArrears.old_amount, PayArrears.amount)
        ).all()
    assert sorted(arrears) == [
        (dt.date(2026, 1, 1), D("3738.00"), D("170.00")),
        (dt.date(2026, 2, 1), D("3738.00"), D("170.00")),
    ]

    # Recalculating March pays the same arrears (its own rows are replaced, not counted twice).
    assert calculate_month(db, admin, "2026-03").changes == ()
    close(db, "2026-03", approver, admin)
    with pytest.raises(ActionRefused, match="2026年3月工资（已锁定）已使用该调级批次"):
        revert_run(db, approver, run.run_id, "考核结果有误")
    # April: the arrears are settled; nothing is paid twice.
    calculate_month(db, admin, "2026-04")
    assert [n for n, _ in _lines(db, dt.date(2026, 4, 1), stepping)] == ["岗位等级工资", "基础绩效"]
    assert verify_month(db, admin, "2026-03").ok


def test_a_run_reverted_before_any_locked_month_used_it(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    stepping = hire(db, admin, unit, 1, level=3, level_start_year=2023)
    with db.transaction() as session:
        session.add_all(
            Appraisal(worker_id=stepping, year=y, grade="称职") for y in (2023, 2024, 2025)
        )
    approver = user(db, "shenhe", Role.APPROVER)
    run = prepare_run(db, admin, 2026)
    approve_run(db, approver, run.run_id)
    apply_run(db, admin, run.run_id)
    calculate_month(db, admin, "2026-01")
    assert _lines(db, dt.date(2026, 1, 1), stepping)[0] == ("岗位等级工资", D("3908.00"))
    revert_run(db, approver, run.run_id, "考核结果有误")  # January only calculated: to draft
    with db.reading() as session:
        assert session.scalar(select(PayrollMonth.status)) == "draft"
    calculate_month(db, admin, "2026-01")
    assert _lines(db, dt.date(2026, 1, 1), stepping)[0] == ("岗位等级工资", D("3738.00"))
