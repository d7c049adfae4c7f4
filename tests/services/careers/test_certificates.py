"""Certificates through the services on both databases: the golden cases of registration periods
across renewals, allowance start and continuing education; validation; corrections; the bulk
import all or nothing."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.factories import make_worker
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry, ImportBatch, Setting
from workforce.persistence.careers import CertificateRegistration
from workforce.persistence.people import Certificate
from workforce.services.careers.certificate_import import (
    apply_certificate_import,
    plan_certificate_import,
)
from workforce.services.careers.certificates import (
    CertificateEntry,
    certificate_register,
    correct_registration,
    record_certificate,
    register_certificate,
    worker_certificates,
)
from workforce.services.careers.training import SessionInput, create_session, record_attendance
from workforce.services.careers.training_report import reminders, worker_training
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker, load_worker

GOLDEN = json.loads(
    (Path(__file__).parents[2] / "golden" / "certificate_cases.json").read_text("utf-8")
)
D = dt.date.fromisoformat
TODAY = dt.date(2026, 3, 1)


def seed(db: Database, admin: Actor, count: int = 3) -> list[int]:
    with db.transaction() as session:
        community = UnitResolver(session, admin, default_district_id(session)).resolve(
            "新华街道", "光明社区", None
        )[0]
    return [create_worker(db, admin, make_worker(community, n)) for n in range(1, count + 1)]


def build_case(db: Database, admin: Actor, worker: int, case: dict[str, Any]) -> int:
    """The case's certificate as a clerk enters it: the first registration, then each renewal."""
    today = D(case["today"])
    first, *renewals = [D(d) for d in case["registrations"]]
    certificate = record_certificate(
        db,
        admin,
        CertificateEntry(worker, case["level"], None, D(case["obtained"]), first),
        today=today,
    )
    for day in renewals:
        register_certificate(db, admin, certificate, day, today=today)
    for end, hours in case["sessions"]:
        data = SessionInput(f"培训{end}", "街道", D(end), D(end), Decimal(hours))
        record_attendance(db, admin, create_session(db, admin, data), [worker])
    return certificate


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=[c["name"] for c in GOLDEN["cases"]])
def test_golden_registrations_allowance_and_continuing_education(
    db: Database, admin: Actor, case: dict[str, Any]
) -> None:
    worker = seed(db, admin, 1)[0]
    build_case(db, admin, worker, case)
    today, expect = D(case["today"]), case["expect"]
    (view,) = worker_certificates(db, admin, worker, today=today)
    assert [[str(p.start), str(p.end)] for p in view.periods] == expect["periods"]
    assert str(view.valid_until) == expect["valid_until"]
    assert view.state == expect["state"]
    assert str(view.allowance_from) == expect["allowance_from"]
    assert str(view.ladder_from) == expect["ladder_from"]
    training = worker_training(db, admin, worker, today=today)
    ce = training.status.ce
    if expect["ce"] is None:
        assert ce is None
    else:
        assert ce is not None
        got = {"required": ce.required, "earned": ce.earned, "short": ce.short_by}
        assert got == {k: Decimal(v) for k, v in expect["ce"].items()}
    assert training.status.hours == Decimal(expect["year_hours"])
    found = reminders(db, admin, today=today)
    assert [r.kind.value for r in found] == expect["reminders"]
    for text in expect.get("texts", []):
        assert text in [r.text for r in found]
    with db.transaction() as session:  # a region paying from the month of registration
        session.merge(Setting(key="certificate_allowance_from_next_month", value=False))
    (view,) = worker_certificates(db, admin, worker, today=today)
    assert str(view.allowance_from) == expect["allowance_from_same_month"]


def test_validation_refuses_with_reasons(db: Database, admin: Actor) -> None:
    first, second, _ = seed(db, admin)
    entry = CertificateEntry(first, "中级", "S-01 23", dt.date(2020, 5, 1), dt.date(2020, 6, 1))
    certificate = record_certificate(db, admin, entry, today=TODAY)
    with db.reading() as session:
        assert session.scalar(select(Certificate.number)) == "S-0123"
    refusals = {
        "证书编号 S-0123 已登记（测试1，社会工作师）": CertificateEntry(second, "助理", "s-0123"),
        "「测试1」已有社会工作师证书，续期请办理再登记": CertificateEntry(first, "社会工作师"),
        "登记日期2020-04-01早于取得日期2020-05-01": CertificateEntry(
            second, "助理", None, dt.date(2020, 5, 1), dt.date(2020, 4, 1)
        ),
        "登记日期2026-03-02晚于今天": CertificateEntry(
            second, "助理", None, None, TODAY.replace(day=2)
        ),
        "证书等级「初中级」应为助理社会工作师、社会工作师、高级社会工作师之一": CertificateEntry(
            second, "初中级"
        ),
    }
    for message, bad in refusals.items():
        with pytest.raises(ActionRefused) as refused:
            record_certificate(db, admin, bad, today=TODAY)
        assert refused.value.message == message
    with pytest.raises(ActionRefused, match="再登记日期应晚于上次登记日期2020-06-01"):
        register_certificate(db, admin, certificate, dt.date(2020, 6, 1), today=TODAY)
    finance = Actor(None, "caiwu", Role.FINANCE)
    with pytest.raises(ActionRefused, match="无权"):
        record_certificate(db, finance, CertificateEntry(second, "助理"), today=TODAY)


def test_registration_later_and_correction_keep_history(db: Database, admin: Actor) -> None:
    worker = seed(db, admin, 1)[0]
    entry = CertificateEntry(worker, "助理社会工作师", "A1", dt.date(2019, 9, 1))
    certificate = record_certificate(db, admin, entry, today=TODAY)
    assert worker_certificates(db, admin, worker, today=TODAY)[0].state == "未登记"
    register_certificate(db, admin, certificate, dt.date(2020, 6, 1), today=TODAY)
    register_certificate(db, admin, certificate, dt.date(2023, 6, 1), today=TODAY)
    with pytest.raises(ActionRefused, match="必须填写原因"):
        correct_registration(
            db, admin, certificate, dt.date(2020, 6, 1), dt.date(2020, 5, 1), reason=""
        )
    with pytest.raises(ActionRefused, match="没有2021-06-01的登记"):
        correct_registration(
            db, admin, certificate, dt.date(2021, 6, 1), dt.date(2020, 5, 1), reason="笔误"
        )
    correct_registration(
        db, admin, certificate, dt.date(2023, 6, 1), dt.date(2023, 7, 1), reason="以证书为准"
    )
    (view,) = worker_certificates(db, admin, worker, today=TODAY)
    assert view.registrations == (dt.date(2020, 6, 1), dt.date(2023, 7, 1))
    assert load_worker(db, worker).certificate.registered_date == dt.date(2023, 7, 1)  # type: ignore[union-attr]
    with db.reading() as session:
        notes = session.scalars(
            select(AuditEntry.note).where(AuditEntry.action.like("certificate%"))
        ).all()
        assert "以证书为准" in notes and "助理社会工作师证书再登记" in notes
    rows = certificate_register(db, admin, today=TODAY)
    assert [(r.name, r.certificate.number, r.certificate.state) for r in rows] == [
        ("测试1", "A1", "有效")
    ]


def test_a_roster_certificate_is_renewed_in_place(db: Database, admin: Actor) -> None:
    """A certificate from the roster import has only ``registered_date``; the first renewal keeps
    it as the first registration."""
    worker = seed(db, admin, 1)[0]
    with db.transaction() as session:
        session.add(
            Certificate(worker_id=worker, level="社会工作师", registered_date=dt.date(2021, 3, 1))
        )
    with db.reading() as session:
        certificate = session.scalar(select(Certificate.id))
    assert certificate is not None
    register_certificate(db, admin, certificate, dt.date(2024, 2, 20), today=TODAY)
    with db.reading() as session:
        dates = session.scalars(
            select(CertificateRegistration.registered_date).order_by(
                CertificateRegistration.registered_date
            )
        ).all()
    assert dates == [dt.date(2021, 3, 1), dt.date(2024, 2, 20)]
    (view,) = worker_certificates(db, admin, worker, today=TODAY)
    assert (view.ladder_from, view.valid_until) == (dt.date(2021, 3, 1), dt.date(2027, 2, 19))


HEADER = ("序号", "身份证号码", "姓名", "证书等级", "证书编号", "取得日期", "登记日期")


def sheet(*rows: tuple[object, ...]) -> SheetGrid:
    return SheetGrid("社工证", (("社工证登记情况",), HEADER, *rows), "certs.xlsx")


def people(db: Database, ids: list[int]) -> list[tuple[str, str]]:
    return [(load_worker(db, w).data.id_number, load_worker(db, w).data.name) for w in ids]


def counts(db: Database) -> tuple[int, int, int]:
    with db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(Certificate)) or 0,
            session.scalar(select(func.count()).select_from(CertificateRegistration)) or 0,
            session.scalar(select(func.count()).select_from(ImportBatch)) or 0,
        )


def test_import_with_any_error_writes_nothing(db: Database, admin: Actor) -> None:
    ids = seed(db, admin)
    (n1, name1), (n2, name2), (n3, name3) = people(db, ids)
    record_certificate(db, admin, CertificateEntry(ids[2], "助理", "Z-9"), today=TODAY)
    before = counts(db)
    grid = sheet(
        (1, n1, name1, "中级", "S1", "2019.10", "2020-06-01"),  # fine
        (2, n2, "李四", "中级", "S2", "2019-10-01", "2020-06-01"),  # row 4: wrong name
        (3, n2, name2, "初级职称", "S3", None, None),  # row 5: unknown level
        (4, n3, name3, "高级", "S1", None, "2021-01-01"),  # row 6: S1 is also row 3's
        (5, n2, name2, "助理", "Z-9", None, None),  # row 7: Z-9 belongs to 测试3
        (6, n2, name2, "助理", "A7", "2021-05-01", "2021-04-01"),  # row 8: registered first
        (7, n2, name2, "高级", "H1", None, "2027-01-01"),  # row 9: in the future
        (8, 1.5010219900517e17, name2, "助理", "A8", None, None),  # row 10: a number cell
    )
    plan = plan_certificate_import(db, admin, grid, today=TODAY)
    found = {(p.code, p.where.row, p.where.column, p.where.value) for p in plan.problems}
    assert found == {
        ("name_mismatch", 4, "姓名", "李四"),
        ("invalid_level", 5, "证书等级", "初级职称"),
        ("duplicate_number", 3, "证书编号", "S1"),
        ("duplicate_number", 6, "证书编号", "S1"),
        ("number_taken", 7, "证书编号", "Z-9"),
        ("registered_before_obtained", 8, "登记日期", "2021-04-01"),
        ("future_registered", 9, "登记日期", "2027-01-01"),
        ("lost_digits_id_number", 10, "身份证号码", "150102199005170000"),
    }
    assert all(p.where.sheet == "社工证" and p.is_error for p in plan.problems)
    with pytest.raises(ActionRefused) as refused:
        apply_certificate_import(db, admin, grid, today=TODAY)
    assert refused.value.message.startswith("证书表有误，未导入：工作表「社工证」 第3行")
    assert len(refused.value.problems) == len(found)
    assert counts(db) == before


def test_import_adds_renews_and_leaves_the_rest(db: Database, admin: Actor) -> None:
    ids = seed(db, admin)
    (n1, name1), (n2, name2), (n3, name3) = people(db, ids)
    existing = record_certificate(
        db,
        admin,
        CertificateEntry(ids[1], "社会工作师", None, None, dt.date(2020, 6, 1)),
        today=TODAY,
    )
    grid = sheet(
        (1, n1, name1, "助理", "A-1", "2019.10", "2020-06-01"),
        (2, n1, name1, "助理社会工作师", "A-1", None, "2023-06-01"),  # the same certificate renewed
        (3, n2, name2, "中级", "S-2", "2019-11-01", "2023-05-20"),  # 测试2's certificate renewed
        (4, n3, name3, "高级", None, None, None),  # a new certificate not yet registered
        ("合计", None, None, None, None, None, None),
    )
    plan = plan_certificate_import(db, admin, grid, today=TODAY)
    assert not plan.problems
    assert (plan.total_rows, plan.created, plan.updated, plan.unchanged) == (4, 2, 1, 0)
    change = next(c for c in plan.changes if c.certificate_id == existing)
    assert (change.action, change.number, change.registrations) == (
        "再登记",
        "S-2",
        (dt.date(2020, 6, 1), dt.date(2023, 5, 20)),
    )
    result = apply_certificate_import(db, admin, grid, today=TODAY)
    assert (result.created, result.updated) == (2, 1)
    first = worker_certificates(db, admin, ids[0], today=TODAY)[0]
    assert first.registrations == (dt.date(2020, 6, 1), dt.date(2023, 6, 1))
    second = worker_certificates(db, admin, ids[1], today=TODAY)[0]
    assert (second.number, second.obtained, second.ladder_from) == (
        "S-2",
        dt.date(2019, 11, 1),
        dt.date(2020, 6, 1),
    )
    assert load_worker(db, ids[1]).certificate.registered_date == dt.date(2023, 5, 20)  # type: ignore[union-attr]
    again = plan_certificate_import(db, admin, grid, today=TODAY)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    with db.reading() as session:
        audited = session.scalar(select(func.count()).where(AuditEntry.batch_id == result.batch_id))
    assert audited == 3 + 1  # the three certificates and the import itself
