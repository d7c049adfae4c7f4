"""First start: ``init`` migrates and installs the defaults once, and again changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select

from workforce.persistence.accounts import User
from workforce.persistence.pay import AllowanceRate, ScaleAmount
from workforce.services.context import Database
from workforce.services.roster.org import org_tree
from workforce.services.scale import scale_in_force
from workforce.services.system.setup import initialise


def test_init_is_idempotent(db: Database) -> None:
    report = initialise(db)
    assert not (report.migrated or report.created_admin or report.installed_scale)
    with db.reading() as session:
        assert session.scalar(select(func.count(User.id))) == 1
        assert session.scalar(select(func.count(ScaleAmount.id))) == 36
    assert [n.kind for n in org_tree(db)] == ["district"]


def test_demo_scale_matches_the_published_hohhot_figures(db: Database) -> None:
    with db.reading() as session:
        scale = scale_in_force(session, dt.date(2026, 1, 1))
        assert scale is not None
        assert scale.monthly_pay("staff", 3) == Decimal("3738.00")
        assert scale.monthly_pay("staff", 12) == Decimal("5267.00")
        assert scale.monthly_pay("grid", 12) == Decimal("5267.00")  # paid by parity with staff
        ranges = {p.code: (p.min_level, p.max_level) for p in scale.posts}
        assert ranges == {
            "principal": (7, 18),
            "deputy": (4, 15),
            "staff": (1, 12),
            "grid": (1, 12),
        }
        certificate = session.scalar(
            select(AllowanceRate.amount).where(AllowanceRate.key == "高级社会工作师")
        )
    assert certificate == Decimal("500.00")
