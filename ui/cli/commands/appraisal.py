"""``workforce appraisal import`` (the ``user`` commands live in ``commands_users``).

An appraisal import checks the whole sheet first; any error means nothing is written and the exit
status is 2. ``--errors OUT.xlsx`` writes the clerk's sheet back with a 错误说明 column.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reports.roster.xlsx import write_error_report
from ui.cli.common import CliError, Progress, emit_json, opened, read_sheet, say
from workforce.domain.problems import Problem
from workforce.services.adjustment.appraisals import (
    AppraisalPlan,
    apply_appraisal_import,
    plan_appraisal_import,
)

REJECTED = 2


def _problem(problem: Problem) -> dict[str, Any]:
    return {**asdict(problem), "severity": problem.severity.value, "text": problem.describe()}


def _plan_document(plan: AppraisalPlan) -> dict[str, Any]:
    return {
        "sheet": plan.sheet,
        "rows": plan.total_rows,
        "created": plan.created,
        "updated": plan.updated,
        "unchanged": plan.unchanged,
        "changes": [asdict(c) for c in plan.changes],
        "problems": [_problem(p) for p in plan.problems],
        "has_errors": plan.has_errors,
    }


def _print_plan(plan: AppraisalPlan) -> None:
    say(f"工作表「{plan.sheet}」：{plan.total_rows} 条考核结果")
    say(f"新增 {plan.created} 条，修改 {plan.updated} 条，未变 {plan.unchanged} 条")
    for change in plan.changes:
        if change.old is not None:
            say(
                f"  第{change.row}行 {change.name}（{change.id_number}）{change.year}年度："
                f"{change.old} → {change.new}"
            )
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


def run_import(args: argparse.Namespace) -> int:
    grid = read_sheet(args.file, args.sheet)
    errors_path = Path(args.errors) if args.errors else None
    if errors_path is not None and errors_path.suffix.lower() != ".xlsx":
        raise CliError(f"错误报告须保存为 .xlsx 文件：{args.errors}")
    with opened(args) as (db, actor):
        plan = plan_appraisal_import(db, actor, grid, year=args.year, progress=Progress("检查"))
        _print_plan(plan)
        if errors_path is not None and plan.problems:
            write_error_report(errors_path, grid, plan.header_row, plan.problems)
            say(f"错误报告已保存：{errors_path}")
        if plan.has_errors or args.dry_run:
            if args.json:
                emit_json({"plan": _plan_document(plan), "result": None})
            say("有错误，未导入任何数据" if plan.has_errors else "试运行：未写入任何数据")
            return REJECTED if plan.has_errors else 0
        result = apply_appraisal_import(db, actor, grid, year=args.year)
    say(f"导入完成：新增 {result.created} 条，修改 {result.updated} 条（批次 {result.batch_id}）")
    if args.json:
        document = {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "batch_id": result.batch_id,
            "warnings": [_problem(p) for p in result.warnings],
        }
        emit_json({"plan": _plan_document(plan), "result": document})
    return 0
