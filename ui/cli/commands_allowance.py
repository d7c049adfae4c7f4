"""``workforce allowance list|set``: allowance tables as versioned data (issue 3)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from ui.cli.commands_scale import add_user_option, parse_date
from ui.cli.common import emit_json, opened, say
from ui.cli.retro_preview import add_retro_options, confirm_or_stop
from workforce.domain.permissions import Action
from workforce.services.allowances import (
    PERIOD_NAMES,
    AllowanceInfo,
    allowances_in_force,
    preview_allowance,
    set_allowance,
    set_allowance_retroactively,
)


def register(sub: Any) -> None:
    allowance = sub.add_parser("allowance", help="津贴标准：查看、调整（按生效日期留存历史）")
    actions = allowance.add_subparsers(dest="allowance_command", metavar="ACTION", required=True)

    lst = actions.add_parser("list", help="列出某日生效的津贴标准")
    lst.add_argument("--date", metavar="YYYY-MM-DD", help="日期（默认：今天）")
    lst.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    lst.set_defaults(handler=run_list, needs=None)

    edit = actions.add_parser("set", help="自某日起调整一项津贴标准（新增一个版本）")
    edit.add_argument(
        "kind",
        metavar="KIND",
        help="certificate/职业资格津贴、one_shoulder/一肩挑津贴、basic_performance/基础绩效、"
        "reward_performance/奖励绩效",
    )
    edit.add_argument("key", metavar="KEY", help="证书等级或考核等次；不分档次的写 -")
    edit.add_argument("amount", metavar="AMOUNT", help="金额（元）")
    edit.add_argument("--effective", metavar="YYYY-MM-DD", required=True, help="生效日期")
    add_retro_options(edit)
    add_user_option(edit)
    edit.set_defaults(handler=run_set, needs=Action.EDIT_CONFIGURATION)


def allowance_document(info: AllowanceInfo) -> dict[str, str]:
    return {
        "kind": info.kind,
        "kind_name": info.kind_name,
        "key": info.key,
        "amount": f"{info.amount:.2f}",
        "period": info.period,
        "effective_date": info.effective_date.isoformat(),
    }


def run_list(args: argparse.Namespace) -> int:
    on = parse_date(args.date, "日期") if args.date else dt.date.today()
    with opened(args) as (db, _actor):
        rows = allowances_in_force(db, on)
    if args.json:
        emit_json({"date": on.isoformat(), "allowances": [allowance_document(r) for r in rows]})
        return 0
    for r in rows:
        per = PERIOD_NAMES.get(r.period, r.period)
        key = r.key or "-"
        print(f"{r.kind_name}\t{key}\t{r.amount:.2f}元/{per}\t{r.effective_date:%Y-%m-%d}起")
    return 0


def run_set(args: argparse.Namespace) -> int:
    effective = parse_date(args.effective, "生效日期")
    key = "" if args.key.strip() == "-" else args.key
    with opened(args) as (db, actor):
        if args.retroactive:
            change = (db, actor, args.kind, key, args.amount, effective)
            confirm_or_stop(args, preview_allowance(*change))
            info = set_allowance_retroactively(*change)[0]
        else:
            info = set_allowance(db, actor, args.kind, key, args.amount, effective)
    per = PERIOD_NAMES.get(info.period, info.period)
    label = f"{info.kind_name}（{info.key}）" if info.key else info.kind_name
    say(f"已设置{label}：{info.amount:.2f}元/{per}，{effective:%Y-%m-%d}起生效")
    return 0
