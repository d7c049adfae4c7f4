"""Pay scale versions on both databases: import, list, show, compare, correct, refuse."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.factories import make_worker
from workforce.domain.problems import ActionRefused
from workforce.domain.scale import PostRange
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.adjustment import AdjustmentRun
from workforce.services.adjustment.run import prepare_run
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker
from workforce.services.scales.admin import (
    compare,
    import_scale,
    list_scales,
    scale_table,
    set_amount,
)

NEW_DATE = dt.date(2026, 1, 1)


def raised_grid(raise_by: int = 100) -> SheetGrid:
    """The demo region's table, wide form, every amount raised."""
    rows: list[tuple[object, ...]] = [("等级", "社区正职", "社区副职", "其他社区工作者")]
    for level in range(1, 19):
        principal = 4500 + 170 * (level - 7) + raise_by if level >= 7 else None
        deputy = 4188 + 170 * (level - 4) + raise_by if 4 <= level <= 15 else None
        staff = 3398 + 170 * (level - 1) + raise_by if level <= 12 else None
        rows.append((level, principal, deputy, staff))
    return SheetGrid("标准", tuple(rows), "2026标准.xlsx")


def test_import_list_show_and_compare(db: Database, admin: Actor) -> None:
    result = import_scale(db, admin, raised_grid(), NEW_DATE, name="2026年标准")
    assert (result.form, result.amounts, result.warnings) == ("wide", 36, ())
    scales = list_scales(db)
    assert [(s.effective_date, s.amounts, s.in_use) for s in scales] == [
        (dt.date(2020, 1, 1), 36, False),
        (NEW_DATE, 36, False),
    ]
    detail = scale_table(db, NEW_DATE)
    assert detail.info.scale_id == result.scale_id
    assert [p.code for p in detail.version.posts] == ["principal", "deputy", "staff", "grid"]
    assert detail.version.monthly_pay("grid", 3) == Decimal("3838.00")  # paid as staff
    assert scale_table(db, dt.date(2025, 12, 31)).info.name != "2026年标准"
    assert scale_table(db, result.scale_id).info.name == "2026年标准"
    diff = compare(db, dt.date(2020, 1, 1), NEW_DATE)
    staff_3 = next(d for d in diff.differences if (d.post, d.level) == ("staff", 3))
    assert (staff_3.old, staff_3.new, staff_3.difference) == (
        Decimal("3738.00"),
        Decimal("3838.00"),
        Decimal("100.00"),
    )
    with db.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "pay_scale", AuditEntry.action == "import"
            )
        ).one()
    assert entry.changes["effective_date"] == [None, "2026-01-01"]
    assert entry.note == "导入自2026标准.xlsx"


def test_a_sheet_with_errors_imports_nothing(db: Database, admin: Actor) -> None:
    rows = list(raised_grid().rows)
    rows[3] = (3, None, None, "三千")
    with pytest.raises(ActionRefused, match="第4行") as refused:
        import_scale(db, admin, SheetGrid("标准", tuple(rows)), NEW_DATE, name="坏表")
    assert [p.code for p in refused.value.problems] == ["invalid_amount"]
    assert len(list_scales(db)) == 1


def test_duplicate_date_permission_and_given_posts(db: Database, admin: Actor) -> None:
    with pytest.raises(ActionRefused, match="同一生效日期"):
        import_scale(db, admin, raised_grid(), dt.date(2020, 1, 1), name="重复")
    clerk = Actor(admin.user_id, "clerk", Role.CLERK)
    with pytest.raises(ActionRefused, match="无权"):
        import_scale(db, clerk, raised_grid(), NEW_DATE, name="越权")
    posts = (PostRange("staff", "其他社区工作者", 1, 3, aliases=("其他",)),)
    grid = SheetGrid("s", (("岗位", "等级", "月标准"), ("其他", 1, 3000), ("其他", 2, 3100.5)))
    with pytest.raises(ActionRefused, match="缺少其他社区工作者3级"):
        import_scale(db, admin, grid, NEW_DATE, name="三级", posts=posts)
    grid = SheetGrid("s", (*grid.rows, ("staff", "3级", "3,200")))
    result = import_scale(db, admin, grid, NEW_DATE, name="三级", posts=posts)
    assert scale_table(db, result.scale_id).version.amounts == {
        ("staff", 1): Decimal("3000.00"),
        ("staff", 2): Decimal("3100.50"),
        ("staff", 3): Decimal("3200.00"),
    }


def test_set_amount_only_before_an_applied_run_used_the_version(db: Database, admin: Actor) -> None:
    scale_id = import_scale(db, admin, raised_grid(), NEW_DATE, name="2026年标准").scale_id
    assert set_amount(db, admin, scale_id, "其他", 3, Decimal("3900.50")) == Decimal("3838.00")
    assert scale_table(db, scale_id).version.amounts[("staff", 3)] == Decimal("3900.50")
    with pytest.raises(ActionRefused, match="没有13级"):
        set_amount(db, admin, scale_id, "staff", 13, "4000")
    with pytest.raises(ActionRefused, match="没有自己的金额"):
        set_amount(db, admin, scale_id, "grid", 3, "4000")
    with pytest.raises(ActionRefused, match="两位小数"):
        set_amount(db, admin, scale_id, "staff", 3, "3900.555")
    with db.transaction() as session:
        community = UnitResolver(session, admin, default_district_id(session)).resolve(
            "新华街道", "光明社区", None
        )[0]
    create_worker(db, admin, make_worker(community, 1))
    run = prepare_run(db, admin, 2026)
    with db.transaction() as session:
        session.get_one(AdjustmentRun, run.run_id).status = "applied"
    assert list_scales(db)[-1].in_use
    with pytest.raises(ActionRefused, match="已被已应用的调级批次使用"):
        set_amount(db, admin, scale_id, "staff", 3, "4000")
    with db.reading() as session:
        changes = session.scalars(
            select(AuditEntry.changes).where(AuditEntry.action == "update")
        ).all()
    assert changes == [{"staff:3": ["3838.00", "3900.50"]}]
