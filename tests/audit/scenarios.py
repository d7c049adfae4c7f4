"""One small scenario per mutating service: call it once, say which audit row it must leave.

A scenario gets a fresh ``World`` (two workers in 光明社区, an approver and a finance user) and
the service itself; it prepares what the call needs through other services, calls the service
once and returns what the audit log must now hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.appraisal import GRADE_SETS, GradeScheme
from workforce.domain.pay_item_sheet import ItemEntry
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role, WorkerStatus
from workforce.services.adjustment_run import approve_run, prepare_run
from workforce.services.appraisals import AppraisalEntry, record_appraisals
from workforce.services.certificates import CertificateEntry, record_certificate
from workforce.services.context import Actor, Database
from workforce.services.payroll_calc import calculate_month
from workforce.services.payroll_deductions import declare_deduction
from workforce.services.payroll_items import add_items
from workforce.services.payroll_lifecycle import approve_month
from workforce.services.training import SessionInput, create_session
from workforce.services.workers import load_worker

ANY = object()  # the entity id is checked to be set, whatever its value
ANY_ACTION = ANY_ENTITY = ANY_TEXT = "*"  # any action, entity or old value
TODAY = dt.date(2026, 3, 15)
MARCH = dt.date(2026, 3, 1)
PASSING = {2023: "称职", 2024: "称职", 2025: "称职"}


@dataclass(frozen=True)
class Expect:
    """An audit row the call must leave: action, entity, id, and field → (old, new) as text."""

    action: str
    entity: str
    entity_id: object = ANY
    changes: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


@dataclass
class World:
    db: Database
    admin: Actor
    approver: Actor
    finance: Actor
    community: int
    workers: list[int]

    def id_number(self, index: int = 0) -> str:
        return load_worker(self.db, self.workers[index]).data.id_number

    def name(self, index: int = 0) -> str:
        return load_worker(self.db, self.workers[index]).data.name


def make_world(db: Database, admin: Actor, *, people: bool = True) -> World:
    if not people:
        return World(db, admin, admin, admin, 0, [])
    unit = community(db, admin)
    workers = [hire(db, admin, unit, n, level=3, level_start_year=2023) for n in (1, 2)]
    return World(
        db,
        admin,
        user(db, "shenhe", Role.APPROVER),
        user(db, "caiwu", Role.FINANCE),
        unit,
        workers,
    )


Service = Callable[..., Any]
Scenario = Callable[[World, Service], Expect]
SCENARIOS: dict[str, Scenario] = {}
WITHOUT_PEOPLE = {"demo:generate_demo"}  # needs a database with no units or workers yet


def scenario(key: str) -> Callable[[Scenario], Scenario]:
    def register(function: Scenario) -> Scenario:
        SCENARIOS[key] = function
        return function

    return register


# -- people ---------------------------------------------------------------------------------


@scenario("workers:create_worker")
def _create_worker(w: World, create: Service) -> Expect:
    from tests.factories import make_worker

    new = create(w.db, w.admin, make_worker(w.community, 7, name="新人"))
    return Expect("create", "worker", new, {"name": (None, "新人")})


@scenario("workers:update_worker")
def _update_worker(w: World, update: Service) -> Expect:
    file = load_worker(w.db, w.workers[0])
    update(w.db, w.admin, w.workers[0], replace(file.data, phone="13900001111"), file.version)
    return Expect("update", "worker", w.workers[0], {"phone": (None, "13900001111")})


@scenario("workers:transfer_worker")
def _transfer_worker(w: World, transfer: Service) -> Expect:
    other = community(w.db, w.admin, name="朝阳社区")
    transfer(w.db, w.admin, w.workers[0], other, dt.date(2026, 1, 1), "工作需要")
    return Expect(
        "update", "worker", w.workers[0], {"community_id": (str(w.community), str(other))}
    )


@scenario("workers:change_status")
def _change_status(w: World, change: Service) -> Expect:
    change(w.db, w.admin, w.workers[0], WorkerStatus.LEFT, dt.date(2026, 1, 1), "辞职")
    return Expect("update", "worker", w.workers[0], {"status": ("在职", "离职")})


@scenario("roster_import:apply_roster_import")
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


@scenario("appraisals:record_appraisals")
def _record_appraisals(w: World, record: Service) -> Expect:
    record(w.db, w.admin, 2025, [AppraisalEntry(w.workers[0], "称职")], today=TODAY)
    return Expect("appraisal", "worker", w.workers[0], {"appraisal:2025": (None, "称职")})


@scenario("appraisals:apply_appraisal_import")
def _appraisal_import(w: World, apply: Service) -> Expect:
    header = ("序号", "身份证号码", "姓名", "年度", "考核结果")
    grid = SheetGrid("考核", (header, (1, w.id_number(), w.name(), 2025, "基本称职")), "k.xlsx")
    apply(w.db, w.admin, grid, today=TODAY)
    return Expect("appraisal", "worker", w.workers[0], {"appraisal:2025": (None, "基本称职")})


@scenario("certificates:record_certificate")
def _record_certificate(w: World, record: Service) -> Expect:
    entry = CertificateEntry(w.workers[0], "社会工作师", "S1", dt.date(2024, 6, 1), None)
    certificate = record(w.db, w.admin, entry, today=TODAY)
    assert certificate
    return Expect("certificate", "worker", w.workers[0], {"level": (None, "社会工作师")})


def _certificate(w: World, registered: dt.date | None = None) -> int:
    entry = CertificateEntry(w.workers[0], "社会工作师", "S1", dt.date(2024, 6, 1), registered)
    return int(record_certificate(w.db, w.admin, entry, today=TODAY))


@scenario("certificates:register_certificate")
def _register_certificate(w: World, register: Service) -> Expect:
    certificate = _certificate(w)
    register(w.db, w.admin, certificate, dt.date(2024, 9, 1), today=TODAY)
    return Expect("certificate", "worker", w.workers[0], {"registered_date": (None, "2024-09-01")})


@scenario("certificates:correct_registration")
def _correct_registration(w: World, correct: Service) -> Expect:
    certificate = _certificate(w, dt.date(2024, 9, 1))
    correct(
        w.db, w.admin, certificate, dt.date(2024, 9, 1), dt.date(2024, 8, 1), reason="以登记证为准"
    )
    changes = {"registration:社会工作师": ("2024-09-01", "2024-08-01")}
    return Expect("certificate_correction", "worker", w.workers[0], changes)


@scenario("certificate_import:apply_certificate_import")
def _certificate_import(w: World, apply: Service) -> Expect:
    header = ("序号", "身份证号码", "姓名", "证书等级", "证书编号", "取得日期", "登记日期")
    row = (1, w.id_number(), w.name(), "助理社会工作师", "A-9", "2024-06-01", None)
    apply(w.db, w.admin, SheetGrid("社工证", (header, row), "c.xlsx"), today=TODAY)
    changes = {"助理社会工作师:number": (None, "A-9")}
    return Expect("certificate", "worker", w.workers[0], changes)


@scenario("training:create_session")
def _create_session(w: World, create: Service) -> Expect:
    data = SessionInput("政策培训", "市级", dt.date(2026, 3, 1), dt.date(2026, 3, 2), Decimal(12))
    session_id = create(w.db, w.admin, data)
    return Expect("create", "training_session", session_id, {"title": (None, "政策培训")})


def _session(w: World) -> int:
    data = SessionInput("政策培训", "市级", dt.date(2026, 3, 1), dt.date(2026, 3, 2), Decimal(12))
    return int(create_session(w.db, w.admin, data))


@scenario("training:record_attendance")
def _record_attendance(w: World, record: Service) -> Expect:
    record(w.db, w.admin, _session(w), [w.workers[0]])
    return Expect("training", "worker", w.workers[0])


@scenario("training:apply_signin_import")
def _signin_import(w: World, apply: Service) -> Expect:
    header = ("序号", "姓名", "身份证号", "是否合格", "签名")
    grid = SheetGrid("签到表", (header, (1, w.name(), w.id_number(), "合格", "✓")), "q.xlsx")
    apply(w.db, w.admin, grid, session_id=_session(w))
    return Expect("training", "worker", w.workers[0])


@scenario("pipeline:move")
def _move(w: World, move: Service) -> Expect:
    move(
        w.db, w.admin, w.workers[0], "后备人选", effective_date=dt.date(2026, 1, 1),
        reason="民主推荐", target_role="副职", today=TODAY,
    )  # fmt: skip
    return Expect("pipeline", "worker", w.workers[0])


# -- organisation, users, configuration ------------------------------------------------------


@scenario("org:create_unit")
def _create_unit(w: World, create: Service) -> Expect:
    unit = create(w.db, w.admin, None, "district", "二区")
    return Expect("create", "org_unit", unit, {"name": (None, "二区")})


@scenario("org:rename_unit")
def _rename_unit(w: World, rename: Service) -> Expect:
    rename(w.db, w.admin, w.community, "光明新社区")
    return Expect("rename", "org_unit", w.community, {"name": ("光明社区", "光明新社区")})


@scenario("pipeline_lists:set_headcount_norm")
def _headcount(w: World, set_norm: Service) -> Expect:
    set_norm(w.db, w.admin, w.community, 6)
    return Expect("update", "org_unit", w.community, {"headcount_norm": (None, "6")})


@scenario("users:create_user")
def _create_user(w: World, create: Service) -> Expect:
    new = create(w.db, w.admin, "luru", "录入员", "clerk")
    return Expect("create", "app_user", new, {"username": (None, "luru")})


@scenario("appraisals:set_grade_scheme")
def _grade_scheme(w: World, set_scheme: Service) -> Expect:
    set_scheme(w.db, w.admin, GradeScheme(GRADE_SETS["合格"]))
    return Expect("update", "setting", None)


@scenario("pipeline:set_role_posts")
def _role_posts(w: World, set_posts: Service) -> Expect:
    set_posts(w.db, w.admin, {"副职": "deputy", "正职": "principal"})
    return Expect("update", "setting", None)


@scenario("pipeline_lists:set_eligibility_rules")
def _eligibility(w: World, set_rules: Service) -> Expect:
    set_rules(w.db, w.admin, {"target": "正职", "min_community_years": 12})
    return Expect("update", "setting", None)


@scenario("pipeline_lists:set_role_norms")
def _role_norms(w: World, set_norms: Service) -> Expect:
    set_norms(w.db, w.admin, {"正职": 1, "副职": 2, "两委成员": 5})
    return Expect("update", "setting", None)


@scenario("training:set_yearly_target")
def _yearly_target(w: World, set_target: Service) -> Expect:
    set_target(w.db, w.admin, Decimal(24))
    return Expect("update", "setting", None)


@scenario("demo:generate_demo")
def _demo(w: World, generate: Service) -> Expect:
    generate(w.db, w.admin, workers=20, seed=1, today=TODAY)
    return Expect("generate_demo", "demo", None)


# -- pay scales and allowances ---------------------------------------------------------------


def _scale_grid() -> SheetGrid:
    rows: list[tuple[object, ...]] = [("等级", "社区正职", "社区副职", "其他社区工作者")]
    for level in range(1, 19):
        principal = 4600 + 170 * (level - 7) if level >= 7 else None
        deputy = 4288 + 170 * (level - 4) if 4 <= level <= 15 else None
        staff = 3498 + 170 * (level - 1) if level <= 12 else None
        rows.append((level, principal, deputy, staff))
    return SheetGrid("标准", tuple(rows), "2027标准.xlsx")


@scenario("scale_admin:import_scale")
def _import_scale(w: World, import_scale: Service) -> Expect:
    result = import_scale(w.db, w.admin, _scale_grid(), dt.date(2027, 1, 1), name="2027年标准")
    return Expect("import", "pay_scale", result.scale_id)


@scenario("scale_admin:set_amount")
def _set_amount(w: World, set_amount: Service) -> Expect:
    from workforce.services.scale_admin import import_scale

    scale = import_scale(w.db, w.admin, _scale_grid(), dt.date(2027, 1, 1), name="2027年标准")
    set_amount(w.db, w.admin, scale.scale_id, "staff", 3, "4000")
    return Expect("update", "pay_scale", scale.scale_id, {"staff:3": ("3838.00", "4000.00")})


@scenario("allowances:set_allowance")
def _set_allowance(w: World, set_allowance: Service) -> Expect:
    set_allowance(w.db, w.admin, "one_shoulder", "", "350", dt.date(2027, 1, 1))
    return Expect("create", "allowance_rate", ANY, {"amount": ("300.00", "350.00")})


# -- the yearly adjustment --------------------------------------------------------------------


def _passing(w: World) -> None:
    for year, grade in PASSING.items():
        record_appraisals(w.db, w.admin, year, [AppraisalEntry(v, grade) for v in w.workers])


@scenario("adjustment_run:prepare_run")
def _prepare(w: World, prepare: Service) -> Expect:
    _passing(w)
    run = prepare(w.db, w.admin, 2026)
    return Expect("prepare", "adjustment_run", run.run_id)


def _prepared(w: World) -> int:
    _passing(w)
    return int(prepare_run(w.db, w.admin, 2026).run_id)


@scenario("adjustment_run:override_item")
def _override(w: World, override: Service) -> Expect:
    run = _prepared(w)
    override(w.db, w.admin, run, w.workers[0], reason="待核实学历", excluded=True)
    return Expect("override", ANY_ENTITY, ANY, {"excluded": ("否", "是")})


@scenario("adjustment_run:approve_run")
def _approve_run(w: World, approve: Service) -> Expect:
    run = _prepared(w)
    approve(w.db, w.approver, run)
    return Expect("approve", "adjustment_run", run, {"status": ("prepared", "approved")})


@scenario("adjustment_apply:apply_run")
def _apply_run(w: World, apply: Service) -> Expect:
    run = _prepared(w)
    approve_run(w.db, w.approver, run)
    apply(w.db, w.admin, run)
    return Expect("adjust", "worker", w.workers[0], {"level": ("3", "4")})


@scenario("adjustment_apply:revert_run")
def _revert_run(w: World, revert: Service) -> Expect:
    from workforce.services.adjustment_apply import apply_run

    run = _prepared(w)
    approve_run(w.db, w.approver, run)
    apply_run(w.db, w.admin, run)
    revert(w.db, w.approver, run, "考核结果录入有误")
    return Expect(ANY_ACTION, "worker", w.workers[0], {"level": ("4", "3")})


@scenario("adjustment_apply:discard_run")
def _discard_run(w: World, discard: Service) -> Expect:
    run = _prepared(w)
    discard(w.db, w.admin, run)
    return Expect("discard", "adjustment_run", run)


# -- payroll ----------------------------------------------------------------------------------


@scenario("payroll_calc:calculate_month")
def _calculate(w: World, calculate: Service) -> Expect:
    calculate(w.db, w.admin, "2026-03")
    return Expect("calculate", "payroll_month", ANY, {"status": (None, "calculated")})


@scenario("payroll_lifecycle:approve_month")
def _approve_month(w: World, approve: Service) -> Expect:
    calculate_month(w.db, w.admin, "2026-03")
    approve(w.db, w.approver, "2026-03")
    return Expect("approve", "payroll_month", ANY, {"status": ("calculated", "approved")})


@scenario("payroll_lifecycle:return_month")
def _return_month(w: World, return_month: Service) -> Expect:
    calculate_month(w.db, w.admin, "2026-03")
    return_month(w.db, w.approver, "2026-03", "核对补贴")
    return Expect("invalidate", "payroll_month", ANY, {"status": ("calculated", "draft")})


@scenario("payroll_lifecycle:lock_month")
def _lock_month(w: World, lock: Service) -> Expect:
    calculate_month(w.db, w.admin, "2026-03")
    approve_month(w.db, w.approver, "2026-03")
    lock(w.db, w.finance, "2026-03")
    return Expect("lock", "payroll_month", ANY, {"status": ("approved", "locked")})


@scenario("payroll_items:add_items")
def _add_items(w: World, add: Service) -> Expect:
    add(w.db, w.admin, [ItemEntry(w.id_number(), MARCH, "取暖补贴", Decimal("300"))])
    return Expect("create", "pay_item", ANY, {"name": (None, "取暖补贴"), "amount": (None, "300")})


@scenario("payroll_items:remove_item")
def _remove_item(w: World, remove: Service) -> Expect:
    (item,) = add_items(w.db, w.admin, [ItemEntry(w.id_number(), MARCH, "取暖补贴", Decimal(300))])
    remove(w.db, w.admin, item)
    return Expect("delete", "pay_item", item, {"amount": ("300.00", None)})


@scenario("payroll_bases:compute_bases")
def _compute_bases(w: World, compute: Service) -> Expect:
    compute(w.db, w.admin, 2026)
    return Expect("compute", "contribution_base", None)


@scenario("payroll_bases:override_base")
def _override_base(w: World, override: Service) -> Expect:
    override(w.db, w.admin, w.workers[0], 2026, "6000", "社保核定")
    return Expect("override", "contribution_base", ANY, {"base": (None, "6000")})


@scenario("payroll_base_io:apply_base_import")
def _base_import(w: World, apply: Service) -> Expect:
    grid = SheetGrid("基数", (("身份证号", "姓名", "缴费基数"), (w.id_number(), w.name(), 6500)))
    apply(w.db, w.admin, grid, 2026)
    return Expect(ANY_ACTION, "contribution_base", ANY, {"base": (ANY_TEXT, "6500.00")})


@scenario("payroll_deductions:declare_deduction")
def _declare(w: World, declare: Service) -> Expect:
    row = declare(w.db, w.admin, w.workers[0], "住房租金", "1500", dt.date(2026, 1, 1))
    return Expect("declare", "special_deduction", row, {"monthly_amount": (None, "1500")})


def _declared(w: World) -> int:
    return int(
        declare_deduction(w.db, w.admin, w.workers[0], "住房租金", "1500", dt.date(2026, 1, 1))
    )


@scenario("payroll_deductions:end_deduction")
def _end(w: World, end: Service) -> Expect:
    row = _declared(w)
    end(w.db, w.admin, row, dt.date(2026, 6, 1))
    return Expect("end", "special_deduction", row, {"to_month": (None, "2026-06-01")})


@scenario("payroll_deductions:delete_deduction")
def _delete(w: World, delete: Service) -> Expect:
    row = _declared(w)
    delete(w.db, w.admin, row)
    return Expect("delete", "special_deduction", row, {"monthly_amount": ("1500.00", None)})


@scenario("payroll_deductions:set_tax_flags")
def _tax_flags(w: World, set_flags: Service) -> Expect:
    set_flags(
        w.db, w.admin, w.workers[0], 2026, first_income_of_year=True, prior_year_low_income=False
    )
    return Expect(ANY_ACTION, "tax_flag", ANY, {"first_income_of_year": (ANY_TEXT, "是")})


@scenario("payroll_deduction_io:apply_deduction_import")
def _deduction_import(w: World, apply: Service) -> Expect:
    head = ("身份证号", "姓名", "类别", "每月金额", "起始月份", "结束月份")
    grid = SheetGrid("申报", (head, (w.id_number(), w.name(), "住房租金", 1500, "2026-01", None)))
    apply(w.db, w.admin, grid)
    return Expect("declare", "special_deduction", ANY, {"monthly_amount": (None, "1500.00")})


__all__ = ["ANY", "ANY_ACTION", "ANY_ENTITY", "ANY_TEXT", "SCENARIOS", "Expect", "World", "close"]
