"""``workforce payroll …``: for now the tax calculator, ``payroll explain CASE.json``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ui.cli.common import CliError, emit_json
from workforce.domain.tax_case import CaseError, explain, parse_case


def register(sub: Any) -> None:
    payroll = sub.add_parser("payroll", help="工资：个税计算说明等")
    commands = payroll.add_subparsers(dest="payroll_command", metavar="COMMAND", required=True)
    explain_parser = commands.add_parser(
        "explain", help="按累计预扣法逐月说明一名职工全年的个税预扣（案例格式见 spec/tax-case.md）"
    )
    explain_parser.add_argument("case", type=Path, metavar="CASE.json")
    explain_parser.set_defaults(handler=run_explain)


def run_explain(args: argparse.Namespace) -> int:
    try:
        data = json.loads(args.case.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CliError(f"找不到文件：{args.case}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CliError(f"{args.case} 不是有效的 JSON：{exc}") from None
    try:
        case = parse_case(data)
    except CaseError as exc:
        raise CliError(f"{args.case}: {exc}") from None
    emit_json(explain(case))
    return 0
