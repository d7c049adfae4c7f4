"""Two administrators correcting the same configuration at once: one correction wins whole, the
other is refused (never two amounts for one date, never a correction silently replaced)."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from functools import partial

import pytest
from sqlalchemy import func, select

from tests.concurrency.race import ROUNDS, Tally, count, report, together, users
from tests.services.payroll_support import user
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.pay import AllowanceRate
from workforce.services.context import Actor, Database
from workforce.services.scales.admin import list_scales, set_amount
from workforce.services.scales.allowances import allowance_history, set_allowance

ADMIN_ROUNDS = max(5, ROUNDS // 5)


def _press(action: partial[object]):  # type: ignore[no-untyped-def]
    def job(database: Database, barrier: threading.Barrier) -> object:
        barrier.wait()
        return action(database)

    return job


def test_two_corrections_of_one_scale_amount(db: Database, admin: Actor) -> None:
    other = user(db, "guanli2", Role.ADMIN)
    scale_id = list_scales(db)[0].scale_id
    tally = Tally()
    seen = set_amount(db, admin, scale_id, "staff", 3, "3738")  # what both have on screen
    assert seen is not None
    with users(db) as both:
        for round_no in range(ADMIN_ROUNDS):
            values = (Decimal(4000 + 2 * round_no), Decimal(4001 + 2 * round_no))
            jobs = [
                _press(partial(set_amount, actor=who, scale_id=scale_id, post="staff", level=3,
                               amount=value, expected=seen))
                for who, value in zip((admin, other), values, strict=True)
            ]  # fmt: skip
            winners = count(tally, together(both, jobs))
            now = set_amount(db, admin, scale_id, "staff", 3, "3738")  # back, for the next round
            if len(winners) != 1 or now != values[winners[0]]:
                tally.lost_updates += 1
            seen = Decimal("3738")
    report("scale amount corrections", tally)
    assert not tally.crashes and tally.lost_updates == 0
    assert all("已被他人修改" in message for message in tally.refusals), tally.refusals[:3]
    with pytest.raises(ActionRefused, match="已被他人修改"):
        set_amount(db, admin, scale_id, "staff", 3, "3900", expected=Decimal("3700"))


def test_two_allowance_amounts_for_one_date(db: Database, admin: Actor) -> None:
    other = user(db, "guanli2", Role.ADMIN)
    tally = Tally()
    with users(db) as both:
        for round_no in range(ADMIN_ROUNDS):
            on = dt.date(2027, 1, 1) + dt.timedelta(days=round_no)
            jobs = [
                _press(partial(set_allowance, actor=who, kind="一肩挑津贴", key="",
                               amount=amount, effective_date=on))
                for who, amount in ((admin, "500"), (other, "600"))
            ]  # fmt: skip
            winners = count(tally, together(both, jobs))
            if len(winners) != 1:
                tally.lost_updates += 1
    report("allowance amounts", tally)
    assert not tally.crashes, tally.crashes[:3]
    assert tally.lost_updates == 0 and tally.wins == ADMIN_ROUNDS
    assert all("同一生效日期只能有一个标准" in message for message in tally.refusals)
    with db.reading() as session:
        rows = session.scalar(select(func.count()).where(AllowanceRate.kind == "one_shoulder"))
    assert rows == len(allowance_history(db, "一肩挑津贴"))
