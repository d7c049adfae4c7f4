"""A locked month does not drift (§8.6): a dated change whose date falls in an approved or locked
month is refused; the stored months keep the figures they were paid with."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import close, community, hire, user
from tests.services.scales.test_admin import raised_grid
from workforce.domain.payroll.payslip_codec import lines_from_text
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.services.context import Actor, Database
from workforce.services.payroll.bank import bank_view
from workforce.services.payroll.bases import override_base
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.deductions import declare_deduction, set_tax_flags
from workforce.services.payroll.lifecycle import approve_month
from workforce.services.payroll.rates import set_bounds, set_rate
from workforce.services.payroll.screens import month_review, slip_detail
from workforce.services.payroll.slips import payslips_view
from workforce.services.payroll.views import payroll_workbook_view
from workforce.services.roster.workers import load_worker, update_worker
from workforce.services.scales.admin import (
    import_scale,
    import_scale_retroactively,
    list_scales,
    preview_scale_import,
    set_amount,
)
from workforce.services.scales.allowances import (
    allowance_history,
    preview_allowance,
    set_allowance,
    set_allowance_retroactively,
)

JANUARY, FEBRUARY = dt.date(2026, 1, 1), dt.date(2026, 2, 1)


def _january_locked_with(db: Database, admin: Actor) -> None:
    calculate_month(db, admin, "2026-01")
    close(db, "2026-01", user(db, "shenhe", Role.APPROVER), admin)


def _january_locked(db: Database, admin: Actor) -> None:
    hire(db, admin, community(db, admin), 1, level=3)
    _january_locked_with(db, admin)


def test_allowance_dated_in_a_locked_month_is_refused(db: Database, admin: Actor) -> None:
    _january_locked(db, admin)
    before = allowance_history(db, "基础绩效")
    with pytest.raises(ActionRefused, match="2026年1月工资已锁定，不能调整基础绩效"):
        set_allowance(db, admin, "基础绩效", "", Decimal("999"), JANUARY)
    # Dated before January, the new amount would still be in force in January.
    with pytest.raises(ActionRefused, match="2026年1月工资已锁定"):
        set_allowance(db, admin, "基础绩效", "", Decimal("999"), dt.date(2025, 12, 1))
    assert allowance_history(db, "基础绩效") == before
    # From February on it is an ordinary change.
    set_allowance(db, admin, "基础绩效", "", Decimal("999"), dt.date(2026, 2, 1))


def test_allowance_dated_in_an_approved_month_is_refused(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    hire(db, admin, unit, 1, level=3)
    calculate_month(db, admin, "2026-01")
    approve_month(db, user(db, "shenhe", Role.APPROVER), "2026-01")
    with pytest.raises(ActionRefused, match="2026年1月工资已审核"):
        set_allowance(db, admin, "一肩挑津贴", "", Decimal("300"), dt.date(2026, 1, 15))


def test_scale_version_dated_in_a_locked_month_is_refused(db: Database, admin: Actor) -> None:
    _january_locked(db, admin)
    versions = len(list_scales(db))
    with pytest.raises(ActionRefused, match="2026年1月工资已锁定，不能导入薪酬标准"):
        import_scale(db, admin, raised_grid(), JANUARY, name="2026年标准")
    assert len(list_scales(db)) == versions
    import_scale(db, admin, raised_grid(), dt.date(2026, 2, 1), name="2026年标准")


def test_correcting_a_scale_a_locked_month_paid_by_is_refused(db: Database, admin: Actor) -> None:
    _january_locked(db, admin)
    in_force = list_scales(db)[0]
    with pytest.raises(ActionRefused, match="2026年1月工资已锁定，不能修改薪酬标准"):
        set_amount(db, admin, in_force.scale_id, "staff", 3, "9999")
    # A version from March, used by no closed month, can still be corrected.
    later = import_scale(db, admin, raised_grid(), dt.date(2026, 3, 1), name="3月标准")
    set_amount(db, admin, later.scale_id, "staff", 3, "9999")


def _slip(
    db: Database, period: dt.date, worker_id: int
) -> tuple[Decimal, list[tuple[str, Decimal]]]:
    with db.reading() as session:
        row = session.execute(
            select(Payslip.gross, Payslip.lines)
            .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
            .where(PayrollMonth.period == period, Payslip.worker_id == worker_id)
        ).one()
    return row[0], [(line.name, line.amount) for line in lines_from_text(row[1])]


def _retro_audit(db: Database) -> list[tuple[str, str]]:
    with db.reading() as session:
        rows = session.execute(
            select(AuditEntry.entity, AuditEntry.note).where(AuditEntry.note.contains("追溯调整"))
        )
        return sorted((entity, note) for entity, note in rows)


def test_a_retroactive_allowance_back_pays_in_the_next_open_month(
    db: Database, admin: Actor
) -> None:
    unit = community(db, admin)
    whole = hire(db, admin, unit, 1, level=3)
    joined = hire(
        db,
        admin,
        unit,
        2,
        level=3,
        community_start_date=dt.date(2026, 1, 17),
        created=JANUARY.replace(day=20),
    )
    _january_locked_with(db, admin)
    january = {w: _slip(db, JANUARY, w) for w in (whole, joined)}

    plan = preview_allowance(db, admin, "基础绩效", "", Decimal("300"), JANUARY)
    assert plan.pay_in == FEBRUARY
    assert [(line.worker_id, line.owed, line.item, line.amount) for line in plan.lines] == [
        (whole, JANUARY, "补发2026年1月基础绩效", Decimal("100.00")),
        (joined, JANUARY, "补发2026年1月基础绩效", Decimal("48.39")),  # 15 of 31 days
    ]
    _, written = set_allowance_retroactively(db, admin, "基础绩效", "", Decimal("300"), JANUARY)
    assert written == plan

    assert {w: _slip(db, JANUARY, w) for w in (whole, joined)} == january  # as paid
    calculate_month(db, admin, "2026-02")
    gross, lines = _slip(db, FEBRUARY, whole)
    assert lines[-2:] == [
        ("基础绩效", Decimal("300.00")),
        ("补发2026年1月基础绩效", Decimal("100.00")),
    ]
    assert gross == january[whole][0] + Decimal("200.00")  # 100 more a month, and 100 back pay
    assert ("补发2026年1月基础绩效", Decimal("48.39")) in _slip(db, FEBRUARY, joined)[1]
    assert [entity for entity, _ in _retro_audit(db)] == ["allowance_rate", "pay_item", "pay_item"]


def test_a_retroactive_scale_version_back_pays_in_the_next_open_month(
    db: Database, admin: Actor
) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1, level=3)
    hire(db, admin, unit, 2, level=3, status="试用")  # paid 80% of the scale (§3)
    _january_locked_with(db, admin)
    january = _slip(db, JANUARY, worker)

    plan = preview_scale_import(db, admin, raised_grid(100), JANUARY, name="2026年标准")
    assert [(line.item, line.paid, line.amount) for line in plan.lines] == [
        ("补发2026年1月岗位等级工资", Decimal("3738.00"), Decimal("100.00")),
        ("补发2026年1月岗位等级工资", Decimal("2990.40"), Decimal("80.00")),
    ]
    _, written = import_scale_retroactively(db, admin, raised_grid(100), JANUARY, name="2026年标准")
    assert written == plan
    assert _slip(db, JANUARY, worker) == january
    calculate_month(db, admin, "2026-02")
    assert ("补发2026年1月岗位等级工资", Decimal("100.00")) in _slip(db, FEBRUARY, worker)[1]
    assert [entity for entity, _ in _retro_audit(db)] == ["pay_item", "pay_item", "pay_scale"]


def test_a_retroactive_cut_deducts_and_a_month_calculated_meanwhile_goes_to_draft(
    db: Database, admin: Actor
) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1, level=3)
    _january_locked_with(db, admin)
    calculate_month(db, admin, "2026-02")
    _, plan = set_allowance_retroactively(db, admin, "基础绩效", "", Decimal("150"), JANUARY)
    assert [(line.item, line.amount) for line in plan.lines] == [
        ("补扣2026年1月基础绩效", Decimal("-50.00"))
    ]
    with db.reading() as session:
        status = session.scalar(select(PayrollMonth.status).where(PayrollMonth.period == FEBRUARY))
    assert status == "draft"
    calculate_month(db, admin, "2026-02")
    assert ("补扣2026年1月基础绩效", Decimal("-50.00")) in _slip(db, FEBRUARY, worker)[1]


def test_a_locked_month_pays_the_name_and_account_it_was_paid_with(
    db: Database, admin: Actor
) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1, bank_name="工行", bank_account="6222020000000001")
    _january_locked_with(db, admin)
    file = load_worker(db, worker)
    changed = replace(file.data, name="王新", bank_name="农行", bank_account="6228480000000002")
    update_worker(db, admin, worker, changed, file.version, today=JANUARY.replace(day=20))
    calculate_month(db, admin, "2026-02")

    def paid(period: dt.date) -> list[tuple[str, str, str]]:
        return [(r.account_name, r.bank, r.account) for r in bank_view(db, admin, period).rows]

    assert paid(JANUARY) == [("测试1", "工行", "6222020000000001")]  # as paid, not as now
    approve_month(db, user(db, "shenhe2", Role.APPROVER), "2026-02")
    assert paid(FEBRUARY) == [("王新", "农行", "6228480000000002")]
    workbook = payroll_workbook_view(db, admin, JANUARY)
    assert [r.name for street in workbook.streets for r in street.rows] == ["测试1"]
    assert [s.name for s in payslips_view(db, admin, JANUARY).slips] == ["测试1"]
    assert [r.name for r in month_review(db, admin, JANUARY).rows] == ["测试1"]
    assert slip_detail(db, admin, JANUARY, worker).name == "测试1"


def test_every_other_dated_input_into_a_locked_month_is_refused(db: Database, admin: Actor) -> None:
    """Rates, bounds, bases, deductions and tax flags already refused (their own guards); kept
    here so the list of §8.6 is checked in one place."""
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1)
    _january_locked_with(db, admin)
    refused = [
        lambda: set_rate(db, admin, "养老", Decimal("0.15"), Decimal("0.08"), JANUARY),
        lambda: set_bounds(db, admin, Decimal("5000"), Decimal("25000"), JANUARY),
        lambda: override_base(db, admin, worker, 2026, "6000", "核定有误"),
        lambda: declare_deduction(db, admin, worker, "赡养老人", "3000", JANUARY),
        lambda: set_tax_flags(
            db, admin, worker, 2026, first_income_of_year=True, prior_year_low_income=False
        ),
    ]
    for change in refused:
        with pytest.raises(ActionRefused, match="2026年1月工资"):
            change()
