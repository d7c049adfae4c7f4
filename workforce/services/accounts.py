"""Accounts as the services see them: the acting user."""

from __future__ import annotations

from sqlalchemy import select

from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import User
from workforce.services.context import Actor, Database
from workforce.services.setup import DEFAULT_ADMIN


def actor_for(db: Database, username: str = DEFAULT_ADMIN) -> Actor:
    """The actor for a user name (the embedded single-clerk case uses the administrator)."""
    with db.reading() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None or not user.active:
            raise ActionRefused(f"用户「{username}」不存在或已停用")
        return Actor(user.id, user.username, Role(user.role), user.scope_org_id)
