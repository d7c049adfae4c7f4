"""Hints that name a real next step: the user who can do it, or how to add one first."""

from __future__ import annotations

from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.vocab import ROLE_NAMES, Role
from workforce.services.accounts.users import list_users
from workforce.services.context import Actor, Database

SHOWN_NAMES = 3


def by_another(db: Database, actor: Actor, action: Action, role: Role, command: str) -> str:
    """The step a second user must take (approval, four eyes): ``command --user NAME`` with the
    active users other than ``actor`` who may, or how to add one when there is none."""
    able = [
        u.username
        for u in list_users(db)
        if u.active and u.user_id != actor.user_id and is_allowed(u.role, action)
    ]
    return _hint(able, role, command)


def by_anyone(db: Database, actor: Actor, action: Action, role: Role, command: str) -> str:
    """A step any user who may can take: ``command`` when ``actor`` may, else as for
    ``by_another``."""
    if is_allowed(actor.role, action):
        return f"下一步：{command}"
    able = [u.username for u in list_users(db) if u.active and is_allowed(u.role, action)]
    return _hint(able, role, command)


def _hint(able: list[str], role: Role, command: str) -> str:
    name = ROLE_NAMES[role]
    if not able:
        return (
            f"下一步须由{name}完成，但还没有{name}账号：先添加一个"
            f"（workforce user add 用户名 --role {role.value}），"
            f"再运行 {command} --user 用户名"
        )
    others = f"（可选：{'、'.join(able[:SHOWN_NAMES])}）" if len(able) > 1 else ""
    return f"下一步：{command} --user {able[0]}{others}"
