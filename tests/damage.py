"""Damage a SQLite file the way a lost write or a stale log does: bytes overwritten inside one of a
table's b-tree leaf pages, so that ``PRAGMA quick_check`` reports it (line by line, as it does for
the damage of issue 13: "Rowid … out of order", "2nd reference to page …")."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from workforce.services.context import Database

DAMAGE = ((8, b"\x00" * 16), (8, b"\x01\x00" * 32), (1024, b"\x00" * 512), (2048, b"\xff" * 64))
"""(offset in the page, bytes written): tried in turn until quick_check reports the damage."""


def _quick_check(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        try:
            return str(connection.execute("PRAGMA quick_check").fetchone()[0])
        except sqlite3.DatabaseError as exc:  # too broken to be checked: not the case wanted
            return f"error: {exc}"


def damage_file(path: Path, table: str = "worker") -> None:
    """Overwrite bytes of the second leaf page of ``table`` (it needs rows for several pages: a
    demo of a few hundred workers)."""
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
    start = (pages[1] - 1) * size
    original = path.read_bytes()
    for offset, written in DAMAGE:
        with path.open("r+b") as file:
            file.seek(start + offset)
            file.write(written)
        answer = _quick_check(path)
        if answer.startswith("*** in database main ***"):
            return
        path.write_bytes(original)
    raise AssertionError(f"no damage to page {pages[1]} of {path} was reported")


def damage_live(db: Database, table: str = "worker") -> Path:
    """Damage the file behind ``db`` (its pool closed first, the log folded in)."""
    name = db.engine.url.database
    assert name is not None
    db.engine.dispose()
    path = Path(name)
    damage_file(path, table)
    return path
