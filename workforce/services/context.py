"""What every service needs: the database and the acting user."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import ROLE_NAMES, Role
from workforce.persistence.database import close_engine, make_engine, make_session_factory


@dataclass(frozen=True, slots=True)
class Actor:
    """The user on whose behalf a service acts. ``must_change_password``: signed in with a
    password an administrator set (须修改密码); such an actor may do nothing until it is changed."""

    user_id: int | None
    username: str
    role: Role
    scope_org_id: int | None = None
    must_change_password: bool = False


@dataclass
class Database:
    """An engine and its session factory; sessions never cross threads.

    ``writes_refused`` (set by ``refuse_writes``) stops every write: ``transaction`` refuses with
    its message, and on SQLite every connection opened from then on is ``query_only``, so not
    even a write that bypassed ``transaction`` could reach the file."""

    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)
    writes_refused: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.sessions = make_session_factory(self.engine)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", self._query_only_when_refused)

    @classmethod
    def open(cls, url: str | None = None) -> Database:
        return cls(make_engine(url))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short transaction: commit on success, roll back everything on any error.

        On SQLite it takes the write lock first (``BEGIN IMMEDIATE``): the driver otherwise reads
        outside any transaction until the first write, so two users could both pass a check
        (status, version) before either wrote — what ``SELECT … FOR UPDATE`` prevents on
        PostgreSQL."""
        if self.writes_refused is not None:
            raise ActionRefused(self.writes_refused)
        with self.sessions() as session, session.begin():
            if self.engine.dialect.name == "sqlite":
                try:
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                except OperationalError:  # another PC held the file past the busy timeout
                    raise ActionRefused("数据库正被其他用户写入，请稍后再试") from None
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @contextmanager
    def reading_alone(self) -> Iterator[Session]:
        """A read on a connection of its own, closed at the end instead of going back to the
        pool: a read racing the start-up check (whose ``refuse_writes`` renews the pool) leaves
        no connection open that would keep a restore from replacing the file."""
        with self.engine.connect() as connection:
            connection.detach()
            with self.sessions(bind=connection) as session:
                yield session

    def close(self) -> None:
        """Close every connection; the last ``Database`` on a file gives the file up."""
        close_engine(self.engine)

    def refuse_writes(self, reason: str) -> None:
        """From now on nothing is written; ``reason`` is what every refused write says."""
        self.writes_refused = reason
        self.engine.dispose()  # pooled connections were opened writable

    def allow_writes(self) -> None:
        self.writes_refused = None
        self.engine.dispose()

    def _query_only_when_refused(self, dbapi_connection: Any, _record: Any) -> None:
        if self.writes_refused is not None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA query_only=ON")
            cursor.close()


def password_change_first(username: str) -> str:
    """The refusal for an account whose password an administrator set: how to change it."""
    return (
        f"用户「{username}」的密码由管理员设置，须先修改密码才能操作："
        f"请运行 workforce user passwd --user {username}，或在桌面程序中以该用户登录并按提示修改"
    )


def refuse_role(username: str, role: Role, action: Action) -> None:
    """Refuse unless ``role`` may perform ``action`` (the message names user and role only)."""
    if not is_allowed(role, action):
        raise ActionRefused(f"当前用户「{username}」（{ROLE_NAMES[role]}）无权执行此操作")


def require(actor: Actor, action: Action) -> None:
    """Refuse the action unless the actor's role allows it and its password is its own."""
    if actor.must_change_password:
        raise ActionRefused(password_change_first(actor.username))
    refuse_role(actor.username, actor.role, action)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that all stay alive.

    Its full collections rescan every object built so far: about 20% of the time at 100,000 people.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
