"""Audit scenarios for pay: scales, allowances, the yearly adjustment and payroll."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.audit.scenarios import (
    ANY,
    ANY_ACTION,
    ANY_ENTITY,
    ANY_TEXT,
    MARCH,
    PASSING,
    Expect,
    Service,
    World,
    scenario,
)
from tests.services.payroll_support import adopted_in
from workforce.domain.payroll.opening_sheet import OpeningFigures
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.sheet import SheetGrid
from workforce.services.adjustment.appraisals import AppraisalEntry, record_appraisals
from workforce.services.adjustment.run import approve_run, prepare_run
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.deductions import declare_deduction
from workforce.services.payroll.items import add_items
from workforce.services.payroll.lifecycle import approve_month

# -- pay scales and allowances ---------------------------------------------------------------


def _scale_grid() -> SheetGrid:
    rows: list[tuple[object, ...]] = [("等级", "社区正职", "社区副职", "其他社区工作者")]
    for level in range(1, 19):
        principal = 4600 + 170 * (level - 7) if level >= 7 else None
        deputy = 4288 + 170 * (level - 4) if 4 <= level <= 15 else None
        staff = 3498 + 170 * (level - 1) if level <= 12 else None
        rows.append((level, principal, deputy, staff))
    return SheetGrid("标准", tuple(rows), "2027标准.xlsx")


@scenario("scales.admin:import_scale")
def _import_scale(w: World, import_scale: Service) -> Expect:
    result = import_scale(w.db, w.admin, _scale_grid(), dt.date(2027, 1, 1), name="2027年标准")
    return Expect("import", "pay_scale", result.scale_id)


@scenario("scales.admin:set_amount")
def _set_amount(w: World, set_amount: Service) -> Expect:
    from workforce.services.scales.admin import import_scale

    scale = import_scale(w.db, w.admin, _scale_grid(), dt.date(2027, 1, 1), name="2027年标准")
    set_amount(w.db, w.admin, scale.scale_id, "staff", 3, "4000")
    return Expect("update", "pay_scale", scale.scale_id, {"staff:3": ("3838.00", "4000.00")})


@scenario("scales.allowances:set_allowance")
def _set_allowance(w: World, set_allowance: Service) -> Expect:
    set_allowance(w.db, w.admin, "one_shoulder", "", "350", dt.date(2027, 1, 1))
    return Expect("create", "allowance_rate", ANY, {"amount": ("300.00", "350.00")})


def _march_locked(w: World) -> None:
    from workforce.services.payroll.lifecycle import lock_month

    _march(w)
    approve_month(w.db, w.approver, "2026-03")
    lock_month(w.db, w.finance, "2026-03")


def _march(w: World) -> None:
    """The program starts in March (zero opening figures) and March is calculated."""
    adopted_in(w.db, w.admin, "2026-03")
    calculate_month(w.db, w.admin, "2026-03")


@scenario("scales.admin:import_scale_retroactively")
def _import_scale_retroactively(w: World, import_scale_retroactively: Service) -> Expect:
    _march_locked(w)
    result, _ = import_scale_retroactively(
        w.db, w.admin, _scale_grid(), dt.date(2026, 3, 1), name="追溯标准"
    )
    return Expect("import", "pay_scale", result.scale_id)


@scenario("scales.allowances:set_allowance_retroactively")
def _set_allowance_retroactively(w: World, set_allowance_retroactively: Service) -> Expect:
    _march_locked(w)
    set_allowance_retroactively(w.db, w.admin, "basic_performance", "", "250", dt.date(2026, 3, 1))
    return Expect("create", "allowance_rate", ANY, {"amount": ("200.00", "250.00")})


# -- the yearly adjustment --------------------------------------------------------------------


def _passing(w: World) -> None:
    for year, grade in PASSING.items():
        record_appraisals(w.db, w.admin, year, [AppraisalEntry(v, grade) for v in w.workers])


@scenario("adjustment.run:prepare_run")
def _prepare(w: World, prepare: Service) -> Expect:
    _passing(w)
    run = prepare(w.db, w.admin, 2026)
    return Expect("prepare", "adjustment_run", run.run_id)


def _prepared(w: World) -> int:
    _passing(w)
    return int(prepare_run(w.db, w.admin, 2026).run_id)


@scenario("adjustment.run:override_item")
def _override(w: World, override: Service) -> Expect:
    run = _prepared(w)
    override(w.db, w.admin, run, w.workers[0], reason="待核实学历", excluded=True)
    return Expect("override", ANY_ENTITY, ANY, {"excluded": ("否", "是")})


@scenario("adjustment.run:approve_run")
def _approve_run(w: World, approve: Service) -> Expect:
    run = _prepared(w)
    approve(w.db, w.approver, run)
    return Expect("approve", "adjustment_run", run, {"status": ("prepared", "approved")})


@scenario("adjustment.apply:apply_run")
def _apply_run(w: World, apply: Service) -> Expect:
    run = _prepared(w)
    approve_run(w.db, w.approver, run)
    apply(w.db, w.admin, run)
    return Expect("adjust", "worker", w.workers[0], {"level": ("3", "4")})


@scenario("adjustment.apply:revert_run")
def _revert_run(w: World, revert: Service) -> Expect:
    from workforce.services.adjustment.apply import apply_run

    run = _prepared(w)
    approve_run(w.db, w.approver, run)
    apply_run(w.db, w.admin, run)
    revert(w.db, w.approver, run, "考核结果录入有误")
    return Expect(ANY_ACTION, "worker", w.workers[0], {"level": ("4", "3")})


@scenario("adjustment.apply:discard_run")
def _discard_run(w: World, discard: Service) -> Expect:
    run = _prepared(w)
    discard(w.db, w.admin, run)
    return Expect("discard", "adjustment_run", run)


# -- payroll ----------------------------------------------------------------------------------


@scenario("payroll.calc:calculate_month")
def _calculate(w: World, calculate: Service) -> Expect:
    adopted_in(w.db, w.admin, "2026-03")
    calculate(w.db, w.admin, "2026-03")
    return Expect("calculate", "payroll_month", ANY, {"status": (None, "calculated")})


@scenario("payroll.lifecycle:approve_month")
def _approve_month(w: World, approve: Service) -> Expect:
    _march(w)
    approve(w.db, w.approver, "2026-03")
    return Expect("approve", "payroll_month", ANY, {"status": ("calculated", "approved")})


@scenario("payroll.lifecycle:return_month")
def _return_month(w: World, return_month: Service) -> Expect:
    _march(w)
    return_month(w.db, w.approver, "2026-03", "核对补贴")
    return Expect("invalidate", "payroll_month", ANY, {"status": ("calculated", "draft")})


@scenario("payroll.lifecycle:lock_month")
def _lock_month(w: World, lock: Service) -> Expect:
    _march(w)
    approve_month(w.db, w.approver, "2026-03")
    lock(w.db, w.finance, "2026-03")
    return Expect("lock", "payroll_month", ANY, {"status": ("approved", "locked")})


@scenario("payroll.bank:reissue_transfers")
def _reissue_transfers(w: World, reissue: Service) -> Expect:
    from dataclasses import replace

    from workforce.services.roster.workers import load_worker, update_worker

    _march_locked(w)  # nobody had an account: both on the 另行发放/未发放 list
    file = load_worker(w.db, w.workers[0])
    account = replace(file.data, bank_account="6222020000000001", bank_name="工行")
    update_worker(w.db, w.admin, w.workers[0], account, file.version)
    reissue(w.db, w.finance, MARCH)
    return Expect("reissue", "payroll_month", ANY, {"reissued": (None, "1")})


@scenario("payroll.items:add_items")
def _add_items(w: World, add: Service) -> Expect:
    add(w.db, w.admin, [ItemEntry(w.id_number(), MARCH, "取暖补贴", Decimal("300"))])
    return Expect("create", "pay_item", ANY, {"name": (None, "取暖补贴"), "amount": (None, "300")})


@scenario("payroll.items:remove_item")
def _remove_item(w: World, remove: Service) -> Expect:
    (item,) = add_items(w.db, w.admin, [ItemEntry(w.id_number(), MARCH, "取暖补贴", Decimal(300))])
    remove(w.db, w.admin, item)
    return Expect("delete", "pay_item", item, {"amount": ("300.00", None)})


@scenario("payroll.bases:compute_bases")
def _compute_bases(w: World, compute: Service) -> Expect:
    compute(w.db, w.admin, 2026)
    return Expect("compute", "contribution_base", None)


@scenario("payroll.bases:override_base")
def _override_base(w: World, override: Service) -> Expect:
    override(w.db, w.admin, w.workers[0], 2026, "6000", "社保核定")
    return Expect("override", "contribution_base", ANY, {"base": (None, "6000")})


@scenario("payroll.base_io:apply_base_import")
def _base_import(w: World, apply: Service) -> Expect:
    grid = SheetGrid("基数", (("身份证号", "姓名", "缴费基数"), (w.id_number(), w.name(), 6500)))
    apply(w.db, w.admin, grid, 2026)
    return Expect(ANY_ACTION, "contribution_base", ANY, {"base": (ANY_TEXT, "6500.00")})


@scenario("payroll.deductions:declare_deduction")
def _declare(w: World, declare: Service) -> Expect:
    row = declare(w.db, w.admin, w.workers[0], "住房租金", "1500", dt.date(2026, 1, 1))
    return Expect("declare", "special_deduction", row, {"monthly_amount": (None, "1500")})


def _declared(w: World) -> int:
    return int(
        declare_deduction(w.db, w.admin, w.workers[0], "住房租金", "1500", dt.date(2026, 1, 1))
    )


@scenario("payroll.deductions:end_deduction")
def _end(w: World, end: Service) -> Expect:
    row = _declared(w)
    end(w.db, w.admin, row, dt.date(2026, 6, 1))
    return Expect("end", "special_deduction", row, {"to_month": (None, "2026-06-01")})


@scenario("payroll.deductions:delete_deduction")
def _delete(w: World, delete: Service) -> Expect:
    row = _declared(w)
    delete(w.db, w.admin, row)
    return Expect("delete", "special_deduction", row, {"monthly_amount": ("1500.00", None)})


@scenario("payroll.deductions:set_tax_flags")
def _tax_flags(w: World, set_flags: Service) -> Expect:
    set_flags(
        w.db, w.admin, w.workers[0], 2026, first_income_of_year=True, prior_year_low_income=False
    )
    return Expect(ANY_ACTION, "tax_flag", ANY, {"first_income_of_year": (ANY_TEXT, "是")})


@scenario("payroll.deduction_io:apply_deduction_import")
def _deduction_import(w: World, apply: Service) -> Expect:
    head = ("身份证号", "姓名", "类别", "每月金额", "起始月份", "结束月份")
    grid = SheetGrid("申报", (head, (w.id_number(), w.name(), "住房租金", 1500, "2026-01", None)))
    apply(w.db, w.admin, grid)
    return Expect("declare", "special_deduction", ANY, {"monthly_amount": (None, "1500.00")})


@scenario("payroll.deduction_edits:correct_deduction")
def _correct(w: World, correct: Service) -> Expect:
    row = _declared(w)
    first = dt.date(2026, 1, 1)
    correct(
        w.db, w.admin, row, kind="住房租金", monthly_amount="1200", from_month=first, to_month=None
    )
    changes = {"monthly_amount": ("1500.00", "1200")}
    return Expect("correct", "special_deduction", row, changes)


@scenario("payroll.item_edits:remove_items")
def _remove_items(w: World, remove: Service) -> Expect:
    entries = [ItemEntry(w.id_number(i), MARCH, "取暖补贴", Decimal(300 + i)) for i in (0, 1)]
    first, second = add_items(w.db, w.admin, entries)
    assert remove(w.db, w.admin, [first, second]) == 2
    return Expect(
        "delete", "pay_item", second, {"name": ("取暖补贴", None), "amount": ("301.00", None)}
    )


# -- insurance rates and the contribution base bounds (§8.2) ---------------------------------


@scenario("payroll.rates:set_rate")
def _set_rate(w: World, set_rate: Service) -> Expect:
    set_rate(w.db, w.admin, "养老", Decimal("0.15"), Decimal("0.08"), dt.date(2026, 7, 1))
    changes = {"employer_rate": ("0.160000", "0.15"), "effective_date": (None, "2026-07-01")}
    return Expect("create", "insurance_rate", ANY, changes)


@scenario("payroll.rates:set_bounds")
def _set_bounds(w: World, set_bounds: Service) -> Expect:
    set_bounds(w.db, w.admin, Decimal(5000), Decimal(25000), dt.date(2026, 7, 1))
    changes = {"floor": ("4863.00", "5000.00"), "ceiling": ("24315.00", "25000.00")}
    return Expect("create", "insurance_base_bounds", ANY, changes)


# -- the payroll year (§8.6): opening figures, 撤销计算 -----------------------------------------

OPENING_HEAD = ("身份证号", "姓名", "所属期止", "累计收入额", "累计专项扣除", "累计专项附加扣除")
OPENING_TAIL = ("累计其他扣除", "累计已预缴税额")


def _opening_grid(w: World) -> SheetGrid:
    row = (w.id_number(), w.name(), "2026-06", "24000", "5400", "0", "0", "0")
    return SheetGrid("期初", ((*OPENING_HEAD, *OPENING_TAIL), row), "期初.xlsx")


@scenario("payroll.opening_import:apply_opening_import")
def _import_opening(w: World, apply: Service) -> Expect:
    apply(w.db, w.admin, _opening_grid(w))
    return Expect("import", "payroll_opening", ANY, {"income": (None, "24000.00")})


@scenario("payroll.opening_edits:correct_opening")
def _correct_opening(w: World, correct: Service) -> Expect:
    from workforce.services.payroll.opening_import import apply_opening_import

    apply_opening_import(w.db, w.admin, _opening_grid(w))
    figures = OpeningFigures(2026, 6, Decimal(25000), insurance=Decimal(5400))
    correct(w.db, w.admin, w.workers[0], figures, "扣缴客户端重新导出")
    return Expect("correct", "payroll_opening", ANY, {"income": ("24000.00", "25000")})


@scenario("payroll.opening_edits:remove_opening")
def _remove_opening(w: World, remove: Service) -> Expect:
    from workforce.services.payroll.opening_import import apply_opening_import

    apply_opening_import(w.db, w.admin, _opening_grid(w))
    remove(w.db, w.admin, w.workers[0], 2026, "导错了人")
    return Expect("delete", "payroll_opening", ANY, {"income": ("24000.00", None)})


@scenario("payroll.discard:discard_month")
def _discard_month(w: World, discard: Service) -> Expect:
    calculate_month(w.db, w.admin, "2026-01")
    discard(w.db, w.admin, "2026-01")
    return Expect("discard_calculation", "payroll_month", ANY, {"status": ("calculated", None)})


@scenario("system.demo_opening:generate_opening")
def _generate_opening(w: World, generate: Service) -> Expect:
    generate(w.db, w.admin, 2026, 7)
    return Expect("generate_demo", "payroll_opening", None, {"through": (None, "6")})
