"""Import of special-deduction declarations, on SQLite and PostgreSQL: any error (unknown kind,
amount over the ceiling, end before start, wrong name) writes nothing; a clean file declares and
audits every row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import PayrollMonth, SpecialDeduction
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.deduction_io import apply_deduction_import, plan_deduction_import
from workforce.services.roster.workers import load_worker

HEAD = ("身份证号", "姓名", "类别", "每月金额", "起始月份", "结束月份")


def _people(db: Database, admin: Actor) -> list[tuple[str, str]]:
    unit = community(db, admin)
    people = [load_worker(db, hire(db, admin, unit, n)).data for n in (1, 2)]
    return [(p.id_number, p.name) for p in people]


def _grid(*rows: tuple[object, ...]) -> SheetGrid:
    return SheetGrid("申报", (HEAD, *rows), "申报.xlsx")


def month_status(db: Database, period: str) -> str:
    with db.reading() as session:
        month = session.scalar(
            select(PayrollMonth).where(PayrollMonth.period == dt.date.fromisoformat(period + "-01"))
        )
        assert month is not None
        return month.status


def _stored(db: Database) -> list[tuple[str, Decimal, dt.date, dt.date | None]]:
    with db.reading() as session:
        rows = session.execute(
            select(
                SpecialDeduction.kind,
                SpecialDeduction.monthly_amount,
                SpecialDeduction.from_month,
                SpecialDeduction.to_month,
            ).order_by(SpecialDeduction.id)
        ).tuples()
        return list(rows)


def test_an_error_anywhere_writes_nothing(db: Database, admin: Actor) -> None:
    (n1, name1), (n2, name2) = _people(db, admin)
    grid = _grid(
        (n1, name1, "住房租金", 1500, "2026-01", None),
        (n1, name1, "旅游", 100, "2026-01", None),
        (n2, name2, "住房贷款利息", 1200, "2026-01", None),
        (n2, name2, "赡养老人", 3000, "2026-06", "2026-03"),
        (n2, "别人", "继续教育", 400, "2026-01", None),
    )
    plan = plan_deduction_import(db, admin, grid)
    found = {(p.code, p.where.row) for p in plan.problems}
    assert found == {
        ("invalid_kind", 3),
        ("invalid_amount", 4),
        ("invalid_last", 5),
        ("name_mismatch", 6),
    }
    with pytest.raises(ActionRefused):
        apply_deduction_import(db, admin, grid)
    assert _stored(db) == []


def test_a_clean_file_declares_and_audits(db: Database, admin: Actor) -> None:
    (n1, name1), (n2, name2) = _people(db, admin)
    grid = _grid(
        (n1, name1, "住房租金", 1500, "2026-01", None),
        (n2, name2, "赡养老人", "3000.00", "2026年3月", "2026年12月"),
        ("合计", None, None, 4500, None, None),
    )
    result = apply_deduction_import(db, admin, grid)
    assert result.written == 2
    assert _stored(db) == [
        ("住房租金", Decimal("1500.00"), dt.date(2026, 1, 1), None),
        ("赡养老人", Decimal("3000.00"), dt.date(2026, 3, 1), dt.date(2026, 12, 1)),
    ]
    with db.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(
                AuditEntry.batch_id == result.batch_id, AuditEntry.action == "declare"
            )
        ).all()
    assert sorted(e.note for e in entries) == sorted([name1, name2])


def test_months_already_paid_refuse_the_row_and_calculated_ones_go_back_to_draft(
    db: Database, admin: Actor
) -> None:
    (n1, name1), (n2, name2) = _people(db, admin)
    approver, finance = user(db, "shen", Role.APPROVER), user(db, "cai", Role.FINANCE)
    calculate_month(db, admin, "2026-01")
    close(db, "2026-01", approver, finance)
    calculate_month(db, admin, "2026-02")
    touching_january = _grid(
        (n1, name1, "住房租金", 1500, "2026-02", None),
        (n2, name2, "住房租金", 1500, "2026-01", None),
    )
    plan = plan_deduction_import(db, admin, touching_january)
    assert [(p.code, p.where.row, p.where.value) for p in plan.problems] == [
        ("month_closed", 3, "2026年1月")
    ]
    assert "2026年1月工资已锁定" in plan.problems[0].message
    with pytest.raises(ActionRefused):
        apply_deduction_import(db, admin, touching_january)
    assert month_status(db, "2026-02") == "calculated"

    apply_deduction_import(db, admin, _grid((n1, name1, "住房租金", 1500, "2026-02", None)))
    assert month_status(db, "2026-02") == "draft"
    assert month_status(db, "2026-01") == "locked"
