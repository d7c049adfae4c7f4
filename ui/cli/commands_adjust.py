"""``workforce adjust plan|list|exclude|override|approve|apply|revert|show``: the yearly grade
adjustment run (年度调级调薪, §4); also registers ``scale``, ``appraisal`` and ``user``.

A run is prepared by a clerk, approved by a second user (``--user``), then applied; it can be
reverted as a whole. ``--json`` prints the plan (people with reasons, money as two-decimal strings,
the summary) on standard output only; ``--out`` writes the workbook for finance.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ui.cli import commands_appraisal, commands_scale
from ui.cli.adjust_documents import run_document, run_list_document, since_last_document
from ui.cli.commands_scale import add_user_option, parse_date
from ui.cli.common import CliError, Progress, emit_json, opened, say, shown
from ui.cli.next_steps import by_another
from workforce.domain.permissions import Action
from workforce.domain.vocab import Role
from workforce.services.adjustment_apply import apply_run, revert_run
from workforce.services.adjustment_run import approve_run, override_item, prepare_run
from workforce.services.adjustment_views import (
    RunLine,
    RunOverview,
    list_runs,
    people,
    run_report,
    worker_id_for,
)
from workforce.services.context import Actor, Database
from workforce.services.initial_grading import grade_new_hire


def register(sub: Any) -> None:
    commands_scale.register(sub)
    commands_appraisal.register(sub)
    adjust = sub.add_parser("adjust", help="年度调级调薪：准备、排除/调整、审核、应用、撤销")
    actions = adjust.add_subparsers(dest="adjust_command", metavar="ACTION", required=True)

    plan = actions.add_parser("plan", help="准备调级计划（重新准备时列出与上次的不同）")
    plan.add_argument("--year", type=int, required=True, metavar="Y", help="调级年度")
    plan.add_argument("--effective", metavar="DATE", help="生效日期（默认：Y年1月1日）")
    plan.add_argument(
        "--with-employer-share",
        action="store_true",
        help="年度增加资金含单位社保公积金缴费（按生效日费率 × 月增资近似）",
    )
    _outputs(plan)
    plan.set_defaults(handler=run_plan, needs=Action.PREPARE_ADJUSTMENT)

    listing = actions.add_parser("list", help="列出调级批次（状态、经办人、人次、年度增加资金）")
    listing.add_argument("--year", type=int, metavar="Y", help="只列该年度")
    listing.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    listing.set_defaults(handler=run_list, needs=Action.VIEW_ADJUSTMENT)

    for name, help_text in (
        ("exclude", "把某人排除在本次调级之外"),
        ("override", "调整某人的新等级"),
    ):
        item = actions.add_parser(name, help=help_text)
        item.add_argument("run_id", type=int, metavar="RUN_ID")
        item.add_argument("id_number", metavar="ID_NUMBER", help="身份证号")
        item.add_argument("--reason", required=True, metavar="TEXT", help="书面理由")
        item.add_argument("--level", type=int, metavar="N", help="新等级（override 必填）")
        item.set_defaults(
            handler=run_item, needs=Action.PREPARE_ADJUSTMENT, excluded=name == "exclude"
        )
        add_user_option(item)

    approve = actions.add_parser("approve", help="审核调级计划（须由准备人以外的用户）")
    approve.add_argument("run_id", type=int, metavar="RUN_ID")
    approve.set_defaults(handler=run_approve, needs=Action.APPROVE_ADJUSTMENT)

    apply = actions.add_parser("apply", help="应用已审核的调级计划")
    apply.add_argument("run_id", type=int, metavar="RUN_ID")
    apply.set_defaults(handler=run_apply, needs=Action.APPLY_ADJUSTMENT)

    revert = actions.add_parser("revert", help="整体撤销已应用的调级")
    revert.add_argument("run_id", type=int, metavar="RUN_ID")
    revert.add_argument("--reason", required=True, metavar="TEXT", help="撤销理由")
    revert.set_defaults(handler=run_revert, needs=Action.APPROVE_ADJUSTMENT)

    grade = actions.add_parser(
        "grade", help="新入职人员定级（按岗位、学历、证书和此前社区工作年限）"
    )
    grade.add_argument("--post", required=True, help="岗位（名称或代码）")
    grade.add_argument("--education", help="最高学历")
    grade.add_argument("--certificate", help="社工证等级")
    grade.add_argument("--years", type=int, default=0, help="此前社区工作年限")
    grade.add_argument("--json", action="store_true", help="以 JSON 输出")
    grade.set_defaults(handler=run_grade, needs=None)

    show = actions.add_parser("show", help="查看调级批次（计划或结果）")
    show.add_argument("run_id", type=int, metavar="RUN_ID")
    _outputs(show)
    show.set_defaults(handler=run_show, needs=Action.VIEW_ADJUSTMENT)
    for parser in (plan, listing, approve, apply, revert, show):
        add_user_option(parser)


def _outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    parser.add_argument("--out", metavar="FILE.xlsx", help="保存汇总及明细工作簿")


def _out_path(text: str | None) -> Path | None:
    if text is None:
        return None
    target = Path(text)
    if target.suffix.lower() != ".xlsx":
        raise CliError(f"工作簿须保存为 .xlsx 文件：{text}")
    if not target.parent.is_dir():
        raise CliError(f"保存工作簿的文件夹不存在：{target.parent}")
    return target


def _summary(overview: RunOverview, show: Callable[[str], None]) -> None:
    o = overview
    show(
        f"批次 {o.run_id}（{o.year}年度，{o.effective_date:%Y-%m-%d}生效，{o.status_name}）："
        f"调级 {o.person_times} 人次，年度增加资金 {o.yearly_cost:,.2f} 元"
        f"（{o.yearly_cost_wan:,.2f} 万元）；受阻 {o.blocked} 人，排除 {o.excluded} 人"
    )
    for group in o.by_district:
        show(f"  {group.name}：{group.person_times} 人次，{group.yearly_cost:,.2f} 元")


def _deliver(
    db: Database,
    actor: Actor,
    args: argparse.Namespace,
    run_id: int,
    since_last: dict[str, Any] | None = None,
) -> tuple[RunOverview, list[RunLine]]:
    out = _out_path(args.out)
    overview, lines = run_report(db, actor, run_id)
    _summary(overview, shown(args))
    if out is not None:
        from reports.adjustment_xlsx import write_adjustment_workbook

        write_adjustment_workbook(out, overview, lines)
        say(f"工作簿已保存：{out}")
    if args.json:
        emit_json(run_document(overview, lines, since_last))
    return overview, lines


def run_plan(args: argparse.Namespace) -> int:
    effective = parse_date(args.effective, "生效日期") if args.effective else None
    _out_path(args.out)
    with opened(args) as (db, actor):
        prepared = prepare_run(
            db,
            actor,
            args.year,
            effective,
            include_employer_share=args.with_employer_share,
            progress=Progress("准备"),
        )
        diff = prepared.since_last
        since_last = None
        if diff is not None:
            known = people(db, {*diff.added, *diff.removed, *diff.changed})
            since_last = since_last_document(diff, known)
            say(
                f"与上次准备相比：新增 {len(diff.added)} 人，移出 {len(diff.removed)} 人，"
                f"等级变化 {len(diff.changed)} 人"
            )
        if args.with_employer_share:
            say("年度增加资金含单位社保公积金缴费（生效日单位费率合计 × 月增资 × 12，近似）")
        _deliver(db, actor, args, prepared.run_id, since_last)
        approve = f"workforce adjust approve {prepared.run_id}"
        hint = by_another(db, actor, Action.APPROVE_ADJUSTMENT, Role.APPROVER, approve)
    say(hint)
    return 0


def run_item(args: argparse.Namespace) -> int:
    if not args.excluded and args.level is None:
        raise CliError("override 须用 --level 给出新等级")
    with opened(args) as (db, actor):
        worker_id = worker_id_for(db, args.id_number)
        override_item(
            db,
            actor,
            args.run_id,
            worker_id,
            reason=args.reason,
            new_level=None if args.excluded else args.level,
            excluded=args.excluded,
        )
    what = "已排除" if args.excluded else f"新等级调整为{args.level}级"
    say(f"批次 {args.run_id}：{args.id_number} {what}（理由：{args.reason.strip()}）")
    return 0


def run_approve(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        approve_run(db, actor, args.run_id)
    say(f"批次 {args.run_id} 已审核（{actor.username}）")
    return 0


def run_apply(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        written = apply_run(db, actor, args.run_id, progress=Progress("应用", "人"))
        run = next(r for r in list_runs(db, actor) if r.run_id == args.run_id)
    say(
        f"批次 {args.run_id} 已应用：调级 {run.person_times} 人次；"
        f"计划所列 {written} 人的调级状态（岗位、等级、任职年限等）均已写入"
    )
    return 0


def run_revert(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        restored = revert_run(db, actor, args.run_id, args.reason)
    say(f"批次 {args.run_id} 已撤销：计划所列 {restored} 人恢复到调级前的状态")
    return 0


def run_show(args: argparse.Namespace) -> int:
    _out_path(args.out)
    with opened(args) as (db, actor):
        _deliver(db, actor, args, args.run_id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        runs = list_runs(db, actor, args.year)
    if args.json:
        emit_json(run_list_document(runs))
        return 0
    if not runs:
        say("没有调级批次" + (f"（{args.year}年度）" if args.year else ""))
        return 0
    for r in runs:
        who = (
            f"准备 {r.prepared_by or '—'}，审核 {r.approved_by or '—'}，应用 {r.applied_by or '—'}"
        )
        print(
            f"批次 {r.run_id}  {r.year}年度  {r.effective_date:%Y-%m-%d}生效  {r.status_name}  "
            f"{r.person_times} 人次  {r.yearly_cost:,.2f} 元（{r.yearly_cost_wan:,.2f} 万元）  "
            + who
        )
    return 0


def run_grade(args: argparse.Namespace) -> int:
    with opened(args) as (db, _actor):
        grade = grade_new_hire(
            db,
            args.post,
            highest_education=args.education,
            certificate_level=args.certificate,
            prior_community_years=args.years,
        )
    if args.json:
        emit_json(
            {
                "level": grade.level,
                "credited_ladder": grade.credited_ladder,
                "reasons": [r.text for r in grade.reasons],
                "notes": list(grade.notes),
            }
        )
    else:
        print(f"定级：{grade.level}级")
        for reason in grade.reasons:
            print(f"  {reason.text}")
        for note in grade.notes:
            print(f"  注意：{note}")
    return 0
