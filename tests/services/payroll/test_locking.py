"""A locked month never changes (§8.5): every path that could change it refuses, and its stored
payslips stay exactly as they were."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.payroll import ContributionBase, Payslip, bulk_table
from workforce.services.context import Actor, Database
from workforce.services.payroll.bases import compute_bases, override_base
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.deductions import (
    declare_deduction,
    delete_deduction,
    end_deduction,
    set_tax_flags,
)
from workforce.services.payroll.items import add_item, add_items, remove_item
from workforce.services.payroll.lifecycle import (
    approve_month,
    lock_month,
    return_month,
    verify_month,
)
from workforce.services.roster.workers import load_worker

MARCH, APRIL = dt.date(2026, 3, 1), dt.date(2026, 4, 1)


def _stored(db: Database) -> list[tuple[object, ...]]:
    raw = bulk_table(Payslip)
    with db.reading() as session:
        return [tuple(r) for r in session.execute(select(raw).order_by(raw.c.worker_id))]


def test_every_path_into_a_locked_month_refuses(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1)
    id_number = load_worker(db, worker).data.id_number
    item = add_item(db, admin, ItemEntry(id_number, MARCH, "取暖补贴", Decimal("300")))
    declaration = declare_deduction(db, admin, worker, "住房租金", "1500", dt.date(2026, 1, 1))
    calculate_month(db, admin, "2026-03")
    close(db, "2026-03", user(db, "shenhe", Role.APPROVER), admin)
    before = _stored(db)

    attempts: dict[str, Callable[[], object]] = {
        "recalculate": lambda: calculate_month(db, admin, "2026-03"),
        "approve again": lambda: approve_month(db, admin, "2026-03"),
        "lock again": lambda: lock_month(db, admin, "2026-03"),
        "return": lambda: return_month(db, admin, "2026-03", "更正"),
        "calculate an earlier month": lambda: calculate_month(db, admin, "2026-02"),
        "add an item": lambda: add_item(db, admin, ItemEntry(id_number, MARCH, "奖金", Decimal(9))),
        "import items": lambda: add_items(
            db,
            admin,
            [
                ItemEntry(id_number, APRIL, "取暖补贴", Decimal(1)),
                ItemEntry(id_number, MARCH, "取暖补贴", Decimal(1)),
            ],
        ),
        "remove an item": lambda: remove_item(db, admin, item),
        "override the base": lambda: override_base(db, admin, worker, 2026, "6000", "社保核定"),
        "declare a deduction": lambda: declare_deduction(
            db, admin, worker, "赡养老人", 3000, MARCH
        ),
        "end a deduction": lambda: end_deduction(db, admin, declaration, dt.date(2026, 2, 1)),
        "delete a deduction": lambda: delete_deduction(db, admin, declaration),
        "set tax flags": lambda: set_tax_flags(
            db, admin, worker, 2026, first_income_of_year=True, prior_year_low_income=False
        ),
    }
    for what, attempt in attempts.items():
        with pytest.raises(ActionRefused) as refused:
            attempt()
        assert "2026年3月" in refused.value.message, (what, refused.value.message)

    report = compute_bases(db, admin, 2026)
    assert report.written == 0
    with db.reading() as session:
        assert session.scalars(select(ContributionBase.source)).all() == ["new_hire"]
    assert _stored(db) == before
    assert verify_month(db, admin, "2026-03").ok


def test_later_months_stay_open(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1)
    id_number = load_worker(db, worker).data.id_number
    declaration = declare_deduction(db, admin, worker, "住房租金", "1500", MARCH)
    calculate_month(db, admin, "2026-03")
    close(db, "2026-03", user(db, "shenhe", Role.APPROVER), admin)
    add_item(db, admin, ItemEntry(id_number, APRIL, "取暖补贴", Decimal("300")))
    end_deduction(db, admin, declaration, MARCH)  # April onwards only
    declare_deduction(db, admin, worker, "赡养老人", 3000, APRIL)
    april = calculate_month(db, admin, "2026-04")
    slips = {p.worker_id: p for p in _payslips(db) if p.month_id == april.month_id}
    assert slips[worker].special_deductions == Decimal("3000.00")
    assert slips[worker].gross == Decimal("3938.00") + Decimal("300.00")


def _payslips(db: Database) -> list[Payslip]:
    with db.reading() as session:
        return list(session.scalars(select(Payslip)))
