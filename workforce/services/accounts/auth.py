"""Logging in (登录): argon2 password hashes, failed-login counting, lock-out, password changes.

The hash never leaves this module and never reaches the audit log. Lock-out limits and the
desktop's idle time-out are region settings (``login_max_failures``, ``login_lock_minutes``,
``session_idle_minutes``) with the defaults of ``workforce.domain.accounts.passwords``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import replace

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.accounts.passwords import (
    DEFAULT_IDLE_MINUTES,
    DEFAULT_LOCK_MINUTES,
    DEFAULT_MAX_FAILURES,
    LockoutPolicy,
    as_utc,
    is_locked,
    password_problem,
)
from workforce.domain.accounts.permissions import DEFAULT_ADMIN
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import Setting, User
from workforce.persistence.base import utc_now
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database

HASHER = PasswordHasher()
"""argon2id with the library's current defaults; a change here rehashes at the next login."""

WRONG = "用户名或密码不正确"


def _int_setting(session: Session, key: str, default: int) -> int:
    row = session.get(Setting, key)
    try:
        return int(row.value) if row is not None else default
    except (TypeError, ValueError):
        return default


def lockout_policy(session: Session) -> LockoutPolicy:
    return LockoutPolicy(
        _int_setting(session, "login_max_failures", DEFAULT_MAX_FAILURES),
        _int_setting(session, "login_lock_minutes", DEFAULT_LOCK_MINUTES),
    )


def idle_minutes(db: Database) -> int:
    """Minutes without input after which the desktop locks (0: never)."""
    with db.reading() as session:
        return _int_setting(session, "session_idle_minutes", DEFAULT_IDLE_MINUTES)


def hash_password(username: str, password: str) -> str:
    """The argon2 hash of an acceptable password; refuses one the policy rejects."""
    problem = password_problem(username, password)
    if problem is not None:
        raise ActionRefused(problem)
    return HASHER.hash(password)


def store_password(
    session: Session,
    actor: Actor,
    user: User,
    password: str,
    action: str,
    *,
    note: str,
    must_change: bool = False,
) -> None:
    """Give ``user`` a new ``password`` (hashed), unlock the account and audit it as ``action``:
    the record names what else changes, never the password or its hash."""
    changes = {
        "must_change_password": (user.must_change_password, must_change),
        "failed_logins": (user.failed_logins, 0),
        "locked_until": (minute_text(user.locked_until), None),
    }
    user.password_hash = hash_password(user.username, password)
    user.must_change_password = must_change
    user.failed_logins, user.locked_until = 0, None
    audit.record(
        session,
        actor,
        action,
        "app_user",
        user.id,
        {k: v for k, v in changes.items() if v[0] != v[1]},
        note=note,
    )


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, Role(user.role), user.scope_org_id)


def _signed_in(user: User) -> Actor:
    """The actor of a login: one whose password an administrator set may do nothing else until
    it changes it (``require`` refuses)."""
    return replace(_actor(user), must_change_password=user.must_change_password)


def _matches(user: User, password: str) -> bool:
    if not user.password_hash:
        return False
    try:
        return HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def minute_text(moment: dt.datetime | None) -> str | None:
    """A lock's end as the audit shows it (UTC, to the minute; SQLite keeps it naive)."""
    return None if moment is None else as_utc(moment).isoformat(timespec="minutes")


_decoy: list[str] = []


def _matches_nothing(password: str) -> None:
    if not _decoy:
        _decoy.append(HASHER.hash("decoy password"))
    with contextlib.suppress(VerificationError, InvalidHashError):
        HASHER.verify(_decoy[0], password)


def login_required(db: Database) -> bool:
    """True once any active account has a password: from then on everybody logs in. Before that
    the embedded single-clerk database opens as the administrator without a prompt."""
    with db.reading() as session:
        found = session.scalar(
            select(User.id).where(User.active.is_(True), User.password_hash != "").limit(1)
        )
        return found is not None


def initial_password_due(db: Database) -> bool:
    """The first start: no account has a password and the administrator must set one."""
    with db.reading() as session:
        admin = session.scalar(select(User).where(User.username == DEFAULT_ADMIN))
        pending = admin is not None and admin.active and not admin.password_hash
    return pending and not login_required(db)


def password_change_due(db: Database, actor: Actor) -> bool:
    """The user must choose a new password (set by an administrator, or never set)."""
    with db.reading() as session:
        user = session.get(User, actor.user_id) if actor.user_id is not None else None
        return user is not None and (user.must_change_password or not user.password_hash)


def authenticate(
    db: Database, username: str, password: str, *, now: dt.datetime | None = None
) -> Actor:
    """登录: the actor for a correct user name and password. A wrong password counts as a failed
    login; too many in a row lock the account for a while (both audited)."""
    now = now or utc_now()
    refusal = ""
    with db.transaction() as session:
        user = session.scalar(
            select(User).where(User.username == username.strip()).with_for_update()
        )
        if user is None:
            _matches_nothing(password)  # as slow as a real check: no hint which names exist
            # not the typed name: people type their password into the name field by mistake
            nobody = Actor(None, "（未知用户）", Role.CLERK)
            audit.record(session, nobody, "login_failed", "app_user", None, note="无此用户名")
            refusal = WRONG
        elif not user.active:
            refusal = f"用户「{user.username}」已停用，请联系管理员"
        elif is_locked(user.locked_until, now):
            until = as_utc(user.locked_until or now).astimezone().strftime("%H:%M")
            refusal = (
                f"用户「{user.username}」因多次密码错误已锁定，请于{until}后再试或请管理员解锁"
            )
        elif not user.password_hash:
            refusal = f"用户「{user.username}」尚未设置密码，请管理员先设置密码"
        elif not _matches(user, password):
            before, expired = user.failed_logins, user.locked_until
            user.failed_logins, user.locked_until = lockout_policy(session).after_failure(
                before, now
            )
            # the stored count: a lock-out restarts it at 0
            audit.record(
                session,
                _actor(user),
                "login_failed",
                "app_user",
                user.id,
                {"failed_logins": (before, user.failed_logins)},
            )
            if user.locked_until is not None:
                audit.record(
                    session,
                    _actor(user),
                    "lock",
                    "app_user",
                    user.id,
                    {"locked_until": (minute_text(expired), minute_text(user.locked_until))},
                    note="连续密码错误，自动锁定",
                )
                refusal = f"密码连续错误，用户「{user.username}」已锁定，请稍后再试或请管理员解锁"
            else:
                refusal = WRONG
        else:
            if HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = HASHER.hash(password)
            changes = {
                "failed_logins": (user.failed_logins, 0),
                "locked_until": (minute_text(user.locked_until), None),
            }
            user.failed_logins, user.locked_until = 0, None
            audit.record(
                session,
                _actor(user),
                "login",
                "app_user",
                user.id,
                {k: v for k, v in changes.items() if v[0] != v[1]},
            )
            return _signed_in(user)
    raise ActionRefused(refusal)


def change_own_password(db: Database, actor: Actor, current: str, new: str) -> Actor:
    """修改密码: the user changes their own password, proving the current one (if any); the
    actor it returns may act again (no longer ``must_change_password``)."""
    with db.transaction() as session:
        user = session.get(User, actor.user_id, with_for_update=True)
        if user is None or not user.active:
            raise ActionRefused(f"用户「{actor.username}」不存在或已停用")
        if user.password_hash and not _matches(user, current):
            raise ActionRefused("当前密码不正确")
        if user.password_hash and current == new:
            raise ActionRefused("新密码不能与当前密码相同")
        store_password(session, actor, user, new, "change_password", note="本人修改密码")
    return replace(actor, must_change_password=False)


def set_initial_password(db: Database, new: str) -> Actor:
    """首次启动: the administrator sets the first password; refused once any account has one."""
    with db.transaction() as session:
        admin = session.scalar(select(User).where(User.username == DEFAULT_ADMIN).with_for_update())
        taken = session.scalar(select(User.id).where(User.password_hash != "").limit(1))
        if admin is None or admin.password_hash or taken is not None:
            raise ActionRefused("初始管理员密码已设置，请登录")
        admin.password_hash = hash_password(admin.username, new)
        admin.must_change_password = False
        actor = _actor(admin)
        audit.record(session, actor, "change_password", "app_user", admin.id, note="设置初始密码")
        return actor
