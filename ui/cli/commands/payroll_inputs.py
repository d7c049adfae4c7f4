"""``workforce payroll items import|add``, ``bases``, ``deduction``: what a month is calculated
from, besides the worker files: the month's items (from a sheet or one by one, a 全年一次性奖金 with
its tax treatment), yearly contribution bases, special deductions."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from ui.cli.common import CliError, opened, say
from ui.cli.sheet_check import REJECTED, SheetCheck
from workforce.domain.payroll.large_deductions import LARGE_DEDUCTION
from workforce.domain.payroll.pay_item_sheet import TREATMENTS as BONUS_CHOICES
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.payroll.payslip import BONUS_TREATMENTS
from workforce.domain.problems import ActionRefused
from workforce.services.adjustment.views import worker_id_for
from workforce.services.context import Actor, Database
from workforce.services.payroll.base_io import (
    apply_base_import,
    export_bases,
    plan_base_import,
)
from workforce.services.payroll.bases import SOURCE_NAMES, compute_bases, override_base
from workforce.services.payroll.deduction_io import (
    apply_deduction_import,
    plan_deduction_import,
)
from workforce.services.payroll.deductions import declare_deduction
from workforce.services.payroll.guard import label, parse_period
from workforce.services.payroll.item_edits import plan_item_import
from workforce.services.payroll.items import DeductionsToConfirm, add_items
from workforce.services.sheet_import import plan_valid_rows


def _add_confirmed(
    db: Database, actor: Actor, entries: Sequence[ItemEntry], confirm: bool, note: str = ""
) -> list[int]:
    """``add_items``; without ``confirm``, deductions larger than the gross are listed (row,
    person, amount, the gross compared) and nothing is written."""
    try:
        return add_items(db, actor, entries, note, confirmed=confirm)
    except DeductionsToConfirm as exc:
        for warning in exc.problems:
            say(f"警告：{warning.describe()}")
        raise CliError(
            f"有{len(exc.problems)}条扣款超过本月应发，未录入任何项目；"
            "核对无误后加 --confirm 重新运行",
            REJECTED,
        ) from None


def _period(text: str) -> dt.date:
    try:
        return parse_period(text)
    except ActionRefused as exc:
        raise CliError(exc.message) from None


def _amount(text: str, what: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise CliError(f"{what}「{text}」不是金额") from None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise CliError(f"{what}「{text}」不是以元为单位、最多两位小数的金额")
    return value


def run_items_import(args: argparse.Namespace) -> int:
    default = _period(args.month) if args.month else None
    check = SheetCheck(args)
    grid = check.grid
    with opened(args) as (db, actor):
        plan = plan_item_import(db, actor, grid, default)
        say(f"工作表「{plan.sheet}」：可导入 {len(plan.items)} 条工资项目")
        if (status := check.stop(plan)) is not None:
            return status
        valid = plan_valid_rows(  # the whole sheet's plan is the one above
            lambda sheet: plan if sheet is grid else plan_item_import(db, actor, sheet, default),
            grid,
            valid_only=check.valid_only,
            refused=f"工资项目表「{grid.name}」有错误，未导入",
        )
        entries = valid.plan.entries
        if not entries:
            raise CliError("表中没有可导入的工资项目")
        warnings = [p for p in valid.plan.problems if p.code == LARGE_DEDUCTION]
        if warnings and not args.confirm:
            for warning in warnings:
                say(f"警告：{warning.describe()}")
            raise CliError(
                f"有{len(warnings)}条扣款超过本月应发，未导入任何项目；"
                "核对无误后加 --confirm 重新运行",
                REJECTED,
            )
        note = f"导入 {grid.file_name or args.file}"
        if check.valid_only:
            note += f"（仅导入无误的行，{len(valid.rejected)}行未导入）"
        ids = _add_confirmed(db, actor, entries, args.confirm, note)
    months = sorted({e.period for e in entries})
    total = sum((e.amount for e in entries), Decimal("0.00"))
    say(
        f"已导入 {len(ids)} 条工资项目（{'、'.join(label(m) for m in months)}），"
        f"金额合计 {total:,.2f}"
    )
    check.hand_back(plan, valid.rejected)
    return 0


def run_items_add(args: argparse.Namespace) -> int:
    period = _period(args.month)
    amount = _amount(args.amount, "金额")
    bonus = None if args.annual_bonus is None else BONUS_CHOICES.get(args.annual_bonus.strip(), "")
    if bonus == "" and args.annual_bonus.strip() not in ("", "默认"):
        raise CliError(
            f"计税方式「{args.annual_bonus}」应为 单独计税 或 并入综合所得（省略则按本地区默认）"
        )
    entry = ItemEntry(
        args.id_number.strip().upper(),
        period,
        args.name,
        amount,
        taxable=not args.untaxed,
        insurable=not args.not_insurable,
        after_tax=args.after_tax,
        note=args.note,
        annual_bonus=bonus,
    )
    with opened(args) as (db, actor):
        item_id = _add_confirmed(db, actor, [entry], args.confirm)[0]
    kind = (
        ""
        if bonus is None
        else f"（全年一次性奖金，{BONUS_TREATMENTS.get(bonus, '按本地区默认')}）"
    )
    say(f"已录入工资项目 {item_id}：{label(period)} {args.name} {amount:,.2f}{kind}")
    return 0


def run_bases_compute(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        report = compute_bases(db, actor, args.year)
    say(
        f"{args.year}年缴费基数：按{SOURCE_NAMES['average']}核定 {report.written} 人；"
        f"保留人工核定 {report.kept_overrides} 人、已用于审核或锁定工资 {report.kept_in_use} 人；"
        "新入职人员在首次计算工资时核定"
    )
    return 0


def run_bases_set(args: argparse.Namespace) -> int:
    base = _amount(args.base, "缴费基数")
    with opened(args) as (db, actor):
        worker_id = worker_id_for(db, args.id_number)
        stored = override_base(db, actor, worker_id, args.year, base, args.reason)
    if stored.warning:
        say(f"提示：{stored.warning}")
    say(
        f"{args.id_number} {args.year}年缴费基数已核定为 {stored.base:,.2f}"
        f"（{args.reason.strip()}）"
    )
    return 0


def run_bases_export(args: argparse.Namespace) -> int:
    from reports.payroll.bases_xlsx import write_bases

    with opened(args) as (db, actor):
        rows = export_bases(db, actor, args.year)
    total = write_bases(args.out, args.year, rows)
    say(f"已导出{args.year}年缴费基数 {len(rows)} 人，合计 {total:,.2f}：{args.out}")
    return 0


def run_bases_import(args: argparse.Namespace) -> int:
    check = SheetCheck(args)
    with opened(args) as (db, actor):
        plan = plan_base_import(db, actor, check.grid, args.year)
        say(
            f"工作表「{plan.sheet}」：{plan.total_rows} 人，变更 {len(plan.changes)} 人，"
            f"未变 {plan.unchanged} 人"
        )
        for change in plan.changes:
            old = "无" if change.old is None else f"{change.old:,.2f}"
            new = f"{change.base:,.2f}"
            say(f"  第{change.row}行 {change.name}（{change.id_number}）：{old} → {new}")
        if (status := check.stop(plan)) is not None:
            return status
        result = apply_base_import(db, actor, check.grid, args.year, valid_only=check.valid_only)
    batch = f"（批次 {result.batch_id}）" if result.batch_id else ""
    say(f"导入完成：{args.year}年缴费基数变更 {result.written} 人{batch}")
    check.hand_back(plan, result.rejected)
    return 0


def run_deduction_add(args: argparse.Namespace) -> int:
    amount = _amount(args.amount, "扣除额")
    first = _period(args.first)
    last = _period(args.last) if args.last else None
    with opened(args) as (db, actor):
        worker_id = worker_id_for(db, args.id_number)
        declaration = declare_deduction(
            db, actor, worker_id, args.kind, amount, first, last, args.note
        )
    until = f"至{label(last)}" if last else "起长期"
    say(f"已录入专项附加扣除 {declaration}：{args.kind} 每月 {amount:,.2f}，{label(first)}{until}")
    return 0


def run_deduction_import(args: argparse.Namespace) -> int:
    check = SheetCheck(args)
    with opened(args) as (db, actor):
        plan = plan_deduction_import(db, actor, check.grid)
        say(f"工作表「{plan.sheet}」：{plan.total_rows} 条申报，可导入 {len(plan.declarations)} 条")
        if (status := check.stop(plan)) is not None:
            return status
        result = apply_deduction_import(db, actor, check.grid, valid_only=check.valid_only)
    say(f"导入完成：专项附加扣除申报 {result.written} 条（批次 {result.batch_id}）")
    check.hand_back(plan, result.rejected)
    return 0
