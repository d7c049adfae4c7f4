"""``workforce payroll opening import|list|show`` and ``payroll discard``: the payroll year as it
really runs (§8.6) — the year so far of a unit that starts the program mid-year (期初累计), and a
calculated month thrown away before approval (撤销计算)."""

from __future__ import annotations

import argparse
from typing import Any

from ui.cli.commands.payroll import period_of
from ui.cli.common import CliError, emit_json, opened, say, shown
from ui.cli.sheet_check import SheetCheck
from workforce.domain.payroll.opening_sheet import AMOUNTS
from workforce.services.payroll.discard import discard_month, discard_preview
from workforce.services.payroll.guard import label
from workforce.services.payroll.opening import OpeningRow, list_openings, opening_years
from workforce.services.payroll.opening_import import apply_opening_import, plan_opening_import


def run_opening_import(args: argparse.Namespace) -> int:
    check = SheetCheck(args)
    with opened(args) as (db, actor):
        plan = plan_opening_import(db, actor, check.grid)
        through = f"，所属期止 {plan.year}-{plan.through:02d}" if plan.year and plan.through else ""
        say(
            f"工作表「{plan.sheet}」：{plan.total_rows} 人{through}，新增 {plan.created} 人，"
            f"变更 {plan.updated} 人，未变 {plan.unchanged} 人"
        )
        if (status := check.stop(plan)) is not None:
            return status
        result = apply_opening_import(db, actor, check.grid, valid_only=check.valid_only)
    batch = f"（批次 {result.batch_id}）" if result.batch_id else ""
    say(
        f"导入完成：{result.year}年期初累计（截至{result.through}月）写入 {result.written} 人"
        f"{batch}；{result.year}年从{(result.through or 0) + 1}月开始计算工资"
    )
    check.hand_back(plan, result.rejected)
    return 0


def _document(row: OpeningRow) -> dict[str, Any]:
    figures = row.figures
    return {
        "id_number": row.id_number,
        "name": row.name,
        "unit": row.unit,
        "year": figures.year,
        "through": f"{figures.year}-{figures.through:02d}",
        "first_month": row.first_month,
        "months": row.months,
        **{key: f"{getattr(figures, key):.2f}" for key, _ in AMOUNTS},
        "basic_deduction": f"{row.expected_basic:.2f}",
        "cumulative_tax": f"{figures.cumulative_tax(row.expected_basic):.2f}",
    }


def _year(args: argparse.Namespace, years: list[tuple[int, int, int]]) -> int:
    if args.year is not None:
        return int(args.year)
    if not years:
        raise CliError("还没有导入任何期初累计（workforce payroll opening import FILE）")
    return years[0][0]


def run_opening_list(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        year = _year(args, opening_years(db, actor))
        rows = list_openings(db, actor, year)
    if args.json:
        emit_json({"year": year, "openings": [_document(r) for r in rows]})
        return 0
    out = shown(args)
    titles = "\t".join(title for _, title in AMOUNTS)
    out(f"身份证号\t姓名\t单位\t所属期止\t{titles}")
    for row in rows:
        amounts = "\t".join(f"{getattr(row.figures, key):,.2f}" for key, _ in AMOUNTS)
        out(f"{row.id_number}\t{row.name}\t{row.unit}\t{year}-{row.figures.through:02d}\t{amounts}")
    say(f"{year}年期初累计：{len(rows)} 人")
    return 0


def run_opening_show(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        year = _year(args, opening_years(db, actor))
        rows = list_openings(db, actor, year, id_number=args.id_number)
    if not rows:
        raise CliError(f"{args.id_number} 没有{year}年的期初累计")
    row = rows[0]
    if args.json:
        emit_json(_document(row))
        return 0
    out = shown(args)
    figures = row.figures
    through = f"{year}-{figures.through:02d}"
    out(f"{row.name}（{row.id_number}，{row.unit}）{year}年期初累计，所属期止 {through}")
    out(f"  在本单位任职月份\t{row.first_month}–{figures.through}月（{row.months}个月）")
    for key, title in AMOUNTS:
        out(f"  {title}\t{getattr(figures, key):,.2f}")
    out(f"  累计减除费用（按规定）\t{row.expected_basic:,.2f}")
    computed = figures.cumulative_tax(row.expected_basic)
    out(f"  按以上累计数计算的累计应纳税额\t{computed:,.2f}")
    if computed != figures.withheld:
        say("  注意：累计已预缴税额与按累计数计算的应纳税额不同，请与扣缴客户端核对")
    return 0


def run_discard(args: argparse.Namespace) -> int:
    period = period_of(args)
    with opened(args) as (db, actor):
        preview = discard_preview(db, actor, period)
        if not args.yes:
            say(f"将撤销：{preview.describe()}")
            raise CliError("撤销计算将删除该月全部工资条；确认无误后加 --yes 再运行")
        removed = discard_month(db, actor, period, expected_version=preview.version)
    say(f"已撤销计算：{removed.describe()}；{label(period)}可重新计算")
    return 0
