"""``workforce roster import|export|template``: the roster spreadsheet (一人一档 花名册, §11).

``import`` checks the whole sheet first and prints what it would do; any row with an error means
nothing is written and the exit status is 2. ``--errors OUT.xlsx`` writes the clerk's sheet back
with a 错误说明 column; ``--json`` prints the plan (and result) on standard output only.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reports.roster.xlsx import write_error_report, write_roster, write_template
from ui.cli.common import CliError, Progress, emit_json, opened, read_sheet, say, xlsx_path
from workforce.services.accounts.export_audit import record_full_numbers
from workforce.services.roster.export import find_unit, roster_for_export, template_posts
from workforce.services.roster.importing import (
    ImportPlan,
    apply_roster_import,
    plan_roster_import,
)
from workforce.services.roster.printing import roster_for_print

REJECTED = 2


def print_plan(plan: ImportPlan) -> None:
    """The plan as a clerk reads it, on standard error."""
    say(f"工作表「{plan.sheet}」：{plan.total_rows} 行数据")
    say(f"新增 {len(plan.creates)} 人")
    say(f"更新 {len(plan.updates)} 人")
    for update in plan.updates:
        changes = "；".join(
            f"{c.label} {c.old or '（空）'} → {c.new or '（空）'}" for c in update.changes
        )
        say(f"  第{update.row}行 {update.name}（{update.id_number}）：{changes}")
    say(f"未变 {plan.unchanged} 人")
    if plan.new_units:
        say(f"将新建的街道/社区/网格 {len(plan.new_units)} 个：")
        for path in plan.new_units:
            say(f"  {path}")
    if plan.unmapped_headers:
        say(f"未识别的列（不导入）：{'、'.join(plan.unmapped_headers)}")
    errors = [p for p in plan.problems if p.is_error]
    warnings = [p for p in plan.problems if not p.is_error]
    if errors:
        say(f"错误 {len(errors)} 处（有错误时整表不导入）：")
        for problem in errors:
            say(problem.describe())
    if warnings:
        say(f"提示 {len(warnings)} 处（不影响导入，请核对）：")
        for problem in warnings:
            say(problem.describe())


def _plan_document(plan: ImportPlan) -> dict[str, Any]:
    return {**asdict(plan), "has_errors": plan.has_errors}


def run_import(args: argparse.Namespace) -> int:
    grid = read_sheet(args.file, args.sheet)
    errors_path = xlsx_path(args.errors, "错误报告") if args.errors else None
    with opened(args) as (db, actor):
        district_id = find_unit(db, args.district, "district") if args.district else None
        plan = plan_roster_import(
            db, actor, grid, district_id=district_id, progress=Progress("检查")
        )
        print_plan(plan)
        if errors_path is not None and plan.problems:
            write_error_report(errors_path, grid, plan.header_row, plan.problems)
            say(f"错误报告已保存：{errors_path}")
        if plan.has_errors or args.dry_run:
            if args.json:
                emit_json({"plan": _plan_document(plan), "result": None})
            say("有错误，未导入任何数据" if plan.has_errors else "试运行：未写入任何数据")
            return REJECTED if plan.has_errors else 0
        result = apply_roster_import(
            db, actor, grid, district_id=district_id, progress=Progress("导入")
        )
    say(f"导入完成：新增 {result.created} 人，更新 {result.updated} 人（批次 {result.batch_id}）")
    if args.json:
        emit_json({"plan": _plan_document(plan), "result": asdict(result)})
    return 0


def run_export(args: argparse.Namespace) -> int:
    target = xlsx_path(args.out, "花名册")
    with opened(args) as (db, actor):
        unit_id = find_unit(db, args.unit) if args.unit else None
        rows = roster_for_export(db, actor, unit_id, full_numbers=args.full_id)
    write_roster(target, rows)
    say(f"已导出 {len(rows)} 人：{target}")
    return 0


def run_template(args: argparse.Namespace) -> int:
    target = xlsx_path(args.out, "模板")
    with opened(args) as (db, _actor):
        posts = template_posts(db)
    write_template(target, posts)
    say(f"已生成花名册模板：{target}")
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    from reports.roster.pdf import RosterDocument, write_roster_pdf

    target = Path(args.out)
    if target.suffix.lower() != ".pdf" or not target.parent.is_dir():
        raise CliError(f"花名册须保存为已存在文件夹中的 .pdf 文件：{args.out}")
    try:
        as_of = dt.date.fromisoformat(args.as_of) if args.as_of else None
    except ValueError:
        raise CliError(f"--as-of 应为 YYYY-MM-DD：{args.as_of}") from None
    with opened(args) as (db, actor):
        unit_id = find_unit(db, args.unit) if args.unit else None
        roster = roster_for_print(db, actor, unit_id, as_of=as_of)
        if args.full_id:
            record_full_numbers(db, actor, "花名册（PDF）", len(roster.rows))
    say(f"正在生成花名册：{len(roster.rows)} 人……")
    font = write_roster_pdf(
        target,
        roster.rows,
        RosterDocument(roster.title, roster.unit, roster.as_of, roster.summary, not args.full_id),
    )
    if font.message:
        say(font.message)
    say(f"已生成花名册：{target}（{roster.summary.describe()}）")
    return 0
