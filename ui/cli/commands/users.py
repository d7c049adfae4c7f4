"""``workforce user add|list|passwd|unlock|deactivate|role``: accounts, passwords and scopes.

Passwords never appear on the command line: the new one comes from ``WORKFORCE_NEW_PASSWORD`` or
is typed twice at a prompt; the acting user's own from ``WORKFORCE_PASSWORD`` or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from ui.cli.common import (
    CliError,
    acting_username,
    ask_password,
    emit_json,
    open_database,
    opened,
    say,
)
from ui.cli.parsers.users import NEW_PASSWORD_ENV
from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import ROLE_NAMES, Role
from workforce.services.accounts.acting_user import sign_in
from workforce.services.accounts.auth import change_own_password, login_required
from workforce.services.accounts.users import (
    create_user,
    deactivate_user,
    list_users,
    reset_password,
    set_role,
    unlock_user,
)
from workforce.services.context import Database
from workforce.services.roster.export import find_unit


def new_password() -> str:
    """The new password: ``WORKFORCE_NEW_PASSWORD``, else typed twice."""
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CliError(f"请在终端中输入新密码，或设置环境变量 {NEW_PASSWORD_ENV}")
    first = getpass.getpass("新密码：")
    if getpass.getpass("再次输入新密码：") != first:
        raise CliError("两次输入的新密码不一致")
    return first


def _scope(db: Database, name: str | None) -> int | None:
    return find_unit(db, name) if name else None


def run_add(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        scope = _scope(db, args.scope)
        from_env = NEW_PASSWORD_ENV in os.environ
        password = new_password() if args.password or from_env else None
        user_id = create_user(
            db, actor, args.username, args.name, args.role, scope_org_id=scope, password=password
        )
    say(f"已添加用户 {args.username}（{ROLE_NAMES[Role(args.role)]}，编号 {user_id}）")
    if password is not None:
        source = f"取自环境变量 {NEW_PASSWORD_ENV}" if from_env else "已设置"
        say(f"初始密码{source}；该用户首次登录时须修改")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened(args) as (db, _actor):
        users = list_users(db)
    if args.json:
        emit_json(
            [
                {
                    "username": u.username,
                    "display_name": u.display_name,
                    "role": u.role.value,
                    "active": u.active,
                    "scope_org_id": u.scope_org_id,
                    "has_password": u.has_password,
                    "locked": u.locked_until is not None,
                }
                for u in users
            ]
        )
        return 0
    for u in users:
        flags = ("" if u.active else "（已停用）") + ("（已锁定）" if u.locked_until else "")
        print(f"{u.username}\t{u.display_name}\t{u.role_name}{flags}")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    own = acting_username(args)
    target = args.username or own
    if target != own:
        args.needs = Action.MANAGE_USERS
        with opened(args) as (db, actor):
            reset_password(db, actor, target, new_password())
        say(f"已重置用户 {target} 的密码（该用户下次登录时须修改）")
        return 0
    db, _report = open_database(args.db)
    try:
        current = ask_password(own) if login_required(db) else ""
        actor = sign_in(db, own, lambda: current, changing_password=True)
        change_own_password(db, actor, current, new_password())
    except ActionRefused as exc:
        raise CliError(exc.message) from exc
    finally:
        db.close()
    say(f"已修改用户 {own} 的密码")
    return 0


def run_unlock(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        unlock_user(db, actor, args.username)
    say(f"已解锁用户 {args.username}")
    return 0


def run_deactivate(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        deactivate_user(db, actor, args.username)
    say(f"已停用用户 {args.username}")
    return 0


def run_role(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        set_role(db, actor, args.username, args.role, _scope(db, args.scope))
    where = f"，管理范围：{args.scope}" if args.scope else ""
    say(f"用户 {args.username} 的角色已改为{ROLE_NAMES[Role(args.role)]}{where}")
    return 0
