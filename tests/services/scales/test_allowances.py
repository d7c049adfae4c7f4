"""Allowance tables as versioned data on both databases: list, history, new amounts, refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from workforce.domain.money import FloatMoneyError
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.services.context import Actor, Database
from workforce.services.scales.allowances import (
    allowance_history,
    allowances_in_force,
    set_allowance,
)

RAISE = dt.date(2027, 1, 1)


def amounts(db: Database, on: dt.date) -> dict[tuple[str, str], Decimal]:
    return {(a.kind, a.key): a.amount for a in allowances_in_force(db, on)}


def test_defaults_are_listed_with_chinese_names(db: Database) -> None:
    rows = allowances_in_force(db, dt.date(2026, 6, 1))
    assert [(a.kind_name, a.key, a.amount, a.period) for a in rows[:5]] == [
        ("职业资格津贴", "助理社会工作师", Decimal("200.00"), "month"),
        ("职业资格津贴", "社会工作师", Decimal("300.00"), "month"),
        ("职业资格津贴", "高级社会工作师", Decimal("500.00"), "month"),
        ("一肩挑津贴", "", Decimal("300.00"), "month"),
        ("基础绩效", "", Decimal("200.00"), "month"),
    ]
    assert {(a.kind_name, a.key): a.amount for a in rows[5:]} == {
        ("奖励绩效", "优秀"): Decimal("6000.00"),
        ("奖励绩效", "称职"): Decimal("4000.00"),
        ("奖励绩效", "基本称职"): Decimal("2000.00"),
        ("奖励绩效", "不称职"): Decimal("0.00"),
    }
    assert all(a.period == "year" for a in rows[5:])
    assert allowances_in_force(db, dt.date(2019, 12, 31)) == []


def test_a_raise_is_in_force_from_its_date_and_history_keeps_both(
    db: Database, admin: Actor
) -> None:
    info = set_allowance(db, admin, "职业资格津贴", "社会工作师", Decimal("350"), RAISE)
    assert (info.kind, info.amount, info.period) == ("certificate", Decimal("350.00"), "month")
    set_allowance(db, admin, "basic_performance", "", "250.50", RAISE)
    before, after = amounts(db, RAISE - dt.timedelta(days=1)), amounts(db, RAISE)
    assert before[("certificate", "社会工作师")] == Decimal("300.00")
    assert after[("certificate", "社会工作师")] == Decimal("350.00")
    assert (before[("basic_performance", "")], after[("basic_performance", "")]) == (
        Decimal("200.00"),
        Decimal("250.50"),
    )
    assert after[("certificate", "助理社会工作师")] == Decimal("200.00")  # untouched
    history = allowance_history(db, "certificate", "社会工作师")
    assert [(h.effective_date, h.amount) for h in history] == [
        (dt.date(2020, 1, 1), Decimal("300.00")),
        (RAISE, Decimal("350.00")),
    ]
    with db.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "allowance_rate", AuditEntry.action == "create"
            )
        ).first()
    assert entry is not None and entry.username == admin.username
    assert entry.changes["effective_date"] == [None, "2027-01-01"]
    assert "职业资格津贴（社会工作师）" in entry.note


def test_yearly_reward_keeps_its_period(db: Database, admin: Actor) -> None:
    info = set_allowance(db, admin, "奖励绩效", "优秀", 6600, RAISE)
    assert (info.period, amounts(db, RAISE)[("reward_performance", "优秀")]) == (
        "year",
        Decimal("6600.00"),
    )
    with pytest.raises(ActionRefused, match="按年计发"):
        set_allowance(db, admin, "reward_performance", "优秀", 1, RAISE, period="month")


@pytest.mark.parametrize(
    ("kind", "key", "amount", "message"),
    [
        ("housing", "", "100", "没有「housing」这种津贴"),
        ("certificate", "社会工作师", "-1", "不能为负数"),
        ("certificate", "社会工作师", "1.005", "最多两位小数"),
        ("certificate", "社会工作师", "abc", "不是数字"),
        ("certificate", "博士", "100", "没有「博士」这个证书等级"),
        ("certificate", "", "100", "请填写证书等级"),
        ("one_shoulder", "优秀", "100", "不分档次"),
        ("certificate", "社会工作师", "300", "同一生效日期只能有一个标准"),
    ],
)
def test_refusals(
    db: Database, admin: Actor, kind: str, key: str, amount: str, message: str
) -> None:
    with pytest.raises(ActionRefused, match=message):
        set_allowance(db, admin, kind, key, amount, dt.date(2020, 1, 1))
    assert len(allowance_history(db, "certificate", "社会工作师")) == 1


def test_floats_and_clerks_are_refused(db: Database, admin: Actor) -> None:
    with pytest.raises(FloatMoneyError):
        set_allowance(db, admin, "one_shoulder", "", 300.5, RAISE)  # type: ignore[arg-type]
    clerk = Actor(admin.user_id, "clerk", Role.CLERK)
    with pytest.raises(ActionRefused, match="无权"):
        set_allowance(db, clerk, "one_shoulder", "", "400", RAISE)
    assert len(allowance_history(db, "一肩挑津贴")) == 1
    with db.reading() as session:
        assert (
            session.scalars(select(AuditEntry).where(AuditEntry.entity == "allowance_rate")).first()
            is None
        )
