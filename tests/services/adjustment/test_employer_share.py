"""The employer's insurance share in a run's yearly cost (§4 "when asked") on both databases,
with figures worked by hand from the rates in force on the run's effective date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import delete, select

from tests.services.adjustment.test_run import _seed
from workforce.domain.problems import ActionRefused
from workforce.persistence.adjustment import AdjustmentItem
from workforce.persistence.payroll import InsuranceRate
from workforce.services.adjustment.run import override_item, prepare_run
from workforce.services.adjustment.views import run_overview
from workforce.services.context import Actor, Database

# The demo region's employer rates from 2020: 养老 0.16, 医疗 0.08, 失业 0.005, 工伤 0.002,
# 公积金 0.12. Here 养老 drops to 0.14 from 2026 (in force on 2026-01-01) and to 0.10 from 2027
# (not yet): Σ = 0.14 + 0.08 + 0.005 + 0.002 + 0.12 = 0.347.
RATE_2026 = Decimal("0.347")


def _dated_pension_rates(db: Database) -> None:
    with db.transaction() as session:
        for rate, year in ((Decimal("0.14"), 2026), (Decimal("0.10"), 2027)):
            session.add(
                InsuranceRate(
                    code="pension",
                    name="养老保险",
                    employer_rate=rate,
                    individual_rate=Decimal("0.08"),
                    effective_date=dt.date(year, 1, 1),
                )
            )


def test_yearly_cost_includes_the_employer_share_when_asked(db: Database, admin: Actor) -> None:
    ids = _seed(db, admin)
    _dated_pension_rates(db)
    plain = prepare_run(db, admin, 2026)
    assert plain.employer_share_rate is None
    assert plain.summary.total.yearly_cost == Decimal("7440.00")  # 12 × (170 + 450)

    run = prepare_run(db, admin, 2026, include_employer_share=True)
    assert run.employer_share_rate == RATE_2026
    # tenure staff 3 → 4: 170.00 a month; share 170 × 0.347 = 58.99; 12 × 228.99 = 2747.88
    # appointed staff 3 → deputy 4: 450.00; share 450 × 0.347 = 156.15; 12 × 606.15 = 7273.80
    with db.reading() as session:
        yearly = dict(
            session.execute(
                select(AdjustmentItem.worker_id, AdjustmentItem.yearly_delta).where(
                    AdjustmentItem.run_id == run.run_id
                )
            )
            .tuples()
            .all()
        )
    assert yearly[ids["tenure"]] == Decimal("2747.88")
    assert yearly[ids["appointed"]] == Decimal("7273.80")
    assert run.summary.total.yearly_cost == Decimal("10021.68")
    overview = run_overview(db, admin, run.run_id)
    assert (overview.yearly_cost, overview.employer_share_rate) == (Decimal("10021.68"), RATE_2026)

    # an override keeps the run's choice: staff 5 is 340.00 a month; 340 × 0.347 = 117.98;
    # 12 × 457.98 = 5495.76
    override_item(db, admin, run.run_id, ids["tenure"], reason="组织决定", new_level=5)
    assert run_overview(db, admin, run.run_id).yearly_cost == Decimal("5495.76") + Decimal(
        "7273.80"
    )


def test_employer_share_needs_rates_in_force(db: Database, admin: Actor) -> None:
    _seed(db, admin)
    with db.transaction() as session:
        session.execute(delete(InsuranceRate))
    with pytest.raises(ActionRefused, match="没有生效的社保公积金费率"):
        prepare_run(db, admin, 2026, include_employer_share=True)
