"""The user commands' arguments; their code, ``ui.cli.commands.users``, is imported
when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_user_option
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action
from workforce.domain.vocab import Role

NEW_PASSWORD_ENV = "WORKFORCE_NEW_PASSWORD"
ROLES = [r.value for r in Role]

later = handlers("ui.cli.commands.users")


def register(sub: Any) -> None:
    user = sub.add_parser("user", help="用户：添加、列出、密码、解锁、停用、角色")
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="添加用户（仅管理员）")
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--role", required=True, choices=ROLES, help="角色")
    add.add_argument("--name", metavar="显示名", default="", help="显示名（默认：用户名）")
    add.add_argument("--scope", metavar="UNIT", help="管理范围：区或街道名称（默认：全部）")
    add.add_argument(
        "--password",
        action="store_true",
        help=f"同时设置初始密码（设置了环境变量 {NEW_PASSWORD_ENV} 时总是取它作初始密码）",
    )
    lst = actions.add_parser("list", help="列出用户")
    lst.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    passwd = actions.add_parser("passwd", help="修改本人密码，或（管理员）重置他人密码")
    passwd.add_argument("username", metavar="USERNAME", nargs="?", help="默认：本人")
    unlock = actions.add_parser("unlock", help="解除锁定（仅管理员）")
    unlock.add_argument("username", metavar="USERNAME")
    deactivate = actions.add_parser("deactivate", help="停用用户（仅管理员）")
    deactivate.add_argument("username", metavar="USERNAME")
    role = actions.add_parser("role", help="修改角色和管理范围（仅管理员）")
    role.add_argument("username", metavar="USERNAME")
    role.add_argument("role", metavar="ROLE", choices=ROLES, help="、".join(ROLES))
    role.add_argument("--scope", metavar="UNIT", help="管理范围：区或街道名称（默认：全部）")
    for parser, handler, needs in (
        (add, later("run_add"), Action.MANAGE_USERS),
        (lst, later("run_list"), None),
        (passwd, later("run_passwd"), None),  # one's own; resetting another's needs MANAGE_USERS
        (unlock, later("run_unlock"), Action.MANAGE_USERS),
        (deactivate, later("run_deactivate"), Action.MANAGE_USERS),
        (role, later("run_role"), Action.MANAGE_USERS),
    ):
        add_user_option(parser)
        parser.set_defaults(handler=handler, needs=needs)
