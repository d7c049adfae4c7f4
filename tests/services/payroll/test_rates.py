"""费率与基数上下限 on both databases: versions in force, history, new versions, corrections, and
the refusals (bad values, months already calculated or paid)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.payroll.insurance import ROUNDINGS
from workforce.domain.payroll.rate_settings import ROUNDING_NAMES, parse_rate
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import Payslip
from workforce.services.context import Actor, Database
from workforce.services.payroll.basis import load_basis
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.rates import (
    bounds_history,
    bounds_in_force,
    rate_history,
    rates_in_force,
    set_bounds,
    set_rate,
)

JULY = dt.date(2026, 7, 1)


def rates(db: Database, on: dt.date) -> dict[str, tuple[str, str, str]]:
    return {
        r.name: (f"{r.employer_rate:%}", f"{r.individual_rate:%}", r.rounding)
        for r in rates_in_force(db, on)
    }


def test_the_demo_region_is_listed_in_order(db: Database) -> None:
    found = rates_in_force(db, dt.date(2026, 3, 1))
    assert [(r.name, r.employer_rate, r.individual_rate, r.rounding) for r in found] == [
        ("养老", Decimal("0.16"), Decimal("0.08"), "fen"),
        ("医疗", Decimal("0.08"), Decimal("0.02"), "fen"),
        ("失业", Decimal("0.005"), Decimal("0.005"), "fen"),
        ("工伤", Decimal("0.002"), Decimal("0"), "fen"),
        ("公积金", Decimal("0.12"), Decimal("0.12"), "yuan"),
    ]
    bounds = bounds_in_force(db, dt.date(2026, 3, 1))
    assert bounds is not None
    assert (bounds.floor, bounds.ceiling) == (Decimal("4863.00"), Decimal("24315.00"))
    assert rates_in_force(db, dt.date(2019, 12, 31)) == []
    assert bounds_in_force(db, dt.date(2019, 12, 31)) is None


def test_a_new_version_applies_from_its_month_and_history_keeps_both(
    db: Database, admin: Actor
) -> None:
    set_rate(db, admin, "养老", Decimal("0.15"), Decimal("0.08"), JULY)
    set_rate(db, admin, "生育保险", Decimal("0.008"), Decimal(0), JULY, rounding="到分")
    set_bounds(db, admin, Decimal("5000"), Decimal("25000"), JULY)
    assert load_basis_pension(db, "2026-06") == (Decimal("0.16"), None)
    assert load_basis_pension(db, "2026-07") == (Decimal("0.15"), Decimal("0.008"))
    history = rate_history(db, "pension")
    assert [(h.effective_date, h.employer_rate) for h in history] == [
        (dt.date(2020, 1, 1), Decimal("0.16")),
        (JULY, Decimal("0.15")),
    ]
    assert [r.name for r in rates_in_force(db, JULY)] == [
        "养老",
        "医疗",
        "失业",
        "工伤",
        "公积金",
        "生育",
    ]  # fmt: skip  (a new item is listed after the existing ones)
    assert [(b.floor, b.effective_date) for b in bounds_history(db)] == [
        (Decimal("4863.00"), dt.date(2020, 1, 1)),
        (Decimal("5000.00"), JULY),
    ]
    with db.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "insurance_rate")
        ).first()
    assert entry is not None and entry.username == admin.username
    assert entry.changes["employer_rate"] == ["0.160000", "0.15"]
    assert "养老费率自2026-07-01起：单位 15%、个人 8%" in entry.note


def load_basis_pension(db: Database, month: str) -> tuple[Decimal, Decimal | None]:
    year, number = (int(p) for p in month.split("-"))
    with db.reading() as session:
        basis = load_basis(session, dt.date(year, number, 1))
    items = {i.code: i for i in basis.month.insurance_items}
    maternity = items.get("maternity")
    return items["pension"].employer_rate, maternity.employer_rate if maternity else None


def test_a_correction_replaces_an_unused_version_with_an_audit(db: Database, admin: Actor) -> None:
    set_rate(db, admin, "公积金", Decimal("0.10"), Decimal("0.10"), JULY)
    fixed = set_rate(db, admin, "housing_fund", Decimal("0.11"), Decimal("0.11"), JULY, "fen")
    assert (fixed.employer_rate, fixed.rounding) == (Decimal("0.11"), "fen")
    assert len(rate_history(db, "住房公积金")) == 2
    set_bounds(db, admin, Decimal("5000"), Decimal("25000"), JULY)
    set_bounds(db, admin, Decimal("5100"), Decimal("25000"), JULY)
    assert [b.floor for b in bounds_history(db)][-1] == Decimal("5100.00")
    with db.reading() as session:
        updates = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "update").order_by(AuditEntry.id)
        ).all()
    assert [e.entity for e in updates] == ["insurance_rate", "insurance_base_bounds"]
    assert updates[0].changes["rounding"] == ["yuan", "fen"]
    assert updates[1].changes == {"floor": ["5000.00", "5100.00"]}


@pytest.mark.parametrize(
    ("item", "employer", "individual", "rounding", "message"),
    [
        ("养老", Decimal("1.2"), Decimal("0.08"), None, "单位费率应在 0%–100% 之间，实为 120%"),
        ("养老", Decimal("0.16"), Decimal("-0.01"), None, "个人费率应在 0%–100% 之间"),
        ("养老", Decimal("0.1600001"), Decimal("0.08"), None, "最多精确到 0.0001%"),
        ("养老", Decimal("0.16"), Decimal("0.08"), "truncate", "舍入方式「truncate」无效"),
        ("大病", Decimal("0.01"), Decimal("0"), None, "没有「大病」这个险种"),
    ],
)
def test_bad_rates_are_refused_and_nothing_is_written(
    db: Database,
    admin: Actor,
    item: str,
    employer: Decimal,
    individual: Decimal,
    rounding: str | None,
    message: str,
) -> None:
    with pytest.raises(ActionRefused, match=message):
        set_rate(db, admin, item, employer, individual, JULY, rounding)
    assert len(rate_history(db)) == 5


def test_bad_bounds_and_other_users_are_refused(db: Database, admin: Actor) -> None:
    with pytest.raises(ActionRefused, match=r"下限 25000\.00 应小于上限 5000\.00"):
        set_bounds(db, admin, Decimal("25000"), Decimal("5000"), JULY)
    with pytest.raises(ActionRefused, match="缴费基数下限应为正数"):
        set_bounds(db, admin, Decimal("0"), Decimal("5000"), JULY)
    clerk = user(db, "luru", Role.CLERK)
    with pytest.raises(ActionRefused):
        set_rate(db, clerk, "养老", Decimal("0.15"), Decimal("0.08"), JULY)
    assert len(bounds_history(db)) == 1


def test_months_already_calculated_or_paid_refuse_a_version_that_would_change_them(
    db: Database, admin: Actor
) -> None:
    hire(db, admin, community(db, admin), 1)
    calculate_month(db, admin, "2026-03")
    close(db, "2026-03", user(db, "shenhe", Role.APPROVER), admin)
    calculate_month(db, admin, "2026-04")
    with pytest.raises(ActionRefused, match="2026年3月工资已锁定"):
        set_rate(db, admin, "养老", Decimal("0.15"), Decimal("0.08"), dt.date(2026, 3, 20))
    with pytest.raises(ActionRefused, match="2026年4月工资已计算"):
        set_bounds(db, admin, Decimal("5000"), Decimal("25000"), dt.date(2026, 4, 1))
    with pytest.raises(ActionRefused, match="2026年3月工资已锁定"):  # the 2020 version was used
        set_rate(db, admin, "养老", Decimal("0.15"), Decimal("0.08"), dt.date(2020, 1, 1))
    set_rate(db, admin, "养老", Decimal("0.15"), Decimal("0.08"), dt.date(2026, 5, 1))
    set_rate(db, admin, "养老", Decimal("0.14"), Decimal("0.08"), dt.date(2026, 5, 1))  # unused
    with db.reading() as session:
        assert len(session.scalars(select(Payslip.id)).all()) == 2


def test_rates_are_written_as_clerks_write_them() -> None:
    assert parse_rate("16%", "单位费率") == Decimal("0.16")
    assert parse_rate(" 0.5％ ", "单位费率") == Decimal("0.005")
    assert parse_rate("0.12", "个人费率") == Decimal("0.12")
    assert parse_rate("0", "个人费率") == Decimal(0)
    with pytest.raises(ActionRefused, match="含义不明"):
        parse_rate("16", "单位费率")
    with pytest.raises(ActionRefused, match="不是数字"):
        parse_rate("十六", "单位费率")
    assert set(ROUNDING_NAMES) == set(ROUNDINGS)  # every policy the engine knows has a name
