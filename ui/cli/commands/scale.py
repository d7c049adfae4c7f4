"""``workforce scale import|list|show|compare|set``: pay scales as versioned data (§3)."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation

from ui.cli.adjust_documents import difference, money, scale_document, scale_info
from ui.cli.common import CliError, emit_json, opened, parse_date, read_sheet, say
from ui.cli.retro_preview import confirm_or_stop
from workforce.domain.problems import ActionRefused
from workforce.domain.scales.post_table import parse_posts_sheet
from workforce.services.scales.admin import (
    compare,
    import_scale,
    import_scale_retroactively,
    list_scales,
    preview_scale_import,
    scale_table,
    set_amount,
)


def run_import(args: argparse.Namespace) -> int:
    effective = parse_date(args.effective, "生效日期")
    grid = read_sheet(args.file, args.sheet)
    name = args.name or f"薪酬标准（{effective:%Y-%m-%d}起）"
    posts = None
    if args.posts:
        posts, problems = parse_posts_sheet(read_sheet(args.posts, None))
        for problem in problems:
            say(problem.describe())
        if problems:
            raise CliError(f"岗位设置表有误（{len(problems)}处），未导入")
    with opened(args) as (db, actor):
        try:
            if args.retroactive:
                plan = preview_scale_import(db, actor, grid, effective, name=name, posts=posts)
                confirm_or_stop(args, plan)
                result = import_scale_retroactively(
                    db, actor, grid, effective, name=name, posts=posts
                )[0]
            else:
                result = import_scale(db, actor, grid, effective, name=name, posts=posts)
        except ActionRefused as exc:
            for problem in exc.problems[1:]:
                say(problem.describe())
            raise
    for warning in result.warnings:
        say(f"提示：{warning.describe()}")
    form = "长表" if result.form == "long" else "宽表"
    say(f"已导入薪酬标准「{name}」（{form}，{result.amounts}个月标准，{effective:%Y-%m-%d}起生效）")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened(args) as (db, _actor):
        scales = list_scales(db)
    if args.json:
        emit_json([scale_info(s) for s in scales])
        return 0
    for s in scales:
        used = "，已被调级使用" if s.in_use else ""
        print(f"{s.scale_id}\t{s.effective_date:%Y-%m-%d}起\t{s.name}（{s.amounts}项{used}）")
    return 0


def run_show(args: argparse.Namespace) -> int:
    on = parse_date(args.effective, "日期") if args.effective else None
    with opened(args) as (db, _actor):
        detail = scale_table(db, on)
    if args.json:
        emit_json(scale_document(detail))
        return 0
    version, info = detail.version, detail.info
    print(f"薪酬标准「{info.name}」，{info.effective_date:%Y-%m-%d}起生效（编号{info.scale_id}）")
    paying = [p for p in version.posts if not p.paid_as]
    print("\t".join(["等级", *(p.name for p in paying)]))
    levels = sorted({level for _, level in version.amounts})
    for level in levels:
        cells = [money(version.amounts.get((p.code, level))) or "—" for p in paying]
        print("\t".join([str(level), *cells]))
    for post in version.posts:
        if post.paid_as:
            target = version.post(post.paid_as)
            print(f"{post.name}按{target.name if target else post.paid_as}标准发放")
    return 0


def run_compare(args: argparse.Namespace) -> int:
    old, new = parse_date(args.date_a, "日期"), parse_date(args.date_b, "日期")
    with opened(args) as (db, _actor):
        result = compare(db, old, new)
    if args.json:
        emit_json(
            {
                "old": scale_info(result.old),
                "new": scale_info(result.new),
                "differences": [difference(d) for d in result.differences],
            }
        )
        return 0
    print(f"「{result.old.name}」→「{result.new.name}」：{len(result.changed)}项不同")
    for d in result.changed:
        print(
            f"{d.post_name}\t{d.level}级\t{money(d.old) or '—'}\t→\t{money(d.new) or '—'}"
            f"\t{money(d.difference) or ''}"
        )
    return 0


def run_set(args: argparse.Namespace) -> int:
    try:
        amount = Decimal(args.amount)
    except InvalidOperation:
        raise CliError(f"月标准「{args.amount}」不是金额") from None
    with opened(args) as (db, actor):
        old = set_amount(db, actor, args.scale_id, args.post, args.level, amount)
    say(f"已修改：{args.post}{args.level}级 {money(old) or '（无）'} → {money(amount)}")
    return 0
