"""The plan commands' arguments (``plan retirements``, ``plan budget``); their code,
``ui.cli.commands.plan``, is imported when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_unit_option, iso_date
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.plan")


def register(sub: Any) -> None:
    plan = sub.add_parser("plan", help="测算：法定退休时间（渐进式延迟退休）、明后年工资总额预算")
    commands = plan.add_subparsers(dest="plan_command", metavar="COMMAND", required=True)

    retire = commands.add_parser(
        "retirements",
        help="将在若干个月内达到法定退休年龄的人员，及今后每年退休人数",
    )
    retire.add_argument(
        "--within", type=int, default=12, metavar="MONTHS", help="列出几个月内退休的人（默认 12）"
    )
    retire.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help="自哪天起（默认今天）")
    retire.add_argument("--years", type=int, default=5, metavar="N", help="统计今后几年（默认 5）")
    add_unit_option(retire)
    retire.add_argument("--json", action="store_true", help="以 JSON 输出到标准输出")
    retire.set_defaults(handler=later("run_retirements"), needs=Action.VIEW_WORKERS)

    budget = commands.add_parser(
        "budget",
        help="工资总额预算：按现有人员和规则逐年测算应发、单位缴费、人工成本，并与情景对比（只读）",
    )
    budget.add_argument("--years", type=int, default=5, metavar="N", help="测算几年（默认 5）")
    budget.add_argument(
        "--from", dest="first", type=int, metavar="YYYY", help="自哪一年起（默认明年）"
    )
    budget.add_argument(
        "--scenario",
        action="append",
        default=[],
        metavar="FILE.json",
        help="情景文件（可多次）：普调、网格员同酬、调级间隔、新薪酬标准、核定人数变化",
    )
    budget.add_argument(
        "--assumptions",
        metavar="FILE.json",
        help="假设文件：各社区考核等次比例、离职率、核定人数、补员月份、基数上下限增长率",
    )
    budget.add_argument("--monthly", action="store_true", help="同时按月列出")
    budget.add_argument(
        "--by",
        choices=("district", "street", "post"),
        help="按区、街道或岗位分列（文本输出）",
    )
    add_unit_option(budget)
    budget.add_argument("--json", action="store_true", help="以 JSON 输出到标准输出")
    budget.add_argument("--out", metavar="OUT.xlsx|OUT.pdf", help="导出会议用的测算表")
    budget.set_defaults(handler=later("run_budget"), needs=Action.VIEW_ADJUSTMENT)
