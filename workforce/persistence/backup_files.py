"""The embedded database as files: consistent copies through SQLite's online backup API, a
read-only look inside a copy, and replacing the live file atomically.

A copy is written under a temporary name and renamed when complete, so a crash mid-copy never
leaves a half file that looks like a backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from workforce.persistence.integrity import check_file

PARTIAL = ".part"


def sqlite_file(engine: Engine) -> Path | None:
    """The file behind a SQLite engine; None for PostgreSQL and in-memory databases."""
    if engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def _finish(target: sqlite3.Connection) -> None:
    """A copy is a plain rollback-journal file: it opens read-only without -wal/-shm beside it."""
    target.execute("PRAGMA journal_mode=DELETE")
    target.close()


class DamagedCopy(sqlite3.DatabaseError):
    """A copy that does not pass SQLite's ``integrity_check``: its first finding."""


def copy_live(engine: Engine, destination: Path, *, checked: bool = True) -> None:
    """Copy the live database (consistent even while others write) to ``destination`` and, when
    ``checked``, check the copy: one that is not intact is removed (``DamagedCopy``)."""
    # the caller reserved ``.part`` (empty, or left by nobody else): copy into it, then rename
    partial = destination.with_name(destination.name + PARTIAL)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            _finish(target)
    finally:
        raw.close()
    problems = check_file(partial) if checked else ()
    if problems:
        partial.unlink(missing_ok=True)
        raise DamagedCopy("；".join(problems[:3]))
    os.replace(partial, destination)


def copy_file(source: Path, destination: Path) -> None:
    """Copy a database file that nothing else has open (a backup being restored)."""
    partial = destination.with_name(destination.name + PARTIAL)
    partial.unlink(missing_ok=True)
    with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as reader:
        target = sqlite3.connect(partial)
        try:
            reader.backup(target)
        finally:
            _finish(target)
    os.replace(partial, destination)


def replace_live(engine: Engine, replacement: Path) -> None:
    """Put ``replacement`` (a finished file in the same folder) in place of the live database.

    Every pooled connection is closed first and the write-ahead log folded into the old file and
    removed: a stale -wal beside the new file would be replayed into it."""
    live = sqlite_file(engine)
    assert live is not None
    engine.dispose()
    with contextlib.closing(sqlite3.connect(live)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    for suffix in ("-wal", "-shm"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    os.replace(replacement, live)


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What a database file holds, read without changing it (备份预览)."""

    revision: str | None
    workers: int
    active_workers: int
    last_locked_month: str | None
    last_applied_run: tuple[int, int, dt.datetime] | None  # run id, year, applied at (UTC)
    intact: bool


def _utc(stored: str) -> dt.datetime:
    """A timestamp as SQLAlchemy stores it in SQLite (UTC, written without its zone)."""
    value = dt.datetime.fromisoformat(stored)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in rows}


def read_facts(path: Path, active_statuses: tuple[str, ...], *, check: bool = False) -> FileFacts:
    """Open ``path`` read-only and count what matters to a clerk choosing a backup.

    Raises ``sqlite3.DatabaseError`` when the file is not a SQLite database at all."""
    uri = f"file:{path}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
        tables = _tables(connection)
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        workers = active = 0
        if "worker" in tables:
            workers = connection.execute("SELECT count(*) FROM worker").fetchone()[0]
            marks = ", ".join("?" for _ in active_statuses)
            active = connection.execute(
                f"SELECT count(*) FROM worker WHERE status IN ({marks})", active_statuses
            ).fetchone()[0]
        locked = None
        if "payroll_month" in tables:
            locked = connection.execute(
                "SELECT max(period) FROM payroll_month WHERE status = 'locked'"
            ).fetchone()[0]
        applied = None
        if "adjustment_run" in tables:
            applied = connection.execute(
                "SELECT id, year, applied_at FROM adjustment_run WHERE status = 'applied'"
                " ORDER BY applied_at DESC, id DESC LIMIT 1"
            ).fetchone()
        intact = True
        if check:
            intact = connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    return FileFacts(
        revision,
        workers,
        active,
        str(locked)[:7] if locked else None,
        (applied[0], applied[1], _utc(applied[2])) if applied else None,
        intact,
    )
