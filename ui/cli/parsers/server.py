"""The ``server`` commands' arguments (a city's PostgreSQL server); their code,
``ui.cli.commands.server``, is imported when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.parsers.lazy import handlers

later = handlers("ui.cli.commands.server")


def register(sub: Any) -> None:
    server = sub.add_parser("server", help="PostgreSQL 服务器：最小权限角色")
    commands = server.add_subparsers(dest="server_command", required=True, metavar="COMMAND")
    setup = commands.add_parser(
        "setup",
        help="打印（或以 --apply 执行）建立所有者角色和职员角色的 SQL："
        "职员角色不能修改结构、不能改删审计日志、不能修改已锁定月份",
    )
    setup.add_argument("--owner", default="workforce_owner", help="所有者角色（升级结构）")
    setup.add_argument("--clerks", default="workforce_app", help="职员程序使用的角色")
    setup.add_argument("--database", help="数据库名（默认：--db 地址中的数据库）")
    setup.add_argument(
        "--apply",
        action="store_true",
        help="以 --db 的连接（须为超级用户）执行，并以所有者身份建立或升级结构",
    )
    setup.set_defaults(handler=later("run_setup"), needs=None)
