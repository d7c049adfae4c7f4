"""The init and check commands' arguments; their code, ``ui.cli.commands.system``, is imported
when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.parsers import users
from ui.cli.parsers.lazy import handlers

later = handlers("ui.cli.commands.system")


def register(sub: Any) -> None:
    init = sub.add_parser("init", help="创建或升级数据库，安装默认区、管理员和示范薪酬标准")
    init.set_defaults(handler=later("run_init"), needs=None)
    check = sub.add_parser(
        "check", help="检查内置数据库文件是否完好（PRAGMA quick_check，只读；损坏时退出状态 1）"
    )
    check.set_defaults(handler=later("run_check"), needs=None)
    users.register(sub)
