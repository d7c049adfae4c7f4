"""``workforce payroll …``: the monthly payroll (§8) and the tax calculator.

run → approve (a second user) → lock (finance) → export / bank; verify re-derives a month from
what is stored; items import, bases and deductions feed the calculation; explain answers "why is
my tax 625?" for a case file. ``--json`` prints only the JSON document on standard output.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ui.cli.common import CliError, Progress, emit_json, opened, say
from ui.cli.next_steps import by_another, by_anyone
from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.services.payroll.calc import Calculation, calculate_month
from workforce.services.payroll.guard import label, parse_period
from workforce.services.payroll.lifecycle import (
    Verification,
    approve_month,
    lock_month,
    return_month,
    verify_month,
)

SHOWN_CHANGES = 20


def period_of(args: argparse.Namespace) -> Any:
    try:
        return parse_period(args.month)
    except ActionRefused as exc:
        raise CliError(exc.message) from None


def _out(text: str, suffixes: tuple[str, ...]) -> Path:
    target = Path(text)
    if target.suffix.lower() not in suffixes:
        raise CliError(f"输出文件应为 {' 或 '.join(suffixes)} 文件：{text}")
    if not target.parent.is_dir():
        raise CliError(f"保存文件的文件夹不存在：{target.parent}")
    return target


def _money(amount: Any) -> str:
    return f"{amount:.2f}"


def calculation_document(result: Calculation) -> dict[str, Any]:
    return {
        "month": f"{result.period:%Y-%m}",
        "workers": result.workers,
        "gross": _money(result.gross),
        "insurance": _money(result.insurance),
        "tax": _money(result.tax),
        "net": _money(result.net),
        "employer": _money(result.employer),
        "items": result.items,
        "arrears_lines": result.arrears_lines,
        "bases_created": result.bases_created,
        "recalculated": result.recalculated,
        "changes": [
            {
                "worker_id": c.worker_id,
                "name": c.name,
                "before": None if c.before is None else _money(c.before),
                "after": None if c.after is None else _money(c.after),
            }
            for c in result.changes
        ],
        "warnings": [w.message for w in result.warnings],
        "owed_in": _money(result.owed_in),
        "carried": [{"name": name, "owed": _money(amount)} for name, amount in result.carried],
    }


def run_run(args: argparse.Namespace) -> int:
    period = period_of(args)
    with opened(args) as (db, actor):
        result = calculate_month(db, actor, period, progress=Progress("计算", "人"))
        approve = f"workforce payroll approve --month {period:%Y-%m}"
        hint = by_another(db, actor, Action.APPROVE_PAYROLL, Role.APPROVER, approve)
    say(
        f"{label(period)}：计算 {result.workers} 人，应发合计 {result.gross:,.2f}，"
        f"个人社保公积金 {result.insurance:,.2f}，个税 {result.tax:,.2f}，"
        f"实发合计 {result.net:,.2f}；单位缴费 {result.employer:,.2f}"
    )
    if result.items or result.arrears_lines or result.bases_created:
        say(
            f"  项目 {result.items} 条，补发 {result.arrears_lines} 条，"
            f"新核定缴费基数 {result.bases_created} 人"
        )
    if result.recalculated:
        say(f"  与上次计算相比实发变化 {len(result.changes)} 人")
        for change in result.changes[:SHOWN_CHANGES]:
            before = "—" if change.before is None else f"{change.before:,.2f}"
            after = "—" if change.after is None else f"{change.after:,.2f}"
            say(f"    {change.name}：{before} → {after}")
        if len(result.changes) > SHOWN_CHANGES:
            say(f"    …另有 {len(result.changes) - SHOWN_CHANGES} 人（--json 列出全部）")
    if result.owed_in:
        say(f"  上月欠扣 {result.owed_in:,.2f} 已在本月扣回（实发不足时继续转下月）")
    if result.carried:
        owed = sum(amount for _, amount in result.carried)
        say(f"  {len(result.carried)} 人本月扣款超过应发，实发为 0，欠扣 {owed:,.2f} 转下月：")
        for name, amount in result.carried[:SHOWN_CHANGES]:
            say(f"    {name}：欠扣 {amount:,.2f}")
    if result.warnings:
        say(f"  警告：{len(result.warnings)} 条扣款超过本月应发：")
        for warning in result.warnings:
            say(f"    {warning.message}")
    if args.json:
        emit_json(calculation_document(result))
    say(hint)
    return 0


def run_approve(args: argparse.Namespace) -> int:
    period = period_of(args)
    with opened(args) as (db, actor):
        unpaid = approve_month(db, actor, period)
        lock = f"workforce payroll lock --month {period:%Y-%m}"
        hint = by_anyone(db, actor, Action.LOCK_PAYROLL, Role.FINANCE, lock)
    say(f"{label(period)}工资已审核（{actor.username}）")
    if unpaid:
        total = sum(u.amount for u in unpaid)
        say(
            f"  注意：{len(unpaid)} 人不经银行代发（合计 {total:,.2f}），"
            "将列入另行发放/未发放名单："
        )
        for entry in unpaid[:SHOWN_CHANGES]:
            say(f"    {entry.street}{entry.community} {entry.name}：{entry.reason}")
        if len(unpaid) > SHOWN_CHANGES:
            say(f"    …另有 {len(unpaid) - SHOWN_CHANGES} 人")
    say(hint)
    return 0


def run_return(args: argparse.Namespace) -> int:
    period = period_of(args)
    with opened(args) as (db, actor):
        return_month(db, actor, period, args.reason)
    say(f"{label(period)}工资已退回草稿，请修改后重新计算")
    return 0


def run_lock(args: argparse.Namespace) -> int:
    period = period_of(args)
    with opened(args) as (db, actor):
        lock_month(db, actor, period)
    say(f"{label(period)}工资已锁定（{actor.username}），此后不能再修改")
    return 0


def run_export(args: argparse.Namespace) -> int:
    period = period_of(args)
    out = _out(args.out, (".xlsx",))
    from reports.payroll.month_xlsx import write_payroll_workbook
    from workforce.services.payroll.views import payroll_workbook_view

    with opened(args) as (db, actor):
        view = payroll_workbook_view(
            db, actor, period, masked=not args.full_id, tax_columns=args.tax_columns
        )
    write_payroll_workbook(out, view, paper=args.paper)
    count = sum(len(s.rows) for s in view.streets)
    mark = f"，{view.header.mark}" if view.header.mark else ""
    say(f"工资发放表已保存：{out}（{len(view.streets)} 个街道，{count} 人{mark}）")
    if view.receivables:
        owed = sum(r.amount for r in view.receivables)
        say(f"  应收个人款 {len(view.receivables)} 人，合计 {owed:,.2f}（见工作表「应收个人款」）")
    return 0


def _layout_name(args: argparse.Namespace) -> str:
    """The layout asked for, else the one the output's extension says (.csv → csv)."""
    if args.layout:
        return str(args.layout)
    return "csv" if Path(args.out).suffix.lower() == ".csv" else "default"


def _say_bank(out: Path, chosen: Any, view: Any, what: str, whole: str = "实发合计") -> None:
    from reports.payroll.bank_file import unpaid_path

    say(
        f"{what}已保存：{out}（{chosen.description or chosen.name}）：{len(view.rows)} 笔，"
        f"合计 {view.total:,.2f}"
    )
    where = f"见 {unpaid_path(out)}" if chosen.file_type == "csv" else "见工作表「另行发放未发放」"
    say(
        f"另行发放/未发放 {len(view.unpaid)} 人，合计 {view.unpaid_total:,.2f}（{where}）；"
        f"代发 {view.total:,.2f} ＋ 名单 {view.unpaid_total:,.2f} ＝ {whole} "
        f"{view.net_total:,.2f}"
    )
    for entry in view.unpaid[:SHOWN_CHANGES]:
        done = f"，{entry.reissued}" if entry.reissued else ""
        say(
            f"  {entry.street}{entry.community} {entry.name}：{entry.amount:,.2f}"
            f"（{entry.reason}{done}）"
        )
    if len(view.unpaid) > SHOWN_CHANGES:
        say(f"  …另有 {len(view.unpaid) - SHOWN_CHANGES} 人，见名单")


def run_bank(args: argparse.Namespace) -> int:
    period = period_of(args)
    from reports.payroll.bank_file import write_bank_file
    from workforce.services.payroll.bank import bank_view
    from workforce.services.payroll.bank_layouts import get_layout

    with opened(args) as (db, actor):
        chosen = get_layout(db, _layout_name(args))
        out = _out(args.out, (chosen.suffix,))
        view = bank_view(db, actor, period)
        write_bank_file(out, view, chosen)
    _say_bank(out, chosen, view, "代发文件")
    return 0


def run_reissue(args: argparse.Namespace) -> int:
    period = period_of(args)
    from reports.payroll.bank_file import write_bank_file
    from workforce.services.payroll.bank import reissue_transfers
    from workforce.services.payroll.bank_layouts import get_layout

    with opened(args) as (db, actor):
        chosen = get_layout(db, _layout_name(args))
        out = _out(args.out, (chosen.suffix,))
        view = reissue_transfers(db, actor, period)
        write_bank_file(out, view, chosen)
    _say_bank(out, chosen, view, "补发代发文件", "补发前名单合计（不含实发为0）")
    return 0


def run_receivables(args: argparse.Namespace) -> int:
    period = period_of(args)
    from workforce.services.payroll.owed import month_receivables, receivable_total

    with opened(args) as (db, actor):
        found = month_receivables(db, actor, period)
    for entry in found:
        left = f"，{entry.left_on:%Y-%m-%d}离职" if entry.left_on else "，已离职"
        print(
            f"{entry.street}\t{entry.community}\t{entry.name}\t{entry.id_number}\t"
            f"{entry.amount:.2f}{left}"
        )
    say(f"{label(period)}应收个人款：{len(found)} 人，合计 {receivable_total(found):,.2f}")
    return 0


def run_slips(args: argparse.Namespace) -> int:
    period = period_of(args)
    out = _out(args.out, (".pdf",))
    from reports.payroll.payslip_pdf import write_payslips
    from workforce.services.payroll.slips import payslips_view

    with opened(args) as (db, actor):
        view = payslips_view(db, actor, period, unit=args.unit, masked=not args.full_id)
    font = write_payslips(out, view.header, view.slips)
    if font.message:
        say(font.message)
    say(f"工资条已保存：{out}（{len(view.slips)} 人）")
    return 0


def run_tax_summary(args: argparse.Namespace) -> int:
    if not 2000 <= args.year <= 2100:
        raise CliError(f"年度应为四位数字，如 2026，实为 {args.year}")
    out = _out(args.out, (".xlsx",))
    from reports.payroll.tax_summary_xlsx import months_text, write_tax_summary
    from workforce.services.payroll.slips import tax_summary_view

    with opened(args) as (db, actor):
        view = tax_summary_view(db, actor, args.year, masked=not args.full_id)
    write_tax_summary(out, view)
    say(f"个税年度汇总表已保存：{out}（{len(view.workers)} 人；月份：{months_text(view)}）")
    if view.skipped:
        skipped = "、".join(f"{m}月" for m in view.skipped)
        say(f"  以下月份为草稿（需重新计算），未计入：{skipped}")
    return 0


def verification_document(result: Verification) -> dict[str, Any]:
    return {
        "month": f"{result.period:%Y-%m}",
        "status": result.status,
        "checked": result.checked,
        "ok": result.ok,
        "mismatches": [
            {
                "worker_id": m.worker_id,
                "name": m.name,
                "field": m.field,
                "stored": m.stored,
                "derived": m.derived,
            }
            for m in result.mismatches
        ],
    }


def run_verify(args: argparse.Namespace) -> int:
    period = period_of(args)
    with opened(args) as (db, actor):
        result = verify_month(db, actor, period)
    if args.json:
        emit_json(verification_document(result))
    if result.ok:
        say(f"{label(period)}：{result.checked} 张工资条全部由保存的输入重新推算一致（精确到分）")
        return 0
    say(
        f"{label(period)}：核对 {result.checked} 张工资条，发现 {len(result.mismatches)} 处不一致："
    )
    for m in result.mismatches[:SHOWN_CHANGES]:
        who = f"{m.name}（{m.worker_id}）" if m.worker_id is not None else "本月合计"
        if m.field == "payslip":  # who was paid against who was employed
            say(f"  {who}：工资条{m.stored}（{m.derived}）")
        else:
            say(f"  {who} {m.field}：保存 {m.stored}，推算 {m.derived}")
    raise CliError(f"{label(period)}工资核对未通过")
