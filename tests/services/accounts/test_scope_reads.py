"""A clerk scoped to one street opens, counts and reviews only the workers under it: a worker's
file, the statistics and the payroll month (管理范围)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.services.payroll_support import community, hire
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.org import OrgUnit
from workforce.services.accounts.acting_user import actor_for
from workforce.services.accounts.users import create_user
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.screens import month_review, slip_detail
from workforce.services.payroll.slips import payslips_view, tax_summary_view
from workforce.services.payroll.views import payroll_workbook_view
from workforce.services.roster.workers import load_worker
from workforce.services.stats.report import statistics_workspace

MARCH = dt.date(2026, 3, 1)
OUTSIDE = "不在用户「xinhua」的管理范围（新华街道）内"


def _setup(db: Database, admin: Actor) -> tuple[Actor, int, int, int]:
    """One worker in 新华街道 and one in 解放街道; a clerk scoped to 新华街道."""
    mine = hire(db, admin, community(db, admin, "新华街道", "光明社区"), 1, name="本街道人员")
    theirs = hire(db, admin, community(db, admin, "解放街道", "幸福社区"), 2, name="外街道人员")
    with db.reading() as session:
        xinhua = session.scalars(select(OrgUnit.id).where(OrgUnit.name == "新华街道")).one()
        jiefang = session.scalars(select(OrgUnit.id).where(OrgUnit.name == "解放街道")).one()
    create_user(db, admin, "xinhua", "新华街道录入员", Role.CLERK, scope_org_id=xinhua)
    return actor_for(db, "xinhua"), mine, theirs, jiefang


def test_a_scoped_clerk_opens_only_files_in_their_street(db: Database, admin: Actor) -> None:
    clerk, mine, theirs, _jiefang = _setup(db, admin)
    assert load_worker(db, mine, actor=clerk).data.name == "本街道人员"
    with pytest.raises(ActionRefused, match=f"外街道人员」{OUTSIDE}"):
        load_worker(db, theirs, actor=clerk)
    assert load_worker(db, theirs, actor=admin).data.name == "外街道人员"


def test_statistics_default_to_the_scoped_clerks_street(db: Database, admin: Actor) -> None:
    clerk, mine, _theirs, jiefang = _setup(db, admin)
    own = statistics_workspace(db, clerk, as_of=MARCH)
    assert [p.worker_id for p in own.population.people] == [mine]
    assert own.report.unit == "示范区新华街道"
    assert len(statistics_workspace(db, admin, as_of=MARCH).population.people) == 2
    with pytest.raises(ActionRefused, match="只能查看本单位"):
        statistics_workspace(db, clerk, as_of=MARCH, unit_id=jiefang)


def test_the_payroll_review_lists_only_the_scoped_clerks_payslips(
    db: Database, admin: Actor
) -> None:
    clerk, mine, theirs, _jiefang = _setup(db, admin)
    calculate_month(db, admin, "2026-03")
    assert [r.name for r in month_review(db, admin, MARCH).rows] == ["本街道人员", "外街道人员"]
    assert [r.worker_id for r in month_review(db, clerk, MARCH).rows] == [mine]
    assert slip_detail(db, clerk, MARCH, mine).name == "本街道人员"
    with pytest.raises(ActionRefused, match=f"外街道人员」{OUTSIDE}"):
        slip_detail(db, clerk, MARCH, theirs)
    sheet = payroll_workbook_view(db, clerk, MARCH)
    assert [r.name for street in sheet.streets for r in street.rows] == ["本街道人员"]


def test_pay_slips_and_the_tax_summary_hold_only_the_scoped_clerks_people(
    db: Database, admin: Actor
) -> None:
    clerk, _mine, _theirs, _jiefang = _setup(db, admin)
    calculate_month(db, admin, "2026-03")
    assert [s.name for s in payslips_view(db, admin, MARCH).slips] == ["本街道人员", "外街道人员"]
    assert [s.name for s in payslips_view(db, clerk, MARCH).slips] == ["本街道人员"]
    assert [p.name for p in tax_summary_view(db, clerk, 2026).workers] == ["本街道人员"]
    assert len(tax_summary_view(db, admin, 2026).workers) == 2
