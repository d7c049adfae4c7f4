"""Roster import on both databases: precise problems, all-or-nothing, units, audit, updates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reports.xlsx_reader import pick_roster_sheet, read_workbook
from tests.roster_samples import messy_roster, person_id, simple_roster
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import Cancelled, CancelToken
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry, ImportBatch
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import (
    Certificate,
    PostLevelChange,
    StatusChange,
    Transfer,
    Worker,
)
from workforce.services.context import Actor, Database
from workforce.services.roster.importing import (
    FieldChange,
    apply_roster_import,
    plan_roster_import,
)

TODAY = dt.date(2025, 12, 20)
CLEAN_UNITS = (
    "新华街道",
    "新华街道/光明社区",
    "新华街道/光明社区/第一网格",
    "解放街道",
    "解放街道/幸福社区",
    "解放街道/幸福社区/第二网格",
)


def grid_of(path: Path) -> SheetGrid:
    return pick_roster_sheet(read_workbook(path))


def counts(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Worker, OrgUnit, AuditEntry, ImportBatch, Certificate)
        }


def test_messy_sheet_names_every_problem_and_writes_nothing(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    grid = grid_of(messy_roster(tmp_path / "花名册.xlsx"))
    before = counts(db)
    plan = plan_roster_import(db, admin, grid, today=TODAY)
    errors = {(p.where.row, p.where.column, p.code) for p in plan.problems if p.is_error}
    assert errors == {
        (8, "身份证号码", "lost_digits_id_number"),
        (9, "身份证号码", "invalid_id_number"),
        (4, "身份证号码", "duplicate_id_number"),
        (10, "身份证号码", "duplicate_id_number"),
        (11, "岗位级别", "level_out_of_range"),
    }
    by_code = {p.code: p for p in plan.problems}
    lost = by_code["lost_digits_id_number"]
    assert lost.where.value == "150102198803140000"
    assert "15位有效数字" in lost.message
    assert "末位应为6，实为0" in by_code["invalid_id_number"].message
    assert "（第4行、第10行）" in by_code["duplicate_id_number"].message
    assert by_code["level_out_of_range"].describe() == (
        "工作表「花名册」 第11行 「岗位级别」列 值「13」：其他社区工作者的岗位等级应在1–12级之间"
    )
    warnings = {(p.where.row, p.code) for p in plan.problems if not p.is_error}
    assert warnings == {(6, "bank_account_luhn"), (12, "skipped_row"), (13, "skipped_row")}
    assert plan.has_errors
    assert plan.header_row == 3
    assert [c.row for c in plan.creates] == [5, 6, 7]
    assert plan.total_rows == 8, "the 合计 and 填表人 lines are not people"
    with pytest.raises(ActionRefused, match="有5处错误，未导入任何数据") as refused:
        apply_roster_import(db, admin, grid, today=TODAY)
    assert {p.code for p in refused.value.problems} == {c for _, _, c in errors}
    assert counts(db) == before


def test_clean_sheet_imports_lists_new_units_and_audits(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    grid = grid_of(messy_roster(tmp_path / "m.xlsx", errors=False))
    before = counts(db)
    plan = plan_roster_import(db, admin, grid, today=TODAY)
    assert not plan.has_errors
    assert plan.new_units == CLEAN_UNITS
    assert [(c.row, c.name, c.unit_path) for c in plan.creates] == [
        (4, "张伟", "新华街道/光明社区/第一网格"),
        (5, "李娜", "新华街道/光明社区"),
        (6, "王芳", "新华街道/光明社区"),
        (7, "赵强", "解放街道/幸福社区/第二网格"),
    ]
    assert counts(db) == before, "the dry run writes nothing, not even units"

    result = apply_roster_import(db, admin, grid, today=TODAY)
    assert (result.created, result.updated, result.new_units) == (4, 0, CLEAN_UNITS)
    with db.reading() as session:
        zhang = session.scalars(select(Worker).where(Worker.name == "张伟")).one()
        community = session.get_one(OrgUnit, zhang.community_id)
        street = session.get_one(OrgUnit, community.parent_id)
        assert (street.name, community.name) == ("新华街道", "光明社区")
        assert session.get_one(OrgUnit, zhang.grid_id).name == "第一网格"
        assert (zhang.post, zhang.level, zhang.sex) == ("staff", 3, "男")
        assert zhang.birth_date == dt.date(1988, 3, 14)
        assert (zhang.political_status, zhang.highest_education) == ("中共党员", "本科")
        assert zhang.community_start_date == dt.date(2015, 3, 1)
        assert zhang.phone == "13800000001"
        assert zhang.credited_ladder == 1  # 本科 and 助理社会工作师 both give 1: the maximum
        certificate = session.scalars(
            select(Certificate).where(Certificate.worker_id == zhang.id)
        ).one()
        assert (certificate.level, certificate.registered_date) == (
            "助理社会工作师",
            dt.date(2019, 9, 1),
        )
        history = session.scalars(select(PostLevelChange.source)).all()
        assert history == ["import"] * 4
        batch = session.get_one(ImportBatch, result.batch_id)
        assert (batch.kind, batch.file_name, batch.created, batch.updated) == (
            "roster",
            "m.xlsx",
            4,
            0,
        )
        audited = session.execute(
            select(AuditEntry.entity, func.count())
            .where(AuditEntry.batch_id == result.batch_id)
            .group_by(AuditEntry.entity)
        ).all()
        assert dict(audited) == {"worker": 4, "import_batch": 1}
        whole = session.scalars(select(AuditEntry).where(AuditEntry.entity == "import_batch")).one()
        assert whole.changes["file_name"] == [None, "m.xlsx"]
        assert whole.changes["sheet"][1] == grid.name
        assert whole.changes["new_units"][1] == "、".join(result.new_units)
        units = session.scalar(
            select(func.count()).where(
                AuditEntry.entity == "org_unit", AuditEntry.action == "create"
            )
        )
        assert units == len(CLEAN_UNITS)


CHANGED_HEADER = ["姓名", "身份证号", "街道", "社区", "岗位", "岗位等级", "手机", "社工证等级",
                  "社工证登记日期", "人员状态"]  # fmt: skip


def test_second_import_shows_field_changes_and_applies_them(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    apply_roster_import(db, admin, grid_of(messy_roster(tmp_path / "a.xlsx", errors=False)))
    changed = simple_roster(
        tmp_path / "b.xlsx",
        CHANGED_HEADER,
        [
            ["张伟", person_id(1), None, None, None, 4, None, "助理", "2022-09-01", None],
            ["李娜", person_id(2, male=False), "解放街道", "幸福社区", None, None, None, None, None,
             "离职"],
            ["王芳", person_id(3, male=False), "新华街道", "光明社区", "正职", "7级", None, None,
             None, "在职"],
            ["钱多", person_id(9), "解放街道", "和平社区", "其他", 1, None, None, None, None],
        ],
    )  # fmt: skip
    grid = grid_of(changed)
    plan = plan_roster_import(db, admin, grid, today=TODAY)
    assert not plan.has_errors
    changes = {u.name: u.changes for u in plan.updates}
    assert changes["张伟"] == (
        FieldChange("level", "岗位等级", "3", "4"),
        FieldChange("certificate_registered", "社工证登记日期", "2019-09-01", "2022-09-01"),
    )
    assert changes["李娜"] == (
        FieldChange("community_id", "社区", "新华街道/光明社区", "解放街道/幸福社区"),
        FieldChange("status", "人员状态", "在职", "离职"),
    )
    assert plan.unchanged == 1
    assert [(c.row, c.name) for c in plan.creates] == [(5, "钱多")]
    assert plan.new_units == ("解放街道/和平社区",)

    result = apply_roster_import(db, admin, grid, today=TODAY)
    assert (result.created, result.updated) == (1, 2)
    with db.reading() as session:
        zhang = session.scalars(select(Worker).where(Worker.name == "张伟")).one()
        assert zhang.level == 4
        assert zhang.phone == "13800000001", "an empty cell leaves the field unchanged"
        levels = session.scalars(
            select(PostLevelChange.level)
            .where(PostLevelChange.worker_id == zhang.id)
            .order_by(PostLevelChange.id)
        ).all()
        assert levels == [3, 4]
        registered = session.scalars(
            select(Certificate.registered_date)
            .where(Certificate.worker_id == zhang.id)
            .order_by(Certificate.id)
        ).all()
        assert registered == [dt.date(2019, 9, 1), dt.date(2022, 9, 1)]
        li = session.scalars(select(Worker).where(Worker.name == "李娜")).one()
        move = session.scalars(select(Transfer).where(Transfer.worker_id == li.id)).one()
        assert (move.to_community_id, move.effective_date) == (li.community_id, TODAY)
        statuses = session.scalars(
            select(StatusChange.status).where(StatusChange.worker_id == li.id)
        ).all()
        assert statuses == ["在职", "离职"]
        update = session.scalars(
            select(AuditEntry).where(
                AuditEntry.batch_id == result.batch_id, AuditEntry.entity_id == zhang.id
            )
        ).first()
        assert update is not None
        assert (update.action, update.changes) == ("update", {"level": ["3", "4"]})


def test_cancel_during_import_leaves_nothing(db: Database, admin: Actor, tmp_path: Path) -> None:
    grid = grid_of(messy_roster(tmp_path / "m.xlsx", errors=False))
    before = counts(db)
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        token.cancel()  # the clerk presses 取消 as soon as work starts

    with pytest.raises(Cancelled):
        apply_roster_import(db, admin, grid, today=TODAY, progress=progress, cancel=token)
    assert seen
    assert counts(db) == before


def test_cancel_during_a_long_check(db: Database, admin: Actor) -> None:
    rows = tuple(("新华街道", "光明社区", f"人{i}", person_id(i), "其他", 3) for i in range(600))
    grid = SheetGrid("花名册", (("街道", "社区", "姓名", "身份证号", "岗位", "岗位等级"), *rows))
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        plan_roster_import(db, admin, grid, cancel=token)


def test_a_district_column_creates_an_unknown_district(db: Database, admin: Actor) -> None:
    header = ("区/旗县", "街道", "社区", "姓名", "身份证号", "岗位", "岗位等级")
    grid = SheetGrid(
        "花名册",
        (
            header,
            ("示范区", "新华街道", "光明社区", "张伟", person_id(1), "其他", 3),
            ("新城区", "东风街道", "红旗社区", "李娜", person_id(2, male=False), "其他", 3),
            (None, "新华街道", "光明社区", "王芳", person_id(3, male=False), "其他", 3),
        ),
    )
    plan = plan_roster_import(db, admin, grid, today=TODAY)
    assert plan.new_units == (
        "示范区/新华街道",
        "示范区/新华街道/光明社区",
        "新城区",
        "新城区/东风街道",
        "新城区/东风街道/红旗社区",
    )
    apply_roster_import(db, admin, grid, today=TODAY)
    with db.reading() as session:
        districts = session.scalars(
            select(OrgUnit.name).where(OrgUnit.kind == "district").order_by(OrgUnit.id)
        ).all()
        assert districts == ["示范区", "新城区"]
        li = session.scalars(select(Worker).where(Worker.name == "李娜")).one()
        community = session.get_one(OrgUnit, li.community_id)
        street = session.get_one(OrgUnit, community.parent_id)
        assert session.get_one(OrgUnit, street.parent_id).name == "新城区"


def test_new_workers_need_the_required_columns(db: Database, admin: Actor) -> None:
    grid = SheetGrid(
        "花名册",
        (
            ("街道", "社区", "姓名", "身份证号", "岗位"),
            ("新华街道", "光明社区", "张伟", person_id(1), "其他"),
            ("新华街道", None, "李娜", person_id(2, male=False), None),
        ),
    )
    plan = plan_roster_import(db, admin, grid, today=TODAY)
    found = [(p.where.row, p.where.column, p.code) for p in plan.problems]
    assert found == [
        (1, "岗位等级", "missing_column_level"),
        (3, "社区", "missing_community"),
        (3, "岗位", "missing_post"),
    ]
    assert "本表有2行是新增人员" in plan.problems[0].message


def test_sheet_without_id_column_is_refused_as_a_whole(db: Database, admin: Actor) -> None:
    grid = SheetGrid("花名册", (("姓名", "街道", "社区"), ("张伟", "新华街道", "光明社区")))
    plan = plan_roster_import(db, admin, grid)
    assert [p.code for p in plan.problems] == ["missing_id_column"]
    with pytest.raises(ActionRefused):
        apply_roster_import(db, admin, grid)


def test_finance_may_not_import(db: Database, tmp_path: Path) -> None:
    grid = grid_of(messy_roster(tmp_path / "m.xlsx", errors=False))
    with pytest.raises(ActionRefused, match="无权"):
        apply_roster_import(db, Actor(None, "cw", Role.FINANCE), grid)
