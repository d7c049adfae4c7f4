"""A locked month does not drift (§8.6): a dated change whose date falls in an approved or locked
month is refused; the stored months keep the figures they were paid with."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.services.payroll_support import close, community, hire, user
from tests.services.test_scale_admin import raised_grid
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.services.allowances import allowance_history, set_allowance
from workforce.services.context import Actor, Database
from workforce.services.payroll_calc import calculate_month
from workforce.services.payroll_lifecycle import approve_month
from workforce.services.scale_admin import import_scale, list_scales, set_amount

JANUARY = dt.date(2026, 1, 1)


def _january_locked(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    hire(db, admin, unit, 1, level=3)
    calculate_month(db, admin, "2026-01")
    close(db, "2026-01", user(db, "shenhe", Role.APPROVER), admin)


def test_allowance_dated_in_a_locked_month_is_refused(db: Database, admin: Actor) -> None:
    _january_locked(db, admin)
    before = allowance_history(db, "基础绩效")
    with pytest.raises(ActionRefused, match="2026年1月工资已锁定，不能调整基础绩效"):
        set_allowance(db, admin, "基础绩效", "", Decimal("999"), JANUARY)
    # Dated before January, the new amount would still be in force in January.
    with pytest.raises(ActionRefused, match="2026年1月工资已锁定"):
        set_allowance(db, admin, "基础绩效", "", Decimal("999"), dt.date(2025, 12, 1))
    assert allowance_history(db, "基础绩效") == before
    # From February on it is an ordinary change.
    set_allowance(db, admin, "基础绩效", "", Decimal("999"), dt.date(2026, 2, 1))


def test_allowance_dated_in_an_approved_month_is_refused(db: Database, admin: Actor) -> None:
    unit = community(db, admin)
    hire(db, admin, unit, 1, level=3)
    calculate_month(db, admin, "2026-01")
    approve_month(db, user(db, "shenhe", Role.APPROVER), "2026-01")
    with pytest.raises(ActionRefused, match="2026年1月工资已审核"):
        set_allowance(db, admin, "一肩挑津贴", "", Decimal("300"), dt.date(2026, 1, 15))


def test_scale_version_dated_in_a_locked_month_is_refused(db: Database, admin: Actor) -> None:
    _january_locked(db, admin)
    versions = len(list_scales(db))
    with pytest.raises(ActionRefused, match="2026年1月工资已锁定，不能导入薪酬标准"):
        import_scale(db, admin, raised_grid(), JANUARY, name="2026年标准")
    assert len(list_scales(db)) == versions
    import_scale(db, admin, raised_grid(), dt.date(2026, 2, 1), name="2026年标准")


def test_correcting_a_scale_a_locked_month_paid_by_is_refused(db: Database, admin: Actor) -> None:
    _january_locked(db, admin)
    in_force = list_scales(db)[0]
    with pytest.raises(ActionRefused, match="2026年1月工资已锁定，不能修改薪酬标准"):
        set_amount(db, admin, in_force.scale_id, "staff", 3, "9999")
    # A version from March, used by no closed month, can still be corrected.
    later = import_scale(db, admin, raised_grid(), dt.date(2026, 3, 1), name="3月标准")
    set_amount(db, admin, later.scale_id, "staff", 3, "9999")
