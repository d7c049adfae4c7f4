"""The allowance commands' arguments; their code, ``ui.cli.commands.allowance``, is imported
when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_retro_options, add_user_option
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.allowance")


def register(sub: Any) -> None:
    allowance = sub.add_parser("allowance", help="津贴标准：查看、调整（按生效日期留存历史）")
    actions = allowance.add_subparsers(dest="allowance_command", metavar="ACTION", required=True)

    lst = actions.add_parser("list", help="列出某日生效的津贴标准")
    lst.add_argument("--date", metavar="YYYY-MM-DD", help="日期（默认：今天）")
    lst.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    lst.set_defaults(handler=later("run_list"), needs=None)

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
    edit.set_defaults(handler=later("run_set"), needs=Action.EDIT_CONFIGURATION)
