"""Damage a SQLite file the way a lost write or a stale log does: bytes overwritten in the middle
of one of a table's b-tree leaf pages, so that ``PRAGMA quick_check`` reports it."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from workforce.services.context import Database


def damage_file(path: Path, table: str = "worker") -> None:
    """Overwrite 64 bytes in the middle of the second leaf page of ``table`` (it needs rows
    for several pages: a demo of a few hundred workers)."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            number
            for (number,) in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (table,),
            )
        ]
    assert len(pages) > 2, f"{table} fills {len(pages)} leaf pages: add rows"
    with path.open("r+b") as file:
        file.seek((pages[1] - 1) * size + size // 2)
        file.write(b"\xff" * 64)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        answer = connection.execute("PRAGMA quick_check").fetchone()[0]
    assert answer != "ok", "the damage went unnoticed"


def damage_live(db: Database, table: str = "worker") -> Path:
    """Damage the file behind ``db`` (its pool closed first, the log folded in)."""
    name = db.engine.url.database
    assert name is not None
    db.engine.dispose()
    path = Path(name)
    damage_file(path, table)
    return path
