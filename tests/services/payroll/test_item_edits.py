"""The items grid's services on SQLite and PostgreSQL: the month's items with who entered them,
removing several at once (audited; a calculated month goes back to draft; refused once the month
is approved or locked), and an items sheet's dry run naming each problem's row before anything is
written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import PayItem
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.guard import DRAFT, LOCKED
from workforce.services.payroll.item_edits import month_items, plan_item_import, remove_items
from workforce.services.payroll.items import add_items
from workforce.services.roster.workers import load_worker

JAN = dt.date(2026, 1, 1)


def _numbers(db: Database, admin: Actor, count: int = 2) -> list[str]:
    unit = community(db, admin)
    return [load_worker(db, hire(db, admin, unit, n)).data.id_number for n in range(1, count + 1)]


def test_items_listed_then_removed_send_the_month_back_to_draft(db: Database, admin: Actor) -> None:
    n1, n2 = _numbers(db, admin)
    ids = add_items(
        db,
        admin,
        [
            ItemEntry(n1, JAN, "取暖补贴", Decimal("300"), taxable=False, note="冬季"),
            ItemEntry(n2, JAN, "扣款", Decimal("-50"), after_tax=True),
            ItemEntry(n2, dt.date(2026, 2, 1), "取暖补贴", Decimal("300")),
        ],
    )
    calculate_month(db, admin, "2026-01")
    listed = month_items(db, admin, JAN)
    assert listed.status == "calculated" and listed.editable
    assert [(r.name, r.amount, r.taxable, r.after_tax, r.note) for r in listed.rows] == [
        ("取暖补贴", Decimal("300.00"), False, False, "冬季"),
        ("扣款", Decimal("-50.00"), False, True, ""),
    ]
    assert listed.rows[0].entered_by and listed.rows[0].community == "光明社区"

    assert remove_items(db, admin, [ids[0], ids[1]]) == 2
    after = month_items(db, admin, JAN)
    assert after.rows == () and after.status == DRAFT
    with db.reading() as session:
        deleted = session.scalars(
            select(AuditEntry.entity_id).where(
                AuditEntry.entity == "pay_item", AuditEntry.action == "delete"
            )
        ).all()
        left = session.scalars(select(PayItem.id)).all()
    assert sorted(deleted) == sorted(ids[:2]) and left == [ids[2]]


def test_removal_refused_in_a_locked_month_and_without_the_permission(
    db: Database, admin: Actor
) -> None:
    (n1,) = _numbers(db, admin, 1)
    (item,) = add_items(db, admin, [ItemEntry(n1, JAN, "取暖补贴", Decimal("300"))])
    approver = user(db, "shenhe", Role.APPROVER)
    with pytest.raises(ActionRefused):
        remove_items(db, approver, [item])  # an approver does not edit pay inputs
    calculate_month(db, admin, "2026-01")
    close(db, "2026-01", approver, admin)
    with pytest.raises(ActionRefused, match="已锁定"):
        remove_items(db, admin, [item])
    listed = month_items(db, admin, JAN)
    assert listed.status == LOCKED and not listed.editable and len(listed.rows) == 1


def test_a_sheet_dry_run_names_each_problem_and_writes_nothing(db: Database, admin: Actor) -> None:
    n1, n2 = _numbers(db, admin)
    grid = SheetGrid(
        "项目",
        (
            ("身份证号", "姓名", "项目名称", "金额", "税后扣款"),
            (n1, "甲", "取暖补贴", 300, None),
            ("110101199001011234", "乙", "取暖补贴", 300, None),
            (n2, "丙", "扣款", 20, "是"),
            (n2, "丙", "", 20, None),
        ),
        "项目.xlsx",
    )
    plan = plan_item_import(db, admin, grid, JAN)
    assert plan.header_row == 1
    assert {(p.code, p.where.row) for p in plan.problems} == {
        ("bad_cell", 5),
        ("unknown_person", 3),
        ("invalid_amount", 4),
    }
    assert [(p.row, p.entry.name) for p in plan.items] == [(2, "取暖补贴")]
    assert plan.has_errors and month_items(db, admin, JAN).rows == ()

    clean = SheetGrid("项目", (grid.rows[0], grid.rows[1]), "项目.xlsx")
    ok = plan_item_import(db, admin, clean, JAN)
    assert not ok.has_errors and ok.total == Decimal("300.00")
