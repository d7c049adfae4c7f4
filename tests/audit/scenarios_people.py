"""Audit scenarios for people, the organisation, users and configuration."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from tests.audit.scenarios import (
    ANY,
    TODAY,
    Expect,
    Service,
    World,
    scenario,
)
from tests.services.payroll_support import community
from workforce.domain.adjustment.appraisal import GRADE_SETS, GradeScheme
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import WorkerStatus
from workforce.services.adjustment.appraisals import AppraisalEntry
from workforce.services.careers.certificates import CertificateEntry, record_certificate
from workforce.services.careers.training import SessionInput, create_session
from workforce.services.roster.workers import load_worker

# -- people ---------------------------------------------------------------------------------


@scenario("roster.workers:create_worker")
def _create_worker(w: World, create: Service) -> Expect:
    from tests.factories import make_worker

    new = create(w.db, w.admin, make_worker(w.community, 7, name="新人"))
    return Expect("create", "worker", new, {"name": (None, "新人")})


@scenario("roster.workers:update_worker")
def _update_worker(w: World, update: Service) -> Expect:
    file = load_worker(w.db, w.workers[0])
    update(w.db, w.admin, w.workers[0], replace(file.data, phone="13900001111"), file.version)
    return Expect("update", "worker", w.workers[0], {"phone": (None, "13900001111")})


@scenario("roster.workers:transfer_worker")
def _transfer_worker(w: World, transfer: Service) -> Expect:
    other = community(w.db, w.admin, name="朝阳社区")
    transfer(w.db, w.admin, w.workers[0], other, dt.date(2026, 1, 1), "工作需要")
    return Expect(
        "update", "worker", w.workers[0], {"community_id": (str(w.community), str(other))}
    )


@scenario("roster.workers:change_status")
def _change_status(w: World, change: Service) -> Expect:
    change(w.db, w.admin, w.workers[0], WorkerStatus.LEFT, dt.date(2026, 1, 1), "辞职")
    return Expect("update", "worker", w.workers[0], {"status": ("在职", "离职")})


@scenario("roster.importing:apply_roster_import")
def _roster_import(w: World, apply: Service) -> Expect:
    from tests.factories import make_id

    grid = SheetGrid(
        "花名册",
        (
            ("街道", "社区", "姓名", "身份证号", "岗位", "岗位等级"),
            ("新华街道", "光明社区", "李娜", make_id(9), "其他", 3),
        ),
        "花名册.xlsx",
    )
    apply(w.db, w.admin, grid, today=TODAY)
    return Expect("create", "worker", ANY, {"name": (None, "李娜")})


@scenario("adjustment.appraisals:record_appraisals")
def _record_appraisals(w: World, record: Service) -> Expect:
    record(w.db, w.admin, 2025, [AppraisalEntry(w.workers[0], "称职")], today=TODAY)
    return Expect("appraisal", "worker", w.workers[0], {"appraisal:2025": (None, "称职")})


@scenario("adjustment.appraisals:apply_appraisal_import")
def _appraisal_import(w: World, apply: Service) -> Expect:
    header = ("序号", "身份证号码", "姓名", "年度", "考核结果")
    grid = SheetGrid("考核", (header, (1, w.id_number(), w.name(), 2025, "基本称职")), "k.xlsx")
    apply(w.db, w.admin, grid, today=TODAY)
    return Expect("appraisal", "worker", w.workers[0], {"appraisal:2025": (None, "基本称职")})


@scenario("careers.certificates:record_certificate")
def _record_certificate(w: World, record: Service) -> Expect:
    entry = CertificateEntry(w.workers[0], "社会工作师", "S1", dt.date(2024, 6, 1), None)
    certificate = record(w.db, w.admin, entry, today=TODAY)
    assert certificate
    return Expect("certificate", "worker", w.workers[0], {"level": (None, "社会工作师")})


def _certificate(w: World, registered: dt.date | None = None) -> int:
    entry = CertificateEntry(w.workers[0], "社会工作师", "S1", dt.date(2024, 6, 1), registered)
    return int(record_certificate(w.db, w.admin, entry, today=TODAY))


@scenario("careers.certificates:register_certificate")
def _register_certificate(w: World, register: Service) -> Expect:
    certificate = _certificate(w)
    register(w.db, w.admin, certificate, dt.date(2024, 9, 1), today=TODAY)
    return Expect("certificate", "worker", w.workers[0], {"registered_date": (None, "2024-09-01")})


@scenario("careers.certificates:correct_registration")
def _correct_registration(w: World, correct: Service) -> Expect:
    certificate = _certificate(w, dt.date(2024, 9, 1))
    correct(
        w.db, w.admin, certificate, dt.date(2024, 9, 1), dt.date(2024, 8, 1), reason="以登记证为准"
    )
    changes = {"registration:社会工作师": ("2024-09-01", "2024-08-01")}
    return Expect("certificate_correction", "worker", w.workers[0], changes)


@scenario("careers.certificate_import:apply_certificate_import")
def _certificate_import(w: World, apply: Service) -> Expect:
    header = ("序号", "身份证号码", "姓名", "证书等级", "证书编号", "取得日期", "登记日期")
    row = (1, w.id_number(), w.name(), "助理社会工作师", "A-9", "2024-06-01", None)
    apply(w.db, w.admin, SheetGrid("社工证", (header, row), "c.xlsx"), today=TODAY)
    changes = {"助理社会工作师:number": (None, "A-9")}
    return Expect("certificate", "worker", w.workers[0], changes)


@scenario("careers.training:create_session")
def _create_session(w: World, create: Service) -> Expect:
    data = SessionInput("政策培训", "市级", dt.date(2026, 3, 1), dt.date(2026, 3, 2), Decimal(12))
    session_id = create(w.db, w.admin, data)
    return Expect("create", "training_session", session_id, {"title": (None, "政策培训")})


def _session(w: World) -> int:
    data = SessionInput("政策培训", "市级", dt.date(2026, 3, 1), dt.date(2026, 3, 2), Decimal(12))
    return int(create_session(w.db, w.admin, data))


@scenario("careers.training:record_attendance")
def _record_attendance(w: World, record: Service) -> Expect:
    record(w.db, w.admin, _session(w), [w.workers[0]])
    return Expect("training", "worker", w.workers[0])


@scenario("careers.training:apply_signin_import")
def _signin_import(w: World, apply: Service) -> Expect:
    header = ("序号", "姓名", "身份证号", "是否合格", "签名")
    grid = SheetGrid("签到表", (header, (1, w.name(), w.id_number(), "合格", "✓")), "q.xlsx")
    apply(w.db, w.admin, grid, session_id=_session(w))
    return Expect("training", "worker", w.workers[0])


@scenario("careers.pipeline:move")
def _move(w: World, move: Service) -> Expect:
    move(
        w.db, w.admin, w.workers[0], "后备人选", effective_date=dt.date(2026, 1, 1),
        reason="民主推荐", target_role="副职", today=TODAY,
    )  # fmt: skip
    return Expect("pipeline", "worker", w.workers[0])


# -- organisation, users, configuration ------------------------------------------------------


@scenario("roster.org:create_unit")
def _create_unit(w: World, create: Service) -> Expect:
    unit = create(w.db, w.admin, None, "district", "二区")
    return Expect("create", "org_unit", unit, {"name": (None, "二区")})


@scenario("roster.org:rename_unit")
def _rename_unit(w: World, rename: Service) -> Expect:
    rename(w.db, w.admin, w.community, "光明新社区")
    return Expect("rename", "org_unit", w.community, {"name": ("光明社区", "光明新社区")})


@scenario("careers.pipeline_lists:set_headcount_norm")
def _headcount(w: World, set_norm: Service) -> Expect:
    set_norm(w.db, w.admin, w.community, 6)
    return Expect("update", "org_unit", w.community, {"headcount_norm": (None, "6")})


@scenario("accounts.users:create_user")
def _create_user(w: World, create: Service) -> Expect:
    new = create(w.db, w.admin, "luru", "录入员", "clerk")
    return Expect("create", "app_user", new, {"username": (None, "luru")})


@scenario("adjustment.appraisals:set_grade_scheme")
def _grade_scheme(w: World, set_scheme: Service) -> Expect:
    set_scheme(w.db, w.admin, GradeScheme(GRADE_SETS["合格"]))
    return Expect("update", "setting", None)


@scenario("careers.pipeline:set_role_posts")
def _role_posts(w: World, set_posts: Service) -> Expect:
    set_posts(w.db, w.admin, {"副职": "deputy", "正职": "principal"})
    return Expect("update", "setting", None)


@scenario("careers.pipeline_lists:set_eligibility_rules")
def _eligibility(w: World, set_rules: Service) -> Expect:
    set_rules(w.db, w.admin, {"target": "正职", "min_community_years": 12})
    return Expect("update", "setting", None)


@scenario("careers.pipeline_lists:set_role_norms")
def _role_norms(w: World, set_norms: Service) -> Expect:
    set_norms(w.db, w.admin, {"正职": 1, "副职": 2, "两委成员": 5})
    return Expect("update", "setting", None)


@scenario("careers.training:set_yearly_target")
def _yearly_target(w: World, set_target: Service) -> Expect:
    set_target(w.db, w.admin, Decimal(24))
    return Expect("update", "setting", None)


@scenario("system.demo:generate_demo")
def _demo(w: World, generate: Service) -> Expect:
    generate(w.db, w.admin, workers=20, seed=1, today=TODAY)
    return Expect("generate_demo", "demo", None)
