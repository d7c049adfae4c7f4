"""Training on both databases: sessions, attendance as a batch, the sign-in import all or nothing
(by ID number or by a unique name), the compliance report per community and the reminders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from tests.factories import make_worker
from workforce.domain.careers.compliance import ReminderKind
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.persistence.accounts import ImportBatch
from workforce.persistence.people import TrainingAttendance, TrainingSession
from workforce.services.careers.certificates import CertificateEntry, record_certificate
from workforce.services.careers.training import (
    SessionInput,
    apply_signin_import,
    create_session,
    plan_signin_import,
    record_attendance,
    set_yearly_target,
)
from workforce.services.careers.training_report import reminders, training_compliance
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker, load_worker

TODAY = dt.date(2025, 12, 20)
D = dt.date


def seed(db: Database, admin: Actor) -> list[int]:
    """测试1, 测试2 in 光明社区; 张三 and another 测试1 in 朝阳社区."""
    with db.transaction() as session:
        units = UnitResolver(session, admin, default_district_id(session))
        bright = units.resolve("新华街道", "光明社区", None)[0]
        sunny = units.resolve("新华街道", "朝阳社区", None)[0]
    return [
        create_worker(db, admin, make_worker(bright, 1)),
        create_worker(db, admin, make_worker(bright, 2)),
        create_worker(db, admin, make_worker(sunny, 3, name="张三")),
        create_worker(db, admin, make_worker(sunny, 4, name="测试1")),
    ]


def session_input(hours: str = "16", end: dt.date = dt.date(2025, 4, 2)) -> SessionInput:
    return SessionInput(
        "社区治理能力提升培训", "旗县区", end - dt.timedelta(days=1), end, Decimal(hours)
    )


def test_sessions_are_checked(db: Database, admin: Actor) -> None:
    bad = SessionInput(" ", "省级", D(2025, 4, 2), D(2025, 4, 1), Decimal(0))
    with pytest.raises(ActionRefused) as refused:
        create_session(db, admin, bad)
    assert refused.value.message == (
        "培训名称不能为空；主办层级应为市级、旗县区、街道之一；结束日期早于开始日期；学时应大于0且小于1000"
    )
    with pytest.raises(ActionRefused, match="学时最多保留一位小数"):
        create_session(db, admin, session_input("2.25"))


def test_attendance_as_a_batch(db: Database, admin: Actor) -> None:
    ids = seed(db, admin)
    session_id = create_session(db, admin, session_input())
    result = record_attendance(db, admin, session_id, ids[:2])
    assert (result.added, result.updated, result.unchanged) == (2, 0, 0)
    result = record_attendance(db, admin, session_id, [ids[1]], passed=False)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 0)
    result = record_attendance(db, admin, session_id, ids[:3])
    assert (result.added, result.updated, result.unchanged) == (1, 1, 1)
    with pytest.raises(ActionRefused, match="人员不存在：999"):
        record_attendance(db, admin, session_id, [999])
    with pytest.raises(ActionRefused, match="培训班 999 不存在"):
        record_attendance(db, admin, 999, ids[:1])


HEADER = ("序号", "姓名", "身份证号", "是否合格", "签名")


def signin(*rows: tuple[object, ...]) -> SheetGrid:
    return SheetGrid("签到表", (("社区治理能力提升培训签到表",), HEADER, *rows), "qiandao.xlsx")


def test_signin_import_with_any_error_writes_nothing(db: Database, admin: Actor) -> None:
    ids = seed(db, admin)
    n2 = load_worker(db, ids[1]).data.id_number
    n3 = load_worker(db, ids[2]).data.id_number
    grid = signin(
        (1, "测试2", n2, "合格", "✓"),
        (2, "测试1", None, None, None),  # row 4: two active workers are named 测试1
        (3, "王五", None, None, None),  # row 5: nobody is named 王五
        (4, "李四", n3, None, None),  # row 6: the ID number is 张三's
        (5, "张三", "11010519491231002X", None, None),  # row 7: unknown ID number
        (6, "测试2", n2, "良", None),  # row 8: unreadable result, and 测试2 again
    )
    plan = plan_signin_import(db, admin, grid, new_session=session_input())
    found = {(p.code, p.where.row, p.where.column, p.where.value) for p in plan.problems}
    assert found == {
        ("ambiguous_name", 4, "姓名", "测试1"),
        ("unknown_name", 5, "姓名", "王五"),
        ("name_mismatch", 6, "姓名", "李四"),
        ("unknown_person", 7, "身份证号", "11010519491231002X"),
        ("invalid_passed", 8, "是否合格", "良"),
    }
    assert plan.session_title == "社区治理能力提升培训"
    with pytest.raises(ActionRefused, match="签到表有误，未导入"):
        apply_signin_import(db, admin, grid, new_session=session_input())
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(TrainingSession)) == 0
        assert session.scalar(select(func.count()).select_from(TrainingAttendance)) == 0
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_signin_import_creates_the_session_and_its_list(db: Database, admin: Actor) -> None:
    ids = seed(db, admin)
    n4 = load_worker(db, ids[3]).data.id_number
    grid = signin(
        (1, "测试2", None, "合格", None),  # by the name alone
        (2, "测试1", n4, "不合格", None),  # 测试1 by the ID number
        (3, "张 三", None, None, None),  # the spaces clerks put in names
        ("合计", "3人", None, None, None),
    )
    result = apply_signin_import(db, admin, grid, new_session=session_input())
    assert (result.added, result.updated, result.unchanged) == (3, 0, 0)
    with db.reading() as session:
        listed = dict(
            session.execute(select(TrainingAttendance.worker_id, TrainingAttendance.passed))
            .tuples()
            .all()
        )
    assert listed == {ids[1]: True, ids[3]: False, ids[2]: True}
    again = plan_signin_import(db, admin, grid, session_id=result.session_id)
    assert (again.added, again.unchanged, again.problems) == (0, 3, ())


def test_compliance_per_community_and_reminders(db: Database, admin: Actor) -> None:
    ids = seed(db, admin)
    record_certificate(
        db,
        admin,
        CertificateEntry(ids[0], "助理", "A1", D(2022, 10, 1), D(2023, 3, 1)),
        today=TODAY,
    )
    first = create_session(db, admin, session_input("24", D(2025, 4, 2)))
    second = create_session(db, admin, session_input("20", D(2025, 9, 30)))
    record_attendance(db, admin, first, ids[:3])
    record_attendance(db, admin, second, ids[:1])
    record_attendance(db, admin, second, ids[1:2], passed=False)  # attended, did not pass
    report = training_compliance(db, admin, year=2025, today=TODAY)
    hours = {r.person.worker_id: (r.status.hours, r.status.short_by) for r in report.rows}
    assert hours == {
        ids[0]: (Decimal(44), Decimal(0)),
        ids[1]: (Decimal(24), Decimal(16)),
        ids[2]: (Decimal(24), Decimal(16)),
        ids[3]: (Decimal(0), Decimal(40)),
    }
    assert [
        (c.community, c.headcount, c.met, c.short, c.short_hours, c.registered, c.ce_short)
        for c in report.communities
    ] == [
        ("光明社区", 2, 1, 1, Decimal(16), 1, 1),
        ("朝阳社区", 2, 0, 2, Decimal(56), 0, 0),
    ]
    assert [r.person.worker_id for r in report.short_rows] == ids
    set_yearly_target(db, admin, Decimal(24))
    report = training_compliance(db, admin, year=2025, today=TODAY)
    assert [r.person.worker_id for r in report.short_rows] == [ids[0], ids[3]]
    found = reminders(db, admin, today=D(2025, 12, 20))
    assert [(r.person.worker_id, r.kind) for r in found] == [
        (ids[0], ReminderKind.LAPSING),
        (ids[0], ReminderKind.CE_SHORT),
        (ids[3], ReminderKind.YEARLY_SHORT),
    ]
    assert found[1].text == (
        "本登记周期（2023-03-01至2026-02-28）继续教育44学时，还差28学时（应达72学时）"
    )
    with pytest.raises(ActionRefused, match="2026年尚未到来"):
        training_compliance(db, admin, year=2026, today=TODAY)
