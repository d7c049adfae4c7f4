"""The 工资 tab's read model: one worker's months newest first, 扣款 as 五险一金 plus the
after-tax lines (named), 个税 apart, 实发 = 应发 − 扣款 − 个税, the month's status; a user whose
scope does not hold the worker is refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.services.payroll_support import community, hire, user
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.items import add_items
from workforce.services.payroll.lifecycle import approve_month, lock_month
from workforce.services.payroll.screens import month_review
from workforce.services.payroll.worker_pay import INSURANCE_LINE, worker_pay_months
from workforce.services.roster.workers import load_worker

JAN, FEB = dt.date(2026, 1, 1), dt.date(2026, 2, 1)


def test_months_newest_first_with_the_deduction_lines(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1)
    hire(db, admin, community(db, admin, "新华街道", "明月社区"), 2)
    number = load_worker(db, worker).data.id_number
    calculate_month(db, admin, "2026-01")
    approve_month(db, user(db, "shenhe", Role.APPROVER), "2026-01")
    lock_month(db, admin, "2026-01")
    add_items(db, admin, [ItemEntry(number, FEB, "工会会费", Decimal("-12.50"), after_tax=True)])
    calculate_month(db, admin, "2026-02")

    feb, jan = worker_pay_months(db, admin, worker)
    assert (feb.period, feb.status, jan.period, jan.status) == (FEB, "已计算", JAN, "已锁定")
    review = {r.worker_id: r for r in month_review(db, admin, FEB).rows}[worker]
    assert (feb.gross, feb.tax, feb.net) == (review.gross, review.tax, review.net)
    assert dict(feb.deduction_lines) == {
        INSURANCE_LINE: review.insurance,
        "工会会费": Decimal("12.50"),
    }
    assert feb.deductions == review.insurance + Decimal("12.50")
    assert feb.net == feb.gross - feb.deductions - feb.tax
    assert [name for name, _ in jan.deduction_lines] == [INSURANCE_LINE]


def test_a_user_of_another_street_is_refused(db: Database, admin: Actor) -> None:
    from workforce.services.accounts.users import create_user
    from workforce.services.roster.org import org_tree

    worker = hire(db, admin, community(db, admin), 1)
    community(db, admin, "和平街道", "东风社区")
    calculate_month(db, admin, "2026-01")
    other = next(n.id for n in org_tree(db) if n.name == "和平街道")
    user_id = create_user(db, admin, "heping", "和平", Role.CLERK, scope_org_id=other)
    clerk = Actor(user_id, "heping", Role.CLERK, scope_org_id=other)
    with pytest.raises(ActionRefused, match="管理范围"):
        worker_pay_months(db, clerk, worker)
    assert len(worker_pay_months(db, admin, worker)) == 1
