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

from ui.cli.adjust_documents import run_document, run_list_document, since_last_document
from ui.cli.common import CliError, Progress, emit_json, opened, parse_date, say, shown
from ui.cli.next_steps import by_another
from workforce.domain.accounts.permissions import Action
from workforce.domain.vocab import Role
from workforce.services.adjustment.apply import apply_run, revert_run
from workforce.services.adjustment.initial_grading import grade_new_hire
from workforce.services.adjustment.run import approve_run, override_item, prepare_run
from workforce.services.adjustment.views import (
    RunLine,
    RunOverview,
    list_runs,
    people,
    run_report,
    worker_id_for,
)
from workforce.services.context import Actor, Database


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
        from reports.adjustment.run_xlsx import write_adjustment_workbook

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
