"""``workforce training import|compliance``.

``training import FILE`` reads a sign-in sheet (身份证号 and/or 姓名 per row, optionally 是否合格)
for one session: an existing one (``--session ID``) or a new one described by ``--session-title``,
``--date`` (and ``--end-date``), ``--hours``, ``--level`` and ``--elective``. Any error means
nothing is written (not even the new session) and the exit status is 2, unless ``--valid-only``
imports the valid rows and hands the rejected ones back.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from decimal import Decimal, InvalidOperation
from typing import Any

from reports.careers.xlsx import write_training_compliance
from ui.cli.common import CliError, emit_json, opened, parse_date, say, xlsx_path
from ui.cli.sheet_check import SheetCheck, problem_document
from workforce.domain.careers.certificates import hours_text
from workforce.services.careers.training import (
    SessionInput,
    SigninPlan,
    apply_signin_import,
    plan_signin_import,
)
from workforce.services.careers.training_report import ComplianceReport, training_compliance
from workforce.services.roster.export import find_unit


def _hours(text: str) -> Decimal:
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        raise CliError(f"学时「{text}」不是数字") from None


def _new_session(args: argparse.Namespace) -> SessionInput | None:
    given = [args.session_title, args.date, args.hours]
    if args.session is not None:
        if any(given):
            raise CliError("--session 与 --session-title/--date/--hours 只能二选一")
        return None
    if not all(given):
        raise CliError(
            "请用 --session 指定已有培训班，或用 --session-title、--date、--hours 描述新培训班"
        )
    start = parse_date(args.date, "开始日期")
    end = parse_date(args.end_date, "结束日期") if args.end_date else start
    return SessionInput(
        args.session_title, args.level, start, end, _hours(args.hours), not args.elective
    )


def _plan_document(plan: SigninPlan) -> dict[str, Any]:
    return {
        "sheet": plan.sheet,
        "rows": plan.total_rows,
        "session_title": plan.session_title,
        "added": plan.added,
        "updated": len(plan.changes) - plan.added,
        "unchanged": plan.unchanged,
        "attendance": [
            {"row": c.row, "id_number": c.id_number, "name": c.name, "passed": c.new}
            for c in plan.changes
        ],
        "problems": [problem_document(p) for p in plan.problems],
        "has_errors": plan.has_errors,
    }


def run_import(args: argparse.Namespace) -> int:
    new_session = _new_session(args)
    check = SheetCheck(args)
    with opened(args) as (db, actor):
        plan = plan_signin_import(
            db, actor, check.grid, session_id=args.session, new_session=new_session
        )
        say(f"培训班「{plan.session_title}」，工作表「{plan.sheet}」：{plan.total_rows} 行")
        updated = len(plan.changes) - plan.added
        say(f"新增参训 {plan.added} 人，修改 {updated} 人，未变 {plan.unchanged} 人")
        if (status := check.stop(plan, lambda: _plan_document(plan))) is not None:
            return status
        result = apply_signin_import(
            db,
            actor,
            check.grid,
            session_id=args.session,
            new_session=new_session,
            valid_only=check.valid_only,
        )
    added = f"新增参训 {result.added} 人，修改 {result.updated} 人"
    say(f"导入完成：培训班 {result.session_id}，{added}（批次 {result.batch_id}）")
    check.hand_back(plan, result.rejected)
    if args.json:
        emit_json({"plan": _plan_document(plan), "result": asdict(result)})
    return 0


def _compliance_document(report: ComplianceReport, everyone: bool) -> dict[str, Any]:
    rows = report.rows if everyone else report.short_rows
    return {
        "year": report.year,
        "date": report.on,
        "yearly_target": report.target,
        "communities": [asdict(c) for c in report.communities],
        "people": [
            {
                "id_number": r.person.id_number,
                "name": r.person.name,
                "street": r.person.street,
                "community": r.person.community,
                "hours": r.status.hours,
                "short_by": r.status.short_by,
                "certificate": r.certificate.level if r.certificate else None,
                "ce": None
                if r.status.ce is None
                else {
                    "period": [r.status.ce.period.start, r.status.ce.period.end],
                    "required": r.status.ce.required,
                    "earned": r.status.ce.earned,
                    "short_by": r.status.ce.short_by,
                },
            }
            for r in rows
        ],
    }


def run_compliance(args: argparse.Namespace) -> int:
    target = xlsx_path(args.xlsx, "达标情况表") if args.xlsx else None
    with opened(args) as (db, actor):
        unit_id = find_unit(db, args.unit) if args.unit else None
        report = training_compliance(db, actor, year=args.year, unit_id=unit_id)
    if target is not None:
        write_training_compliance(target, report)
        say(f"已导出：{target}")
    if args.json:
        emit_json(_compliance_document(report, args.all))
        return 0
    say(f"{report.year}年培训学时达标情况（年度要求{hours_text(report.target)}学时）")
    for c in report.communities:
        print(
            f"{c.street}\t{c.community}\t{c.headcount}人\t达标{c.met}人\t未达标{c.short}人"
            f"\t共差{hours_text(c.short_hours)}学时\t继续教育不足{c.ce_short}人"
        )
    for r in report.rows if args.all else report.short_rows:
        ce = r.status.ce
        ce_text = f"\t继续教育还差{hours_text(ce.short_by)}学时" if ce and ce.short_by else ""
        print(
            f"{r.person.community}\t{r.person.name}\t{hours_text(r.status.hours)}学时"
            f"\t还差{hours_text(r.status.short_by)}学时{ce_text}"
        )
    return 0
