"""The demo and stats commands' arguments; their code, ``ui.cli.commands.demo``, is imported
when one of them runs."""

from __future__ import annotations

import argparse
from typing import Any

from ui.cli.options import iso_date
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.demo")


def register(sub: Any) -> None:
    demo = sub.add_parser("demo", help="生成示例数据（只能用于新建的空数据库）")
    demo.add_argument("--workers", type=int, default=2000, metavar="N", help="人数（默认 2000）")
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="随机种子：种子和日期相同则生成的数据相同（默认 1）",
    )
    demo.add_argument(
        "--today", type=iso_date, metavar="YYYY-MM-DD", help="生成数据所依据的日期（默认今天）"
    )
    demo.set_defaults(handler=later("run_demo"), needs=Action.GENERATE_DEMO)

    stats = sub.add_parser("stats", help="统计指标：人数、本科以上占比、平均年龄、持证率等")
    stats.add_argument("--json", action="store_true", help="以 JSON 输出到标准输出")
    stats.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help="统计日期（默认今天）")
    stats.add_argument(
        "--unit",
        metavar="NAME",
        help="只统计某个区/街道/社区/网格（重名时写上级，如 新城区/中山东路街道）",
    )
    stats.set_defaults(handler=later("run_stats"), needs=Action.VIEW_WORKERS)
    commands = stats.add_subparsers(dest="stats_command", metavar="COMMAND")
    export = commands.add_parser(
        "export",
        help="导出统计表：.xlsx（各单位指标、同比、等级分布、年龄结构，含图表）或 .pdf（统计报告）",
    )
    export.add_argument("out", metavar="OUT.xlsx|OUT.pdf")
    # SUPPRESS: "stats --as-of D export F" and "stats export F --as-of D" both keep the date
    export.add_argument(
        "--as-of",
        type=iso_date,
        default=argparse.SUPPRESS,
        metavar="YYYY-MM-DD",
        help="统计日期（默认今天）",
    )
    export.add_argument("--unit", default=argparse.SUPPRESS, metavar="NAME", help="只统计某个单位")
    export.set_defaults(handler=later("run_stats_export"), needs=Action.VIEW_WORKERS)
