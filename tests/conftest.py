"""Shared fixtures: a fresh, initialised database on SQLite and on PostgreSQL for every test."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, insert, select, text
from sqlalchemy.engine import make_url

from tests.audit_guard import AuditGuard
from tests.memory_keyring import memory_keyring, no_keyring  # noqa: F401 - fixtures for all tests
from workforce.persistence import connection
from workforce.persistence.connection import CONFIG_ENV
from workforce.persistence.models import Base
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Actor, Database
from workforce.services.system.setup import initialise

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# this PC's saved database connection (系统 → 数据库连接) is not the tests': none, unless a test
# writes one here
os.environ[CONFIG_ENV] = tempfile.mkdtemp(prefix="workforce-config-")

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


@pytest.fixture(autouse=True)
def _connection_settings_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's saved database connection (none until it saves one) and the passwords typed
    for the run are its own."""
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    monkeypatch.setattr(connection, "_typed", {})


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
    """A throw-away PostgreSQL database for this test session, migrated and initialised once."""
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
    database = Database.open(url)
    try:
        initialise(database)
    finally:
        database.close()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@dataclass(frozen=True)
class _Initialised:
    """The session database as ``initialise`` left it: every row, every sequence."""

    rows: dict[str, list[dict[str, Any]]]
    sequences: list[tuple[str, int, bool]]


@pytest.fixture(scope="session")
def _pg_initialised(pg_url: str) -> _Initialised:
    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection:
            rows = {
                table.name: [dict(row._mapping) for row in connection.execute(select(table))]
                for table in Base.metadata.sorted_tables
            }
            sequences = connection.execute(
                text(
                    "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename),"
                    " coalesce(last_value, start_value), last_value IS NOT NULL FROM pg_sequences"
                )
            ).all()
    finally:
        engine.dispose()
    return _Initialised(
        {name: kept for name, kept in rows.items() if kept},
        [(name, int(value), bool(called)) for name, value, called in sequences],
    )


def _reset_postgres(db: Database, initialised: _Initialised) -> None:
    """Back to the initialised state in one transaction of a few hundredths of a second (emptying
    every table with TRUNCATE and initialising again took a few tenths, a third of a minute
    for the suite): the tables that hold rows are emptied and the initial rows put back as
    they were, with triggers and foreign keys off for the transaction (``replica``; the
    protection of the audit log and of locked months is the program's, not the fixture's);
    every sequence goes back to where ``initialise`` left it."""
    tables = Base.metadata.sorted_tables
    probe = " UNION ALL ".join(
        f"SELECT '{t.name}' WHERE EXISTS (SELECT 1 FROM \"{t.name}\")" for t in tables
    )
    with db.engine.begin() as connection:
        filled = set(connection.execute(text(probe)).scalars()) | set(initialised.rows)
        connection.execute(text("SET LOCAL session_replication_role = replica"))
        for table in reversed(tables):
            if table.name in filled:
                connection.execute(table.delete())
        for table in tables:
            if table.name in initialised.rows:
                connection.execute(insert(table), initialised.rows[table.name])
        connection.execute(
            text(
                "SELECT "
                + ", ".join(
                    f"setval('{name}', {value}, {'true' if called else 'false'})"
                    for name, value, called in initialised.sequences
                )
            )
        )


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An initialised database (default district, administrator, demo scale) on each backend:
    on SQLite a copy of a file initialised once, on PostgreSQL the session's database put back
    to its initialised state."""
    if request.param == "sqlite":
        path = tmp_path / "workforce.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        database = Database.open(f"sqlite:///{path}")
    else:
        database = Database.open(request.getfixturevalue("pg_url"))
        _reset_postgres(database, request.getfixturevalue("_pg_initialised"))
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
