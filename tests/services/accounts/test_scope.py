"""A user scoped to a street sees and changes only the workers under it (管理范围)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from tests.factories import make_worker
from tests.roster_samples import person_id
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role, WorkerStatus
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Worker
from workforce.services.accounts.acting_user import actor_for
from workforce.services.accounts.users import create_user
from workforce.services.careers.certificates import certificate_register
from workforce.services.careers.training_report import training_compliance
from workforce.services.context import Actor, Database
from workforce.services.roster.dossier import load_dossier
from workforce.services.roster.export import roster_for_export
from workforce.services.roster.importing import apply_roster_import, plan_roster_import
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.printing import roster_for_print
from workforce.services.roster.workers import (
    change_status,
    create_worker,
    load_worker,
    transfer_worker,
    update_worker,
)

TODAY = dt.date(2025, 12, 20)


def _setup(db: Database, admin: Actor) -> tuple[Actor, dict[str, int]]:
    """Two streets with one worker each, and a clerk scoped to 新华街道."""
    with db.transaction() as session:
        resolver = UnitResolver(session, admin, default_district_id(session))
        mine = resolver.resolve("新华街道", "光明社区", None)[0]
        theirs = resolver.resolve("解放街道", "幸福社区", None)[0]
    with db.reading() as session:
        xinhua = session.scalars(select(OrgUnit.id).where(OrgUnit.name == "新华街道")).one()
    ids = {
        "mine": create_worker(db, admin, replace(make_worker(mine, 1), name="本街道人员")),
        "theirs": create_worker(db, admin, replace(make_worker(theirs, 2), name="外街道人员")),
        "mine_community": mine,
        "theirs_community": theirs,
    }
    create_user(db, admin, "xinhua", "新华街道录入员", Role.CLERK, scope_org_id=xinhua)
    return actor_for(db, "xinhua"), ids


def test_a_scoped_clerk_reads_only_their_street(db: Database, admin: Actor) -> None:
    clerk, ids = _setup(db, admin)
    assert clerk.scope_org_id is not None
    assert [r.name for r in roster_for_export(db, clerk)] == ["本街道人员"]
    assert len(roster_for_export(db, admin)) == 2
    assert [r.name for r in roster_for_print(db, clerk, as_of=TODAY).rows] == ["本街道人员"]
    with pytest.raises(ActionRefused, match="不在用户「xinhua」的管理范围（新华街道）内"):
        roster_for_export(db, clerk, ids["theirs_community"])
    assert load_dossier(db, clerk, ids["mine"]).person.name == "本街道人员"
    with pytest.raises(ActionRefused):
        load_dossier(db, clerk, ids["theirs"])
    compliance = training_compliance(db, clerk, year=2025, today=TODAY)
    assert [r.person.name for r in compliance.rows] == ["本街道人员"]
    assert len(training_compliance(db, admin, year=2025, today=TODAY).rows) == 2
    with pytest.raises(ActionRefused, match="管理范围"):
        certificate_register(db, clerk, unit_id=ids["theirs_community"])


def test_a_scoped_clerk_changes_only_their_street(db: Database, admin: Actor) -> None:
    clerk, ids = _setup(db, admin)
    theirs = ids["theirs_community"]
    outside = "外街道人员」不在用户「xinhua」的管理范围"
    with pytest.raises(ActionRefused, match="管理范围"):
        create_worker(db, clerk, make_worker(theirs, 3))
    file = load_worker(db, ids["theirs"])
    with pytest.raises(ActionRefused, match=outside):
        update_worker(db, clerk, ids["theirs"], replace(file.data, level=4), file.version)
    with pytest.raises(ActionRefused, match=outside):
        change_status(db, clerk, ids["theirs"], WorkerStatus.LEFT, TODAY, "个人原因")
    with pytest.raises(ActionRefused, match="幸福社区」不在"):
        transfer_worker(db, clerk, ids["mine"], theirs, TODAY, "调动")
    create_worker(db, clerk, make_worker(ids["mine_community"], 4))
    mine = load_worker(db, ids["mine"])
    update_worker(db, clerk, ids["mine"], replace(mine.data, level=4), mine.version)
    with db.reading() as session:
        levels = dict(session.execute(select(Worker.name, Worker.level)).tuples().all())
    assert levels["外街道人员"] == 3 and levels["本街道人员"] == 4


def test_roster_rows_outside_the_scope_are_refused_by_row(db: Database, admin: Actor) -> None:
    clerk, _ids = _setup(db, admin)
    grid = SheetGrid(
        "花名册",
        (
            ("街道", "社区", "姓名", "身份证号", "岗位", "岗位等级"),
            ("新华街道", "新建社区", "张伟", person_id(11), "其他", 3),
            ("解放街道", "幸福社区", "李娜", person_id(12, male=False), "其他", 3),
            ("解放街道", "幸福社区", "外街道人员", make_worker(0, 2).id_number, "其他", 5),
        ),
    )
    plan = plan_roster_import(db, clerk, grid, today=TODAY)
    outside = [(p.where.row, p.code) for p in plan.problems if p.is_error]
    assert outside == [(3, "out_of_scope"), (4, "out_of_scope")]
    assert "解放街道/幸福社区" in plan.problems[0].message
    with db.reading() as session:
        before = session.scalar(select(func.count(Worker.id)))
    with pytest.raises(ActionRefused, match="第3行"):
        apply_roster_import(db, clerk, grid, today=TODAY)
    with db.reading() as session:
        assert session.scalar(select(func.count(Worker.id))) == before
    assert not plan_roster_import(db, admin, grid, today=TODAY).has_errors
    inside = SheetGrid("花名册", grid.rows[:2])
    assert apply_roster_import(db, clerk, inside, today=TODAY).created == 1
