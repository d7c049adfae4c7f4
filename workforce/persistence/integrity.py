"""SQLite's own consistency checks of the embedded file: ``PRAGMA quick_check`` (faster: it does
not match each index against its table) and ``PRAGMA integrity_check`` (everything).

Both answer ``ok`` for an intact file and otherwise one line per problem; a file too damaged to
read at all answers with the error SQLite raised. PostgreSQL keeps its own pages consistent: there
is nothing to check here for it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

MAX_PROBLEMS = 100
"""Lines asked of SQLite (its default is 100; the first few tell the story)."""


def _problems(rows: list[tuple[str]]) -> tuple[str, ...]:
    lines = tuple(line for (text,) in rows for line in str(text).splitlines() if line)
    return () if lines == ("ok",) else lines


def check_engine(engine: Engine) -> tuple[str, ...]:
    """``PRAGMA quick_check`` of the engine's SQLite database: () when intact, else SQLite's
    lines; () for any other database."""
    if engine.dialect.name != "sqlite":
        return ()
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(f"PRAGMA quick_check({MAX_PROBLEMS})").all()
    except DBAPIError as exc:  # not even the schema could be read
        return (str(exc.orig),)
    return _problems([(row[0],) for row in rows])


def check_file(path: Path) -> tuple[str, ...]:
    """``PRAGMA integrity_check`` of a database file opened read-only (a backup): () when intact,
    else SQLite's lines (or its error, for a file that is no database)."""
    try:
        uri = f"file:{path}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
            rows = connection.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})").fetchall()
    except sqlite3.Error as exc:
        return (str(exc),)
    return _problems(rows)
