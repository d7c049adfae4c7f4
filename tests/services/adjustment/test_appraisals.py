"""Appraisals on both databases: bulk import all or nothing, the 优秀 quota, upsert with audit,
configurable grade sets feeding the adjustment rules."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import make_worker
from workforce.domain.adjustment.appraisal import GRADE_SETS, GradeScheme
from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.problems import ActionRefused
from workforce.domain.roster.parse import shown
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry, ImportBatch
from workforce.persistence.people import Appraisal
from workforce.services.adjustment.appraisals import (
    AppraisalEntry,
    apply_appraisal_import,
    plan_appraisal_import,
    record_appraisals,
    set_grade_scheme,
)
from workforce.services.adjustment.run import rules_for
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker, load_worker

TODAY = dt.date(2026, 3, 1)
HEADER = ("序号", "身份证号码", "姓名", "年度", "考核结果")


def seed(db: Database, admin: Actor, count: int = 5) -> list[int]:
    with db.transaction() as session:
        community = UnitResolver(session, admin, default_district_id(session)).resolve(
            "新华街道", "光明社区", None
        )[0]
    return [create_worker(db, admin, make_worker(community, n)) for n in range(1, count + 1)]


def sheet(*rows: tuple[object, ...]) -> SheetGrid:
    return SheetGrid("考核", (("2025年度考核结果",), HEADER, *rows), "kaohe.xlsx")


def person(db: Database, worker_id: int) -> tuple[str, str]:
    data = load_worker(db, worker_id).data
    return data.id_number, data.name


def grades(db: Database) -> dict[tuple[int, int], str]:
    with db.reading() as session:
        rows = session.execute(select(Appraisal.worker_id, Appraisal.year, Appraisal.grade))
        return {(w, y): g for w, y, g in rows.tuples()}


def test_import_with_any_error_writes_nothing(db: Database, admin: Actor) -> None:
    ids = seed(db, admin)
    (n1, name1), (n2, _), (n3, name3) = (person(db, w) for w in ids[:3])
    grid = sheet(
        (1, n1, name1, 2025, "称职"),
        (2, n2, "张冠李戴", 2025, "称职"),  # row 4: name is not that person's
        (3, n3, name3, "2025年", "良"),  # row 5: unknown grade
        (4, "11010519491231002X", "王五", 2025, "称职"),  # row 6: nobody has this ID
        (5, n1, name1, 2025, "优秀"),  # row 7: n1 again for 2025
        (6, 1.1010519491231002e17, "赵六", 2025, "称职"),  # row 8: a number cell
    )
    plan = plan_appraisal_import(db, admin, grid, today=TODAY)
    found = {(p.code, p.where.row, p.where.column, p.where.value) for p in plan.problems}
    assert found == {
        ("name_mismatch", 4, "姓名", "张冠李戴"),
        ("unknown_grade", 5, "考核结果", "良"),
        ("unknown_person", 6, "身份证号码", "11010519491231002X"),
        ("duplicate_person_year", 3, "身份证号码", n1),
        ("duplicate_person_year", 7, "身份证号码", n1),
        ("lost_digits_id_number", 8, "身份证号码", shown(1.1010519491231002e17)),
    }
    assert all(p.where.sheet == "考核" for p in plan.problems)
    assert plan.has_errors and plan.header_row == 2
    with pytest.raises(ActionRefused, match="未导入") as refused:
        apply_appraisal_import(db, admin, grid, today=TODAY)
    assert len(refused.value.problems) == 6
    assert grades(db) == {}
    with db.reading() as session:
        assert session.scalar(select(ImportBatch.id)) is None


def test_import_upserts_and_warns_over_the_excellent_quota(db: Database, admin: Actor) -> None:
    ids = seed(db, admin)
    rows = [person(db, w) for w in ids]
    record_appraisals(db, admin, 2025, [AppraisalEntry(ids[0], "称职")], today=TODAY)
    grid = sheet(
        *((i, n, name, 2025, "优秀" if i <= 2 else "称 职") for i, (n, name) in enumerate(rows, 1))
    )
    plan = plan_appraisal_import(db, admin, grid, today=TODAY)
    assert (plan.created, plan.updated, plan.unchanged) == (4, 1, 0)
    assert not plan.has_errors
    [quota] = plan.problems
    assert quota.code == "excellent_quota" and not quota.is_error
    assert quota.message == "新华街道光明社区2025年度考核“优秀”2人，超过在职5人的20%（最多1人）"
    assert grades(db) == {(ids[0], 2025): "称职"}  # the dry run wrote nothing
    result = apply_appraisal_import(db, admin, grid, today=TODAY)
    assert (result.created, result.updated, len(result.warnings)) == (4, 1, 1)
    assert grades(db)[(ids[0], 2025)] == "优秀"
    assert grades(db)[(ids[4], 2025)] == "称职"
    again = plan_appraisal_import(db, admin, grid, today=TODAY)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    with db.reading() as session:
        changes = session.scalars(
            select(AuditEntry.changes)
            .where(AuditEntry.entity_id == ids[0], AuditEntry.action == "appraisal")
            .order_by(AuditEntry.id)
        ).all()
        batch = session.scalars(select(ImportBatch)).one()
    assert changes == [{"appraisal:2025": [None, "称职"]}, {"appraisal:2025": ["称职", "优秀"]}]
    assert (batch.kind, batch.file_name, batch.created, batch.updated) == (
        "appraisal",
        "kaohe.xlsx",
        4,
        1,
    )


def test_record_by_hand_refuses_unknown_grades_future_years_and_other_roles(
    db: Database, admin: Actor
) -> None:
    ids = seed(db, admin, 2)
    with pytest.raises(ActionRefused, match="不是可用的等次"):
        record_appraisals(db, admin, 2025, [AppraisalEntry(ids[0], "良好")], today=TODAY)
    with pytest.raises(ActionRefused, match="尚未到来"):
        record_appraisals(db, admin, 2027, [AppraisalEntry(ids[0], "称职")], today=TODAY)
    finance = Actor(admin.user_id, "caiwu", Role.FINANCE)
    with pytest.raises(ActionRefused, match="无权"):
        record_appraisals(db, finance, 2025, [AppraisalEntry(ids[0], "称职")], today=TODAY)
    result = record_appraisals(
        db,
        admin,
        2025,
        [AppraisalEntry(ids[0], "优秀"), AppraisalEntry(ids[1], "优秀")],
        today=TODAY,
    )
    assert (result.created, result.updated) == (2, 0)
    assert [w.code for w in result.warnings] == ["excellent_quota"]  # 2 of 2 exceeds 20%


def test_a_grade_set_with_hege_passes_and_feeds_the_rules(db: Database, admin: Actor) -> None:
    ids = seed(db, admin, 1)
    number, name = person(db, ids[0])
    assert rules_for_session(db).passing_grades >= {"优秀", "称职"}
    set_grade_scheme(db, admin, GradeScheme(GRADE_SETS["合格"]))
    assert rules_for_session(db).passing_grades == frozenset({"优秀", "合格"})
    bad = plan_appraisal_import(db, admin, sheet((1, number, name, 2025, "称职")), today=TODAY)
    assert [p.code for p in bad.problems] == ["unknown_grade"]
    grid = SheetGrid("考核", (("身份证号", "姓名", "考核等次"), (number, name, "合格")))
    with pytest.raises(ActionRefused, match="年度"):
        apply_appraisal_import(db, admin, grid, today=TODAY)
    assert apply_appraisal_import(db, admin, grid, year=2025, today=TODAY).created == 1
    assert grades(db) == {(ids[0], 2025): "合格"}


def rules_for_session(db: Database) -> AdjustmentRules:
    with db.reading() as session:
        return rules_for(session, 2026)


def test_a_file_name_longer_than_the_batch_column_is_kept_cut(db: Database, admin: Actor) -> None:
    """A deeply nested or long-named file: the import goes through, its batch keeps 255 chars."""
    ids = seed(db, admin, 1)
    number, name = person(db, ids[0])
    long_name = "二〇二五年度社区工作者考核结果" * 20 + ".xlsx"  # 305 characters
    grid = SheetGrid(
        "考核", (("2025年度考核结果",), HEADER, (1, number, name, 2025, "称职")), long_name
    )
    assert apply_appraisal_import(db, admin, grid, today=TODAY).created == 1
    with db.reading() as session:
        batch = session.scalars(select(ImportBatch)).one()
    assert batch.file_name == long_name[:255]
