"""``workforce payroll explain CASE.json``: how each month's withholding arises. Needs no database,
so it loads only the tax rules."""

from __future__ import annotations

import argparse
import json

from ui.cli.common import CliError, emit_json
from workforce.domain.payroll.tax_case import CaseError, explain, parse_case


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
