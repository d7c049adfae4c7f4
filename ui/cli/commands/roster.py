"""``workforce roster import|export|template``: the roster spreadsheet (一人一档 花名册, §11).

``import`` checks the whole sheet first and prints what it would do; any row with an error means
nothing is written and the exit status is 2, unless ``--valid-only`` imports the valid rows and
hands the rejected ones back (``ui.cli.sheet_check``). ``--errors OUT.xlsx`` writes the clerk's
sheet back with a 错误说明 column; ``--json`` prints the plan (and result) on standard output only.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reports.roster.xlsx import write_roster, write_template
from ui.cli.common import (
    CliError,
    Progress,
    emit_json,
    opened,
    say,
    xlsx_path,
)
from ui.cli.sheet_check import SheetCheck
from workforce.services.accounts.export_audit import record_full_numbers
from workforce.services.roster.export import find_unit, roster_for_export, template_posts
from workforce.services.roster.importing import (
    ImportPlan,
    apply_roster_import,
    plan_roster_import,
)
from workforce.services.roster.printing import roster_for_print


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


def _plan_document(plan: ImportPlan) -> dict[str, Any]:
    return {**asdict(plan), "has_errors": plan.has_errors}


def run_import(args: argparse.Namespace) -> int:
    """Exit status 2 when nothing was written because of errors; with ``--valid-only`` the valid
    rows are imported (status 0) and the rejected ones written to a workbook to fix."""
    check = SheetCheck(args)
    with opened(args) as (db, actor):
        district_id = find_unit(db, args.district, "district") if args.district else None
        plan = plan_roster_import(
            db, actor, check.grid, district_id=district_id, progress=Progress("检查")
        )
        print_plan(plan)
        if (status := check.stop(plan, lambda: _plan_document(plan))) is not None:
            return status
        result = apply_roster_import(
            db,
            actor,
            check.grid,
            district_id=district_id,
            progress=Progress("导入"),
            valid_only=check.valid_only,
        )
    say(f"导入完成：新增 {result.created} 人，更新 {result.updated} 人（批次 {result.batch_id}）")
    check.hand_back(plan, result.rejected)
    if args.json:
        emit_json({"plan": _plan_document(plan), "result": asdict(result)})
    return 0


def run_export(args: argparse.Namespace) -> int:
    target = xlsx_path(args.out, "花名册")
    with opened(args) as (db, actor):
        unit_id = find_unit(db, args.unit) if args.unit else None
        rows = roster_for_export(db, actor, unit_id, full_numbers=args.full_id)
    write_roster(target, rows, masked=not args.full_id)
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
