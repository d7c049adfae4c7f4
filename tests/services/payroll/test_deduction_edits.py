"""Declarations as the desktop lists them (by unit, by name or 身份证号) and their correction on
SQLite and PostgreSQL: audited, a calculated month goes back to draft, a locked month that paid
the worker refuses it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.deduction_edits import correct_deduction, declarations
from workforce.services.payroll.deductions import declare_deduction
from workforce.services.payroll.guard import DRAFT, get_month
from workforce.services.roster.workers import load_worker

JAN, MAR = dt.date(2026, 1, 1), dt.date(2026, 3, 1)


def test_listed_by_unit_and_search(db: Database, admin: Actor) -> None:
    here, there = community(db, admin), community(db, admin, name="红星社区")
    first = hire(db, admin, here, 1)
    second = hire(db, admin, there, 2)
    declare_deduction(db, admin, first, "住房租金", 1500, JAN)
    declare_deduction(db, admin, second, "赡养老人", 3000, JAN, MAR)
    assert [r.kind for r in declarations(db, admin, unit_id=here)] == ["住房租金"]
    everyone = declarations(db, admin)
    assert {r.kind for r in everyone} == {"住房租金", "赡养老人"}
    number = load_worker(db, second).data.id_number
    found = declarations(db, admin, search=number[-6:])
    assert [(r.kind, r.to_month, r.community) for r in found] == [("赡养老人", MAR, "红星社区")]
    assert found[0].in_force(MAR) and not found[0].in_force(dt.date(2026, 4, 1))


def test_a_correction_is_audited_and_recalculation_is_due(db: Database, admin: Actor) -> None:
    worker = hire(db, admin, community(db, admin), 1)
    declaration = declare_deduction(db, admin, worker, "住房租金", 1100, JAN)
    calculate_month(db, admin, "2026-01")
    correct_deduction(
        db, admin, declaration, kind="住房租金", monthly_amount="1500", from_month=JAN,
        to_month=None, note="按租赁合同更正",
    )  # fmt: skip
    (row,) = declarations(db, admin)
    assert row.monthly_amount == Decimal("1500.00") and row.note == "按租赁合同更正"
    with db.reading() as session:
        assert get_month(session, JAN).status == DRAFT
        action = session.scalar(
            select(AuditEntry.action)
            .where(AuditEntry.entity == "special_deduction")
            .order_by(AuditEntry.id.desc())
        )
    assert action == "correct"
    with pytest.raises(ActionRefused, match="不能早于"):
        correct_deduction(
            db, admin, declaration, kind="住房租金", monthly_amount=1500, from_month=MAR,
            to_month=JAN,
        )  # fmt: skip


def test_a_correction_touching_a_locked_month_is_refused(db: Database, admin: Actor) -> None:
    worker = hire(db, admin, community(db, admin), 1)
    declaration = declare_deduction(db, admin, worker, "继续教育", 400, JAN)
    calculate_month(db, admin, "2026-01")
    close(db, "2026-01", user(db, "shenhe", Role.APPROVER), admin)
    with pytest.raises(ActionRefused, match="已锁定"):
        correct_deduction(
            db, admin, declaration, kind="继续教育", monthly_amount=300, from_month=JAN,
            to_month=None,
        )  # fmt: skip
    assert declarations(db, admin)[0].monthly_amount == Decimal("400.00")
