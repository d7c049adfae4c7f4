"""User accounts (用户管理): add, list, reset a password, unlock, deactivate, change role or scope.

Only an administrator manages users; every change is audited (never a password or its hash).
A scoped user (scope_org_id: a district or street) sees and changes only workers under it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.accounts.passwords import is_locked
from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import ROLE_NAMES, Role
from workforce.persistence.accounts import User
from workforce.persistence.base import utc_now
from workforce.persistence.org import OrgUnit
from workforce.services.accounts import audit
from workforce.services.accounts.auth import hash_password, minute_text, store_password
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
    scope_org_id: int | None = None
    has_password: bool = False
    locked_until: dt.datetime | None = None
    must_change_password: bool = False

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
    db: Database,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role | str,
    *,
    scope_org_id: int | None = None,
    password: str | None = None,
) -> int:
    """添加用户: a unique user name (letters, digits, _ . - or Chinese, 2–50 characters),
    optionally limited to a district or street (scope) and with a first password (to be changed
    at the first login)."""
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
        _check_scope(session, scope_org_id)
        if password is not None:
            _require_own_password(session, actor)
        user = User(
            username=username,
            display_name=display,
            role=chosen.value,
            password_hash="" if password is None else hash_password(username, password),
            scope_org_id=scope_org_id,
        )
        session.add(user)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "app_user",
            user.id,
            {
                "username": (None, username),
                "display_name": (None, display),
                "role": (None, chosen),
                "scope_org_id": (None, scope_org_id),
            },
        )
        return user.id


def list_users(db: Database) -> list[UserInfo]:
    """Every account, in the order they were added."""
    with db.reading() as session:
        rows = session.execute(
            select(
                User.id,
                User.username,
                User.display_name,
                User.role,
                User.active,
                User.created_at,
                User.scope_org_id,
                User.password_hash != "",
                User.locked_until,
                User.must_change_password,
            ).order_by(User.id)
        ).tuples()
        now = utc_now()
        return [
            UserInfo(i, u, d, Role(r), a, c, s, bool(h), lock if is_locked(lock, now) else None, m)
            for i, u, d, r, a, c, s, h, lock, m in rows
        ]


def _check_scope(session: Session, scope_org_id: int | None) -> None:
    if scope_org_id is not None:
        unit = session.get(OrgUnit, scope_org_id)
        if unit is None or unit.kind not in {"district", "street"}:
            raise ActionRefused(f"范围 {scope_org_id} 不是区或街道")


def _require_own_password(session: Session, actor: Actor) -> None:
    """Giving others passwords turns on logging in for everybody: the administrator needs a
    password first, or could no longer log in."""
    own = session.get(User, actor.user_id) if actor.user_id is not None else None
    if own is None or not own.password_hash:
        raise ActionRefused(
            f"请先为当前用户「{actor.username}」设置密码（workforce user passwd），再为他人设置密码"
        )


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip()).with_for_update())
    if user is None:
        raise ActionRefused(f"用户「{username}」不存在")
    return user


def reset_password(db: Database, actor: Actor, username: str, password: str) -> None:
    """重置密码: an administrator sets a user's password; the user must change it at the next
    login (unless it is the administrator's own). Unlocks the account."""
    require(actor, Action.MANAGE_USERS)
    with db.transaction() as session:
        user = _user(session, username)
        if user.id != actor.user_id:
            _require_own_password(session, actor)
        store_password(
            session,
            actor,
            user,
            password,
            "reset_password",
            note="管理员设置密码",
            must_change=user.id != actor.user_id,
        )


def unlock_user(db: Database, actor: Actor, username: str) -> None:
    """解锁: clear a lock-out and the failure count."""
    require(actor, Action.MANAGE_USERS)
    with db.transaction() as session:
        user = _user(session, username)
        before = (user.failed_logins, user.locked_until)
        user.failed_logins, user.locked_until = 0, None
        audit.record(
            session,
            actor,
            "unlock",
            "app_user",
            user.id,
            {"failed_logins": (before[0], 0), "locked_until": (minute_text(before[1]), None)},
        )


def _other_admins(session: Session, user: User) -> int:
    return len(
        session.scalars(
            select(User.id).where(
                User.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id
            )
        ).all()
    )


def deactivate_user(db: Database, actor: Actor, username: str) -> None:
    """停用: the account can no longer log in; its history stays. Never the last administrator."""
    require(actor, Action.MANAGE_USERS)
    with db.transaction() as session:
        user = _user(session, username)
        if not user.active:
            raise ActionRefused(f"用户「{user.username}」已停用")
        if user.id == actor.user_id:
            raise ActionRefused("不能停用当前登录的用户")
        if user.role == Role.ADMIN.value and not _other_admins(session, user):
            raise ActionRefused("不能停用唯一的管理员")
        user.active = False
        audit.record(session, actor, "deactivate", "app_user", user.id, {"active": (True, False)})


def set_role(
    db: Database,
    actor: Actor,
    username: str,
    role: Role | str,
    scope_org_id: int | None = None,
) -> None:
    """改角色: a new role and scope (a district or street id, or None for the whole region)."""
    require(actor, Action.MANAGE_USERS)
    chosen = _role(role)
    with db.transaction() as session:
        user = _user(session, username)
        _check_scope(session, scope_org_id)
        if (
            user.role == Role.ADMIN.value
            and chosen is not Role.ADMIN
            and not _other_admins(session, user)
        ):
            raise ActionRefused("不能取消唯一的管理员的管理员角色")
        changes = {
            "role": (user.role, chosen.value),
            "scope_org_id": (user.scope_org_id, scope_org_id),
        }
        user.role, user.scope_org_id = chosen.value, scope_org_id
        audit.record(
            session,
            actor,
            "set_role",
            "app_user",
            user.id,
            {k: v for k, v in changes.items() if v[0] != v[1]},
        )
