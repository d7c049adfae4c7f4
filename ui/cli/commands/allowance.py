"""``workforce allowance list|set``: allowance tables as versioned data (issue 3)."""

from __future__ import annotations

import argparse
import datetime as dt

from ui.cli.common import emit_json, opened, parse_date, say
from ui.cli.retro_preview import confirm_or_stop
from workforce.services.scales.allowances import (
    PERIOD_NAMES,
    AllowanceInfo,
    allowances_in_force,
    preview_allowance,
    set_allowance,
    set_allowance_retroactively,
)


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
