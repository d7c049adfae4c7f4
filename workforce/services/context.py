"""What every service needs: the database and the acting user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workforce.domain.permissions import Action, is_allowed
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import ROLE_NAMES, Role
from workforce.persistence.database import close_engine, make_engine, make_session_factory


@dataclass(frozen=True, slots=True)
class Actor:
    """The user on whose behalf a service acts."""

    user_id: int | None
    username: str
    role: Role
    scope_org_id: int | None = None


@dataclass
class Database:
    """An engine and its session factory; sessions never cross threads."""

    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self.sessions = make_session_factory(self.engine)

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

    def close(self) -> None:
        """Close every connection; the last ``Database`` on a file gives the file up."""
        close_engine(self.engine)


def require(actor: Actor, action: Action) -> None:
    """Refuse the action unless the actor's role allows it."""
    if not is_allowed(actor.role, action):
        raise ActionRefused(
            f"当前用户「{actor.username}」（{ROLE_NAMES[actor.role]}）无权执行此操作"
        )
