"""User accounts for the four-eyes steps (审核员 approves what a 录入员 prepared).

Only an administrator adds users. Passwords and lock-out come later: the hash stays empty.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select

from workforce.domain.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import ROLE_NAMES, Role
from workforce.persistence.accounts import User
from workforce.services import audit
from workforce.services.context import Actor, Database, require

USERNAME = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,50}$")


@dataclass(frozen=True, slots=True)
class UserInfo:
    user_id: int
    username: str
    display_name: str
    role: Role
    active: bool
    created_at: dt.datetime

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[self.role]


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        choices = "、".join(f"{r.value}（{ROLE_NAMES[r]}）" for r in Role)
        raise ActionRefused(f"未知的角色「{value}」，可用：{choices}") from None


def create_user(
    db: Database, actor: Actor, username: str, display_name: str, role: Role | str
) -> int:
    """添加用户: a unique user name (letters, digits, _ . - or Chinese, 2–50 characters)."""
    require(actor, Action.MANAGE_USERS)
    username = username.strip()
    if not USERNAME.match(username):
        raise ActionRefused(
            f"用户名「{username}」无效：应为2–50个字母、数字、汉字或 _ . -，不含空格"
        )
    chosen = _role(role)
    display = display_name.strip() or username
    if len(display) > 50:
        raise ActionRefused("显示名最多50个字")
    with db.transaction() as session:
        if session.scalar(select(User.id).where(User.username == username)) is not None:
            raise ActionRefused(f"用户名「{username}」已存在")
        user = User(username=username, display_name=display, role=chosen.value, password_hash="")
        session.add(user)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "app_user",
            user.id,
            {"username": (None, username), "display_name": (None, display), "role": (None, chosen)},
        )
        return user.id


def list_users(db: Database) -> list[UserInfo]:
    """Every account, in the order they were added."""
    with db.reading() as session:
        rows = session.execute(
            select(
                User.id, User.username, User.display_name, User.role, User.active, User.created_at
            ).order_by(User.id)
        ).tuples()
        return [UserInfo(i, u, d, Role(r), a, c) for i, u, d, r, a, c in rows]
