"""Shared fixtures: a fresh, initialised database on SQLite and on PostgreSQL for every test."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from tests.audit_guard import AuditGuard
from workforce.persistence.models import Base
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Actor, Database
from workforce.services.system.setup import initialise

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_ADMIN_URL = os.environ.get(
    "WORKFORCE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


AUDIT_GUARD = AuditGuard()


@pytest.fixture(scope="session", autouse=True)
def _audit_guard_installed() -> Iterator[AuditGuard]:
    """Every engine of the session is watched: each service test is also an audit test."""
    AUDIT_GUARD.install(Engine)
    yield AUDIT_GUARD
    AUDIT_GUARD.remove(Engine)


@pytest.fixture(autouse=True)
def _audit_guard(_audit_guard_installed: AuditGuard) -> Iterator[AuditGuard]:
    """Fails the test when a program transaction wrote watched tables without auditing,
    even when the error was swallowed on the way (a GUI task showing it, say)."""
    _audit_guard_installed.violations.clear()
    yield _audit_guard_installed
    found = list(_audit_guard_installed.violations)
    _audit_guard_installed.violations.clear()
    assert not found, "unaudited writes: " + " | ".join(found)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, initialised SQLite file copied for each test (migrating once is faster)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = Database.open(f"sqlite:///{path}")
    initialise(db)
    db.close()
    return path


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A throw-away PostgreSQL database for this test session, migrated once."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"workforce_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _reset_postgres(db: Database) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An initialised database (default district, administrator, demo scale) on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "workforce.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        database = Database.open(f"sqlite:///{path}")
    else:
        database = Database.open(request.getfixturevalue("pg_url"))
        initialise(database)
        _reset_postgres(database)
        initialise(database)
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """SQLite only, for tests that are about the embedded file itself."""
    path = tmp_path / "workforce.db"
    shutil.copy(sqlite_template, path)
    database = Database.open(f"sqlite:///{path}")
    yield database
    database.close()


@pytest.fixture
def admin(db: Database) -> Actor:
    return actor_for(db)
