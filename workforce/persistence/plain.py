"""Plain reads for the 100,000-row read models: rows as the DBAPI returns them.

SQLAlchemy's per-row result processing (dates parsed from SQLite text, booleans, JSON) cost more
than the queries themselves at city scale; these readers take the driver's values and convert only
the columns that need it (with the C parsers: ``date.fromisoformat``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Select


def plain_rows(session: Session, statement: Select[Any]) -> list[tuple[Any, ...]]:
    """The rows of a Core ``select`` as the DBAPI returns them (no result processing).

    For the 100,000-row reads of a preparation, where SQLAlchemy's per-row result processing
    cost more than the query. The caller takes values as the driver gives them: on SQLite a
    date is ISO text (see ``dates_of``); JSON is its text on both (see ``load_json``)."""
    connection = session.connection()
    compiled = statement.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.construct_params()
    for name, process in compiled._bind_processors.items():
        if callable(process) and params.get(name) is not None:  # (tuple binds: not used here)
            params[name] = process(params[name])
    args: Any = params
    if compiled.positiontup is not None:
        args = tuple(params[name] for name in compiled.positiontup)
    cursor = connection.connection.cursor()
    if connection.dialect.name == "postgresql":  # JSON as its text, like SQLite (see load_json)
        _json_as_text(cursor)
    try:
        cursor.execute(compiled.string, args)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _json_as_text(cursor: Any) -> None:
    """psycopg parses every JSON value of every row; the plan's readers parse each distinct text
    once (``persistence.adjustment.load_json``), as they do on SQLite."""
    from psycopg.types.string import TextLoader  # (PostgreSQL only)

    for name in ("json", "jsonb"):
        cursor.adapters.register_loader(name, TextLoader)


def dates_of(values: Iterable[dt.date | str | None]) -> dict[Any, dt.date]:
    """Each distinct date of a column read by ``plain_rows`` → the ``date`` (ISO text on SQLite,
    parsed once per distinct text: a 100,000-row read holds a few thousand distinct dates); NULL
    is left out (``.get`` gives None)."""
    return {
        value: dt.date.fromisoformat(value) if isinstance(value, str) else value
        for value in set(values)
        if value is not None
    }
