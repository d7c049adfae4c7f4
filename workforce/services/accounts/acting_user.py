"""Accounts as the services see them: the acting user.

Until any account has a password (the embedded single-clerk database) a user name is enough;
from then on only ``authenticate`` (or ``sign_in``) yields an actor.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from workforce.domain.accounts.permissions import DEFAULT_ADMIN, Action
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import User
from workforce.services.accounts.auth import authenticate, login_required
from workforce.services.context import Actor, Database, password_change_first, refuse_role


def actor_for(db: Database, username: str = DEFAULT_ADMIN) -> Actor:
    """The actor for a user name, without a password: only while no account has one."""
    if login_required(db):
        raise ActionRefused(f"已启用密码登录：请以用户「{username}」登录（输入其密码）后再操作")
    with db.reading() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None or not user.active:
            raise ActionRefused(f"用户「{username}」不存在或已停用")
        return Actor(user.id, user.username, Role(user.role), user.scope_org_id)


def sign_in(
    db: Database,
    username: str,
    ask_password: Callable[[], str],
    *,
    action: Action | None = None,
    changing_password: bool = False,
) -> Actor:
    """The actor for the command line: no prompt while no account has a password, else the
    password from ``ask_password`` (a wrong one counts as a failed login).

    ``action``, what the command will do, is checked against the user's role before the password
    is asked: a role that may not do it is refused at once (nothing else is said about the
    account; an unknown or inactive name goes on to the usual login refusal). An account whose
    password an administrator set may only change it (``changing_password``)."""
    if action is not None:
        _refuse_role_first(db, username, action)
    if not login_required(db):
        return actor_for(db, username)
    if changing_password:
        return authenticate(db, username, ask_password())
    return sign_as(db, username, ask_password())


def sign_as(db: Database, username: str, password: str) -> Actor:
    """The actor of a login that is to act at once (a command, the desktop's "sign as" of a
    second user at one desk): refused while the password is one an administrator set."""
    actor = authenticate(db, username, password)
    if actor.must_change_password:
        raise ActionRefused(password_change_first(actor.username))
    return actor


def _refuse_role_first(db: Database, username: str, action: Action) -> None:
    with db.reading() as session:
        role = session.scalar(
            select(User.role).where(User.username == username.strip(), User.active.is_(True))
        )
    if role is not None:
        refuse_role(username.strip(), Role(role), action)
