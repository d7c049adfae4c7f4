"""``workforce appraisal import`` (the ``user`` commands live in ``commands_users``).

An appraisal import checks the whole sheet first; any error means nothing is written and the exit
status is 2, unless ``--valid-only`` imports the valid rows and hands the rejected ones back.
``--errors OUT.xlsx`` writes the clerk's sheet back with a 错误说明 column.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from ui.cli.common import Progress, emit_json, opened, say
from ui.cli.sheet_check import SheetCheck, plan_document, problem_document
from workforce.services.adjustment.appraisals import (
    AppraisalPlan,
    apply_appraisal_import,
    plan_appraisal_import,
)


def _plan_document(plan: AppraisalPlan) -> dict[str, Any]:
    return plan_document(plan, [asdict(c) for c in plan.changes])


def _print_plan(plan: AppraisalPlan) -> None:
    say(f"工作表「{plan.sheet}」：{plan.total_rows} 条考核结果")
    say(f"新增 {plan.created} 条，修改 {plan.updated} 条，未变 {plan.unchanged} 条")
    for change in plan.changes:
        if change.old is not None:
            say(
                f"  第{change.row}行 {change.name}（{change.id_number}）{change.year}年度："
                f"{change.old} → {change.new}"
            )


def run_import(args: argparse.Namespace) -> int:
    check = SheetCheck(args)
    with opened(args) as (db, actor):
        plan = plan_appraisal_import(
            db, actor, check.grid, year=args.year, progress=Progress("检查")
        )
        _print_plan(plan)
        if (status := check.stop(plan, lambda: _plan_document(plan))) is not None:
            return status
        result = apply_appraisal_import(
            db, actor, check.grid, year=args.year, valid_only=check.valid_only
        )
    say(f"导入完成：新增 {result.created} 条，修改 {result.updated} 条（批次 {result.batch_id}）")
    check.hand_back(plan, result.rejected)
    if args.json:
        document = {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "batch_id": result.batch_id,
            "warnings": [problem_document(p) for p in result.warnings],
            "rejected": list(result.rejected),
        }
        emit_json({"plan": _plan_document(plan), "result": document})
    return 0
