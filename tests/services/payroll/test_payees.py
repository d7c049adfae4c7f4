"""Whom a month's item can be for: everyone employed at least one day of the month, those who
left during it or after it included with the date they left; not those gone before it or hired
after it; by unit and by name or 身份证号; the same list the calculation pays."""

from __future__ import annotations

import datetime as dt

from tests.services.payroll_support import community, hire
from workforce.domain.vocab import WorkerStatus
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.payees import month_payees
from workforce.services.roster.workers import change_status, load_worker

MARCH = dt.date(2026, 3, 1)


def test_the_months_payees_include_those_who_left(db: Database, admin: Actor) -> None:
    light = community(db, admin, name="光明社区")
    sun = community(db, admin, name="朝阳社区")
    staying = hire(db, admin, light, 1)
    mid_month = hire(db, admin, light, 2)
    change_status(db, admin, mid_month, WorkerStatus.LEFT, dt.date(2026, 3, 16), "辞职")
    after = hire(db, admin, sun, 3)
    change_status(db, admin, after, WorkerStatus.RETIRED, dt.date(2026, 4, 10), "退休")
    gone = hire(db, admin, light, 4)
    change_status(db, admin, gone, WorkerStatus.LEFT, dt.date(2026, 2, 1), "辞职")
    hire(db, admin, light, 5, community_start_date=dt.date(2026, 4, 6), created=dt.date(2026, 4, 6))

    payees = {p.worker_id: p for p in month_payees(db, admin, MARCH)}
    assert set(payees) == {staying, mid_month, after}
    assert (payees[staying].active, payees[staying].left_on, payees[staying].days) == (
        True, None, 31
    )  # fmt: skip
    left = payees[mid_month]
    assert (left.status, left.left_on, left.days, left.active) == (
        "离职", dt.date(2026, 3, 16), 15, False
    )  # fmt: skip
    assert (payees[after].status, payees[after].left_on, payees[after].days) == (
        "退休", dt.date(2026, 4, 10), 31
    )  # fmt: skip
    # The calculation pays exactly these people.
    assert calculate_month(db, admin, MARCH).workers == 3

    # April: the mid-March leaver is gone, the April retiree worked nine days, the hire 25.
    april = {p.name: p.days for p in month_payees(db, admin, dt.date(2026, 4, 1))}
    assert april == {"测试1": 30, "测试3": 9, "测试5": 25}

    assert [p.worker_id for p in month_payees(db, admin, MARCH, unit_id=sun)] == [after]
    number = load_worker(db, mid_month).data.id_number
    assert [p.worker_id for p in month_payees(db, admin, MARCH, search=number)] == [mid_month]
    assert [p.worker_id for p in month_payees(db, admin, MARCH, search="测试2")] == [mid_month]
