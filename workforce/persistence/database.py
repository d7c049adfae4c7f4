"""Engines and sessions: the embedded SQLite file by default, PostgreSQL by URL.

SQLite runs in WAL mode with foreign keys on; the schema is owned by Alembic (``migrate``).
"""

from __future__ import annotations

import os
import weakref
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from workforce.domain.problems import ActionRefused
from workforce.persistence import file_lock
from workforce.persistence.backup_files import sqlite_file
from workforce.persistence.connection import address_of, load_settings, stored_password
from workforce.persistence.network_share import refuse_network_share

ENV_VAR = "WORKFORCE_DB"


def default_database_path() -> Path:
    """The embedded database in the user's data folder (created on first start)."""
    return Path(user_data_dir("workforce", appauthor=False)) / "workforce.db"


def resolve_url(url: str | None = None) -> str:
    """``--db`` first, then ``WORKFORCE_DB``, then this PC's saved connection (系统 → 数据库连接),
    then the embedded file."""
    chosen = url or os.environ.get(ENV_VAR)
    if chosen:
        if "://" not in chosen:  # a bare path means a SQLite file
            return f"sqlite:///{Path(chosen).expanduser().resolve()}"
        return chosen
    saved = load_settings()
    if saved is not None:
        return saved.url(default_database_path())
    return f"sqlite:///{default_database_path()}"


CONNECT_TIMEOUT = 10
"""Seconds to wait for a server before saying it cannot be reached (libpq waits minutes)."""


def _server_arguments(url: str) -> dict[str, Any]:
    """A PostgreSQL URL without a password gets the one typed in this run or kept in the
    credential store (else libpq tries ``PGPASSWORD`` and the passfile)."""
    parsed = make_url(url)
    arguments: dict[str, Any] = {}
    if "connect_timeout" not in parsed.query:
        arguments["connect_timeout"] = CONNECT_TIMEOUT
    address = address_of(url)
    if parsed.password is None and address is not None:
        password = stored_password(address)
        if password is not None:
            arguments["password"] = password
    return arguments


SYNCHRONOUS = "FULL"
"""Every commit is on the disk when it returns (the write-ahead log is synced at each commit):
a month locked, a run applied or reverted, an import reported done survive a power cut. With
``NORMAL`` the last commits before a power cut may be rolled back; FULL costs 1–5 ms a commit
here (bench/bench_durability.py)."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


MINIMUM_POSTGRESQL = 13


def check_server_version(dbapi_connection: Any, _record: Any = None) -> None:
    """Refuse a PostgreSQL server older than 13 (12 and older are past their end of life and
    untested here) before anything is read or written."""
    number = int(dbapi_connection.info.server_version)  # e.g. 160002 for 16.2
    if number < MINIMUM_POSTGRESQL * 10000:
        shown = f"{number // 10000}.{number % 10000}" if number >= 100000 else str(number)
        raise ActionRefused(
            f"PostgreSQL 服务器版本为 {shown}，本程序需要 {MINIMUM_POSTGRESQL} 或更高版本，"
            "请联系数据库管理员升级"
        )


def make_engine(url: str | None = None) -> Engine:
    """An engine for the chosen database. For a SQLite file: creates its folder if needed,
    refuses a network share and takes the file for this program (``file_lock``) until
    ``close_engine``."""
    resolved = resolve_url(url)
    if make_url(resolved).get_backend_name() == "postgresql":
        engine = create_engine(resolved, connect_args=_server_arguments(resolved))
    else:
        engine = create_engine(resolved)
    live = sqlite_file(engine)
    if live is not None:
        live.parent.mkdir(parents=True, exist_ok=True)
        refuse_network_share(live)
        key = file_lock.acquire(live)
        _owners[engine] = weakref.finalize(engine, file_lock.release, key)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "connect", check_server_version)
    return engine


_owners: weakref.WeakKeyDictionary[Engine, weakref.finalize[..., Engine]] = (
    weakref.WeakKeyDictionary()
)


def close_engine(engine: Engine) -> None:
    """Close every connection and give up the file (the lock goes with its last engine)."""
    engine.dispose()
    owner = _owners.pop(engine, None)
    if owner is not None:
        owner()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def describe_url(engine: Engine) -> str:
    """The database as a person would name it, without a password."""
    return engine.url.render_as_string(hide_password=True)


def refresh_statistics(engine: Engine) -> None:
    """After a bulk load, give PostgreSQL's planner statistics of the new rows (``ANALYZE``) at
    once, as pg_restore's documentation advises: until autovacuum gets to the tables (or never,
    where a server runs without it) every plan is guessed from empty tables.

    SQLite: nothing. Without ``sqlite_stat1`` its planner takes the indexes the bulk queries are
    written for; statistics could change those plans behind the measured ones."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
