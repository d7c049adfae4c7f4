"""The demo region's 五险一金 (§8.2) as installed: exact rates (parts per million), the bounds, and
the settings; installing again adds nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select, text

from workforce.persistence.accounts import Setting
from workforce.persistence.payroll import InsuranceBaseBounds, InsuranceRate
from workforce.services.context import Database
from workforce.services.payroll.basis import insurance_items
from workforce.services.system.setup import initialise

D = Decimal


def test_demo_rates_bounds_and_settings(db: Database) -> None:
    with db.reading() as session:
        items = insurance_items(session, dt.date(2026, 3, 31))
        bounds = session.scalars(select(InsuranceBaseBounds)).one()
        raw = session.execute(
            text(
                "SELECT employer_rate, individual_rate FROM insurance_rate"
                " WHERE code = 'unemployment'"
            )
        ).one()
        share = session.get(Setting, "probation_share")
    assert [(i.name, i.employer_rate, i.individual_rate, i.rounding) for i in items] == [
        ("养老", D("0.160000"), D("0.080000"), "fen"),
        ("医疗", D("0.080000"), D("0.020000"), "fen"),
        ("失业", D("0.005000"), D("0.005000"), "fen"),
        ("工伤", D("0.002000"), D("0.000000"), "fen"),
        ("公积金", D("0.120000"), D("0.120000"), "yuan"),
    ]
    assert tuple(raw) == (5000, 5000)
    assert (bounds.floor, bounds.ceiling) == (D("4863.00"), D("24315.00"))
    assert share is not None and share.value == "0.80"


def test_installing_again_adds_nothing(db: Database) -> None:
    report = initialise(db)
    assert not report.installed_insurance
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(InsuranceRate)) == 5
        assert session.scalar(select(func.count()).select_from(InsuranceBaseBounds)) == 1
