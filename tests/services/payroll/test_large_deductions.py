"""Issue 13 §8 (spec §10): a single deduction line larger than the month's gross is a warning the
clerk confirms, never silent — when it is entered or imported, and on the calculated month."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import community, hire
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.sheet import SheetGrid
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import PayItem
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.item_edits import plan_item_import
from workforce.services.payroll.items import DeductionsToConfirm, add_items
from workforce.services.payroll.screens import month_review
from workforce.services.roster.workers import load_worker

JAN = dt.date(2026, 1, 1)
HUGE = Decimal("-99999")


def _person(db: Database, admin: Actor) -> str:
    return load_worker(db, hire(db, admin, community(db, admin), 1)).data.id_number


def _items(db: Database) -> list[Decimal]:
    with db.reading() as session:
        return list(session.scalars(select(PayItem.amount)))


def test_adding_a_deduction_larger_than_the_gross_waits_for_confirmation(
    db: Database, admin: Actor
) -> None:
    number = _person(db, admin)
    entry = ItemEntry(number, JAN, "扣款", HUGE)
    with pytest.raises(DeductionsToConfirm) as held:
        add_items(db, admin, [entry])
    (warning,) = held.value.problems
    assert not warning.is_error and warning.code == "large_deduction"
    assert "测试1" in warning.message and "-99,999.00" in warning.message
    assert "预计本月应发" in warning.message and "3,938.00" in warning.message
    assert _items(db) == []

    add_items(db, admin, [entry], confirmed=True)
    assert _items(db) == [Decimal("-99999.00")]
    with db.reading() as session:
        note = session.scalars(select(AuditEntry.note).where(AuditEntry.entity == "pay_item")).one()
    assert "已确认" in note


def test_a_deduction_within_the_gross_and_the_month_s_other_items_need_no_confirmation(
    db: Database, admin: Actor
) -> None:
    number = _person(db, admin)
    add_items(db, admin, [ItemEntry(number, JAN, "扣款", Decimal("-3938"))])
    add_items(  # a bonus in the same month raises the gross the deduction is compared with
        db,
        admin,
        [
            ItemEntry(number, JAN, "奖金", Decimal("10000")),
            ItemEntry(number, JAN, "扣款", Decimal("-13000"), after_tax=True),
        ],
    )
    assert len(_items(db)) == 3


def test_an_items_sheet_dry_run_names_the_row_person_amount_and_gross(
    db: Database, admin: Actor
) -> None:
    number = _person(db, admin)
    grid = SheetGrid(
        "项目",
        (
            ("身份证号", "姓名", "项目名称", "金额"),
            (number, "测试1", "取暖补贴", 300),
            (number, "测试1", "扣款", -99999),
        ),
        "项目.xlsx",
    )
    plan = plan_item_import(db, admin, grid, JAN)
    assert not plan.has_errors
    (warning,) = plan.problems
    assert (warning.code, warning.where.row, warning.where.column, warning.where.value) == (
        "large_deduction",
        3,
        "金额",
        "-99999.00",
    )
    assert "测试1" in warning.message and "4,238.00" in warning.message  # 3,938.00 + 取暖补贴 300


def test_the_calculated_month_lists_the_payslip_whose_deduction_exceeds_its_gross(
    db: Database, admin: Actor
) -> None:
    number = _person(db, admin)
    add_items(db, admin, [ItemEntry(number, JAN, "扣款", HUGE)], confirmed=True)
    result = calculate_month(db, admin, "2026-01")
    assert result.net == 0  # never negative (§8.6): the shortfall is carried to next month
    assert result.carried == (("测试1", Decimal("97155.62")),)
    (warning,) = result.warnings
    assert warning.code == "large_deduction"
    assert "测试1" in warning.message and "-99,999.00" in warning.message
    assert "本月应发" in warning.message and "3,938.00" in warning.message
    review = month_review(db, admin, JAN)
    assert [w.message for w in review.warnings] == [warning.message]


def test_a_calculated_month_without_such_a_line_has_no_warning(db: Database, admin: Actor) -> None:
    number = _person(db, admin)
    add_items(db, admin, [ItemEntry(number, JAN, "扣款", Decimal("-50"), after_tax=True)])
    assert calculate_month(db, admin, "2026-01").warnings == ()
    assert month_review(db, admin, JAN).warnings == ()
